"""A supervisor manages the staff accounts: list, add, deactivate or reactivate, set a PIN.

An exhibitor's account (its lead station's) is added here too, bound to one exhibitor the
event files declare; the list names the exhibitor next to the role.

Every change goes through ``services.staff`` on the worker (PINs are hashed there, with
argon2), is audited there, and the list is reloaded from the database afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.admin import staff
from desktop_app.services.admin.staff import EXHIBITOR, StaffAccountInfo, StaffMember
from desktop_app.services.leads.accounts import (
    ExhibitorChoice,
    create_exhibitor_account,
    exhibitor_choices,
)
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.common import ErrorLine, pin_field, submit
from desktop_app.ui.dialogs.staff_model import StaffModel
from desktop_app.ui.worker import Worker


class StaffDialog(QDialog):
    """The account list with actions on the selected account, and a form for a new one."""

    def __init__(
        self,
        parent: QWidget | None,
        worker: Worker,
        office: Office,
        supervisor: StaffMember,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.accounts = office.staff
        self.sessions = office.sessions
        self.supervisor = supervisor
        self._busy = False
        self._select_after_load: int | None = None

        self.model = StaffModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StaffModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.toggle_active = QPushButton()
        self.toggle_active.clicked.connect(self.toggle_selected)
        self.unlock = QPushButton()
        self.unlock.clicked.connect(self.unlock_selected)
        row_actions = QHBoxLayout()
        row_actions.addWidget(self.toggle_active)
        row_actions.addWidget(self.unlock)
        row_actions.addStretch(1)

        # Setting the selected account's PIN.
        self.new_pin = pin_field()
        self.new_pin.setMaxLength(staff.PIN_MAX_DIGITS)
        self.new_pin_again = pin_field()
        self.new_pin_again.setMaxLength(staff.PIN_MAX_DIGITS)
        self.set_pin = QPushButton()
        self.set_pin.clicked.connect(self.change_selected_pin)
        self.pin_box = QGroupBox()
        pin_form = QFormLayout(self.pin_box)
        self.new_pin_label = QLabel()
        self.new_pin_label.setBuddy(self.new_pin)
        self.new_pin_again_label = QLabel()
        self.new_pin_again_label.setBuddy(self.new_pin_again)
        pin_form.addRow(self.new_pin_label, self.new_pin)
        pin_form.addRow(self.new_pin_again_label, self.new_pin_again)
        pin_form.addRow(self.set_pin)

        # A new account.
        self.name = QLineEdit()
        self.name.setMaxLength(staff.NAME_MAX_LENGTH)
        self.role = QComboBox()
        self.role.addItem("", "desk")
        self.role.addItem("", "supervisor")
        self.role.addItem("", EXHIBITOR)
        self.role.currentIndexChanged.connect(lambda _i: self._show_exhibitor())
        self.exhibitor = QComboBox()  # an exhibitor account's exhibitor (filled by reload)
        self.pin = pin_field()
        self.pin.setMaxLength(staff.PIN_MAX_DIGITS)
        self.pin_again = pin_field()
        self.pin_again.setMaxLength(staff.PIN_MAX_DIGITS)
        self.add = QPushButton()
        self.add.clicked.connect(self.add_account)
        self.add_box = QGroupBox()
        add_form = QFormLayout(self.add_box)
        self.add_labels = [QLabel() for _ in range(5)]
        fields = (self.name, self.role, self.exhibitor, self.pin, self.pin_again)
        for label, field in zip(self.add_labels, fields, strict=True):
            label.setBuddy(field)
            add_form.addRow(label, field)
        add_form.addRow(self.add)
        self.add_form = add_form

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        forms = QHBoxLayout()
        forms.addWidget(self.add_box, 1)
        forms.addWidget(self.pin_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_actions)
        layout.addLayout(forms)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        for field in (self.name, self.pin, self.pin_again, self.new_pin, self.new_pin_again):
            field.textEdited.connect(lambda _t: self.error.clear_error())
        # Enter in the new-account fields adds; in the PIN fields, sets the PIN.
        for field in (self.name, self.pin, self.pin_again):
            field.returnPressed.connect(self.add_account)
        for field in (self.new_pin, self.new_pin_again):
            field.returnPressed.connect(self.change_selected_pin)
        self.retranslate()
        self._show_exhibitor()
        self._update_actions()
        self.reload()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        worker: Worker,
        office: Office,
        supervisor: StaffMember,
    ) -> None:
        """Show the dialog until closed."""
        dialog = cls(parent, worker, office, supervisor)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    # -- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the accounts (and the exhibitors they may be bound to) in the background."""
        accounts, sessions = self.accounts, self.sessions
        submit(
            self.worker,
            self,
            lambda: (accounts.all(), exhibitor_choices(sessions)),
            lambda found: self._loaded(*found),
            self._failed,
        )

    def _loaded(
        self, accounts: list[StaffAccountInfo], exhibitors: tuple[ExhibitorChoice, ...] = ()
    ) -> None:
        selected = self.selected()
        wanted = self._select_after_load or (selected.id if selected else None)
        self._select_after_load = None
        chosen = self.exhibitor.currentData()
        self.exhibitor.clear()
        for choice in exhibitors:
            self.exhibitor.addItem(f"{choice.name} ({choice.code})", choice.code)
        self.exhibitor.setCurrentIndex(max(self.exhibitor.findData(chosen), 0))
        self.model.set_accounts(accounts, {c.code: c.name for c in exhibitors})
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_actions()

    def selected(self) -> StaffAccountInfo | None:
        """The selected account."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.account(rows[0].row()) if rows else None

    # -- actions --------------------------------------------------------------------------

    def _run(self, work: Callable[[], object], done_message: str) -> None:
        self._busy = True
        self._update_actions()
        self.error.clear_error()
        self.status.clear()

        def done(_result: object) -> None:
            self._busy = False
            self.status.setText(done_message)
            self.reload()

        submit(self.worker, self, work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._update_actions()
        self.error.show_error(error)

    def add_account(self) -> None:
        """Create the account typed in the form (PIN typed twice)."""
        if self._busy:
            return
        name = " ".join(self.name.text().split())
        pin = self.pin.text()
        if not name:
            self.error.show_error(self.tr("Type the new staff member's name."))
            self.name.setFocus()
            return
        if pin != self.pin_again.text():
            self.pin_again.clear()
            self.error.show_error(self.tr("The two PINs differ. Type the PIN again."))
            self.pin_again.setFocus()
            return
        role = str(self.role.currentData())
        exhibitor = self.exhibitor.currentData()
        if role == EXHIBITOR and exhibitor is None:
            self.error.show_error(
                self.tr("No event declares an exhibitor: add [[exhibitors]] to its event file.")
            )
            return
        accounts, by, sessions = self.accounts, self.supervisor, self.sessions
        message = self.tr("{name} can now sign in.").format(name=name)
        self._busy = True
        self._update_actions()
        self.error.clear_error()

        def done(member: StaffMember) -> None:
            self._busy = False
            self._select_after_load = member.id
            self.status.setText(message)
            for field in (self.name, self.pin, self.pin_again):
                field.clear()
            self.reload()

        submit(
            self.worker,
            self,
            lambda: (
                create_exhibitor_account(sessions, str(exhibitor), name, pin, by=by)
                if role == EXHIBITOR
                else accounts.create(name, pin, role, by=by)
            ),
            done,
            self._failed,
        )

    def toggle_selected(self) -> None:
        """Deactivate the selected account (or reactivate it)."""
        account = self.selected()
        if account is None or self._busy:
            return
        accounts, by, active = self.accounts, self.supervisor, not account.active
        message = (
            self.tr("{name} can sign in again.")
            if active
            else self.tr("{name} can no longer sign in.")
        ).format(name=account.name)
        self._run(lambda: accounts.set_active(account.id, active, by=by), message)

    def unlock_selected(self) -> None:
        """Unlock an account locked after wrong PINs (audited)."""
        account = self.selected()
        if account is None or self._busy or not account.locked:
            return
        accounts, by = self.accounts, self.supervisor
        message = self.tr("{name} can sign in again.").format(name=account.name)
        self._run(lambda: accounts.unlock(account.id, by=by), message)

    def change_selected_pin(self) -> None:
        """Set the selected account's PIN (typed twice)."""
        account = self.selected()
        if account is None or self._busy:
            return
        pin = self.new_pin.text()
        if pin != self.new_pin_again.text():
            self.new_pin_again.clear()
            self.error.show_error(self.tr("The two PINs differ. Type the PIN again."))
            self.new_pin_again.setFocus()
            return
        accounts, by = self.accounts, self.supervisor
        message = self.tr("{name}'s PIN is changed.").format(name=account.name)
        self.new_pin.clear()
        self.new_pin_again.clear()
        self._run(lambda: accounts.change_pin(account.id, pin, by=by), message)

    def _show_exhibitor(self) -> None:
        """The exhibitor's row shows for an exhibitor account only."""
        self.add_form.setRowVisible(self.exhibitor, self.role.currentData() == EXHIBITOR)

    def _update_actions(self) -> None:
        account = self.selected()
        has = account is not None and not self._busy
        self.toggle_active.setEnabled(has)
        self.unlock.setEnabled(has and account is not None and account.locked)
        self.unlock.setText(self.tr("&Unlock"))
        self.pin_box.setEnabled(has)
        self.add.setEnabled(not self._busy)
        self.toggle_active.setText(
            self.tr("&Reactivate")
            if account is not None and not account.active
            else self.tr("&Deactivate")
        )
        self.pin_box.setTitle(
            self.tr("New PIN for {name}").format(name=account.name)
            if account is not None
            else self.tr("New PIN (select an account)")
        )

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.setWindowTitle(self.tr("Staff accounts"))
        self.add_box.setTitle(self.tr("New account"))
        texts = (
            self.tr("&Name"),
            self.tr("R&ole"),
            self.tr("E&xhibitor"),
            self.tr("&PIN"),
            self.tr("PIN &again"),
        )
        for label, text in zip(self.add_labels, texts, strict=True):
            label.setText(text)
        self.role.setItemText(0, self.tr("Desk staff"))
        self.role.setItemText(1, self.tr("Supervisor"))
        self.role.setItemText(2, self.tr("Exhibitor (lead station)"))
        self.add.setText(self.tr("&Add the account"))
        self.new_pin_label.setText(self.tr("New P&IN"))
        self.new_pin_again_label.setText(self.tr("New PIN a&gain"))
        self.set_pin.setText(self.tr("&Set the PIN"))
        placeholder = self.tr("{low} to {high} digits").format(
            low=staff.PIN_MIN_DIGITS, high=staff.PIN_MAX_DIGITS
        )
        self.pin.setPlaceholderText(placeholder)
        self.new_pin.setPlaceholderText(placeholder)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self.model.retranslate()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
