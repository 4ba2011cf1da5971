"""Saving an event file's days and sessions (``[[days]]``, ``[[sessions]]``)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.db.models import CheckIn, Event, EventDay, EventSession, RegistrationSession
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict
from desktop_app.domain.event_sessions import SessionSpec
from desktop_app.domain.events import EventSpec
from desktop_app.services.admin.coded_rows import save_by_code


def save_days_and_sessions(session: Session, event: Event, spec: EventSpec) -> None:
    """The event's days and sessions as its file declares them; a session someone was
    checked in to, or that registrations hold, stays in the file."""
    session.flush()
    days = {
        d.day: d for d in session.scalars(select(EventDay).where(EventDay.event_id == event.id))
    }
    for day, day_row in days.items():
        if day not in spec.days:
            session.delete(day_row)
    for day in spec.days:
        if day not in days:
            session.add(EventDay(event_id=event.id, day=day))

    def fill(row: EventSession, declared: SessionSpec, position: int) -> None:
        row.position = position
        row.name_fr = declared.name_fr
        row.name_en = declared.name_en
        row.starts_at = declared.starts
        row.ends_at = declared.ends
        row.room = declared.room
        row.capacity = declared.capacity
        row.requires = declared.requires
        row.price = declared.price
        row.exits = declared.exits

    save_by_code(
        session,
        EventSession,
        event,
        spec.sessions,
        fill,
        before_removal=lambda row: _refuse_removal(session, row),
    )


def _refuse_removal(session: Session, row: EventSession) -> None:
    check_ins = session.scalar(
        select(func.count()).select_from(CheckIn).where(CheckIn.session_id == row.id)
    )
    if check_ins:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "AppError",
                "The session {code} has {count} check-ins; keep it in the event file.",
            ),
            code=row.code,
            count=check_ins,
        )
    holders = session.scalar(
        select(func.count())
        .select_from(RegistrationSession)
        .where(RegistrationSession.session_id == row.id)
    )
    if holders:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "AppError",
                "The session {code} is held by {count} registrations; keep it in the event file.",
            ),
            code=row.code,
            count=holders,
        )
