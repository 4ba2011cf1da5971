"""Receipts… (Ctrl+Shift+R): find a receipt of the event by number, code or name, then
reprint it (marked COPIE / COPY, audited) or save it as PDF. A receipt is always obtainable
at the desk, even long after the payment or when no printer was there at the time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.money.receipt_files import receipt_file_name, write_private_pdf
from desktop_app.services.money.receipt_lookup import ReceiptSummary
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.services.office import Office
from desktop_app.ui.desk.receipt_output import ReceiptDelivery, ReceiptOutput
from desktop_app.ui.dialogs.common import ErrorLine, interface_language, submit
from desktop_app.ui.dialogs.walkin_payment import money
from desktop_app.ui.worker import Worker

DEBOUNCE_MS = 250


class ReceiptLookupDialog(QDialog):
    """The event's receipts, searched as one types; reprint or save the chosen one."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        reader: Worker,
        writer: Worker,
        office: Office,
        slug: str,
        desk: str,
        staff: str,
        output: ReceiptOutput,
        query: str = "",
    ) -> None:
        super().__init__(parent)
        self.reader, self.writer, self.receipts = reader, writer, office.receipts
        self.slug, self.desk, self.staff = slug, desk, staff
        self.output = output
        self.found: list[ReceiptSummary] = []
        self._seq = 0
        self._last: str | None = None  # the receipt number last reprinted (its delivery shows)

        self.search = QLineEdit(query)
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.table = QTableWidget(0, 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reprint = QPushButton()
        self.save = QPushButton()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.reprint)
        actions.addWidget(self.save)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.look_up)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.look_up)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reprint.clicked.connect(self.reprint_selected)
        self.save.clicked.connect(self.save_selected)
        output.changed.connect(self._delivered)
        self.retranslate()
        self._update_buttons()
        self.resize(820, 460)
        self.look_up()

    # -- finding --------------------------------------------------------------------------

    def look_up(self) -> None:
        """Search now (on the reader) for what is typed."""
        self._timer.stop()
        self._seq += 1
        seq, query = self._seq, self.search.text()
        receipts, slug = self.receipts, self.slug
        submit(
            self.reader,
            self,
            lambda: receipts.find(slug, query),
            lambda found: self._show(seq, found),
            self.error.show_error,
        )

    def _show(self, seq: int, found: list[ReceiptSummary]) -> None:
        if seq != self._seq:
            return  # an older answer: the text changed since
        self.found = found
        language = interface_language()
        self.table.setRowCount(len(found))
        for row, item in enumerate(found):
            notes = ", ".join(item.credit_notes)
            if item.refers_to:
                notes = self.tr("credit note on {number}").format(number=item.refers_to)
            cells = (
                item.number,
                item.issued_at.strftime("%Y-%m-%d %H:%M"),
                item.buyer_name,
                item.registration_code,
                money(item.total, language),
                notes,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 4:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, cell)
        if found:
            self.table.selectRow(0)
        self.status.setText("" if found else self.tr("No receipt matches."))
        self._update_buttons()

    def selected(self) -> ReceiptSummary | None:
        """The receipt chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows and rows[0].row() < len(self.found) else None

    # -- reprinting and saving ------------------------------------------------------------

    def _copy(self, chosen: ReceiptSummary) -> IssuedReceipt:
        # On the writer: a reprint is recorded in the audit log.
        return self.receipts.reprint(
            chosen.receipt_id,
            desk=self.desk,
            staff=self.staff,
            layout=self.output.settings.receipt_layout,
        )

    def reprint_selected(self) -> None:
        """Reprint the chosen receipt (COPIE / COPY) on the desk's printer, or save it."""
        chosen = self.selected()
        if chosen is None:
            return
        self.error.clear_error()

        def done(copy: IssuedReceipt) -> None:
            self._last = copy.number
            self.output.send(copy.number, lambda: copy.pdf, copy=True)

        submit(self.writer, self, lambda: self._copy(chosen), done, self.error.show_error)

    def save_selected(self) -> None:
        """Save a copy (COPIE / COPY) of the chosen receipt where staff choose."""
        chosen = self.selected()
        if chosen is None:
            return
        start = self.output.settings.receipt_folder / receipt_file_name(chosen.number, copy=True)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the receipt as PDF"), str(start), self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        self.error.clear_error()
        target = Path(path)

        def run() -> Path:
            # The save dialog asked before replacing a file.
            write_private_pdf(self._copy(chosen).pdf, target, force=True)
            return target

        def done(saved: Path) -> None:
            self._last = None
            self.status.setText(
                self.tr("Copy of receipt {number} saved as PDF: {path}").format(
                    number=chosen.number, path=str(saved)
                )
            )

        submit(self.writer, self, run, done, self.error.show_error)

    def _delivered(self, delivery: ReceiptDelivery) -> None:
        if delivery.number == self._last:
            self.status.setText(delivery.text())

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.reprint.setEnabled(chosen)
        self.save.setEnabled(chosen)

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setWindowTitle(self.tr("Receipts"))
        self.search_label.setText(self.tr("&Find"))
        self.search.setPlaceholderText(self.tr("Receipt number, registration code or name"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Person"),
                self.tr("Code"),
                self.tr("Total"),
                self.tr("Credit notes"),
            ]
        )
        self.reprint.setText(self.tr("&Reprint (copy)"))
        self.save.setText(self.tr("&Save as PDF…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.found:
                self._show(self._seq, self.found)
        super().changeEvent(event)
