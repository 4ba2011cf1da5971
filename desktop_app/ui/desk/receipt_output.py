"""Where a receipt went: to this desk's receipt printer, or saved as PDF in its receipts folder.

A receipt must always be obtainable at the desk. With a receipt printer chosen it is printed
(on Letter, or on the 80 mm roll cut to its length); with none ("save PDFs instead"), or when
the printer fails, it is saved as PDF in the folder the settings show. Each receipt number has
one :class:`ReceiptDelivery`, and every screen that speaks of it (the band under the card, the
walk-in result) reads that one record's text, so they cannot say two different things.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.domain.errors import NotFound
from desktop_app.services.money.receipt_files import save_receipt_pdf
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.services.office import Office
from desktop_app.ui.errors import error_text
from desktop_app.ui.machine_settings import MachineSettings, receipt_printer_choice
from desktop_app.ui.preview import PdfPages
from desktop_app.ui.printing import PrinterChoice, PrintOutcome, PrintQueue
from desktop_app.ui.worker import Worker


class DeliveryState(StrEnum):
    """How far a receipt got."""

    SENDING = "sending"  # being drawn, queued or printing
    PRINTED = "printed"  # the printer took it
    SAVED = "saved"  # saved as PDF (no printer chosen, or the printer failed)
    FAILED = "failed"  # neither printed nor saved


@dataclass(frozen=True)
class ReceiptDelivery:
    """Where one receipt (or its copy) went, and the one sentence that says so."""

    number: str
    state: DeliveryState
    printer: str | None = None
    path: Path | None = None
    problem: str = ""  # the printer's or the disk's message, in the interface language

    def text(self) -> str:
        """The sentence the band and the walk-in result both show."""
        translate = QCoreApplication.translate
        if self.state is DeliveryState.SENDING and self.printer:
            template = translate("ReceiptDelivery", "Sending receipt {number} to {printer}…")
        elif self.state is DeliveryState.SENDING:
            template = translate("ReceiptDelivery", "Saving receipt {number} as PDF…")
        elif self.state is DeliveryState.PRINTED:
            template = translate("ReceiptDelivery", "Receipt {number} sent to {printer}.")
        # The path (which names the receipt) comes first: the band may not show a long line whole.
        elif self.state is DeliveryState.SAVED and self.problem:
            template = translate(
                "ReceiptDelivery", "Receipt saved as PDF: {path} — not printed: {problem}"
            )
        elif self.state is DeliveryState.SAVED:
            template = translate(
                "ReceiptDelivery", "Receipt saved as PDF (no receipt printer): {path}"
            )
        else:
            template = translate(
                "ReceiptDelivery", "Receipt {number} was neither printed nor saved: {problem}"
            )
        return template.format(
            number=self.number,
            printer=self.printer or "",
            path=str(self.path or ""),
            problem=self.problem,
        )


def receipt_page(choice: PrinterChoice, layout: str, pdf: bytes) -> PrinterChoice:
    """The page the printer is set to for ``pdf``: Letter, or the roll cut at its length."""
    if layout != "roll-80":
        return choice
    with PdfPages(pdf) as pages:
        length = pages.size_points(0).height()
    return receipt_printer_choice(choice.printer, "roll-80", length)


class ReceiptOutput(QObject):
    """Sends receipts to the desk's receipt printer or saves them, and remembers where."""

    changed = Signal(object)  # ReceiptDelivery

    def __init__(
        self,
        settings: MachineSettings,
        queue: PrintQueue | None,
        worker: Worker,
        office: Office,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.queue = queue
        self.worker = worker
        self.receipts = office.receipts
        self._deliveries: dict[str, ReceiptDelivery] = {}
        self._jobs: dict[int, tuple[str, bytes, bool]] = {}  # job id: number, pdf, copy
        if queue is not None:
            queue.job_failed.connect(self._job_failed)

    def delivery(self, number: str) -> ReceiptDelivery | None:
        """Where receipt ``number`` went (the latest attempt), if it was sent."""
        return self._deliveries.get(number)

    def text(self, number: str) -> str:
        """The sentence about receipt ``number`` ("" if it was not sent)."""
        found = self._deliveries.get(number)
        return found.text() if found is not None else ""

    def send_issued(self, receipt: IssuedReceipt) -> ReceiptDelivery:
        """Print (or save) a receipt just issued, in this desk's layout."""
        layout, receipts = self.settings.receipt_layout, self.receipts

        def draw() -> bytes:
            if layout == "letter" and receipt.pdf:
                return receipt.pdf
            try:
                return receipts.pdf(receipt.receipt_id, layout=layout)
            except NotFound:
                # A shared desk offline may not have the row in its replica yet: the Letter
                # document it was handed is still the receipt, never nothing.
                return receipt.pdf

        return self.send(receipt.number, draw)

    def send(
        self, number: str, draw: Callable[[], bytes], *, copy: bool = False
    ) -> ReceiptDelivery:
        """Draw the receipt (on the worker), then print it, or save it when there is no
        printer; returns the first state (sending). ``copy`` names the saved file a copy."""
        choice = self.settings.receipt_printer if self.queue is not None else None
        layout, folder = self.settings.receipt_layout, self.settings.receipt_folder
        self._set(
            ReceiptDelivery(number, DeliveryState.SENDING, choice.printer if choice else None)
        )

        def work() -> tuple[bytes, PrinterChoice | None, Path | None]:
            pdf = draw()
            if choice is None:
                return pdf, None, save_receipt_pdf(pdf, folder, number, copy=copy)
            return pdf, receipt_page(choice, layout, pdf), None

        def done(result: tuple[bytes, PrinterChoice | None, Path | None]) -> None:
            if not shiboken6.isValid(self):
                return
            pdf, page, path = result
            if page is None or self.queue is None:
                self._set(ReceiptDelivery(number, DeliveryState.SAVED, path=path))
                return
            job_id = self.queue.submit(
                pdf,
                page,
                title=f"Passerelle {number}",
                on_success=lambda outcome: self._printed(number, outcome),
            )
            self._jobs[job_id] = (number, pdf, copy)

        self.worker.submit(work, done, lambda error: self._failed(number, error))
        return self._deliveries[number]

    def _printed(self, number: str, outcome: PrintOutcome) -> None:
        self._jobs = {k: v for k, v in self._jobs.items() if v[0] != number}
        self._set(ReceiptDelivery(number, DeliveryState.PRINTED, printer=outcome.printer))

    def _job_failed(self, job_id: int, message: str) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None or self.queue is None:
            return  # a badge: the print bar offers its ways out
        # The receipt must still be obtainable: save it where the settings say, at once.
        self.queue.discard(job_id)
        number, pdf, copy = job
        folder = self.settings.receipt_folder

        def saved(path: Path) -> None:
            if shiboken6.isValid(self):
                self._set(ReceiptDelivery(number, DeliveryState.SAVED, path=path, problem=message))

        self.worker.submit(
            lambda: save_receipt_pdf(pdf, folder, number, copy=copy),
            saved,
            lambda error: self._failed(number, error, printer_problem=message),
        )

    def _failed(self, number: str, error: BaseException, printer_problem: str = "") -> None:
        if not shiboken6.isValid(self):
            return
        problem = error_text(error)
        if printer_problem:
            problem = f"{printer_problem} {problem}"
        previous = self._deliveries.get(number)
        base = previous or ReceiptDelivery(number, DeliveryState.FAILED)
        self._set(replace(base, state=DeliveryState.FAILED, problem=problem))

    def _set(self, delivery: ReceiptDelivery) -> None:
        self._deliveries[delivery.number] = delivery
        self.changed.emit(delivery)
