"""Composition root: builds the settings, database, workers and printer queue, then walks the
desk through start (event and desk name) → sign-in → the desk screen, handing each part only
what it needs.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QBoxLayout, QLabel, QMessageBox
from sqlalchemy.exc import ArgumentError

from desktop_app import __version__
from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import (
    ENV_DATABASE,
    is_sqlite,
    resolve_database_url,
    sqlite_path,
    sqlite_url,
)
from desktop_app.resources import as_path
from desktop_app.services.admin.events import EventSummary, list_events
from desktop_app.services.admin.staff import (
    EXHIBITOR,
    StaffMember,
    create_staff,
    has_staff,
    sign_in,
)
from desktop_app.services.demo import fill_demo
from desktop_app.services.leads.demo import DEMO_PIN as DEMO_BOOTH_PIN
from desktop_app.services.leads.demo import DEMO_STAFF as DEMO_BOOTH
from desktop_app.services.leads.demo import add_demo_station
from desktop_app.services.office import Office, Sessions
from desktop_app.services.sync.shared_database import SharedDatabase, open_shared
from desktop_app.ui.collector import MainThreadCollector
from desktop_app.ui.dialogs.login import LoginDialog
from desktop_app.ui.dialogs.start import StartDialog
from desktop_app.ui.errors import show_exception
from desktop_app.ui.first_window import (
    close_first_window,
    quit_after_first_window,
    take_first_window,
)
from desktop_app.ui.i18n import Translations
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.printing import PrintQueue
from desktop_app.ui.scanner import ScanDetector
from desktop_app.ui.server_settings import ServerSettings
from desktop_app.ui.worker import Worker, favour_the_gui_thread

if TYPE_CHECKING:  # the desk screen loads after sign-in, not before the first window
    from desktop_app.services.desk.search.process import SearchProcess
    from desktop_app.ui.desk import DeskWindow
    from desktop_app.ui.leads.launcher import LeadsLauncher

log = logging.getLogger(__name__)

DEMO_EVENT = "forum-montreal-2027"
DEMO_SUPERVISOR = "Demo"
DEMO_PIN = "1234"
DEMO_REGISTRATIONS = 2000


def open_for_gui(url: str, demo: bool, *, create: bool = True) -> Database:
    """Open (and for the demo, fill) the database; runs on a worker thread.

    ``create``: a missing database may be made (the demo, the desk's first start on its
    default location); a database named by ``--db`` or ``PASSERELLE_DB`` must exist.

    The demo gets membership verdicts for its registrations and a supervisor "Demo" whose
    PIN is 1234, so anyone can try the desk at once.
    """
    database = open_database(url, create=create)
    if demo:
        fill_demo(database.sessions, registrations=DEMO_REGISTRATIONS)
        from desktop_app.services.membership.verdicts import reassess_event

        for event in list_events(database.sessions):
            reassess_event(database.sessions, event.slug)
        if not has_staff(database.sessions):
            create_staff(
                database.sessions, DEMO_SUPERVISOR, DEMO_PIN, "supervisor", by=None, demo=True
            )
    return database


def describe(url: str) -> str:
    """Where the data lives, for the header's tooltip."""
    path = sqlite_path(url)
    return str(path) if path else url.split("@")[-1]


def switch_language(translations: Translations, language: str) -> None:
    """Speak ``language`` from now on: translators, the default locale (numbers, names kept in
    both languages), and a LanguageChange to every window so each part retranslates itself."""
    QLocale.setDefault(
        QLocale(QLocale.Language.French, QLocale.Country.Canada)
        if language == "fr"
        else QLocale(QLocale.Language.English, QLocale.Country.Canada)
    )
    translations.switch(language)
    # Installing a translator announces itself, but switching back to English removes all
    # of them, and a locale change alone announces nothing: tell every window.
    for widget in QApplication.topLevelWidgets():
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


@dataclass
class _Shift:
    """What the start and sign-in steps decided."""

    database: Database | SharedDatabase  # SharedDatabase: the desk's link to a shared server
    slug: str = ""
    desk: str = ""
    staff: StaffMember | None = None


