"""Nothing a test, a demo or another database does lands in the real user's Passerelle
folders: backups stay next to the database they copy, and the suite's own per-user
folders are temporary (root conftest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from conftest import REAL_USER_FOLDERS, TEST_USER_ROOT
from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import data_directory, sqlite_url
from desktop_app.services.admin.backup import default_backup_directory
from desktop_app.ui.desk.backups import BackupScheduler
from desktop_app.ui.dialogs.backup_box import BackupSettingsBox
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker


def snapshot(folders: tuple[Path, ...]) -> set[tuple[str, int]]:
    return {
        (str(path), path.stat().st_mtime_ns)
        for folder in folders
        if folder.exists()
        for path in folder.rglob("*")
    }


def test_the_default_database_settings_and_backups_stay_out_of_the_real_home(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = snapshot(REAL_USER_FOLDERS)
    # No --db: the default database, its backups, and this machine's default settings.
    assert main(["demo", "--registrations", "20"]) == 0
    capsys.readouterr()
    assert main(["backup", "--json"]) == 0
    backup = Path(json.loads(capsys.readouterr().out)["path"])
    settings = MachineSettings()
    settings.desk_name = "Desk 9"
    settings.sync()

    assert snapshot(REAL_USER_FOLDERS) == before
    assert data_directory().is_relative_to(TEST_USER_ROOT)
    assert backup.parent == data_directory() / "backups" and backup.exists()
    assert Path(QSettings().fileName()).is_relative_to(TEST_USER_ROOT)


def test_backups_of_another_database_go_next_to_it(qtbot: QtBot, tmp_path: Path) -> None:
    database_file = tmp_path / "demo" / "demo.sqlite3"
    url = sqlite_url(database_file)
    open_database(url).dispose()
    settings = MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    writer = Worker(serial=True)
    scheduler = BackupScheduler(url, settings, writer)

    assert scheduler.backup_now()
    writer.wait(10000)
    qtbot.waitUntil(lambda: scheduler.last_success is not None, timeout=10000)

    assert scheduler.last_success is not None
    assert scheduler.last_success.path.parent == tmp_path / "demo" / "backups"
    assert default_backup_directory(url) == tmp_path / "demo" / "backups"
    # Settings show that folder without making it a choice that would follow other databases.
    box = BackupSettingsBox(settings)
    qtbot.addWidget(box)
    assert box.folder.text() == ""
    assert box.folder.placeholderText() == str(tmp_path / "demo" / "backups")
    box.save(settings)
    assert not settings.backup_folder_chosen
