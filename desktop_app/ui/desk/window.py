"""The desk window: a thin frame that lays out the desk's parts and gives each action its key.

The parts do the work: ``DeskHeader`` (counts, database, printer, language), ``SearchPanel``
(field and results), ``AttendeeCardView``, ``OutcomePanel``, ``PrintProblemBar``; the use
cases live in ``DeskFlows``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.admin.staff import StaffMember
from desktop_app.ui.desk import supervisor
from desktop_app.ui.desk.actions import ActionSpec, DeskActions
from desktop_app.ui.desk.backups import BackupScheduler
from desktop_app.ui.desk.badge_jobs import BadgeJobs
from desktop_app.ui.desk.card import AttendeeCardView
from desktop_app.ui.desk.changes import DeskChange
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.desk.flows import DeskFlows
from desktop_app.ui.desk.header import DeskHeader
from desktop_app.ui.desk.idle import IdleLock
from desktop_app.ui.desk.outcome import OutcomePanel, Sound
from desktop_app.ui.desk.print_bar import PrintProblemBar
from desktop_app.ui.desk.recent import RecentCheckIns
from desktop_app.ui.desk.search import SearchPanel
from desktop_app.ui.desk.shared_mode import SharedDesk
from desktop_app.ui.scanner import ScanDetector

if TYPE_CHECKING:
    from desktop_app.ui.leads.from_desk import LeadScanning
    from desktop_app.ui.reports.window import ReportsWindow


class DeskWindow(QMainWindow):
    """The screen staff live in during an event."""

    def __init__(
        self,
        context: DeskContext,
        switch_language: Callable[[str], None],
        scanner: ScanDetector | None = None,
        sound: Sound | None = None,
        *,
        backup_interval_ms: int | None = None,
        idle_ms: Callable[[], int] | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self.switch_language = switch_language
        self.scanner = scanner
        self.sound = sound or Sound(lambda: context.settings.sounds)

        self.header = DeskHeader(context)
        self.search = SearchPanel(
            context.reader,
            lambda query: self.context.search(query),
            timezone=context.timezone,
        )
        self.card = AttendeeCardView()
        self.outcome = OutcomePanel(self.sound)
        self.recent = RecentCheckIns()
        self.badges = BadgeJobs(context, self)
        self.print_bar = PrintProblemBar(self.badges)
        self.flows = DeskFlows(context, self, self.search, self.card, self.outcome, self.badges)
        # A shared desk backs up its own copy (its journal of offline actions lives there);
        # the server is backed up on the server.
        local_copy = context.link.replica_url if context.link is not None else None
        self.backups = BackupScheduler(
            local_copy if context.shared else context.database_url,
            context.settings,
            context.writer,
            self,
            interval_ms=backup_interval_ms,
        )
        self.header.show_backups(self.backups)
        # On a shared server: the link's word in the header, other desks' changes, offline limits.
        self.shared_desk: SharedDesk | None = None
        if context.link is not None:
            self.shared_desk = SharedDesk(
                context.link, context.reader, self, listen_url=context.database_url
            )
            self.header.show_link(self.shared_desk.indicator)

        self.signed_out = False
        self.idle_locked = False  # hidden after quiet minutes, search and card kept
        self.idle = IdleLock(
            self,
            idle_ms or (lambda: self.context.settings.idle_lock_minutes * 60_000),
            self.lock_idle,
        )
        self.reports_window: ReportsWindow | None = None
        self.lead_scanning: LeadScanning | None = None  # Desk → Lead scanning… (ui/leads)
        self.desk_actions = DeskActions(self, self)
        self.buttons = self.desk_actions.buttons
        self._lay_out()
        self._connect()
        self.retranslate()
        self._update_actions()
        self._fit_screen()

    # -- building -----------------------------------------------------------------------

    def _fit_screen(self) -> None:
        """Start no larger than the screen's free area (1366 x 768 keeps the bottom band and
        the walk-in button in view), 1280 x 800 where there is room."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        width, height = 1280, 800
        if free is not None and free.width() > 0 and free.height() > 0:
            frame = 40  # a title bar and borders the window manager adds
            width, height = min(width, free.width()), min(height, free.height() - frame)
        self.resize(width, height)

    def _lay_out(self) -> None:
        actions = QGridLayout()
        actions.setSpacing(8)
        actions.addWidget(self.buttons["check_in"], 0, 0, 1, 2)
        actions.addWidget(self.buttons["override"], 0, 2)
        order = ("edit", "substitute", "collect", "reprint", "undo", "settings")
        for position, name in enumerate(order):
            actions.addWidget(self.buttons[name], 1 + position // 3, position % 3)
        actions.addWidget(self.buttons["staff"], 3, 0)
        actions.addWidget(self.buttons["membership"], 3, 1)
        actions.addWidget(self.buttons["sign_out"], 3, 2)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.card, 1)
        right_layout.addLayout(actions)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search, 1)
        left_layout.addWidget(self.recent)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 10)
        splitter.setChildrenCollapsible(False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.outcome, 1)
        bottom.addWidget(self.buttons["walk_in"])
        self.buttons["walk_in"].setMinimumSize(180, 80)

        body = QVBoxLayout()
        body.setContentsMargins(12, 8, 12, 12)
        body.addWidget(splitter, 1)
        body.addWidget(self.print_bar)
        body.addLayout(bottom)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

    def _connect(self) -> None:
        flows = self.flows
        self.search.current_changed.connect(flows.show_hit)
        self.search.activated.connect(lambda hit: flows.check_in(hit.code))
        flows.recent.connect(self.recent.add)
        self.recent.chosen.connect(self._show_registration)
        self.search.current_changed.connect(lambda _hit: self._update_actions())
        # No card stays for a text that finds no one.
        self.search.emptied.connect(flows.nobody_matches)
        self.search.field.textChanged.connect(lambda _text: self._update_actions())
        flows.card_changed.connect(lambda _card: self._update_actions())
        flows.blocked_changed.connect(lambda _blocked: self._update_actions())
        flows.desk_changed.connect(self._desk_changed)
        if self.shared_desk is not None:
            self.shared_desk.attach(
                refresh=self._data_changed,
                update_actions=self._update_actions,
                card_code=lambda: self.flows.card.code if self.flows.card is not None else None,
                show=self._show_registration,
                slug=self.context.slug,
            )
        self.badges.job_failed.connect(
            lambda _job, code, message: flows.badge_failed(code, message)
        )
        self.header.language_chosen.connect(self.switch_language)
        self.header.exit_mode_changed.connect(lambda _on: self._update_actions())
        if self.scanner is not None:
            self.scanner.scanned.connect(self._scanned)

    # -- behaviour ----------------------------------------------------------------------

    def start(self) -> None:
        """Show the counts and put the cursor in the search field."""
        self.header.start()
        self.backups.start()
        self.idle.start()
        self.offer_purge()
        if self.shared_desk is not None:
            self.shared_desk.start()
        self.search.field.setFocus()

    def _scanned(self, code: str) -> None:
        if self.lead_scanning is not None and self.lead_scanning.takes_scans:
            return  # the lead station open over the desk takes the scans
        if self.signed_out:  # nobody may check in while the desk waits for a sign-in
            return
        if QApplication.activeModalWidget() is not None:
            # The dialog is about someone (a payment, a walk-in): never check in behind it.
            self.flows.scan_refused_while_busy()
            return
        self.flows.scan(code)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Typing that no widget took (the focus on the card or a button) goes to the search:
        a slow scanner's code lands in the field, where Enter searches it, never on the card."""
        text = event.text()
        command = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if text and text.isprintable() and not command and self.search.isEnabled():
            self.search.field.setFocus()
            self.search.field.insert(text)
            return
        super().keyPressEvent(event)

    def _desk_changed(self, change: DeskChange) -> None:
        """One action (or another desk) changed the data: each view that shows it, once."""
        self.header.refresh()
        self.search.refresh()
        if change.registration_id is not None:
            self.flows.load_card(change.registration_id)
        if self.reports_window is not None and self.reports_window.isVisible():
            self.reports_window.refresh()

    def _data_changed(self) -> None:
        self._desk_changed(DeskChange(None))

    def _show_registration(self, registration_id: int) -> None:
        self.flows.keep_card_over_text()
        if not self.search.select_registration(registration_id):
            self.search.clear_selection()  # Enter means this card, not the row chosen before
        self.flows.load_card(registration_id)

    def clear_search(self) -> None:
        """Esc: empty field, empty card, cursor in the field (the last outcome stays)."""
        self.search.reset()
        self.flows.clear()

    def walk_in(self) -> None:
        """F5: register someone who is not registered (H6b's dialog)."""
        from desktop_app.ui.desk.walk_in import open_walk_in

        open_walk_in(self)

    def open_settings(self) -> None:
        """F10: this machine's desk settings."""
        from desktop_app.ui.dialogs.settings import SettingsDialog

        context = self.context
        if SettingsDialog.ask(
            self,
            context.settings,
            badge_language=context.badge_language,
            event_names=(context.event_name_fr, context.event_name_en),
            event_sessions=context.event_sessions,
        ):
            self.retranslate()
            self.backups.settings_changed()
            self.header.refresh()

    def open_receipts(self) -> None:
        """Ctrl+Shift+R: find a receipt, reprint it as a copy or save it as PDF."""
        from desktop_app.ui.desk.walk_in import open_receipts

        open_receipts(self)

    def open_reports(self) -> None:
        """Ctrl+R: supervisors follow the event live, export and print its reports."""
        self.reports_window = supervisor.open_reports(self, self.context, self.reports_window)

    def open_closing(self) -> None:
        """Ctrl+Shift+E: a supervisor counts this desk's cash and closes its day."""
        supervisor.open_closing(self, self.context)

    def open_incidents(self) -> None:
        """Ctrl+Shift+I: supervisors keep the register of confidentiality incidents."""
        supervisor.open_incidents(self, self.context)

    def open_staff(self) -> None:
        """F11: supervisors manage staff accounts."""
        if self.context.staff.role != "supervisor":
            return
        from desktop_app.ui.desk.walk_in import open_staff

        open_staff(self)

    def open_leads(self) -> None:
        """Desk → Lead scanning…: an exhibitor's station, with its own account (ui/leads)."""
        from desktop_app.ui.leads.from_desk import LeadScanning

        self.lead_scanning = self.lead_scanning or LeadScanning(self, self.scanner)
        self.lead_scanning.open(self.context)

    def open_conflicts(self) -> None:
        """Ctrl+Shift+K: supervisors on a shared server review the sync conflicts."""
        if self.shared_desk is not None and self.context.staff.role == "supervisor":
            self.shared_desk.open_conflicts(self, self.context.slug)

    @property
    def _specs(self) -> dict[str, ActionSpec]:
        return self.desk_actions.specs

    @property
    def _desk_menu(self) -> QMenu:
        return self.desk_actions.menu

    def _update_actions(self) -> None:
        """Each action enabled, labelled and coloured as the desk is now (``DeskActions``)."""
        self.desk_actions.refresh()

    # -- change of staff ------------------------------------------------------------------

    def offer_purge(self) -> None:
        """A supervisor at the desk is offered the purge when an event's retention passed."""
        supervisor.offer_purge(self, self.context)

    def lock_idle(self) -> None:
        """After quiet minutes: hide the screen and ask for a sign-in (any staff member);
        the search and the card come back as they were. Cancelled, the screen stays hidden
        until someone signs in (F12)."""
        if self.signed_out or self.idle_locked:
            return
        self.idle_locked = True
        central = self.centralWidget()
        if central is not None:
            central.setVisible(False)
        self._ask_after_idle()

    def _ask_after_idle(self) -> None:
        member = self.ask_sign_in()
        if member is None:
            return
        self.idle_locked = False
        if member != self.context.staff:
            self.change_staff(member)
        central = self.centralWidget()
        if central is not None:
            central.setVisible(True)
        self.search.field.setFocus()
        self.idle.touch()

    def sign_out(self) -> None:
        """F12: the staff member signs out (audited) and the next one signs in; the desk
        keeps its event, but no one's search, card or outcome stays on screen. Cancelled,
        the desk stays locked."""
        if self.idle_locked:  # hidden after quiet minutes: sign in to see it again
            self._ask_after_idle()
            return
        if not self.signed_out:
            context = self.context
            context.writer.submit(context.service.sign_out)
            self.signed_out = True
            self._lock()
        member = self.ask_sign_in()
        if member is not None:
            self.change_staff(member)

    def ask_sign_in(self) -> StaffMember | None:
        """The sign-in dialog over the desk (tests replace it)."""
        from desktop_app.ui.dialogs.login import LoginDialog

        return LoginDialog.ask(
            self,
            self.context.writer,
            self.context.office,
            choose_language=self.switch_language,
        )

    def change_staff(self, member: StaffMember) -> None:
        """``member`` works at this desk from now on: every part acts and audits in their name."""
        context = replace(self.context, staff=member)
        self.context = context
        self.header.context = context
        self.flows.context = context
        self.badges.context = context
        self.signed_out = False
        self._lock()

    def _lock(self) -> None:
        locked = self.signed_out
        if locked:
            # The next person at the desk sees the event and the desk, no one's details:
            # no search, no list, no card, no band naming the last person.
            self.search.reset()
            self.flows.clear()
            self.flows.blocked = None
            self.outcome.clear()
            self.recent.forget()
        self.search.setEnabled(not locked)
        self.card.setVisible(not locked)  # the next person at the desk sees no one's details
        self.header.signed_out = locked
        self.desk_actions.show_role()
        self._update_actions()
        self.retranslate()
        self.header.retranslate()
        if not locked:
            self.search.field.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Window title and action labels (each with its key) in the interface language."""
        self.setWindowTitle(self.tr("Passerelle — {desk}").format(desk=self.context.desk))
        self.desk_actions.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.lead_scanning is not None:
            self.lead_scanning.close()  # the station it opened goes with it (ui/leads)
        self.idle.stop()
        self.header.stop()
        self.backups.stop()
        if self.shared_desk is not None:
            self.shared_desk.stop()
        self.backups.backup_now()  # the writer finishes it before the application ends
        super().closeEvent(event)
