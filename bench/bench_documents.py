"""Benchmark badge and receipt rendering, and record the figures in docs/benchmarks.md.

Run from the repository: ``python bench/bench_documents.py`` (``--no-record`` to only print).
Measures one badge rendered to PDF bytes (p50/p95), a batch of 5,000 badges on avery-5392
(badges per second, wall clock) and one receipt (p50/p95). Aims (issue 4): one badge under
30 ms at p95, at least 300 badges/s on a 2-core machine.

``--process`` also times the whole ``passerelle badges`` command in a fresh process (imports,
database read, render, file written) on the Montréal event of 8,400 demo registrations (4,872
badges), wall and CPU time, with the load average: issue #16 aims at 500 badges/s.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from desktop_app.documents.badge import BadgeData, render_badges
from desktop_app.documents.receipt import ReceiptData, ReceiptLine, ReceiptTax, render_receipt
from desktop_app.documents.stocks import load_stock

HEADING = "## Badges and receipts"
FIRST = ["Benoît", "Marie-Ève", "Nguyễn Thị", "Ελένη", "Александра", "Jean-François", "Zoé"]
LAST = ["Lachance", "Tremblay-Bouchard", "Ánh Tuyết", "Παπαδοπούλου", "Иванова", "O'Connor"]
ORGS = ["Thératechnologies inc.", "Université McGill", None, "University of Toronto"]
MARKINGS = ("bioquebec", "lso", "both", "guest")
ROLES = (None, "speaker", None, "sponsor", None, "staff", None, "press", "volunteer")


def badge(index: int) -> BadgeData:
    """A varied badge so no cache makes every render the same."""
    return BadgeData(
        code=f"K7Q2M4X9{index:08d}",
        first_name=FIRST[index % len(FIRST)],
        last_name=LAST[index % len(LAST)],
        organization=ORGS[index % len(ORGS)],
        marking=MARKINGS[index % len(MARKINGS)],  # type: ignore[arg-type]
        role=ROLES[index % len(ROLES)],  # type: ignore[arg-type]
        event_name_fr="Forum conjoint BIOQuébec–LSO 2027",
        event_name_en="BIOQuébec–LSO Joint Forum 2027",
        language="fr" if index % 3 else "en",
    )


def receipt() -> ReceiptData:
    """A $500+ Québec receipt with every field."""
    return ReceiptData(
        kind="receipt",
        series="FCBL27",
        number=42,
        issued_at=datetime(2027, 5, 12, 14, 3),
        seller_name="BIOQuébec",
        seller_address="1000, rue Sherbrooke Ouest, bureau 2200\nMontréal (Québec) H3A 3G4",
        gst_hst_number="123456782RT0001",
        qst_number="1234567890TQ0001",
        buyer_name="Benoît Lachance",
        buyer_organization="Thératechnologies inc.",
        lines=(
            ReceiptLine("Inscription", "Registration", 2, Decimal("450.00"), Decimal("900.00")),
        ),
        subtotal=Decimal("900.00"),
        taxes=(
            ReceiptTax("TPS", "GST", "GST", Decimal("0.05"), Decimal("45.00")),
            ReceiptTax("TVQ", "QST", "QST", Decimal("0.09975"), Decimal("89.78")),
        ),
        total=Decimal("1034.78"),
        taxes_included=False,
        payment_method="cash",
        amount_tendered=Decimal("1040.00"),
        change_due=Decimal("5.22"),
        payment_terms="Payé comptant / Paid in cash",
    )


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 of ``samples`` in milliseconds."""
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples) * 1000, cuts[18] * 1000


def machine() -> str:
    """CPU count, model and platform, for the record."""
    model = platform.processor() or "unknown CPU"
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in lscpu.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs (nproc), {model}, Python {platform.python_version()}"


