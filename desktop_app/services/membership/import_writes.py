"""Writing a member import, one batch of rows at a time, inside the import's transaction.

:class:`BatchWriter` writes each :class:`~.list_sync.SyncPlan` with a few bulk statements
(executemany, ids taken beforehand rather than ``INSERT ... RETURNING`` row by row) and ends
the memberships the list no longer holds. In a dry run it writes nothing and numbers the
organizations it would create below zero, so that later batches find them as they would.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Table, func, select, text, update
from sqlalchemy.orm import Session

from desktop_app.db.models import (
    Association,
    Membership,
    Organization,
    OrganizationAlias,
    OrganizationDomain,
    Person,
)
from desktop_app.importing.member_rows import MemberRow
from desktop_app.services.membership.list_sync import SyncPlan

_CHUNK = 1000  # ids per UPDATE ... WHERE id IN (...)


class BatchWriter:
    """Writes an import's batches in the caller's transaction."""

    def __init__(self, session: Session, association_id: int, at: datetime, dry_run: bool) -> None:
        self.session = session
        self.association_id = association_id
        self.at = at
        self.dry_run = dry_run
        self.locked = False
        self.fake_ids = 0

    def write(self, plan: SyncPlan) -> dict[str, int]:
        """Write one batch; the ids of the organizations it created, by name key."""
        if self.dry_run:
            ids: dict[str, int] = {}
            for key in plan.new_organizations:
                self.fake_ids -= 1
                ids[key] = self.fake_ids
            return ids
        if not (plan.added or plan.updated or plan.person_updates or plan.new_organizations):
            return {}
        self._lock()
        return _apply(self.session, self.association_id, plan, self.at)

    def end(self, ended: Iterable[int]) -> None:
        """End the memberships ``ended`` (never deleted: history is kept)."""
        ids = sorted(ended)
        if self.dry_run or not ids:
            return
        self._lock()
        for start in range(0, len(ids), _CHUNK):
            self.session.execute(
                update(Membership)
                .where(Membership.id.in_(ids[start : start + _CHUNK]))
                .values(ended_at=self.at),
                execution_options={"synchronize_session": False},
            )

    def _lock(self) -> None:
        """Take the database's write lock before the first write (see :func:`_insert_with_ids`).

        On SQLite a transaction takes it at its first write; this no-op update of the
        association's row is that first write. PostgreSQL locked the row at the start.
        """
        if self.locked:
            return
        self.locked = True
        if self.session.get_bind().dialect.name == "sqlite":
            self.session.execute(
                update(Association)
                .where(Association.id == self.association_id)
                .values(id=Association.id),
                execution_options={"synchronize_session": False},
            )


def _apply(session: Session, association_id: int, plan: SyncPlan, at: datetime) -> dict[str, int]:
    """Write ``plan`` with bulk statements (no per-row queries); the new organizations' ids."""
    keys = list(plan.new_organizations)
    ids = _insert_with_ids(
        session,
        _table(Organization),
        [{"name": plan.new_organizations[k], "name_key": k} for k in keys],
    )
    org_ids = dict(zip(keys, ids, strict=True))

    def org_id(ref: int | str | None) -> int | None:
        return org_ids[ref] if isinstance(ref, str) else ref

    new_people = [change for change in plan.added + plan.updated if change.new_person]
    ids = _insert_with_ids(
        session, _table(Person), [_person_values(change.row, at) for change in new_people]
    )
    for change, person_id in zip(new_people, ids, strict=True):
        change.values["person_id"] = person_id

    if plan.added:
        _insert_many(
            session,
            _table(Membership),
            [
                {
                    **change.values,
                    "association_id": association_id,
                    "organization_id": org_id(change.organization),
                    "ended_at": None,
                    "imported_at": at,
                }
                for change in plan.added
            ],
        )
    # Every updated membership is stamped, even when only its holder's name, email, domains or
    # aliases changed: caches of the member directory watch the latest import time.
    membership_updates = [
        {**change.values, "id": change.membership_id, "imported_at": at}
        | (
            {"organization_id": org_id(change.organization)}
            if "organization_id" in change.values
            else {}
        )
        for change in plan.updated
    ]
    _bulk_update(session, Membership, membership_updates)
    _bulk_update(session, Person, [dict(values) for values in plan.person_updates])

    aliases = [
        {"organization_id": org_id(ref), "alias": alias, "alias_key": key}
        for ref, found in plan.new_aliases.items()
        for key, alias in found.items()
    ]
    if aliases:
        _insert_many(session, _table(OrganizationAlias), aliases)
    domains = [
        {"organization_id": org_id(ref), "domain": domain}
        for ref, found in plan.new_domains.items()
        for domain in sorted(found)
    ]
    if domains:
        _insert_many(session, _table(OrganizationDomain), domains)

    return org_ids


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def _insert_with_ids(session: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` and return their new ids, in order, as one executemany.

    The ids are taken first, then the rows go in with them: an ``INSERT ... RETURNING`` of
    thousands of rows runs as one statement per row on SQLite, and on PostgreSQL spends its
    time in the driver rewriting one huge statement. PostgreSQL: drawn from the table's
    sequence in one query. SQLite: the ids after the largest, safe because the transaction
    already holds the database's write lock (:meth:`BatchWriter.write` takes it first).
    """
    if not rows:
        return []
    if session.get_bind().dialect.name == "postgresql":
        ids = [
            int(i)
            for i in session.execute(
                text(
                    "SELECT nextval(pg_get_serial_sequence(:table, 'id'))"
                    " FROM generate_series(1, :n)"
                ),
                {"table": table.name, "n": len(rows)},
            ).scalars()
        ]
    else:
        last = session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()
        ids = list(range(int(last) + 1, int(last) + 1 + len(rows)))
    _insert_many(session, table, [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
    return ids


def _insert_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` (dicts with the same keys) as one executemany.

    On SQLite the parameters go to the driver directly, each column's value converted once per
    distinct value (an import stamps every row with the same time and repeats a few dates):
    SQLAlchemy's own conversion, row by row and value by value, was most of the time of a
    20,000-row import's writes. Elsewhere, or when a column the rows leave out has a default
    computed in Python, SQLAlchemy inserts them.
    """
    if not rows:
        return
    dialect = session.get_bind().dialect
    names = list(rows[0])
    if dialect.name != "sqlite" or any(
        column.default is not None and column.name not in rows[0] for column in table.c
    ):
        session.execute(table.insert(), rows)
        return
    types = [table.c[name].type.dialect_impl(dialect) for name in names]
    converters = [_converter(kind.bind_processor(dialect)) for kind in types]
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    getter = itemgetter(*names)  # a KeyError if a row lacks a column of the first
    converted = [(i, c) for i, c in enumerate(converters) if c is not _same]
    values: list[tuple[Any, ...]] = []
    for row in rows:
        if len(row) != len(names):
            raise ValueError("rows inserted together must have the same columns")
        cells = getter(row) if len(names) > 1 else (getter(row),)
        if converted:
            changed = list(cells)
            for index, convert in converted:
                changed[index] = convert(changed[index])
            cells = tuple(changed)
        values.append(cells)
    session.connection().exec_driver_sql(sql, values)


def _converter(processor: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """``processor`` remembering its result per value (values are dates, times, ids, text)."""
    if processor is None:
        return _same
    done: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        if value is None:
            return processor(None)
        found = done.get(value, _MISSING)
        if found is _MISSING:
            found = done[value] = processor(value)
        return found

    return convert


_MISSING = object()


def _same(value: Any) -> Any:
    return value


def _bulk_update(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """UPDATE by primary key, grouped by the set of columns each row changes."""
    groups: defaultdict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(row))].append(row)
    for group in groups.values():
        session.execute(update(model), group)


def _person_values(row: MemberRow, at: datetime) -> dict[str, Any]:
    return {
        "first_name": row.first_name,
        "last_name": row.last_name,
        "email": row.email,
        "organization_name": row.organization,
        "organization_id": None,
        "preferred_language": None,
        "created_at": at,
        "anonymized_at": None,
    }
