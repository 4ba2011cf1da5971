"""What the card says at a session's door (F10 "This desk admits"): whether the person may
enter the session, whether they came in and when, whether they went out since (a session with
exit scans), and the seats left. The entrance's check-in stays on the card, second."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop_app.db.models import EventSession, Registration, RegistrationSession
from desktop_app.services.desk import exits
from desktop_app.services.desk.doors import (
    Door,
    active_at_door,
    entitled,
    find_session,
    seats_taken,
)


@dataclass(frozen=True)
class SessionDoorStatus:
    """One registration at one session's door."""

    code: str
    name_fr: str
    name_en: str
    entitled: bool
    checked_in_at: datetime | None  # the session's check-in (its first entry)
    checked_in_desk: str | None
    checked_in_by: str | None
    capacity: int | None  # None: no limit
    seats_taken: int  # people checked in to the session (this person included)
    left_at: datetime | None = None  # out since then (exit scans; None: inside or never in)
    exits: bool = False  # exits are scanned at this door: Enter records one for someone inside
    entered_at: datetime | None = None  # the last entry (check-in or re-entry), with exits

    def double_scan_until(self) -> datetime | None:
        """Until when a scan of this person is a double scan, not an exit (``exits.MIN_STAY``
        after their last entry), as the desk will judge it; ``None``: not inside, or no exits."""
        if not self.exits or self.left_at is not None or self.entered_at is None:
            return None
        entered = self.entered_at
        return (entered if entered.tzinfo else entered.replace(tzinfo=UTC)) + exits.MIN_STAY

    @property
    def seats_left(self) -> int | None:
        """Seats not yet taken (``None`` without a capacity; 0 once overridden beyond)."""
        return None if self.capacity is None else max(self.capacity - self.seats_taken, 0)

    def name(self, language: str) -> str:
        """The session's name in ``language`` ("fr" or "en")."""
        return self.name_fr if language == "fr" else self.name_en


def session_door_status(
    session: Session, registration: Registration, code: str
) -> SessionDoorStatus:
    """``registration`` at the door of its event's session ``code`` (``NotFound`` if none)."""
    found = find_session(session, registration.event, code)
    check_in = active_at_door(session, registration.id, Door(session=found))
    # Exits and re-entries only where they are scanned: no extra read at other doors.
    last = exits.last_movement(session, check_in.id) if check_in and found.exits else None
    return SessionDoorStatus(
        code=found.code,
        name_fr=found.name_fr,
        name_en=found.name_en,
        entitled=entitled(session, registration, found),
        checked_in_at=check_in.checked_in_at if check_in else None,
        checked_in_desk=check_in.desk if check_in else None,
        checked_in_by=check_in.staff if check_in else None,
        capacity=found.capacity,
        seats_taken=seats_taken(session, found.id),
        left_at=last.at if last is not None and last.direction == exits.OUT else None,
        exits=found.exits,
        entered_at=(last.at if last is not None else check_in.checked_in_at)
        if check_in is not None and found.exits
        else None,
    )


def held_sessions(session: Session, registration: Registration) -> tuple[tuple[str, str], ...]:
    """The sessions ``registration`` may enter beyond its admission -- add-ons it holds
    (bought or imported) and those its price category includes -- by (French, English) name,
    in the event file's order; one read. Sessions open to every registrant are left out, as
    on the badge's chips (they would tell the desk nothing)."""
    rows = session.execute(
        select(
            EventSession.name_fr,
            EventSession.name_en,
            EventSession.requires,
            RegistrationSession.registration_id,
        )
        .outerjoin(
            RegistrationSession,
            and_(
                RegistrationSession.session_id == EventSession.id,
                RegistrationSession.registration_id == registration.id,
            ),
        )
        .where(
            EventSession.event_id == registration.event_id,
            or_(EventSession.requires.is_not(None), EventSession.price.is_not(None)),
        )
        .order_by(EventSession.position, EventSession.id)
    ).all()
    if not rows:
        return ()
    category = registration.category.code
    return tuple(
        (name_fr, name_en)
        for name_fr, name_en, requires, held in rows
        if held is not None or (requires is not None and requires == category)
    )
