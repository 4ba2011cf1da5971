"""F4 on a card with nothing owed: sell add-ons (the gala bought at the door).

The add-ons are read on the reader (seats left as of now), chosen in
:class:`~desktop_app.ui.dialogs.walkin_addon_sale.AddOnSaleDialog`, and sold on the writer;
the band says what was sold and the receipt prints on request, as a collected balance's does.
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.services.admin.staff import Override
from desktop_app.services.desk.addon_sale import AddOnResult
from desktop_app.services.desk.addons import AddOnOffer
from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.ui.desk.changes import DeskChange
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.desk.outcome import OutcomePanel, Tone
from desktop_app.ui.desk.text import money
from desktop_app.ui.dialogs.common import interface_language
from desktop_app.ui.dialogs.override import OverrideDialog
from desktop_app.ui.dialogs.walkin_addon_sale import AddOnSaleDialog
from desktop_app.ui.errors import error_text

_CONTEXT = "DeskAddOns"


class AddOnHost(Protocol):
    """What the sale needs from the desk (the flows), and nothing more: no import circle."""

    card: AttendeeCard | None
    window: QWidget
    context: DeskContext
    outcome: OutcomePanel
    desk_changed: Any  # the signal that announces a DeskChange

    def print_receipt(self, receipt: IssuedReceipt) -> None: ...


def _failed(outcome: OutcomePanel, error: BaseException) -> None:
    outcome.show_message(
        Tone.PROBLEM,
        lambda: QCoreApplication.translate(_CONTEXT, "Add-ons not sold"),
        lambda: error_text(error),
    )


def sell_addons(host: AddOnHost) -> None:
    """Read the add-ons on sale, then let staff sell some to the card's person."""
    card = host.card
    if card is None:
        return
    context, outcome = host.context, host.outcome
    service = context.service
    context.reader.submit(
        lambda: service.addon_offers(card.registration_id),
        lambda offers: _choose(host, card, offers),
        lambda error: _failed(outcome, error),
        owner=host.window,
    )


def _choose(host: AddOnHost, card: AttendeeCard, offers: tuple[AddOnOffer, ...]) -> None:
    context, outcome = host.context, host.outcome
    if not offers:
        outcome.show_message(
            Tone.INFO,
            lambda: QCoreApplication.translate(_CONTEXT, "Nothing to sell"),
            lambda: QCoreApplication.translate(
                _CONTEXT, "{name} owes nothing, and this event sells no add-ons."
            ).format(name=card.name),
        )
        return

    def ask_override(why: str) -> Override | None:
        return OverrideDialog.ask(host.window, context.writer, context.office, why)

    taken = AddOnSaleDialog.ask(
        host.window,
        card.name,
        card.organization,
        offers,
        print_receipt=context.settings.print_receipt_by_default,
        ask_override=ask_override,
    )
    if taken is None:
        return
    service, action = context.service, uuid.uuid4().hex
    names = {offer.code: offer for offer in offers}

    def done(result: AddOnResult) -> None:
        def detail() -> str:
            sold = ", ".join(names[code].name(interface_language()) for code in result.codes)
            if result.reserved:
                return QCoreApplication.translate(
                    _CONTEXT, "{addons} reserved for {name}: free, nothing to pay."
                ).format(addons=sold, name=card.name)
            text = QCoreApplication.translate(
                _CONTEXT, "{amount} received from {name} for {addons}."
            ).format(amount=money(result.total), name=card.name, addons=sold)
            if result.receipt is not None:
                text += " " + QCoreApplication.translate(_CONTEXT, "Receipt {number}.").format(
                    number=result.receipt.number
                )
            if result.change_due is not None and result.change_due > 0:
                text += " " + QCoreApplication.translate(_CONTEXT, "Change due: {change}.").format(
                    change=money(result.change_due)
                )
            return text

        def title() -> str:
            if result.reserved:
                return QCoreApplication.translate(_CONTEXT, "Add-ons reserved")
            return QCoreApplication.translate(_CONTEXT, "Add-ons sold")

        outcome.show_message(Tone.INFO, title, detail)
        if taken.print_receipt and result.receipt is not None:
            host.print_receipt(result.receipt)
        host.desk_changed.emit(DeskChange(card.registration_id))

    context.writer.submit(
        lambda: service.sell_addons(
            card.registration_id,
            taken.codes,
            taken.payment,
            action_id=action,
            override=taken.override,
        ),
        done,
        lambda error: _failed(outcome, error),
        owner=host.window,
    )
