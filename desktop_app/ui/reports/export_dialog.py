"""Export or print a report: which report, for whom, in which format and language.

An export for one association holds only what it may receive (its own members, and others
only once they consented to share with it); the dialog says so when one is chosen. Files are
written on the reader worker, owner-only, and audited; printing goes through the desk's
print queue on a Letter printer chosen here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.documents.report_data import Language, ReportDocument
from desktop_app.services.reports import document as documents
from desktop_app.services.reports.attendees import Presence
from desktop_app.services.reports.exports import ExportFormat
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.dialogs.common import ErrorLine, interface_language, submit

LETTER_MM = (215.9, 279.4)
REPORTS = ("attendance", "sales", "attendees", "no-show", "checked-in", "partnership")


def build_document(context: DeskContext, report: str, association: str | None) -> ReportDocument:
    """The chosen report as a document (on a worker: it reads the database)."""
    reports = context.office.reports
    slug = context.slug
    if report == "attendance":
        return documents.attendance_document(reports.attendance(slug))
    if report == "sales":
        return documents.sales_document(reports.sales(slug))
    if report == "partnership":
        return documents.partnership_document(reports.partnership())
    presence = {"no-show": Presence.NO_SHOW, "checked-in": Presence.CHECKED_IN}.get(
        report, Presence.ALL
    )
    return documents.attendees_document(reports.attendees(slug, presence, association))


class ExportDialog(QDialog):
    """Choose a report, its audience and format; save it, or print it."""

    def __init__(self, parent: QWidget | None, context: DeskContext) -> None:
        super().__init__(parent)
        self.context = context
        self.report = QComboBox()
        for key in REPORTS:
            self.report.addItem("", key)
        self.association = QComboBox()
        for audience in (None, "bioquebec", "lso"):
            self.association.addItem("", audience)
        self.audience_note = QLabel()
        self.audience_note.setWordWrap(True)
        # Room for three lines: a wrapped label in a form does not grow by itself.
        self.audience_note.setMinimumHeight(self.audience_note.fontMetrics().lineSpacing() * 3 + 4)
        self.file_format = QComboBox()
        for key in ("xlsx", "csv", "pdf"):
            self.file_format.addItem("", key)
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if interface_language() == "fr" else 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = ErrorLine()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_report)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.report_label, self.association_label = QLabel(), QLabel()
        self.format_label, self.language_label = QLabel(), QLabel()
        self.form.addRow(self.report_label, self.report)
        self.form.addRow(self.association_label, self.association)
        self.form.addRow(self.audience_note)
        self.form.addRow(self.format_label, self.file_format)
        self.form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.report.currentIndexChanged.connect(lambda _i: self._update())
        self.association.currentIndexChanged.connect(lambda _i: self._update())
        self.setMinimumWidth(560)
        self.retranslate()
        self._update()

    def chosen(self) -> tuple[str, str | None, str, Language]:
        """(report, association or None, format, language)."""
        language: Language = "fr" if self.language.currentData() == "fr" else "en"
        return (
            str(self.report.currentData()),
            self.association.currentData(),
            str(self.file_format.currentData()),
            language,
        )

    def _update(self) -> None:
        report, association, _, _ = self.chosen()
        lists = report in ("attendees", "no-show", "checked-in")
        self.association.setEnabled(lists)
        if lists and association is not None:
            name = "BIOQuébec" if association == "bioquebec" else "LSO"
            self.audience_note.setText(
                self.tr(
                    "For {association}: only its own members (and members of both), and other"
                    " people only once they consented to share their information with it."
                ).format(association=name)
            )
        elif lists:
            self.audience_note.setText(
                self.tr("For the event's organizers: everyone. Do not send it to an association.")
            )
        else:
            self.audience_note.setText(self.tr("Counts and amounts only: no one's details."))

    def _default_name(self, extension: str) -> str:
        report, association, _, _ = self.chosen()
        parts = [self.context.slug, report, *([association] if association else [])]
        return "-".join(parts) + f".{extension}"

    def save(self) -> None:
        """Ask where, then write the file on the reader worker."""
        report, association, file_format, language = self.chosen()
        folder = self.context.settings.receipt_folder
        filters = {"xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)", "pdf": "PDF (*.pdf)"}
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report"),
            str(folder / self._default_name(file_format)),
            filters[file_format],
        )
        if not path:
            return
        target = Path(path)
        context = self.context
        reports = context.office.reports

        def work() -> int:
            document = build_document(context, report, association)
            if file_format == "pdf":
                reports.save_pdf(
                    document, target, staff=context.staff.name, desk=context.desk, force=True
                )  # the save dialog asked before replacing a file
                return document.row_count()
            return reports.export(
                document,
                target,
                ExportFormat(file_format),
                language,
                staff=context.staff.name,
                desk=context.desk,
                force=True,  # the save dialog asked before replacing a file
            )

        self.status.setText(self.tr("Writing…"))
        self.error.clear_error()
        submit(context.reader, self, work, lambda rows: self._saved(target, rows), self._failed)

    def _saved(self, path: Path, rows: int) -> None:
        self.status.setText(self.tr("Saved {path} ({rows} rows).").format(path=path, rows=rows))

    def _failed(self, error: BaseException) -> None:
        self.status.clear()
        self.error.show_error(error)

    def print_report(self) -> None:
        """Print the chosen report (as its PDF) on a printer chosen here."""
        from PySide6.QtWidgets import QInputDialog

        from desktop_app.ui.printing import PrinterChoice, list_printers

        queue = self.context.print_queue
        printers = [state.name for state in list_printers()]
        if queue is None or not printers:
            self.error.show_error(self.tr("No printer is available on this computer."))
            return
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Print the report"),
            self.tr("Printer (Letter paper):"),
            printers,
            0,
            False,
        )
        if not ok:
            return
        report, association, _, _ = self.chosen()
        context = self.context
        choice = PrinterChoice.from_mm(name, *LETTER_MM)

        def work() -> bytes:
            from datetime import UTC, datetime

            from desktop_app.documents.report_pdf import render_report_pdf

            document = build_document(context, report, association)
            return render_report_pdf(document, generated_at=datetime.now(UTC))

        def send(pdf: bytes) -> None:
            queue.submit(pdf, choice, title=self._default_name("pdf"))
            self.status.setText(self.tr("Sent to {printer}.").format(printer=name))

        self.status.setText(self.tr("Preparing…"))
        submit(context.reader, self, work, send, self._failed)

    def retranslate(self) -> None:
        """Every text in the interface language."""
        names: dict[Any, str] = {
            "attendance": self.tr("Attendance (counts, arrivals)"),
            "sales": self.tr("Sales and taxes"),
            "attendees": self.tr("Attendee list (everyone)"),
            "no-show": self.tr("Attendee list (not arrived)"),
            "checked-in": self.tr("Attendee list (arrived)"),
            "partnership": self.tr("Partnership (every event)"),
        }
        for i in range(self.report.count()):
            self.report.setItemText(i, names[self.report.itemData(i)])
        audiences = {
            None: self.tr("The event's organizers"),
            "bioquebec": "BIOQuébec",
            "lso": "LSO",
        }
        for i in range(self.association.count()):
            self.association.setItemText(i, audiences[self.association.itemData(i)])
        formats = {"xlsx": "Excel (XLSX)", "csv": "CSV (UTF-8)", "pdf": "PDF"}
        for i in range(self.file_format.count()):
            self.file_format.setItemText(i, formats[self.file_format.itemData(i)])
        self.setWindowTitle(self.tr("Export or print a report"))
        self.report_label.setText(self.tr("Report:"))
        self.association_label.setText(self.tr("For:"))
        self.format_label.setText(self.tr("Format:"))
        self.language_label.setText(self.tr("Headings in:"))
        self.save_button.setText(self.tr("Save…"))
        self.print_button.setText(self.tr("Print…"))
