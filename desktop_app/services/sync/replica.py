"""The desk's local copy of the shared server, and the journal of what it did offline.

:func:`copy_from_server` copies the server's rows (one event's registrations and what hangs
off them, plus the reference data every desk rule reads) into the desk's SQLite replica, in
one read transaction on the server (a consistent snapshot) and one write transaction on the
replica (readers keep seeing the previous copy until it commits; WAL). The replica's
``journal_entries`` rows are never touched by a copy, and a copy is refused while any entry
is still pending: the offline rows it would erase have not reached the server yet.

:func:`install_journal` makes every check-in, payment and badge print written through the
replica's sessions add its journal entry *in the same flush*, so the action and its entry
commit together or not at all (SQLite in WAL mode, ``synchronous=FULL``).
"""

from __future__ import annotations

import base64
import hashlib
import re
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, event, func, insert, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from desktop_app.db import immutability, search_index
from desktop_app.db.models import (
    AuditEntry,
    BadgePrint,
    Base,
    CheckIn,
    Event,
    JournalEntry,
    Payment,
    Receipt,
    Registration,
    SessionMovement,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, NotFound

SERIES_LENGTH = 32

# Reference data every desk rule reads: copied whole (before and after the registrations).
_WHOLE_BEFORE = (
    "associations",
    "organizations",
    "organization_aliases",
    "organization_domains",
    "people",
    "memberships",
    "membership_decisions",
    "events",
    "event_days",  # the entrance's days and the sessions' doors, capacities, entitlements:
    "event_sessions",  # an offline desk applies the door rules as the server would
    "exhibitors",  # a lead station judges scans on the replica while the server is gone
    "event_partners",
    "price_categories",
    "consent_purposes",
    "consents",
)
_WHOLE_AFTER = ("receipt_series", "staff_accounts", "settings")
_WHOLE = (*_WHOLE_BEFORE, *_WHOLE_AFTER)
# The event's registrations and what hangs off them: copied for the chosen event (or all).
_PER_REGISTRATION = (
    "registration_sessions",
    "check_ins",
    "payments",
    "receipts",
    "badge_prints",
)
# Exits and re-entries at a session's door hang off its check-ins (who is inside now).
_PER_CHECK_IN = ("session_movements",)
COPIED_TABLES = (
    *_WHOLE_BEFORE,
    "registrations",
    *_PER_REGISTRATION,
    *_PER_CHECK_IN,
    *_WHOLE_AFTER,
)
"""Tables a refresh replaces, in an order that satisfies the foreign keys."""


@dataclass(frozen=True)
class RefreshReport:
    """What a refresh of the replica copied, and how long it took."""

    rows: int
    registrations: int
    seconds: float
    refreshed_at: datetime


def offline_series_code(desk: str, slug: str) -> str:
    """The receipt series a desk uses while offline: ``OFF-<DESK>-<SLUG>`` (at most 32).

    Only this desk takes numbers from it, so they cannot collide with the server's series
    or another desk's; the receipt keeps its number when the journal is replayed.
    """
    desk_key = re.sub(r"[^A-Z0-9]", "", desk.upper()) or "DESK"
    code = f"OFF-{desk_key}-{slug.upper()}"
    if len(code) <= SERIES_LENGTH:
        return code
    digest = base64.b32encode(hashlib.sha256(code.encode()).digest()).decode()[:8]
    return f"{code[:23]}-{digest}"


# -- journal -------------------------------------------------------------------------------


def _journal_rows(session: Session) -> list[dict[str, Any]]:
    desk = str(session.info.get("desk", ""))
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, CheckIn):
            rows.append({"action_id": obj.action_id, "kind": "check_in", "outcome": None})
        elif isinstance(obj, Payment):
            rows.append({"action_id": obj.action_id, "kind": "payment", "outcome": None})
        elif isinstance(obj, SessionMovement):  # an exit or re-entry at a session's door
            rows.append({"action_id": obj.action_id, "kind": "movement", "outcome": None})
        elif isinstance(obj, BadgePrint):
            rows.append(
                {
                    "action_id": f"badge-{uuid.uuid4().hex}",
                    "kind": "badge_print",
                    "outcome": {"badge_print_id": obj.id},
                }
            )
    for row in rows:
        row.update(desk=desk, created_at=now, status="pending", sent_at=None)
    return rows


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    del flush_context
    rows = _journal_rows(session)
    if rows:
        statement = sqlite_insert(JournalEntry).on_conflict_do_nothing(index_elements=["action_id"])
        session.connection().execute(statement, rows)


def install_journal(sessions: sessionmaker[Session]) -> None:
    """Journal every check-in, payment and badge print flushed through ``sessions``."""
    event.listen(sessions, "after_flush", _after_flush)


