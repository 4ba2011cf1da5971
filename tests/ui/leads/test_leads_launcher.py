"""``passerelle --demo --leads``: the demo's booth signs in and its station scans."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app import app as app_module
from desktop_app.db.database import Database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Event, Registration
from desktop_app.services.admin.staff import StaffMember, sign_in
from desktop_app.services.leads.demo import DEMO_PIN, DEMO_STAFF, add_demo_station
from desktop_app.services.leads.station import ScanOutcome
from desktop_app.ui.dialogs.start import StartChoice, StartDialog
from desktop_app.ui.i18n import Translations
from desktop_app.ui.leads.launcher import LeadsLauncher
from desktop_app.ui.machine_settings import MachineSettings


def test_the_demo_booth_signs_in_and_its_station_keeps_only_consenting_people(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(app_module, "DEMO_REGISTRATIONS", 30)
    settings = MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    opened: list[Database] = []
    launcher = app_module._leads_launcher(
        app,
        settings,
        Translations(app),
        url=sqlite_url(tmp_path / "demo.sqlite3"),
        demo=True,
        opened=opened,
    )

    def sign_in_as_booth(self: LeadsLauncher, _office: object) -> StaffMember:
        assert self.sessions is not None
        return sign_in(self.sessions, DEMO_STAFF, DEMO_PIN)

    monkeypatch.setattr(
        StartDialog, "ask", lambda *_a, **_kw: StartChoice(app_module.DEMO_EVENT, "B")
    )
    monkeypatch.setattr(LeadsLauncher, "_sign_in", sign_in_as_booth)
    launcher.start()
    try:
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=60000)
        window = launcher.window
        assert window is not None
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.info is not None, timeout=10000)
        assert window.info is not None and window.info.exhibitor == "demo-booth"
        with opened[0].sessions() as session:  # demo: two people in three said yes
            codes = session.execute(
                select(Registration.code, Registration.person_id)
                .join(Event, Event.id == Registration.event_id)
                .where(Event.slug == app_module.DEMO_EVENT)
                .order_by(Registration.id)
            ).all()
        agreed = next(code for code, person in codes if person % 3)
        refused = next(code for code, person in codes if not person % 3)
        outcomes = []
        for code in (agreed, refused):
            window._last_result = None
            window.scan(code)
            qtbot.waitUntil(lambda: window._last_result is not None, timeout=5000)
            assert window._last_result is not None
            outcomes.append(window._last_result.outcome)
        assert outcomes == [ScanOutcome.SAVED, ScanOutcome.REFUSED]
        qtbot.waitUntil(lambda: window.table.rowCount() == 1, timeout=5000)
    finally:
        if launcher.window is not None:
            launcher.window.close()
        launcher.shutdown()
        for database in opened:
            database.dispose()


def test_an_exhibitor_account_is_sent_to_the_lead_station_not_the_desk(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(app_module, "DEMO_REGISTRATIONS", 20)
    settings = MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    launcher = app_module.DeskLauncher(
        app, settings, Translations(app), url=sqlite_url(tmp_path / "demo.sqlite3"), demo=True
    )
    warned: list[str] = []
    tries: list[StaffMember] = []

    def sign_in_twice(self: app_module.DeskLauncher, database: Database) -> StaffMember | None:
        if not tries:  # first the booth's account, then the user gives up
            supervisor = sign_in(database.sessions, app_module.DEMO_SUPERVISOR, "1234")
            add_demo_station(database.sessions, app_module.DEMO_EVENT, by=supervisor)
            tries.append(sign_in(database.sessions, DEMO_STAFF, DEMO_PIN))
            return tries[0]
        return None

    monkeypatch.setattr(
        StartDialog, "ask", lambda *_a, **_kw: StartChoice(app_module.DEMO_EVENT, "D")
    )
    monkeypatch.setattr(app_module.DeskLauncher, "_sign_in", sign_in_twice)
    monkeypatch.setattr(
        app_module.QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text)
    )
    quit_called: list[bool] = []
    monkeypatch.setattr(app, "quit", lambda: quit_called.append(True))
    launcher.start()
    try:
        qtbot.waitUntil(lambda: bool(quit_called), timeout=60000)
        assert launcher.window is None  # the desk never opened for the booth
        assert len(warned) == 1 and "--leads" in warned[0]
    finally:
        launcher.shutdown()
        if launcher.shift is not None:
            launcher.shift.database.dispose()


def test_on_a_shared_server_the_station_goes_through_a_link_and_scans_offline(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.db.database import open_database
    from desktop_app.services.sync import shared_database
    from tests.services.leads_data import ALPHA, setup_leads
    from tests.services.money_desk import MONTREAL

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    server_url = sqlite_url(tmp_path / "server.sqlite3")  # stands for the shared server
    server = open_database(server_url)
    setup_leads(server.sessions)
    monkeypatch.setattr(shared_database, "data_directory", lambda: tmp_path)  # the replica
    settings = MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    opened: list[Database] = []
    launcher = app_module._leads_launcher(
        app, settings, Translations(app), url=server_url, demo=False, opened=opened,
        server=server_url,
    )  # fmt: skip
    monkeypatch.setattr(StartDialog, "ask", lambda *_a, **_kw: StartChoice(MONTREAL, "Booth 12"))
    monkeypatch.setattr(
        LeadsLauncher, "_sign_in", lambda self, _office: sign_in(server.sessions, *ALPHA)
    )
    launcher.start()
    try:
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=30000)
        window = launcher.window
        assert window is not None
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.info is not None, timeout=10000)
        link = window.station.link
        assert link is not None and link.mode == "shared" and link.desk == "Booth 12"
        link.work_offline("test")
        window.scan("LEAD-ANA")
        qtbot.waitUntil(lambda: window.link_line.state.waiting == 1, timeout=5000)
        assert window.link_line.isVisible()
    finally:
        if launcher.window is not None:
            launcher.window.close()
        launcher.shutdown()
        for database in opened:
            database.dispose()
        server.dispose()
