"""The database, its journals, its backups and restores are the owner's only (0600 in 0700)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.admin.backup import backup_database, restore_database
from desktop_app.services.demo import fill_demo

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="POSIX modes; on Windows the per-user data folder is private"
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_its_journals_and_its_backups_are_owner_only(tmp_path: Path) -> None:
    os.umask(0o022)  # a laptop's usual umask: files would be readable by every account
    folder = tmp_path / "new" / "passerelle"
    database = open_database(sqlite_url(folder / "desk.sqlite3"))
    try:
        fill_demo(database.sessions, registrations=5)
        assert mode(folder) == 0o700 and mode(folder.parent) == 0o700
        assert mode(folder / "desk.sqlite3") == 0o600
        journals = [p for p in folder.iterdir() if p.name.endswith(("-wal", "-shm"))]
        assert journals and all(mode(p) == 0o600 for p in journals)
        made = backup_database(database.url, tmp_path / "usb" / "backups")
    finally:
        database.dispose()
    assert mode(made.path) == 0o600 and mode(made.path.parent) == 0o700
    (tmp_path / "restored").mkdir()  # a restore makes no folder a mistyped --db names
    restored = restore_database(made.path, sqlite_url(tmp_path / "restored" / "desk.sqlite3"))
    assert mode(restored.database) == 0o600


def test_an_existing_readable_database_is_made_owner_only(tmp_path: Path) -> None:
    chosen = tmp_path / "Documents"
    chosen.mkdir(mode=0o755)
    chosen.chmod(0o755)
    path = chosen / "old.sqlite3"
    open_database(sqlite_url(path)).dispose()
    path.chmod(0o644)  # as an older Passerelle left it
    open_database(sqlite_url(path)).dispose()
    assert mode(path) == 0o600
    assert mode(chosen) == 0o755  # a folder the user chose is not changed
