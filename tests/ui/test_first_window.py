"""The desk's first window shows before the desk's modules load, and the start dialog comes
without Alembic (a current database), the PostgreSQL driver (SQLite) or the desk screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url

PROBE = """
import sys
import desktop_app.ui.first_window as first_window

shown = first_window.show_first_window

def show():
    app = shown()
    print("loaded with the first window:", sorted(
        name for name in ("sqlalchemy", "alembic", "psycopg", "reportlab") if name in sys.modules
    ), flush=True)
    return app

first_window.show_first_window = show
from desktop_app.cli import main

code = main(["--db", sys.argv[1], "--lang", "en"])
print("loaded at the start dialog:", sorted(
    name for name in ("alembic", "psycopg", "desktop_app.ui.desk") if name in sys.modules
), flush=True)
sys.exit(code)
"""


def test_the_splash_shows_first_and_the_start_dialog_needs_no_alembic(tmp_path: Path) -> None:
    database = tmp_path / "desk.sqlite3"
    open_database(sqlite_url(database)).dispose()  # a current database, as every morning
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PASSERELLE_QUIT_AFTER_SHOW": "StartDialog",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(database)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line.split(" cpu=")[0] for line in done.stdout.splitlines()]
    assert lines == [
        "loaded with the first window: []",
        "first-window StartDialog",
        "loaded at the start dialog: []",
    ], done.stdout + done.stderr
    assert done.returncode == 0
