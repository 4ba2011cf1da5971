"""Search latency per keystroke on a demo database of 50,000 registrations.

Run: ``python bench/bench_search.py [--registrations 50000] [--people 40] [--db URL]``.
``--golden tests/services/search_golden.json`` writes instead the results of these queries on
2,000 demo registrations (every prefix; see ``tests/services/test_search_golden.py``).
SQLite always (a fresh file in a temporary folder); PostgreSQL too when ``PASSERELLE_TEST_PG``
holds a server URL (its database is emptied first). Aim (issue 5): p95 under 30 ms.

Realistic queries are made from registrations picked at random (fixed seed) in the demo data,
and typed keystroke by keystroke as a person at the desk would: "first last" without accents,
"LAST F", the last name with one letter wrong, the organization, the email and the code. Every
prefix is one search (limit 50). Prints p50/p95/max wall-clock and CPU milliseconds per
keystroke (CPU time is this process only: on PostgreSQL the server's work is not in it), and
how often the first hit of the full query is the one wanted.

On SQLite each keystroke is also run as the floor (issue #16): a bare, unranked FTS5 prefix
query on the same connection pool (``SELECT rowid … MATCH '"w1"* "w2"*' AND event_id = ? LIMIT
100``, rows fetched), timed the same way; the table gives its p95 and the ratio of the
service's p95 to it, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import make_engine, sqlite_url
from desktop_app.db.models import Event, Person, Registration
from desktop_app.domain.names import fold, organization_key
from desktop_app.services.demo import fill_demo
from desktop_app.services.desk.search import SearchHit, search_registrations
from desktop_app.services.desk.search.rank import Query

SLUG = "forum-montreal-2027"


@dataclass(frozen=True)
class Target:
    registration_id: int
    first: str
    last: str
    organization: str | None
    email: str | None
    code: str


def plain(value: str) -> str:
    """What a hurried typist enters: no accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))


def misspell(word: str, rng: random.Random) -> str:
    """One letter replaced, past the first letter (the way people mistype names)."""
    letters = [c for c in plain(word).lower() if c.isalpha()]
    if len(letters) < 5:
        return "".join(letters)
    position = rng.randrange(2, len(letters))
    choices = [c for c in "aeioulnrst" if c != letters[position]]
    letters[position] = rng.choice(choices)
    return "".join(letters)


QUERIES: dict[str, Callable[[Target, random.Random], str | None]] = {
    "first last": lambda t, rng: plain(f"{t.first} {t.last}").lower(),
    "LAST F": lambda t, rng: f"{plain(t.last).upper()} {plain(t.first)[:1].upper()}",
    "misspelled last first": lambda t, rng: f"{misspell(t.last, rng)} {plain(t.first).lower()}",
    "organization": lambda t, rng: t.organization,
    "email": lambda t, rng: t.email,
    "code": lambda t, rng: t.code,
}


def _same(a: str | None, b: str | None) -> bool:
    return fold(a or "") == fold(b or "")


# Whether the first hit answers the full query. Demo data repeats names (many a "Benoît
# Larose"), so for names the first hit must have the wanted name, not be the very row.
RIGHT: dict[str, Callable[[Target, SearchHit], bool]] = {
    "first last": lambda t, h: _same(h.first_name, t.first) and _same(h.last_name, t.last),
    "LAST F": lambda t, h: (
        _same(h.last_name, t.last)
        and any(word.startswith(fold(t.first)[:1]) for word in fold(h.first_name).split())
    ),
    "misspelled last first": lambda t, h: (
        _same(h.first_name, t.first) and _same(h.last_name, t.last)
    ),
    "organization": lambda t, h: (
        organization_key(h.organization or "") == organization_key(t.organization or "")
    ),
    "email": lambda t, h: h.registration_id == t.registration_id,
    "code": lambda t, h: h.registration_id == t.registration_id and h.exact_code,
}


