"""Known people among demo data, for the search tests (both back ends)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.database import Database
from desktop_app.db.models import Event, Person, PriceCategory, Registration
from tests.demo_copies import copy_demo

MONTREAL = "forum-montreal-2027"
TORONTO = "partnering-toronto-2027"
NOW = datetime(2027, 3, 23, 14, 0, tzinfo=UTC)


def add_registration(
    session: Session,
    *,
    first: str,
    last: str,
    email: str | None = None,
    organization: str | None = None,
    code: str,
    slug: str = MONTREAL,
    status: str = "active",
    due: str = "100.00",
    paid: str = "100.00",
    verdict: dict[str, Any] | None = None,
    flag: str | None = None,
) -> Registration:
    """A person and their registration, added through the ORM like any writer would."""
    event = session.scalars(select(Event).where(Event.slug == slug)).one()
    category = session.scalars(
        select(PriceCategory).where(PriceCategory.event_id == event.id).order_by(PriceCategory.id)
    ).first()
    assert category is not None
    person = Person(
        first_name=first,
        last_name=last,
        email=email,
        organization_name=organization,
        created_at=NOW,
    )
    registration = Registration(
        event=event,
        person=person,
        category=category,
        code=code,
        amount_due=Decimal(due),
        amount_paid=Decimal(paid),
        status=status,
        source="test",
        verdict=verdict,
        membership_flag=flag,
        created_at=NOW,
    )
    session.add(registration)
    session.flush()
    return registration


KNOWN = {
    "benoit": dict(
        first="Benoît",
        last="Larose",
        email="benoit.larose@umontreal.ca",
        organization="Université de Montréal",
        code="BENOITLAROSE2345",
    ),
    "lachance": dict(
        first="Marie-Ève",
        last="Lachance",
        email="me.lachance@gmail.com",
        organization="Thératechnologies inc.",
        code="MARIEEVELACHANC",
    ),
    "pretix": dict(
        first="Zoé",
        last="Zwicker",
        email=None,
        organization=None,
        code="Q9X-77k",
    ),
}


def known_database(database: Database) -> dict[str, int]:
    """Demo data (noise, two events) plus the KNOWN people at the Montréal event."""
    copy_demo(database, registrations=120, seed=3)
    ids = {}
    with database.sessions.begin() as session:
        for key, values in KNOWN.items():
            ids[key] = add_registration(session, **values).id
    return ids