class DeskLauncher:
    """Start → sign in → desk, each step on the GUI thread, all database work on workers."""

    def __init__(
        self,
        app: QApplication,
        settings: MachineSettings,
        translations: Translations,
        *,
        url: str,
        demo: bool,
        server: str | None = None,
        create: bool = True,
    ) -> None:
        self.app = app
        self.settings = settings
        self.translations = translations
        self.url = url
        self.demo = demo
        self.create = create  # whether a missing database may be made (see open_for_gui)
        self.server = server  # a shared PostgreSQL server's URL (shared mode), else None
        self.writer = Worker(serial=True)
        self.reader = Worker()
        self.print_queue = PrintQueue()
        self.scanner = ScanDetector()
        self.window: DeskWindow | None = None
        self.search_process: SearchProcess | None = None
        self.shift: _Shift | None = None
        self.failed = False  # the start failed: the process ends with a non-zero code
        self.splash = take_first_window() or QLabel()  # the one shown at start, if any
        self.splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splash.setMinimumSize(420, 140)
        self.splash.setWindowTitle("Passerelle")

    def start(self) -> None:
        """Open the database in the background; the steps follow."""
        self.app.setQuitOnLastWindowClosed(False)  # no window between two dialogs is not "done"
        self.splash.setText(
            QCoreApplication.translate("DeskLauncher", "Preparing demo data…")
            if self.demo
            else QCoreApplication.translate("DeskLauncher", "Opening the database…")
        )
        self.splash.show()
        url, demo, server, create = self.url, self.demo, self.server, self.create
        if server is not None:
            # Connect, send what waits, copy the event: seconds, on the writer.
            desk, slug = self.settings.desk_name or "Desk", self.settings.event_slug
            self.writer.submit(lambda: open_shared(server, desk, slug), self._opened, self._fatal)
            return
        opening = lambda: open_for_gui(url, demo, create=create)  # noqa: E731
        self.writer.submit(opening, self._opened, self._fatal)

    def _fatal(self, error: BaseException) -> None:
        self.failed = True
        self.splash.hide()
        show_exception(None, error)
        self._quit_when_closed()

    def _quit_when_closed(self) -> None:
        box = next(
            (w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.splash),
            None,
        )
        if box is None:
            self.app.quit()
        else:
            self.app.setQuitOnLastWindowClosed(True)

    def _opened(self, database: Database | SharedDatabase) -> None:
        self.shift = _Shift(database)
        if self.demo:
            self.settings.event_slug = DEMO_EVENT
            if not self.settings.desk_name:
                self.settings.desk_name = QCoreApplication.translate("DeskLauncher", "Demo desk")
        self.splash.hide()
        choice = StartDialog.ask(
            None,
            self.writer,
            Office(database.sessions),
            self.settings,
            choose_language=self.choose_language,
        )
        if choice is None:
            self.app.quit()
            return
        self.shift.slug, self.shift.desk = choice.event_slug, choice.desk_name
        if isinstance(database, SharedDatabase) and (database.link.desk, database.link.slug) != (
            choice.desk_name,
            choice.event_slug,
        ):
            self._reopen(database, choice.desk_name, choice.event_slug)
            return
        self._continue(database)

    def _reopen(self, old: SharedDatabase, desk: str, slug: str) -> None:
        """Another desk name or event than last time: the link (journal, copy, offline
        receipt series) belongs to one desk and event, so open it again for these."""
        self.splash.show()

        def reopen() -> SharedDatabase:
            old.dispose()
            return open_shared(old.url, desk, slug)

        def reopened(database: SharedDatabase) -> None:
            assert self.shift is not None
            self.shift.database = database
            self.splash.hide()
            self._continue(database)

        self.writer.submit(reopen, reopened, self._fatal)

    def _continue(self, database: Database | SharedDatabase) -> None:
        assert self.shift is not None
        member = self._sign_in(database)
        while member is not None and member.role == EXHIBITOR:
            # An exhibitor's account sees its own leads only, never the desk's attendees.
            QMessageBox.warning(
                None,
                "Passerelle",
                QCoreApplication.translate(
                    "DeskLauncher",
                    "{name} works a lead station: start it with passerelle --leads.",
                ).format(name=member.name),
            )
            member = self._sign_in(database)
        if member is None:
            self.app.quit()
            return
        self.shift.staff = member
        sessions = database.sessions
        self.reader.submit(lambda: list_events(sessions), self._events, self._fatal)

    def _sign_in(self, database: Database | SharedDatabase) -> StaffMember | None:
        dialog = LoginDialog(
            None, self.writer, Office(database.sessions), choose_language=self.choose_language
        )
        if self.demo:
            hint = QLabel(
                QCoreApplication.translate(
                    "DeskLauncher", "Demo: sign in as “{name}” with the PIN {pin}."
                ).format(name=DEMO_SUPERVISOR, pin=DEMO_PIN)
            )
            hint.setStyleSheet("color:#0d47a1; font-weight:bold;")
            layout = dialog.layout()
            if isinstance(layout, QBoxLayout):
                layout.insertWidget(max(layout.count() - 1, 0), hint)  # above the buttons
        try:
            accepted = dialog.exec() == LoginDialog.DialogCode.Accepted
            member: StaffMember | None = dialog.member if accepted else None
            return member
        finally:
            dialog.deleteLater()

    def _events(self, events: list[EventSummary]) -> None:
        shift = self.shift
        assert shift is not None and shift.staff is not None
        event = next((e for e in events if e.slug == shift.slug), None)
        if event is None:
            self.app.quit()
            return
        from desktop_app.ui.desk import DeskContext, DeskWindow

        reads = None
        if not isinstance(shift.database, SharedDatabase):
            reads = self._search_process(shift.database.url, event.slug)
        context = DeskContext(
            sessions=shift.database.sessions,
            writer=self.writer,
            reader=self.reader,
            slug=event.slug,
            event_name_fr=event.name_fr,
            event_name_en=event.name_en,
            desk=shift.desk,
            staff=shift.staff,
            settings=self.settings,
            print_queue=self.print_queue,
            database_location=(
                shift.database.location
                if isinstance(shift.database, SharedDatabase)
                else describe(shift.database.url)
            ),
            shared=not shift.database.is_sqlite,
            database_url=shift.database.url,
            link=shift.database.link if isinstance(shift.database, SharedDatabase) else None,
            timezone=event.timezone,
            province=event.province,
            event_sessions=event.sessions,
            reads=reads,
        )
        self.scanner.install(self.app)
        self.window = DeskWindow(context, self.choose_language, self.scanner)
        self.window.showMaximized()
        self.window.raise_()  # the sign-in dialog just closed: the keyboard comes to the desk
        self.window.activateWindow()
        self.window.start()
        self.app.setQuitOnLastWindowClosed(True)

    def choose_language(self, language: str) -> None:
        """FR | EN in the header: switch now and remember it on this machine."""
        switch_language(self.translations, language)
        self.settings.language = language

    def _search_process(self, url: str, slug: str) -> SearchProcess:
        """The desk's search and card reads, in a process of its own (the desk's reader reads
        itself while it starts, and if it ever fails)."""
        from desktop_app.services.desk.search.process import SearchProcess

        assert self.shift is not None
        self.search_process = SearchProcess.beside(url, self.shift.database.sessions, slug)
        return self.search_process

    def shutdown(self) -> None:
        """Let background work finish and stop the print thread."""
        self.scanner.uninstall(self.app)
        self.writer.wait(10000)
        self.reader.wait(10000)
        if self.search_process is not None:
            self.search_process.close()
        self.print_queue.shutdown()
        if self.shift is not None and isinstance(self.shift.database, SharedDatabase):
            if self.window is not None and self.window.shared_desk is not None:
                self.window.shared_desk.monitor.link_worker.wait(10000)
            self.shift.database.dispose()  # the link: server and replica connections


