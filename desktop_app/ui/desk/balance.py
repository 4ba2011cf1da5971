"""F4 on a card with a balance due: take it in cash or by card (``PaymentDialog``), with the
receipt printed on request; a check-in refused for that balance goes through once it is paid,
its band keeping the receipt number and the change due at its head."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.services.desk.checkin import CheckInResult
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.ui.desk.changes import DeskChange
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.desk.forms import PaymentDialog
from desktop_app.ui.desk.outcome import OutcomePanel, Tone
from desktop_app.ui.desk.text import money

T = TypeVar("T")


class BalanceHost(Protocol):
    """What collecting a balance needs from the desk (the flows): no import circle."""

    card: AttendeeCard | None
    blocked: CheckInResult | None
    window: QWidget
    context: DeskContext
    outcome: OutcomePanel
    desk_changed: Any  # the signal that announces a DeskChange

    def write(self, function: Callable[[], T], done: Callable[[T], Any]) -> None: ...
    def print_receipt(self, receipt: IssuedReceipt) -> None: ...
    def check_in(
        self, code: str, override: Any = None, *, first: Callable[[], str] | None = None
    ) -> None: ...


def collect_balance(host: BalanceHost) -> None:
    """Take the card's balance due (F4)."""
    card = host.card
    if card is None:
        return
    taken = PaymentDialog.ask(
        host.window, card, print_receipt=host.context.settings.print_receipt_by_default
    )
    if taken is None:
        return
    context, action = host.context, uuid.uuid4().hex
    payment = PaymentInput(taken.method, taken.amount, taken.tendered, taken.reference)
    was_blocked = host.blocked is not None and host.blocked.registration_id == card.registration_id

    def done(receipt: IssuedReceipt) -> None:
        change = (taken.tendered - taken.amount) if taken.tendered is not None else None

        def detail() -> str:
            text = QCoreApplication.translate(
                "DeskFlows", "{amount} received from {name}; receipt {number}."
            ).format(
                amount=money(taken.amount),
                name=card.name,
                number=receipt.number,
            )
            if change is not None and change > 0:
                text += " " + QCoreApplication.translate(
                    "DeskFlows", "Change due: {change}."
                ).format(change=money(change))
            return text

        host.outcome.show_message(
            Tone.INFO, lambda: QCoreApplication.translate("DeskFlows", "Paid"), detail
        )
        if taken.print_receipt:
            host.print_receipt(receipt)
        host.desk_changed.emit(DeskChange(card.registration_id))
        if was_blocked:
            # Paid: the refused check-in goes through now; its band keeps the receipt
            # number and the change due at its head, whatever the check-in says.
            host.check_in(card.code, first=host.outcome.detail_text)

    host.write(
        lambda: context.service.collect_balance(card.registration_id, payment, action_id=action),
        done,
    )
