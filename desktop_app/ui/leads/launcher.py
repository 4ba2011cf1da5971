"""``passerelle --leads``: open the database, choose the event (and the station's name),
sign in with the exhibitor's account, then the lead station window.

The same dialogs as the desk, the same workers; a supervisor who signs in picks the
exhibitor to work for. On this machine's file the station works on it directly; on a shared
server it opens a desk link for its station name and event (a copy of the event beside it,
as a desk has), so it keeps scanning while the server is out of reach and sends the leads
when it is back (services/leads/offline.py). As the desk does, it opens that link first,
for the name and event it had last time: when the server is out of reach at start-up, the
event list, the sign-in and the station come from that copy, and the station says it is
offline (services/leads/opening.py); without a copy, one sentence says why it cannot open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QBoxLayout, QInputDialog, QLabel

from desktop_app.services.admin.staff import StaffMember
from desktop_app.services.leads.lead_station import LeadStation, event_exhibitors, exhibitor_for
from desktop_app.services.office import Office, Sessions
from desktop_app.services.sync import DeskLink
from desktop_app.services.sync.shared_database import SharedDatabase
from desktop_app.ui.desk.backups import BackupScheduler
from desktop_app.ui.dialogs.login import LoginDialog
from desktop_app.ui.dialogs.start import StartDialog
from desktop_app.ui.errors import show_exception
from desktop_app.ui.leads.window import LeadStationWindow
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.scanner import ScanDetector
from desktop_app.ui.worker import Worker


class LeadsLauncher:
    """Start → sign in → (a supervisor picks the exhibitor) → the lead station."""

    def __init__(
        self,
        app: QApplication,
        settings: MachineSettings,
        open_sessions: Callable[[], Sessions],
        choose_language: Callable[[str], None],
        *,
        demo_hint: str | None = None,
        open_link: Callable[[str, str | None], SharedDatabase] | None = None,
    ) -> None:
        self.app = app
        self.settings = settings
        self.open_sessions = open_sessions  # runs on the writer
        self.choose_language = choose_language
        self.demo_hint = demo_hint
        # (desk, slug) -> the station's link to the shared server; runs on the writer.
        self.open_link = open_link
        self.shared: SharedDatabase | None = None
        self.writer = Worker(serial=True)
        self.scanner = ScanDetector()
        self.window: LeadStationWindow | None = None
        self.backups: BackupScheduler | None = None
        self.failed = False
        self.sessions: Sessions | None = None
        self.splash = QLabel(QCoreApplication.translate("LeadsLauncher", "Opening the database…"))
        self.splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splash.setMinimumSize(420, 140)
        self.splash.setWindowTitle("Passerelle")

    def start(self) -> None:
        """Open the database in the background; the steps follow."""
        self.app.setQuitOnLastWindowClosed(False)
        self.splash.show()
        opening = self.open_link
        if opening is not None:
            # The name and event of last time: offline, their copy is what there is.
            desk, slug = self.settings.desk_name or "Booth", self.settings.event_slug or None
            self.writer.submit(lambda: opening(desk, slug), self._linked, self._fatal)
            return
        self.writer.submit(self.open_sessions, self._opened, self._fatal)

    @property
    def link(self) -> DeskLink | None:
        """The station's link to the shared server (None on this machine's file)."""
        return self.shared.link if self.shared is not None else None

    def _linked(self, shared: SharedDatabase) -> None:
        self.shared = shared
        self._opened(shared.sessions)  # the server while it answers, else the copy

    def _fatal(self, error: BaseException) -> None:
        self.failed = True
        self.splash.hide()
        show_exception(None, error)
        self.app.setQuitOnLastWindowClosed(True)

    def _opened(self, sessions: Sessions) -> None:
        self.sessions = sessions
        self.splash.hide()
        office = Office(sessions)
        choice = StartDialog.ask(
            None, self.writer, office, self.settings, choose_language=self.choose_language
        )
        if choice is None:
            self.app.quit()
            return
        member = self._sign_in(office)
        if member is None:
            self.app.quit()
            return
        exhibitor = exhibitor_for(member)
        if exhibitor is not None:
            self._station(choice.event_slug, choice.desk_name, member, exhibitor)
            return
        slug = choice.event_slug
        self.writer.submit(
            lambda: event_exhibitors(sessions, slug),
            lambda found: self._pick(slug, choice.desk_name, member, found),
            self._fatal,
        )

    def _sign_in(self, office: Office) -> StaffMember | None:
        dialog = LoginDialog(None, self.writer, office, choose_language=self.choose_language)
        if self.demo_hint:
            layout = dialog.layout()
            if isinstance(layout, QBoxLayout):
                hint = QLabel(self.demo_hint)
                hint.setStyleSheet("color:#0d47a1; font-weight:bold;")
                layout.insertWidget(max(layout.count() - 1, 0), hint)
        try:
            accepted = dialog.exec() == LoginDialog.DialogCode.Accepted
            return dialog.member if accepted else None
        finally:
            dialog.deleteLater()

    def _pick(
        self, slug: str, desk: str, member: StaffMember, found: tuple[tuple[str, str], ...]
    ) -> None:
        """A supervisor works the station of an exhibitor of their choice."""
        if not found:
            self.failed = True
            label = QLabel(
                QCoreApplication.translate(
                    "LeadsLauncher",
                    "This event declares no exhibitor: add [[exhibitors]] to its event file.",
                )
            )
            label.setWindowTitle("Passerelle")
            label.setMargin(24)
            label.show()
            self.splash = label  # keep it alive until closed
            self.app.setQuitOnLastWindowClosed(True)
            return
        names = [f"{name} ({code})" for code, name in found]
        picked, ok = QInputDialog.getItem(
            None,
            QCoreApplication.translate("LeadsLauncher", "Lead station"),
            QCoreApplication.translate("LeadsLauncher", "Exhibitor:"),
            names,
            0,
            False,
        )
        if not ok:
            self.app.quit()
            return
        self._station(slug, desk, member, found[names.index(picked)][0])

    def _station(self, slug: str, desk: str, member: StaffMember, exhibitor: str) -> None:
        opening, old = self.open_link, self.shared
        if opening is None or old is None:
            self._show(slug, desk, member, exhibitor, None)
            return
        if (old.link.desk, old.link.slug) == (desk, slug):
            self._show(slug, desk, member, exhibitor, old.link)
            return
        # Another name or event than last time: the link (copy, journal) is one station's.
        self.shared = None
        self.splash.setText(QCoreApplication.translate("LeadsLauncher", "Copying the event…"))
        self.splash.show()

        def reopen() -> SharedDatabase:
            old.dispose()
            return opening(desk, slug)

        def reopened(shared: SharedDatabase) -> None:
            self.shared = shared
            self.sessions = shared.sessions
            self._show(slug, desk, member, exhibitor, shared.link)

        self.writer.submit(reopen, reopened, self._fatal)

    def _show(
        self, slug: str, desk: str, member: StaffMember, exhibitor: str, link: DeskLink | None
    ) -> None:
        assert self.sessions is not None
        self.splash.hide()
        station = LeadStation(self.sessions, slug, exhibitor, member.name, desk=desk, link=link)
        if link is not None:
            # As a desk backs up its copy, the station backs up its own, and with it the
            # journal of the leads kept offline (services/admin/backup_companions.py).
            self.backups = BackupScheduler(link.replica_url, self.settings, self.writer)
            self.backups.start()
        self.scanner.install(self.app)
        self.window = LeadStationWindow(station, self.writer, self.scanner)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.window.start()
        self.app.setQuitOnLastWindowClosed(True)

    def shutdown(self) -> None:
        """Let background work finish."""
        self.scanner.uninstall(self.app)
        if self.backups is not None:
            self.backups.stop()
            self.backups.backup_now()  # a last one, on the writer after the station's work
        self.writer.wait(10000)
        if self.window is not None and self.window.link_line.monitor is not None:
            self.window.link_line.monitor.link_worker.wait(10000)
        if self.shared is not None:
            self.shared.dispose()
