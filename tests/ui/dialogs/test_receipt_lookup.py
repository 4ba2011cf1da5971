"""Receipts… at the desk: find a receipt by number or by name, reprint it as a COPY (saved as
PDF on a desk without a printer), open it with Ctrl+Shift+R prefilled with the card's person."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.money.credit_notes import issue_credit_note
from desktop_app.services.money.payments import PaymentInput, collect_balance
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.ui.dialogs.receipts import ReceiptLookupDialog
from tests.documents.pdf_reading import flat, pdf_text
from tests.ui.desk.desk_harness import Desk, fill, make_desk, plain, registration
from tests.ui.desk.test_desk_checkin import scan


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database)
    made = make_desk(database, tmp_path / "desk.ini", print_queue=True)
    made.context.settings.receipt_printer = None
    made.context.settings.receipt_folder = tmp_path / "receipts"
    qtbot.addWidget(made.window)
    yield made
    made.close()


def paid(desk: Desk) -> tuple[IssuedReceipt, str]:
    """A receipt for an owing registration's balance, and the person's name."""
    owing = registration(desk.sessions, owing=True)
    receipt = collect_balance(
        desk.sessions,
        owing.id,
        PaymentInput("card", owing.amount_due - owing.amount_paid, reference="AUTH 5"),
        desk="Desk 1",
        staff="Marie",
    )
    return receipt, f"{owing.person.first_name} {owing.person.last_name}"


def open_lookup(qtbot: QtBot, desk: Desk, query: str = "") -> ReceiptLookupDialog:
    context = desk.context
    dialog = ReceiptLookupDialog(
        desk.window,
        reader=context.reader,
        writer=context.writer,
        office=context.office,
        slug=context.slug,
        desk=context.desk,
        staff=context.staff.name,
        output=desk.window.flows.receipts,
        query=query,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def listed(dialog: ReceiptLookupDialog) -> list[str]:
    return [item.number for item in dialog.found]


def test_finds_by_number_and_by_name_and_reprints_a_copy(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    receipt, name = paid(desk)
    dialog = open_lookup(qtbot, desk)
    qtbot.waitUntil(lambda: listed(dialog) == [receipt.number], timeout=10000)

    dialog.search.setText("no such person")
    qtbot.waitUntil(lambda: listed(dialog) == [], timeout=10000)
    dialog.search.setText(receipt.number)
    qtbot.waitUntil(lambda: listed(dialog) == [receipt.number], timeout=10000)
    dialog.search.setText(plain(name).lower())  # accents and case do not matter
    qtbot.waitUntil(lambda: listed(dialog) == [receipt.number], timeout=10000)
    assert dialog.table.item(0, 2).text() == name
    assert dialog.reprint.isEnabled()

    dialog.reprint.click()
    folder = tmp_path / "receipts"
    qtbot.waitUntil(lambda: "saved as PDF" in dialog.status.text(), timeout=20000)
    copy = folder / f"{receipt.number}-COPIE.pdf"
    assert str(copy) in dialog.status.text()
    text = flat(pdf_text(copy.read_bytes()))
    assert "COPIE" in text and "COPY" in text and receipt.number in text
    assert (copy.stat().st_mode & 0o777) == 0o600


def test_ctrl_shift_r_opens_it_with_the_card_person(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    receipt, _name = paid(desk)
    person = registration(desk.sessions)
    scan(qtbot, desk, person.code)
    window = desk.window
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.code == person.code,
        timeout=10000,
    )
    opened: list[str] = []

    def shown(self: ReceiptLookupDialog) -> int:
        opened.append(self.search.text())
        return 0

    monkeypatch.setattr(ReceiptLookupDialog, "exec", shown)
    qtbot.keyClick(
        window,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert opened == [person.code]
    assert receipt.number  # the other person's receipt is not what it starts with


def test_a_receipt_lists_its_credit_notes(qtbot: QtBot, desk: Desk) -> None:
    receipt, _name = paid(desk)
    note = issue_credit_note(
        desk.sessions, receipt.receipt_id, amount=None, reason="Annulé", desk="D", staff="S"
    )
    dialog = open_lookup(qtbot, desk, receipt.number[:-1])  # both numbers share the prefix
    qtbot.waitUntil(lambda: len(listed(dialog)) == 2, timeout=10000)
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 5).text() for r in range(2)}
    assert rows[receipt.number] == note.number
    assert receipt.number in rows[note.number]
