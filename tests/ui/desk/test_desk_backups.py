"""Automatic backups: every few minutes (here about a second) and at close, the last K kept;
a pulled USB key shows a warning in the header, never a dialog; a shared database is not copied."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.admin.backup import list_backups
from tests.ui.desk.desk_harness import Desk, fill, make_desk


@pytest.fixture
def filled(database: Database) -> Database:
    fill(database, registrations=20)
    return database


def open_desk(qtbot: QtBot, database: Database, tmp_path: Path, interval_ms: int) -> Desk:
    desk = make_desk(database, tmp_path / "desk.ini", backup_interval_ms=interval_ms)
    qtbot.addWidget(desk.window)
    return desk


@pytest.fixture
def closing() -> Iterator[list[Desk]]:
    desks: list[Desk] = []
    yield desks
    for desk in desks:
        desk.close()


def backups_done(desk: Desk) -> int:
    scheduler = desk.window.backups
    return 0 if scheduler.last_success is None else len(list_backups(scheduler.last_folder))


def test_backups_every_interval_keep_the_last_k_and_show_the_time(
    qtbot: QtBot, filled: Database, tmp_path: Path, closing: list[Desk]
) -> None:
    if not filled.is_sqlite:
        pytest.skip("a shared database is backed up on its server")
    # Backup names carry the second; a second backup within one second sorts first by
    # name and rotation would remove it (reported on services/backup), so 1.1 s apart.
    desk = open_desk(qtbot, filled, tmp_path, interval_ms=1100)
    closing.append(desk)
    settings = desk.context.settings
    settings.backup_keep = 2
    folder = tmp_path / "usb-key"
    settings.backup_folder = folder
    label = desk.window.header.backup_label
    assert label.isVisible()
    assert "no backup yet" in label.text()

    taken: list[object] = []
    desk.window.backups.changed.connect(lambda: taken.append(desk.window.backups.last_success))
    qtbot.waitUntil(lambda: len([t for t in taken if t is not None]) >= 3, timeout=20000)

    kept = list_backups(folder)
    assert len(kept) == 2  # the oldest went
    newest = kept[-1]
    with sqlite3.connect(newest) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM registrations").fetchone()[0] >= 20
    assert "last backup " in label.text()
    success = desk.window.backups.last_success_at
    assert success is not None
    assert success.astimezone().strftime("%H:%M") in label.text()
    assert str(folder) in label.toolTip()


def test_a_missing_usb_key_warns_in_the_header_and_the_next_backup_recovers(
    qtbot: QtBot, filled: Database, tmp_path: Path, closing: list[Desk]
) -> None:
    if not filled.is_sqlite:
        pytest.skip("a shared database is backed up on its server")
    desk = open_desk(qtbot, filled, tmp_path, interval_ms=150)
    closing.append(desk)
    scheduler = desk.window.backups
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("the USB key is gone")
    desk.context.settings.backup_folder = blocker / "backups"  # cannot be created
    label = desk.window.header.backup_label

    qtbot.waitUntil(lambda: scheduler.last_error is not None, timeout=10000)
    assert "backup failed" in label.text()
    assert "not-a-folder" in label.toolTip()
    failures = 0

    def count() -> None:
        nonlocal failures
        failures += scheduler.last_error is not None

    scheduler.changed.connect(count)
    qtbot.waitUntil(lambda: failures >= 2, timeout=10000)  # it keeps trying, quietly
    assert QApplication.activeModalWidget() is None  # no dialog storm
    assert desk.window.search.field.isEnabled()

    desk.context.settings.backup_folder = tmp_path / "usb-key"
    qtbot.waitUntil(lambda: scheduler.last_error is None and backups_done(desk) > 0, timeout=10000)
    assert "last backup " in label.text()


def test_closing_the_desk_takes_a_backup(qtbot: QtBot, filled: Database, tmp_path: Path) -> None:
    desk = open_desk(qtbot, filled, tmp_path, interval_ms=3_600_000)
    folder = tmp_path / "backups"
    assert list_backups(folder) == []
    desk.close()  # closes the window and waits for the writer
    if filled.is_sqlite:
        assert len(list_backups(folder)) == 1
    else:
        assert list_backups(folder) == []
        assert not desk.window.header.backup_label.isVisibleTo(desk.window)


def test_no_backup_of_a_shared_database(
    qtbot: QtBot, filled: Database, tmp_path: Path, closing: list[Desk]
) -> None:
    if filled.is_sqlite:
        pytest.skip("about a shared PostgreSQL database")
    desk = open_desk(qtbot, filled, tmp_path, interval_ms=50)
    closing.append(desk)
    assert not desk.window.backups.enabled
    assert not desk.window.backups.timer.isActive()
    assert not desk.window.header.backup_label.isVisible()
    assert desk.window.backups.backup_now() is False