def _leads_launcher(
    app: QApplication,
    settings: MachineSettings,
    translations: Translations,
    *,
    url: str,
    demo: bool,
    opened: list[Database],
    server: str | None = None,
) -> LeadsLauncher:
    """``--leads``: the lead station on ``url`` (the demo's gets a booth with a known PIN);
    on a shared ``server``, through a link of its own, so it keeps scanning offline (and
    opens offline from its copy when the server is out of reach at start-up)."""
    # Imported here: the station's modules pull in the desk's and the link's (Alembic), which
    # the desk's start dialog must not wait for (bench/bench_start.py).
    from desktop_app.services.leads.opening import open_station_link
    from desktop_app.ui.leads.launcher import LeadsLauncher

    def open_station() -> Sessions:
        database = open_for_gui(url, demo)
        opened.append(database)
        if demo:
            supervisor = sign_in(database.sessions, DEMO_SUPERVISOR, DEMO_PIN)
            add_demo_station(database.sessions, DEMO_EVENT, by=supervisor)
        return database.sessions

    if demo:
        settings.event_slug = DEMO_EVENT
        settings.desk_name = settings.desk_name or "Booth"
    hint = (
        QCoreApplication.translate(
            "DeskLauncher", "Demo: sign in as “{name}” with the PIN {pin}."
        ).format(name=DEMO_BOOTH, pin=DEMO_BOOTH_PIN)
        if demo
        else None
    )
    return LeadsLauncher(
        app,
        settings,
        open_station,
        lambda language: switch_language(translations, language),
        demo_hint=hint,
        open_link=(lambda desk, slug: open_station_link(server, desk, slug)) if server else None,
    )


