"""Benchmark a check-in at a session's door against one at the entrance (issue #17: "a session
check-in at the desk costs no more than an entrance check-in").

    python bench/bench_doors.py [--registrations 20000] [--checkins 400] [--pg URL]

A two-day event (the Montréal example with [[days]] and a capped gala every registrant holds,
plus an open workshop), ``--registrations`` active registrations; then, through the desk's
check-in service (what a scan runs), ``--checkins`` entrance check-ins for day 1, the same
number at the gala's door (capacity checked, the session row locked) and at the open
workshop's, each on different people, interleaved in rounds so that load and cache warmth are
shared. Prints p50 / p95 / mean per check-in for each door, the ratio to the entrance and
the statements each check-in sent to the database, with the load average. SQLite in a
temporary file by default; ``--pg URL`` uses that (emptied) PostgreSQL database instead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from desktop_app.resources import as_path
from sqlalchemy import create_engine, event, insert, select, text

from desktop_app.db.database import open_database
from desktop_app.db.engine import normalise_url, sqlite_url
from desktop_app.db.models import (
    Event,
    EventSession,
    Person,
    PriceCategory,
    Registration,
    RegistrationSession,
)
from desktop_app.domain.events import parse_event_file
from desktop_app.services.admin.events import ensure_associations, save_event
from desktop_app.services.desk.checkin import check_in
from desktop_app.services.desk.checkin_outcome import CheckInOutcome

SLUG = "forum-montreal-2027"
DAY = date(2027, 3, 23)
DOORS = """
[[days]]
date = 2027-03-23

[[days]]
date = 2027-03-24

[[sessions]]
code = "gala"
name_fr = "Souper gala"
name_en = "Gala dinner"
starts = 2027-03-23T19:00:00
ends = 2027-03-23T23:00:00
capacity = 1000000
price = "95.00"

[[sessions]]
code = "workshop"
name_fr = "Atelier"
name_en = "Workshop"
starts = 2027-03-24T09:00:00
ends = 2027-03-24T10:30:00
"""


def _fill(url: str, count: int) -> list[str]:
    """``count`` active, paid registrations that all hold the gala; their codes."""
    database = open_database(url)
    now = datetime.now(UTC)
    source = as_path("examples", f"{SLUG}.toml").read_text("utf-8") + DOORS
    with database.sessions.begin() as session:
        ensure_associations(session)
        save_event(session, parse_event_file(source, "bench.toml"))
        session.flush()
        event = session.scalars(select(Event).where(Event.slug == SLUG)).one()
        category = session.scalars(
            select(PriceCategory).where(PriceCategory.event_id == event.id)
        ).first()
        gala = session.scalars(select(EventSession).where(EventSession.code == "gala")).one()
        assert category is not None
        session.execute(
            insert(Person),
            [
                {"first_name": f"P{i}", "last_name": "Bench", "email": None, "created_at": now}
                for i in range(count)
            ],
        )
        people = session.scalars(select(Person.id).order_by(Person.id)).all()
        codes = [f"D{i:015d}" for i in range(count)]
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
        ids = session.scalars(select(Registration.id).order_by(Registration.id)).all()
        session.execute(
            insert(RegistrationSession),
            [
                {"registration_id": rid, "session_id": gala.id, "source": "import", "added_at": now}
                for rid in ids
            ],
        )
    if database.url.startswith("sqlite"):
        with database.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    database.dispose()
    return codes


def _figures(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return statistics.median(ordered), p95, statistics.fmean(ordered)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=20_000)
    parser.add_argument("--checkins", type=int, default=400)
    parser.add_argument("--pg", help="an empty PostgreSQL database to use (emptied first)")
    args = parser.parse_args()
    if args.pg:
        url = normalise_url(args.pg)
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    else:
        url = sqlite_url(Path(tempfile.mkdtemp(prefix="passerelle-doors-")) / "bench.sqlite3")
    started = time.perf_counter()
    codes = _fill(url, args.registrations)
    print(f"{args.registrations:,} registrations in {time.perf_counter() - started:.1f} s")
    database = open_database(url)
    doors: dict[str, str | None] = {"entrance": None, "gala": "gala", "workshop": "workshop"}
    times: dict[str, list[float]] = {name: [] for name in doors}
    statements: dict[str, int] = dict.fromkeys(doors, 0)
    at_door = ["entrance"]

    @event.listens_for(database.engine, "before_cursor_execute")
    def _count(*_: object) -> None:
        statements[at_door[0]] += 1

    step = len(codes) // (3 * args.checkins)
    assert step >= 1, "more check-ins than registrations allow"
    for index in range(args.checkins):
        for offset, (name, session_code) in enumerate(doors.items()):
            code = codes[(3 * index + offset) * step]
            at_door[0] = name
            begun = time.perf_counter()
            result = check_in(
                database.sessions,
                SLUG,
                code,
                desk="Bench",
                staff="Bench",
                action_id=f"{name}-{index}",
                session_code=session_code,
                day=DAY,
            )
            times[name].append((time.perf_counter() - begun) * 1000)
            assert result.outcome is CheckInOutcome.CHECKED_IN, (name, result.outcome)
    database.dispose()
    backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(f"{backend}, {args.checkins} check-ins per door, load {os.getloadavg()[0]:.1f}")
    entrance = _figures(times["entrance"])
    for name in doors:
        p50, p95, mean = _figures(times[name])
        print(
            f"  {name:<9} p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  mean {mean:6.2f} ms"
            f"  (mean {mean / entrance[2]:.2f}× the entrance's)"
            f"  {statements[name] / args.checkins:.1f} statements"
        )


if __name__ == "__main__":
    main()
