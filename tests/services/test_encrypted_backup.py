"""Encrypted backups: a lost USB key holds nothing readable; the passphrase brings it back."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.domain.errors import Invalid
from desktop_app.services.admin.backup import backup_database, list_backups, restore_database
from desktop_app.services.demo import fill_demo
from desktop_app.services.reports import attendance_report

PASSPHRASE = "four words make it long"


@pytest.fixture
def desk(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    database = open_database(url)
    fill_demo(database.sessions, registrations=30, seed=2)
    database.dispose()
    return url


def test_an_encrypted_backup_round_trips_and_refuses_a_wrong_passphrase(
    desk: str, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    made = backup_database(desk, usb, passphrase=PASSPHRASE)
    assert made.path.name.endswith(".sqlite3.enc") and list_backups(usb) == [made.path]
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    data = made.path.read_bytes()
    assert b"SQLite format 3" not in data and b"forum-montreal-2027" not in data
    assert not list(usb.glob("*.part")) and not list(usb.glob("*.sqlite3"))

    (tmp_path / "restored").mkdir()  # a restore makes no folder a mistyped --db names
    target = sqlite_url(tmp_path / "restored" / "desk.sqlite3")
    with pytest.raises(Invalid, match="encrypted: give its passphrase"):
        restore_database(made.path, target)
    with pytest.raises(Invalid, match="passphrase is wrong"):
        restore_database(made.path, target, passphrase="not the right one")
    assert not (tmp_path / "restored" / "desk.sqlite3").exists()
    restored = restore_database(made.path, target, passphrase=PASSPHRASE)
    assert restored.restored_from == made.path
    database = open_database(target)
    try:
        assert attendance_report(database.sessions, "forum-montreal-2027").registered > 0
    finally:
        database.dispose()


def test_a_changed_byte_is_refused(desk: str, tmp_path: Path) -> None:
    made = backup_database(desk, tmp_path / "usb", passphrase=PASSPHRASE)
    data = bytearray(made.path.read_bytes())
    data[-5] ^= 0x01
    made.path.write_bytes(bytes(data))
    with pytest.raises(Invalid, match="damaged"):
        restore_database(made.path, sqlite_url(tmp_path / "r.sqlite3"), passphrase=PASSPHRASE)


def test_the_commands_ask_for_the_passphrase(
    desk: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["backup", "--encrypt", "--to", str(usb), "--db", desk]) == 1
    assert "at least 10 characters" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["backup", "--encrypt", "--to", str(usb), "--db", desk]) == 0
    [sealed] = list_backups(usb)
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong passphrase here\n"))
    target = str(tmp_path / "new.sqlite3")
    assert main(["restore", str(sealed), "--db", target]) == 1
    assert "passphrase is wrong" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    assert main(["restore", str(sealed), "--db", target]) == 0
