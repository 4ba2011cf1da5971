"""Benchmark desks on a shared PostgreSQL server: check-ins per second for one desk and for
four desk processes (each through its DeskLink, replica kept current after each action),
a full copy of the event into a desk's replica, and replaying a journal of 1,000 actions.

Run from the repository: ``python bench/bench_desks.py --admin URL [--registrations N]``
where URL is a PostgreSQL server the benchmark may create a database ``passerelle_bench_desks``
on (it is dropped and recreated).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tempfile
import threading
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import event, insert, select
from sqlalchemy.engine import make_url

from desktop_app.db.database import open_database
from desktop_app.db.engine import normalise_url
from desktop_app.db.models import Event, Person, PriceCategory, Registration
from desktop_app.services.admin.events import ensure_associations, read_event_file, save_event

SLUG = "forum-montreal-2027"


def _database(admin: str, name: str) -> str:
    url = make_url(normalise_url(admin))
    conninfo = url.set(drivername="postgresql", database="postgres")
    with psycopg.connect(conninfo.render_as_string(hide_password=False), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)


def _fill(url: str, count: int) -> list[str]:
    from desktop_app.resources import as_path

    database = open_database(url)
    now = datetime.now(UTC)
    with database.sessions.begin() as session:
        ensure_associations(session)
        save_event(session, read_event_file(as_path("examples", f"{SLUG}.toml")))
        session.flush()
        event = session.scalars(select(Event).where(Event.slug == SLUG)).one()
        category = session.scalars(
            select(PriceCategory).where(PriceCategory.event_id == event.id)
        ).first()
        assert category is not None
        session.execute(
            insert(Person),
            [
                {"first_name": f"P{i}", "last_name": "Bench", "email": None, "created_at": now}
                for i in range(count)
            ],
        )
        people = session.scalars(select(Person.id).order_by(Person.id)).all()
        codes = [f"B{i:06d}" for i in range(count)]
        session.execute(
            insert(Registration),
            [
                {
                    "event_id": event.id,
                    "person_id": person,
                    "category_id": category.id,
                    "code": code,
                    "amount_due": Decimal("0.00"),
                    "amount_paid": Decimal("0.00"),
                    "status": "active",
                    "source": "bench",
                    "created_at": now,
                }
                for code, person in zip(codes, people, strict=True)
            ],
        )
    database.dispose()
    return codes


def _load() -> str:
    """The 1-minute load average (the machine is shared: read each figure with it)."""
    return f"load {os.getloadavg()[0]:.1f}"


def _desk(
    url: str, replica: str, desk: str, codes: list[str], start: Any = None
) -> tuple[int, float, dict[str, int]]:
    """Check ``codes`` in at one desk; how many, the seconds, and the statements each
    connection ran by thread (``MainThread``: the check-ins; ``replica``: the refresher).
    ``start``: a barrier all desks pass once their replicas are copied, so that their
    check-ins overlap (the copies do not)."""
    from desktop_app.services.sync import DeskLink

    link = DeskLink(desk, Path(replica), url, slug=SLUG)
    link.wait_for_replica()
    counts: dict[str, int] = {}

    def count(*_: object) -> None:
        key = threading.current_thread().name.split(" ")[0]
        counts[key] = counts.get(key, 0) + 1

    assert link.server_sessions is not None
    event.listen(link.server_sessions.kw["bind"], "before_cursor_execute", count)
    if start is not None:
        start.wait()
    started = time.perf_counter()
    for code in codes:
        link.check_in(SLUG, code, staff="Bench")
    elapsed = time.perf_counter() - started
    link.wait_for_replica()
    link.close()
    return len(codes), elapsed, counts


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--admin", required=True, help="postgresql:// URL of the server")
    parser.add_argument("--registrations", type=int, default=50_000)
    parser.add_argument("--per-desk", type=int, default=300)
    args = parser.parse_args()
    url = _database(args.admin, "passerelle_bench_desks")
    started = time.perf_counter()
    codes = _fill(url, args.registrations)
    print(f"{args.registrations:,} registrations loaded in {time.perf_counter() - started:.1f} s")
    folder = Path(tempfile.mkdtemp())

    from desktop_app.services.sync import DeskLink

    link = DeskLink("Copy", folder / "copy.sqlite3", url, slug=SLUG)
    report = link.refresh_replica(full=True)
    assert not isinstance(report, int)
    print(
        f"full copy into a replica: {report.rows:,} rows ({report.registrations:,}"
        f" registrations) in {report.seconds:.2f} s"
    )
    started = time.perf_counter()
    link.refresh_replica()
    print(f"incremental refresh with nothing new: {1000 * (time.perf_counter() - started):.0f} ms")
    link.close()

    n = args.per_desk
    count, elapsed, counts = _desk(url, str(folder / "one.sqlite3"), "Desk 1", codes[:n])
    print(
        f"one desk: {count / elapsed:.0f} check-ins/s ({1000 * elapsed / count:.1f} ms each,"
        f" {_load()}); server statements per check-in: {counts.get('MainThread', 0) / count:.1f}"
        f" for the check-in, {counts.get('replica', 0) / count:.1f} refreshing the replica"
    )

    context = multiprocessing.get_context("spawn")
    batches = [codes[n * (k + 1) : n * (k + 2)] for k in range(4)]
    with context.Manager() as manager, context.Pool(4) as pool:
        start = manager.Barrier(4)
        results = pool.starmap(
            _desk,
            [
                (url, str(folder / f"d{k}.sqlite3"), f"Desk {k + 2}", b, start)
                for k, b in enumerate(batches)
            ],
        )
    total = sum(c for c, _, _ in results)
    slowest = max(e for _, e, _ in results)
    print(
        f"four desk processes: {total / slowest:.0f} check-ins/s together"
        f" (from the same start, until the slowest finished; {_load()})"
    )

    offline = DeskLink("Desk 9", folder / "offline.sqlite3", url, slug=SLUG)
    offline.work_offline("bench")
    journal = codes[5 * n : 5 * n + 1000]
    for code in journal:
        offline.check_in(SLUG, code, staff="Bench")
    started = time.perf_counter()
    replay = offline.replay()
    elapsed = time.perf_counter() - started
    print(
        f"replay of a {len(journal):,}-action journal: {elapsed:.2f} s"
        f" ({replay.applied:,} applied, {1000 * elapsed / len(journal):.2f} ms each,"
        f" {len(journal) / elapsed:.0f} actions/s, {_load()})"
    )
    offline.close()


if __name__ == "__main__":
    main()
