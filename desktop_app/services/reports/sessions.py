"""Attendance of one session (``report attendance --session``): who may come, who came,
seats left, and at a door with exit scans the entries (re-entries included) and who is inside
now; and an event's entrance check-ins per day, for an event with ``[[days]]``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    CheckIn,
    EventSession,
    PriceCategory,
    Registration,
    RegistrationSession,
)
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desktop_app.services.admin.events import get_event
from desktop_app.services.desk.exits import entries_and_inside


@dataclass(frozen=True)
class SessionAttendance:
    """One session's counts; ``entitled`` counts active registrations that may enter (all of
    them for a session open to all)."""

    event: str
    code: str
    name_fr: str
    name_en: str
    room: str | None
    capacity: int | None
    open_to_all: bool
    entitled: int
    checked_in: int  # people: each once, whatever their comings and goings
    exits: bool = False  # exits are scanned at its door
    entries: int = 0  # check-ins and re-entries (= checked_in without exit scans)
    inside: int | None = None  # inside now (None: no exit scans, nobody knows)

    @property
    def seats_left(self) -> int | None:
        """Seats not yet taken (``None`` without a capacity; 0 once overridden beyond)."""
        return None if self.capacity is None else max(self.capacity - self.checked_in, 0)

    def to_json(self) -> dict[str, object]:
        """The JSON shape of ``passerelle report attendance --session CODE --json``."""
        return {
            "event": self.event,
            "session": self.code,
            "name_fr": self.name_fr,
            "name_en": self.name_en,
            "room": self.room,
            "capacity": self.capacity,
            "open_to_all": self.open_to_all,
            "entitled": self.entitled,
            "checked_in": self.checked_in,
            "seats_left": self.seats_left,
            "exits": self.exits,
            "entries": self.entries,
            "inside_now": self.inside,
        }


def session_attendance(sessions: sessionmaker[Session], slug: str, code: str) -> SessionAttendance:
    """The counts of session ``code`` at event ``slug`` (``NotFound`` for either unknown)."""
    with sessions() as session:
        event = get_event(session, slug)
        every = session.scalars(
            select(EventSession)
            .where(EventSession.event_id == event.id)
            .order_by(EventSession.position)
        ).all()
        found = next((s for s in every if s.code == code.strip()), None)
        if found is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "AppError", "There is no session '{code}' at this event ({codes})."
                ),
                code=code.strip(),
                codes=", ".join(s.code for s in every) or "-",
            )
        return _counts(session, event.slug, event.id, found)


def sessions_of(session: Session, slug: str, event_id: int) -> tuple[SessionAttendance, ...]:
    """Every session of the event with its counts, in the event file's order."""
    return tuple(
        _counts(session, slug, event_id, found)
        for found in session.scalars(
            select(EventSession)
            .where(EventSession.event_id == event_id)
            .order_by(EventSession.position)
        )
    )


def _counts(session: Session, slug: str, event_id: int, found: EventSession) -> SessionAttendance:
    open_to_all = found.requires is None and found.price is None
    active = (
        select(func.count())
        .select_from(Registration)
        .where(
            Registration.event_id == event_id,
            Registration.status == RegistrationStatus.ACTIVE.value,
        )
    )
    if not open_to_all:
        holds = select(RegistrationSession.registration_id).where(
            RegistrationSession.session_id == found.id
        )
        in_category = select(PriceCategory.id).where(
            PriceCategory.event_id == event_id, PriceCategory.code == found.requires
        )
        active = active.where(
            or_(Registration.id.in_(holds), Registration.category_id.in_(in_category))
        )
    checked_in = (
        select(func.count())
        .select_from(CheckIn)
        .where(CheckIn.session_id == found.id, CheckIn.undone_at.is_(None))
    )
    came = int(session.scalar(checked_in) or 0)
    entries, inside = entries_and_inside(session, found.id, came) if found.exits else (came, None)
    return SessionAttendance(
        event=slug,
        code=found.code,
        name_fr=found.name_fr,
        name_en=found.name_en,
        room=found.room,
        capacity=found.capacity,
        open_to_all=open_to_all,
        entitled=int(session.scalar(active) or 0),
        checked_in=came,
        exits=found.exits,
        entries=entries,
        inside=inside,
    )


def entrance_by_day(session: Session, event_id: int) -> tuple[tuple[date, int], ...]:
    """Entrance check-ins (not undone) per day of an event with days, in day order."""
    rows = session.execute(
        select(CheckIn.day, func.count())
        .join(Registration, Registration.id == CheckIn.registration_id)
        .where(
            Registration.event_id == event_id,
            CheckIn.undone_at.is_(None),
            CheckIn.session_id.is_(None),
            CheckIn.day.is_not(None),
        )
        .group_by(CheckIn.day)
        .order_by(CheckIn.day)
    )
    return tuple((day, int(n)) for day, n in rows if day is not None)
