"""Which door a check-in is for: the entrance (once, or once a day for an event with
``[[days]]``) or a session's door (once per session, for those entitled, within capacity).

A session with a capacity (or exit scans) is locked for the rest of the unit of work before
its seats are counted, so two desks at the same door never both take the last seat (nor both
move one person): an ``UPDATE`` that changes nothing takes the row lock on PostgreSQL (as
``SELECT … FOR UPDATE`` would) and, being the first write of the transaction, the write
lock on SQLite, whose busy timeout makes the other desk wait; the count that follows sees the
other desk's committed seat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import BindParameter, bindparam, func, null, select, text
from sqlalchemy.orm import Session

from desktop_app.db.models import (
    CheckIn,
    Event,
    EventDay,
    EventSession,
    PriceCategory,
    Registration,
    RegistrationSession,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound
from desktop_app.services.admin.events import get_event


@dataclass(frozen=True)
class Door:
    """Where a check-in happens: ``day`` for an event with days, ``session`` at its door."""

    day: date | None = None
    session: EventSession | None = None

    @property
    def session_id(self) -> int | None:
        """The session's id, ``None`` at the entrance."""
        return self.session.id if self.session is not None else None

    @property
    def names(self) -> tuple[str, str] | None:
        """The session's (French, English) names, ``None`` at the entrance."""
        return (self.session.name_fr, self.session.name_en) if self.session else None


# The door's own statements, built once: a check-in at a session's door runs them on every
# scan, and building a statement costs SQLAlchemy more than SQLite takes to run it.
_SESSION_BY_CODE = select(EventSession).where(
    EventSession.event_id == bindparam("event_id"), EventSession.code == bindparam("code")
)
_SESSION_BY_CODE_LOCKED = _SESSION_BY_CODE.with_for_update()
_EVENT_AND_SESSION = (
    select(Event, EventSession)
    .join(EventSession, EventSession.event_id == Event.id)
    .where(Event.slug == bindparam("slug"), EventSession.code == bindparam("code"))
)
_EVENT_AND_SESSION_LOCKED = _EVENT_AND_SESSION.with_for_update(of=EventSession)
_BEGIN_IMMEDIATE = text("BEGIN IMMEDIATE")
_HELD = (
    select(func.count())
    .select_from(RegistrationSession)
    .where(
        RegistrationSession.registration_id == bindparam("registration_id"),
        RegistrationSession.session_id == bindparam("session_id"),
    )
)
_TAKEN = (
    select(func.count())
    .select_from(CheckIn)
    .where(CheckIn.session_id == bindparam("session_id"), CheckIn.undone_at.is_(None))
)
_HELD_AND_TAKEN = select(_HELD.scalar_subquery(), _TAKEN.scalar_subquery())
# A registration by its code's forms, with what a session's door asks of it (whether it holds
# the session; the seats taken where they are limited) read in the same statement.
_CODES: BindParameter[str] = bindparam("codes", expanding=True)
_HELD_BY_ROW = (
    select(func.count())
    .select_from(RegistrationSession)
    .where(
        RegistrationSession.registration_id == Registration.id,
        RegistrationSession.session_id == bindparam("session_id"),
    )
    .scalar_subquery()
)
_BY_CODES = select(Registration).where(Registration.code.in_(_CODES))
_BY_CODES_HELD = select(Registration, _HELD_BY_ROW, null()).where(Registration.code.in_(_CODES))
_BY_CODES_HELD_TAKEN = select(Registration, _HELD_BY_ROW, _TAKEN.scalar_subquery()).where(
    Registration.code.in_(_CODES)
)


def door_of(session: Session, day: date | None, session_id: int | None) -> Door | None:
    """The door a stored check-in was made at (``None`` for an event checked in once)."""
    if day is None and session_id is None:
        return None
    return Door(day=day, session=session.get(EventSession, session_id) if session_id else None)


def venue_today(event: Event, now: datetime | None = None) -> date:
    """Today's date at the venue (a desk abroad still checks in for the venue's day)."""
    return (now or datetime.now(UTC)).astimezone(ZoneInfo(event.timezone)).date()


def event_days(session: Session, event_id: int) -> list[date]:
    """The event's ``[[days]]``, in order (empty: checked in once)."""
    return list(
        session.scalars(
            select(EventDay.day).where(EventDay.event_id == event_id).order_by(EventDay.day)
        )
    )


def entrance_day(session: Session, event: Event) -> date | None:
    """The day a check-in made now counts for: today when it is one of the event's days."""
    today = venue_today(event)
    return today if today in event_days(session, event.id) else None


def open_door(
    session: Session, slug: str, session_code: str | None, day: date | None
) -> tuple[Event, Door]:
    """The event ``slug`` and the door for a check-in there (see :func:`resolve_door`).

    At a session's door the event and its session are read in one statement (the session's
    row locked with it on PostgreSQL), so a door's check-in reads no more than the entrance's.
    """
    if session_code is None:
        event = get_event(session, slug)
        return event, resolve_door(session, event, None, day)
    postgres = session.get_bind().dialect.name == "postgresql"
    row = session.execute(
        _EVENT_AND_SESSION_LOCKED if postgres else _EVENT_AND_SESSION,
        {"slug": slug, "code": session_code.strip()},
    ).one_or_none()
    if row is None:  # no such event or session: say which
        event = get_event(session, slug)
        return event, resolve_door(session, event, session_code, day)
    event, found = row
    return event, resolve_door(session, event, session_code, day, found=found)


