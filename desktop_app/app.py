"""Composition root: builds the settings, database and services, hands each widget its part."""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import resolve_database_url, sqlite_path, sqlite_url
from desktop_app.services.demo import fill_demo
from desktop_app.ui.i18n import Translations, system_language
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.worker import Worker

log = logging.getLogger(__name__)


def open_for_gui(url: str, demo: bool) -> Database:
    """Open (and for the demo, fill) the database; runs on a worker thread."""
    database = open_database(url)
    if demo:
        fill_demo(database.sessions)
    return database


def describe(url: str) -> str:
    """Where the data lives, for the status line."""
    path = sqlite_path(url)
    return str(path) if path else url.split("@")[-1]


def run_gui(*, database: str | None, demo: bool, language: str | None) -> int:
    """Start the desk application; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("Passerelle")
    QCoreApplication.setApplicationName("Passerelle")
    QCoreApplication.setApplicationVersion(__version__)
    settings = QSettings()
    translations = Translations(app)
    chosen = language or str(settings.value("language", "") or "") or system_language()
    translations.switch(chosen)

    def switch(lang: str) -> None:
        translations.switch(lang)
        settings.setValue("language", lang)

    if demo:
        folder = Path(tempfile.mkdtemp(prefix="passerelle-demo-"))
        url = sqlite_url(folder / "demo.sqlite3")
    else:
        url = resolve_database_url(database)

    worker = Worker(serial=True)
    window = MainWindow(worker, switch)
    window.show()
    window.set_status(
        QCoreApplication.translate("MainWindow", "Preparing demo data…")
        if demo
        else QCoreApplication.translate("MainWindow", "Opening the database…")
    )
    worker.submit(
        lambda: open_for_gui(url, demo),
        lambda db: window.set_database(db, describe(url)),
        window.show_error,
    )
    code = app.exec()
    worker.wait(5000)
    return int(code)
