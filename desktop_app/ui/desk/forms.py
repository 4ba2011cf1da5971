"""The desk's small forms: a reason (undo), a person (edit, substitute), a payment (balance).

Each has a classmethod ``ask`` that returns what was entered or ``None``, so tests replace it.
They collect input only; the services check it and the desk shows their errors.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, AppError, Invalid
from desktop_app.domain.money import typed_amount
from desktop_app.domain.names import display_name
from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.ui.desk.text import money
from desktop_app.ui.dialogs.common import ErrorLine, use_desk_type
from desktop_app.ui.dialogs.consent_box import ConsentBox


class ReasonDialog(QDialog):
    """Asks why (undoing a check-in); OK stays disabled until something is written."""

    def __init__(self, parent: QWidget | None, question: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reason"))
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("e.g. scanned the wrong badge"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @classmethod
    def ask(cls, parent: QWidget | None, question: str) -> str | None:
        """The reason given, or ``None`` if cancelled."""
        dialog = cls(parent, question)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.reason.text().strip() or None
        finally:
            dialog.deleteLater()


@dataclass(frozen=True)
class PersonForm:
    """A person as typed at the desk."""

    first_name: str
    last_name: str
    email: str | None
    organization: str | None
    notes: str | None = None
    consents: tuple[tuple[str, bool], ...] = ()


class PersonDialog(QDialog):
    """Edits the person on a card, or enters the colleague who comes instead (substitute)."""

    def __init__(self, parent: QWidget | None, card: AttendeeCard, *, substitute: bool) -> None:
        super().__init__(parent)
        self.substitute = substitute
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.first_name = QLineEdit("" if substitute else card.first_name)
        self.last_name = QLineEdit("" if substitute else card.last_name)
        self.email = QLineEdit("" if substitute else card.email or "")
        self.organization = QLineEdit(card.organization or "")
        self.notes = QLineEdit(card.notes or "")
        form = QFormLayout()
        form.addRow(self.tr("First name"), self.first_name)
        form.addRow(self.tr("Last name"), self.last_name)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Organization"), self.organization)
        if not substitute:
            form.addRow(self.tr("Notes"), self.notes)
        self.consent_box = ConsentBox()
        if not substitute:  # the newcomer of a substitution answers at their own walk-up
            self.consent_box.set_purposes(card.purposes)
            for code, granted in card.answers:
                if code in self.consent_box.boxes:
                    self.consent_box.boxes[code].setChecked(granted)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name = display_name(card.first_name, card.last_name)
        if substitute:
            self.setWindowTitle(self.tr("Substitute a colleague"))
            self.intro.setText(
                self.tr(
                    "Who comes instead of {name}? The registration moves to them; {name} keeps"
                    " their history. The membership is checked again for the newcomer."
                ).format(name=name)
            )
        else:
            self.setWindowTitle(self.tr("Edit {name}").format(name=name))
            self.intro.setText(self.tr("Correct the person's details. Every change is logged."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def form(self) -> PersonForm:
        """What was typed (the service trims and checks it)."""
        return PersonForm(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            email=self.email.text().strip() or None,
            organization=self.organization.text().strip() or None,
            notes=None if self.substitute else (self.notes.text().strip() or None),
            consents=() if self.substitute else self.consent_box.answers(),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, card: AttendeeCard, *, substitute: bool
    ) -> PersonForm | None:
        """The person typed, or ``None`` if cancelled."""
        dialog = cls(parent, card, substitute=substitute)
        try:
            return dialog.form() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


@dataclass(frozen=True)
class BalancePayment:
    """A balance payment as taken at the desk."""

    method: str  # "cash" | "card"
    amount: Decimal
    tendered: Decimal | None
    reference: str | None
    print_receipt: bool


class PaymentDialog(QDialog):
    """Collects a balance: cash (amount tendered, change shown) or card (terminal reference)."""

    def __init__(self, parent: QWidget | None, card: AttendeeCard, *, print_receipt: bool) -> None:
        super().__init__(parent)
        self.amount = card.balance_due
        self.setWindowTitle(self.tr("Collect the balance"))
        self.intro = QLabel(
            self.tr("{name} owes <b>{amount}</b>.").format(
                name=display_name(card.first_name, card.last_name),
                amount=money(card.balance_due),
            )
        )
        self.cash = QRadioButton(self.tr("Cash"))
        self.card = QRadioButton(self.tr("Card (venue terminal)"))
        self.cash.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.cash)
        group.addButton(self.card)
        self.tendered = QLineEdit()
        self.tendered.setPlaceholderText(money(card.balance_due))
        self.change = QLabel()
        self.reference = QLineEdit()
        self.reference.setMaxLength(120)
        self.receipt = QCheckBox(self.tr("Print the receipt"))
        self.receipt.setChecked(print_receipt)
        self.error = ErrorLine()
        form = QFormLayout()
        form.addRow(self.cash)
        form.addRow(self.tr("Amount tendered"), self.tendered)
        form.addRow(self.tr("Change due"), self.change)
        form.addRow(self.card)
        form.addRow(self.tr("Terminal reference"), self.reference)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.receipt)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.cash.toggled.connect(self._update)
        self.tendered.textChanged.connect(self._update)
        self._update()
        # The keyboard flow of a cash desk: digits typed at once land in the amount, Enter
        # confirms, and Tab never reaches Cancel before OK.
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        ok.setAutoDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        order = (self.tendered, self.cash, self.card, self.reference, self.receipt, ok, cancel)
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        use_desk_type(self)
        self.tendered.setFocus()

    def _tendered(self) -> Decimal | None:
        text = self.tendered.text().strip()
        if not text:
            return None
        amount = typed_amount(text)  # the walk-in's rule: "1 234,50", "$1,234.50", "700"
        if amount is None:
            raise Invalid(QT_TRANSLATE_NOOP("AppError", "'{value}' is not an amount."), value=text)
        return amount

    def _update(self) -> None:
        cash = self.cash.isChecked()
        self.tendered.setEnabled(cash)
        self.reference.setEnabled(not cash)
        self.change.setText("")
        self.error.clear_error()
        if cash:
            try:
                tendered = self._tendered()
            except AppError:
                return
            if tendered is not None and tendered >= self.amount:
                self.change.setText(money(tendered - self.amount))

    def _confirm(self) -> None:
        try:
            self.payment()
        except AppError as error:
            self.error.show_error(error)
            return
        self.accept()

    def payment(self) -> BalancePayment:
        """The payment entered; ``Invalid`` if the amount tendered is not an amount."""
        cash = self.cash.isChecked()
        return BalancePayment(
            method="cash" if cash else "card",
            amount=self.amount,
            tendered=self._tendered() if cash else None,
            reference=None if cash else (self.reference.text().strip() or None),
            print_receipt=self.receipt.isChecked(),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, card: AttendeeCard, *, print_receipt: bool
    ) -> BalancePayment | None:
        """The payment taken, or ``None`` if cancelled."""
        dialog = cls(parent, card, print_receipt=print_receipt)
        try:
            return dialog.payment() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
