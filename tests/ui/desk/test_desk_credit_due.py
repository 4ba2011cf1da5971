"""A credit due at the desk (#15 item 16): the band and the card say the person is owed
money, how much and what to do; F4 then refunds it with a credit note."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from desktop_app.db.database import Database
from desktop_app.db.models import Receipt, Registration
from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.services.desk.checkin import undo_check_in
from desktop_app.services.desk.walkin import WalkInForm, register_walk_in
from desktop_app.services.money.payments import PaymentInput
from desktop_app.ui.desk.outcome import Tone
from desktop_app.ui.desk.refund import RefundDialog, RefundTaken
from tests.ui.desk.desk_harness import SLUG, Desk, fill, make_desk, registration, scan, wait_tone

D = Decimal
SALE = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)  # the regular rates: 725 / 525 before taxes
NON_MEMBER, MEMBER = D("833.57"), D("603.62")


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.window.header.counts is not None, timeout=10000)
    yield made
    made.close()


def overpaid_at_the_desk(desk: Desk) -> tuple[int, str]:
    """A walk-in who paid the non-member rate by card; a membership found afterwards lowers
    what is due (as the reassessment does). Their check-in was undone, to scan them again."""
    result = register_walk_in(
        desk.sessions,
        SLUG,
        WalkInForm("Noemie", "Gagnon", "noemie.gagnon@gmail.com", None, None, "fr"),
        PaymentInput("card", NON_MEMBER, reference="AUTH 5"),
        desk="Desk 1",
        staff="Marie Roy",
        action_id="credit-walk-in",
        at=SALE,
    )
    undo_check_in(
        desk.sessions, result.registration_id, desk="Desk 1", staff="Marie Roy", reason="test"
    )
    with desk.sessions.begin() as session:
        session.execute(
            update(Registration)
            .where(Registration.id == result.registration_id)
            .values(amount_due=MEMBER, membership_flag="credit-due")
        )
    return result.registration_id, result.code


def test_the_band_and_card_say_the_credit_and_f4_refunds_it_with_a_credit_note(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    registration_id, code = overpaid_at_the_desk(desk)
    window = desk.window
    scan(qtbot, desk, code)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)  # a credit never stops the queue
    band = window.outcome.detail.text()
    assert window.outcome.detail.isVisible()
    assert "$229.95" in band and "F4" in band and "Noemie Gagnon" in band
    qtbot.waitUntil(
        lambda: (
            window.flows.card is not None
            and window.flows.card.registration_id == registration_id
            and window.flows.card.checked_in
        ),
        timeout=10000,
    )
    card = window.card
    assert card.credit.isVisible()
    assert "$229.95" in card.credit.text() and "F4" in card.credit.text()
    qtbot.waitUntil(lambda: window.buttons["collect"].isEnabled(), timeout=10000)
    assert window.buttons["collect"].text().startswith("Refund")
    window.grab().save("/tmp/desk-credit-window.png")

    asked: list[D] = []

    def refunds_on_card(_parent: object, shown: AttendeeCard, *, print_note: bool) -> RefundTaken:
        asked.append(shown.credit_refundable)
        return RefundTaken("card", "Membre BIOQuébec confirmé", False)

    monkeypatch.setattr(RefundDialog, "ask", refunds_on_card)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    wait_tone(qtbot, desk, Tone.INFO)
    assert asked == [D("229.95")]
    assert "$229.95" in window.outcome.detail.text()
    with desk.sessions() as session:
        note = session.scalars(select(Receipt).where(Receipt.kind == "credit-note")).one()
        assert note.total == D("-229.95")
        paid = session.get(Registration, registration_id)
        assert paid is not None and paid.amount_paid == MEMBER
    qtbot.waitUntil(lambda: not window.card.credit.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: not window.buttons["collect"].isEnabled(), timeout=10000)
    assert window.buttons["collect"].text().startswith("Collect")


def test_a_credit_paid_online_is_told_to_be_refunded_there_and_f4_opens_no_dialog(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    paid = registration(desk.sessions)
    with desk.sessions.begin() as session:
        session.execute(
            update(Registration)
            .where(Registration.id == paid.id)
            .values(amount_paid=Registration.amount_due + D("100.00"))
        )
    window = desk.window
    scan(qtbot, desk, paid.code)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    assert "$100.00" in window.outcome.detail.text()
    assert "online" in window.outcome.detail.text()
    qtbot.waitUntil(lambda: window.buttons["collect"].isEnabled(), timeout=10000)

    def never(*_args: object, **_kwargs: object) -> RefundTaken:
        raise AssertionError("no dialog: the desk has no receipt to credit")

    monkeypatch.setattr(RefundDialog, "ask", never)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.outcome.tone is Tone.INFO, timeout=10000)
    assert "online" in window.outcome.detail.text()
