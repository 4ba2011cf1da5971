"""Checking people in at a desk: by scanned or typed code, undo with a reason, live counts.

The rules, in order: the code must belong to a registration of *this* event; a cancelled
registration is refused; an already checked-in one is reported with when, where and by whom
and nothing changes; a balance due or a membership doubt blocks unless a supervisor
overrides with a reason. Otherwise a ``CheckIn`` row is written with its audit entry.

The database has the last word: partial unique indexes allow one active check-in per
registration and door (the entrance; the entrance per day for an event with ``[[days]]``; each
session's door, see ``doors``), so when two desks scan the same badge at the same moment
exactly one wins and the other is told "already checked in". Each desk action carries an
``action_id``; replaying the same action (an offline desk catching up, a retry after a
timeout) returns the same result and writes nothing more. Outcomes and their messages are in
``checkin_outcome``, undoing in ``checkin_undo``, the header's counts in ``counts`` (all three
re-exported here).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session, sessionmaker

from desktop_app.db.models import CheckIn, Event, Person, Registration
from desktop_app.domain.accounts import RegistrationStatus, balance_owed, credit_owed
from desktop_app.domain.codes import code_forms, preferred
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid
from desktop_app.domain.money import ZERO
from desktop_app.domain.names import display_name
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import get_event
from desktop_app.services.admin.staff import Override, refuse_exhibitor, verify_override
from desktop_app.services.desk.checkin_outcome import CheckInOutcome as CheckInOutcome
from desktop_app.services.desk.checkin_outcome import CheckInResult as CheckInResult
from desktop_app.services.desk.checkin_undo import undo_check_in as undo_check_in
from desktop_app.services.desk.counts import EventCounts as EventCounts
from desktop_app.services.desk.counts import event_counts as event_counts
from desktop_app.services.desk.doors import (
    Door,
    active_at_door,
    door_of,
    entrance_day,
    entry_facts,
    open_door,
    registrations_by_code,
    resolve_door,
    seats_taken,
)
from desktop_app.services.desk.exits import door_movement, replayed_movement
from desktop_app.services.money.refunds import creditable

_T_NO_EXITS = QT_TRANSLATE_NOOP(
    "AppError",
    "Exits are scanned only at the door of a session that records them (exits = true in its"
    " [[sessions]] entry; session: {session}).",
)


def balance_due(registration: Registration) -> Decimal:
    """What the person still owes: ``amount_due - amount_paid``, never negative."""
    return balance_owed(registration.amount_due, registration.amount_paid)


def _name(person: Person) -> str:
    return display_name(person.first_name, person.last_name)


def _now() -> datetime:
    return datetime.now(UTC)


def active_check_in(
    session: Session, registration_id: int, door: Door | None = None
) -> CheckIn | None:
    """The registration's check-in at ``door`` that has not been undone, if any; without a
    door, its entrance check-in (the latest day's, for an event with days)."""
    return active_at_door(session, registration_id, door)


def add_check_in(
    session: Session,
    registration: Registration,
    *,
    desk: str,
    staff: str,
    action_id: str,
    at: datetime | None = None,
    detail: dict[str, object] | None = None,
    door: Door | None = None,
) -> CheckIn:
    """Write a check-in for ``registration`` in the caller's unit of work (audited).

    No rule is checked here (the walk-in flow creates the registration it checks in); the
    unique index still refuses a second active check-in, with ``IntegrityError`` at flush.
    Without ``door``, the entrance (today, for an event with days).
    """
    refuse_exhibitor(session, staff)  # a lead station never checks anyone in
    if door is None:
        door = Door(day=entrance_day(session, registration.event))
    check_in = CheckIn(
        registration_id=registration.id,
        checked_in_at=at or _now(),
        desk=desk,
        staff=staff,
        action_id=action_id,
        day=door.day,
        session_id=door.session_id,
    )
    place: dict[str, object] = {}
    if door.day is not None:
        place["day"] = door.day.isoformat()
    if door.session is not None:
        place["session"] = door.session.code
    session.add(check_in)
    session.flush()
    audit.record(
        session,
        "checkin.created",
        desk=desk,
        staff=staff,
        subject=f"registration:{registration.id}",
        detail={"code": registration.code, "action_id": action_id, **place, **(detail or {})},
        at=check_in.checked_in_at,
    )
    return check_in


def _find_registration(session: Session, code: str) -> Registration | None:
    """The registration with this code as typed (trimmed), else in another stored form."""
    return _find_at_door(session, code, None)[0]


def _find_at_door(
    session: Session, code: str, door: Door | None
) -> tuple[Registration | None, tuple[int, int | None] | None]:
    """:func:`_find_registration`, with what ``door`` asks of it (``doors.entry_facts``)."""
    found = preferred(registrations_by_code(session, code_forms(code), door), code)
    return found if found is not None else (None, None)


def _result(
    outcome: CheckInOutcome,
    registration: Registration,
    person: Person,
    check_in: CheckIn | None = None,
    overridden_by: str | None = None,
    door: Door | None = None,
    seats: int | None = None,
    moved_at: datetime | None = None,
) -> CheckInResult:
    credit = credit_owed(registration.amount_due, registration.amount_paid)
    session = object_session(registration)
    # Only a registration that is owed something pays for the receipts query (rare).
    refundable = (
        min(credit, creditable(session, registration.id))
        if credit > 0 and session is not None
        else ZERO
    )
    return CheckInResult(
        outcome=outcome,
        code=registration.code,
        registration_id=registration.id,
        name=_name(person),
        at=check_in.checked_in_at if check_in else None,
        desk=check_in.desk if check_in else None,
        staff=check_in.staff if check_in else None,
        balance_due=balance_due(registration),
        overridden_by=overridden_by,
        action_id=check_in.action_id if check_in else None,
        timezone=registration.event.timezone if registration.event else None,
        credit_due=credit,
        credit_refundable=refundable,
        session_names=door.names if door else None,
        seats_taken=seats if seats is not None else _seats(session, door),
        capacity=door.session.capacity if door and door.session else None,
        day=door.day if door else None,
        moved_at=moved_at,
    )


def _seats(session: Session | None, door: Door | None) -> int | None:
    """Seats taken at ``door``: counted only where they are limited."""
    if session is None or door is None or door.session is None or door.session.capacity is None:
        return None
    return seats_taken(session, door.session.id)


def _replayed(
    session: Session, event: Event, code: str, action_id: str, *, movements: bool = True
) -> CheckInResult | None:
    """The result of an action already recorded under ``action_id``, if any.

    The same id for another registration is a bug in the caller (or a forged journal):
    refused, never silently taken as "done".
    """
    done = session.scalars(select(CheckIn).where(CheckIn.action_id == action_id)).one_or_none()
    # Exits and re-entries only where they are scanned: no extra read for every check-in.
    moved = replayed_movement(session, action_id) if done is None and movements else None
    if moved is not None:  # an exit or re-entry at a door with exits
        done = moved[1]
    if done is None:
        return None
    registration = session.get(Registration, done.registration_id)
    assert registration is not None
    if registration.event_id != event.id or registration.code not in code_forms(code):
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "AppError", "The desk action {action} was already used for another registration."
            ),
            action=action_id,
        )
    if moved is not None:
        outcome = CheckInOutcome.EXITED if moved[0].direction == "out" else CheckInOutcome.REENTERED
        door = door_of(session, done.day, done.session_id)
        return _result(
            outcome, registration, registration.person, done, door=door, moved_at=moved[0].at
        )
    return _result(CheckInOutcome.CHECKED_IN, registration, registration.person, done)


