"""The start dialog lists the events, remembers the desk, and says when there is none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.start import SLUG_ROLE, StartChoice, StartDialog
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker
from tests.demo_copies import copy_demo


@pytest.fixture
def worker() -> Iterator[Worker]:
    worker = Worker(serial=True)
    yield worker
    worker.wait(5000)


@pytest.fixture
def settings(tmp_path: Path) -> MachineSettings:
    return MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(sqlite_url(tmp_path / "demo.sqlite3"))
    copy_demo(database, registrations=40, seed=5)
    yield database
    database.dispose()


def test_lists_events_and_remembers_the_choice(
    qtbot: QtBot, worker: Worker, settings: MachineSettings, demo_db: Database
) -> None:
    settings.desk_name = "Desk 2"
    dialog = StartDialog(None, worker, Office(demo_db.sessions), settings)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.events.count() == 2, timeout=5000)
    texts = [dialog.events.item(row).text() for row in range(2)]
    assert any("Joint Forum 2027" in text for text in texts)
    assert dialog.desk.text() == "Desk 2"

    dialog.events.setCurrentRow(1)
    slug = dialog.events.currentItem().data(SLUG_ROLE)
    dialog.desk.setText("  Accueil   principal ")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    choice = dialog.choice()
    assert choice == StartChoice(event_slug=slug, desk_name="Accueil principal")
    ok.click()
    assert settings.desk_name == "Accueil principal"
    assert settings.event_slug == slug

    # Next time, the last event comes preselected.
    again = StartDialog(None, worker, Office(demo_db.sessions), settings)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.events.count() == 2, timeout=5000)
    assert again.choice() == choice


def test_a_desk_needs_a_name(
    qtbot: QtBot, worker: Worker, settings: MachineSettings, demo_db: Database
) -> None:
    dialog = StartDialog(None, worker, Office(demo_db.sessions), settings)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.events.count() == 2, timeout=5000)
    dialog.desk.setText("   ")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.choice() is None


def test_an_empty_database_says_how_to_add_an_event(
    qtbot: QtBot, worker: Worker, settings: MachineSettings, tmp_path: Path
) -> None:
    database = open_database(sqlite_url(tmp_path / "empty.sqlite3"))
    try:
        dialog = StartDialog(None, worker, Office(database.sessions), settings)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: "passerelle events import" in dialog.status.text(), timeout=5000)
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    finally:
        worker.wait(5000)
        database.dispose()
