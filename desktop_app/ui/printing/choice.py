"""Printing Passerelle's PDFs (badges, receipts) to the desk's printer, without a dialog.

Each page is rendered with pypdfium2 at the printer's resolution and painted onto a ``QPrinter``
whose page size is set in code (Qt's page-setup dialogs on Windows and macOS do not offer custom
sizes), full page, no margins. ``print_pdf`` does one job synchronously; ``PrintQueue`` runs jobs
one at a time on a worker thread and calls a job's ``on_success`` only after it printed, so
nothing is recorded as printed that was not.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QMarginsF,
    QObject,
    QRectF,
    QSizeF,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    AppError,
    Invalid,
    StorageUnavailable,
)
from desktop_app.ui.preview import PdfPages

log = logging.getLogger(__name__)

MAX_DPI = 600
"""Above this, bitmaps grow (a Letter page at 600 dpi is already 134 MB) without visible gain."""

_POINTS_PER_MM = 72 / 25.4
_SIZE_TOLERANCE_PT = 1.0


class PrinterUnavailable(AppError):
    """The printer is missing, paused, refuses the page size, or the job could not be sent."""


_MISSING = QT_TRANSLATE_NOOP(
    "AppError",
    "The printer {printer} is not available. Check that it is on and connected, "
    "then retry, or save as PDF instead.",
)
_STOPPED = QT_TRANSLATE_NOOP(
    "AppError",
    "The printer {printer} is paused or in error. Resume it (or clear the error) "
    "on this computer, then retry, or save as PDF instead.",
)
_PAGE_SIZE = QT_TRANSLATE_NOOP(
    "AppError",
    "The printer {printer} does not accept the page size {width} × {height} mm. "
    "Choose another printer or stock in the settings, or save as PDF instead.",
)
_NOT_STARTED = QT_TRANSLATE_NOOP(
    "AppError",
    "The printer {printer} could not start the job. Check the printer, then retry, "
    "or save as PDF instead.",
)
_NOT_SENT = QT_TRANSLATE_NOOP(
    "AppError",
    "The job could not be sent to the printer {printer}. Check the printer, then retry, "
    "or save as PDF instead.",
)
_NO_PRINTER = QT_TRANSLATE_NOOP(
    "AppError", "No printer is chosen for this desk. Choose one in the settings."
)
_EMPTY = QT_TRANSLATE_NOOP("AppError", "The document to print has no pages.")
_BAD_CHOICE = QT_TRANSLATE_NOOP(
    "AppError", "The saved printer settings are unreadable ({reason}). Choose the printer again."
)
_NOT_SAVED = QT_TRANSLATE_NOOP(
    "AppError", "The PDF could not be saved to {path} ({reason}). Choose another folder."
)
_BUG = QT_TRANSLATE_NOOP(
    "AppError",
    "Printing failed because of an internal error (details are in the log). "
    "Retry, or save as PDF instead.",
)


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
            raise Invalid(_BAD_CHOICE, reason=str(error)) from error
        if not (choice.width_pt > 0 and choice.height_pt > 0):
            raise Invalid(_BAD_CHOICE, reason="page size")
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


_STATUS_FROM_QT = {
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
        status=_STATUS_FROM_QT.get(info.state(), QueueStatus.STOPPED),
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


def save_pdf(pdf: bytes, path: Path) -> PrintOutcome:
    """Write ``pdf`` to ``path`` ("save as PDF instead"), replacing it only once fully written.

    Raises ``StorageUnavailable`` when the file cannot be written.
    """
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(pdf)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StorageUnavailable(
            _NOT_SAVED, path=str(path), reason=error.strerror or str(error)
        ) from error
    with PdfPages(pdf) as pages:
        return PrintOutcome(pages=len(pages), saved_to=path)


def _open_printer(choice: PrinterChoice) -> QPrinter:
    """A ``QPrinter`` on exactly ``choice.printer`` with the stock set, or ``PrinterUnavailable``.

    Checked before anything is painted: ``QPrinter.setPrinterName`` silently falls back to
    another printer when the name is unknown, and a paused CUPS queue accepts jobs and holds
    them, so without these checks a badge could come out elsewhere, or hours later.
    """
    if not choice.printer:
        raise PrinterUnavailable(_NO_PRINTER)
    info = QPrinterInfo.printerInfo(choice.printer)
    if info.isNull():
        raise PrinterUnavailable(_MISSING, printer=choice.printer)
    if _STATUS_FROM_QT.get(info.state(), QueueStatus.STOPPED) is QueueStatus.STOPPED:
        raise PrinterUnavailable(_STOPPED, printer=choice.printer)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if not printer.isValid() or printer.printerName() != choice.printer:
        raise PrinterUnavailable(_MISSING, printer=choice.printer)
    # ExactMatch: a custom label size must not be rounded to the nearest standard paper, while
    # an exact standard size (Letter) still gets its standard name, which drivers prefer.
    page_size = QPageSize(
        QSizeF(choice.width_pt, choice.height_pt),
        QPageSize.Unit.Point,
        f"Passerelle {choice.width_mm:.1f} x {choice.height_mm:.1f} mm",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    orientation = (
        QPageLayout.Orientation.Landscape
        if choice.orientation is Orientation.LANDSCAPE
        else QPageLayout.Orientation.Portrait
    )
    layout = QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))
    # Full page: badges are designed to the edge; the printer's unprintable border is the
    # stock's business (label printers have none), not a reason to shrink the badge.
    layout.setMode(QPageLayout.Mode.FullPageMode)
    printer.setFullPage(True)
    if not printer.setPageLayout(layout) or not _same_size(
        printer.pageLayout().pageSize().size(QPageSize.Unit.Point),
        QSizeF(choice.width_pt, choice.height_pt),
    ):
        raise PrinterUnavailable(
            _PAGE_SIZE,
            printer=choice.printer,
            width=f"{choice.width_mm:.0f}",
            height=f"{choice.height_mm:.0f}",
        )
    printer.setCopyCount(1)
    return printer


def _same_size(a: QSizeF, b: QSizeF) -> bool:
    return (
        abs(a.width() - b.width()) <= _SIZE_TOLERANCE_PT
        and abs(a.height() - b.height()) <= _SIZE_TOLERANCE_PT
    )


def _fit(page_pt: QSizeF, target_pt: QSizeF) -> float:
    """The scale that fits ``page_pt`` in ``target_pt``, never above 1 (actual size)."""
    return min(
        1.0,
        (target_pt.width() + _SIZE_TOLERANCE_PT) / page_pt.width(),
        (target_pt.height() + _SIZE_TOLERANCE_PT) / page_pt.height(),
    )


def print_pdf(pdf: bytes, choice: PrinterChoice, title: str = "Passerelle") -> PrintOutcome:
    """Print every page of ``pdf`` on ``choice.printer``, without a dialog; blocks until sent.

    Each page is rendered at the printer's resolution (at most ``MAX_DPI``) and printed at
    actual size, centred: a 4 × 3 in badge fills 4 × 3 in stock. A page that only fits the
    stock turned a quarter turn (a landscape badge on labels fed short edge first) is turned;
    one too large either way is shrunk to fit, never enlarged, so a wrong stock setting shows
    as a small badge rather than a distorted one. ``title`` names the
    job in the operating system's queue. Safe to call from a worker thread.

    Raises ``PrinterUnavailable`` (missing, paused, refuses the size, the job failed to start
    or be sent) or ``Invalid`` (unreadable PDF); nothing was printed then.
    """
    with PdfPages(pdf) as pages:
        if len(pages) == 0:
            raise Invalid(_EMPTY)
        printer = _open_printer(choice)
        printer.setDocName(title)
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterUnavailable(_NOT_STARTED, printer=choice.printer)
        try:
            for index in range(len(pages)):
                if index and not printer.newPage():
                    raise PrinterUnavailable(_NOT_SENT, printer=choice.printer)
                _paint_page(painter, printer, pages, index, dpi)
        except BaseException:
            # Abort so a half-painted document never reaches the spooler.
            printer.abort()
            painter.end()
            raise
        if not painter.end() or printer.printerState() in (
            QPrinter.PrinterState.Error,
            QPrinter.PrinterState.Aborted,
        ):
            raise PrinterUnavailable(_NOT_SENT, printer=choice.printer)
        return PrintOutcome(pages=len(pages), printer=choice.printer, dpi=dpi)


def _paint_page(
    painter: QPainter, printer: QPrinter, pages: PdfPages, index: int, dpi: int
) -> None:
    """Paint page ``index`` at actual size (or shrunk to fit, turned if that fits), centred."""
    target = printer.paperRect(QPrinter.Unit.DevicePixel)
    target_pt = printer.paperRect(QPrinter.Unit.Point).size()
    page_pt = pages.size_points(index)
    fit, rotation = _fit(page_pt, target_pt), 0
    turned_fit = _fit(page_pt.transposed(), target_pt)
    if turned_fit > fit + 1e-6:
        fit, rotation, page_pt = turned_fit, 90, page_pt.transposed()
    # Render as many pixels as the printer will place, so nothing is resampled twice.
    image = pages.render(index, dpi * fit, rotation)
    scale = target.width() / target_pt.width()  # device pixels per point
    width = page_pt.width() * fit * scale
    height = page_pt.height() * fit * scale
    painter.drawImage(
        QRectF(
            target.x() + (target.width() - width) / 2,
            target.y() + (target.height() - height) / 2,
            width,
            height,
        ),
        image,
    )


def translated_message(error: AppError) -> str:
    """``error``'s message in the interface language (templates are in context AppError)."""
    template = QCoreApplication.translate("AppError", error.template)
    try:
        return template.format(**error.params)
    except (KeyError, IndexError, ValueError):
        return template


