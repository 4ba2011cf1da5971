"""Membership verdicts from the database: the demo member lists, checked by the service."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Membership
from desktop_app.domain.errors import NotFound
from desktop_app.services.admin.events import get_event
from desktop_app.services.membership.directory import (
    check_person,
    event_date,
    event_pricing,
    load_directory,
)
from tests.demo_copies import copy_demo
from tests.demo_queries import bioquebec_domain

SLUG = "forum-montreal-2027"


@pytest.fixture
def demo(database: Database) -> Database:
    copy_demo(database, registrations=50)
    return database


def test_email_at_a_member_domain_is_a_bioquebec_member(demo: Database) -> None:
    with demo.sessions() as session:
        day = event_date(get_event(session, SLUG))
    assert day == date(2027, 3, 23)
    domain = bioquebec_domain(demo, day)
    verdict = check_person(
        demo.sessions, SLUG, name="Camille Tremblay", email=f"camille.tremblay@{domain}"
    )
    assert "bioquebec" in verdict.associations
    kinds = {(e.association, e.kind) for e in verdict.evidence}
    assert ("bioquebec", "email-domain") in kinds
    as_json = verdict.to_json()
    assert "bioquebec" in as_json["associations"]
    assert as_json["status"]["bioquebec"]["status"] == "active"


def test_free_mail_and_unknown_company_is_no_member(demo: Database) -> None:
    verdict = check_person(
        demo.sessions,
        SLUG,
        name="Zébulon Inconnu",
        email="zebulon.inconnu@gmail.com",
        organization="Entreprise Qui N'Existe Pas Zxq",
    )
    assert verdict.associations == frozenset()
    assert verdict.marking == "guest"


def test_directory_holds_the_demo_memberships(demo: Database) -> None:
    with demo.sessions() as session:
        directory = load_directory(session, date(2027, 3, 23))
        count = len(session.scalars(select(Membership.id)).all())
    assert len(directory) == count > 0


def test_event_pricing_adapts_the_event(demo: Database) -> None:
    with demo.sessions() as session:
        pricing = event_pricing(get_event(session, SLUG))
    assert pricing.partners == frozenset({"bioquebec", "lso"})
    assert pricing.category("member").amount > 0
    assert str(pricing.province) == "QC"


def test_unknown_event_is_not_found(demo: Database) -> None:
    with pytest.raises(NotFound):
        check_person(demo.sessions, "no-such-event", email="a@b.ca")
