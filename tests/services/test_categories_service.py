"""The walk-in form lists an event's price categories from a service, in both languages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.db.database import Database
from desktop_app.domain.errors import NotFound
from desktop_app.services.registrations.categories import CategoryChoice, event_categories
from tests.services.money_desk import MONTREAL, setup_money_desk


def test_lists_the_event_categories_in_order_with_price_and_eligibility(
    database: Database,
) -> None:
    setup_money_desk(database.sessions)
    categories = event_categories(database.sessions, MONTREAL)
    assert [c.code for c in categories][:3] == ["member-early", "member", "non-member"]
    member = categories[1]
    assert member == CategoryChoice(
        code="member",
        name_fr="Membre",
        name_en="Member",
        eligibility="member",
        amount=Decimal("525.00"),
        taxes_included=False,
    )
    assert member.name("fr") == "Membre" and member.name("en") == "Member"
    assert categories[0].available_until is not None
    assert {c.eligibility for c in categories} <= {"member", "non-member", "any", "comp"}


def test_an_unknown_event_is_not_found(database: Database) -> None:
    with pytest.raises(NotFound):
        event_categories(database.sessions, "no-such-event")
