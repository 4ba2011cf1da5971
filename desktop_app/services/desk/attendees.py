"""The attendee card at the desk, and the edits made from it: correct a person, substitute one.

The card is built from the registration, its person and category, the stored membership
verdict (``Registration.verdict``, see ``domain.membership.MembershipVerdict.to_json``), the
active check-in and the badge print log. Evidence lines are rebuilt as translatable
``Message`` objects (context "MembershipVerdict") so the card reads in French or English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from desktop_app.db.models import BadgePrint, Membership, Person, Registration
from desktop_app.domain.accounts import RegistrationStatus, balance_owed, credit_owed
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid, NotFound
from desktop_app.domain.names import display_name, looks_like_email
from desktop_app.domain.stored_verdict import (
    CandidateLine,
    EvidenceLine,
    candidate_lines,
    evidence_lines,
    evidence_message,
)
from desktop_app.services.admin import audit
from desktop_app.services.desk.checkin import active_check_in
from desktop_app.services.desk.doors import Door, entrance_day
from desktop_app.services.desk.session_card import (
    SessionDoorStatus,
    held_sessions,
    session_door_status,
)
from desktop_app.services.membership.directory import event_date
from desktop_app.services.membership.verdicts import assess_registrations
from desktop_app.services.money.refunds import creditable
from desktop_app.services.privacy.consents import Purpose, latest_answers, purposes, record_answers

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


def _get(session: Session, registration_id: int) -> Registration:
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
        registration = _get(session, registration_id)
        card = build_card(session, registration)
        if admits is None:
            return card
        return replace(card, door=session_door_status(session, registration, admits))


_T_FIRST_NAME = QT_TRANSLATE_NOOP("AppError", "Enter the first name.")
_T_LAST_NAME = QT_TRANSLATE_NOOP("AppError", "Enter the last name.")


def _required(value: str, empty: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise Invalid(empty)
    return _optional(cleaned, NAME_MAX_LENGTH) or cleaned


def _optional(value: str | None, limit: int) -> str | None:
    cleaned = " ".join((value or "").split())
    if len(cleaned) > limit:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{text}…' is longer than {count} characters."),
            text=cleaned[:30],
            count=limit,
        )
    return cleaned or None


def clean_email(value: str | None) -> str | None:
    """The email trimmed, or ``None`` if blank; ``Invalid`` if it cannot be an address."""
    email = _optional(value, EMAIL_MAX_LENGTH)
    if email is not None and not looks_like_email(email):
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{email}' is not an email address."), email=email
        )
    return email


def _reassess(session: Session, registration: Registration) -> None:
    """Recompute the registration's verdict, membership flag and amount due for its person."""
    assess_registrations(session, registration.event, [registration])


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    return {key: [before[key], after[key]] for key in after if before[key] != after[key]}


def edit_person(
    sessions: sessionmaker[Session],
    registration_id: int,
    *,
    first_name: str,
    last_name: str,
    email: str | None,
    organization: str | None,
    notes: str | None,
    desk: str,
    staff: str,
    consents: Mapping[str, bool] | None = None,
) -> AttendeeCard:
    """Correct the person's name, email or organization and the registration's notes (audited).

    ``consents``: answers given at the desk; those that differ from the person's latest are
    recorded (source ``desk``), a withdrawal as a new no.

    The audit entry keeps each changed field before and after. A new email or organization
    can change the membership: the verdict is then recomputed.
    """
    wanted = {
        "first_name": _required(first_name, _T_FIRST_NAME),
        "last_name": _required(last_name, _T_LAST_NAME),
        "email": clean_email(email),
        "organization": _optional(organization, ORGANIZATION_MAX_LENGTH),
        "notes": (notes or "").strip() or None,
    }
    with sessions.begin() as session:
        registration = _get(session, registration_id)
        person = registration.person
        before = {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "organization": person.organization_name,
            "notes": registration.notes,
        }
        changes = _changes(before, wanted)
        latest = {
            a.purpose.code: a.granted
            for a in latest_answers(session, person.id, registration.event_id)
        }
        answered = {
            code: granted
            for code, granted in (consents or {}).items()
            if latest.get(code) != granted and (code in latest or granted)
        }
        if answered:
            record_answers(
                session,
                person.id,
                registration.event_id,
                answered,
                source="desk",
                desk=desk,
                staff=staff,
            )
        if not changes:
            session.flush()
            return build_card(session, registration)
        person.first_name = str(wanted["first_name"])
        person.last_name = str(wanted["last_name"])
        person.email = wanted["email"]
        person.organization_name = wanted["organization"]
        registration.notes = wanted["notes"]
        if "email" in changes or "organization" in changes:
            _reassess(session, registration)
        audit.record(
            session,
            "person.edited",
            desk=desk,
            staff=staff,
            subject=f"registration:{registration.id}",
            detail={"person_id": person.id, "code": registration.code, "changes": changes},
        )
        session.flush()
        return build_card(session, registration)