def resolve_door(
    session: Session,
    event: Event,
    session_code: str | None,
    day: date | None,
    *,
    found: EventSession | None = None,
) -> Door:
    """The door for a check-in at ``event``: ``Invalid`` for a day the event does not have,
    ``NotFound`` for an unknown session. Locks a session with a capacity (see above);
    ``found`` is the session already read (and locked on PostgreSQL) by :func:`open_door`."""
    days = event_days(session, event.id)
    if days:
        day = day or venue_today(event)
        if day not in days:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError", "{day} is not a day of this event (its days: {days})."
                ),
                day=day.isoformat(),
                days=", ".join(d.isoformat() for d in days),
            )
    elif day is not None:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "This event has no [[days]]: people are checked in once, not per day."
            )
        )
    if session_code is None:
        return Door(day=day)
    if session.get_bind().dialect.name == "postgresql":
        # One statement reads and locks the session's row (SQLite ignores FOR UPDATE and
        # needs the write below to take its single writer's lock before counting seats).
        found = found or find_session(session, event, session_code, lock=True)
        return Door(day=day, session=found)
    found = found or find_session(session, event, session_code)
    if found.capacity is not None or found.exits:
        _take_write_lock(session)
    return Door(day=day, session=found)


def _take_write_lock(session: Session) -> None:
    """SQLite: take the single writer's lock now (``BEGIN IMMEDIATE``), unless this unit of
    work already holds it (it wrote), so the seats counted next are the last committed."""
    connection = session.connection().connection.dbapi_connection
    if not getattr(connection, "in_transaction", True):
        session.execute(_BEGIN_IMMEDIATE)


def find_session(session: Session, event: Event, code: str, *, lock: bool = False) -> EventSession:
    """The event's session ``code`` (its row locked until the transaction ends with
    ``lock``), or ``NotFound`` listing the event's sessions."""
    query = _SESSION_BY_CODE_LOCKED if lock else _SESSION_BY_CODE
    found = session.scalars(query, {"event_id": event.id, "code": code.strip()}).one_or_none()
    if found is None:
        codes = session.scalars(
            select(EventSession.code)
            .where(EventSession.event_id == event.id)
            .order_by(EventSession.position)
        ).all()
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "There is no session '{code}' at this event ({codes})."),
            code=code.strip(),
            codes=", ".join(codes) or "-",
        )
    return found


def active_at_door(session: Session, registration_id: int, door: Door | None) -> CheckIn | None:
    """The registration's check-in that counts at ``door`` (not undone), if any; without a
    door, its latest entrance check-in (any day)."""
    query = select(CheckIn).where(
        CheckIn.registration_id == registration_id, CheckIn.undone_at.is_(None)
    )
    if door is not None and door.session is not None:
        query = query.where(CheckIn.session_id == door.session.id)
    else:
        query = query.where(CheckIn.session_id.is_(None))
        if door is not None:
            day_matches = CheckIn.day.is_(None) if door.day is None else CheckIn.day == door.day
            query = query.where(day_matches)
    return session.scalars(query.order_by(CheckIn.checked_in_at.desc())).first()


def entitled(session: Session, registration: Registration, event_session: EventSession) -> bool:
    """Whether ``registration`` may enter ``event_session``: open to all (no ``requires``
    and no price), registered in the category it requires, or holding it (an add-on)."""
    if event_session.requires is None and event_session.price is None:
        return True
    if event_session.requires is not None:
        category = session.get(PriceCategory, registration.category_id)
        if category is not None and category.code == event_session.requires:
            return True
    held = session.scalar(
        _HELD, {"registration_id": registration.id, "session_id": event_session.id}
    )
    return bool(held)


def registrations_by_code(
    session: Session, codes: Sequence[str], door: Door | None = None
) -> dict[str, tuple[Registration, tuple[int, int | None] | None]]:
    """The registrations stored under ``codes``, by code; at a session's door each with
    ``(held, taken)`` for :func:`entry_facts`, read in the same statement (``taken`` where
    seats are limited), else ``None``."""
    if door is None or door.session is None:
        return {r.code: (r, None) for r in session.scalars(_BY_CODES, {"codes": codes})}
    limited = door.session.capacity is not None
    rows = session.execute(
        _BY_CODES_HELD_TAKEN if limited else _BY_CODES_HELD,
        {"codes": codes, "session_id": door.session.id},
    )
    return {
        registration.code: (registration, (int(held), int(taken or 0) if limited else None))
        for registration, held, taken in rows
    }


def entry_facts(
    session: Session,
    registration: Registration,
    event_session: EventSession,
    counted: tuple[int, int | None] | None = None,
) -> tuple[bool, int | None]:
    """Whether ``registration`` may enter ``event_session`` (see :func:`entitled`) and the
    seats taken where they are limited (else ``None``), read in one statement at most (none
    with ``counted``, the ``(held, taken)`` of :func:`registrations_by_code`): a door's
    check-in asks both."""
    if counted is None:
        if event_session.capacity is None:
            return entitled(session, registration, event_session), None
        holds, seats = session.execute(
            _HELD_AND_TAKEN, {"registration_id": registration.id, "session_id": event_session.id}
        ).one()
        counted = (int(holds), int(seats or 0))
    holds, taken = counted
    open_to_all = event_session.requires is None and event_session.price is None
    allowed = open_to_all or bool(holds)
    if not allowed and event_session.requires is not None:
        allowed = entitled(session, registration, event_session)  # its required category
    return allowed, taken if event_session.capacity is not None else None


def seats_taken(session: Session, session_id: int) -> int:
    """Active check-ins at a session's door (one per person: a partial unique index)."""
    return int(session.scalar(_TAKEN, {"session_id": session_id}) or 0)
