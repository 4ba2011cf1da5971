"""Reports at 100,000 registrations, 60,000 checked in and 5,000 payments.

Fills demo data, checks in 63 % of each event's active registrations at three desks (bulk) and
registers walk-ins through the desk's service (each a payment, most with a receipt), then
times each report's JSON (median of 5), the Reports window's refresh (worker time) and an XLSX
export of every registration of both events (about 100,000 rows) in a child process, whose
peak memory is its own.

Run: python bench/bench_reports.py [--registrations 100000] [--walk-ins 2500] [--pg URL]
     (--pg: a scratch PostgreSQL database; its public schema is dropped)
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text

from desktop_app.db.database import open_database
from desktop_app.db.engine import normalise_url, sqlite_url
from desktop_app.db.models import CheckIn, Payment, Registration
from desktop_app.services.demo import fill_demo
from desktop_app.services.demo.activity import simulate_morning

EVENTS = ("forum-montreal-2027", "partnering-toronto-2027")


def timed(function: Callable[[], Any], runs: int = 5) -> tuple[float, float]:
    """(median, max) milliseconds of ``function`` over ``runs`` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the
    parent across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_child(url: str, path: str) -> None:
    """In a fresh process: every registration of both events to one XLSX; time and memory."""
    from dataclasses import replace

    from desktop_app.services.reports.attendees import attendee_list
    from desktop_app.services.reports.document import attendees_document
    from desktop_app.services.reports.exports import ExportFormat, export_report

    database = open_database(url)
    before = _peak_mb()
    started = time.perf_counter()
    documents = [attendees_document(attendee_list(database.sessions, slug)) for slug in EVENTS]
    document = replace(documents[0], sections=tuple(d.sections[0] for d in documents))
    built = time.perf_counter()
    rows = export_report(
        database.sessions, document, Path(path), ExportFormat.XLSX, "en", staff="bench"
    )
    done = time.perf_counter()
    peak = _peak_mb()
    print(
        json.dumps(
            {
                "rows": rows,
                "query_s": built - started,
                "write_s": done - built,
                "total_s": done - started,
                "peak_mb": peak,
                "before_mb": before,
                "file_mb": Path(path).stat().st_size / 1e6,
            }
        )
    )


