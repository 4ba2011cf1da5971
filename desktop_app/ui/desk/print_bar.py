"""A bar that appears when a badge did not print: retry, save it as PDF instead, or drop it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.domain.errors import AppError
from desktop_app.ui.desk.badge_jobs import BadgeJobs
from desktop_app.ui.errors import error_text


class PrintProblemBar(QFrame):
    """Shows the last failed badge job with what can be done about it."""

    def __init__(self, badges: BadgeJobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badges = badges
        self.job_id: int | None = None
        self.code = ""
        self.message = ""
        self.setObjectName("printProblem")
        self.setStyleSheet(
            "#printProblem { background:#fff3e0; border:2px solid #e65100; border-radius:6px; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.retry = QPushButton()
        self.save = QPushButton()
        self.discard = QPushButton()
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        for button in (self.retry, self.save, self.discard):
            layout.addWidget(button)
        self.retry.clicked.connect(self._retry)
        self.save.clicked.connect(self._save)
        self.discard.clicked.connect(self._discard)
        badges.job_failed.connect(self.show_failure)
        self.retranslate()
        self.hide()

    def show_failure(self, job_id: int, code: str, message: str) -> None:
        """A job failed: say so and offer the ways out."""
        self.job_id, self.code, self.message = job_id, code, message
        self.retranslate()
        self.show()

    def _retry(self) -> None:
        if self.job_id is not None:
            self.badges.retry(self.job_id)
        self._done()

    def _save(self) -> None:
        if self.job_id is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the badge as PDF"),
            str(Path(folder) / f"badge-{self.code}.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if not path:
            return
        try:
            self.badges.save_instead(self.job_id, Path(path))
        except (AppError, KeyError) as error:
            self.text.setText(error_text(error) if isinstance(error, AppError) else str(error))
            return
        self._done()

    def _discard(self) -> None:
        queue = self.badges.context.print_queue
        if self.job_id is not None and queue is not None:
            queue.discard(self.job_id)
        self._done()

    def _done(self) -> None:
        self.job_id = None
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.text.setText(
            self.tr("The badge {code} did not print. {message}").format(
                code=self.code, message=self.message
            )
        )
        self.retry.setText(self.tr("Retry"))
        self.save.setText(self.tr("Save as PDF…"))
        self.discard.setText(self.tr("Forget it"))
