"""Exhibitor accounts made for a declared exhibitor only."""

from __future__ import annotations

import pytest

from desktop_app.db.database import Database
from desktop_app.domain.errors import Invalid
from desktop_app.services.admin.staff import list_staff, sign_in
from desktop_app.services.leads.accounts import create_exhibitor_account, exhibitor_choices
from tests.services.leads_data import setup_leads


def test_an_account_is_made_only_for_an_exhibitor_an_event_declares(database: Database) -> None:
    setup_leads(database.sessions)
    sophie = sign_in(database.sessions, "Sophie", "246810")
    assert [(c.code, c.name) for c in exhibitor_choices(database.sessions)] == [
        ("alpha", "Alpha Biotech"),
        ("beta", "Beta Pharma"),
        ("gamma", "Gamma Labs"),
    ]
    before = list_staff(database.sessions)
    with pytest.raises(Invalid, match="delta"):
        create_exhibitor_account(database.sessions, "delta", "Stand Delta", "975310", by=sophie)
    assert list_staff(database.sessions) == before
    marie = sign_in(database.sessions, "Marie", "112233")  # a desk account makes no account
    with pytest.raises(Invalid):
        create_exhibitor_account(database.sessions, "gamma", "Stand Gamma", "975310", by=marie)
    made = create_exhibitor_account(database.sessions, "gamma", "Stand Gamma", "975310", by=sophie)
    assert (made.role, made.exhibitor_code) == ("exhibitor", "gamma")
