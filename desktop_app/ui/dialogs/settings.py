"""This desk's settings: its name, printers, badge stock, language, sounds; with a badge preview.

Printers are listed with their state (the list is asked off the GUI thread: CUPS may take a
while to answer for network queues). The preview renders a sample badge on the chosen stock,
with the layout and renderer the printer uses. The alignment page prints cell
outlines on the chosen printer, or is saved as a PDF. Nothing is saved until "Save".

This is the only place Passerelle may open a print dialog: the desk itself never does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.documents.badge import BadgeData, render_alignment_page, render_badges
from desktop_app.documents.stocks import available_stocks, load_stock
from desktop_app.ui.dialogs.backup_box import BackupSettingsBox
from desktop_app.ui.dialogs.common import ErrorLine, interface_language, submit
from desktop_app.ui.dialogs.receipt_settings import ReceiptSettings
from desktop_app.ui.i18n import LANGUAGES
from desktop_app.ui.machine_settings import (
    MachineSettings,
    receipt_printer_choice,
    stock_printer_choice,
)
from desktop_app.ui.preview import PdfPreview
from desktop_app.ui.printing import (
    PrinterState,
    PrintOutcome,
    QueueStatus,
    list_printers,
    print_pdf,
    save_pdf,
)
from desktop_app.ui.worker import Worker

_NO_PRINTER = ""


def sample_badge(stock_language: str, event: tuple[str, str] | None = None) -> BadgeData:
    """The badge the preview shows: long accented names, both markings, a role."""
    name_fr, name_en = event or ("Forum conjoint BIOQuébec–LSO", "BIOQuébec–LSO Joint Forum")
    return BadgeData(
        code="PREVIEW-7KQ2M9",
        first_name="Marie-Ève",
        last_name="Tremblay-Nguyễn",
        organization="Thératechnologies inc.",
        marking="both",
        role="speaker",
        event_name_fr=name_fr,
        event_name_en=name_en,
        language="fr" if stock_language == "fr" else "en",
    )


def render_sample(stock_name: str, language: str, event: tuple[str, str] | None = None) -> bytes:
    """The sample badge alone on a page the size of one cell of ``stock_name`` (on a worker).

    The same layout and renderer as on the sheet; only the page is cut down to the cell, so
    the preview shows the badge large enough to read rather than a whole Letter sheet.
    """
    stock = load_stock(stock_name)
    single = replace(
        stock,
        page_width=stock.cell_width,
        page_height=stock.cell_height,
        columns=1,
        rows=1,
        left_margin=0.0,
        top_margin=0.0,
        horizontal_pitch=stock.cell_width,
        vertical_pitch=stock.cell_height,
    )
    return render_badges([sample_badge(language, event)], single).pdf


class SettingsDialog(QDialog):
    """Edits a ``MachineSettings``; "Save" writes every value at once."""

    def __init__(
        self,
        parent: QWidget | None,
        settings: MachineSettings,
        *,
        printers: Callable[[], list[PrinterState]] = list_printers,
        badge_language: str | None = None,
        event_names: tuple[str, str] | None = None,
        event_sessions: tuple[tuple[str, str, str], ...] = (),
    ) -> None:
        super().__init__(parent)
        self.event_sessions = event_sessions
        self.settings = settings
        # The preview shows what prints: the event's badge language (French first for a
        # Québec event), not the interface's; the interface's only with no event open.
        self.badge_language = badge_language
        self.event_names = event_names
        self._list_printers = printers
        self._printers: list[PrinterState] = []
        self._printers_known = False
        # Rendering and printing run here, off the GUI thread; nothing touches the database.
        self.worker = Worker(self)
        self._preview_pending: tuple[str, str] | None = None
        self._preview_running = False

        self._make_fields(settings)
        self._lay_out(settings)
        self.stock.currentIndexChanged.connect(lambda _i: self._stock_changed())
        self.start_cell.valueChanged.connect(lambda _v: self._caption())
        self.badge_printer.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.retranslate()
        self._stock_changed(initial_cell=settings.start_cell)
        self._fill_printers()
        self.load_printers()

    def _make_fields(self, settings: MachineSettings) -> None:
        """The dialog's fields, filled from ``settings``."""
        self.desk = QLineEdit(settings.desk_name)
        self.desk.setMaxLength(60)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem("", code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.sounds = QCheckBox()
        self.sounds.setChecked(settings.sounds)
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setValue(settings.idle_lock_minutes)
        self.admits = QComboBox()  # filled in retranslate: the entrance, then the sessions

        self.badge_printer = QComboBox()
        self.stock = QComboBox()
        for name in available_stocks():
            self.stock.addItem(name, name)
        self.stock.setCurrentIndex(max(self.stock.findData(settings.stock), 0))
        self.start_cell = QSpinBox()
        self.start_cell.setValue(1)
        self.print_on_check_in = QCheckBox()
        self.print_on_check_in.setChecked(settings.print_on_check_in)
        self.alignment = QPushButton()
        self.alignment.clicked.connect(self.print_alignment_page)
        self.save_alignment = QPushButton()
        self.save_alignment.clicked.connect(self.save_alignment_page)
        self.refresh_printers = QPushButton()
        self.refresh_printers.clicked.connect(self.load_printers)
        self.print_status = QLabel()
        self.print_status.setWordWrap(True)
        self.print_error = ErrorLine()

        self.receipt_printer = QComboBox()
        self.print_receipt = QCheckBox()
        self.print_receipt.setChecked(settings.print_receipt_by_default)

        self.preview = PdfPreview()
        self.preview.setMinimumSize(260, 300)
        self.preview_caption = QLabel()
        self.preview_caption.setWordWrap(True)
        self.preview_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    def _lay_out(self, settings: MachineSettings) -> None:
        """The boxes (desk, badges, receipts, backups) beside the badge preview."""
        self.desk_box = QGroupBox()
        desk_form = QFormLayout(self.desk_box)
        self.desk_label = QLabel()
        self.desk_label.setBuddy(self.desk)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        desk_form.addRow(self.desk_label, self.desk)
        desk_form.addRow(self.language_label, self.language)
        desk_form.addRow(self.sounds)
        self.idle_lock_label = QLabel()
        self.idle_lock_label.setBuddy(self.idle_lock)
        desk_form.addRow(self.idle_lock_label, self.idle_lock)
        self.admits_label = QLabel()
        self.admits_label.setBuddy(self.admits)
        if self.event_sessions:  # an event without sessions has only its entrance
            desk_form.addRow(self.admits_label, self.admits)

        self.badge_box = QGroupBox()
        badge_form = QFormLayout(self.badge_box)
        self.badge_printer_label = QLabel()
        self.badge_printer_label.setBuddy(self.badge_printer)
        self.stock_label = QLabel()
        self.stock_label.setBuddy(self.stock)
        self.start_cell_label = QLabel()
        self.start_cell_label.setBuddy(self.start_cell)
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.badge_printer, 1)
        printer_row.addWidget(self.refresh_printers)
        badge_form.addRow(self.badge_printer_label, printer_row)
        badge_form.addRow(self.stock_label, self.stock)
        badge_form.addRow(self.start_cell_label, self.start_cell)
        badge_form.addRow(self.print_on_check_in)
        alignment_row = QHBoxLayout()
        alignment_row.addWidget(self.alignment)
        alignment_row.addWidget(self.save_alignment)
        alignment_row.addStretch(1)
        badge_form.addRow(alignment_row)
        badge_form.addRow(self.print_status)
        badge_form.addRow(self.print_error)

        self.receipt_box = QGroupBox()
        receipt_form = QFormLayout(self.receipt_box)
        self.receipt_printer_label = QLabel()
        self.receipt_printer_label.setBuddy(self.receipt_printer)
        receipt_form.addRow(self.receipt_printer_label, self.receipt_printer)
        receipt_form.addRow(self.print_receipt)
        self.receipt_more = ReceiptSettings(settings)  # paper and PDF folder
        receipt_form.addRow(self.receipt_more)

        left = QVBoxLayout()
        left.addWidget(self.desk_box)
        left.addWidget(self.badge_box)
        left.addWidget(self.receipt_box)
        self.backup_box = BackupSettingsBox(settings)
        left.addWidget(self.backup_box)
        self.server_button = QPushButton()  # the shared database: its own dialog, saved there
        self.server_button.clicked.connect(self.open_server_settings)
        left.addWidget(self.server_button)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.preview_caption)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        settings: MachineSettings,
        *,
        badge_language: str | None = None,
        event_names: tuple[str, str] | None = None,
        event_sessions: tuple[tuple[str, str, str], ...] = (),
    ) -> bool:
        """Show the dialog; True when the settings were saved."""
        dialog = cls(
            parent,
            settings,
            badge_language=badge_language,
            event_names=event_names,
            event_sessions=event_sessions,
        )
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.worker.wait(10_000)
            dialog.deleteLater()

    def open_server_settings(self) -> None:
        """The shared database server (the password goes to the keyring); saved by itself."""
        from desktop_app.ui.dialogs.server import ServerDialog
        from desktop_app.ui.server_settings import ServerSettings

        dialog = ServerDialog(ServerSettings(self.settings), self.worker, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    # -- saving ---------------------------------------------------------------------------

    def chosen_stock(self) -> str:
        """The stock selected in the list."""
        return str(self.stock.currentData())

    def accept(self) -> None:
        """Write every value to the machine settings, then close."""
        settings = self.settings
        settings.desk_name = " ".join(self.desk.text().split())
        settings.language = str(self.language.currentData())
        settings.sounds = self.sounds.isChecked()
        settings.idle_lock_minutes = self.idle_lock.value()
        if self.event_sessions:
            settings.admits_session = self.admits.currentData() or None
        stock = self.chosen_stock()
        settings.stock = stock
        settings.start_cell = self.start_cell.value()
        settings.print_on_check_in = self.print_on_check_in.isChecked()
        badge = str(self.badge_printer.currentData() or _NO_PRINTER)
        settings.badge_printer = stock_printer_choice(badge, load_stock(stock)) if badge else None
        receipt = str(self.receipt_printer.currentData() or _NO_PRINTER)
        paper = self.receipt_more.layout_choice.currentData()
        settings.receipt_printer = receipt_printer_choice(receipt, paper) if receipt else None
        settings.print_receipt_by_default = self.print_receipt.isChecked()
        self.receipt_more.save(settings)
        self.backup_box.save(settings)
        settings.sync()
        super().accept()

    # -- printers -------------------------------------------------------------------------

    def load_printers(self) -> None:
        """Ask the operating system for its printers and their state, in the background."""
        self.refresh_printers.setEnabled(False)
        submit(self.worker, self, self._list_printers, self._printers_loaded, self._printers_failed)

    def _printers_loaded(self, printers: list[PrinterState]) -> None:
        self._printers = printers
        self._printers_known = True
        self.refresh_printers.setEnabled(True)
        self._fill_printers()

    def _printers_failed(self, error: BaseException) -> None:
        self.refresh_printers.setEnabled(True)
        self.print_error.show_error(error)

    def _state_text(self, status: QueueStatus) -> str:
        return {
            QueueStatus.IDLE: self.tr("ready"),
            QueueStatus.PROCESSING: self.tr("printing"),
            QueueStatus.STOPPED: self.tr("paused or in error"),
            QueueStatus.ABSENT: self.tr("not found on this computer"),
        }[status]

    def _fill_printers(self) -> None:
        saved_badge = self.settings.badge_printer
        saved_receipt = self.settings.receipt_printer
        for combo, saved in (
            (self.badge_printer, saved_badge.printer if saved_badge else None),
            (self.receipt_printer, saved_receipt.printer if saved_receipt else None),
        ):
            current = combo.currentData() if combo.count() else saved
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("No printer (save PDFs instead)"), _NO_PRINTER)
            known = {state.name for state in self._printers}
            for state in self._printers:
                label = f"{state.description} — {self._state_text(state.status)}"
                if state.is_default:
                    label += self.tr(" (default)")
                combo.addItem(label, state.name)
            if current and current not in known:
                # Until the list arrives, the saved printer is shown without a state.
                absent = self._state_text(QueueStatus.ABSENT)
                combo.addItem(f"{current} — {absent}" if self._printers_known else current, current)
            combo.setCurrentIndex(max(combo.findData(current or _NO_PRINTER), 0))
            combo.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.alignment.setEnabled(bool(self.badge_printer.currentData()))

    # -- stock and preview ----------------------------------------------------------------

    def _stock_changed(self, initial_cell: int | None = None) -> None:
        stock = load_stock(self.chosen_stock())
        cells = stock.cells_per_page
        self.start_cell.setRange(1, cells)
        if initial_cell is not None:
            self.start_cell.setValue(min(initial_cell, cells))
        sheet = cells > 1
        self.start_cell.setEnabled(sheet)
        self.start_cell_label.setEnabled(sheet)
        self._update_preview()

    def _update_preview(self) -> None:
        """Render the sample badge for the current stock (the latest request wins)."""
        self._preview_pending = (self.chosen_stock(), self.badge_language or interface_language())
        self._caption()
        if not self._preview_running:
            self._render_next()

    def _render_next(self) -> None:
        request = self._preview_pending
        if request is None:
            return
        self._preview_pending = None
        self._preview_running = True
        stock, language = request
        event = self.event_names
        submit(
            self.worker,
            self,
            lambda: render_sample(stock, language, event),  # bytes only: no Qt object there
            self._preview_rendered,
            self._preview_failed,
        )

    def _preview_rendered(self, pdf: bytes) -> None:
        self._preview_running = False
        if self._preview_pending is None:
            self.preview.set_pdf(pdf)
        self._render_next()

    def _preview_failed(self, error: BaseException) -> None:
        self._preview_running = False
        self.print_error.show_error(error)
        self._render_next()

    def _caption(self) -> None:
        stock = load_stock(self.chosen_stock())
        text = stock.title(interface_language())
        if stock.cells_per_page > 1:
            text += "\n" + self.tr("The next badge prints in cell {cell} of {cells}.").format(
                cell=self.start_cell.value(), cells=stock.cells_per_page
            )
        self.preview_caption.setText(text)

    # -- alignment page -------------------------------------------------------------------

    def print_alignment_page(self) -> None:
        """Print the chosen stock's alignment page on the chosen badge printer."""
        printer = str(self.badge_printer.currentData() or "")
        if not printer:
            return
        stock = load_stock(self.chosen_stock())
        choice = stock_printer_choice(printer, stock)
        self.print_error.clear_error()
        self.print_status.setText(
            self.tr("Sending the alignment page to {printer}…").format(printer=printer)
        )
        self.alignment.setEnabled(False)
        submit(
            self.worker,
            self,
            lambda: print_pdf(render_alignment_page(stock), choice, f"Alignment {stock.name}"),
            self._alignment_printed,
            self._alignment_failed,
        )

    def save_alignment_page(self) -> None:
        """Save the chosen stock's alignment page as a PDF (to print from another computer)."""
        stock = load_stock(self.chosen_stock())
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the alignment page"),
            str(Path.home() / f"alignment-{stock.name}.pdf"),
            self.tr("PDF documents (*.pdf)"),
        )
        if not path:
            return
        self.print_error.clear_error()
        submit(
            self.worker,
            self,
            lambda: save_pdf(render_alignment_page(stock), Path(path)),
            self._alignment_printed,
            self._alignment_failed,
        )

    def _alignment_printed(self, outcome: PrintOutcome) -> None:
        self._update_buttons()
        if outcome.saved_to is not None:
            self.print_status.setText(
                self.tr("Alignment page saved to {path}.").format(path=str(outcome.saved_to))
            )
        else:
            self.print_status.setText(
                self.tr(
                    "Alignment page sent to {printer}. Hold the printed page against a sheet "
                    "of badges to the light: the outlines should match the cells."
                ).format(printer=outcome.printer or "")
            )

    def _alignment_failed(self, error: BaseException) -> None:
        self._update_buttons()
        self.print_status.clear()
        self.print_error.show_error(error)

    # -- language -------------------------------------------------------------------------

    def _fill_admits(self) -> None:
        """The entrance, then each session in the interface's language; the choice kept."""
        chosen = self.admits.currentData() if self.admits.count() else self.settings.admits_session
        french = interface_language() == "fr"
        self.admits.clear()
        self.admits.addItem(self.tr("The entrance (everyone registered)"), "")
        for code, name_fr, name_en in self.event_sessions:
            self.admits.addItem(name_fr if french else name_en, code)
        self.admits.setCurrentIndex(max(self.admits.findData(chosen or ""), 0))

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setWindowTitle(self.tr("Desk settings"))
        self.desk_box.setTitle(self.tr("This desk"))
        self.badge_box.setTitle(self.tr("Badges"))
        self.receipt_box.setTitle(self.tr("Receipts"))
        self.receipt_more.retranslate()
        self.backup_box.retranslate()
        self.server_button.setText(self.tr("Shared data&base…"))
        self.desk_label.setText(self.tr("&Desk name"))
        self.language_label.setText(self.tr("&Language"))
        self.language.setItemText(self.language.findData("fr"), "Français")
        self.language.setItemText(self.language.findData("en"), "English")
        self.sounds.setText(self.tr("Play a &sound for each check-in result"))
        self.idle_lock_label.setText(self.tr("&Lock when idle for"))
        self.admits_label.setText(self.tr("This desk &admits"))
        self._fill_admits()
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setSpecialValueText(self.tr("never"))
        self.badge_printer_label.setText(self.tr("Badge &printer"))
        self.stock_label.setText(self.tr("Badge s&tock"))
        self.start_cell_label.setText(self.tr("Start at &cell"))
        self.start_cell.setToolTip(
            self.tr("On a partly used sheet, the first free cell (counted left to right).")
        )
        self.print_on_check_in.setText(self.tr("Print the badge on &check-in"))
        self.alignment.setText(self.tr("Print an &alignment page"))
        self.save_alignment.setText(self.tr("Save it as P&DF…"))
        self.refresh_printers.setText(self.tr("&Refresh"))
        self.receipt_printer_label.setText(self.tr("Receipt p&rinter"))
        self.print_receipt.setText(self.tr("Tick “print the &receipt” after each payment"))
        language = interface_language()
        for index in range(self.stock.count()):
            self.stock.setItemText(
                index, load_stock(str(self.stock.itemData(index))).title(language)
            )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self._printers or self.badge_printer.count():
            self._fill_printers()
        if self.preview_caption.text():
            self._caption()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
