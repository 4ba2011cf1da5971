"""How long a 20,000-row member list takes to import, and verdicts for 10,000 registrations.

Run: python bench/bench_import.py [--rows 20000] [--verdicts 10000] [--pg URL]
     python bench/bench_import.py --memory [--rows 20000 --rows 1000000]

``--memory``: for each ``--rows``, a list is written to a temporary folder (streamed: nothing
kept in this process), dry-run by a fresh child process, then imported by another one, each
printing rows, seconds (wall and CPU), rows/s and its peak RSS (``ru_maxrss``: interpreter and
libraries included). The files are deleted afterwards; none is committed.

The list is LSO-like (English headers, UTF-8 with BOM, commas): corporate rows with a contact
and individual rows, some at free-mail addresses, some at member organizations; dates in two
styles. Timed: the first import into an empty database, the same file again (idempotent, writes
nothing), and a newer list (2% renewed, 2% gone, 2% new). Then the directory is loaded once and
the verdict computed for people as they register: colleagues at member domains, individual
members, free-mail addresses with the organization typed in other spellings, strangers.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import normalise_url, sqlite_url
from desktop_app.domain.membership import PersonQuery, verdict
from desktop_app.services.demo import ascii_slug
from desktop_app.services.demo import names as words
from desktop_app.services.membership.directory import load_directory
from desktop_app.services.membership.importing import import_members

HEADER = [
    "Member #", "Member Type", "Organization", "First Name", "Last Name", "Email", "Category",
    "Member Since", "Expiry Date",
]  # fmt: skip
EVENT_DAY = date(2027, 3, 23)
PLACES = ("Montréal", "Québec", "Laval", "Toronto", "Ottawa", "Waterloo", "Hamilton", "Kingston")


def organizations(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` distinct (name, domain) pairs built from the demo word lists."""
    found: dict[str, tuple[str, str]] = {}
    while len(found) < count:
        stem = rng.choice(words.COMPANY_STEMS)
        if rng.random() < 0.5:
            base = f"{stem}{rng.choice(words.COMPANY_TAILS_FR)}"
            suffix = rng.choice(words.LEGAL_SUFFIXES_QC)
        else:
            base = f"{stem} {rng.choice(words.COMPANY_TAILS_EN)}"
            suffix = rng.choice(words.LEGAL_SUFFIXES_ON)
        if rng.random() < 0.5:
            base = f"{rng.choice(words.LABS_FR)} {base}"
        if rng.random() < 0.7:
            base = f"{base} {rng.choice(PLACES)}"
        if ascii_slug(base) in found:
            base = f"{base} {len(found)}"
        key = ascii_slug(base)
        found[key] = (f"{base} {suffix}".strip(), f"{key}.{rng.choice(('ca', 'com'))}")
    return list(found.values())


