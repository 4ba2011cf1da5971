"""A small, known database for the payment, receipt and walk-in tests.

Both example events (Montréal: GST + QST; Toronto: HST) with seller numbers that pass the
business number's check digit, one BIOQuébec member organization (Université de Montréal,
umontreal.ca), one supervisor (Sophie, PIN 246810) and registrations made on request.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from desktop_app.resources import as_path
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    AuditEntry,
    Event,
    Membership,
    Organization,
    OrganizationDomain,
    Person,
    PriceCategory,
    Registration,
)
from desktop_app.domain.names import organization_key
from desktop_app.domain.taxes import compute_taxes
from desktop_app.services.admin.events import ensure_associations, read_event_file, save_event
from desktop_app.services.admin.staff import Override, create_staff

MONTREAL = "forum-montreal-2027"
TORONTO = "partnering-toronto-2027"
# Before either event's on-site rate; after Montréal's and before Toronto's early-bird end.
BEFORE_MONTREAL = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)
BEFORE_TORONTO = datetime(2027, 4, 20, 15, 0, tzinfo=UTC)
GST_NO = "123456782 RT 0001"  # passes the business number's check digit
QST_NO = "1234567890 TQ 0001"
SUPERVISOR = Override(supervisor="Sophie", pin="246810", reason="Conférencière invitée")
MEMBER_EMAIL = "camille.tremblay@umontreal.ca"
D = Decimal


def setup_money_desk(sessions: sessionmaker[Session]) -> None:
    """Both example events, valid seller numbers, one member organization, one supervisor."""
    with sessions.begin() as session:
        associations = ensure_associations(session)
        for name in (f"{MONTREAL}.toml", f"{TORONTO}.toml"):
            save_event(session, read_event_file(as_path("examples", name)))
        for event in session.scalars(select(Event)):
            event.gst_hst_number = GST_NO
            if event.province == "QC":
                event.qst_number = QST_NO
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
    create_staff(sessions, "Sophie", "246810", "supervisor", by=None)


def total(slug: str, category: str, sessions: sessionmaker[Session]) -> Decimal:
    """The price of a category with taxes, as the desk charges it."""
    with sessions() as session:
        event = session.scalars(select(Event).where(Event.slug == slug)).one()
        price = next(p for p in event.prices if p.code == category)
        return compute_taxes(event.province, price.amount, price.taxes_included).total


def add_registration(
    sessions: sessionmaker[Session],
    code: str,
    *,
    slug: str = MONTREAL,
    category: str = "member",
    due: Decimal,
    paid: Decimal,
    flag: str | None = None,
    email: str | None = "benoit@example.org",
    first_name: str = "Benoît",
    last_name: str = "Lachance",
) -> int:
    """A pre-registration with exactly these amounts and flag; returns its id."""
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
            organization_name="Exemple inc.",
            created_at=datetime(2026, 11, 1, tzinfo=UTC),
        )
        session.add(person)
        session.flush()
        registration = Registration(
            event_id=event.id,
            person_id=person.id,
            category_id=price.id,
            code=code,
            amount_due=due,
            amount_paid=paid,
            status="active",
            source="test",
            membership_flag=flag,
            created_at=datetime(2026, 11, 1, tzinfo=UTC),
        )
        session.add(registration)
        session.flush()
        return registration.id


def count(sessions: sessionmaker[Session], model: Any, *where: Any) -> int:
    """How many rows of ``model`` match."""
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def audit_actions(sessions: sessionmaker[Session]) -> list[str]:
    """The audit log's actions, oldest first."""
    with sessions() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
