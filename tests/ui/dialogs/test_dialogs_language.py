"""The start and sign-in dialogs, shown before the desk, have the FR | EN switch too: it
turns the whole application's language at once and keeps what was typed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.app import switch_language
from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.admin.staff import create_staff
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.login import LoginDialog
from desktop_app.ui.dialogs.start import StartDialog
from desktop_app.ui.i18n import Translations
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker
from tests.demo_copies import copy_demo


@pytest.fixture
def worker() -> Iterator[Worker]:
    worker = Worker(serial=True)
    yield worker
    worker.wait(5000)


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(sqlite_url(tmp_path / "demo.sqlite3"))
    copy_demo(database, registrations=20, seed=5)
    yield database
    database.dispose()


class Choices:
    """As the launcher does: switch the application's language, and remember it."""

    def __init__(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.translations = Translations(app)
        self.chosen: list[str] = []

    def __call__(self, language: str) -> None:
        switch_language(self.translations, language)
        self.chosen.append(language)


@pytest.fixture
def choose() -> Iterator[Choices]:
    choices = Choices()
    yield choices
    switch_language(choices.translations, "en")  # the next test starts in English


def test_the_start_dialog_switches_to_french_and_keeps_the_desk_name(
    qtbot: QtBot, worker: Worker, demo_db: Database, tmp_path: Path, choose: Choices
) -> None:
    settings = MachineSettings(QSettings(str(tmp_path / "d.ini"), QSettings.Format.IniFormat))
    dialog = StartDialog(None, worker, Office(demo_db.sessions), settings, choose_language=choose)
    qtbot.addWidget(dialog)
    dialog.desk.setText("Accueil 3")
    assert dialog.language_switch is not None
    assert dialog.intro.text().startswith("Choose the event")

    dialog.language_switch.french.click()
    QApplication.processEvents()

    assert choose.chosen == ["fr"]
    assert dialog.intro.text().startswith("Choisissez l'événement")
    assert dialog.desk.text() == "Accueil 3"
    assert dialog.language_switch.french.isChecked()


def test_the_sign_in_dialog_switches_language_and_keeps_the_name(
    qtbot: QtBot, worker: Worker, demo_db: Database, choose: Choices
) -> None:
    create_staff(demo_db.sessions, "Marie Roy", "246810", "supervisor", by=None)
    dialog = LoginDialog(None, worker, Office(demo_db.sessions), choose_language=choose)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Sign in" in dialog.intro.text(), timeout=5000)
    dialog.name.setText("Marie")
    assert dialog.language_switch is not None
    dialog.language_switch.french.click()
    QApplication.processEvents()
    assert dialog.intro.text().startswith("Connectez-vous")
    assert dialog.name.text() == "Marie"
    dialog.language_switch.english.click()
    QApplication.processEvents()
    assert dialog.intro.text().startswith("Sign in")
