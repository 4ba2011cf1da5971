"""How long demo data takes: 2,000 and 100,000 registrations into a fresh SQLite file.

Run: python bench/bench_demo.py [--pg URL]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.demo import fill_demo


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,100000")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp())
        database = open_database(sqlite_url(folder / "bench.sqlite3"))
        started = time.perf_counter()
        fill_demo(database.sessions, registrations=size, seed=1)
        elapsed = time.perf_counter() - started
        database.dispose()
        print(f"demo {size:>7} registrations (SQLite): {elapsed:6.2f} s")


if __name__ == "__main__":
    main()
