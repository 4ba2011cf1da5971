"""A desk without a receipt printer still gives every receipt: saved as an owner-only PDF in
its receipts folder, and the band and the walk-in result say the same thing, with the path."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.ui.desk import walk_in
from desktop_app.ui.desk.forms import BalancePayment, PaymentDialog
from desktop_app.ui.desk.outcome import Tone
from desktop_app.ui.dialogs.walkin import WalkInDialog
from desktop_app.ui.machine_settings import receipt_printer_choice
from desktop_app.ui.printing import PrinterChoice
from tests.ui.desk.desk_harness import Desk, fill, make_desk, registration
from tests.ui.desk.test_desk_checkin import scan, wait_tone
from tests.ui.test_printing import CupsQueue, cups_queue, cups_server  # noqa: F401 (fixtures)


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database)
    made = make_desk(database, tmp_path / "desk.ini", print_queue=True)
    made.context.settings.receipt_printer = None  # "No printer (save PDFs instead)"
    made.context.settings.receipt_folder = tmp_path / "receipts"
    qtbot.addWidget(made.window)
    yield made
    made.close()


def saved_receipt(folder: Path) -> Path:
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 1, files
    path = files[0]
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # personal information
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    return path


def test_f4_without_a_printer_saves_the_receipt_and_the_band_names_the_file(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    owing = registration(desk.sessions, owing=True)
    window = desk.window
    scan(qtbot, desk, owing.code)
    wait_tone(qtbot, desk, Tone.PAYMENT_DUE)
    qtbot.waitUntil(lambda: window.buttons["collect"].isEnabled(), timeout=10000)
    card = window.flows.card
    assert card is not None
    due = card.balance_due

    def pays_cash(*_args: object, **_kwargs: object) -> BalancePayment:
        return BalancePayment("cash", due, due + Decimal("20.00"), None, print_receipt=True)

    monkeypatch.setattr(PaymentDialog, "ask", pays_cash)
    qtbot.keyClick(window, Qt.Key.Key_F4)

    folder = tmp_path / "receipts"
    qtbot.waitUntil(lambda: "saved as PDF" in window.outcome.detail.text(), timeout=20000)
    path = saved_receipt(folder)
    detail = window.outcome.detail.text()
    assert str(path) in detail
    assert "not printed" not in detail


def test_a_walk_in_without_a_printer_saves_the_receipt_and_both_texts_agree(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs: list[WalkInDialog] = []

    def keep_open(self: WalkInDialog) -> int:
        dialogs.append(self)
        self.deleteLater = lambda: None  # type: ignore[method-assign]
        return 0

    monkeypatch.setattr(walk_in.WalkInDialog, "exec", keep_open)
    walk_in.open_walk_in(desk.window)
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.print_now.text() == "&Save the receipt as PDF"
    dialog.first_name.setText("Ana")
    dialog.last_name.setText("Lima")
    dialog.email.setText("ana.lima@example.org")
    qtbot.waitUntil(dialog.quote_is_current, timeout=10_000)
    dialog.payment.set_method("cash")
    dialog.print_receipt.setChecked(True)
    dialog.confirm()

    window = desk.window
    qtbot.waitUntil(lambda: "saved as PDF" in dialog.summary.text(), timeout=20000)
    path = saved_receipt(tmp_path / "receipts")
    result_text = dialog.summary.text().splitlines()[-1]
    assert str(path) in result_text
    # The band says exactly what the result box says: one record of where it went.
    qtbot.waitUntil(lambda: result_text in window.outcome.detail.text(), timeout=5000)
    assert "sent to the printer" not in dialog.summary.text()
    assert not dialog.print_now.isEnabled()
    dialog.close()


def test_a_failed_receipt_printer_saves_the_pdf_instead(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.context.settings.receipt_printer = PrinterChoice("Passerelle-no-such-printer", 612, 792)
    owing = registration(desk.sessions, owing=True)
    window = desk.window
    scan(qtbot, desk, owing.code)
    wait_tone(qtbot, desk, Tone.PAYMENT_DUE)
    qtbot.waitUntil(lambda: window.buttons["collect"].isEnabled(), timeout=10000)
    card = window.flows.card
    assert card is not None
    due = card.balance_due
    monkeypatch.setattr(
        PaymentDialog,
        "ask",
        lambda *_a, **_k: BalancePayment("card", due, None, "AUTH 1", print_receipt=True),
    )
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: "saved as PDF" in window.outcome.detail.text(), timeout=20000)
    path = saved_receipt(tmp_path / "receipts")
    detail = window.outcome.detail.text()
    assert str(path) in detail and "Passerelle-no-such-printer" in detail
    assert desk.context.print_queue is not None and not desk.context.print_queue.failed_jobs()


def test_with_a_printer_the_band_says_it_was_sent_there(
    qtbot: QtBot,
    desk: Desk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    cups: CupsQueue = request.getfixturevalue("cups_queue")  # the real cups-pdf queue
    settings = desk.context.settings
    settings.receipt_layout = "roll-80"
    settings.receipt_printer = receipt_printer_choice(cups.name, "roll-80")
    owing = registration(desk.sessions, owing=True)
    window = desk.window
    scan(qtbot, desk, owing.code)
    wait_tone(qtbot, desk, Tone.PAYMENT_DUE)
    qtbot.waitUntil(lambda: window.buttons["collect"].isEnabled(), timeout=10000)
    card = window.flows.card
    assert card is not None
    due = card.balance_due
    monkeypatch.setattr(
        PaymentDialog,
        "ask",
        lambda *_a, **_k: BalancePayment("card", due, None, "AUTH 2", print_receipt=True),
    )
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: f"sent to {cups.name}" in window.outcome.detail.text(), timeout=60000)
    assert "saved as PDF" not in window.outcome.detail.text()
    assert not (tmp_path / "receipts").exists()  # printed, so nothing saved
