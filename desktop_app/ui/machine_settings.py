"""What this computer remembers about its desk: name, event, language, printers, stock.

Stored with ``QSettings`` (organization and application "Passerelle": the registry on Windows,
a plist on macOS, an INI file on Linux), never in the shared database: two desks at one event
have different printers. Tests pass a ``QSettings`` on an INI file in a temporary folder.

Every setter writes through at once, so a crash right after "Save" loses nothing. Values read
back from an INI file are strings; each getter converts and falls back to its default when a
value is missing or unreadable, so a damaged file never stops the desk from starting.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from desktop_app.documents.receipt import ROLL_WIDTH, ReceiptLayout
from desktop_app.documents.stocks import BadgeStock, available_stocks
from desktop_app.domain.errors import AppError
from desktop_app.ui.i18n import LANGUAGES, system_language
from desktop_app.ui.printing import PrinterChoice

log = logging.getLogger(__name__)

ORGANIZATION = "Passerelle"
APPLICATION = "Passerelle"
DEFAULT_STOCK = "avery-5392"

_DESK_NAME = "desk/name"
_EVENT = "desk/event"
_LANGUAGE = "language"  # the key app.py already used before the desk landed
_BADGE_PRINTER = "printing/badge_printer"
_RECEIPT_PRINTER = "printing/receipt_printer"
_RECEIPT_FOLDER = "printing/receipt_folder"
_RECEIPT_LAYOUT = "printing/receipt_layout"
_STOCK = "printing/stock"
_START_CELL = "printing/start_cell"
_PRINT_ON_CHECK_IN = "printing/print_on_check_in"
_ADMITS_SESSION = "desk/admits_session"
_EXIT_MODE = "desk/exit_mode_session"
_PRINT_RECEIPT = "printing/print_receipt_by_default"
_SOUNDS = "desk/sounds"
_IDLE_LOCK = "desk/idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
_BACKUP_FOLDER = "backup/folder"
_BACKUP_INTERVAL = "backup/interval_minutes"
_BACKUP_KEEP = "backup/keep"

RECEIPT_LAYOUTS: tuple[ReceiptLayout, ...] = ("letter", "roll-80")
DEFAULT_BACKUP_INTERVAL_MINUTES = 15
DEFAULT_BACKUP_KEEP = 20


def _as_bool(value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes"):
            return True
        if lowered in ("false", "0", "no"):
            return False
    if isinstance(value, int):
        return value != 0
    return default


def stock_printer_choice(printer: str, stock: BadgeStock) -> PrinterChoice:
    """The page size a printer is set to for ``stock``: the stock's page, portrait.

    Portrait (short edge first) is how sheets and labels feed; ``print_pdf`` turns a
    landscape page (a Brother DK-1202 badge, 100 × 62 mm) onto it by itself. A continuous roll
    is set to its longest badge here (the alignment page, a saved choice); each badge job then
    sets the page to that badge's own length (``desk.badge_jobs.badge_page_choice``).
    """
    width = stock.page_width
    height = stock.max_length if stock.max_length is not None else stock.page_height
    if stock.max_length is not None:
        width = min(stock.page_width, stock.page_height)
    return PrinterChoice(printer, min(width, height), max(width, height))


class MachineSettings:
    """The per-machine settings of a desk, read and written through ``QSettings``."""

    database_backups: Path | None = None
    """The default backup folder of the database open now (next to it); set by the desk,
    not saved: another database has its own."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings(ORGANIZATION, APPLICATION)

    @property
    def qsettings(self) -> QSettings:
        """The underlying store (for code that keeps its own keys, e.g. window geometry)."""
        return self._settings

    def sync(self) -> None:
        """Write pending changes to permanent storage now."""
        self._settings.sync()

    # -- plain values -------------------------------------------------------------------

    def _text(self, key: str) -> str | None:
        value = self._settings.value(key)
        if value is None:
            return None
        text = str(value).strip()
        return text or None

    def _set_text(self, key: str, value: str | None) -> None:
        if value is None or not value.strip():
            self._settings.remove(key)
        else:
            self._settings.setValue(key, value.strip())

    def _bool(self, key: str, default: bool) -> bool:
        return _as_bool(self._settings.value(key), default)

    def _int(self, key: str, default: int, minimum: int) -> int:
        try:
            value = int(str(self._settings.value(key, default)))
        except ValueError:
            return default
        return value if value >= minimum else default

    @property
    def desk_name(self) -> str:
        """The desk's name as shown in the header and written in the audit log ("" if unset)."""
        return self._text(_DESK_NAME) or ""

    @desk_name.setter
    def desk_name(self, value: str) -> None:
        self._set_text(_DESK_NAME, value)

    @property
    def event_slug(self) -> str | None:
        """The event this desk last worked on."""
        return self._text(_EVENT)

    @event_slug.setter
    def event_slug(self, value: str | None) -> None:
        self._set_text(_EVENT, value)

    @property
    def language(self) -> str:
        """The interface language ("fr" or "en"); the system's when never chosen."""
        value = self._text(_LANGUAGE)
        return value if value in LANGUAGES else system_language()

    @language.setter
    def language(self, value: str | None) -> None:
        if value is not None and value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._set_text(_LANGUAGE, value)

    @property
    def language_chosen(self) -> bool:
        """Whether someone chose the language on this machine (else it follows the system)."""
        return self._text(_LANGUAGE) in LANGUAGES

    @property
    def stock(self) -> str:
        """The badge stock loaded in the badge printer (a name from ``available_stocks``)."""
        value = self._text(_STOCK)
        return value if value in available_stocks() else DEFAULT_STOCK

    @stock.setter
    def stock(self, value: str) -> None:
        if value not in available_stocks():
            raise ValueError(f"unknown stock {value!r}")
        self._set_text(_STOCK, value)

    @property
    def start_cell(self) -> int:
        """The first free cell of the sheet in the printer (sheet stocks), from 1."""
        try:
            cell = int(str(self._settings.value(_START_CELL, 1)))
        except ValueError:
            return 1
        return max(cell, 1)

    @start_cell.setter
    def start_cell(self, value: int) -> None:
        self._settings.setValue(_START_CELL, max(int(value), 1))

    @property
    def admits_session(self) -> str | None:
        """The code of the session whose door this desk is (F10); ``None``: the entrance."""
        return self._text(_ADMITS_SESSION)

    @admits_session.setter
    def admits_session(self, value: str | None) -> None:
        self._set_text(_ADMITS_SESSION, value)

    @property
    def exit_mode_session(self) -> str | None:
        """The session whose door this desk works as an exit (Exit mode), if any: tied to
        one door, so admitting another session (F10) leaves Exit mode."""
        return self._text(_EXIT_MODE)

    @exit_mode_session.setter
    def exit_mode_session(self, value: str | None) -> None:
        self._set_text(_EXIT_MODE, value)

    @property
    def print_on_check_in(self) -> bool:
        """Whether checking someone in also prints their badge."""
        return self._bool(_PRINT_ON_CHECK_IN, True)

    @print_on_check_in.setter
    def print_on_check_in(self, value: bool) -> None:
        self._settings.setValue(_PRINT_ON_CHECK_IN, bool(value))

    @property
    def print_receipt_by_default(self) -> bool:
        """Whether "print the receipt" starts ticked after a payment (receipts print on request)."""
        return self._bool(_PRINT_RECEIPT, False)

    @print_receipt_by_default.setter
    def print_receipt_by_default(self, value: bool) -> None:
        self._settings.setValue(_PRINT_RECEIPT, bool(value))

    @property
    def sounds(self) -> bool:
        """Whether each check-in outcome plays its sound."""
        return self._bool(_SOUNDS, True)

    @sounds.setter
    def sounds(self, value: bool) -> None:
        self._settings.setValue(_SOUNDS, bool(value))

    @property
    def idle_lock_minutes(self) -> int:
        """Quiet minutes before the desk hides its screen behind the sign-in (0: never)."""
        return self._int(_IDLE_LOCK, DEFAULT_IDLE_LOCK_MINUTES, 0)

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: int) -> None:
        self._settings.setValue(_IDLE_LOCK, max(0, int(value)))

    # -- backups ------------------------------------------------------------------------

    @property
    def backup_folder(self) -> Path:
        """Where the desk copies its local database (a USB key, say); until one is chosen,
        the ``backups`` folder next to the database this desk has open
        (``database_backups``)."""
        from desktop_app.services.admin.backup import default_backup_directory

        text = self._text(_BACKUP_FOLDER)
        if text:
            return Path(text)
        return self.database_backups or default_backup_directory()

    @backup_folder.setter
    def backup_folder(self, value: Path | str | None) -> None:
        self._set_text(_BACKUP_FOLDER, str(value) if value is not None else None)

    @property
    def backup_folder_chosen(self) -> bool:
        """Whether someone chose the backup folder on this machine."""
        return self._text(_BACKUP_FOLDER) is not None

    @property
    def backup_interval_minutes(self) -> int:
        """Minutes between two automatic backups (at least 1)."""
        return self._int(_BACKUP_INTERVAL, DEFAULT_BACKUP_INTERVAL_MINUTES, 1)

    @backup_interval_minutes.setter
    def backup_interval_minutes(self, value: int) -> None:
        self._settings.setValue(_BACKUP_INTERVAL, max(int(value), 1))

    @property
    def backup_keep(self) -> int:
        """How many backups the folder keeps (the oldest go first; at least 1)."""
        return self._int(_BACKUP_KEEP, DEFAULT_BACKUP_KEEP, 1)

    @backup_keep.setter
    def backup_keep(self, value: int) -> None:
        self._settings.setValue(_BACKUP_KEEP, max(int(value), 1))

    # -- printers -----------------------------------------------------------------------

    def _printer(self, key: str) -> PrinterChoice | None:
        text = self._text(key)
        if text is None:
            return None
        try:
            values = json.loads(text)
            if not isinstance(values, dict):
                raise ValueError("not an object")
            return PrinterChoice.from_dict(values)
        except (ValueError, AppError) as error:
            log.warning("ignoring the unreadable %s setting: %s", key, error)
            return None

    def _set_printer(self, key: str, choice: PrinterChoice | None) -> None:
        if choice is None:
            self._settings.remove(key)
        else:
            self._settings.setValue(key, json.dumps(choice.to_dict(), sort_keys=True))

    @property
    def badge_printer(self) -> PrinterChoice | None:
        """The badge printer and the page size it is set to; ``None`` until chosen."""
        return self._printer(_BADGE_PRINTER)

    @badge_printer.setter
    def badge_printer(self, choice: PrinterChoice | None) -> None:
        self._set_printer(_BADGE_PRINTER, choice)

    @property
    def receipt_printer(self) -> PrinterChoice | None:
        """The receipt printer (Letter paper); ``None`` until chosen."""
        return self._printer(_RECEIPT_PRINTER)

    @receipt_printer.setter
    def receipt_printer(self, choice: PrinterChoice | None) -> None:
        self._set_printer(_RECEIPT_PRINTER, choice)

    @property
    def receipt_folder(self) -> Path:
        """Where receipts are saved as PDF when there is no receipt printer (or it fails);
        the data folder's ``receipts`` until chosen."""
        from desktop_app.db.engine import data_directory

        text = self._text(_RECEIPT_FOLDER)
        return Path(text) if text else data_directory() / "receipts"

    @receipt_folder.setter
    def receipt_folder(self, value: Path | str | None) -> None:
        self._set_text(_RECEIPT_FOLDER, str(value) if value is not None else None)

    @property
    def receipt_layout(self) -> ReceiptLayout:
        """Letter pages or the 80 mm thermal roll (the printer loaded at this desk)."""
        value = self._text(_RECEIPT_LAYOUT)
        return next((layout for layout in RECEIPT_LAYOUTS if layout == value), "letter")

    @receipt_layout.setter
    def receipt_layout(self, value: ReceiptLayout) -> None:
        if value not in RECEIPT_LAYOUTS:
            raise ValueError(f"unknown receipt layout {value!r}")
        self._set_text(_RECEIPT_LAYOUT, value)


LETTER_WIDTH_PT = 8.5 * 72
LETTER_HEIGHT_PT = 11 * 72


def receipt_printer_choice(
    printer: str, layout: ReceiptLayout = "letter", length_pt: float | None = None
) -> PrinterChoice:
    """The page a receipt printer is set to: US Letter, or the 80 mm roll cut at
    ``length_pt`` (each receipt's own length; Letter's height when not known yet)."""
    if layout == "roll-80":
        return PrinterChoice(printer, ROLL_WIDTH, length_pt or LETTER_HEIGHT_PT)
    return PrinterChoice(printer, LETTER_WIDTH_PT, LETTER_HEIGHT_PT)
