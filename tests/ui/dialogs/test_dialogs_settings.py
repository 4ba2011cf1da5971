"""The settings dialog lists printers with their state, previews the stock, and saves the choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.documents.stocks import load_stock
from desktop_app.ui.dialogs import settings as settings_module
from desktop_app.ui.dialogs.settings import SettingsDialog
from desktop_app.ui.machine_settings import MachineSettings, receipt_printer_choice
from desktop_app.ui.printing import PrinterChoice, PrinterState, PrintOutcome, QueueStatus

PRINTERS = [
    PrinterState("Office", "HP LaserJet (office)", is_default=True, status=QueueStatus.IDLE),
    PrinterState("QL820", "Brother QL-820NWB", is_default=False, status=QueueStatus.STOPPED),
]


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def open_dialog(qtbot: QtBot, settings: MachineSettings) -> SettingsDialog:
    dialog = SettingsDialog(None, settings, printers=lambda: list(PRINTERS))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._printers_known, timeout=5000)
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 1, timeout=5000)
    return dialog


def labels(dialog: SettingsDialog) -> list[str]:
    return [dialog.badge_printer.itemText(i) for i in range(dialog.badge_printer.count())]


def test_saves_printer_stock_and_the_rest(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "desk.ini"
    settings = MachineSettings(ini(path))
    dialog = open_dialog(qtbot, settings)
    assert labels(dialog) == [
        "No printer (save PDFs instead)",
        "HP LaserJet (office) — ready (default)",
        "Brother QL-820NWB — paused or in error",
    ]
    assert dialog.chosen_stock() == "avery-5392"
    assert dialog.start_cell.isEnabled()
    assert dialog.start_cell.maximum() == 6
    assert "cell 1 of 6" in dialog.preview_caption.text()

    dialog.desk.setText("Desk 3")
    dialog.badge_printer.setCurrentIndex(dialog.badge_printer.findData("QL820"))
    dialog.stock.setCurrentIndex(dialog.stock.findData("brother-dk1202"))
    assert not dialog.start_cell.isEnabled()  # one badge per label: no cell to choose
    dialog.receipt_printer.setCurrentIndex(dialog.receipt_printer.findData("Office"))
    dialog.print_on_check_in.setChecked(False)
    dialog.print_receipt.setChecked(True)
    dialog.sounds.setChecked(False)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    qtbot.waitUntil(lambda: not dialog._preview_running, timeout=5000)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    dialog.worker.wait(5000)

    saved = MachineSettings(ini(path))
    assert saved.desk_name == "Desk 3"
    assert saved.stock == "brother-dk1202"
    badge = saved.badge_printer
    assert badge is not None
    assert badge.printer == "QL820"
    assert (round(badge.width_mm), round(badge.height_mm)) == (62, 100)
    assert saved.receipt_printer == receipt_printer_choice("Office")
    assert saved.print_on_check_in is False
    assert saved.print_receipt_by_default is True
    assert saved.sounds is False
    assert saved.language == "fr"


def test_reopening_shows_what_was_saved_and_a_missing_printer(qtbot: QtBot, tmp_path: Path) -> None:
    settings = MachineSettings(ini(tmp_path / "desk.ini"))
    settings.badge_printer = PrinterChoice("Gone away", 612, 792)
    settings.stock = "avery-5395"
    settings.start_cell = 5
    dialog = open_dialog(qtbot, settings)
    assert dialog.badge_printer.currentText() == "Gone away — not found on this computer"
    assert dialog.chosen_stock() == "avery-5395"
    assert dialog.start_cell.value() == 5
    assert "cell 5 of 8" in dialog.preview_caption.text()

    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    dialog.worker.wait(5000)
    assert settings.start_cell == 5  # cancelling changes nothing


def test_no_printer_disables_the_alignment_page_and_saves_none(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = MachineSettings(ini(tmp_path / "desk.ini"))
    settings.badge_printer = PrinterChoice("Office", 612, 792)
    dialog = open_dialog(qtbot, settings)
    assert dialog.alignment.isEnabled()
    dialog.badge_printer.setCurrentIndex(0)
    assert not dialog.alignment.isEnabled()
    dialog.accept()
    dialog.worker.wait(5000)
    assert settings.badge_printer is None


def test_alignment_page_goes_to_the_chosen_printer_with_the_stock_size(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[bytes, PrinterChoice]] = []

    def fake_print(pdf: bytes, choice: PrinterChoice, title: str = "") -> PrintOutcome:
        del title
        sent.append((pdf, choice))
        return PrintOutcome(pages=1, printer=choice.printer, dpi=300)

    monkeypatch.setattr(settings_module, "print_pdf", fake_print)
    dialog = open_dialog(qtbot, MachineSettings(ini(tmp_path / "desk.ini")))
    dialog.badge_printer.setCurrentIndex(dialog.badge_printer.findData("Office"))
    dialog.alignment.click()
    qtbot.waitUntil(lambda: "sent to Office" in dialog.print_status.text(), timeout=5000)
    pdf, choice = sent[0]
    assert pdf.startswith(b"%PDF")
    assert (round(choice.width_pt), round(choice.height_pt)) == (612, 792)
    assert load_stock("avery-5392").cells_per_page == 6
    dialog.worker.wait(5000)


def test_a_failed_alignment_page_is_stated(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, MachineSettings(ini(tmp_path / "desk.ini")))
    dialog.badge_printer.setCurrentIndex(dialog.badge_printer.findData("QL820"))
    # The real print_pdf: QL820 does not exist on this computer, so it must refuse clearly.
    dialog.alignment.click()
    qtbot.waitUntil(lambda: dialog.print_error.text() != "", timeout=10000)
    assert "QL820" in dialog.print_error.text()
    assert dialog.alignment.isEnabled()
    dialog.worker.wait(5000)


def test_saves_the_backup_folder_interval_and_count(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "desk.ini"
    settings = MachineSettings(ini(path))
    dialog = open_dialog(qtbot, settings)
    box = dialog.backup_box
    assert box.title() == "Backups"
    # Until chosen: the default (next to the database) shown as the placeholder, not a choice.
    assert box.folder.text() == ""
    assert box.folder.placeholderText() == str(settings.backup_folder)
    assert (box.interval.value(), box.keep.value()) == (15, 20)

    box.folder.setText(str(tmp_path / "usb"))
    box.interval.setValue(5)
    box.keep.setValue(40)
    qtbot.waitUntil(lambda: not dialog._preview_running, timeout=5000)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    saved = MachineSettings(ini(path))
    assert saved.backup_folder == tmp_path / "usb"
    assert saved.backup_interval_minutes == 5
    assert saved.backup_keep == 40


def test_shows_and_saves_the_receipt_folder_and_the_80mm_roll(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "desk.ini"
    settings = MachineSettings(ini(path))
    settings.receipt_folder = tmp_path / "receipts"
    dialog = open_dialog(qtbot, settings)
    receipts = dialog.receipt_more
    # Where receipts go without a printer is shown, not hidden.
    assert receipts.folder.text() == str(tmp_path / "receipts")
    assert receipts.layout_choice.currentData() == "letter"
    receipts.folder.setText(str(tmp_path / "usb" / "recus"))
    receipts.layout_choice.setCurrentIndex(receipts.layout_choice.findData("roll-80"))
    dialog.receipt_printer.setCurrentIndex(dialog.receipt_printer.findData("Office"))
    qtbot.waitUntil(lambda: not dialog._preview_running, timeout=5000)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    dialog.worker.wait(5000)

    saved = MachineSettings(ini(path))
    assert saved.receipt_folder == tmp_path / "usb" / "recus"
    assert saved.receipt_layout == "roll-80"
    receipt = saved.receipt_printer
    assert receipt is not None and round(receipt.width_mm) == 80


def test_the_preview_shows_what_prints_french_first_for_a_montreal_event(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.documents.pdf_reading import pdf_text

    settings = MachineSettings(ini(tmp_path / "desk.ini"))
    dialog = SettingsDialog(
        None,
        settings,
        printers=lambda: list(PRINTERS),
        badge_language="fr",  # a Québec event, whatever the interface language (English)
        event_names=("Forum conjoint BIOQuébec–LSO 2027", "BIOQuébec–LSO Joint Forum 2027"),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 1, timeout=5000)
    text = pdf_text(dialog.preview._pdf)
    assert text.index("Forum conjoint") < text.index("Joint Forum")
    dialog.worker.wait(5000)


def test_opening_and_closing_settings_while_the_preview_draws_never_crashes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    import gc

    settings = MachineSettings(ini(tmp_path / "desk.ini"))
    stocks = ["avery-5392", "avery-5395", "badge-4x6", "brother-dk1202", "brother-62mm"]
    for round_ in range(6):
        dialog = SettingsDialog(None, settings, printers=lambda: list(PRINTERS))
        dialog.show()
        for stock in stocks[round_ % 2 :]:  # each change asks for another drawing
            dialog.stock.setCurrentIndex(dialog.stock.findData(stock))
        qtbot.wait(5)
        dialog.close()
        dialog.deleteLater()  # gone while its worker may still draw
        gc.collect()  # on this (the GUI) thread, as the application's collector does
        qtbot.wait(5)
    last = SettingsDialog(None, settings, printers=lambda: list(PRINTERS))
    qtbot.addWidget(last)
    last.show()
    qtbot.waitUntil(lambda: last.preview.page_count() == 1, timeout=10_000)
    last.worker.wait(10_000)
