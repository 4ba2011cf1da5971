"""A current database opens without Alembic; the quick head reader agrees with Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop_app.db.database import head_revision, open_database, quick_head_revision
from desktop_app.db.engine import sqlite_url


def test_the_quick_head_is_alembics_head() -> None:
    assert quick_head_revision() == head_revision()


def test_a_current_database_opens_without_importing_alembic(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    open_database(url).dispose()  # made and stamped at head (Alembic loads for that)
    probe = (
        "import sys\n"
        "from desktop_app.db.database import open_database\n"
        f"open_database({url!r}, create=False).dispose()\n"
        "print('alembic' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "False"


def test_an_older_database_still_goes_through_alembic(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    database = open_database(url)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'unknown-9999'")
    database.dispose()
    probe = (
        "from desktop_app.db.database import NewerDatabase, open_database\n"
        "try:\n"
        f"    open_database({url!r}, create=False)\n"
        "except NewerDatabase:\n"
        "    print('refused')\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "refused"
