"""The desk's doors to the walk-in and staff dialogs, and what follows a walk-in."""

from __future__ import annotations

import importlib
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.services.desk.walkin import WalkInResult
from desktop_app.ui.desk.changes import DeskChange
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.desk.flows import DeskFlows
from desktop_app.ui.desk.outcome import OutcomePanel, Tone
from desktop_app.ui.desk.search import SearchPanel
from desktop_app.ui.dialogs.walkin import WalkInDialog


class DeskWindow(Protocol):
    """What the walk-in and staff doors need from the desk window (no import circle)."""

    context: DeskContext
    flows: DeskFlows
    search: SearchPanel
    outcome: OutcomePanel

    def window(self) -> QWidget: ...


_CONTEXT = "DeskFlows"


def _dialog_class(module: str, name: str) -> Any:
    return getattr(importlib.import_module(f"desktop_app.ui.dialogs.{module}"), name)


def open_walk_in(window: DeskWindow) -> None:
    """Open the walk-in form; a registration it creates is shown as checked in."""
    context = window.context
    dialog = WalkInDialog(
        window.window(),
        context.writer,
        context.office,
        context.slug,
        context.desk,
        context.staff,
        reader=context.reader,
        settings=context.settings,
        service=context.service,
        timezone=context.timezone,
    )
    dialog.registered.connect(lambda result: walked_in(window, result, dialog.person_box.person()))
    dialog.receipt_requested.connect(window.flows.print_receipt)
    # The result box says where the receipt went from the same record as the band.
    receipts = window.flows.receipts
    dialog.done_box.describe_receipt = receipts.text
    receipts.changed.connect(dialog.done_box.retranslate)

    def open_existing(registration_id: int) -> None:
        # The email is already registered: show that registration instead.
        dialog.reject()
        window.search.select_registration(registration_id)
        window.flows.load_card(registration_id)

    dialog.open_registration.connect(open_existing)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def walked_in(window: DeskWindow, result: WalkInResult, name: str = "") -> None:
    """A walk-in was registered, paid and checked in: say so with their name, show their card
    (Enter is about them now, not the row chosen before), print the badge.

    Without ``name``, the banner takes it from the card once it is read.
    """
    flows = window.flows
    extra = None
    if window.context.settings.print_on_check_in:
        flows.start_badge(result.code)
        extra = flows.badge_note(result.code)

    def headline() -> str:
        card = flows.card
        who = name or (
            card.name if card is not None and card.registration_id == result.registration_id else ""
        )
        text = QCoreApplication.translate("DeskFlows", "Walk-in checked in")
        return f"{text} — {who}" if who else text

    window.outcome.show_message(
        Tone.CHECKED_IN,
        headline,
        lambda: " ".join(
            part
            for part in (
                QCoreApplication.translate(
                    "DeskFlows", "Registration {code} created and paid."
                ).format(code=result.code),
                extra() if extra is not None else "",
            )
            if part
        ),
    )
    if not window.search.select_registration(result.registration_id):
        window.search.clear_selection()
    if not name:

        def named(card: object) -> None:
            flows.card_changed.disconnect(named)
            window.outcome.refresh()

        flows.card_changed.connect(named)
    flows.desk_changed.emit(DeskChange(result.registration_id))  # counts, list, card: once


def open_staff(window: DeskWindow) -> None:
    """Supervisors: the staff accounts."""
    context = window.context
    dialog_class = _dialog_class("staff", "StaffDialog")
    dialog: QDialog = dialog_class(window.window(), context.writer, context.office, context.staff)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()


def open_receipts(window: DeskWindow) -> None:
    """Receipts…: find a receipt of the event (the card's person to start with), reprint it
    as a copy or save it as PDF."""
    from desktop_app.ui.dialogs.receipts import ReceiptLookupDialog

    context, card = window.context, window.flows.card
    dialog = ReceiptLookupDialog(
        window.window(),
        reader=context.reader,
        writer=context.writer,
        office=context.office,
        slug=context.slug,
        desk=context.desk,
        staff=context.staff.name,
        output=window.flows.receipts,
        query=card.code if card is not None else "",
    )
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
