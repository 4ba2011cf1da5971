"""Replaying a desk's offline journal on the shared server: in order, idempotently.

Pending entries are applied in batches, one server transaction per batch, read and written a
batch at a time (``replay_bulk``); when an entry is refused the batch is applied again one
entry at a time, a savepoint each (a refused entry undoes only itself). Each entry is
applied from the rows its action wrote in the replica,
*as they happened*: the check-in time, the payment and the receipt exactly
as printed (its offline number included). An action already on the server (same
``action_id``) is skipped as "already"; the batch's entries are then marked sent in the
replica, in one transaction. A crash between the two leaves them pending, and the next replay
finds them "already" -- so replaying twice changes nothing. A server lost during a batch
rolls the batch back: its entries stay pending, whole.

Conflicts (see ``conflicts``) are settled by the documented rule in the replaying
transaction and recorded as ``sync.conflict`` audit entries; nothing is dropped: a check-in
that lost is kept undone, a duplicate walk-in and a double payment are kept with their money.

The facts of an action are read by ``replay_facts``; ``replay_apply`` writes them on the server
and settles conflicts. This module drives the replay and reports on it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import AuditEntry, JournalEntry, Registration
from desktop_app.domain.errors import AppError
from desktop_app.services.sync.conflicts import record_conflict
from desktop_app.services.sync.replay_apply import SYNC_STAFF, apply_action_in
from desktop_app.services.sync.replay_bulk import apply_batch
from desktop_app.services.sync.replay_facts import ActionFacts, gather_batch, gather_facts
from desktop_app.services.sync.replica import audit_of_actions

__all__ = ["SYNC_STAFF", "ReplayItem", "ReplayReport", "ReplaySummary", "replay_journal"]


@dataclass(frozen=True)
class ReplayItem:
    """What replaying one journal entry did."""

    action_id: str
    kind: str  # "check_in" | "payment" | "walk_in" | "badge_print"
    outcome: str  # "applied" | "already" | "conflict" | "failed"
    conflict: str | None = None  # the conflict's kind
    error: str | None = None


@dataclass(frozen=True)
class ReplayReport:
    """A replay of the journal: counts, each entry's outcome, and whether it was cut short."""

    items: tuple[ReplayItem, ...] = ()
    interrupted: bool = False  # the server became unreachable: the rest stays pending
    error: str | None = None
    seconds: float = 0.0
    pending: int = 0  # entries still waiting after this replay

    def count(self, outcome: str) -> int:
        """How many entries ended with ``outcome``."""
        return sum(1 for item in self.items if item.outcome == outcome)

    @property
    def applied(self) -> int:
        """Entries written to the server by this replay (conflicts included)."""
        return self.count("applied") + self.count("conflict")


@dataclass(frozen=True)
class ReplaySummary:
    """What a set of replayed entries did, as a report to a person says it: what was sent
    (written on the server, conflicts included), what the server already had (the same
    action id: sent before, e.g. by a replay a crash cut short), the conflicts found, and
    what the server refused."""

    sent: int
    already_there: int
    conflicts: tuple[ReplayItem, ...]
    failed: tuple[ReplayItem, ...]
    items: tuple[ReplayItem, ...]

    @classmethod
    def of(cls, items: tuple[ReplayItem, ...]) -> ReplaySummary:
        """The summary of ``items`` (one replay, or every replay of a link)."""
        return cls(
            sent=sum(1 for item in items if item.outcome in ("applied", "conflict")),
            already_there=sum(1 for item in items if item.outcome == "already"),
            conflicts=tuple(item for item in items if item.outcome == "conflict"),
            failed=tuple(item for item in items if item.outcome == "failed"),
            items=items,
        )

    def to_json(self) -> dict[str, object]:
        """Counts, then each conflict and refusal, then every entry with its outcome."""
        return {
            "sent": self.sent,
            "already_there": self.already_there,
            "conflicts": [item.__dict__ for item in self.conflicts],
            "refused": [item.__dict__ for item in self.failed],
            "sent_now": [item.__dict__ for item in self.items],
        }


BATCH = 200
"""Entries applied per server transaction: one commit (and one replica commit) per batch
instead of per entry is what makes a long journal go in seconds."""


def _record_failure(
    session: Session, facts: ActionFacts | None, entry: JournalEntry, reason: str
) -> None:
    registration_id = None
    if facts is not None:
        registration_id = session.scalars(
            select(Registration.id).where(Registration.code == facts.registration.get("code"))
        ).first()
    record_conflict(
        session,
        "replay-failed",
        event=facts.slug if facts else "",
        desk=entry.desk,
        staff=None,
        registration_id=registration_id,
        detail={
            "action_id": entry.action_id,
            "code": facts.registration.get("code") if facts else None,
            "name": facts.name if facts else None,
            "reason": reason,
        },
    )


def _mark(local: sessionmaker[Session], done: list[tuple[int, ReplayItem]]) -> None:
    """Mark a batch's entries sent (or failed) in one replica transaction."""
    if not done:
        return
    now = datetime.now(UTC)
    with local.begin() as session:
        # An UPDATE by primary key with a list of rows: one executemany for the batch.
        session.execute(
            update(JournalEntry),
            [
                {
                    "id": entry_id,
                    "status": "failed" if item.outcome == "failed" else "sent",
                    "sent_at": now,
                    "kind": item.kind,
                    "outcome": {
                        "outcome": item.outcome,
                        "conflict": item.conflict,
                        "error": item.error,
                    },
                }
                for entry_id, item in done
            ],
        )


