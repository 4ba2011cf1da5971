"""The lead station's window: scan a badge, see who it is and whether they agreed, rate and
annotate the lead, list the exhibitor's leads, export them.

Every scan, save, list and export runs on the serial writer (the GUI thread never waits on
the database or a file); a result that arrives after a newer scan is dropped, so the panel
never shows (nor saves onto) a person scanned before the last one.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.documents.report_data import Language
from desktop_app.services.leads.lead_station import LeadStation
from desktop_app.services.leads.station import LeadLine, ScanOutcome, ScanResult, StationInfo
from desktop_app.ui.dialogs.common import ErrorLine, interface_language
from desktop_app.ui.errors import translate_app_error
from desktop_app.ui.leads.link_line import StationLinkLine
from desktop_app.ui.scanner import ScanDetector
from desktop_app.ui.worker import Worker

_GOOD = "color:#1b5e20;"
_BAD = "color:#b71c1c;"
_UNSENT_ROW = QColor("#ffebee")  # a lead the server refused: seen at a glance in the list


class LeadStationWindow(QWidget):
    """One exhibitor's lead station."""

    def __init__(
        self,
        station: LeadStation,
        writer: Worker,
        scanner: ScanDetector | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.station = station
        self.writer = writer
        self.info: StationInfo | None = None
        self.current: LeadLine | None = None
        self.lines: tuple[LeadLine, ...] = ()
        self._scan_number = 0
        self._last_result: ScanResult | None = None

        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.subtitle = QLabel()
        self.code = QLineEdit()
        self.code.returnPressed.connect(self._typed)
        self.scan_button = QPushButton()
        self.scan_button.clicked.connect(self._typed)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.code, 1)
        scan_row.addWidget(self.scan_button)

        self.name = QLabel()
        name_font = QFont(self.name.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 1.8)
        name_font.setBold(True)
        self.name.setFont(name_font)
        self.organization = QLabel()
        self.association = QLabel()
        self.consent = QLabel()
        self.consent.setWordWrap(True)
        self.rating = QComboBox()
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        # A lead the server refused when it was sent: read, then dismissed.
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.dismiss)
        self.rating_label = QLabel()
        self.note_label = QLabel()
        form = QFormLayout()
        form.addRow(self.rating_label, self.rating)
        form.addRow(self.note_label, self.note)
        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.panel = QFrame()
        self.panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel_layout = QVBoxLayout(self.panel)
        for widget in (self.name, self.organization, self.association, self.consent):
            panel_layout.addWidget(widget)
        panel_layout.addWidget(self.editor)
        panel_layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignRight)

        self.list_title = QLabel()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        list_row = QHBoxLayout()
        list_row.addWidget(self.list_title, 1)
        list_row.addWidget(self.export_button)
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._picked)
        self.status = QLabel()
        # On a shared server: "offline — N leads waiting", and their sending (link_line.py).
        self.link_line = StationLinkLine(station, writer, self)
        self.link_line.sent.connect(self._sent_waiting)
        self.error = ErrorLine()

        layout = QVBoxLayout(self)
        layout.addWidget(self.link_line)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(scan_row)
        layout.addWidget(self.panel)
        layout.addLayout(list_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.resize(900, 700)
        self.retranslate()
        self._show(None)
        self.scanner = scanner
        if scanner is not None:
            scanner.scanned.connect(self.scan)

    def start(self) -> None:
        """Check the station's account and load its leads (in the background)."""
        self.writer.submit(self.station.open, self._opened, self._failed, owner=self)
        self.link_line.start()

    # -- scanning ---------------------------------------------------------------------

    def _typed(self) -> None:
        code = self.code.text().strip()
        if code:
            self.scan(code)

    def scan(self, code: str) -> None:
        """Scan ``code``: the result replaces whatever the panel showed."""
        self.code.clear()
        self.error.clear_error()
        self._scan_number += 1
        number = self._scan_number
        self._show(None)
        self.status.setText(self.tr("Reading the badge…"))
        self.writer.submit(
            lambda: self.station.scan(code),
            lambda result: self._scanned(number, result),
            self._failed,
            owner=self,
        )

    def _scanned(self, number: int, result: ScanResult) -> None:
        if number != self._scan_number:
            return  # a newer scan is on its way: never show an older person
        self._last_result = result
        if result.outcome is ScanOutcome.REFUSED:
            self._show(None)
            assert result.refusal is not None
            self.consent.setText("✖ " + result.refusal.render(translate_app_error))
            self.consent.setStyleSheet(_BAD)
            self.consent.show()
            self.status.setText(self.tr("Nothing was kept."))
            return
        self._show(result.lead)
        if result.lead is not None and result.lead.waiting:
            text = self.tr("Lead kept on this computer: it is sent when the server is back.")
        elif result.outcome is ScanOutcome.SAVED:
            text = self.tr("Lead saved.")
        else:
            text = self.tr("Scanned before: the same lead.")
        self.status.setText(text)
        self.reload()

    def _show(self, lead: LeadLine | None) -> None:
        self.current = lead
        shown = lead is not None
        for widget in (self.name, self.organization, self.association, self.editor):
            widget.setVisible(shown)
        self.consent.setVisible(shown)
        self.dismiss_button.setVisible(lead is not None and lead.unsent is not None)
        if lead is None:
            return
        self.name.setText(lead.name)
        self.organization.setText(lead.organization or self.tr("(no organization)"))
        self.association.setText(self._association(lead.association))
        if lead.unsent is not None:
            self.editor.hide()
            self.consent.setText(
                "✖ "
                + self.tr("Not sent: the server refused this lead. {reason}").format(
                    reason=lead.unsent.render(translate_app_error)
                )
            )
            self.consent.setStyleSheet(_BAD)
            return
        self.consent.setText("✔ " + self.tr("Agreed to share their details with exhibitors."))
        self.consent.setStyleSheet(_GOOD)
        self.rating.setCurrentIndex(lead.rating or 0)
        self.note.setPlainText(lead.note or "")

    def _association(self, key: str) -> str:
        return {
            "bioquebec": self.tr("BIOQuébec member"),
            "lso": self.tr("LSO member"),
            "both": self.tr("Member of BIOQuébec and LSO"),
        }.get(key, self.tr("Not a member"))

    # -- saving and listing -------------------------------------------------------------

    def save(self) -> None:
        """Save the shown lead's rating and note."""
        lead = self.current
        if lead is None:
            return
        rating = self.rating.currentIndex() or None
        note = self.note.toPlainText()
        self.writer.submit(
            lambda: self.station.save(lead, rating, note),
            self._saved,
            self._failed,
            owner=self,
        )

    def dismiss(self) -> None:
        """The staff has read why the shown lead was not sent: it leaves the list."""
        lead = self.current
        if lead is None or lead.unsent is None:
            return
        self._show(None)
        self.writer.submit(
            lambda: self.station.dismiss(lead),
            lambda _none: self.reload(),
            self._failed,
            owner=self,
        )

    def reload(self) -> None:
        """Fetch the exhibitor's leads again (and count those waiting for the server)."""
        self.writer.submit(self.station.leads, self._listed, self._failed, owner=self)
        self.link_line.read()

    def _sent_waiting(self) -> None:
        """The waiting leads reached the server (or were refused there): list them again;
        "kept on this computer" no longer holds."""
        if self.current is None or self.current.waiting:
            self.status.clear()
        self.reload()

    def _saved(self, lead: LeadLine) -> None:
        if self.current is not None and (self.current.lead_id, self.current.waiting) == (
            lead.lead_id,
            lead.waiting,
        ):
            self.current = lead
        self.status.setText(self.tr("Saved."))
        self.reload()

    def _opened(self, info: StationInfo) -> None:
        self.info = info
        self.retranslate()
        link = self.station.link
        if link is not None and link.mode == "offline":
            # Opened from this computer's copy (the server was out of reach): say so.
            self.status.setText(
                self.tr(
                    "The shared server cannot be reached: the station opened from this"
                    " computer's copy of the event. Leads are kept here and sent when it is back."
                )
            )
        self.reload()

    def _listed(self, lines: tuple[LeadLine, ...]) -> None:
        self.lines = lines
        zone = ZoneInfo(self.info.timezone) if self.info else None
        self.table.blockSignals(True)
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            at = line.scanned_at.astimezone(zone) if zone else line.scanned_at
            state = ""
            if line.unsent is not None:
                state = " · " + self.tr("not sent")
            elif line.waiting:
                state = " · " + self.tr("waiting")
            cells = (
                f"{at:%H:%M}{state}",
                line.name,
                line.organization or "",
                self._association(line.association),
                "★" * (line.rating or 0),
                # A lead not sent shows why in the note's place (the note went nowhere).
                line.unsent.render(translate_app_error) if line.unsent else line.note or "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if line.unsent is not None:
                    item.setBackground(QBrush(_UNSENT_ROW))
                    item.setToolTip(cells[5])
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.list_title.setText(self.tr("Your leads ({count})").format(count=len(lines)))

    def _picked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.lines):
            self._scan_number += 1  # a scan still on its way must not replace this choice
            self._show(self.lines[rows[0].row()])

    # -- export -------------------------------------------------------------------------

    @classmethod
    def ask_export_path(cls, parent: QWidget) -> Path | None:
        """Where to write the export (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("LeadStationWindow", "Export the leads"),
            "leads.xlsx",
            "Excel (*.xlsx);;CSV (*.csv)",
        )
        return Path(name) if name else None

    def export(self) -> None:
        """Export this exhibitor's leads (and only them) to a file the user chooses."""
        path = self.ask_export_path(self)
        if path is None:
            return
        language: Language = "fr" if interface_language() == "fr" else "en"
        self.writer.submit(
            lambda: self.station.export(path, language),
            lambda rows: self.status.setText(
                self.tr("Exported {count} leads to {path}.").format(count=rows, path=path)
            ),
            self._failed,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.status.clear()
        self.error.show_error(error)

    # -- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the interface language."""
        exhibitor = self.info.exhibitor_name if self.info else self.station.exhibitor
        self.title.setText(self.tr("Lead station — {exhibitor}").format(exhibitor=exhibitor))
        if self.info is not None:
            event = (
                self.info.event_name_fr
                if interface_language() == "fr"
                else (self.info.event_name_en)
            )
            self.subtitle.setText(f"{event} · {self.station.staff}")
        self.setWindowTitle(self.title.text())
        self.code.setPlaceholderText(self.tr("Scan a badge, or type its code and press Enter"))
        self.scan_button.setText(self.tr("Scan"))
        self.rating_label.setText(self.tr("Rating"))
        self.note_label.setText(self.tr("Note"))
        self.save_button.setText(self.tr("Save"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.export_button.setText(self.tr("Export…"))
        current = max(self.rating.currentIndex(), 0)
        self.rating.clear()
        self.rating.addItems([self.tr("No rating"), *("★" * n for n in range(1, 6))])
        self.rating.setCurrentIndex(current)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Name"),
                self.tr("Organization"),
                self.tr("Membership"),
                self.tr("Rating"),
                self.tr("Note"),
            ]
        )
        self.list_title.setText(self.tr("Your leads ({count})").format(count=len(self.lines)))
        if self.current is not None:
            self._show(self.current)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed, the station takes no more scans (the desk behind it takes them again)."""
        if self.scanner is not None:
            self.scanner.scanned.disconnect(self.scan)
            self.scanner = None
        self.link_line.stop()
        self.writer.submit(self.station.close)  # its journal's connections, after its work
        super().closeEvent(event)
