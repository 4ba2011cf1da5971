"""The desk's print queue: jobs run one at a time on a worker thread, and a job counts as
printed only once the printer took it."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtGui import QImageWriter
from PySide6.QtPrintSupport import QPrinterInfo

from desktop_app.domain.errors import AppError
from desktop_app.ui.printing import render
from desktop_app.ui.printing.choice import (
    T_BUG,
    PrinterChoice,
    PrinterUnavailable,
    PrintOutcome,
    translated_message,
)

log = logging.getLogger(__name__)


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


def load_print_plugins() -> None:
    """Load, on the calling (GUI) thread, the Qt plugins a print job uses: the image writers
    the PDF engine lists on its first ``drawImage`` and the printer support (CUPS).

    Qt moves a plugin it loads to the GUI thread, under a lock the GUI thread also takes while
    it disconnects a signal; PySide keeps the interpreter lock during both calls. A first
    badge printed on the worker thread while the GUI thread disconnected something froze the
    desk for good (seen in the printing tests). Loaded here first, the worker never loads one.
    Costs about 9 ms once; the printer support asks CUPS for the default printer name.
    """
    QImageWriter.supportedImageFormats()
    QPrinterInfo.defaultPrinterName()


class _PrintWorker(QObject):
    """Lives on the print thread; prints one job per ``run`` and reports back."""

    finished = Signal(int, object)  # job id, PrintOutcome or AppError

    @Slot(int, object, object, str)
    def run(self, job_id: int, pdf: bytes, choice: PrinterChoice, title: str) -> None:
        try:
            result: PrintOutcome | AppError = render.print_pdf(pdf, choice, title)
        except AppError as error:
            result = error
        except Exception:
            # A bug, not the printer: log it with its traceback, and keep the thread alive so
            # the desk can retry or save as PDF. The job is not marked printed.
            log.exception("Print job %d failed unexpectedly", job_id)
            result = PrinterUnavailable(T_BUG)
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
        load_print_plugins()
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
        outcome = render.save_pdf(job.pdf, path)
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
