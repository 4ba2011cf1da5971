"""Per-machine settings survive a round trip through an INI file, and bad values fall back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop_app.documents.stocks import load_stock
from desktop_app.ui import machine_settings
from desktop_app.ui.machine_settings import (
    DEFAULT_STOCK,
    MachineSettings,
    receipt_printer_choice,
    stock_printer_choice,
)
from desktop_app.ui.printing import PrinterChoice


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_defaults_on_a_new_machine(qtbot: QtBot, tmp_path: Path) -> None:
    del qtbot
    settings = MachineSettings(ini(tmp_path / "new.ini"))
    assert settings.desk_name == ""
    assert settings.event_slug is None
    assert settings.badge_printer is None
    assert settings.receipt_printer is None
    assert settings.stock == DEFAULT_STOCK == "avery-5392"
    assert settings.start_cell == 1
    assert settings.print_on_check_in is True
    assert settings.print_receipt_by_default is False
    assert settings.sounds is True
    assert settings.language_chosen is False


@pytest.mark.parametrize("system", ["fr", "en"])
def test_language_follows_the_system_until_chosen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, system: str
) -> None:
    del qtbot
    monkeypatch.setattr(machine_settings, "system_language", lambda: system)
    settings = MachineSettings(ini(tmp_path / "lang.ini"))
    assert settings.language == system
    other = "en" if system == "fr" else "fr"
    settings.language = other
    assert settings.language == other
    assert settings.language_chosen
    settings.language = None
    assert settings.language == system


def test_everything_round_trips_through_the_ini_file(qtbot: QtBot, tmp_path: Path) -> None:
    del qtbot
    path = tmp_path / "desk.ini"
    badge = PrinterChoice.from_mm("Brother QL-820NWB", 62, 100)
    receipt = receipt_printer_choice("HP LaserJet (bureau 2)")
    first = MachineSettings(ini(path))
    first.desk_name = "Accueil 2 — Salle Marie-Victorin"
    first.event_slug = "forum-2027"
    first.language = "fr"
    first.badge_printer = badge
    first.receipt_printer = receipt
    first.stock = "brother-dk1202"
    first.start_cell = 4
    first.print_on_check_in = False
    first.print_receipt_by_default = True
    first.sounds = False
    first.sync()
    assert path.exists()

    again = MachineSettings(ini(path))
    assert again.desk_name == "Accueil 2 — Salle Marie-Victorin"
    assert again.event_slug == "forum-2027"
    assert again.language == "fr"
    assert again.badge_printer == badge
    assert again.receipt_printer == receipt
    assert again.stock == "brother-dk1202"
    assert again.start_cell == 4
    assert again.print_on_check_in is False
    assert again.print_receipt_by_default is True
    assert again.sounds is False

    again.badge_printer = None
    again.event_slug = None
    again.sync()
    third = MachineSettings(ini(path))
    assert third.badge_printer is None
    assert third.event_slug is None


def test_damaged_values_fall_back_to_defaults(qtbot: QtBot, tmp_path: Path) -> None:
    del qtbot
    path = tmp_path / "damaged.ini"
    path.write_text(
        "[printing]\n"
        "badge_printer=not json at all\n"
        'receipt_printer="{\\"printer\\": \\"X\\", \\"width_pt\\": -1, \\"height_pt\\": 5}"\n'
        "stock=no-such-stock\n"
        "start_cell=many\n"
        "print_on_check_in=perhaps\n"
        "[General]\n"
        "language=de\n",
        encoding="utf-8",
    )
    settings = MachineSettings(ini(path))
    assert settings.badge_printer is None
    assert settings.receipt_printer is None
    assert settings.stock == DEFAULT_STOCK
    assert settings.start_cell == 1
    assert settings.print_on_check_in is True
    assert settings.language in ("fr", "en")
    with pytest.raises(ValueError):
        settings.stock = "no-such-stock"
    with pytest.raises(ValueError):
        settings.language = "de"


def test_printer_page_size_follows_the_stock() -> None:
    letter = stock_printer_choice("P", load_stock("avery-5392"))
    assert (round(letter.width_pt), round(letter.height_pt)) == (612, 792)
    label = stock_printer_choice("P", load_stock("brother-dk1202"))
    assert (round(label.width_mm), round(label.height_mm)) == (62, 100)
    roll = stock_printer_choice("P", load_stock("brother-62mm"))
    assert (round(roll.width_mm), round(roll.height_mm)) == (62, 160)


def test_backup_settings_default_and_survive_a_damaged_file(tmp_path: Path) -> None:
    from desktop_app.services.admin.backup import default_backup_directory

    path = tmp_path / "desk.ini"
    settings = MachineSettings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.backup_folder == default_backup_directory()
    assert not settings.backup_folder_chosen
    assert (settings.backup_interval_minutes, settings.backup_keep) == (15, 20)
    settings.qsettings.setValue("backup/interval_minutes", "often")
    settings.qsettings.setValue("backup/keep", "0")
    assert (settings.backup_interval_minutes, settings.backup_keep) == (15, 20)
    settings.backup_folder = tmp_path / "usb"
    settings.backup_interval_minutes = 3
    settings.backup_keep = 7
    settings.sync()
    again = MachineSettings(QSettings(str(path), QSettings.Format.IniFormat))
    assert again.backup_folder == tmp_path / "usb"
    assert again.backup_folder_chosen
    assert (again.backup_interval_minutes, again.backup_keep) == (3, 7)
