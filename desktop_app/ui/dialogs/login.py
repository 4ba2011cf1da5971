"""Signing in at the desk with a name and a PIN; on a new database, creating the first supervisor.

The PIN check (argon2, tens of milliseconds) and every database call run on the worker, so the
window never freezes; the dialog shows what it is doing and states errors next to the fields.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.admin import staff
from desktop_app.services.admin.staff import StaffMember
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.common import ErrorLine, pin_field, submit, use_desk_type
from desktop_app.ui.language_switch import add_language_switch
from desktop_app.ui.worker import Worker


class LoginMode(StrEnum):
    """What the dialog is doing."""

    CHECKING = "checking"  # asking the database whether any account exists
    SIGN_IN = "sign_in"
    FIRST_RUN = "first_run"  # no account yet: create the first supervisor


DEMO_NAME = "Demo"
"""The demo database's supervisor (``app.DEMO_SUPERVISOR``)."""


class LoginDialog(QDialog):
    """Name and PIN; the first run asks for the first supervisor's name and PIN twice."""

    def __init__(
        self,
        parent: QWidget | None,
        worker: Worker,
        office: Office,
        *,
        choose_language: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.office = office
        self.mode = LoginMode.CHECKING
        self.demo = False  # the demo database's supervisor "Demo" (PIN 1234) is listed
        self.member: StaffMember | None = None
        self._busy = False

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setMaxLength(staff.NAME_MAX_LENGTH)
        self.pin = pin_field()
        self.pin.setMaxLength(staff.PIN_MAX_DIGITS)
        self.pin_again = pin_field()
        self.pin_again.setMaxLength(staff.PIN_MAX_DIGITS)
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.pin_label = QLabel()
        self.pin_label.setBuddy(self.pin)
        self.pin_again_label = QLabel()
        self.pin_again_label.setBuddy(self.pin_again)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = ErrorLine()

        self.form = QFormLayout()
        self.form.addRow(self.name_label, self.name)
        self.form.addRow(self.pin_label, self.pin)
        self.form.addRow(self.pin_again_label, self.pin_again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        self.language_switch = add_language_switch(layout, choose_language)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        use_desk_type(self)
        for field in (self.name, self.pin, self.pin_again):
            field.textEdited.connect(lambda _text: self.error.clear_error())

        self._set_mode(LoginMode.CHECKING)
        accounts = office.staff
        submit(worker, self, accounts.exist, self._checked, self._check_failed)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        worker: Worker,
        office: Office,
        *,
        choose_language: Callable[[str], None] | None = None,
    ) -> StaffMember | None:
        """Show the dialog; the signed-in staff member, or None if cancelled."""
        dialog = cls(parent, worker, office, choose_language=choose_language)
        try:
            return dialog.member if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    # -- flow -----------------------------------------------------------------------------

    def _checked(self, has_staff: bool) -> None:
        if not has_staff:
            self._set_mode(LoginMode.FIRST_RUN)
            return
        self._set_mode(LoginMode.SIGN_IN)
        submit(self.worker, self, self.office.staff.active_names, self._names, lambda _e: None)

    def _check_failed(self, error: BaseException) -> None:
        self._set_mode(LoginMode.SIGN_IN)
        self.error.show_error(error)

    def _names(self, names: list[str]) -> None:
        self.demo = DEMO_NAME in names
        self.retranslate()
        completer = QCompleter(names, self.name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)

    def confirm(self) -> None:
        """Sign in (or create the first supervisor) in the background."""
        if self._busy or self.mode is LoginMode.CHECKING:
            return
        name = " ".join(self.name.text().split())
        pin = self.pin.text()
        if not name:
            self._refuse(self.tr("Enter your name."), self.name)
            return
        if not pin:
            self._refuse(self.tr("Enter your PIN."), self.pin)
            return
        accounts = self.office.staff
        if self.mode is LoginMode.FIRST_RUN:
            if pin != self.pin_again.text():
                self.pin_again.clear()
                self._refuse(self.tr("The two PINs differ. Type the PIN again."), self.pin_again)
                return
            self._set_busy(True, self.tr("Creating the supervisor account…"))
            submit(
                self.worker,
                self,
                lambda: accounts.first_supervisor(name, pin),
                self._signed_in,
                self._failed,
            )
        else:
            self._set_busy(True, self.tr("Checking the PIN…"))
            submit(
                self.worker,
                self,
                lambda: accounts.sign_in(name, pin),
                self._signed_in,
                self._failed,
            )

    def _signed_in(self, member: StaffMember) -> None:
        self._set_busy(False)
        self.member = member
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.pin.clear()
        self.pin_again.clear()
        self.error.show_error(error)
        self.pin.setFocus()

    def _refuse(self, message: str, field: QLineEdit) -> None:
        self.error.show_error(message)
        field.setFocus()

    # -- state ----------------------------------------------------------------------------

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        for field in (self.name, self.pin, self.pin_again):
            field.setReadOnly(busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.status.setText(message)
        self.status.setVisible(bool(message))
        if busy:
            self.error.clear_error()

    def _set_mode(self, mode: LoginMode) -> None:
        self.mode = mode
        first = mode is LoginMode.FIRST_RUN
        self.pin_again.setVisible(first)
        self.pin_again_label.setVisible(first)
        ready = mode is not LoginMode.CHECKING
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)
        self.name.setEnabled(ready)
        self.pin.setEnabled(ready)
        self.pin_again.setEnabled(ready)
        self.status.setVisible(not ready)
        self.retranslate()
        if ready:
            self.name.setFocus()

    def retranslate(self) -> None:
        """Every text in the interface language."""
        first = self.mode is LoginMode.FIRST_RUN
        if first:
            self.setWindowTitle(self.tr("Create the first supervisor"))
            self.intro.setText(
                self.tr(
                    "This database has no staff accounts yet. Create the first supervisor: "
                    "they can then add desk staff and other supervisors."
                )
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
                self.tr("&Create and sign in")
            )
        else:
            self.setWindowTitle(self.tr("Sign in"))
            intro = self.tr("Sign in with your name and PIN.")
            if self.demo:
                intro += " " + self.tr(
                    "Demo data: sign in as Demo, PIN 1234 (a short PIN kept for the demo only;"
                    " real accounts have 6 to 8 digits)."
                )
            self.intro.setText(intro)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.name_label.setText(self.tr("&Name"))
        self.pin_label.setText(self.tr("&PIN"))
        self.pin_again_label.setText(self.tr("PIN &again"))
        if first:
            self.pin.setPlaceholderText(
                self.tr("{low} to {high} digits").format(
                    low=staff.PIN_MIN_DIGITS, high=staff.PIN_MAX_DIGITS
                )
            )
        else:
            self.pin.setPlaceholderText("")
        if self.mode is LoginMode.CHECKING:
            self.status.setText(self.tr("Opening the staff list…"))

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