def targets(database: Database, count: int, seed: int) -> list[Target]:
    with database.sessions() as session:
        rows = session.execute(
            select(
                Registration.id,
                Person.first_name,
                Person.last_name,
                Person.organization_name,
                Person.email,
                Registration.code,
            )
            .join(Person)
            .join(Event)
            .where(Event.slug == SLUG, Registration.status == "active")
            .order_by(Registration.id)
        ).all()
    rng = random.Random(seed)
    return [Target(*row) for row in rng.sample(rows, count)]


def bare_fts5(database: Database) -> Callable[[str], object] | None:
    """The floor: an unranked FTS5 prefix query for the typed words (SQLite only)."""
    if not database.is_sqlite:
        return None
    connection = database.engine.raw_connection()
    driver = connection.driver_connection
    assert driver is not None
    event_id = driver.execute("SELECT id FROM events WHERE slug = ?", (SLUG,)).fetchone()[0]
    statement = (
        "SELECT rowid FROM registration_search WHERE registration_search MATCH ?"
        " AND event_id = ? LIMIT 100"
    )

    def floor(typed: str) -> object:
        words = Query.parse(typed).raw_words
        if not words:
            return []
        match = " ".join(f'"{w}"*' for w in words)
        return driver.execute(statement, (match, event_id)).fetchall()

    return floor


def run(database: Database, label: str, people: int, seed: int) -> list[str]:
    picked = targets(database, people, seed)
    rng = random.Random(seed)
    search_registrations(database.sessions, SLUG, "warm up")
    floor = bare_fts5(database)
    lines = [f"### {label}", ""]
    lines.append(
        "| query kind | keystrokes | p50 ms | p95 ms | max ms | CPU p95 ms | first hit right"
        " | bare FTS5 p95 ms | p95 ÷ floor |"
    )
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    every_wall: list[float] = []
    every_cpu: list[float] = []
    every_floor: list[float] = []
    for kind, make in QUERIES.items():
        wall: list[float] = []
        cpu: list[float] = []
        bare: list[float] = []
        found = tried = 0
        for target in picked:
            query = make(target, rng)
            if not query:
                continue
            tried += 1
            hits = []
            for end in range(1, len(query) + 1):
                started, started_cpu = time.perf_counter(), time.process_time()
                hits = search_registrations(database.sessions, SLUG, query[:end], limit=50)
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
                if floor is not None:
                    started = time.perf_counter()
                    floor(query[:end])
                    bare.append((time.perf_counter() - started) * 1000)
            if hits and RIGHT[kind](target, hits[0]):
                found += 1
            else:
                first = f"{hits[0].first_name} {hits[0].last_name}" if hits else "nothing"
                print(f"  [{label}] {kind}: {query!r} -> {first}")
        every_wall += wall
        every_cpu += cpu
        every_floor += bare
        lines.append(
            f"| {kind} | {len(wall)} | {pct(wall, 50):.1f} | {pct(wall, 95):.1f}"
            f" | {max(wall):.1f} | {pct(cpu, 95):.1f} | {found}/{tried} | {_floor(wall, bare)}"
        )
    lines.append(
        f"| **all** | {len(every_wall)} | {pct(every_wall, 50):.1f} | {pct(every_wall, 95):.1f}"
        f" | {max(every_wall):.1f} | {pct(every_cpu, 95):.1f} | | {_floor(every_wall, every_floor)}"
    )
    lines.append(f"(load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])})")
    lines.append("")
    return lines


def _floor(wall: list[float], bare: list[float]) -> str:
    if not bare:
        return "– | – |"
    return f"{pct(bare, 95):.1f} | {pct(wall, 95) / max(pct(bare, 95), 0.001):.1f}× |"


def pct(values: list[float], percentile: int) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[percentile - 1]


def prepare(url: str, registrations: int, *, reuse: bool) -> Database:
    database = open_database(url)
    with database.engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM registrations")).scalar_one()
    if count == 0:
        started = time.perf_counter()
        fill_demo(database.sessions, registrations=registrations, seed=1)
        print(f"demo data ({registrations}): {time.perf_counter() - started:.1f} s")
    elif not reuse:
        raise SystemExit(f"{url} already has registrations")
    return database