def person(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(words.FIRST_NAMES_FR), rng.choice(words.LAST_NAMES_FR)
    if roll < 0.9:
        return rng.choice(words.FIRST_NAMES_EN), rng.choice(words.LAST_NAMES_EN)
    return rng.choice(words.FIRST_NAMES_WORLD), rng.choice(words.LAST_NAMES_WORLD)


def email(first: str, last: str, domain: str, number: int) -> str:
    return f"{ascii_slug(first)}.{ascii_slug(last)}{number}@{domain}"


def member_rows(rows: int, seed: int = 7) -> Iterator[list[str]]:
    """The list's rows, header first, generated one at a time."""
    rng = random.Random(seed)
    orgs = organizations(rng, rows // 5)
    yield HEADER
    for number, (name, domain) in enumerate(orgs, start=10001):
        first, last = person(rng)
        yield [str(number), "Corporate", name, first, last, email(first, last, domain, number),
               rng.choice(("Corporate", "Start-up", "Academic")), "2026-01-01",
               rng.choice(("2027-12-31", "December 31, 2027", "2027-03-22"))]  # fmt: skip
    start = 100001 if 10001 + len(orgs) <= 100001 else 1_000_001  # numbers never repeat
    for number in range(start, start + rows - len(orgs)):
        first, last = person(rng)
        if rng.random() < 0.4:
            name, domain = rng.choice(orgs)
        else:
            name, domain = rng.choice(("", "Independent consultant")), rng.choice(words.FREE_MAIL)
        yield [str(number), "Individual", name, first, last, email(first, last, domain, number),
               rng.choice(("Individual", "Student")), "2026-01-01", "2027-12-31"]  # fmt: skip


def member_list(rows: int, seed: int = 7) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """The list's rows (header first) and its organizations."""
    return list(member_rows(rows, seed)), organizations(random.Random(seed), rows // 5)


def write_csv(path: Path, rows: Iterable[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


def newer_list(rows: list[list[str]], seed: int = 8) -> list[list[str]]:
    """2% renewed (new expiry), 2% gone, 2% new members."""
    rng = random.Random(seed)
    body = []
    for row in rows[1:]:
        roll = rng.random()
        if roll < 0.02:
            continue
        if roll < 0.04:
            row = [*row[:8], "2028-12-31"]
        body.append(row)
    extra = len(rows) // 50
    for number in range(900001, 900001 + extra):
        first, last = person(rng)
        mail = email(first, last, "gmail.com", number)
        body.append(
            [str(number), "Individual", "", first, last, mail, "Individual", "2026-06-01",
             "2027-05-31"]
        )  # fmt: skip
    return [rows[0], *body]


def queries(rows: list[list[str]], orgs: list[tuple[str, str]], count: int) -> list[PersonQuery]:
    """People registering: what they type, drawn from the list and beyond it."""
    rng = random.Random(9)
    individuals = [r for r in rows[1:] if r[1] == "Individual"]
    strangers = organizations(random.Random(10), 500)
    found: list[PersonQuery] = []
    for index in range(count):
        first, last = person(rng)
        name = f"{first} {last}"
        roll = rng.random()
        if roll < 0.40:  # a colleague at a member organization
            org, domain = rng.choice(orgs)
            typed = rng.choice((org, org.upper(), org.split(" ")[0]))
            found.append(PersonQuery(name, email(first, last, domain, index), typed))
        elif roll < 0.55:  # an individual member with the listed address
            row = rng.choice(individuals)
            found.append(PersonQuery(f"{row[3]} {row[4]}", row[5], row[2] or None))
        elif roll < 0.75:  # free mail, organization typed in another spelling
            org, _ = rng.choice(orgs)
            typed = rng.choice((org.lower(), org.replace("-", " "), org + " Canada"))
            found.append(PersonQuery(name, email(first, last, "gmail.com", index), typed))
        else:  # someone from a company that is no member
            org, domain = rng.choice(strangers)
            found.append(PersonQuery(name, email(first, last, domain, index), org))
    return found


def timed_import(database: Database, path: Path, label: str) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    report = import_members(database.sessions, "lso", path)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{label:<20} {elapsed:6.2f} s wall, {cpu:5.2f} s CPU  (added {report.added}, "
        f"updated {report.updated}, unchanged {report.unchanged}, ended {report.ended}, "
        f"rejected {report.rejected})"
    )
    return elapsed


def child(path: Path, url: str, dry_run: bool) -> None:
    """Import ``path`` into ``url`` and print what the parent measures, as JSON."""
    database = open_database(url)
    started, cpu = time.perf_counter(), time.process_time()
    report = import_members(database.sessions, "lso", path, dry_run=dry_run)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    database.dispose()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak_mib": peak_kib / 1024,
                      "added": report.added, "rejected": report.rejected}))  # fmt: skip


def memory(sizes: list[int]) -> None:
    """Each size dry-run, then imported, by a fresh process: rows, seconds, rows/s, peak RSS."""
    print(
        f"{'rows':>9} {'run':<9} {'seconds':>8} {'CPU s':>7} {'rows/s':>9} {'peak RSS':>10}  file"
    )
    for rows in sizes:
        folder = Path(tempfile.mkdtemp())
        try:
            path = folder / "members.csv"
            write_csv(path, member_rows(rows))
            size = path.stat().st_size / 1e6
            url = sqlite_url(folder / "bench.sqlite3")
            open_database(url).dispose()  # created and migrated outside the measured process
            for label, extra in (("dry run", ["--dry-run"]), ("import", [])):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(path), url, *extra],
                    check=True, capture_output=True, text=True,
                ).stdout  # fmt: skip
                got = json.loads(out.strip().splitlines()[-1])
                assert got["added"] == rows and got["rejected"] == 0, got
                print(
                    f"{rows:>9} {label:<9} {got['seconds']:>8.2f} {got['cpu']:>7.2f} "
                    f"{rows / got['seconds']:>9,.0f} {got['peak_mib']:>7.0f} MiB  {size:.0f} MB"
                )
        finally:
            shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, action="append")
    parser.add_argument("--verdicts", type=int, default=10_000)
    parser.add_argument(
        "--pg", metavar="URL", help="a scratch PostgreSQL database (its public schema is dropped)"
    )
    parser.add_argument("--memory", action="store_true", help="time and peak RSS per size")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "URL"), help=argparse.SUPPRESS)
    parser.add_argument("--dry-run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), args.child[1], args.dry_run)
        return
    if args.memory:
        memory(args.rows or [20_000, 1_000_000])
        return
    args.rows = args.rows[-1] if args.rows else 20_000

    folder = Path(tempfile.mkdtemp())
    rows, orgs = member_list(args.rows)
    first = folder / "members.csv"
    write_csv(first, rows)
    newer = folder / "members-newer.csv"
    write_csv(newer, newer_list(rows))

    if args.pg:
        engine = create_engine(normalise_url(args.pg))
        with engine.begin() as connection:  # a scratch database: emptied first
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        database = open_database(args.pg)
        backend = "PostgreSQL"
    else:
        database = open_database(sqlite_url(folder / "bench.sqlite3"))
        backend = "SQLite"
    print(f"{args.rows} member rows ({len(orgs)} corporate), {backend}")
    try:
        timed_import(database, first, "first import")
        timed_import(database, first, "same file again")
        timed_import(database, newer, "newer list")

        started, cpu = time.perf_counter(), time.process_time()
        with database.sessions() as session:
            directory = load_directory(session)
        loaded, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"{'load_directory':<20} {loaded:6.2f} s wall, {cpu:5.2f} s CPU"
            f"  ({len(directory)} memberships)"
        )

        people = queries(rows, orgs, args.verdicts)
        times = []
        members = 0
        cpu = time.process_time()
        for query in people:
            started = time.perf_counter()
            result = verdict(directory, query, EVENT_DAY)
            times.append(time.perf_counter() - started)
            members += bool(result.associations)
        cpu = time.process_time() - cpu
        total = sum(times)
        times.sort()
        print(
            f"{f'{len(people)} verdicts':<20} {total:6.2f} s wall, {cpu:5.2f} s CPU  "
            f"(mean {statistics.mean(times) * 1000:.3f} ms, "
            f"p95 {times[int(len(times) * 0.95)] * 1000:.3f} ms, "
            f"max {times[-1] * 1000:.2f} ms; {members} members)"
        )
    finally:
        database.dispose()


if __name__ == "__main__":
    main()
