"""Benchmark the money services on a demo database: issuing a receipt, rendering it, a whole
walk-in, and the walk-in form's live quote. Prints the figures (p50 / p95 in milliseconds).

Run from the repository: ``python bench/bench_receipts.py [--db URL] [--registrations N]``.
Without ``--db`` a fresh SQLite file in a temporary folder is used (``--db`` must name an
empty database). Each measured operation is one whole unit of work, committed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Event, Registration
from desktop_app.services.demo import fill_demo
from desktop_app.services.desk.walkin import WalkInForm, quote_walk_in, register_walk_in
from desktop_app.services.money.payments import PaymentInput, collect_balance
from desktop_app.services.money.receipts import receipt_pdf

SLUG = "forum-montreal-2027"
AT = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)  # before the on-site rate


def percentiles(samples: list[float]) -> str:
    """``p50 / p95 / max`` of samples given in seconds, as milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"
        f"   max {ordered[-1] * 1000:7.1f} ms   (n={len(ordered)})"
    )


def timed(count: int, action: Callable[[int], object]) -> list[float]:
    """Run ``action(i)`` ``count`` times; the duration of each run."""
    samples = []
    for index in range(count):
        started = time.perf_counter()
        action(index)
        samples.append(time.perf_counter() - started)
    return samples


def prepare(db: Database, registrations: int) -> list[int]:
    """Demo data with a seller number that passes its check digit; unpaid registrations."""
    fill_demo(db.sessions, registrations=registrations)
    with db.sessions.begin() as session:
        for event in session.scalars(select(Event)):
            event.gst_hst_number = "123456782 RT 0001"
        event_id = session.scalars(select(Event.id).where(Event.slug == SLUG)).one()
        unpaid = session.scalars(
            select(Registration).where(
                Registration.event_id == event_id,
                Registration.status == "active",
                Registration.amount_paid < Registration.amount_due,
            )
        ).all()
        for registration in unpaid:
            registration.amount_paid = Decimal("0.00")
        return [r.id for r in unpaid]


def run(db: Database, registrations: int, rounds: int) -> None:
    """Measure and print."""
    started = time.perf_counter()
    unpaid = prepare(db, registrations)
    print(f"demo data: {registrations} registrations in {time.perf_counter() - started:.1f} s")
    rounds = min(rounds, len(unpaid))
    amounts: dict[int, Decimal] = {}
    with db.sessions() as session:
        for registration_id in unpaid[:rounds]:
            row = session.get(Registration, registration_id)
            assert row is not None
            amounts[registration_id] = row.amount_due
    issued: list[int] = []

    def issue(index: int) -> None:
        registration_id = unpaid[index]
        receipt = collect_balance(
            db.sessions,
            registration_id,
            PaymentInput("card", amounts[registration_id], reference=f"AUTH {index}"),
            desk="bench",
            staff="bench",
        )
        issued.append(receipt.receipt_id)

    print("collect a balance: payment + receipt issued + PDF, committed")
    print("   ", percentiles(timed(rounds, issue)))
    print("render a stored receipt again (receipt_pdf, copy)")
    print("   ", percentiles(timed(len(issued), lambda i: receipt_pdf(db.sessions, issued[i]))))

    def form(index: int) -> WalkInForm:
        return WalkInForm(
            first_name="Zoé",
            last_name=f"Sans-Rendez-Vous {index}",
            email=f"zoe.{index}@gmail.com",
            organization="Entreprise Qui N'Existe Pas",
            category_code=None,
            language="fr",
        )

    print("walk-in form quote (live, as typed; member directory reused)")
    print(
        "   ", percentiles(timed(rounds, lambda i: quote_walk_in(db.sessions, SLUG, form(i), AT)))
    )
    price = quote_walk_in(db.sessions, SLUG, form(0), AT).quote
    assert price is not None

    def walk_in(index: int) -> None:
        register_walk_in(
            db.sessions,
            SLUG,
            form(index),
            PaymentInput("cash", price.total, tendered=Decimal("1000.00")),
            desk="bench",
            staff="bench",
            action_id=uuid.uuid4().hex,
            at=AT,
        )

    print("walk-in: person, registration, payment, receipt, check-in, audit + PDF, committed")
    print("   ", percentiles(timed(min(rounds, 50), walk_in)))


def main() -> None:
    """Parse the options, open the database, measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", metavar="URL", help="an empty database (default: temporary SQLite)")
    parser.add_argument("--registrations", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(args.db or sqlite_url(Path(folder) / "bench.sqlite3"))
        try:
            print(f"database: {db.engine.dialect.name}")
            run(db, args.registrations, args.rounds)
        finally:
            db.dispose()


if __name__ == "__main__":
    main()