def run(batch_size: int) -> list[str]:
    """Run the three measurements and return report lines."""
    stock = load_stock("avery-5392")
    for index in range(20):  # warm-up: fonts registered, caches filled, code paths compiled
        render_badges([badge(index)], stock)
        render_receipt(receipt())

    one: list[float] = []
    for index in range(300):
        start = time.perf_counter()
        render_badges([badge(1000 + index)], stock)
        one.append(time.perf_counter() - start)
    badge_p50, badge_p95 = percentiles(one)

    badges = [badge(10_000 + index) for index in range(batch_size)]
    start = time.perf_counter()
    result = render_badges(badges, stock)
    elapsed = time.perf_counter() - start
    rate = batch_size / elapsed

    receipts: list[float] = []
    data = receipt()
    for _ in range(200):
        start = time.perf_counter()
        render_receipt(data)
        receipts.append(time.perf_counter() - start)
    receipt_p50, receipt_p95 = percentiles(receipts)

    return [
        f"- One badge (avery-5392, render to PDF bytes): p50 {badge_p50:.1f} ms, "
        f"p95 {badge_p95:.1f} ms (aim < 30 ms)",
        f"- Batch of {batch_size:,} badges on avery-5392: {elapsed:.2f} s, {rate:,.0f} badges/s, "
        f"{result.pages} pages, {len(result.pdf) / 1e6:.1f} MB (aim ≥ 300 badges/s)",
        f"- One receipt (Letter, $500+ tier): p50 {receipt_p50:.1f} ms, p95 {receipt_p95:.1f} ms",
    ]


def whole_process(registrations: int = 8400) -> str:
    """``passerelle badges`` for a demo event, timed in a fresh process."""
    import json
    import resource
    import shutil
    import sys
    import tempfile

    from desktop_app.db.database import open_database
    from desktop_app.db.engine import sqlite_url
    from desktop_app.services.demo import fill_demo

    folder = Path(tempfile.mkdtemp())
    template = folder / "demo.sqlite3"
    database = open_database(sqlite_url(template))
    fill_demo(database.sessions, registrations=registrations, seed=1)
    database.dispose()
    runs = []
    for attempt in range(3):
        target = folder / f"run{attempt}.sqlite3"
        shutil.copy(template, target)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        output = subprocess.run(
            [
                *(sys.executable, "-m", "desktop_app", "badges", "--json"),
                *("--event", "forum-montreal-2027", "--stock", "avery-5392"),
                *("--out", str(folder / f"badges{attempt}.pdf"), "--db", str(target)),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        runs.append((wall, cpu, json.loads(output)["badges"]))
    shutil.rmtree(folder, ignore_errors=True)
    wall, cpu, count = min(runs)
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return (
        f"- `passerelle badges`, whole process, {count:,} badges on avery-5392 (best of 3):"
        f" {wall:.2f} s wall, {count / wall:,.0f} badges/s; CPU {cpu:.2f} s,"
        f" {count / cpu:,.0f} badges/s (load {load}; aim ≥ 500 badges/s)"
    )


def record(path: Path, lines: list[str]) -> None:
    """Add this run to our section of ``path``, leaving other sections as they are."""
    entry = [
        f"### {date.today().isoformat()} — {machine()}",
        "",
        "Command: `python bench/bench_documents.py`",
        "",
        *lines,
        "",
    ]
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if HEADING not in text:
        path.write_text(text.rstrip("\n") + "\n\n" + HEADING + "\n\n" + "\n".join(entry), "utf-8")
        return
    # Insert at the end of our section: before the next level-2 heading, if any.
    start = text.index(HEADING) + len(HEADING)
    following = text.find("\n## ", start)
    end = len(text) if following < 0 else following + 1
    section = text[:end].rstrip("\n") + "\n\n" + "\n".join(entry)
    path.write_text(section + ("\n" + text[end:] if following >= 0 else ""), "utf-8")


def main() -> None:
    """Measure, print, and record unless ``--no-record``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batch", type=int, default=5000, help="badges in the batch")
    parser.add_argument("--no-record", action="store_true", help="print only")
    parser.add_argument("--process", action="store_true", help="also the whole command")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs/benchmarks.md"
    )
    arguments = parser.parse_args()
    lines = run(arguments.batch)
    if arguments.process:
        lines.append(whole_process())
    print(machine())
    print("\n".join(lines))
    if not arguments.no_record:
        record(arguments.out, lines)
        print(f"Recorded in {arguments.out}")


if __name__ == "__main__":
    main()
