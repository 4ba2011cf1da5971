"""How long importing pre-registrations takes, verdicts and flags included.

Writes a pretix order-positions CSV of N rows for the Montréal demo event (people at demo
member and non-member companies, free-mail addresses, cancelled orders), then times on a
fresh SQLite file (or --pg URL, emptied first): the first import, the same file again
(nothing changes) and a reassessment of the event.

Run: python bench/bench_registration_import.py [--rows 10000] [--pg URL]
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, select, text

from desktop_app.db.database import open_database
from desktop_app.db.engine import normalise_url, sqlite_url
from desktop_app.db.models import OrganizationDomain
from desktop_app.services.demo import fill_demo
from desktop_app.services.membership.verdicts import reassess
from desktop_app.services.registrations.importing import import_registrations

SLUG = "forum-montreal-2027"
HEADER = [
    "Event slug", "Order code", "Position ID", "Status", "Email", "Order date", "Product",
    "Variation", "Price", "Attendee name", "Attendee name: Given name",
    "Attendee name: Family name", "Attendee email", "Company", "Pseudonymization ID",
    "Ticket secret", "Order locale",
]  # fmt: skip
PRODUCTS = [
    ("Membre — tarif hâtif", "517.39"), ("Member", "603.62"), ("Non-membre", "833.57"),
    ("Étudiant·e", "95.00"), ("Conférencier·ère", "0.00"),
]  # fmt: skip
FIRST = ["Marie", "Jean", "Sarah", "David", "Léa", "Olivier", "Priya", "Chen", "Émile", "Anna"]
LAST = ["Tremblay", "Gagnon", "Smith", "Nguyen", "Roy", "Côté", "Patel", "Wong", "Bélanger"]


def write_file(path: Path, rows: int, domains: list[str], seed: int = 1) -> None:
    """A pretix export of ``rows`` positions."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for index in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            roll = rng.random()
            if roll < 0.6:
                domain = rng.choice(domains)
                company = domain.split(".")[0].title()
            elif roll < 0.8:
                domain, company = f"outsider{rng.randrange(500)}.com", "Outsider Labs"
            else:
                domain, company = "gmail.com", ""
            email = f"{first.lower()}.{last.lower()}{index}@{domain}"
            product, price = rng.choice(PRODUCTS)
            status = "canceled" if rng.random() < 0.03 else "paid"
            writer.writerow(
                [
                    SLUG, f"O{index:06d}", "1", status, email,
                    f"2027-0{rng.randrange(1, 3)}-{rng.randrange(1, 28):02d}", product, "",
                    price, f"{first} {last}", first, last, email, company, f"P{index}",
                    f"secret{index:08d}{rng.getrandbits(40):010x}", "fr",
                ]
            )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--pg", metavar="URL")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    if args.pg:
        url, backend = normalise_url(args.pg), "PostgreSQL"
        engine = create_engine(url)
        with engine.begin() as connection:  # an empty database, as the tests do
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    else:
        url, backend = sqlite_url(folder / "bench.sqlite3"), "SQLite"
    database = open_database(url)
    fill_demo(database.sessions, registrations=0)
    with database.sessions() as session:
        domains = list(session.scalars(select(OrganizationDomain.domain)))
    path = folder / "pretix.csv"
    write_file(path, args.rows, domains)

    started = time.perf_counter()
    report = import_registrations(database.sessions, SLUG, path)
    first = time.perf_counter() - started
    flags = report.flags
    print(
        f"import {args.rows} rows ({backend}): {first:6.2f} s — {report.added} added,"
        f" {report.skipped} skipped, flags {flags.balance_due} balance / {flags.credit_due}"
        f" credit / {flags.doubt} doubt"
    )
    started = time.perf_counter()
    again = import_registrations(database.sessions, SLUG, path)
    print(
        f"re-import same file: {time.perf_counter() - started:6.2f} s"
        f" — {again.unchanged} unchanged, {again.updated} updated"
    )
    started = time.perf_counter()
    result = reassess(database.sessions, SLUG)
    print(
        f"reassess {result.reassessed} registrations: {time.perf_counter() - started:6.2f} s"
        f" — {result.changed} changed"
    )
    database.dispose()


if __name__ == "__main__":
    main()