def _apply_one(
    session: Session, facts: ActionFacts, entry: JournalEntry, *, guarded: bool
) -> ReplayItem:
    """One entry inside the batch's transaction; ``guarded``: in a savepoint of its own."""
    if not guarded:
        outcome, conflict = apply_action_in(session, facts, entry.desk)
        return ReplayItem(entry.action_id, facts.kind, outcome, conflict)
    try:
        with session.begin_nested():
            outcome, conflict = apply_action_in(session, facts, entry.desk)
    except IntegrityError:
        # The same action committed meanwhile (another replay): now it is "already".
        with session.begin_nested():
            outcome, conflict = apply_action_in(session, facts, entry.desk)
    return ReplayItem(entry.action_id, facts.kind, outcome, conflict)


def _replay_batch_at_once(
    reading: Session,
    session: Session,
    batch: list[JournalEntry],
    audit: dict[str, list[AuditEntry]],
) -> list[tuple[int, ReplayItem]]:
    """The batch read and applied set-based (``gather_batch``, ``apply_batch``); any
    refusal raises :class:`_Retry`, and the batch is replayed one entry at a time."""
    try:
        gathered = gather_batch(reading, batch, audit)
        facts = [one for one in gathered if one is not None]
        if len(facts) < len(batch):  # an entry without rows: refused when replayed alone
            raise _Retry
        outcomes = apply_batch(session, list(zip(batch, facts, strict=True)))
    except (AppError, IntegrityError) as refused:
        raise _Retry from refused
    return [
        (entry.id, ReplayItem(entry.action_id, one.kind, outcome, conflict))
        for entry, one, (outcome, conflict) in zip(batch, facts, outcomes, strict=True)
    ]


class _Retry(Exception):
    """An entry of an unguarded batch was refused: the batch is rolled back and run again,
    each entry in its savepoint."""


def _replay_batch(
    local: sessionmaker[Session],
    server: sessionmaker[Session],
    batch: list[JournalEntry],
    *,
    guarded: bool = False,
) -> list[tuple[int, ReplayItem]]:
    """Apply ``batch`` in one server transaction; each entry's id and what it did.

    First the whole batch at once (:func:`_replay_batch_at_once`: no savepoints, read and
    written set-based); when an entry is refused or collides, the batch is rolled back and
    applied again one entry at a time, each in a savepoint, so the refused one undoes only
    itself. Raises :class:`DBAPIError` when the server fails:
    the whole batch is then rolled back.
    """
    done: list[tuple[int, ReplayItem]] = []
    try:
        with local() as reading, server.begin() as session:
            audit = audit_of_actions(reading, [entry.action_id for entry in batch])
            if not guarded:
                return _replay_batch_at_once(reading, session, batch, audit)
            for entry in batch:
                facts: ActionFacts | None = None
                try:
                    facts = gather_facts(reading, entry, audit[entry.action_id])
                    item = _apply_one(session, facts, entry, guarded=guarded)
                except (AppError, IntegrityError) as refused:
                    if not guarded:
                        raise _Retry from refused
                    if isinstance(refused, IntegrityError):
                        raise
                    reason = str(refused.message)
                    with session.begin_nested():
                        _record_failure(session, facts, entry, reason)
                    kind = facts.kind if facts else entry.kind
                    item = ReplayItem(entry.action_id, kind, "failed", "replay-failed", reason)
                done.append((entry.id, item))
    except _Retry:
        return _replay_batch(local, server, batch, guarded=True)
    return done


def _is_disconnect(error: DBAPIError) -> bool:
    if error.connection_invalidated:
        return True
    return type(error).__name__ in ("OperationalError", "InterfaceError")


def replay_journal(
    local: sessionmaker[Session], server: sessionmaker[Session], *, limit: int | None = None
) -> ReplayReport:
    """Send the replica's pending journal entries to the server, oldest first.

    Stops (``interrupted``) when the server cannot be reached; what was sent stays sent.
    An entry the server refuses is marked failed and recorded as a ``replay-failed``
    conflict: listed for review, never retried silently, never dropped.
    """
    started = time.perf_counter()
    items: list[ReplayItem] = []
    interrupted, error_text = False, None
    with local() as session:
        entries = session.scalars(
            select(JournalEntry).where(JournalEntry.status == "pending").order_by(JournalEntry.id)
        ).all()
        session.expunge_all()
    todo = list(entries[:limit] if limit else entries)
    for start in range(0, len(todo), BATCH):
        try:
            done = _replay_batch(local, server, todo[start : start + BATCH])
        except DBAPIError as failure:
            interrupted = _is_disconnect(failure)
            error_text = str(failure.orig or failure)
            break
        _mark(local, done)
        items.extend(item for _, item in done)
    with local() as session:
        pending = session.scalars(
            select(JournalEntry.id).where(JournalEntry.status == "pending")
        ).all()
    return ReplayReport(
        items=tuple(items),
        interrupted=interrupted,
        error=error_text,
        seconds=time.perf_counter() - started,
        pending=len(pending),
    )
