"""The desk's header: event, desk, who is signed in, counts that keep up, database, printer.

Counts and the printer's state are read every few seconds on the reader worker; a refresh
that fails (the venue's network is down) turns the database dot red instead of blocking.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.services.desk.checkin import EventCounts
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.desk.elided import ElidedLabel
from desktop_app.ui.dialogs.common import interface_language
from desktop_app.ui.printing import PrinterState, QueueState, QueueStatus, printer_state

if TYPE_CHECKING:
    from desktop_app.ui.desk.backups import BackupScheduler

REFRESH_MS = 3000
_GOOD, _BUSY, _BAD, _OFF = "#2e7d32", "#f9a825", "#c62828", "#9e9e9e"


@dataclass(frozen=True)
class _Reading:
    counts: EventCounts
    printer: PrinterState | None


def _group(number: int, language: str) -> str:
    text = f"{number:,}"
    return text.replace(",", "\u202f") if language == "fr" else text


class DeskHeader(QWidget):
    """One line at the top of the desk screen, and the FR | EN switch."""

    language_chosen = Signal(str)
    counts_changed = Signal(object)  # EventCounts
    exit_mode_changed = Signal(bool)  # the desk now records exits only (or no longer)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.counts: EventCounts | None = None
        self.printer: PrinterState | None = None
        self.database_ok: bool | None = None
        self.signed_out = False  # between two staff members' shifts
        self._reading = False
        self.setObjectName("deskHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#deskHeader { background:#102a43; } #deskHeader QLabel { color:#ffffff; }"
        )

        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        # Names shorten with … (full text in the tooltip) so the desk fits a 1280 px laptop.
        self.event_label = ElidedLabel(keep=18)
        self.event_label.setFont(big)
        self.where = ElidedLabel(keep=10)  # desk · staff (role)
        self.counts_label = QLabel()
        counts_font = QFont(big)
        counts_font.setPointSizeF(big.pointSizeF() * 1.15)
        self.counts_label.setFont(counts_font)
        self.database = ElidedLabel(keep=10)
        self.printer_label = ElidedLabel(keep=10)
        self.backup_label = ElidedLabel(keep=10)  # last backup, or why it failed (never a dialog)
        self.backup_label.hide()
        self.backups: BackupScheduler | None = None
        # Exit mode, at a session's door whose exits are scanned: every scan records an exit.
        self.exit_button = QPushButton()
        self.exit_button.setCheckable(True)
        self.exit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exit_button.setStyleSheet(
            "QPushButton { color:#ffffff; background:#243b53; border:1px solid #829ab1;"
            " padding:4px 10px; font-weight:bold; }"
            "QPushButton:checked { background:#ffffff; color:#b71c1c; }"
        )
        self.exit_button.hide()
        self.exit_button.toggled.connect(self._toggle_exit_mode)
        self.french = QPushButton("FR")
        self.english = QPushButton("EN")
        for button, language in ((self.french, "fr"), (self.english, "en")):
            button.setCheckable(True)
            button.setFixedWidth(52)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet(
                "QPushButton { color:#ffffff; background:#243b53; border:1px solid #829ab1;"
                " padding:4px; font-weight:bold; }"
                "QPushButton:checked { background:#ffffff; color:#102a43; }"
            )
            button.clicked.connect(lambda _=False, lang=language: self.language_chosen.emit(lang))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(12)
        title = QVBoxLayout()  # the event, and under it the desk and who works there
        title.setSpacing(0)
        title.addWidget(self.event_label)
        title.addWidget(self.where)
        layout.addLayout(title, 1)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.exit_button)
        layout.addWidget(self.database)
        layout.addWidget(self.printer_label)
        layout.addWidget(self.backup_label)
        layout.addWidget(self.french)
        layout.addWidget(self.english)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        if context.print_queue is not None:
            context.print_queue.state_changed.connect(lambda _state: self.retranslate())
        self.retranslate()

    def show_backups(self, backups: BackupScheduler) -> None:
        """Show the last automatic backup (time, or a warning when it failed)."""
        self.backups = backups
        backups.changed.connect(self._backup_text)
        self._backup_text()

    def show_link(self, indicator: QWidget) -> None:
        """A desk on a shared server: the link's indicator (shared, or offline with the
        actions waiting) takes the place of the database dot."""
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.insertWidget(layout.indexOf(self.database), indicator)
        self.database.hide()

    def start(self) -> None:
        """Read now, then every few seconds."""
        self.refresh()
        self.timer.start()

    def stop(self) -> None:
        """No more refreshes (closing)."""
        self.timer.stop()

    def refresh(self) -> None:
        """Read the counts and the printer's state in the background."""
        if self._reading:
            return
        self._reading = True
        desk = self.context.service
        choice = self.context.settings.badge_printer
        name = choice.printer if choice is not None else None

        def read() -> _Reading:
            return _Reading(desk.counts(), printer_state(name) if name else None)

        self.context.reader.submit(read, self._read, self._failed, owner=self)

    def _read(self, reading: _Reading) -> None:
        self._reading = False
        self.database_ok = True
        changed = reading.counts != self.counts
        self.counts = reading.counts
        self.printer = reading.printer
        self.retranslate()
        if changed:
            self.counts_changed.emit(reading.counts)

    def _toggle_exit_mode(self, checked: bool) -> None:
        self.context.settings.exit_mode_session = self.context.admits if checked else None
        self.retranslate()
        self.exit_mode_changed.emit(self.context.exit_mode)

    def _show_exit_mode(self) -> None:
        """The toggle where exits are scanned, and the band red saying EXIT while it is on."""
        context = self.context
        exiting = context.exit_mode
        exits_door = self.counts is not None and self.counts.inside is not None
        self.exit_button.setVisible(exiting or exits_door)
        self.exit_button.blockSignals(True)
        self.exit_button.setChecked(exiting)
        self.exit_button.blockSignals(False)
        self.exit_button.setText(self.tr("Exit mode"))
        self.exit_button.setToolTip(
            self.tr("Every scan records that the person went out of the session")
        )
        band = "#b71c1c" if exiting else "#102a43"
        self.setStyleSheet(
            f"#deskHeader {{ background:{band}; }} #deskHeader QLabel {{ color:#ffffff; }}"
        )

    def _failed(self, _error: BaseException) -> None:
        self._reading = False
        self.database_ok = False
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text of the header in the interface language."""
        language = interface_language()
        context = self.context
        self.french.setChecked(language == "fr")
        self.english.setChecked(language == "en")
        self.french.setToolTip(self.tr("Français"))
        self.english.setToolTip(self.tr("English"))
        self.event_label.setText(context.event_name(language))
        role = (
            self.tr("supervisor") if context.staff.role == "supervisor" else self.tr("desk staff")
        )
        where = (
            self.tr("{desk} · signed out").format(desk=context.desk)
            if self.signed_out
            else self.tr("{desk} · {staff} ({role})").format(
                desk=context.desk, staff=context.staff.name, role=role
            )
        )
        door = context.admits_name(language)  # a session's door says which, first (F10)
        if door and context.exit_mode:
            self.where.setText(
                self.tr("EXIT: {session} · {where}").format(session=door, where=where)
            )
        else:
            self.where.setText(
                self.tr("Admits: {session} · {where}").format(session=door, where=where)
                if door
                else where
            )
        self._show_exit_mode()
        if self.counts is None:
            self.counts_label.setText(self.tr("… checked in"))
        else:
            text = self.tr("{checked} / {expected} checked in").format(
                checked=_group(self.counts.checked_in, language),
                expected=_group(self.counts.expected, language),
            )
            if self.counts.inside is not None:  # a session's door with exit scans
                text += " · " + self.tr("{inside} inside now").format(
                    inside=_group(self.counts.inside, language)
                )
            self.counts_label.setText(text)
        mode = self.tr("shared database") if context.shared else self.tr("local database")
        colour = {True: _GOOD, False: _BAD, None: _OFF}[self.database_ok]
        self.database.setText(_dot(colour) + " " + mode)
        self.database.setToolTip(
            context.database_location
            if self.database_ok is not False
            else self.tr("The database cannot be reached: {location}").format(
                location=context.database_location
            )
        )
        text, colour = self._printer_text()
        self.printer_label.setText(_dot(colour) + " " + text)
        self._backup_text()

    def _backup_text(self) -> None:
        backups = self.backups
        if backups is None or not backups.enabled or not shiboken6.isValid(self):
            self.backup_label.hide()
            return
        folder = str(backups.last_folder or backups.settings.backup_folder)
        problem = backups.error_text()
        done = backups.last_success_at
        if problem is not None:
            self.backup_label.setText(_dot(_BAD) + " " + self.tr("backup failed"))
            tip = self.tr("The last backup to {folder} failed: {reason}").format(
                folder=folder, reason=problem
            )
            if done is not None:
                tip += "\n" + self.tr("Last good backup: {time}.").format(time=_clock(done))
            self.backup_label.setToolTip(tip)
        elif done is not None:
            self.backup_label.setText(
                _dot(_GOOD) + " " + self.tr("last backup {time}").format(time=_clock(done))
            )
            self.backup_label.setToolTip(
                self.tr("Backed up to {path}").format(path=str(backups.last_success.path))
                if backups.last_success is not None
                else folder
            )
        else:
            self.backup_label.setText(_dot(_OFF) + " " + self.tr("no backup yet"))
            self.backup_label.setToolTip(
                self.tr("A backup goes to {folder} every {minutes} min and at close.").format(
                    folder=folder, minutes=backups.settings.backup_interval_minutes
                )
            )
        self.backup_label.show()

    def _printer_text(self) -> tuple[str, str]:
        queue = self.context.print_queue
        choice = self.context.settings.badge_printer
        if choice is None:
            return self.tr("no badge printer"), _OFF
        if queue is not None and queue.state is QueueState.NEEDS_ATTENTION:
            return self.tr("printer: a job failed"), _BAD
        if queue is not None and queue.state is QueueState.PRINTING:
            return self.tr("printing…"), _BUSY
        status = self.printer.status if self.printer is not None else None
        label = self.tr("printer {name}").format(name=choice.printer)
        if status is QueueStatus.ABSENT:
            return self.tr("printer {name} missing").format(name=choice.printer), _BAD
        if status is QueueStatus.STOPPED:
            return self.tr("printer {name} paused").format(name=choice.printer), _BAD
        return label, _GOOD if status is not None else _OFF


def _clock(moment: datetime) -> str:
    """A time of today as staff read it on the wall clock (local time, 24 h)."""
    return moment.astimezone().strftime("%H:%M")


def _dot(colour: str) -> str:
    return f"<span style='color:{colour}; font-size:large'>●</span>"
