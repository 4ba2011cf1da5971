"""The application's start and end: a database that cannot be opened is said and ends the
process with a non-zero code; the demo leaves no folder behind."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app import app as app_module
from desktop_app.db.engine import sqlite_url
from desktop_app.services.admin.staff import StaffMember, sign_in
from desktop_app.ui.dialogs.start import StartChoice, StartDialog
from desktop_app.ui.i18n import Translations
from desktop_app.ui.machine_settings import MachineSettings


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[QApplication]:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    interval = sys.getswitchinterval()
    # run_gui reads this machine's settings: keep them in the test's folder.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path))
    yield instance
    sys.setswitchinterval(interval)
    instance.setQuitOnLastWindowClosed(True)


def visible_boxes() -> list[QMessageBox]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox) and widget.isVisible()
    ]


def test_a_database_that_cannot_be_opened_is_said_and_the_exit_code_is_not_zero(
    qtbot: QtBot, app: QApplication, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("these are my notes, not a database\n" * 50)
    seen: list[str] = []

    def close_the_box() -> None:
        boxes = visible_boxes()
        if boxes:
            seen.append(boxes[0].text())
            boxes[0].accept()
        else:
            QTimer.singleShot(50, close_the_box)

    QTimer.singleShot(50, close_the_box)
    QTimer.singleShot(30000, app.quit)  # never hang the suite
    code = app_module.run_gui(database=sqlite_url(bad), demo=False, language="en")
    assert len(seen) == 1, "no message was shown"
    assert seen[0]  # the reason, in words
    assert code != 0


def test_a_mistyped_db_is_said_and_nothing_is_created(
    qtbot: QtBot, app: QApplication, tmp_path: Path
) -> None:
    typo = tmp_path / "evnets" / "desk.sqlite3"
    seen: list[str] = []

    def close_the_box() -> None:
        boxes = visible_boxes()
        if boxes:
            seen.append(boxes[0].text())
            boxes[0].accept()
        else:
            QTimer.singleShot(50, close_the_box)

    QTimer.singleShot(50, close_the_box)
    QTimer.singleShot(30000, app.quit)  # never hang the suite
    code = app_module.run_gui(database=str(typo), demo=False, language="en")
    assert len(seen) == 1 and str(typo) in seen[0]
    assert code != 0
    assert not typo.parent.exists()


@pytest.mark.parametrize(
    ("url", "named", "allowed"),
    [
        ("sqlite:////tmp/evnets/desk.sqlite3", True, False),  # --db FILE: must exist
        ("sqlite:////home/u/.local/share/Passerelle/passerelle.sqlite3", False, True),
        ("postgresql+psycopg://desk@venue/passerelle", True, True),  # first desk: tables
        ("://nowhere", True, False),
    ],
)
def test_which_starts_may_make_the_database(url: str, named: bool, allowed: bool) -> None:
    assert app_module._may_create(url, named=named) is allowed


def test_the_demo_folder_is_removed_when_the_app_ends(
    qtbot: QtBot, app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[Path] = []
    real_mkdtemp = tempfile.mkdtemp

    def mkdtemp(prefix: str = "") -> str:
        folder = real_mkdtemp(prefix=prefix, dir=tmp_path)
        made.append(Path(folder))
        return folder

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    monkeypatch.setattr(app_module, "DEMO_REGISTRATIONS", 20)
    monkeypatch.setattr(StartDialog, "ask", lambda *_args, **_kw: None)  # the user closes the start
    QTimer.singleShot(60000, app.quit)
    code = app_module.run_gui(database=None, demo=True, language="en")
    assert code == 0
    assert len(made) == 1
    assert not made[0].exists()


def test_after_sign_in_the_keyboard_is_in_the_desk_search_field(
    qtbot: QtBot, app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Offscreen activates every shown window; under Xvfb (QT_QPA_PLATFORM=xcb) the desk stayed
    # inactive after the sign-in dialog closed until it raised and activated itself.
    monkeypatch.setattr(app_module, "DEMO_REGISTRATIONS", 20)
    settings = MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    launcher = app_module.DeskLauncher(
        app, settings, Translations(app), url=sqlite_url(tmp_path / "demo.sqlite3"), demo=True
    )

    def sign_in_as_demo(_self: app_module.DeskLauncher, _database: object) -> StaffMember:
        assert launcher.shift is not None
        return sign_in(launcher.shift.database.sessions, app_module.DEMO_SUPERVISOR, "1234")

    monkeypatch.setattr(
        StartDialog, "ask", lambda *_a, **_kw: StartChoice("forum-montreal-2027", "D")
    )
    monkeypatch.setattr(app_module.DeskLauncher, "_sign_in", sign_in_as_demo)
    launcher.start()
    try:
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=60000)
        window = launcher.window
        assert window is not None
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        assert QApplication.focusWidget() is window.search.field
    finally:
        if launcher.window is not None:
            launcher.window.header.stop()
            launcher.window.close()
        launcher.shutdown()
        if launcher.shift is not None:
            launcher.shift.database.dispose()
