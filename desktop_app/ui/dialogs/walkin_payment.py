"""How a walk-in pays: cash with the change due, card reference, invoice, complimentary; and
reading amounts as staff type them."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.money import format_money
from desktop_app.domain.money import typed_amount as parse_amount
from desktop_app.services.money.payments import PaymentInput

METHODS = ("cash", "card", "invoice", "complimentary")


def money(amount: Decimal, language: str) -> str:
    """``amount`` as the interface language writes it."""
    return format_money(amount, "fr" if language == "fr" else "en")


class AmountField(QLineEdit):
    """A field for an amount of money, wide enough for "10 000,00 $" in its own font."""

    WIDEST = "10 000,00 $"

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self._width(), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self._width(), hint.height())

    def _width(self) -> int:
        margins = self.textMargins()
        # Frame and inner padding of the style, then the text itself.
        return (
            QFontMetrics(self.font()).horizontalAdvance(self.WIDEST)
            + 24
            + margins.left()
            + (margins.right())
        )


class PaymentPanel(QWidget):
    """Choose how the person pays; cash shows the change due as the amount tendered is typed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total: Decimal | None = None
        self.paid_now_only = False  # add-ons ticked: cash or card
        self.language = "en"
        self.organization = ""
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        # Two by two: French labels do not fit on one line beside the form.
        row = QGridLayout()
        for index, method in enumerate(METHODS):
            button = QRadioButton()
            self.buttons[method] = button
            self.group.addButton(button, index)
            row.addWidget(button, index // 2, index % 2)
        row.setColumnStretch(2, 1)
        self.buttons["cash"].setChecked(True)

        self.stack = QStackedWidget()
        # cash
        cash = QWidget()
        # The amount typed and the change due are read at a glance: both in the same larger
        # type; the hint beside the empty field is in it too (not bold) and wraps if needed.
        amount_font = QFont(self.font())
        amount_font.setPointSizeF(amount_font.pointSizeF() * 1.3)
        self.tendered = AmountField()
        self.tendered.setFont(amount_font)
        self.tendered_label = QLabel()
        self.tendered_label.setBuddy(self.tendered)
        self.change = QLabel()
        self.change.setFont(amount_font)
        self.change.setWordWrap(True)
        cash_row = QHBoxLayout(cash)
        cash_row.setContentsMargins(0, 0, 0, 0)
        cash_row.addWidget(self.tendered_label)
        cash_row.addWidget(self.tendered)
        cash_row.addWidget(self.change, 1)
        # card
        card = QWidget()
        self.reference = QLineEdit()
        self.reference.setMaxLength(60)
        self.reference_label = QLabel()
        self.reference_label.setBuddy(self.reference)
        card_row = QHBoxLayout(card)
        card_row.setContentsMargins(0, 0, 0, 0)
        card_row.addWidget(self.reference_label)
        card_row.addWidget(self.reference, 1)
        # invoice, complimentary
        self.invoice_text = QLabel()
        self.invoice_text.setWordWrap(True)
        self.comp_text = QLabel()
        self.comp_text.setWordWrap(True)
        for page in (cash, card, self.invoice_text, self.comp_text):
            self.stack.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.stack)

        self.group.idToggled.connect(self._method_toggled)
        self.tendered.textChanged.connect(lambda _t: self._update())
        self.reference.textChanged.connect(lambda _t: self.changed.emit())
        self.retranslate()

    def method(self) -> str:
        """The chosen payment method."""
        return METHODS[max(self.group.checkedId(), 0)]

    def set_method(self, method: str) -> None:
        """Choose ``method``."""
        self.buttons[method].setChecked(True)

    def set_total(self, total: Decimal | None) -> None:
        """The amount to pay; a free category can only be complimentary."""
        self.total = total
        free = total is not None and total == 0
        self._enable()
        if free:
            self.set_method("complimentary")
        self._update()

    def only_paid_now(self, only: bool) -> None:
        """Cash or card only (add-ons are paid at the desk), or every method again."""
        self.paid_now_only = only
        self._enable()
        if only and self.method() not in ("cash", "card"):
            self.set_method("cash")

    def _enable(self) -> None:
        free = self.total is not None and self.total == 0
        for method in ("cash", "card", "invoice"):
            self.buttons[method].setEnabled(not free)
        for method in ("invoice", "complimentary"):
            if self.paid_now_only:
                self.buttons[method].setEnabled(False)
        if not self.paid_now_only:
            self.buttons["complimentary"].setEnabled(True)

    def set_organization(self, organization: str) -> None:
        """The organization an invoice would go to."""
        self.organization = " ".join(organization.split())
        self._update()

    def tendered_amount(self) -> Decimal | None:
        """The cash tendered as typed, or None if blank or unreadable."""
        return parse_amount(self.tendered.text())

    def change_due(self) -> Decimal | None:
        """Cash tendered minus the total, when both are known."""
        tendered = self.tendered_amount()
        if tendered is None or self.total is None:
            return None
        return tendered - self.total

    def payment_input(self) -> PaymentInput | str:
        """The payment as entered for the total, or what is missing (for the error line)."""
        total = self.total
        if total is None:
            return self.tr("No price category is on sale now.")
        method = self.method()
        if method == "complimentary":
            return PaymentInput(method="complimentary", amount=Decimal("0.00"))
        if method == "cash":
            text = self.tendered.text().strip()
            tendered = self.tendered_amount()
            if text and tendered is None:
                return self.tr("The amount tendered is not an amount: type it as 50 or 50.00.")
            if tendered is not None and tendered < total:
                return self.tr("The cash tendered is less than the total ({total}).").format(
                    total=money(total, self.language)
                )
            return PaymentInput(method="cash", amount=total, tendered=tendered)
        if method == "card":
            reference = " ".join(self.reference.text().split())
            if not reference:
                return self.tr("Type the card terminal's reference (on the slip).")
            return PaymentInput(method="card", amount=total, reference=reference)
        if not self.organization:
            return self.tr("An invoice goes to an organization: type the organization.")
        return PaymentInput(method="invoice", amount=total)

    def first_field(self) -> QWidget | None:
        """The field to type in for the chosen method."""
        return {"cash": self.tendered, "card": self.reference}.get(self.method())

    def _method_toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self.stack.setCurrentIndex(button_id)
            self._update()

    def _update(self) -> None:
        self._update_change()
        self._update_invoice()
        self.changed.emit()

    def _update_change(self) -> None:
        text = self.tendered.text().strip()
        tendered = self.tendered_amount()
        palette_red = "color:#8e1b1b; font-weight:bold;"
        if not text:
            self.change.setText(self.tr("Leave empty if the exact amount is given."))
            self.change.setStyleSheet("font-weight:normal;")
            return
        if tendered is None:
            self.change.setText(self.tr("Type an amount such as 50 or 50.00"))
            self.change.setStyleSheet(palette_red)
            return
        change = self.change_due()
        if change is None:
            self.change.clear()
        elif change < 0:
            self.change.setText(
                self.tr("Short by {amount}").format(amount=money(-change, self.language))
            )
            self.change.setStyleSheet(palette_red)
        else:
            self.change.setText(
                self.tr("Change due: {amount}").format(amount=money(change, self.language))
            )
            self.change.setStyleSheet("font-weight:bold;")

    def _update_invoice(self) -> None:
        if self.organization:
            self.invoice_text.setText(
                self.tr(
                    "Invoice to {organization}. Nothing is paid now: the balance stays due "
                    "and no receipt is issued."
                ).format(organization=self.organization)
            )
        else:
            self.invoice_text.setText(
                self.tr("An invoice goes to an organization: type the organization above.")
            )

    def retranslate(self) -> None:
        """Every text in the interface language."""
        self.buttons["cash"].setText(self.tr("Ca&sh"))
        self.buttons["card"].setText(self.tr("Car&d (venue terminal)"))
        self.buttons["invoice"].setText(self.tr("&Invoice"))
        self.buttons["complimentary"].setText(self.tr("Co&mplimentary"))
        self.tendered_label.setText(self.tr("&Tendered"))
        self.reference_label.setText(self.tr("Terminal &reference"))
        self.reference.setPlaceholderText(self.tr("Authorization number on the slip"))
        self.comp_text.setText(
            self.tr("Complimentary admission: a supervisor approves it with their PIN.")
        )
        self._update_change()
        self._update_invoice()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