def check_in(
    sessions: sessionmaker[Session],
    slug: str,
    code: str,
    *,
    desk: str,
    staff: str,
    action_id: str | None = None,
    override: Override | None = None,
    session_code: str | None = None,
    day: date | None = None,
    leaving: bool = False,
) -> CheckInResult:
    """Check in the registration with ``code`` at event ``slug``, following the desk rules.

    At the entrance by default (for ``day``, default the venue's today, when the event has
    days); at the door of session ``session_code``, only the entitled get in, within its
    capacity (a full session is overridden like a payment due).

    Refusals (not found, cancelled, payment due, membership doubt) and "already checked in"
    are results, not errors, and change nothing. ``override`` lets a payment due or a
    membership doubt pass; a wrong override raises ``Invalid`` (and the refusal is audited).
    An unknown ``slug`` raises ``NotFound``. The same ``action_id`` twice gives the same
    result and one row. At a session with exit scans, a scan of someone inside records their
    exit and of someone gone out their re-entry; ``leaving`` records only an exit (see
    ``exits``).
    """
    action = action_id or uuid.uuid4().hex
    if not desk.strip() or not staff.strip():
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "A check-in needs a desk and a staff name."))
    if not code.strip():
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "Scan or type a registration code."))
    try:
        return _check_in_once(
            sessions,
            slug,
            code,
            desk=desk,
            staff=staff,
            action=action,
            override=override,
            place=(session_code, day),
            leaving=leaving,
        )
    except IntegrityError:
        # Another desk won the race for this registration (or replayed this very action):
        # the database refused the second row; report what is there now.
        with sessions() as session:
            event = get_event(session, slug)
            replayed = _replayed(session, event, code, action)
            if replayed is not None:
                return replayed
            registration = _find_registration(session, code)
            door = resolve_door(session, event, session_code, day)
            existing = active_check_in(session, registration.id, door) if registration else None
            if registration is None or existing is None:
                raise
            return _result(
                CheckInOutcome.ALREADY, registration, registration.person, existing, door=door
            )
    except _OverrideRefused as refused:
        with sessions.begin() as session:
            audit.record(
                session,
                "checkin.override_refused",
                desk=desk,
                staff=staff,
                subject=f"registration:{refused.registration_id}",
                detail={"supervisor": refused.supervisor, "reason": str(refused.error.message)},
            )
        raise refused.error from None


