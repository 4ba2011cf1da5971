"""A restore checks the whole schema, not only the Alembic stamp (#15 item 8)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.database import head_revision, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.admin.backup import backup_database
from tests.demo_copies import copy_demo


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    database = open_database(sqlite_url(path))
    copy_demo(database, registrations=20, seed=3)
    database.dispose()
    return path


def _backup(desk: Path, tmp_path: Path) -> Path:
    return backup_database(sqlite_url(desk), tmp_path / "usb").path


def _refused(desk: Path, file: Path, capsys: pytest.CaptureFixture[str], *expected: str) -> None:
    before = desk.read_bytes()
    assert main(["restore", str(file), "--db", str(desk)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("passerelle: ") and "Traceback" not in err
    for word in expected:
        assert word in err, err
    assert desk.read_bytes() == before  # the desk's database untouched
    assert not list(desk.parent.glob("*.before-restore-*"))
    assert main(["events", "list", "--db", str(desk)]) == 0  # and still works


def test_a_file_with_only_the_stamp_is_refused(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stamp_only = tmp_path / "stamp-only.sqlite3"
    with sqlite3.connect(stamp_only) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (head_revision(),))
    connection.close()
    _refused(desk, stamp_only, capsys, "associations", "audit_entries")


def test_a_file_missing_one_column_is_refused_and_the_column_named(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = _backup(desk, tmp_path)
    with sqlite3.connect(backup) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.execute("DROP INDEX IF EXISTS ix_registrations_notes")
        connection.execute("ALTER TABLE registrations DROP COLUMN notes")
    connection.close()
    _refused(desk, backup, capsys, "registrations.notes")


def test_a_file_with_a_broken_link_is_refused(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = _backup(desk, tmp_path)
    with sqlite3.connect(backup) as connection:  # foreign keys are off by default here
        connection.execute("UPDATE registrations SET event_id = 9999 WHERE id = 1")
    connection.close()
    _refused(desk, backup, capsys, "registrations", "events")


def test_a_whole_backup_still_restores(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = _backup(desk, tmp_path)
    copy = tmp_path / "kept.sqlite3"
    shutil.copyfile(backup, copy)
    assert main(["restore", str(copy), "--db", str(desk)]) == 0
    assert "Restored" in capsys.readouterr().out


def test_a_restore_never_opens_or_replaces_a_pipe_named_by_db(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = _backup(desk, tmp_path)
    pipe = tmp_path / "pipe.sqlite3"
    os.mkfifo(pipe)
    codes: list[int] = []
    # Opening a FIFO waits for a writer: run it aside so a regression fails, not hangs.
    runner = threading.Thread(
        target=lambda: codes.append(main(["restore", str(backup), "--db", str(pipe)])),
        daemon=True,
    )
    runner.start()
    runner.join(timeout=30)
    assert codes == [1], "restore waited on the pipe"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a database file" in err  # not "disk I/O error"
    assert stat.S_ISFIFO(pipe.stat().st_mode)
