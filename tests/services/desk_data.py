"""A small, known desk database for the check-in, staff and attendee tests.

Two example events (Montréal and Toronto), one BIOQuébec member organization (Université de
Montréal, domain umontreal.ca, member no. BQ-0001 valid until 2027-12-31) and registrations
made on request with exactly the amounts, status and flag a test needs.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from desktop_app.resources import as_path
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    Association,
    AuditEntry,
    CheckIn,
    Event,
    Membership,
    Organization,
    OrganizationDomain,
    Person,
    PriceCategory,
    Registration,
)
from desktop_app.domain.names import organization_key
from desktop_app.services.admin.events import ensure_associations, read_event_file, save_event

MONTREAL = "forum-montreal-2027"
TORONTO = "partnering-toronto-2027"
CLOCK = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def setup_desk(sessions: sessionmaker[Session]) -> None:
    """Both example events and one member organization."""
    with sessions.begin() as session:
        associations = ensure_associations(session)
        for name in (f"{MONTREAL}.toml", f"{TORONTO}.toml"):
            save_event(session, read_event_file(as_path("examples", name)))
        org = Organization(name="Université de Montréal", name_key="")
        org.name_key = organization_key(org.name)
        session.add(org)
        session.flush()
        session.add(OrganizationDomain(organization_id=org.id, domain="umontreal.ca"))
        session.add(
            Membership(
                association_id=associations["bioquebec"].id,
                holder_kind="organization",
                organization_id=org.id,
                member_number="BQ-0001",
                valid_from=date(2026, 1, 1),
                valid_until=date(2027, 12, 31),
            )
        )


def add_registration(
    sessions: sessionmaker[Session],
    code: str,
    *,
    slug: str = MONTREAL,
    first_name: str = "Benoît",
    last_name: str = "Lachance",
    email: str | None = "benoit@example.org",
    organization: str | None = "Exemple inc.",
    category: str = "non-member",
    due: str = "100.00",
    paid: str | None = None,
    status: str = "active",
    flag: str | None = None,
    verdict: dict[str, object] | None = None,
) -> int:
    """A registration with these facts; returns its id."""
    with sessions.begin() as session:
        event = session.scalars(select(Event).where(Event.slug == slug)).one()
        price = session.scalars(
            select(PriceCategory).where(
                PriceCategory.event_id == event.id, PriceCategory.code == category
            )
        ).one()
        person = Person(
            first_name=first_name,
            last_name=last_name,
            email=email,
            organization_name=organization,
            created_at=CLOCK,
        )
        session.add(person)
        session.flush()
        registration = Registration(
            event_id=event.id,
            person_id=person.id,
            category_id=price.id,
            code=code,
            amount_due=Decimal(due),
            amount_paid=Decimal(paid if paid is not None else due),
            status=status,
            source="test",
            verdict=verdict,
            membership_flag=flag,
            created_at=CLOCK,
        )
        session.add(registration)
        session.flush()
        return registration.id


def check_in_rows(sessions: sessionmaker[Session], registration_id: int | None = None) -> int:
    """How many check-in rows exist (for one registration, or in all)."""
    with sessions() as session:
        query = select(func.count()).select_from(CheckIn)
        if registration_id is not None:
            query = query.where(CheckIn.registration_id == registration_id)
        return int(session.scalar(query) or 0)


def audit_entries(sessions: sessionmaker[Session], action: str) -> list[AuditEntry]:
    """The audit entries of one kind, oldest first."""
    with sessions() as session:
        return list(
            session.scalars(
                select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
            )
        )


def association_id(sessions: sessionmaker[Session], code: str) -> int:
    """The id of an association by code."""
    with sessions() as session:
        return session.scalars(select(Association.id).where(Association.code == code)).one()
