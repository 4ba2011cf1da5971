"""The desk screen at work: scans check in, a second scan changes nothing, refusals, undo."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.admin.staff import Override
from desktop_app.ui.desk.forms import BalancePayment, PaymentDialog, ReasonDialog
from desktop_app.ui.desk.outcome import Tone
from desktop_app.ui.dialogs.override import OverrideDialog
from tests.ui.desk.desk_harness import (
    PIN,
    SUPERVISOR,
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


def test_a_scan_checks_in_and_counts_go_up(qtbot: QtBot, desk: Desk) -> None:
    person = registration(desk.sessions)
    counts = desk.window.header.counts
    assert counts is not None
    desk.window.search.field.setText("abc")  # the scan must not land in the field

    scan(qtbot, desk, person.code)

    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    window = desk.window
    assert window.outcome.headline.text().startswith("Checked in — ")
    assert person.person.last_name in window.outcome.headline.text()
    assert window.search.field.text() == "abc"
    assert active_check_ins(desk.sessions, person.id) == 1
    qtbot.waitUntil(
        lambda: (
            window.header.counts is not None
            and window.header.counts.checked_in == counts.checked_in + 1
        ),
        timeout=10000,
    )
    assert f"{counts.checked_in + 1} / " in window.header.counts_label.text()
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.checked_in_at is not None,
        timeout=10000,
    )
    assert "Checked in" in window.card.checked.text()
    assert desk.sound.played == [Tone.CHECKED_IN]


def test_a_second_scan_says_already_checked_in_and_changes_nothing(
    qtbot: QtBot, desk: Desk
) -> None:
    person = registration(desk.sessions)
    scan(qtbot, desk, person.code)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    qtbot.waitUntil(lambda: desk.window.header.counts.checked_in >= 1, timeout=10000)  # type: ignore[union-attr]
    counts = desk.window.header.counts

    scan(qtbot, desk, person.code)

    wait_tone(qtbot, desk, Tone.ALREADY)
    outcome = desk.window.outcome
    assert outcome.headline.text().startswith("Already checked in — ")
    assert "Desk 2" in outcome.detail.text() and SUPERVISOR in outcome.detail.text()
    assert "Nothing changed" in outcome.detail.text()
    assert active_check_ins(desk.sessions, person.id) == 1
    desk.window.header.refresh()
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not desk.window.header._reading, timeout=10000)
    assert desk.window.header.counts == counts
    assert desk.sound.played == [Tone.CHECKED_IN, Tone.ALREADY]


def test_unknown_and_cancelled_codes_are_refused(qtbot: QtBot, desk: Desk) -> None:
    scan(qtbot, desk, "NOSUCHCODE42")
    wait_tone(qtbot, desk, Tone.NOT_FOUND)
    assert desk.window.outcome.headline.text() == "Not found"
    assert "NOSUCHCODE42" in desk.window.outcome.detail.text()

    cancelled = registration(desk.sessions, status="cancelled")
    scan(qtbot, desk, cancelled.code)
    wait_tone(qtbot, desk, Tone.CANCELLED)
    assert active_check_ins(desk.sessions, cancelled.id) == 0
    # The cancelled person's card is shown, and Enter has nothing to offer for them.
    window = desk.window
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.code == cancelled.code
    )
    assert not window.buttons["check_in"].isEnabled()


def test_unpaid_registration_is_blocked_until_a_supervisor_overrides(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    owing = registration(desk.sessions, owing=True)
    scan(qtbot, desk, owing.code)
    wait_tone(qtbot, desk, Tone.PAYMENT_DUE)
    window = desk.window
    assert window.outcome.headline.text().startswith("Payment due — not checked in — ")
    assert active_check_ins(desk.sessions, owing.id) == 0
    assert window.buttons["override"].isEnabled()

    asked: list[str] = []

    def supervisor_says_yes(*args: object) -> Override:
        asked.append(str(args[-1]))
        return Override(SUPERVISOR, PIN, "sponsor pays on Monday")

    monkeypatch.setattr(OverrideDialog, "ask", supervisor_says_yes)
    window.buttons["override"].click()

    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    assert "owes" in asked[0]
    assert f"Override by {SUPERVISOR}" in window.outcome.detail.text()
    assert active_check_ins(desk.sessions, owing.id) == 1
    qtbot.waitUntil(lambda: not window.buttons["override"].isEnabled(), timeout=5000)


def test_paying_the_balance_lets_the_refused_check_in_through(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    owing = registration(desk.sessions, owing=True)
    scan(qtbot, desk, owing.code)
    wait_tone(qtbot, desk, Tone.PAYMENT_DUE)
    window = desk.window
    qtbot.waitUntil(lambda: window.buttons["collect"].isEnabled(), timeout=10000)
    card = window.flows.card
    assert card is not None and card.balance_due > 0
    due = card.balance_due

    def pays_cash(*_args: object, **_kwargs: object) -> BalancePayment:
        return BalancePayment("cash", due, due + Decimal("20.00"), None, print_receipt=False)

    monkeypatch.setattr(PaymentDialog, "ask", pays_cash)
    qtbot.keyClick(window, Qt.Key.Key_F4)

    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    assert active_check_ins(desk.sessions, owing.id) == 1
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.balance_due == 0,
        timeout=10000,
    )


def test_undo_asks_a_reason_and_the_person_is_no_longer_checked_in(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = registration(desk.sessions)
    scan(qtbot, desk, person.code)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    window = desk.window
    qtbot.waitUntil(lambda: window.buttons["undo"].isEnabled(), timeout=10000)

    monkeypatch.setattr(ReasonDialog, "ask", lambda *_args: "scanned the wrong badge")
    qtbot.keyClick(window, Qt.Key.Key_F9)

    wait_tone(qtbot, desk, Tone.INFO)
    assert window.outcome.headline.text() == "Check-in undone"
    assert "scanned the wrong badge" in window.outcome.detail.text()
    assert active_check_ins(desk.sessions, person.id) == 0
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.checked_in_at is None,
        timeout=10000,
    )
    assert window.card.checked.text() == "Not checked in"


def test_another_events_code_names_that_event_in_the_interface_language(
    qtbot: QtBot, desk: Desk
) -> None:
    from sqlalchemy import select

    from desktop_app.db.models import Event
    from desktop_app.db.models import Registration as Row

    with desk.sessions() as session:
        toronto = session.scalars(
            select(Event).where(Event.slug == "partnering-toronto-2027")
        ).one()
        code = session.scalars(select(Row.code).where(Row.event_id == toronto.id)).first()
        names = toronto.name_fr, toronto.name_en
    assert code is not None
    scan(qtbot, desk, code)
    wait_tone(qtbot, desk, Tone.NOT_FOUND)
    detail = desk.window.outcome.detail.text()
    assert names[1] in detail and "partnering-toronto-2027" not in detail