def _more_payments(sessions: Any, wanted: int) -> None:
    """Copies of the walk-ins' real payments and receipts (new numbers, same amounts and
    taxes) until there are ``wanted`` payments: the sales report reads rows, and 5,000
    walk-ins through the service would take the bench most of an hour."""
    from sqlalchemy import insert

    from desktop_app.db.models import Receipt, ReceiptSeries

    with sessions.begin() as session:
        payments = session.scalars(select(Payment).order_by(Payment.id)).all()
        receipts = {
            r.payment_id: r
            for r in session.scalars(select(Receipt).where(Receipt.kind == "receipt"))
        }
        series = {s.id: s for s in session.scalars(select(ReceiptSeries))}
        models = [payments[i % len(payments)] for i in range(max(0, wanted - len(payments)))]
        if not models:
            return
        payment_rows = [
            {c.key: getattr(m, c.key) for c in Payment.__table__.columns if c.key != "id"}
            | {"action_id": f"bench-{i}"}
            for i, m in enumerate(models)
        ]
        ids = session.execute(insert(Payment).returning(Payment.id), payment_rows).scalars().all()
        receipt_rows = []
        for model, new_id in zip(models, ids, strict=True):
            original = receipts.get(model.id)
            if original is None:
                continue
            numbering = series[original.series_id]
            receipt_rows.append(
                {
                    c.key: getattr(original, c.key)
                    for c in Receipt.__table__.columns
                    if c.key != "id"
                }
                | {"payment_id": new_id, "number": numbering.next_number}
            )
            numbering.next_number += 1
        if receipt_rows:
            session.execute(insert(Receipt), receipt_rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument("--walk-ins", type=int, default=150, help="through the service, per event")
    parser.add_argument("--payments", type=int, default=5000, help="in all (copies of real ones)")
    parser.add_argument("--share", type=float, default=0.63)
    parser.add_argument("--pg", metavar="URL")
    parser.add_argument(
        "--reuse",
        metavar="FILE_OR_URL",
        help="a SQLite file or postgresql:// URL this bench filled before: time the reports only",
    )
    parser.add_argument("--export-child", nargs=2, metavar=("URL", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_child:
        export_child(*args.export_child)
        return

    folder = Path(tempfile.mkdtemp())
    if args.reuse is not None and args.reuse.startswith("postgresql"):
        _time_reports(args.reuse, "PostgreSQL", folder)
        return
    if args.reuse is not None and Path(args.reuse).exists():
        _time_reports(sqlite_url(Path(args.reuse)), "SQLite", folder)
        return
    if args.pg:
        engine = create_engine(normalise_url(args.pg))
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        url = args.pg
    else:
        url = sqlite_url(Path(args.reuse) if args.reuse else folder / "bench.sqlite3")
    database = open_database(url)
    backend = "PostgreSQL" if args.pg else "SQLite"
    started = time.perf_counter()
    fill_demo(database.sessions, registrations=args.registrations, seed=1)
    print(
        f"{backend}: demo data, {args.registrations:,} registrations: "
        f"{time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    for slug in EVENTS:
        simulate_morning(database.sessions, slug, share=args.share, walk_ins=args.walk_ins)
    _more_payments(database.sessions, args.payments)
    with database.sessions() as session:
        checked = session.scalar(
            select(func.count()).select_from(CheckIn).where(CheckIn.undone_at.is_(None))
        )
        payments = session.scalar(select(func.count()).select_from(Payment))
        registrations = session.scalar(select(func.count()).select_from(Registration))
    print(
        f"activity: {checked:,} checked in, {payments:,} payments, {registrations:,} "
        f"registrations in {time.perf_counter() - started:.1f} s"
    )

    database.dispose()
    _time_reports(url, backend, folder)


def _time_reports(url: str, backend: str, folder: Path) -> None:
    database = open_database(url)
    from desktop_app.services.office import Office
    from desktop_app.services.reports import (
        attendance_report,
        attendee_list,
        partnership_report,
        sales_report,
    )
    from desktop_app.services.reports.attendees import Presence

    sessions = database.sessions
    slug = EVENTS[0]
    first = Office(sessions).reports.dashboard(slug)
    assert first is not None
    figures = {
        "attendance --json": lambda: json.dumps(attendance_report(sessions, slug).to_json()),
        "partnership --json": lambda: json.dumps(partnership_report(sessions).to_json()),
        "sales --json": lambda: json.dumps(sales_report(sessions, slug).to_json()),
        "attendees --no-show --json": lambda: json.dumps(
            attendee_list(sessions, slug, presence=Presence.NO_SHOW).to_json(), default=str
        ),
        "Reports window refresh, counted again (worker)": lambda: Office(
            sessions
        ).reports.dashboard(slug),
        "Reports window refresh, nothing new (worker)": lambda: Office(sessions).reports.dashboard(
            slug, first
        ),
    }
    print(f"\n| {backend}, {slug} | median ms | max ms |\n|---|---:|---:|")
    for name, function in figures.items():
        median, worst = timed(function)
        print(f"| {name} | {median:.0f} | {worst:.0f} |")
    # A scan at the door, then the window's next refresh from what it had before the scan.
    from desktop_app.services.desk.checkin import check_in

    with sessions() as session:
        code = session.scalar(
            select(Registration.code)
            .where(
                Registration.event_id == 1,
                Registration.status == "active",
                ~select(CheckIn.id).where(CheckIn.registration_id == Registration.id).exists(),
            )
            .limit(1)
        )
    check_in(sessions, slug, str(code), desk="Bench", staff="Bench")
    median, worst = timed(lambda: Office(sessions).reports.dashboard(slug, first))
    print(f"| Reports window refresh after a check-in (worker) | {median:.1f} | {worst:.1f} |")
    database.dispose()

    out = folder / "everyone.xlsx"
    child = subprocess.run(
        [sys.executable, __file__, "--export-child", url, str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(child.stdout.strip().splitlines()[-1])
    print(
        f"\nXLSX export, {result['rows']:,} rows: {result['total_s']:.1f} s "
        f"(query {result['query_s']:.1f} s, write {result['write_s']:.1f} s), "
        f"peak memory {result['peak_mb']:.0f} MB (process at start {result['before_mb']:.0f} MB), "
        f"file {result['file_mb']:.1f} MB"
    )


if __name__ == "__main__":
    main()
