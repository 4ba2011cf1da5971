"""How long a 20,000-row member list takes to import, and verdicts for 10,000 registrations.

Run: python bench/bench_import.py [--rows 20000] [--verdicts 10000] [--pg URL]

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
import random
import statistics
import tempfile
import time
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


def member_list(rows: int, seed: int = 7) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """The list's rows (header first) and its organizations."""
    rng = random.Random(seed)
    orgs = organizations(rng, rows // 5)
    table = [HEADER]
    for number, (name, domain) in enumerate(orgs, start=10001):
        first, last = person(rng)
        table.append(
            [str(number), "Corporate", name, first, last, email(first, last, domain, number),
             rng.choice(("Corporate", "Start-up", "Academic")), "2026-01-01",
             rng.choice(("2027-12-31", "December 31, 2027", "2027-03-22"))]
        )  # fmt: skip
    for number in range(100001, 100001 + rows - len(orgs)):
        first, last = person(rng)
        if rng.random() < 0.4:
            name, domain = rng.choice(orgs)
        else:
            name, domain = rng.choice(("", "Independent consultant")), rng.choice(words.FREE_MAIL)
        table.append(
            [str(number), "Individual", name, first, last, email(first, last, domain, number),
             rng.choice(("Individual", "Student")), "2026-01-01", "2027-12-31"]
        )  # fmt: skip
    return table, orgs


def write_csv(path: Path, rows: list[list[str]]) -> None:
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--verdicts", type=int, default=10_000)
    parser.add_argument(
        "--pg", metavar="URL", help="a scratch PostgreSQL database (its public schema is dropped)"
    )
    args = parser.parse_args()

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
