"""F4 on a registered person with nothing owed: sell add-ons (the gala bought at the door).
The same boxes as the walk-in form, with seats left; the total follows what is ticked; paid in
cash or by card; the receipt is for the add-ons alone. Free add-ons alone (a workshop at
0.00) are reserved: no payment to take, no receipt, and the button says so."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.admin.staff import Override
from desktop_app.services.desk.addons import AddOnOffer
from desktop_app.services.money.payments import PaymentInput
from desktop_app.ui.dialogs.common import ErrorLine, interface_language, use_desk_type
from desktop_app.ui.dialogs.walkin_addons import AddOnsBox
from desktop_app.ui.dialogs.walkin_payment import PaymentPanel, money


@dataclass(frozen=True)
class AddOnSaleTaken:
    """What staff chose: the add-ons, the payment, the supervisor for a full one."""

    codes: tuple[str, ...]
    payment: PaymentInput | None  # None: everything ticked is free, reserved
    override: Override | None
    print_receipt: bool


class AddOnSaleDialog(QDialog):
    """Tick the add-ons, take the payment; OK sells them (the desk runs the sale)."""

    def __init__(
        self,
        parent: QWidget | None,
        name: str,
        organization: str | None,
        offers: Sequence[AddOnOffer],
        *,
        print_receipt: bool,
        ask_override: Callable[[str], Override | None],
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.addons = AddOnsBox()
        self.addons.ask_override = ask_override
        self.addons.set_offers(offers)
        self.total_label = QLabel()
        self.total = QLabel()
        big = QFont(self.total.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.total_label.setFont(big)
        self.total.setFont(big)
        self.payment = PaymentPanel()
        for method in ("invoice", "complimentary"):  # add-ons are paid at the desk
            self.payment.buttons[method].hide()
        self.payment.set_organization(organization or "")
        self.print_receipt = QCheckBox()
        self.print_receipt.setChecked(print_receipt)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.addons.changed.connect(self._update)
        self.payment.changed.connect(self.error.clear_error)
        total_row = QHBoxLayout()
        total_row.addWidget(self.total_label, 1)
        total_row.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.addons)
        layout.addLayout(total_row)
        layout.addWidget(self.payment)
        layout.addWidget(self.print_receipt)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        use_desk_type(self)
        self.retranslate()
        self._update()

    def free(self) -> bool:
        """Something is ticked and it all costs nothing: reserved, no money taken."""
        return bool(self.addons.chosen()) and self.addons.total() == 0

    def _update(self) -> None:
        self.error.clear_error()
        # Nothing ticked is no price yet (a zero total would mean complimentary).
        self.payment.set_total(self.addons.total() or None)
        self.total.setText(money(self.addons.total(), self.payment.language))
        free = self.free()
        # Nothing to pay and no receipt: the payment and printing would only mislead.
        self.payment.setVisible(not free)
        self.print_receipt.setVisible(not free)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Reserve") if free else self.tr("&Sell"))
        if free:
            intro = self.tr("Free add-ons for {name}: reserved, nothing to pay, no receipt.")
        else:
            intro = self.tr("Add-ons for {name}: a receipt for them alone.")
        self.intro.setText(intro.format(name=self.name))

    def taken(self) -> AddOnSaleTaken | str:
        """The sale as entered, or what is missing (for the error line)."""
        codes = self.addons.chosen()
        if not codes:
            return self.tr("Tick the add-ons to sell.")
        chosen = self.addons.chosen_offers()
        override = self.addons.override if any(o.full for o in chosen) else None
        if self.free():
            return AddOnSaleTaken(codes, None, override, print_receipt=False)
        payment = self.payment.payment_input()
        if isinstance(payment, str):
            return payment
        return AddOnSaleTaken(codes, payment, override, self.print_receipt.isChecked())

    def confirm(self) -> None:
        """Accept when the sale is complete; else say what is missing."""
        taken = self.taken()
        if isinstance(taken, str):
            self.error.show_error(taken)
            return
        self.accept()

    def retranslate(self) -> None:
        """Every text in the interface language."""
        language = interface_language()
        self.payment.language = language
        self.addons.language = language
        self.setWindowTitle(self.tr("Sell add-ons"))
        self.total_label.setText(self.tr("Total"))
        self.print_receipt.setText(self.tr("&Print the receipt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.addons.retranslate()
        self.payment.retranslate()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        name: str,
        organization: str | None,
        offers: Sequence[AddOnOffer],
        *,
        print_receipt: bool,
        ask_override: Callable[[str], Override | None],
    ) -> AddOnSaleTaken | None:
        """The sale as chosen, or ``None`` if cancelled (tests replace this)."""
        dialog = cls(
            parent,
            name,
            organization,
            offers,
            print_receipt=print_receipt,
            ask_override=ask_override,
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            taken = dialog.taken()
            return None if isinstance(taken, str) else taken
        finally:
            dialog.deleteLater()
