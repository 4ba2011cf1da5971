"""Cold start of the installed ``passerelle`` command to its first window, next to the floors.

Run: python bench/bench_start.py [--runs 7] [--command passerelle]

Each run is a fresh process (``QT_QPA_PLATFORM=offscreen``, a fresh HOME so no settings are
shared) started with ``PASSERELLE_QUIT_AFTER_SHOW``: the application prints a line the moment
a top-level window receives its Show event and quits (desktop_app/ui/first_window.py). The
time is from ``Popen`` to that line, so the interpreter's own start-up is included.

Rows:
- ``bare PySide6 window``: a fresh interpreter that shows a QLabel (the floor);
- ``passerelle --version``: the command's own floor (no Qt, no database);
- ``first window (splash)``: ``passerelle`` on an existing, current SQLite database until its
  first window (the "Opening the database…" splash);
- ``start dialog``: same until the start dialog (event and desk name), the first window that
  asks something: the database is open by then (schema checked), the event list read.

Each row prints the median and p95 of the wall time, and the median CPU seconds of the
process when the window showed (less sensitive to the load on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = (
    "import sys, time\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication(sys.argv)\n"
    "label = QLabel('Passerelle')\n"
    "label.show()\n"
    "print(f'first-window QLabel cpu={time.process_time():.3f}', flush=True)\n"
)


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from start to the ``first-window`` line (or to the exit), and the CPU it said."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout is not None
    cpu = float("nan")
    seconds = float("nan")
    for raw in child.stdout:
        line = raw.decode(errors="replace")
        if line.startswith(("first-window", "passerelle ")):
            seconds = time.perf_counter() - start
            if "cpu=" in line:
                cpu = float(line.rsplit("cpu=", 1)[1])
            break
    child.stdout.close()
    if child.wait(timeout=60) not in (0, None) and seconds != seconds:
        raise SystemExit(f"{argv} failed with {child.returncode}")
    return seconds, cpu


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(name: str, runs: list[tuple[float, float]]) -> None:
    walls = [wall for wall, _ in runs]
    cpus = [cpu for _, cpu in runs if cpu == cpu]
    cpu = f"{statistics.median(cpus):.2f} s" if cpus else "—"
    print(
        f"{name:<28} median {statistics.median(walls):.3f} s   p95 {p95(walls):.3f} s"
        f"   CPU {cpu}   ({', '.join(f'{w:.2f}' for w in walls)})",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--command",
        default=shutil.which("passerelle", path=str(Path(sys.executable).parent)) or "passerelle",
        help="the installed entry point (default: the one next to this Python)",
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="passerelle-start-"))
    try:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(folder / "home"),
            "XDG_CONFIG_HOME": str(folder / "home" / ".config"),
            "XDG_DATA_HOME": str(folder / "home" / ".local" / "share"),
            "PASSERELLE_DB": str(folder / "desk.sqlite3"),
            "PASSERELLE_LANG": "fr",
        }
        # One event in a current database, made once: the desk's every-morning start.
        subprocess.run(
            [args.command, "demo", "--registrations", "50"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} CPUs", flush=True)
        rows: list[tuple[str, list[str], dict[str, str]]] = [
            ("bare PySide6 window", [sys.executable, "-c", BARE], env),
            ("passerelle --version", [args.command, "--version"], env),
            (
                "first window (splash)",
                [args.command],
                {**env, "PASSERELLE_QUIT_AFTER_SHOW": "1"},
            ),
            (
                "start dialog",
                [args.command],
                {**env, "PASSERELLE_QUIT_AFTER_SHOW": "StartDialog"},
            ),
        ]
        results: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in rows}
        timed(rows[2][1], rows[2][2])  # warm the page cache once; not counted
        for _ in range(args.runs):  # interleaved, so a change of load touches every row alike
            for name, argv, row_env in rows:
                results[name].append(timed(argv, row_env))
        for name, runs in results.items():
            report(name, runs)
        print(f"load: {os.getloadavg()[0]:.2f} (1 min)", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
