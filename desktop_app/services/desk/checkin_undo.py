"""Undoing a check-in at a desk: with a reason, the row kept with when, who and why (the
other half of ``checkin``, which re-exports ``undo_check_in``)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Registration
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid, NotFound
from desktop_app.domain.names import display_name
from desktop_app.services.admin import audit
from desktop_app.services.desk.doors import Door, active_at_door, find_session


def undo_check_in(
    sessions: sessionmaker[Session],
    registration_id: int,
    *,
    desk: str,
    staff: str,
    reason: str,
    session_code: str | None = None,
) -> None:
    """Undo the registration's active check-in (at session ``session_code``'s door, else
    the entrance's latest); the row stays with when, who and why."""
    reason = reason.strip()
    if not reason:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "Give a reason to undo a check-in."))
    with sessions.begin() as session:
        registration = session.get(Registration, registration_id)
        if registration is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("AppError", "There is no registration {id}."), id=registration_id
            )
        door = None
        if session_code is not None:  # a session's desk undoes its own door's check-in
            door = Door(session=find_session(session, registration.event, session_code))
        existing = active_at_door(session, registration_id, door)
        if existing is None:
            raise Conflict(
                QT_TRANSLATE_NOOP("AppError", "{name} is not checked in; nothing to undo."),
                name=display_name(registration.person.first_name, registration.person.last_name),
            )
        existing.undone_at = datetime.now(UTC)
        existing.undone_by = staff
        existing.undo_reason = reason
        audit.record(
            session,
            "checkin.undone",
            desk=desk,
            staff=staff,
            subject=f"registration:{registration_id}",
            detail={
                "code": registration.code,
                "reason": reason,
                "checked_in_at": existing.checked_in_at.isoformat(),
                "checked_in_desk": existing.desk,
                "checked_in_by": existing.staff,
            },
        )
