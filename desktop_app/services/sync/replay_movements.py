"""Replaying an exit or re-entry scanned offline at a session's door (``exits = true``).

The movement is recorded on the server against the person's check-in at that door: the one
the offline desk moved (found by its action id, replayed before it in journal order), or --
when that check-in lost a double check-in to another desk's -- the one that counts there now,
so the room count stays right. It keeps the time it was scanned. No conflict: a movement
takes no seat (capacity counts people, not passages).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import CheckIn, SessionMovement
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desktop_app.services.sync.replay_facts import ActionFacts, copy_audit


def movement_replayed(session: Session, action_id: str) -> bool:
    """Whether the server already has the movement ``action_id``."""
    found = session.scalars(
        select(SessionMovement.id).where(SessionMovement.action_id == action_id)
    ).first()
    return found is not None


def apply_movement(session: Session, facts: ActionFacts) -> str | None:
    """Record ``facts``' movement on the server in the caller's transaction (no conflict)."""
    assert facts.movement is not None and facts.check_in is not None
    moved = session.scalars(
        select(CheckIn).where(CheckIn.action_id == facts.check_in["action_id"])
    ).first()
    if moved is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "The server has no check-in for action {action}."),
            action=facts.check_in["action_id"],
        )
    if moved.undone_at is not None:
        counting = session.scalars(
            select(CheckIn).where(
                CheckIn.registration_id == moved.registration_id,
                CheckIn.session_id == moved.session_id,
                CheckIn.undone_at.is_(None),
            )
        ).first()
        moved = counting or moved
    session.add(SessionMovement(**{**facts.movement, "id": None, "check_in_id": moved.id}))
    session.flush()
    copy_audit(session, facts, facts.registration["id"], moved.registration_id)
    return None
