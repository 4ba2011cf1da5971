"""``passerelle --leads`` on a shared server that is out of reach at start-up: with the
station's copy from an earlier session it opens offline from it, says so, and scans; with
no copy it says why in one sentence and opens nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import app as app_module
from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.admin.staff import sign_in
from desktop_app.services.leads.opening import open_station_link
from desktop_app.services.office import Office
from desktop_app.services.sync import shared_database
from desktop_app.ui.dialogs.start import StartChoice, StartDialog
from desktop_app.ui.i18n import Translations
from desktop_app.ui.leads import launcher as launcher_module
from desktop_app.ui.leads.launcher import LeadsLauncher
from desktop_app.ui.machine_settings import MachineSettings
from tests.services.leads_data import ALPHA, setup_leads
from tests.services.money_desk import MONTREAL

GONE = "postgresql://passerelle@127.0.0.1:9/passerelle"  # nothing listens there: refused


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MachineSettings:
    monkeypatch.setattr(shared_database, "data_directory", lambda: tmp_path)  # the copies
    made = MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    made.desk_name, made.event_slug = "Booth 12", MONTREAL  # as the last session left them
    return made


@pytest.fixture
def earlier_session(tmp_path: Path) -> Iterator[Database]:
    """The station ran here once while the server answered: its copy is on this computer."""
    server = open_database(sqlite_url(tmp_path / "server.sqlite3"))
    setup_leads(server.sessions)
    opened = open_station_link(sqlite_url(tmp_path / "server.sqlite3"), "Booth 12", MONTREAL)
    assert opened.link.mode == "shared"
    opened.dispose()
    yield server
    server.dispose()


def _launcher(settings: MachineSettings) -> LeadsLauncher:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app_module._leads_launcher(
        app, settings, Translations(app), url=GONE, demo=False, opened=[], server=GONE
    )


def test_out_of_reach_at_start_the_station_opens_offline_from_its_copy(
    qtbot: QtBot,
    settings: MachineSettings,
    earlier_session: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    offices: list[Office] = []

    def choose(*args: object, **_kw: object) -> StartChoice:
        office = args[2]
        assert isinstance(office, Office)
        offices.append(office)
        return StartChoice(MONTREAL, "Booth 12")

    monkeypatch.setattr(StartDialog, "ask", choose)
    monkeypatch.setattr(
        LeadsLauncher, "_sign_in", lambda self, _office: sign_in(self.sessions, *ALPHA)
    )  # the PIN is checked on the copy
    launcher = _launcher(settings)
    launcher.start()
    try:
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=30000)
        window = launcher.window
        assert window is not None
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.info is not None, timeout=10000)
        assert window.info is not None and window.info.exhibitor_name == "Alpha Biotech"
        assert MONTREAL in [event.slug for event in offices[0].events()]  # from the copy
        link = window.station.link
        assert link is not None and link.mode == "offline"
        assert "cannot be reached" in window.status.text()  # it says so
        window.scan("LEAD-ANA")
        qtbot.waitUntil(lambda: window.link_line.state.waiting == 1, timeout=10000)
        assert window.link_line.isVisible() and window.link_line.state.mode == "offline"
        assert window.table.item(0, 1).text() == "Ana Test"
        window.grab().save("/tmp/leads-started-offline.png")
    finally:
        if launcher.window is not None:
            launcher.window.close()
        launcher.shutdown()
    # Closed, it backed up its copy and, with it, the journal holding Ana's lead.
    backups = launcher.backups
    assert backups is not None and backups.last_folder is not None
    assert len(list(backups.last_folder.glob("passerelle-*.leads.sqlite3"))) == 1


def test_out_of_reach_at_start_without_a_copy_the_station_says_why(
    qtbot: QtBot, settings: MachineSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(launcher_module, "show_exception", lambda _p, error: shown.append(error))
    monkeypatch.setattr(StartDialog, "ask", lambda *_a, **_kw: pytest.fail("nothing to choose"))
    launcher = _launcher(settings)
    launcher.start()
    try:
        qtbot.waitUntil(lambda: bool(shown), timeout=30000)
        assert launcher.failed and launcher.window is None
        (error,) = shown
        assert "no copy of the event" in str(error) and "Booth 12" in str(error)
        assert "Traceback" not in str(error)
    finally:
        launcher.shutdown()