def _may_create(url: str, *, named: bool) -> bool:
    """Whether the desk may make the database at ``url`` if it is not there yet.

    The first start makes it at its default place; a SQLite file named by ``--db`` or
    ``PASSERELLE_DB`` must exist (a typo is said, not made). A named PostgreSQL database
    exists (the server refuses an unknown name): the first desk on it makes the tables, as
    docs/venue-server.md says.
    """
    if not named:
        return True
    try:
        return not is_sqlite(url)
    except ArgumentError:  # not a URL: opening it says so
        return False


def run_gui(*, database: str | None, demo: bool, language: str | None, leads: bool = False) -> int:
    """Start the desk application; returns the process exit code."""
    favour_the_gui_thread()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    quit_after_first_window(app)  # bench/bench_start.py times the cold start with it
    QCoreApplication.setOrganizationName("Passerelle")
    QCoreApplication.setApplicationName("Passerelle")
    QCoreApplication.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(as_path("icons", "passerelle.png"))))
    collector = MainThreadCollector(app)  # never free a Qt object on a worker thread
    if demo:
        # The demo keeps its desk settings next to its data, not in this machine's settings.
        folder = Path(tempfile.mkdtemp(prefix="passerelle-demo-"))
        url = sqlite_url(folder / "demo.sqlite3")
        settings = MachineSettings(QSettings(str(folder / "desk.ini"), QSettings.Format.IniFormat))
    else:
        url = resolve_database_url(database)
        settings = MachineSettings()
    translations = Translations(app)
    switch_language(translations, language or settings.language)
    server = None
    if not demo and not (database or os.environ.get(ENV_DATABASE)):
        # No database named: a shared server when one is set up in the settings.
        from desktop_app.ui.dialogs.server import ask_session_password

        server_settings = ServerSettings(settings)
        ask_session_password(None, server_settings)  # only without a keyring
        server = server_settings.url()
    opened: list[Database] = []  # the lead station's database
    launcher: DeskLauncher | LeadsLauncher
    create = demo or _may_create(url, named=bool(database or os.environ.get(ENV_DATABASE)))
    if leads:
        launcher = _leads_launcher(
            app, settings, translations, url=server or url, demo=demo, opened=opened, server=server
        )
    else:
        launcher = DeskLauncher(
            app, settings, translations, url=url, demo=demo, server=server, create=create
        )
    launcher.start()
    close_first_window()  # a launcher that did not take the splash has its own windows
    code = app.exec()
    launcher.shutdown()
    collector.stop()
    for station_database in opened:
        station_database.dispose()
    if demo:  # the demo's data goes with it
        settings.sync()
        if isinstance(launcher, DeskLauncher) and launcher.shift is not None:
            launcher.shift.database.dispose()
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if launcher.failed else int(code)


__all__ = ["DeskLauncher", "describe", "open_for_gui", "run_gui", "switch_language"]
