"""F4 from the keyboard: digits typed at once land in the amount tendered, Enter confirms,
Tab never reaches Cancel before OK, the type is the desk's, and "1 234,50" (as the French
interface writes it) is an amount here as in the walk-in form."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.desk.attendees import AttendeeCard, attendee_card
from desktop_app.ui.desk.forms import BalancePayment, PaymentDialog
from desktop_app.ui.dialogs.common import DESK_TYPE
from tests.ui.desk.desk_harness import fill, registration


@pytest.fixture
def owing(database: Database, tmp_path: Path) -> Iterator[AttendeeCard]:
    fill(database)
    yield attendee_card(database.sessions, registration(database.sessions, owing=True).id)


def test_typing_digits_then_enter_pays_with_the_change(qtbot: QtBot, owing: AttendeeCard) -> None:
    card = replace(owing, balance_due=Decimal("603.62"))
    taken: list[BalancePayment | None] = []

    def type_then_enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PaymentDialog)
        focus = QApplication.focusWidget()
        assert focus is dialog.tendered  # at once, no click first
        qtbot.keyClicks(focus, "700")
        assert dialog.change.text() == "$96.38"
        qtbot.keyClick(focus, Qt.Key.Key_Return)

    QTimer.singleShot(50, type_then_enter)
    taken.append(PaymentDialog.ask(None, card, print_receipt=False))
    assert taken == [BalancePayment("cash", Decimal("603.62"), Decimal("700.00"), None, False)]


def test_tab_goes_to_ok_before_cancel_and_the_type_is_the_desks(
    qtbot: QtBot, owing: AttendeeCard
) -> None:
    dialog = PaymentDialog(None, owing, print_receipt=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    order = []
    widget = dialog.tendered
    for _ in range(8):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert order.index(ok) < order.index(cancel)
    assert ok.isDefault()
    assert dialog.font().pointSizeF() >= QApplication.font().pointSizeF() * DESK_TYPE * 0.99


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("1 234,50", "1234.50"), ("1\u202f234,50 $", "1234.50"), ("$1,234.50", "1234.50")],
)
def test_amounts_as_the_interface_writes_them(
    qtbot: QtBot, owing: AttendeeCard, typed: str, amount: str
) -> None:
    dialog = PaymentDialog(
        None, replace(owing, balance_due=Decimal("1000.00")), print_receipt=False
    )
    qtbot.addWidget(dialog)
    dialog.tendered.setText(typed)
    assert dialog.payment().tendered == Decimal(amount)
    assert dialog.change.text() == "$234.50"
