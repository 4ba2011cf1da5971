"""One presenter for errors: AppError gets its translated message; anything else is a bug."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.errors import AppError

log = logging.getLogger(__name__)

# Message boxes without a parent window (a failed start): Python would drop them as soon as
# show_exception returns, and the box would vanish unseen; they stay here until closed.
_ORPHANS: list[QMessageBox] = []


def translate_app_error(template: str) -> str:
    """Translate an error template marked with QT_TRANSLATE_NOOP("AppError", ...)."""
    return QCoreApplication.translate("AppError", template)


def error_text(error: BaseException) -> str:
    """What the user reads for this error, in the interface language."""
    if isinstance(error, AppError):
        return error.render(translate_app_error)
    return QCoreApplication.translate(
        "errors",
        "Something went wrong inside Passerelle. Your work so far is saved."
        " Please tell the event manager: {kind}",
    ).format(kind=type(error).__name__)


def show_exception(parent: QWidget | None, error: BaseException) -> None:
    """Show an error to the user; log bugs with their traceback."""
    if not isinstance(error, AppError):
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(error)))
    box = QMessageBox(parent)
    box.setIcon(
        QMessageBox.Icon.Warning if isinstance(error, AppError) else QMessageBox.Icon.Critical
    )
    box.setWindowTitle(QCoreApplication.translate("errors", "Passerelle"))
    box.setText(error_text(error))
    if parent is None:
        _ORPHANS.append(box)
        box.finished.connect(lambda _result: _forget(box))
    box.open()


def _forget(box: QMessageBox) -> None:
    if box in _ORPHANS:
        _ORPHANS.remove(box)
    box.deleteLater()
