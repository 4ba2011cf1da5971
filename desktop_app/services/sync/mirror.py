"""Keeping a clean replica current between full copies: upsert what changed on the server.

After a full copy (``replica.copy_from_server``) the replica's ids are the server's, so new
server rows are found by id: new registrations, and registrations with new check-ins,
payments, receipts or badge prints. Those registrations are copied again with their person
and rows (an upsert by id). An undo or an edit changes no row id and is caught by the next
full copy, which the desk takes every few minutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, select, union_all
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from desktop_app.db.models import Base
from desktop_app.services.sync.replica import write_transaction

_CHILDREN = ("check_ins", "payments", "receipts", "badge_prints")


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


@cache
def _upsert_statement(name: str, update: bool) -> Any:
    """One upsert per table, built once (building it cost more than running it)."""
    table = _table(name)
    statement = sqlite_insert(table)
    if update:
        columns = {c.name: statement.excluded[c.name] for c in table.columns if c.name != "id"}
        return statement.on_conflict_do_update(index_elements=["id"], set_=columns)
    return statement.on_conflict_do_nothing()


def _changed(target: Connection, table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows the replica does not hold as they are. A registration checked in again is
    copied again with its person: rewriting them unchanged fired the search index's
    triggers for nothing (most of a refresh's time at the desk)."""
    ids = [row["id"] for row in rows]
    held = {
        row.id: row._asdict() for row in target.execute(select(table).where(table.c.id.in_(ids)))
    }
    return [row for row in rows if held.get(row["id"]) != row]


def _upsert(target: Connection, table: Table, rows: list[dict[str, Any]], update: bool) -> None:
    if rows and update:
        rows = _changed(target, table, rows)
    if rows:
        target.execute(_upsert_statement(table.name, update), rows)


def touched_since(source: Connection, target: Connection, event_id: int | None) -> set[int]:
    """Registrations the server added or added rows to since the replica's newest ids.

    One statement on the server: each table's rows past the replica's newest id (a range of
    its primary key, a few rows), joined to their registration by primary key for the event.
    (Filtering by ``registration_id IN (the event's registrations)`` had the planner hash the
    event's every registration: 30 ms at 50,000, after each action of each desk.)
    """
    registrations = _table("registrations")
    newest = target.scalar(select(func.max(registrations.c.id))) or 0
    parts = [select(registrations.c.id.label("registration_id")).where(registrations.c.id > newest)]
    if event_id is not None:
        parts[0] = parts[0].where(registrations.c.event_id == event_id)
    for name in _CHILDREN:
        table = _table(name)
        since = target.scalar(select(func.max(table.c.id))) or 0
        part = select(table.c.registration_id).where(table.c.id > since)
        if event_id is not None:
            part = part.join(registrations, registrations.c.id == table.c.registration_id).where(
                registrations.c.event_id == event_id
            )
        parts.append(part)
    if _has_sessions(target):  # an exit or re-entry adds no check-in: copy its registration
        movements, check_ins = _table("session_movements"), _table("check_ins")
        since = target.scalar(select(func.max(movements.c.id))) or 0
        moved = (
            select(check_ins.c.registration_id)
            .join(movements, movements.c.check_in_id == check_ins.c.id)
            .where(movements.c.id > since)
        )
        if event_id is not None:
            moved = moved.join(
                registrations, registrations.c.id == check_ins.c.registration_id
            ).where(registrations.c.event_id == event_id)
        parts.append(moved)
    return set(source.scalars(union_all(*parts)))


def _has_sessions(target: Connection) -> bool:
    """Whether the replica's events have [[sessions]] (else no held sessions, no exits)."""
    return target.scalar(select(_table("event_sessions").c.id).limit(1)) is not None


def mirror_registrations(source: Connection, target: Connection, ids: Iterable[int]) -> int:
    """Copy these registrations, their people and rows from ``source`` into the replica."""
    wanted = sorted(set(ids))
    if not wanted:
        return 0
    registrations = _table("registrations")
    people = _table("people")
    copied = 0
    sessions = _has_sessions(target)  # two more server reads per refresh only then
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = [
            r._asdict()
            for r in source.execute(select(registrations).where(registrations.c.id.in_(chunk)))
        ]
        person_ids = {row["person_id"] for row in rows}
        persons = [
            p._asdict() for p in source.execute(select(people).where(people.c.id.in_(person_ids)))
        ]
        _upsert(target, people, persons, update=True)
        _upsert(target, registrations, rows, update=True)
        for name in _CHILDREN:
            table = _table(name)
            children = [
                c._asdict()
                for c in source.execute(
                    select(table).where(table.c.registration_id.in_(chunk)).order_by(table.c.id)
                )
            ]
            _upsert(target, table, children, update=name != "receipts")
        if sessions:
            _mirror_session_rows(source, target, chunk)
        copied += len(rows)
    series = _table("receipt_series")
    _upsert(target, series, [s._asdict() for s in source.execute(select(series))], update=True)
    return copied


def _mirror_session_rows(source: Connection, target: Connection, chunk: list[int]) -> None:
    """The sessions these registrations hold (add-ons sold or refunded: no id of their own,
    so replaced whole) and their check-ins' exits and re-entries (who is inside now)."""
    held = _table("registration_sessions")
    target.execute(delete(held).where(held.c.registration_id.in_(chunk)))
    holds = source.execute(select(held).where(held.c.registration_id.in_(chunk)))
    _upsert(target, held, [h._asdict() for h in holds], update=False)
    movements, check_ins = _table("session_movements"), _table("check_ins")
    theirs = select(check_ins.c.id).where(check_ins.c.registration_id.in_(chunk))
    moved = source.execute(
        select(movements).where(movements.c.check_in_id.in_(theirs)).order_by(movements.c.id)
    )
    _upsert(target, movements, [m._asdict() for m in moved], update=False)


def refresh_incremental(server: Engine, replica: Engine, event_id: int | None) -> int:
    """Bring a clean replica up to date with the server's new rows; registrations copied."""
    with server.connect() as source, write_transaction(replica) as target:
        count = mirror_registrations(source, target, touched_since(source, target, event_id))
        source.rollback()
    return count