def pending_count(sessions: sessionmaker[Session]) -> int:
    """How many journal entries wait to be sent to the server."""
    with sessions() as session:
        count = session.scalar(
            select(func.count()).select_from(JournalEntry).where(JournalEntry.status == "pending")
        )
    return int(count or 0)


# -- copying -------------------------------------------------------------------------------


@contextmanager
def write_transaction(replica: Engine) -> Iterator[Connection]:
    """One SQLite write transaction, begun at once (``BEGIN IMMEDIATE``), with deferred
    foreign keys: DDL in it (dropping a trigger for the copy) commits or rolls back with
    the rest, which the driver's own implicit transactions would not do."""
    with replica.connect() as connection:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            yield connection
        except BaseException:
            connection.rollback()
            raise
        connection.commit()


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _select(name: str, event_id: int | None) -> Any:
    table = _table(name)
    statement = select(table)
    if event_id is None:
        return statement
    if name == "registrations":
        return statement.where(table.c.event_id == event_id)
    if name in _PER_REGISTRATION:
        ids = select(Registration.id).where(Registration.event_id == event_id)
        return statement.where(table.c.registration_id.in_(ids))
    if name in _PER_CHECK_IN:
        check_ins = (
            select(CheckIn.id)
            .join(Registration, Registration.id == CheckIn.registration_id)
            .where(Registration.event_id == event_id)
        )
        return statement.where(table.c.check_in_id.in_(check_ins))
    return statement


def copy_from_server(
    server: Engine, replica: Engine, slug: str | None = None, *, batch: int = 5000
) -> RefreshReport:
    """Replace the replica's copy with the server's rows (one event's when ``slug`` is given).

    Raises :class:`Conflict` while the replica's journal has pending entries, and
    :class:`NotFound` for an unknown ``slug``.
    """
    started = time.perf_counter()
    rows = registrations = 0
    with replica.connect() as target:
        pending = target.scalar(
            select(func.count()).select_from(JournalEntry).where(JournalEntry.status == "pending")
        )
        if pending:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "{count} desk actions taken offline have not reached the server yet;"
                    " send them before refreshing the desk's copy.",
                ),
                count=pending,
            )
    source_engine = server
    if server.dialect.name == "postgresql":  # one consistent snapshot of every table
        source_engine = server.execution_options(isolation_level="REPEATABLE READ")
    with source_engine.connect() as source, write_transaction(replica) as target:
        event_id = None
        if slug is not None:
            event_id = source.scalar(select(Event.id).where(Event.slug == slug))
            if event_id is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("AppError", "There is no event '{slug}' on the server."),
                    slug=slug,
                )
        for statement in immutability.DROP_STATEMENTS["sqlite"]:
            target.exec_driver_sql(statement)
        # Now this transaction holds the replica's write lock: an offline action that
        # committed since the check above would be erased by the copy, so look again.
        if target.scalar(
            select(func.count()).select_from(JournalEntry).where(JournalEntry.status == "pending")
        ):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError", "A desk action was taken offline meanwhile; send it first."
                )
            )
        with search_index.bulk_load(target):
            for name in reversed(COPIED_TABLES):
                target.execute(delete(_table(name)))
            for name in COPIED_TABLES:
                result = source.execute(_select(name, event_id))
                while chunk := result.fetchmany(batch):
                    target.execute(insert(_table(name)), [row._asdict() for row in chunk])
                    rows += len(chunk)
                    if name == "registrations":
                        registrations += len(chunk)
        for statement in immutability.SQLITE_STATEMENTS:
            target.exec_driver_sql(statement)
        source.rollback()
    return RefreshReport(
        rows=rows,
        registrations=registrations,
        seconds=time.perf_counter() - started,
        refreshed_at=datetime.now(UTC),
    )


def audit_of_action(session: Session, action_id: str) -> list[AuditEntry]:
    """The replica's audit entries that name ``action_id`` in their detail, oldest first."""
    return list(
        session.scalars(
            select(AuditEntry)
            .where(text("json_extract(audit_entries.detail, '$.action_id') = :action"))
            .params(action=action_id)
            .order_by(AuditEntry.id)
        )
    )


def audit_of_actions(session: Session, action_ids: list[str]) -> dict[str, list[AuditEntry]]:
    """:func:`audit_of_action` for many actions at once: one pass over the audit log for a
    whole batch of the journal instead of one per entry (the detail is JSON, not indexed)."""
    found: dict[str, list[AuditEntry]] = {action: [] for action in action_ids}
    if not action_ids:
        return found
    action = func.json_extract(AuditEntry.detail, "$.action_id")
    rows = session.execute(
        select(action, AuditEntry).where(action.in_(action_ids)).order_by(AuditEntry.id)
    )
    for key, entry in rows:
        found[key].append(entry)
    return found


def receipt_of_payment(session: Session, payment_id: int) -> Receipt | None:
    """The receipt issued for a payment, if any."""
    return session.scalars(select(Receipt).where(Receipt.payment_id == payment_id)).first()
