"""F4 when the person is owed money: refund the credit due with a credit note.

F4 collects a balance; on a card that shows a credit due (the person paid more than they owe,
e.g. a membership found after they paid the non-member rate) it offers the refund instead:
:class:`RefundDialog` asks how the money goes back (cash or card) and why, and
:func:`refund_credit` runs the refund on the desk's writer -- credit notes on the desk's
receipts, never an edit of them -- then shows it in the band and prints the credit note on
request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
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

from desktop_app.domain.money import ZERO
from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.services.desk.desk import DeskAction
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.ui.desk.changes import DeskChange
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.desk.outcome import OutcomePanel, Tone
from desktop_app.ui.desk.text import credit_advice, money
from desktop_app.ui.dialogs.common import use_desk_type
from desktop_app.ui.errors import error_text


class RefundHost(Protocol):
    """What the refund needs from the desk (the flows), and nothing more: no import circle."""

    card: AttendeeCard | None
    window: QWidget
    context: DeskContext
    outcome: OutcomePanel
    desk_changed: Any  # the signal that announces a DeskChange

    def print_receipt(self, receipt: IssuedReceipt) -> None: ...


@dataclass(frozen=True)
class RefundTaken:
    """How the credit goes back, and why."""

    method: str  # "cash" | "card"
    reason: str
    print_note: bool


class RefundDialog(QDialog):
    """Refund a credit due: cash or card, a reason (printed on the credit note)."""

    def __init__(self, parent: QWidget | None, card: AttendeeCard, *, print_note: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refund with a credit note"))
        self.intro = QLabel(
            self.tr(
                "{name} is owed <b>{amount}</b>. A credit note refers to the desk's receipt"
                " (the receipt itself never changes) and the money goes back now."
            ).format(name=card.name, amount=money(card.credit_refundable))
        )
        self.intro.setWordWrap(True)
        self.cash = QRadioButton(self.tr("Cash"))
        self.card = QRadioButton(self.tr("Card (venue terminal)"))
        self.card.setChecked(True)  # paid back the way most people paid
        group = QButtonGroup(self)
        group.addButton(self.cash)
        group.addButton(self.card)
        self.reason = QLineEdit(
            self.tr("Member rate: membership confirmed")
            if card.membership_flag == "credit-due"
            else self.tr("Paid more than the registration costs")
        )
        self.reason.setMaxLength(300)
        self.note = QCheckBox(self.tr("Print the credit note"))
        self.note.setChecked(print_note)
        form = QFormLayout()
        form.addRow(self.tr("Paid back"), self.card)
        form.addRow("", self.cash)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Refund {amount}").format(amount=money(card.credit_refundable)))
        ok.setDefault(True)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        use_desk_type(self)

    def taken(self) -> RefundTaken:
        """What staff chose."""
        return RefundTaken(
            method="cash" if self.cash.isChecked() else "card",
            reason=self.reason.text().strip(),
            print_note=self.note.isChecked(),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, card: AttendeeCard, *, print_note: bool
    ) -> RefundTaken | None:
        """The refund as chosen, or ``None`` if cancelled."""
        dialog = cls(parent, card, print_note=print_note)
        try:
            return dialog.taken() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def refund_credit(host: RefundHost) -> None:
    """F4 on a card that is owed money: refund what the desk's receipts can, with a credit note."""
    card = host.card
    if card is None or card.credit_due <= 0:
        return
    context, outcome = host.context, host.outcome
    why_not = context.service.allows(DeskAction.REFUND)
    if why_not is not None or card.credit_refundable <= 0:
        # Offline (the server keeps credit notes), or paid online: say what to do instead.
        outcome.show_message(
            Tone.PROBLEM if why_not is not None else Tone.INFO,
            lambda: QCoreApplication.translate("DeskRefund", "No refund at this desk now"),
            lambda: (
                why_not.render(lambda text: QCoreApplication.translate("SharedDesk", text))
                if why_not is not None
                else credit_advice(card.name, card.credit_due, card.credit_refundable)
            ),
        )
        return
    taken = RefundDialog.ask(
        host.window, card, print_note=context.settings.print_receipt_by_default
    )
    if taken is None:
        return
    service = context.service

    def done(notes: tuple[IssuedReceipt, ...]) -> None:
        numbers = ", ".join(note.number for note in notes)
        paid_back = sum((-note.total for note in notes), ZERO)

        def detail() -> str:
            how = (
                QCoreApplication.translate("DeskRefund", "in cash")
                if taken.method == "cash"
                else QCoreApplication.translate("DeskRefund", "on the card")
            )
            return QCoreApplication.translate(
                "DeskRefund", "{amount} paid back to {name} {how}; credit note {numbers}."
            ).format(amount=money(paid_back), name=card.name, how=how, numbers=numbers)

        outcome.show_message(
            Tone.INFO, lambda: QCoreApplication.translate("DeskRefund", "Refunded"), detail
        )
        if taken.print_note:
            for note in notes:
                host.print_receipt(note)
        host.desk_changed.emit(DeskChange(card.registration_id))

    def failed(error: BaseException) -> None:
        outcome.show_message(
            Tone.PROBLEM,
            lambda: QCoreApplication.translate("DeskRefund", "That did not go through"),
            lambda: error_text(error),
        )

    context.writer.submit(
        lambda: service.refund_credit(
            card.registration_id, method=taken.method, reason=taken.reason
        ),
        done,
        failed,
        owner=host.window,
    )