class JobStatus(StrEnum):
    """Where a job is in the queue."""

    QUEUED = "queued"
    PRINTING = "printing"
    FAILED = "failed"


class QueueState(StrEnum):
    """What the status bar shows."""

    IDLE = "idle"
    PRINTING = "printing"
    NEEDS_ATTENTION = "needs_attention"  # a job failed and waits for retry or "save as PDF"


@dataclass
class PrintJob:
    """A job kept with its PDF until it printed, so it can be retried or saved instead."""

    job_id: int
    pdf: bytes
    choice: PrinterChoice
    title: str
    on_success: Callable[[PrintOutcome], None] | None
    status: JobStatus = JobStatus.QUEUED
    error: AppError | None = field(default=None, repr=False)


class _PrintWorker(QObject):
    """Lives on the print thread; prints one job per ``run`` and reports back."""

    finished = Signal(int, object)  # job id, PrintOutcome or AppError

    @Slot(int, object, object, str)
    def run(self, job_id: int, pdf: bytes, choice: PrinterChoice, title: str) -> None:
        try:
            result: PrintOutcome | AppError = print_pdf(pdf, choice, title)
        except AppError as error:
            result = error
        except Exception:
            # A bug, not the printer: log it with its traceback, and keep the thread alive so
            # the desk can retry or save as PDF. The job is not marked printed.
            log.exception("Print job %d failed unexpectedly", job_id)
            result = PrinterUnavailable(_BUG)
        self.finished.emit(job_id, result)


