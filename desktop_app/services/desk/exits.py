"""Exit scans at a session's door (``exits = true`` in its ``[[sessions]]`` entry): who is
inside now, and re-entries.

The first entry is the session's check-in (it takes the seat, once). Afterwards, at a door
with exits, a scan of someone inside records an exit and a scan of someone who went out lets
them back in (a re-entry keeps their seat: capacity counts people, not passages). A second
scan within ``MIN_STAY`` of the last entry is a double scan, "already checked in", not an
exit. ``passerelle checkin --exit`` (``leaving``) records only exits. The session's row is
locked for the unit of work (``doors.resolve_door``), so two desks never both move one person.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.db.models import CheckIn, SessionMovement
from desktop_app.services.admin import audit
from desktop_app.services.desk.checkin_outcome import CheckInOutcome
from desktop_app.services.desk.doors import Door

MIN_STAY = timedelta(seconds=30)
"""A scan this soon after an entry is the scanner firing twice, not the person leaving."""

OUT, IN = "out", "in"


def last_movement(session: Session, check_in_id: int) -> SessionMovement | None:
    """The latest exit or re-entry of a session check-in, if any."""
    return session.scalars(
        select(SessionMovement)
        .where(SessionMovement.check_in_id == check_in_id)
        .order_by(SessionMovement.id.desc())
        .limit(1)
    ).first()


def last_exit(session: Session, check_in_id: int) -> datetime | None:
    """When the person went out, if they are out now (``None``: inside)."""
    last = last_movement(session, check_in_id)
    return last.at if last is not None and last.direction == OUT else None


def door_movement(
    session: Session,
    check_in: CheckIn | None,
    door: Door,
    *,
    leaving: bool,
    desk: str,
    staff: str,
    action_id: str,
    code: str,
) -> tuple[CheckInOutcome, datetime | None] | None:
    """An exit or re-entry at ``door`` for the person with ``check_in`` there, recorded and
    audited in the caller's unit of work: its outcome and time; ``None`` when this scan is
    no movement (no exits at this door, not checked in yet, or a double scan)."""
    if door.session is None or not door.session.exits:
        return None
    if check_in is None:
        return (CheckInOutcome.NOT_INSIDE, None) if leaving else None
    last = last_movement(session, check_in.id)
    inside = last is None or last.direction == IN
    now = datetime.now(UTC)
    if inside:
        since = last.at if last is not None else check_in.checked_in_at
        since = since if since.tzinfo else since.replace(tzinfo=UTC)
        if not leaving and now - since < MIN_STAY:
            return None
        direction, outcome = OUT, CheckInOutcome.EXITED
    elif leaving:
        return CheckInOutcome.NOT_INSIDE, last.at if last is not None else None
    else:
        direction, outcome = IN, CheckInOutcome.REENTERED
    session.add(
        SessionMovement(
            check_in_id=check_in.id,
            direction=direction,
            at=now,
            desk=desk,
            staff=staff,
            action_id=action_id,
        )
    )
    session.flush()
    audit.record(
        session,
        "session.exit" if direction == OUT else "session.reentry",
        desk=desk,
        staff=staff,
        subject=f"registration:{check_in.registration_id}",
        detail={"code": code, "action_id": action_id, "session": door.session.code},
        at=now,
    )
    return outcome, now


def replayed_movement(session: Session, action_id: str) -> tuple[SessionMovement, CheckIn] | None:
    """The movement already recorded under ``action_id`` and its check-in, if any."""
    found = session.execute(
        select(SessionMovement, CheckIn)
        .join(CheckIn, CheckIn.id == SessionMovement.check_in_id)
        .where(SessionMovement.action_id == action_id)
    ).first()
    return (found[0], found[1]) if found is not None else None


def entries_and_inside(session: Session, session_id: int, checked_in: int) -> tuple[int, int]:
    """Entries (check-ins and re-entries) and people inside now at a session with exits,
    given its ``checked_in`` people; movements of undone check-ins do not count."""
    active = select(CheckIn.id).where(CheckIn.session_id == session_id, CheckIn.undone_at.is_(None))
    counted = dict(
        session.execute(
            select(SessionMovement.direction, func.count())
            .where(SessionMovement.check_in_id.in_(active))
            .group_by(SessionMovement.direction)
        ).all()
    )
    outs, ins = int(counted.get(OUT, 0)), int(counted.get(IN, 0))
    # Each person's movements alternate out, in, …: out - in is 1 for those out, else 0.
    return checked_in + ins, checked_in - (outs - ins)
