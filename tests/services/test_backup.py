"""Backups are consistent, checked and rotated; a restore refuses damaged or foreign files."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Registration
from desktop_app.domain.errors import Invalid
from desktop_app.services.admin.backup import backup_database, list_backups, restore_database
from tests.demo_copies import copy_demo


def _registrations(url: str) -> int:
    database = open_database(url)
    try:
        with database.sessions() as session:
            return int(session.scalar(select(func.count()).select_from(Registration)) or 0)
    finally:
        database.dispose()


@pytest.fixture
def desk_db(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    database = open_database(url)
    copy_demo(database, registrations=50, seed=3)
    database.dispose()
    return url


def test_a_backup_is_a_checked_copy_that_opens_with_the_same_data(
    desk_db: str, tmp_path: Path
) -> None:
    result = backup_database(desk_db, tmp_path / "usb")
    assert result.path.parent == tmp_path / "usb"
    assert result.size > 0
    assert not list((tmp_path / "usb").glob("*.part"))
    assert _registrations(sqlite_url(result.path)) == _registrations(desk_db) == 50


def test_a_backup_is_one_self_contained_file_also_after_a_restore_reads_it(
    desk_db: str, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    backup = backup_database(desk_db, folder).path
    # No -wal/-shm (nor .part-wal/.part-shm) beside it: copying the one file copies it all,
    # and checking it needs no write access to its folder.
    assert sorted(p.name for p in folder.iterdir()) == [backup.name]
    restore_database(backup, desk_db)
    assert sorted(p.name for p in folder.iterdir()) == [backup.name]
    assert _registrations(desk_db) == 50


def test_only_the_newest_backups_are_kept(desk_db: str, tmp_path: Path) -> None:
    start = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    folder = tmp_path / "usb"
    (folder).mkdir()
    (folder / "notes.txt").write_text("not a backup")
    paths = [
        backup_database(desk_db, folder, keep=3, at=start + timedelta(minutes=i)).path
        for i in range(5)
    ]
    assert list_backups(folder) == paths[2:]
    assert (folder / "notes.txt").exists()


def _noted(url: str) -> int:
    database = open_database(url)
    try:
        with database.sessions() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(Registration)
                    .where(Registration.notes == "after the backup")
                )
                or 0
            )
    finally:
        database.dispose()


def test_restore_brings_back_the_data_and_keeps_what_it_replaced(
    desk_db: str, tmp_path: Path
) -> None:
    backup = backup_database(desk_db, tmp_path / "usb").path
    database = open_database(desk_db)
    with database.sessions.begin() as session:
        session.execute(update(Registration).values(notes="after the backup"))
    database.dispose()
    assert _noted(desk_db) == 50

    result = restore_database(backup, desk_db)

    assert _noted(desk_db) == 0
    assert _registrations(desk_db) == 50
    assert result.previous_kept_at is not None
    assert _noted(sqlite_url(result.previous_kept_at)) == 50


def test_a_damaged_backup_is_refused_and_the_database_is_untouched(
    desk_db: str, tmp_path: Path
) -> None:
    backup = backup_database(desk_db, tmp_path / "usb").path
    data = bytearray(backup.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 6 * page)):
        data[offset] = 0x5A  # scribble over b-tree pages
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(bytes(data))

    with pytest.raises(Invalid, match="damaged"):
        restore_database(damaged, desk_db)
    assert _registrations(desk_db) == 50


def test_files_that_are_not_passerelle_backups_are_refused(desk_db: str, tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello")
    with pytest.raises(Invalid, match="damaged"):
        restore_database(text, desk_db)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.close()
    with pytest.raises(Invalid, match="not a Passerelle database"):
        restore_database(other, desk_db)
    assert _registrations(desk_db) == 50


def test_a_shared_postgresql_database_is_not_backed_up_here() -> None:
    with pytest.raises(Invalid, match="pg_dump"):
        backup_database("postgresql://desk@venue-server/passerelle")


def test_backup_and_restore_commands(
    desk_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", desk_db, "backup", "--to", str(tmp_path / "usb"), "--json"]) == 0
    written = json.loads(capsys.readouterr().out)
    assert Path(written["path"]).exists()
    assert main(["--db", desk_db, "restore", written["path"], "--json"]) == 0
    restored = json.loads(capsys.readouterr().out)
    assert restored["revision"]
    assert main(["--db", desk_db, "restore", str(tmp_path / "missing.sqlite3")]) == 1
    assert "There is no file" in capsys.readouterr().err


def test_backups_taken_in_the_same_second_rotate_oldest_first(desk_db: str, tmp_path: Path) -> None:
    moment = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    folder = tmp_path / "usb"
    paths = [backup_database(desk_db, folder, keep=2, at=moment).path for _ in range(3)]
    assert list_backups(folder) == paths[1:]


def test_a_killed_backups_leftovers_go_at_the_next_backup(desk_db: str, tmp_path: Path) -> None:
    import os
    import time

    from desktop_app.services.admin.backup import STALE_PART_S

    folder = tmp_path / "usb"
    folder.mkdir()
    old = folder / "passerelle-20261205-101010.sqlite3.part"  # a kill in the middle
    old.write_bytes(b"x" * 1000)
    long_ago = time.time() - STALE_PART_S - 60
    os.utime(old, (long_ago, long_ago))
    fresh = folder / "passerelle-20261205-101011.sqlite3.part"  # another backup, writing now
    fresh.write_bytes(b"y")
    other = folder / "holiday.part"  # not ours
    other.write_bytes(b"z")
    os.utime(other, (long_ago, long_ago))
    made = backup_database(desk_db, folder)
    assert made.stale_parts == (old,)
    assert not old.exists() and fresh.exists() and other.exists()