class PrintQueue(QObject):
    """Print jobs run one at a time on a worker thread, in the order they were submitted.

    A job's ``on_success`` is called on the GUI thread only after the job was handed to the
    printer (or saved with ``save_instead``); a failed job keeps its PDF until ``retry``,
    ``save_instead`` or ``discard``. Call ``shutdown`` before the application quits.
    """

    job_queued = Signal(int)
    job_started = Signal(int)
    job_succeeded = Signal(int)
    job_failed = Signal(int, str)  # job id, message in the interface language
    state_changed = Signal(str)  # a QueueState value

    _dispatch = Signal(int, object, object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[int, PrintJob] = {}
        self._waiting: deque[int] = deque()
        self._running: int | None = None
        self._next_id = 1
        self._state = QueueState.IDLE
        self._thread = QThread()
        self._thread.setObjectName("Passerelle print queue")
        self._worker = _PrintWorker()
        self._worker.moveToThread(self._thread)
        self._dispatch.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()
        # A QThread destroyed while running aborts the process: stop it before Qt tears down.
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def state(self) -> QueueState:
        """Idle, printing (a job is running or waiting), or needing attention (a job failed)."""
        return self._state

    def submit(
        self,
        pdf: bytes,
        choice: PrinterChoice,
        *,
        title: str = "Passerelle",
        on_success: Callable[[PrintOutcome], None] | None = None,
    ) -> int:
        """Queue ``pdf`` for ``choice``; returns the job id. ``on_success`` runs after printing."""
        job_id = self._next_id
        self._next_id += 1
        self._jobs[job_id] = PrintJob(job_id, pdf, choice, title, on_success)
        self._waiting.append(job_id)
        self.job_queued.emit(job_id)
        self._start_next()
        self._update_state()
        return job_id

    def job(self, job_id: int) -> PrintJob | None:
        """The job, while it is queued, printing or failed; ``None`` once it has printed."""
        return self._jobs.get(job_id)

    def failed_jobs(self) -> list[PrintJob]:
        """Jobs that failed and wait for retry, "save as PDF instead" or discard."""
        return [job for job in self._jobs.values() if job.status is JobStatus.FAILED]

    def retry(self, job_id: int, choice: PrinterChoice | None = None) -> bool:
        """Queue a failed job again (on ``choice`` if given); ``False`` if it has not failed.

        Only failed jobs can be retried, so a job never runs twice at once nor prints twice.
        """
        job = self._jobs.get(job_id)
        if job is None or job.status is not JobStatus.FAILED:
            return False
        if choice is not None:
            job.choice = choice
        job.status = JobStatus.QUEUED
        job.error = None
        self._waiting.append(job_id)
        self.job_queued.emit(job_id)
        self._start_next()
        self._update_state()
        return True

    def save_instead(self, job_id: int, path: Path) -> PrintOutcome:
        """Write a failed job's PDF to ``path`` and complete it as saved (calls ``on_success``).

        Raises ``StorageUnavailable`` if the file cannot be written (the job stays failed), or
        ``KeyError`` if ``job_id`` is not a failed job.
        """
        job = self._jobs.get(job_id)
        if job is None or job.status is not JobStatus.FAILED:
            raise KeyError(job_id)
        outcome = save_pdf(job.pdf, path)
        self._complete(job, outcome)
        return outcome

    def discard(self, job_id: int) -> bool:
        """Forget a failed job and its PDF; ``False`` if it has not failed."""
        job = self._jobs.get(job_id)
        if job is None or job.status is not JobStatus.FAILED:
            return False
        del self._jobs[job_id]
        self._update_state()
        return True

    def shutdown(self) -> None:
        """Let the running job finish, then stop the worker thread; waiting jobs are dropped."""
        self._waiting.clear()
        self._thread.quit()
        self._thread.wait()

    def _start_next(self) -> None:
        if self._running is not None or not self._waiting or not self._thread.isRunning():
            return
        job = self._jobs[self._waiting.popleft()]
        job.status = JobStatus.PRINTING
        self._running = job.job_id
        self.job_started.emit(job.job_id)
        self._dispatch.emit(job.job_id, job.pdf, job.choice, job.title)

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: PrintOutcome | AppError) -> None:
        self._running = None
        job = self._jobs[job_id]
        if isinstance(result, PrintOutcome):
            self._complete(job, result)
            return
        job.status = JobStatus.FAILED
        job.error = result
        try:
            self.job_failed.emit(job_id, translated_message(result))
        finally:
            self._start_next()
            self._update_state()

    def _complete(self, job: PrintJob, outcome: PrintOutcome) -> None:
        # Forget the job (and its PDF) first: whatever the callback does, it cannot be retried
        # into a second copy.
        del self._jobs[job.job_id]
        try:
            if job.on_success is not None:
                job.on_success(outcome)
        finally:
            self.job_succeeded.emit(job.job_id)
            self._start_next()
            self._update_state()

    def _update_state(self) -> None:
        if self._running is not None or self._waiting:
            state = QueueState.PRINTING
        elif self.failed_jobs():
            state = QueueState.NEEDS_ATTENTION
        else:
            state = QueueState.IDLE
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state.value)