def substitute(
    sessions: sessionmaker[Session],
    registration_id: int,
    *,
    first_name: str,
    last_name: str,
    email: str | None,
    organization: str | None,
    desk: str,
    staff: str,
) -> AttendeeCard:
    """Move the registration to a colleague who comes instead (audited); return the new card.

    The original person is kept (their history stays theirs). The membership verdict is
    recomputed for the newcomer. A cancelled or checked-in registration cannot be
    substituted (undo the check-in first).
    """
    first = _required(first_name, _T_FIRST_NAME)
    last = _required(last_name, _T_LAST_NAME)
    clean = clean_email(email)
    org = _optional(organization, ORGANIZATION_MAX_LENGTH)
    with sessions.begin() as session:
        registration = _get(session, registration_id)
        old = registration.person
        if registration.status != RegistrationStatus.ACTIVE:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError", "The registration of {name} is cancelled; it cannot be transferred."
                ),
                name=display_name(old.first_name, old.last_name),
            )
        if active_check_in(session, registration.id) is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "{name} is already checked in; undo the check-in before substituting.",
                ),
                name=display_name(old.first_name, old.last_name),
            )
        newcomer = Person(
            first_name=first,
            last_name=last,
            email=clean,
            organization_name=org,
            organization_id=None,
            preferred_language=None,
            created_at=datetime.now(UTC),
            anonymized_at=None,
        )
        session.add(newcomer)
        session.flush()
        before_verdict = (registration.verdict or {}).get("marking")
        registration.person = newcomer
        registration.person_id = newcomer.id
        registration.verdict = _without_member_number(registration.verdict)
        _reassess(session, registration)
        audit.record(
            session,
            "registration.substituted",
            desk=desk,
            staff=staff,
            subject=f"registration:{registration.id}",
            detail={
                "code": registration.code,
                "from": _person_detail(old),
                "to": _person_detail(newcomer),
                "marking": [before_verdict, (registration.verdict or {}).get("marking")],
            },
        )
        session.flush()
        return build_card(session, registration)


def _without_member_number(stored: dict[str, Any] | None) -> dict[str, Any] | None:
    """The stored verdict minus the member number the registration file gave.

    That number was the original person's; kept, it would vouch for the newcomer.
    """
    if not stored or not isinstance(stored.get("basis"), dict):
        return stored
    basis = {k: v for k, v in stored["basis"].items() if k != "member_number"}
    return {**stored, "basis": basis}


def _person_detail(person: Person) -> dict[str, Any]:
    return {
        "person_id": person.id,
        "name": display_name(person.first_name, person.last_name),
        "email": person.email,
        "organization": person.organization_name,
    }


__all__: Sequence[str] = (
    "AttendeeCard",
    "CandidateLine",
    "EvidenceLine",
    "attendee_card",
    "build_card",
    "candidate_lines",
    "clean_email",
    "edit_person",
    "evidence_lines",
    "evidence_message",
    "substitute",
)
