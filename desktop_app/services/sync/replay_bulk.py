"""Applying a batch of journal entries in one server transaction, with few round trips.

The usual journal is a run of plain check-ins, none of them in conflict. For those the batch
reads what the per-entry appliers would read one entry at a time -- the check-ins already on
the server (by ``action_id``), the registrations (locked, in id order), their active
check-ins -- in three statements, decides each entry in Python by the same rules, and writes
the new check-ins and their audit entries in one flush at the end.

Everything else goes through ``replay_apply.apply_action_in`` exactly as when an entry is
replayed alone: payments, walk-ins, badge prints, a check-in that meets a conflict (a check-in
at the same door, a cancelled registration) or whose registration the batch already handed to
that path, or whose registration is not on the server (refused there, as before). So
conflicts are settled and recorded the one way, by the code that always did it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from desktop_app.db.models import Base, CheckIn, JournalEntry, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.services.sync.replay_apply import apply_action_in
from desktop_app.services.sync.replay_facts import ActionFacts, copy_audit

_Door = tuple[date | None, int | None]  # (day, session id) of a check-in
_CHECK_INS = Base.metadata.tables["check_ins"]


def _same_door(existing: _Door, ours: _Door) -> bool:
    """Whether an active check-in at ``existing`` counts at the door of ``ours``, as
    ``doors.active_at_door(door_of(ours))`` decides: an event checked in once, any entrance
    check-in; a session's door, that session's; a day's entrance, that day's."""
    (day, session_id), (their_day, their_session) = ours, existing
    if session_id is not None:
        return their_session == session_id
    if day is None:
        return their_session is None
    return their_session is None and their_day == day


def _lock(session: Session, codes: set[str]) -> dict[str, tuple[int, str]]:
    """The registrations with these codes: id and status by code, locked until commit.

    PostgreSQL: one ``SELECT … FOR UPDATE`` in id order (two replays lock in the same order).
    SQLite has no row locks: a no-op update takes the database's write lock first, as
    ``receipt_store.lock_registration`` does for one registration.
    """
    if not codes:
        return {}
    wanted = sorted(codes)
    query = select(Registration.id, Registration.code, Registration.status).where(
        Registration.code.in_(wanted)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.order_by(Registration.id).with_for_update()
    else:
        session.execute(
            update(Registration)
            .where(Registration.code.in_(wanted))
            .values(id=Registration.id)
            .execution_options(synchronize_session=False)
        )
    return {row.code: (row.id, row.status) for row in session.execute(query)}


def _active(session: Session, registration_ids: list[int]) -> dict[int, list[_Door]]:
    """The doors at which each registration has a check-in that is not undone."""
    found: dict[int, list[_Door]] = {rid: [] for rid in registration_ids}
    if registration_ids:
        rows = session.execute(
            select(CheckIn.registration_id, CheckIn.day, CheckIn.session_id).where(
                CheckIn.registration_id.in_(registration_ids), CheckIn.undone_at.is_(None)
            )
        )
        for row in rows:
            found[row.registration_id].append((row.day, row.session_id))
    return found


def _on_server(session: Session, actions: list[str]) -> set[str]:
    """The check-ins' action ids the server already has (replayed before)."""
    if not actions:
        return set()
    return set(session.scalars(select(CheckIn.action_id).where(CheckIn.action_id.in_(actions))))


def _insert_check_ins(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (then empty it) in one executemany, without asking their ids back:
    the ORM's multi-row ``INSERT … RETURNING`` cost more to build and parse than to run."""
    if rows:
        # The server numbers them: the replica's id is left out.
        session.execute(
            insert(_CHECK_INS), [{k: v for k, v in row.items() if k != "id"} for row in rows]
        )
        rows.clear()


def apply_batch(
    session: Session, items: list[tuple[JournalEntry, ActionFacts]]
) -> list[tuple[str, str | None]]:
    """Apply ``items`` in order in the caller's server transaction: each one's outcome and
    conflict kind, as ``apply_action_in`` gives them. Raises what it raises (a refused
    entry, ``IntegrityError`` at the final flush): the caller then replays the batch one
    entry at a time."""
    plain = [facts for _, facts in items if facts.kind == "check_in"]
    locked = _lock(session, {facts.registration["code"] for facts in plain})
    active = _active(session, sorted(rid for rid, _ in locked.values()))
    already = _on_server(session, [f.check_in["action_id"] for f in plain if f.check_in])
    new: list[dict[str, Any]] = []  # check-ins to insert, in order
    handed_over: set[str] = set()  # registrations the per-entry path wrote in this batch
    seen: set[str] = set()  # action ids written by this batch
    outcomes: list[tuple[str, str | None]] = []
    for entry, facts in items:
        code = facts.registration.get("code", "")
        ours: dict[str, Any] | None = facts.check_in
        fast = (
            facts.kind == "check_in"
            and ours is not None
            and code in locked
            and code not in handed_over
            and ours["action_id"] not in seen
            # A session's door is judged again (capacity, entitlement) by the per-entry path.
            and ours["session_id"] is None
        )
        if fast and ours is not None:
            if ours["action_id"] in already:
                outcomes.append(("already", None))
                continue
            registration_id, status = locked[code]
            door: _Door = (ours["day"], ours["session_id"])
            doors = active[registration_id]
            counts = ours["undone_at"] is None
            if not counts or (
                status == RegistrationStatus.ACTIVE and not any(_same_door(d, door) for d in doors)
            ):
                new.append({**ours, "registration_id": registration_id})
                copy_audit(session, facts, facts.registration["id"], registration_id)
                if counts:
                    doors.append(door)
                seen.add(ours["action_id"])
                outcomes.append(("applied", None))
                continue
        # A conflict to settle, or not a plain check-in: the per-entry applier, after what
        # this batch added so far (its first query flushes the audit entries, in order).
        _insert_check_ins(session, new)
        outcomes.append(apply_action_in(session, facts, entry.desk))
        handed_over.add(code)
        if ours is not None:
            seen.add(ours["action_id"])
    _insert_check_ins(session, new)
    session.flush()
    return outcomes
