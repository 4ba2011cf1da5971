"""How much memory a desk takes on 100,000 registrations: the desk window opened, then used.

Run: python bench/bench_memory.py [--registrations 100000] [--db FILE] [--top 0]

The database is the demo's (``--db``: a SQLite file, made the first time, reused after; the
demo at 100,000 registrations takes a minute or two to make). It is made by a child process,
and the desk is opened by another fresh child, offscreen, as bench/bench_desk.py opens it:
a ``DeskWindow`` with its header counts, search, recent check-ins and card, on a copy of the
file. The child reports its resident memory (``VmRSS``) and its peak (``VmHWM``, from
/proc/self/status; interpreter, Qt and libraries included) after each step:

1. Python, Qt and the desk's modules loaded, the database opened (no window yet);
2. the desk window open and its header counts on screen;
3. ten names typed, one key at a time, each search's results on screen (the search index and
   the typo vocabulary loaded as at a real desk);
4. ten people checked in by scanning their badge;
5. the member directory a walk-in's verdict is judged against, loaded.

``--top N``: also the N places that allocated the most Python memory still held at the end
(tracemalloc, which slows the run and adds its own overhead to the RSS).
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL_MIB = 300 * 1000 * 1000 / 2**20  # the "300 MB", in MiB as the kernel counts


def status_mib(field: str, pid: int | str = "self") -> float:
    """``VmRSS`` / ``VmHWM`` of this process (or ``pid``), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


SEARCH_PID: list[int] = []  # the desk's search process, once started (as the app runs it)


def say(step: str) -> None:
    line = f"{step:<46} RSS {status_mib('VmRSS'):6.0f} MiB   peak {status_mib('VmHWM'):6.0f} MiB"
    if SEARCH_PID:
        child = status_mib("VmHWM", SEARCH_PID[0])
        total = status_mib("VmHWM") + child
        line += f"   search process peak {child:4.0f} MiB, together {total:4.0f} MiB"
    print(line, flush=True)


def make_database(path: Path, registrations: int) -> None:
    """The demo at ``registrations`` (membership verdicts included), in ``path``."""
    from desktop_app.db.database import open_database
    from desktop_app.db.engine import sqlite_url
    from tests.ui.desk.desk_harness import _fill  # the desk tests' demo, verdicts included

    started = time.perf_counter()
    database = open_database(sqlite_url(path))
    _fill(database, registrations)
    database.dispose()
    print(f"demo data: {registrations:,} registrations in {time.perf_counter() - started:.0f} s")


