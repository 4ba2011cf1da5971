"""Which printer and stock a document goes to, what state the printer is in, and the messages
a failed print shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, AppError, Invalid

_POINTS_PER_MM = 72 / 25.4


class PrinterUnavailable(AppError):
    """The printer is missing, paused, refuses the page size, or the job could not be sent."""


T_MISSING = QT_TRANSLATE_NOOP(
    "AppError",
    "The printer {printer} is not available. Check that it is on and connected, "
    "then retry, or save as PDF instead.",
)
T_STOPPED = QT_TRANSLATE_NOOP(
    "AppError",
    "The printer {printer} is paused or in error. Resume it (or clear the error) "
    "on this computer, then retry, or save as PDF instead.",
)
T_PAGE_SIZE = QT_TRANSLATE_NOOP(
    "AppError",
    "The printer {printer} does not accept the page size {width} × {height} mm. "
    "Choose another printer or stock in the settings, or save as PDF instead.",
)
T_NOT_STARTED = QT_TRANSLATE_NOOP(
    "AppError",
    "The printer {printer} could not start the job. Check the printer, then retry, "
    "or save as PDF instead.",
)
T_NOT_SENT = QT_TRANSLATE_NOOP(
    "AppError",
    "The job could not be sent to the printer {printer}. Check the printer, then retry, "
    "or save as PDF instead.",
)
T_NO_PRINTER = QT_TRANSLATE_NOOP(
    "AppError", "No printer is chosen for this desk. Choose one in the settings."
)
T_EMPTY = QT_TRANSLATE_NOOP("AppError", "The document to print has no pages.")
T_BAD_CHOICE = QT_TRANSLATE_NOOP(
    "AppError", "The saved printer settings are unreadable ({reason}). Choose the printer again."
)
T_NOT_SAVED = QT_TRANSLATE_NOOP(
    "AppError", "The PDF could not be saved to {path} ({reason}). Choose another folder."
)
T_BUG = QT_TRANSLATE_NOOP(
    "AppError",
    "Printing failed because of an internal error (details are in the log). "
    "Retry, or save as PDF instead.",
)


def translated_message(error: AppError) -> str:
    """``error``'s message in the interface language (templates are in context AppError)."""
    template = QCoreApplication.translate("AppError", error.template)
    try:
        return template.format(**error.params)
    except (KeyError, IndexError, ValueError):
        return template


class Orientation(StrEnum):
    """How the document lies on the stock as it goes through the printer."""

    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True)
class PrinterChoice:
    """The desk's printer and the stock loaded in it.

    ``width_pt`` × ``height_pt`` is the stock as the printer feeds it (a 4 × 3 in label fed
    short edge first is 216 × 288); ``orientation`` turns the document on it, as in a print
    dialog: a landscape 288 × 216 badge on that stock needs ``LANDSCAPE``.
    """

    printer: str
    width_pt: float
    height_pt: float
    orientation: Orientation = Orientation.PORTRAIT

    @classmethod
    def from_mm(
        cls,
        printer: str,
        width_mm: float,
        height_mm: float,
        orientation: Orientation = Orientation.PORTRAIT,
    ) -> PrinterChoice:
        """A choice with the stock given in millimetres (e.g. Brother DK-1202, 62 × 100)."""
        return cls(printer, width_mm * _POINTS_PER_MM, height_mm * _POINTS_PER_MM, orientation)

    @property
    def width_mm(self) -> float:
        """The stock's width in millimetres."""
        return self.width_pt / _POINTS_PER_MM

    @property
    def height_mm(self) -> float:
        """The stock's height in millimetres."""
        return self.height_pt / _POINTS_PER_MM

    def to_dict(self) -> dict[str, str | float]:
        """Plain values for QSettings or JSON."""
        return {
            "printer": self.printer,
            "width_pt": self.width_pt,
            "height_pt": self.height_pt,
            "orientation": self.orientation.value,
        }

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> PrinterChoice:
        """The choice saved by ``to_dict``; numbers may come back as strings (QSettings INI).

        Raises ``Invalid`` when a value is missing or unusable.
        """
        try:
            choice = cls(
                printer=str(values["printer"]),
                width_pt=float(values["width_pt"]),
                height_pt=float(values["height_pt"]),
                orientation=Orientation(str(values.get("orientation", "portrait"))),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise Invalid(T_BAD_CHOICE, reason=str(error)) from error
        if not (choice.width_pt > 0 and choice.height_pt > 0):
            raise Invalid(T_BAD_CHOICE, reason="page size")
        return choice


class QueueStatus(StrEnum):
    """What the operating system says about a print queue."""

    IDLE = "idle"
    PROCESSING = "processing"
    STOPPED = "stopped"
    ABSENT = "absent"


@dataclass(frozen=True)
class PrinterState:
    """A printer as the settings list and the status bar show it."""

    name: str
    description: str
    is_default: bool
    status: QueueStatus


@dataclass(frozen=True)
class PrintOutcome:
    """What a finished job did: printed on ``printer``, or saved to ``saved_to`` instead."""

    pages: int
    printer: str | None = None
    dpi: int | None = None
    saved_to: Path | None = None


STATUS_FROM_QT = {
    QPrinter.PrinterState.Idle: QueueStatus.IDLE,
    QPrinter.PrinterState.Active: QueueStatus.PROCESSING,
    # CUPS reports a disabled (paused) queue as Error; Windows reports offline or jammed so.
    QPrinter.PrinterState.Aborted: QueueStatus.STOPPED,
    QPrinter.PrinterState.Error: QueueStatus.STOPPED,
}


def _state_of(info: QPrinterInfo, default_name: str) -> PrinterState:
    return PrinterState(
        name=info.printerName(),
        description=info.description() or info.printerName(),
        is_default=info.printerName() == default_name,
        status=STATUS_FROM_QT.get(info.state(), QueueStatus.STOPPED),
    )


def list_printers() -> list[PrinterState]:
    """The printers this computer knows, with their current state, default first."""
    default_name = QPrinterInfo.defaultPrinterName()
    states = [_state_of(info, default_name) for info in QPrinterInfo.availablePrinters()]
    return sorted(states, key=lambda state: (not state.is_default, state.name.casefold()))


def printer_state(name: str) -> PrinterState:
    """The state of the printer ``name``; ``ABSENT`` when this computer does not know it."""
    info = QPrinterInfo.printerInfo(name)
    if not name or info.isNull():
        return PrinterState(name, name, is_default=False, status=QueueStatus.ABSENT)
    return _state_of(info, QPrinterInfo.defaultPrinterName())
