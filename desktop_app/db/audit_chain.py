"""A tamper-evident audit log: each entry carries the hash of the one before it.

``hash = SHA-256(previous entry's hash + the entry's content)``, content being its time,
desk, staff, action, subject and detail as canonical JSON. Changing, removing or inserting an
entry breaks every link after it; ``verify`` names the first broken one. The hashes are set
when entries are flushed, in the order they are written (one writer at a time: SQLite's write
lock, taken before the last hash is read; on PostgreSQL a transaction-level advisory lock),
and triggers refuse UPDATE and DELETE on the table on both back ends (the sync conflicts,
which are audit entries, are protected with the rest).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Connection, Integer, String, column, event, select, table
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import instance_state

from desktop_app.db.types import UTCDateTime

GENESIS = "0" * 64
_ADVISORY_KEY = 7_267_737_301  # "passerelle audit": one writer of the audit log at a time

SQLITE_STATEMENTS = (
    "CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_entries_no_delete BEFORE DELETE ON audit_entries "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)
POSTGRESQL_STATEMENTS = (
    "CREATE OR REPLACE FUNCTION passerelle_audit_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries",
    "CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries "
    "FOR EACH ROW EXECUTE FUNCTION passerelle_audit_append_only()",
)
DROP_STATEMENTS = {
    "sqlite": (
        "DROP TRIGGER IF EXISTS audit_entries_no_update",
        "DROP TRIGGER IF EXISTS audit_entries_no_delete",
    ),
    "postgresql": (
        "DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries",
        "DROP FUNCTION IF EXISTS passerelle_audit_append_only()",
    ),
}


def statements_for(dialect: str) -> tuple[str, ...]:
    """The statements that make the audit log append-only on this back end."""
    return {"sqlite": SQLITE_STATEMENTS, "postgresql": POSTGRESQL_STATEMENTS}.get(dialect, ())


def install(connection: Connection) -> None:
    """Install the append-only triggers (used by the migration)."""
    for statement in statements_for(connection.dialect.name):
        connection.exec_driver_sql(statement)


def _utc(at: datetime) -> str:
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


def entry_hash(
    previous: str,
    at: datetime,
    desk: str | None,
    staff: str | None,
    action: str,
    subject: str | None,
    detail: Any,
) -> str:
    """The hash of one entry, chained to ``previous``."""
    content = json.dumps(
        {
            "at": _utc(at),
            "desk": desk,
            "staff": staff,
            "action": action,
            "subject": subject,
            "detail": detail,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256((previous + content).encode("utf-8")).hexdigest()


_ENTRIES = table(
    "audit_entries",
    column("id", Integer),
    column("at", UTCDateTime()),
    column("desk", String),
    column("staff", String),
    column("action", String),
    column("subject", String),
    column("detail", JSON),
    column("previous_hash", String),
    column("hash", String),
)
_model: type | None = None


def _seal(session: Session, flush_context: Any, instances: Any) -> None:
    """Chain the audit entries about to be inserted (a ``before_flush`` listener)."""
    del flush_context, instances
    if _model is None:
        return
    new: list[Any] = [obj for obj in session.new if isinstance(obj, _model)]
    if not new:
        return
    new.sort(key=lambda obj: instance_state(obj).insert_order or 0)
    previous = session.info.get("audit_last_hash")
    if previous is None:
        connection = session.connection()
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_ADVISORY_KEY})")
        else:  # take SQLite's write lock now, so no other writer can chain after the same hash
            connection.exec_driver_sql("UPDATE audit_entries SET id = id WHERE id < 0")
        last = connection.execute(
            select(_ENTRIES.c.hash).order_by(_ENTRIES.c.id.desc()).limit(1)
        ).scalar()
        previous = last or GENESIS
    for entry in new:
        entry.previous_hash = previous
        entry.hash = entry_hash(
            previous, entry.at, entry.desk, entry.staff, entry.action, entry.subject, entry.detail
        )
        previous = entry.hash
    session.info["audit_last_hash"] = previous


def _forget(session: Session, *args: Any) -> None:
    session.info.pop("audit_last_hash", None)


def attach(model: type) -> None:
    """Chain every ``model`` (the audit entry) any session writes; called once, by the
    models module."""
    global _model
    _model = model
    event.listen(Session, "before_flush", _seal)
    for moment in ("after_commit", "after_rollback", "after_soft_rollback"):
        event.listen(Session, moment, _forget)


@dataclass(frozen=True)
class ChainCheck:
    """What ``verify`` found."""

    entries: int
    first_broken: int | None  # the id of the first entry whose link does not hold
    reason: str | None

    @property
    def intact(self) -> bool:
        """Whether every link holds."""
        return self.first_broken is None

    def to_json(self) -> dict[str, Any]:
        """For ``passerelle audit verify --json``."""
        return {
            "entries": self.entries,
            "intact": self.intact,
            "first_broken": self.first_broken,
            "reason": self.reason,
        }


def _rows(session: Session) -> Iterator[Any]:
    yield from session.execute(select(_ENTRIES).order_by(_ENTRIES.c.id)).yield_per(2000)


def verify(session: Session) -> ChainCheck:
    """Walk the whole log in order and recompute every link."""
    previous = GENESIS
    count = 0
    for row in _rows(session):
        count += 1
        if row.previous_hash != previous:
            return ChainCheck(count, row.id, "previous hash does not match the entry before")
        expected = entry_hash(
            previous, row.at, row.desk, row.staff, row.action, row.subject, row.detail
        )
        if row.hash != expected:
            return ChainCheck(count, row.id, "the entry was changed after it was written")
        previous = row.hash
    return ChainCheck(count, None, None)
