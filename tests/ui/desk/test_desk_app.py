"""The composition root: open the database, start (event, desk), sign in, then the desk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import DEMO_PIN, DEMO_SUPERVISOR, DeskLauncher, open_for_gui
from desktop_app.db.engine import sqlite_url
from desktop_app.services.admin.staff import StaffMember, sign_in
from desktop_app.ui.dialogs.start import StartChoice, StartDialog
from desktop_app.ui.i18n import Translations
from desktop_app.ui.machine_settings import MachineSettings


@pytest.fixture
def app() -> Iterator[QApplication]:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    yield instance
    instance.setQuitOnLastWindowClosed(True)


def test_start_then_sign_in_opens_the_desk_on_the_chosen_event(
    qtbot: QtBot, app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    launcher = DeskLauncher(
        app, settings, Translations(app), url=sqlite_url(tmp_path / "demo.sqlite3"), demo=True
    )
    offered: list[str | None] = []

    def start(*_args: object, **_kwargs: object) -> StartChoice:
        offered.append(settings.event_slug)  # the demo event comes preselected
        return StartChoice("forum-montreal-2027", "Desk 9")

    signed: list[bool] = []

    def sign_in_as_demo(_self: DeskLauncher, database: object) -> StaffMember:
        signed.append(True)
        return sign_in(launcher.shift.database.sessions, DEMO_SUPERVISOR, DEMO_PIN)  # type: ignore[union-attr]

    monkeypatch.setattr(StartDialog, "ask", start)
    monkeypatch.setattr(DeskLauncher, "_sign_in", sign_in_as_demo)
    launcher.start()
    try:
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=60000)
        window = launcher.window
        assert window is not None
        qtbot.addWidget(window)
        assert offered == ["forum-montreal-2027"] and signed == [True]
        assert window.header.event_label.text() == "BIOQuébec–LSO Joint Forum 2027"
        assert "Desk 9" in window.header.where.text()
        assert "Demo (supervisor)" in window.header.where.text()
        qtbot.waitUntil(lambda: window.header.counts is not None, timeout=10000)
        assert window.header.counts is not None and window.header.counts.expected > 1000
        assert window.buttons["staff"].isVisibleTo(window)
        # A desk on its own database searches and reads cards in a process of its own (#16).
        process = launcher.search_process
        assert process is not None and window.context.reads is process
        qtbot.waitUntil(lambda: bool(process.search("Tremblay")) and process.in_use, timeout=60000)
        window.search.field.setText("Tremblay")
        qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=10000)
        qtbot.waitUntil(lambda: window.flows.card is not None, timeout=10000)
        first = window.search.model.hit(0)
        assert first is not None and window.flows.card.registration_id == first.registration_id
    finally:
        if launcher.window is not None:
            launcher.window.header.stop()
            launcher.window.close()
        launcher.shutdown()
        if launcher.shift is not None:
            launcher.shift.database.dispose()


def test_the_demo_database_has_a_demo_supervisor(tmp_path: Path) -> None:
    database = open_for_gui(sqlite_url(tmp_path / "demo.sqlite3"), demo=True)
    try:
        member = sign_in(database.sessions, DEMO_SUPERVISOR, DEMO_PIN)
        assert member.role == "supervisor"
    finally:
        database.dispose()
