"""Pieces every desk dialog uses: the interface language, guarded background calls, an error line.

A dialog may be closed (and its C++ side deleted) while its background call is still running;
``submit`` drops the answer then instead of touching a dead widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from desktop_app.domain.errors import AppError
from desktop_app.ui.errors import error_text, show_exception
from desktop_app.ui.worker import Worker

T = TypeVar("T")

# The desk is read from a step back: its parts use type 1.15 to 1.8 times the system's. The
# dialogs that open over it (start, sign-in, walk-in) use this base, their headings more.
DESK_TYPE = 1.25


def interface_language() -> str:
    """The language the interface speaks now ("fr" or "en"), for data kept in both.

    Follows the application's default ``QLocale``, which the language switch sets.
    """
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def submit(
    worker: Worker,
    widget: QWidget,
    function: Callable[[], T],
    on_done: Callable[[T], Any],
    on_error: Callable[[BaseException], Any] | None = None,
) -> None:
    """``worker.submit(function, on_done, on_error, owner=widget)``: called back only while
    ``widget`` exists; without ``on_error``, an error is shown over it."""
    worker.submit(function, on_done, on_error, owner=widget)


class ErrorLine(QLabel):
    """A line that states what went wrong, in the error colour, empty when all is well.

    ``AppError``s (a wrong PIN, a taken name) are stated here, next to the field; anything else
    is a bug and goes to ``show_exception`` so it is logged with its traceback.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.darkRed)
        self.setPalette(palette)
        self.setAccessibleName("error")
        self.hide()

    def show_error(self, error: BaseException | str) -> None:
        """State ``error`` (a message, or an exception shown the house way)."""
        if isinstance(error, BaseException) and not isinstance(error, AppError):
            show_exception(self.window(), error)
        text = error if isinstance(error, str) else error_text(error)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        """Nothing wrong any more."""
        self.clear()
        self.hide()


def use_desk_type(dialog: QWidget, factor: float = DESK_TYPE) -> None:
    """Scale ``dialog``'s type to the desk's: its base font and, in proportion, every child
    font set on purpose (a heading, a total), so they stay larger than the base.

    Call once, at the end of the dialog's construction.
    """
    for child in dialog.findChildren(QWidget):
        if child.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            font = child.font()
            font.setPointSizeF(font.pointSizeF() * factor)
            child.setFont(font)
    font = dialog.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    dialog.setFont(font)


def pin_field(parent: QWidget | None = None) -> QLineEdit:
    """A masked field that takes 4 to 12 digits (a PIN), nothing else."""
    from PySide6.QtCore import QRegularExpression
    from PySide6.QtGui import QRegularExpressionValidator

    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), field))
    field.setMaxLength(12)
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
    )
    return field
