"""Printing Passerelle's PDFs (badges, receipts) to the desk's printer, without a dialog.

- ``choice``: which printer and stock (``PrinterChoice``), the printers this computer knows and
  their state, and the messages a failed print shows;
- ``render``: one job, synchronously (``print_pdf``, ``save_pdf``): each page rendered with
  pypdfium2 at the printer's resolution onto a ``QPrinter`` sized in code;
- ``queue``: ``PrintQueue`` runs jobs one at a time on a worker thread and calls a job's
  ``on_success`` only after it printed, so nothing is recorded as printed that was not.
"""

from desktop_app.ui.printing.choice import (
    Orientation,
    PrinterChoice,
    PrinterState,
    PrinterUnavailable,
    PrintOutcome,
    QueueStatus,
    list_printers,
    printer_state,
    translated_message,
)
from desktop_app.ui.printing.queue import JobStatus, PrintJob, PrintQueue, QueueState
from desktop_app.ui.printing.render import MAX_DPI, print_pdf, save_pdf

__all__ = [
    "MAX_DPI",
    "JobStatus",
    "Orientation",
    "PrintJob",
    "PrintOutcome",
    "PrintQueue",
    "PrinterChoice",
    "PrinterState",
    "PrinterUnavailable",
    "QueueState",
    "QueueStatus",
    "list_printers",
    "print_pdf",
    "printer_state",
    "save_pdf",
    "translated_message",
]
