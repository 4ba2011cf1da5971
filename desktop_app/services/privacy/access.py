"""Access requests: everything held about a person, across events, as structured JSON (for
portability) and as a PDF the person can read, in their language.

Found by email (any case), narrowed by name when given: the person rows, their registrations
(with the membership verdict and its evidence), check-ins, payments, receipts and credit notes
as issued, consents with their wording, the staff's membership decisions about them, and the
audit entries that name them (by their person or registration, or their email in the entry).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, String, cast, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    AuditEntry,
    CheckIn,
    Consent,
    Event,
    Exhibitor,
    Lead,
    MembershipDecision,
    Payment,
    PriceCategory,
    Receipt,
    Registration,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desktop_app.domain.names import normalize_email, person_key
from desktop_app.services.admin import audit
from desktop_app.services.privacy.purge import people_by_email

_T_NO_ONE = QT_TRANSLATE_NOOP("AppError", "No one with the email {email} is in this database.")
FORMAT_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


def _row(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        column.key: _plain(getattr(obj, column.key))
        for column in obj.__table__.columns
        if column.key not in skip
    }


def access_report(
    sessions: sessionmaker[Session],
    email: str,
    *,
    name: str | None = None,
    staff: str,
    now: datetime | None = None,
) -> dict[str, Any]:
    """Everything held about the person(s) with ``email`` (``NotFound`` if no one). The
    request itself is audited (who asked for whom, not what was found)."""
    now = now or datetime.now(UTC)
    with sessions.begin() as session:
        people = people_by_email(session, email, name)
        if not people:
            raise NotFound(_T_NO_ONE, email=email)
        report = {
            "format": "passerelle-access-request",
            "version": FORMAT_VERSION,
            "generated_at": now.isoformat(),
            "people": [_person(session, person) for person in people],
        }
        audit.record(
            session,
            "privacy.access_export",
            staff=staff,
            subject=",".join(f"person:{p.id}" for p in people)[:120],
            detail={"people": [p.id for p in people]},
            at=now,
        )
        return report


def _person(session: Session, person: Any) -> dict[str, Any]:
    registrations = session.scalars(
        select(Registration).where(Registration.person_id == person.id).order_by(Registration.id)
    ).all()
    ids = [r.id for r in registrations]
    events = {
        e.id: e
        for e in session.scalars(
            select(Event).where(Event.id.in_({r.event_id for r in registrations}))
        )
    }
    categories = {
        c.id: c
        for c in session.scalars(
            select(PriceCategory).where(
                PriceCategory.id.in_({r.category_id for r in registrations})
            )
        )
    }
    emails = {normalize_email(person.email) or (person.email or "").casefold()} - {""}
    key = person_key(person.first_name, person.last_name)
    about: list[ColumnElement[bool]] = []
    if emails:
        about.append(func.lower(MembershipDecision.email).in_(emails))
    if key:
        about.append(MembershipDecision.person_key == key)
    decisions = (
        session.scalars(
            select(MembershipDecision).where(or_(*about)).order_by(MembershipDecision.id)
        ).all()
        if about
        else []
    )
    subjects = [f"person:{person.id}", *(f"registration:{i}" for i in ids)]
    mentions: list[ColumnElement[bool]] = [AuditEntry.subject.in_(subjects)]
    for address in emails:
        mentions.append(cast(AuditEntry.detail, String).ilike(f"%{address}%"))
    audit_entries = session.scalars(
        select(AuditEntry).where(or_(*mentions)).order_by(AuditEntry.id)
    ).all()
    return {
        "person": _row(person),
        "registrations": [
            {
                **_row(r),
                "event": events[r.event_id].slug,
                "event_name_fr": events[r.event_id].name_fr,
                "event_name_en": events[r.event_id].name_en,
                "category": categories[r.category_id].code,
                "category_name_fr": categories[r.category_id].name_fr,
                "category_name_en": categories[r.category_id].name_en,
            }
            for r in registrations
        ],
        "check_ins": [
            _row(c)
            for c in session.scalars(
                select(CheckIn).where(CheckIn.registration_id.in_(ids)).order_by(CheckIn.id)
            )
        ],
        "payments": [
            _row(p)
            for p in session.scalars(
                select(Payment).where(Payment.registration_id.in_(ids)).order_by(Payment.id)
            )
        ],
        "receipts": [
            _row(r)
            for r in session.scalars(
                select(Receipt).where(Receipt.registration_id.in_(ids)).order_by(Receipt.id)
            )
        ],
        "consents": [
            _row(c)
            for c in session.scalars(
                select(Consent).where(Consent.person_id == person.id).order_by(Consent.id)
            )
        ],
        "membership_decisions": [_row(d) for d in decisions],
        "leads": [
            {**_row(lead), "exhibitor": exhibitor.name, "exhibitor_code": exhibitor.code}
            for lead, exhibitor in session.execute(
                select(Lead, Exhibitor)
                .join(Exhibitor, Exhibitor.id == Lead.exhibitor_id)
                .where(Lead.registration_id.in_(ids))
                .order_by(Lead.id)
            )
        ],
        "audit_entries": [_row(a) for a in audit_entries],
    }
