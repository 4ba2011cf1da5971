"""A supervisor's override: their name, their PIN and a reason, for an action that is refused.

The dialog checks the override at once (in the worker, with a short read-only unit of work
around ``services.staff.verify_override``) so a mistyped PIN is corrected while the supervisor
is still at the desk, rather than after the dialog closed. The check grants nothing: the
service that performs the action verifies the same ``Override`` again inside its own
transaction and audits it, so the dialog is a convenience, never the authority.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.admin import staff
from desktop_app.services.admin.staff import Override, StaffMember
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.common import ErrorLine, pin_field, submit
from desktop_app.ui.worker import Worker

REASON_MAX_LENGTH = 500


class _ReasonEdit(QPlainTextEdit):
    """A reason box where Tab moves on and Enter confirms, as in a line edit."""

    def __init__(self, dialog: OverrideDialog) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self._dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter confirms the dialog; Shift+Enter starts a new line."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._dialog.confirm()
            return
        super().keyPressEvent(event)


class OverrideDialog(QDialog):
    """Says what is being overridden (``why``) and collects the supervisor's permission."""

    def __init__(
        self,
        parent: QWidget | None,
        worker: Worker,
        office: Office,
        why: str,
        reason: str = "",
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.accounts = office.staff
        self.override: Override | None = None
        self.supervisor: StaffMember | None = None
        self._busy = False

        self.why = QLabel(why)
        self.why.setWordWrap(True)
        font = self.why.font()
        font.setBold(True)
        self.why.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setMaxLength(staff.NAME_MAX_LENGTH)
        self.pin = pin_field()
        self.pin.setMaxLength(staff.PIN_MAX_DIGITS)
        self.reason = _ReasonEdit(self)
        self.reason.setPlainText(reason)
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.pin_label = QLabel()
        self.pin_label.setBuddy(self.pin)
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.status = QLabel()
        self.status.hide()
        self.error = ErrorLine()

        form = QFormLayout()
        form.addRow(self.name_label, self.name)
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.reason_label, self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.why)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.name.textEdited.connect(lambda _t: self.error.clear_error())
        self.pin.textEdited.connect(lambda _t: self.error.clear_error())
        self.reason.textChanged.connect(self.error.clear_error)
        self.retranslate()
        self.name.setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        worker: Worker,
        office: Office,
        why: str,
        reason: str = "",
    ) -> Override | None:
        """Show the dialog; a checked ``Override``, or None if cancelled."""
        dialog = cls(parent, worker, office, why, reason)
        try:
            return dialog.override if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def collected(self) -> Override | str:
        """The override as typed, or what is missing (a message for the error line)."""
        name = " ".join(self.name.text().split())
        reason = " ".join(self.reason.toPlainText().split())
        if not name:
            return self.tr("Enter the supervisor's name.")
        if not self.pin.text():
            return self.tr("Enter the supervisor's PIN.")
        if not reason:
            return self.tr("Give the reason for the override; it is kept in the audit log.")
        if len(reason) > REASON_MAX_LENGTH:
            return self.tr("Keep the reason under {count} characters.").format(
                count=REASON_MAX_LENGTH
            )
        return Override(supervisor=name, pin=self.pin.text(), reason=reason)

    def confirm(self) -> None:
        """Check the override in the background; close when it holds."""
        if self._busy:
            return
        collected = self.collected()
        if isinstance(collected, str):
            self.error.show_error(collected)
            field = (
                self.name
                if not self.name.text().strip()
                else self.pin
                if not self.pin.text()
                else self.reason
            )
            field.setFocus()
            return
        self._set_busy(True)
        accounts = self.accounts
        submit(
            self.worker,
            self,
            lambda: accounts.approve(collected),
            lambda member: self._granted(collected, member),
            self._refused,
        )

    def _granted(self, override: Override, member: StaffMember) -> None:
        self._set_busy(False)
        self.override = override
        self.supervisor = member
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self.pin.clear()
        self.error.show_error(error)
        self.pin.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.status.setText(self.tr("Checking the PIN…") if busy else "")
        self.status.setVisible(busy)

    def retranslate(self) -> None:
        """Every text in the interface language (``why`` is the caller's, already translated)."""
        self.setWindowTitle(self.tr("Supervisor override"))
        self.intro.setText(
            self.tr(
                "A supervisor allows this with their name and PIN. The override and its "
                "reason are written to the audit log."
            )
        )
        self.name_label.setText(self.tr("&Supervisor"))
        self.pin_label.setText(self.tr("&PIN"))
        self.reason_label.setText(self.tr("&Reason"))
        self.reason.setPlaceholderText(self.tr("Why this is allowed"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Allow"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def set_why(self, why: str) -> None:
        """Replace the explanation (callers retranslate it on a language change)."""
        self.why.setText(why)

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