def measure(path: Path, top: int) -> None:
    """Open the desk on ``path`` and say the memory after each step (runs in a fresh child)."""
    if top:
        import tracemalloc

        tracemalloc.start(8)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # First, as `passerelle` does (ui/first_window.py): desktop_app/ui/__init__.py stops
    # PySide6 from keeping the source of every module imported after it.
    importlib.import_module("desktop_app.ui")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop_app.db.database import open_database
    from desktop_app.db.engine import sqlite_url
    from desktop_app.db.models import Registration
    from desktop_app.ui.desk.outcome import Tone
    from desktop_app.ui.worker import favour_the_gui_thread
    from tests.ui.desk.desk_harness import SLUG, make_desk, paid_up

    favour_the_gui_thread()
    app = QApplication.instance() or QApplication(sys.argv)
    database = open_database(sqlite_url(path), create=False)
    with database.sessions() as session:
        spread = paid_up().where(Registration.id % 97 == 0).limit(20)  # over the whole list
        picked = [row[1:] for row in session.execute(spread)]
    say("1. modules loaded, database open")

    def wait_until(done: Callable[[], bool], seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not done() and time.monotonic() < deadline:
            QTest.qWait(5)

    from desktop_app.services.desk.search.process import SearchProcess

    # As the app's launcher does for a desk on its own database: search and cards in a
    # process of their own.
    search_process = SearchProcess.beside(database.url, database.sessions, SLUG)
    SEARCH_PID.append(search_process._process.pid or 0)
    desk = make_desk(database, path.parent / "desk.ini", scanner_clock=None, reads=search_process)
    desk.scanner.clock = time.monotonic
    window = desk.window
    window.resize(1280, 800)
    wait_until(lambda: window.header.counts is not None)
    QTest.qWait(500)
    say("2. desk window open, header counts shown")

    names = [f"{first} {last}"[:9].encode("ascii", "ignore").decode() for _c, first, last in picked]
    for name in names[:10]:
        window.search.reset()
        shown: list[str] = []
        window.search.searched.connect(shown.append)
        for char in name:
            QTest.keyClick(window.search.field, char)
            QTest.qWait(20)
        wait_until(lambda name=name, shown=shown: name.strip() in shown)  # type: ignore[misc]
        window.search.searched.disconnect(shown.append)
    say("3. ten names typed, results shown")

    # The names above were typed 20 ms apart, as fast as a scanner: without a pause the first
    # code would run on from the last name's keys, one scan of "name + code".
    QTest.qWait(300)
    checked = 0
    tones: list[str] = []
    for code, _first, _last in picked[10:20]:
        window.outcome.clear()
        field = window.search.field
        QTest.keyClicks(field, code, Qt.KeyboardModifier.NoModifier, 3)
        QTest.qWait(3)
        QTest.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        wait_until(lambda: window.outcome.tone is not Tone.IDLE, 20)
        checked += window.outcome.tone is Tone.CHECKED_IN
        tones.append(f"{window.outcome.tone.value} {code}")
        QTest.qWait(50)
    QTest.qWait(300)
    say(f"4. ten badges scanned ({checked} checked in)")
    if checked < 10:
        print(f"   outcomes: {', '.join(tones)}")

    # The walk-in form's member directory (every membership and staff decision, kept a minute).
    from desktop_app.services.admin.events import get_event
    from desktop_app.services.desk.directory_cache import recent_directory
    from desktop_app.services.membership.directory import event_date

    with database.sessions() as session:
        event = get_event(session, SLUG)
        directory = recent_directory(session, event_date(event))
    say(f"5. the walk-in's member directory ({len(directory):,} memberships)")

    if top:
        import tracemalloc

        snapshot = tracemalloc.take_snapshot()
        print(f"\nPython memory still held, top {top} (tracemalloc):")
        for stat in snapshot.statistics("lineno")[:top]:
            print(f"  {stat.size / 2**20:7.1f} MiB  {stat.count:8,} blocks  {stat.traceback}")
    if not search_process.in_use:
        print("   (the search process never answered: the desk searched itself)")
    window.close()
    QTest.qWait(500)  # the workers' last answers land before the window goes
    search_process.close()
    QTimer.singleShot(0, app.quit)
    database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="a demo SQLite file to reuse (made if missing)")
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--child-make", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_make:
        make_database(args.child_make, args.registrations)
        return
    if args.child_measure:
        measure(args.child_measure, args.top)
        return
    folder = Path(tempfile.mkdtemp(prefix="passerelle-bench-memory-"))
    try:
        kept = args.db or folder / "demo.sqlite3"
        me = [sys.executable, str(Path(__file__).resolve())]
        if not kept.exists():
            sizes = ["--registrations", str(args.registrations)]
            subprocess.run([*me, *sizes, "--child-make", str(kept)], check=True)
        copy = folder / "desk" / "desk.sqlite3"
        copy.parent.mkdir()
        shutil.copy(kept, copy)  # the check-ins go into the copy
        print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} CPUs", flush=True)
        subprocess.run([*me, "--top", str(args.top), "--child-measure", str(copy)], check=True)
        print(f"goal: peak < 300 MB ({GOAL_MIB:.0f} MiB)")
        print(f"load: {os.getloadavg()[0]:.2f} (1 min)", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
