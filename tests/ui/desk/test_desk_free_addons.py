"""F4 with a free add-on (a workshop at 0.00, seats counted): the dialog's button says
Reserve and asks for no payment; the desk reserves it with no payment and no receipt."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Payment, Receipt, RegistrationSession
from desktop_app.ui.desk.outcome import Tone
from desktop_app.ui.dialogs.walkin_addon_sale import AddOnSaleDialog, AddOnSaleTaken
from tests.services.desk_data import add_registration
from tests.services.sessions_data import declare_sessions
from tests.services.test_addon_free import FREE
from tests.ui.desk.desk_harness import Desk, fill, make_desk, scan, wait_tone
from tests.ui.desk.test_desk_addons import offer

ONLY_SESSIONS = FREE[FREE.index("[[sessions]]") :].replace("capacity = 2", "capacity = 100")
PAID = "FREEPAID23456789"
D = Decimal


def test_the_dialog_reserves_a_free_workshop_without_payment(qtbot: QtBot) -> None:
    offers = (offer("gala", "Gala dinner", "95.00", 12), offer("wb", "Workshop B", "0.00", 3))
    dialog = AddOnSaleDialog(
        None, "Benoît Lachance", None, offers, print_receipt=True, ask_override=print
    )
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.addons.boxes["wb"].setChecked(True)
    assert ok.text() == "&Reserve"
    assert not dialog.payment.isVisible() and not dialog.print_receipt.isVisible()
    assert dialog.total.text() == "$0.00"
    dialog.grab().save("/tmp/desk-free-addon.png")
    taken = dialog.taken()
    assert isinstance(taken, AddOnSaleTaken)
    assert (taken.codes, taken.payment, taken.print_receipt) == (("wb",), None, False)
    # With the gala ticked too there is money to take again.
    dialog.addons.boxes["gala"].setChecked(True)
    assert ok.text() == "&Sell" and dialog.payment.isVisible()
    dialog.payment.tendered.setText("120")
    mixed = dialog.taken()
    assert isinstance(mixed, AddOnSaleTaken) and mixed.payment is not None
    assert mixed.payment.amount == D("109.23")


@pytest.fixture
def free_desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database, registrations=20)
    declare_sessions(database.sessions, ONLY_SESSIONS)
    add_registration(database.sessions, PAID, due="0.00")  # owes nothing
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    yield made
    made.close()


def test_f4_reserves_the_free_workshop(
    qtbot: QtBot, free_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = free_desk.window
    scan(qtbot, free_desk, PAID)
    wait_tone(qtbot, free_desk, Tone.CHECKED_IN)
    qtbot.waitUntil(lambda: window.buttons["collect"].isEnabled(), timeout=10000)

    def reserves(*_args: object, **_kw: object) -> AddOnSaleTaken:
        return AddOnSaleTaken(("workshop-b",), None, None, print_receipt=False)

    with free_desk.sessions() as session:
        before = (
            len(session.scalars(select(Payment)).all()),
            session.scalars(select(Receipt)).all(),
        )
    monkeypatch.setattr(AddOnSaleDialog, "ask", reserves)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: "reserved" in window.outcome.detail.text(), timeout=20000)
    assert window.outcome.detail.text().startswith("Workshop B reserved for Benoît Lachance")
    with free_desk.sessions() as session:
        assert len(session.scalars(select(RegistrationSession)).all()) == 1
        after = (
            len(session.scalars(select(Payment)).all()),
            session.scalars(select(Receipt)).all(),
        )
    assert after == before  # no payment, no receipt