def reset_postgresql(url: str) -> None:
    """Empty the benchmark's PostgreSQL database (as the test suite does)."""
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


GOLDEN_REGISTRATIONS = 2000
GOLDEN_PEOPLE = 12


def queries_for(picked: list[Target], seed: int) -> list[tuple[str, str]]:
    """(kind, full query) for each person and kind, in the order the bench types them."""
    rng = random.Random(seed)
    made = []
    for kind, make in QUERIES.items():
        for target in picked:
            query = make(target, rng)
            if query:
                made.append((kind, query))
    return made


def write_golden(path: Path, seed: int) -> None:
    """Today's results for every prefix of the bench's queries on 2,000 demo registrations.

    Registrations are named by code (the same on both back ends); each hit's shown details
    are kept once per registration, so a faster details query must show the same.
    """
    import json

    folder = Path(tempfile.mkdtemp())
    database = prepare(sqlite_url(folder / "golden.sqlite3"), GOLDEN_REGISTRATIONS, reuse=False)
    searches: dict[str, list[str]] = {}
    shown: dict[str, list[object]] = {}
    fields: list[str] = []
    for _kind, query in queries_for(targets(database, GOLDEN_PEOPLE, seed), seed):
        for end in range(1, len(query) + 1):
            typed = query[:end]
            if typed in searches:
                continue
            hits = search_registrations(database.sessions, SLUG, typed, limit=50)
            searches[typed] = [hit.code for hit in hits]
            for hit in hits:
                details = hit.to_json()
                del details["registration_id"], details["exact_code"]
                fields = list(details)
                shown[hit.code] = list(details.values())
    database.dispose()
    order = sorted(shown)
    position = {code: i for i, code in enumerate(order)}
    # Searches name registrations by their place in "shown" (sorted by code): a tenth the size.
    lines = [
        "{",
        f' "registrations": {GOLDEN_REGISTRATIONS}, "demo_seed": 1, "slug": "{SLUG}",',
        f' "shown_fields": {json.dumps(fields)},',
        ' "shown": [',
        ",\n".join(f"  {json.dumps(shown[code], ensure_ascii=False)}" for code in order),
        " ],",
        ' "searches": [',
        ",\n".join(
            f"  [{json.dumps(typed, ensure_ascii=False)}, {json.dumps([position[c] for c in f])}]"
            for typed, f in searches.items()
        ),
        " ]",
        "}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(searches)} searches, {len(shown)} registrations shown")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--registrations", type=int, default=50_000)
    parser.add_argument("--people", type=int, default=40, help="registrations searched for")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", help="an existing demo database to reuse (SQLite file or URL)")
    parser.add_argument("--golden", type=Path, help="write the golden list to this file instead")
    args = parser.parse_args()
    if args.golden:
        write_golden(args.golden, args.seed)
        return
    size = "a given database" if args.db else f"{args.registrations:,} demo registrations"
    lines = [
        f"Search per keystroke, {size}, {args.people} people searched for ({os.cpu_count()} CPUs).",
        "",
    ]
    if args.db:
        url = args.db if "://" in args.db else sqlite_url(Path(args.db))
        database = prepare(url, args.registrations, reuse=True)
        lines += run(database, "given database", args.people, args.seed)
        database.dispose()
    else:
        folder = Path(tempfile.mkdtemp())
        database = prepare(sqlite_url(folder / "search.sqlite3"), args.registrations, reuse=False)
        lines += run(database, "SQLite", args.people, args.seed)
        database.dispose()
        pg_url = os.environ.get("PASSERELLE_TEST_PG")
        if pg_url:
            reset_postgresql(pg_url)
            database = prepare(pg_url, args.registrations, reuse=False)
            lines += run(database, "PostgreSQL", args.people, args.seed)
            database.dispose()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
