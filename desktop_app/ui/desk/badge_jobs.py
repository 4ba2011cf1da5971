"""Printing one badge from the desk: render off the GUI thread, print through the queue, and
log it as printed only once the printer took it (or it was saved as PDF instead).

On a sheet stock, the next badge goes in the next free cell; the machine setting remembers it.
On a continuous roll (Brother 62 mm tape) each badge is as long as its content needs, so each
job sets the printer's page to that badge's own length: the tape is cut right after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.documents.stocks import BadgeStock, load_stock
from desktop_app.domain.errors import AppError
from desktop_app.services.desk.badges import record_printed, render_batch
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.preview import PdfPages
from desktop_app.ui.printing import PrinterChoice, PrintOutcome, translated_message


def badge_page_choice(choice: PrinterChoice, stock: BadgeStock, pdf: bytes) -> PrinterChoice:
    """The page ``choice.printer`` is set to for the one-badge ``pdf`` (on a worker thread).

    Sheets and die-cut labels keep the stock's page. On a continuous roll the page is the
    tape's width by the badge's own length (portrait, as the tape feeds; ``print_pdf`` turns
    the landscape badge onto it), instead of the roll's longest badge.
    """
    if not stock.continuous:
        return choice
    with PdfPages(pdf) as pages:
        size = pages.size_points(0)
    short, long = sorted((size.width(), size.height()))
    return PrinterChoice(choice.printer, short, long, choice.orientation)


class BadgeJobs(QObject):
    """Sends badges to the desk's badge printer and records them when printed."""

    sent = Signal(str, str)  # code, where it went (printer name or file)
    recorded = Signal(str)  # code: the print is in the log (badges printed + 1)
    failed = Signal(str, str)  # code, message in the interface language
    job_failed = Signal(int, str, str)  # job id, code, message: retry or save as PDF

    def __init__(self, context: DeskContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._codes: dict[int, str] = {}
        self._pages: dict[int, PrinterChoice] = {}  # a continuous badge's own page, by job
        queue = context.print_queue
        if queue is not None:
            queue.job_failed.connect(self._job_failed)

    def can_print(self) -> bool:
        """Whether a badge printer is chosen on this machine."""
        return (
            self.context.settings.badge_printer is not None and self.context.print_queue is not None
        )

    def print_badge(self, code: str) -> bool:
        """Render and queue the badge of ``code``; ``False`` when no printer is chosen."""
        context = self.context
        choice = context.settings.badge_printer
        queue = context.print_queue
        if choice is None or queue is None:
            return False
        stock_name = context.settings.stock
        cell = context.settings.start_cell
        sessions, slug = context.sessions, context.slug

        def render() -> tuple[bytes, PrinterChoice, str]:
            stock = load_stock(stock_name)
            start = cell if 1 <= cell <= stock.cells_per_page else 1
            result = render_batch(sessions, slug, stock_name, codes=[code], start_cell=start)
            assert result.pdf is not None
            missing = result.incomplete.get(code, "")
            return result.pdf, badge_page_choice(choice, stock, result.pdf), missing

        def rendered(job: tuple[bytes, PrinterChoice, str]) -> None:
            pdf, page, missing = job
            if missing and not self.print_with_boxes(missing):
                # Not printed, not counted: staff fix the name (F2) or print it knowingly.
                self.failed.emit(
                    code,
                    QCoreApplication.translate(
                        "BadgeJobs",
                        "the name has characters no font has ({characters}); they would print"
                        " as boxes. Correct the name (F2) or reprint and confirm (F6).",
                    ).format(characters=" ".join(missing)),
                )
                return
            job_id = queue.submit(
                pdf,
                page,
                title=f"Passerelle badge {code}",
                on_success=lambda outcome: self._printed(code, stock_name, outcome),
            )
            self._codes[job_id] = code
            if page != choice:
                self._pages[job_id] = page

        def failed(error: BaseException) -> None:
            self.failed.emit(code, _message(error))

        context.reader.submit(render, rendered, failed, owner=self)
        return True

    def print_with_boxes(self, characters: str) -> bool:
        """Ask staff whether to print a badge whose ``characters`` no font has (tests replace
        this); only a confirmed one is printed and counted."""
        parent = self.parent()
        answer = QMessageBox.warning(
            parent if isinstance(parent, QWidget) else None,
            QCoreApplication.translate("BadgeJobs", "Print with boxes?"),
            QCoreApplication.translate(
                "BadgeJobs",
                "No font has these characters of the name: {characters}. They would print as"
                " empty boxes. Print the badge anyway?",
            ).format(characters=" ".join(characters)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def retry(self, job_id: int) -> bool:
        """Send a failed job again (to the printer chosen now; a continuous badge keeps its
        own length)."""
        queue = self.context.print_queue
        choice = self.context.settings.badge_printer
        page = self._pages.get(job_id)
        if choice is not None and page is not None:
            choice = replace(page, printer=choice.printer)
        return queue is not None and queue.retry(job_id, choice)

    def save_instead(self, job_id: int, path: Path) -> None:
        """Save a failed job as PDF; it then counts as printed (the PDF is the badge)."""
        queue = self.context.print_queue
        if queue is not None:
            queue.save_instead(job_id, path)

    def code_of(self, job_id: int) -> str | None:
        """The registration code a job prints."""
        return self._codes.get(job_id)

    def _job_failed(self, job_id: int, message: str) -> None:
        code = self._codes.get(job_id)
        if code is not None:
            self.job_failed.emit(job_id, code, message)

    def _printed(self, code: str, stock: str, outcome: PrintOutcome) -> None:
        finished = {k for k, v in self._codes.items() if v == code}
        self._codes = {k: v for k, v in self._codes.items() if k not in finished}
        self._pages = {k: v for k, v in self._pages.items() if k not in finished}
        destination = outcome.printer or (str(outcome.saved_to) if outcome.saved_to else "?")
        self._advance_cell(stock, outcome.pages)
        self.sent.emit(code, destination)
        context = self.context
        record: Callable[[], int] = lambda: record_printed(  # noqa: E731
            context.sessions,
            [code],
            desk=context.desk,
            staff=context.staff.name,
            stock=stock,
            destination=destination,
        )

        def done(_count: int) -> None:
            if shiboken6.isValid(self):
                self.recorded.emit(code)

        def failed(error: BaseException) -> None:
            if shiboken6.isValid(self):
                self.failed.emit(code, _message(error))

        context.writer.submit(record, done, failed)

    def _advance_cell(self, stock_name: str, _pages: int) -> None:
        settings = self.context.settings
        try:
            stock = load_stock(stock_name)
        except AppError:
            return
        if stock.continuous or stock.cells_per_page <= 1:
            return
        cell = settings.start_cell
        settings.start_cell = cell + 1 if cell < stock.cells_per_page else 1


def _message(error: BaseException) -> str:
    if isinstance(error, AppError):
        return translated_message(error)
    from desktop_app.ui.errors import error_text

    return error_text(error)