class _OverrideRefused(Exception):
    """Carries a refused override out of the rolled-back unit of work, to audit it."""

    def __init__(self, error: Invalid, registration_id: int, supervisor: str) -> None:
        super().__init__(error.message)
        self.error = error
        self.registration_id = registration_id
        self.supervisor = supervisor


def _check_in_once(
    sessions: sessionmaker[Session],
    slug: str,
    code: str,
    *,
    desk: str,
    staff: str,
    action: str,
    override: Override | None,
    place: tuple[str | None, date | None] = (None, None),
    leaving: bool = False,
) -> CheckInResult:
    with sessions.begin() as session:
        event, door = open_door(session, slug, *place)
        if leaving and (door.session is None or not door.session.exits):
            raise Invalid(_T_NO_EXITS, session=door.session.code if door.session else "-")
        exits = door.session is not None and door.session.exits
        replayed = _replayed(session, event, code, action, movements=exits)
        if replayed is not None:
            return replayed
        registration, counted = _find_at_door(session, code, door)
        if registration is None or registration.event_id != event.id:
            other = session.get(Event, registration.event_id) if registration else None
            return CheckInResult(
                outcome=CheckInOutcome.NOT_FOUND,
                code=code.strip(),
                registration_id=None,
                name=None,
                at=None,
                desk=None,
                staff=None,
                balance_due=ZERO,
                other_event=other.slug if other else None,
                other_event_names=(other.name_fr, other.name_en) if other else None,
            )
        person = registration.person
        if registration.status == RegistrationStatus.CANCELLED:
            return _result(CheckInOutcome.CANCELLED, registration, person, door=door)
        existing = active_check_in(session, registration.id, door)
        moved = door_movement(
            session,
            existing,
            door,
            leaving=leaving,
            desk=desk,
            staff=staff,
            action_id=action,
            code=registration.code,
        )
        if moved is not None:
            outcome, at = moved
            return _result(outcome, registration, person, existing, door=door, moved_at=at)
        if existing is not None:
            return _result(CheckInOutcome.ALREADY, registration, person, existing, door=door)
        blocked: list[CheckInOutcome] = []
        taken: int | None = None  # seats taken before this check-in, where they are limited
        if door.session is not None:
            allowed, taken = entry_facts(session, registration, door.session, counted)
            if not allowed:
                return _result(CheckInOutcome.NOT_ENTITLED, registration, person, door=door)
            capacity = door.session.capacity
            if capacity is not None and taken is not None and taken >= capacity:
                blocked.append(CheckInOutcome.SESSION_FULL)
        if balance_due(registration) > ZERO:
            blocked.append(CheckInOutcome.PAYMENT_DUE)
        if registration.membership_flag == "doubt":
            blocked.append(CheckInOutcome.MEMBERSHIP_DOUBT)
        supervisor: str | None = None
        detail: dict[str, object] = {}
        if blocked:
            if override is None:
                return _result(blocked[0], registration, person, door=door, seats=taken)
            try:
                supervisor = verify_override(session, override).name
            except Invalid as error:
                raise _OverrideRefused(error, registration.id, override.supervisor) from error
            granted: dict[str, object] = {
                "supervisor": supervisor,
                "reason": override.reason.strip(),
                "blocked": [b.value for b in blocked],
                "balance_due": str(balance_due(registration)),
                **({"session": door.session.code} if door.session else {}),
            }
            detail = {"override": granted}
            audit.record(
                session,
                "checkin.override",
                desk=desk,
                staff=staff,
                subject=f"registration:{registration.id}",
                detail={"code": registration.code, **granted},
            )
        made = add_check_in(
            session,
            registration,
            desk=desk,
            staff=staff,
            action_id=action,
            detail=detail,
            door=door,
        )
        seats = taken + 1 if taken is not None else None  # this check-in took one
        return _result(
            CheckInOutcome.CHECKED_IN, registration, person, made, supervisor, door, seats
        )
