"""The main button says what Enter will do; a payment's change due stays on screen through
the check-in it unblocks; the last check-ins at this desk bring a person back in one click."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop_app.db.database import Database
from desktop_app.db.models import Registration
from desktop_app.ui.desk.forms import BalancePayment, PaymentDialog
from desktop_app.ui.desk.outcome import Tone, tone_colours
from tests.ui.desk.desk_harness import (
    Desk,
    active_check_ins,
    fill,
    make_desk,
    registration,
    scan,
    wait_tone,
)


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.window.header.counts is not None, timeout=10000)
    yield made
    made.close()


def choose(qtbot: QtBot, desk: Desk, person: Registration) -> None:
    window = desk.window
    window.search.field.setText(person.code)
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.registration_id == person.id,
        timeout=10000,
    )


def main_button(desk: Desk) -> tuple[str, str]:
    button = desk.window.buttons["check_in"]
    return button.text(), button.styleSheet()


@pytest.mark.parametrize(
    ("trait", "words", "tone"),
    [
        ("owing", "Payment due — F4", Tone.PAYMENT_DUE),
        ("doubt", "Membership doubt — F7", Tone.MEMBERSHIP_DOUBT),
        ("cancelled", "Cancelled registration", Tone.CANCELLED),
        ("fine", "Check in", Tone.CHECKED_IN),
    ],
)
def test_the_main_button_says_what_enter_will_do_in_the_outcomes_colour(
    qtbot: QtBot, desk: Desk, trait: str, words: str, tone: Tone
) -> None:
    person = registration(desk.sessions, status="cancelled" if trait == "cancelled" else "active")
    if trait == "owing":
        person = registration(desk.sessions, owing=True)
    elif trait == "doubt":
        with desk.sessions.begin() as session:
            session.execute(
                update(Registration)
                .where(Registration.id == person.id)
                .values(membership_flag="doubt")
            )
    choose(qtbot, desk, person)
    text, style = main_button(desk)
    assert text.startswith(words)
    assert tone_colours(tone)[0] in style


def test_the_main_button_says_already_checked_in_after_a_check_in(qtbot: QtBot, desk: Desk) -> None:
    person = registration(desk.sessions)
    choose(qtbot, desk, person)
    qtbot.keyClick(desk.window.search.field, Qt.Key.Key_Return)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    qtbot.waitUntil(lambda: main_button(desk)[0].startswith("Already checked in"), timeout=10000)
    assert tone_colours(Tone.ALREADY)[0] in main_button(desk)[1]


def test_the_change_due_and_receipt_stay_on_screen_through_the_check_in_that_follows(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    owing = registration(desk.sessions, owing=True)
    # Owing and in doubt: paying lets the payment through, the doubt still refuses.
    with desk.sessions.begin() as session:
        session.execute(
            update(Registration).where(Registration.id == owing.id).values(membership_flag="doubt")
        )
    scan(qtbot, desk, owing.code)
    wait_tone(qtbot, desk, Tone.PAYMENT_DUE)
    window = desk.window
    qtbot.waitUntil(lambda: window.buttons["collect"].isEnabled(), timeout=10000)
    card = window.flows.card
    assert card is not None
    due = card.balance_due

    def pays_cash(*_args: object, **_kwargs: object) -> BalancePayment:
        return BalancePayment("cash", due, due + Decimal("96.38"), None, print_receipt=False)

    monkeypatch.setattr(PaymentDialog, "ask", pays_cash)
    qtbot.keyClick(window, Qt.Key.Key_F4)

    wait_tone(qtbot, desk, Tone.MEMBERSHIP_DOUBT)
    detail = window.outcome.detail.text()
    assert "Change due: $96.38" in detail
    assert "receipt" in detail
    assert active_check_ins(desk.sessions, owing.id) == 0


def test_the_last_check_ins_here_bring_a_person_back_for_undo(qtbot: QtBot, desk: Desk) -> None:
    first = registration(desk.sessions)
    window = desk.window
    assert window.recent.isHidden()  # nothing yet
    scan(qtbot, desk, first.code)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    qtbot.waitUntil(lambda: window.recent.list.count() == 1, timeout=5000)
    assert first.person.last_name in window.recent.list.item(0).text()

    window.search.field.setText("zzzz")  # staff moved on to someone else
    qtbot.waitUntil(lambda: window.flows.card is None, timeout=10000)
    item = window.recent.list.item(0)
    window.recent.list.itemClicked.emit(item)
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.registration_id == first.id,
        timeout=10000,
    )
    assert window.buttons["undo"].isEnabled()


def test_a_check_in_is_announced_once_and_the_card_is_read_once(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services.desk.desk import LocalDesk
    from desktop_app.ui.desk.changes import DeskChange

    person = registration(desk.sessions)
    window = desk.window
    window.search.field.setText(person.code)
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.registration_id == person.id,
        timeout=10000,
    )
    reads: list[int] = []
    announced: list[DeskChange] = []
    original = LocalDesk.card

    def counted(self: LocalDesk, registration_id: int) -> object:
        reads.append(registration_id)
        return original(self, registration_id)

    monkeypatch.setattr(LocalDesk, "card", counted)
    window.flows.desk_changed.connect(announced.append)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.checked_in_at is not None,
        timeout=10000,
    )
    qtbot.wait(500)  # the list and counts refresh meanwhile
    assert announced == [DeskChange(person.id)]
    assert reads == [person.id]
