"""The attendee card at the desk (the edits made from it are in ``person_changes``).

The card is built from the registration, its person and category, the stored membership
verdict (``Registration.verdict``, see ``domain.membership.MembershipVerdict.to_json``), the
active check-in and the badge print log. Evidence lines are rebuilt as translatable
``Message`` objects (context "MembershipVerdict") so the card reads in French or English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from desktop_app.db.models import BadgePrint, Membership, Registration
from desktop_app.domain.accounts import balance_owed, credit_owed
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desktop_app.domain.names import display_name
from desktop_app.domain.stored_verdict import (
    CandidateLine,
    EvidenceLine,
    candidate_lines,
    evidence_lines,
    evidence_message,
)
from desktop_app.services.desk.checkin import active_check_in
from desktop_app.services.desk.doors import Door, entrance_day
from desktop_app.services.desk.session_card import (
    SessionDoorStatus,
    held_sessions,
    session_door_status,
)
from desktop_app.services.membership.directory import event_date
from desktop_app.services.money.refunds import creditable
from desktop_app.services.privacy.consents import Purpose, latest_answers, purposes

EMAIL_MAX_LENGTH = 320
NAME_MAX_LENGTH = 200
ORGANIZATION_MAX_LENGTH = 300


@dataclass(frozen=True)
class AttendeeCard:
    """Everything the desk shows about one registration."""

    registration_id: int
    code: str
    first_name: str
    last_name: str
    email: str | None
    organization: str | None
    category_code: str
    category_name_fr: str
    category_name_en: str
    status: str
    amount_due: Decimal
    amount_paid: Decimal
    balance_due: Decimal
    credit_due: Decimal
    marking: str | None
    associations: tuple[str, ...]
    evidence: tuple[EvidenceLine, ...]
    membership_flag: str | None
    checked_in_at: datetime | None
    checked_in_desk: str | None
    checked_in_by: str | None
    badges_printed: int
    notes: str | None
    preferred_language: str | None
    person_id: int = 0
    event_slug: str = ""
    role: str | None = None
    candidates: tuple[CandidateLine, ...] = ()
    partners: tuple[str, ...] = ()  # the event's partner associations (codes)
    event_date: date | None = None  # the day memberships are judged on (the event's first)
    timezone: str | None = None  # the venue's, in which times are shown
    # The person's latest consent answers for the event's purposes (short label fr, en, yes).
    consents: tuple[tuple[str, str, bool], ...] = ()
    purposes: tuple[Purpose, ...] = ()  # what the event asks consent for (F2's boxes)
    answers: tuple[tuple[str, bool], ...] = ()  # the latest answers by purpose code
    # Of ``credit_due``, what the desk's own receipts can refund with a credit note (F4);
    # the rest was paid elsewhere (an online store) and is refunded there.
    credit_refundable: Decimal = Decimal("0.00")
    # At a session's door (F10): the person at that door; the check-in above is the entrance's.
    door: SessionDoorStatus | None = None
    # The sessions held beyond the admission (add-ons, or included by the category): fr, en.
    holds: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        """First and last name."""
        return display_name(self.first_name, self.last_name)

    @property
    def checked_in(self) -> bool:
        """Whether the registration has an active check-in."""
        return self.checked_in_at is not None

    @property
    def checked_in_here(self) -> bool:
        """Whether the check-in this desk would undo exists: the session's at its door."""
        if self.door is not None:
            return self.door.checked_in_at is not None
        return self.checked_in_at is not None


def _with_details(session: Session, lines: tuple[CandidateLine, ...]) -> tuple[CandidateLine, ...]:
    """The candidates with what tells them apart: member number, email, organization, expiry."""
    if not lines:
        return lines
    memberships = {
        m.id: m
        for m in session.scalars(
            select(Membership)
            .where(Membership.id.in_([line.membership_id for line in lines]))
            .options(selectinload(Membership.organization), selectinload(Membership.person))
        )
    }
    detailed = []
    for line in lines:
        found = memberships.get(line.membership_id)
        if found is None:
            detailed.append(line)
            continue
        person = found.person
        detailed.append(
            replace(
                line,
                member_number=found.member_number,
                email=person.email if person is not None else None,
                organization=(
                    found.organization.name
                    if found.organization is not None
                    else (person.organization_name if person is not None else None)
                ),
                valid_until=found.valid_until,
            )
        )
    return tuple(detailed)


def _not_found(registration_id: int) -> NotFound:
    return NotFound(
        QT_TRANSLATE_NOOP("AppError", "There is no registration {id}."), id=registration_id
    )


def registration_by_id(session: Session, registration_id: int) -> Registration:
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise _not_found(registration_id)
    return registration


def build_card(session: Session, registration: Registration) -> AttendeeCard:
    """The card of ``registration``, read in the caller's unit of work."""
    person = registration.person
    category = registration.category
    stored = registration.verdict or None
    # An event with days: today's check-in (yesterday's does not let the person in today).
    today = entrance_day(session, registration.event)
    check_in = active_check_in(session, registration.id, Door(day=today) if today else None)
    given = latest_answers(session, person.id, registration.event_id)
    credit = credit_owed(registration.amount_due, registration.amount_paid)
    # Only a person owed money pays for the receipts query (rare).
    refundable = min(credit, creditable(session, registration.id)) if credit > 0 else credit
    printed = session.scalar(
        select(func.count())
        .select_from(BadgePrint)
        .where(BadgePrint.registration_id == registration.id)
    )
    return AttendeeCard(
        registration_id=registration.id,
        code=registration.code,
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
        organization=person.organization_name,
        category_code=category.code,
        category_name_fr=category.name_fr,
        category_name_en=category.name_en,
        status=registration.status,
        amount_due=registration.amount_due,
        amount_paid=registration.amount_paid,
        balance_due=balance_owed(registration.amount_due, registration.amount_paid),
        credit_due=credit,
        marking=str(stored["marking"]) if stored and stored.get("marking") else None,
        associations=tuple(stored.get("associations") or ()) if stored else (),
        evidence=evidence_lines(stored),
        membership_flag=registration.membership_flag,
        checked_in_at=check_in.checked_in_at if check_in else None,
        checked_in_desk=check_in.desk if check_in else None,
        checked_in_by=check_in.staff if check_in else None,
        badges_printed=int(printed or 0),
        notes=registration.notes,
        preferred_language=registration.preferred_language or person.preferred_language,
        person_id=person.id,
        event_slug=registration.event.slug,
        role=registration.role,
        candidates=_with_details(session, candidate_lines(stored)),
        partners=tuple(a.code for a in registration.event.partners),
        event_date=event_date(registration.event),
        timezone=registration.event.timezone,
        consents=tuple((a.purpose.label_fr, a.purpose.label_en, a.granted) for a in given),
        purposes=purposes(session, registration.event_id),
        answers=tuple((a.purpose.code, a.granted) for a in given),
        credit_refundable=refundable,
        holds=held_sessions(session, registration),
    )


def attendee_card(
    sessions: sessionmaker[Session], registration_id: int, admits: str | None = None
) -> AttendeeCard:
    """The card of one registration (at session ``admits``' door, with its status there);
    ``NotFound`` if there is none with this id."""
    with sessions() as session:
        registration = registration_by_id(session, registration_id)
        card = build_card(session, registration)
        if admits is None:
            return card
        return replace(card, door=session_door_status(session, registration, admits))


__all__: Sequence[str] = (
    "AttendeeCard",
    "CandidateLine",
    "EvidenceLine",
    "attendee_card",
    "build_card",
    "candidate_lines",
    "evidence_lines",
    "evidence_message",
)
