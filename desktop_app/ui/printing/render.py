"""Printing one PDF to one printer, synchronously: each page rendered with pypdfium2 at the
printer's resolution and painted onto a ``QPrinter`` whose page size is set in code, full page,
no margins (Qt's page-setup dialogs on Windows and macOS do not offer custom sizes)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop_app.domain.errors import Invalid
from desktop_app.services.money.receipt_files import write_private_pdf
from desktop_app.ui.preview import PdfPages
from desktop_app.ui.printing.choice import (
    STATUS_FROM_QT,
    T_EMPTY,
    T_MISSING,
    T_NO_PRINTER,
    T_NOT_SENT,
    T_NOT_STARTED,
    T_PAGE_SIZE,
    T_STOPPED,
    Orientation,
    PrinterChoice,
    PrinterUnavailable,
    PrintOutcome,
    QueueStatus,
)

MAX_DPI = 600
"""Above this, bitmaps grow (a Letter page at 600 dpi is already 134 MB) without visible gain."""
_SIZE_TOLERANCE_PT = 1.0


def save_pdf(pdf: bytes, path: Path) -> PrintOutcome:
    """Write ``pdf`` to ``path`` ("save as PDF instead"), replacing it only once fully written.

    Called with the path a save dialog returned, which asked before replacing a file; a
    folder, a device or a pipe is still refused. Raises an ``AppError`` (one line) when the
    file cannot be written: the job then stays failed, and its badge is not counted.
    """
    write_private_pdf(pdf, path, force=True)
    with PdfPages(pdf) as pages:
        return PrintOutcome(pages=len(pages), saved_to=path)


def _open_printer(choice: PrinterChoice) -> QPrinter:
    """A ``QPrinter`` on exactly ``choice.printer`` with the stock set, or ``PrinterUnavailable``.

    Checked before anything is painted: ``QPrinter.setPrinterName`` silently falls back to
    another printer when the name is unknown, and a paused CUPS queue accepts jobs and holds
    them, so without these checks a badge could come out elsewhere, or hours later.
    """
    if not choice.printer:
        raise PrinterUnavailable(T_NO_PRINTER)
    info = QPrinterInfo.printerInfo(choice.printer)
    if info.isNull():
        raise PrinterUnavailable(T_MISSING, printer=choice.printer)
    if STATUS_FROM_QT.get(info.state(), QueueStatus.STOPPED) is QueueStatus.STOPPED:
        raise PrinterUnavailable(T_STOPPED, printer=choice.printer)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if not printer.isValid() or printer.printerName() != choice.printer:
        raise PrinterUnavailable(T_MISSING, printer=choice.printer)
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
            T_PAGE_SIZE,
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
            raise Invalid(T_EMPTY)
        printer = _open_printer(choice)
        printer.setDocName(title)
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterUnavailable(T_NOT_STARTED, printer=choice.printer)
        try:
            for index in range(len(pages)):
                if index and not printer.newPage():
                    raise PrinterUnavailable(T_NOT_SENT, printer=choice.printer)
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
            raise PrinterUnavailable(T_NOT_SENT, printer=choice.printer)
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
