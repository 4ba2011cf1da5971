"""The events window: counts from the database, model checked, French and English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.demo import fill_demo
from desktop_app.ui.i18n import Translations
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.worker import Worker


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(sqlite_url(tmp_path / "demo.sqlite3"))
    fill_demo(database.sessions, registrations=200, seed=3)
    yield database
    database.dispose()


def test_window_shows_events_and_switches_language(qtbot: QtBot, demo_db: Database) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    translations.switch("en")
    worker = Worker(serial=True)
    window = MainWindow(worker, translations.switch)
    qtbot.addWidget(window)
    window.show()
    window.set_database(demo_db, "demo")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
    ModelTester(None).check(window.model)
    assert window.model.index(0, 0).data() == "BIOQuébec–LSO Joint Forum 2027"
    total = sum(int(window.model.index(r, 3).data().replace("\u202f", "")) for r in range(2))
    assert 150 < total <= 200  # cancelled registrations are not counted
    assert window.title.text() == "Events"

    window.french.click()
    qtbot.waitUntil(lambda: window.title.text() == "Événements", timeout=2000)
    assert window.model.index(0, 0).data() == "Forum conjoint BIOQuébec–LSO 2027"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Événement"
    assert "2 événements" in window.status.text()

    window.english.click()
    qtbot.waitUntil(lambda: window.title.text() == "Events", timeout=2000)
    window.timer.stop()
    worker.wait(5000)
