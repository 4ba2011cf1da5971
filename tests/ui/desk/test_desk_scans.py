"""The desk never checks in the wrong person: scans sent as a real scanner sends them (Shift
around every capital), from every focus state, and Enter only for what the text designates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from desktop_app.db.database import Database
from desktop_app.db.models import Event, Person, Registration
from desktop_app.ui.desk.outcome import Tone
from tests.ui.desk.desk_harness import (
    Desk,
    StepClock,
    active_check_ins,
    fill,
    make_desk,
    registration,
)
from tests.ui.desk.scanner_keys import scanner_keys


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.window.header.counts is not None, timeout=10000)
    yield made
    made.close()


def two_people(desk: Desk) -> tuple[Registration, Registration]:
    """Two active, paid registrations with plain ASCII names, different last names."""
    first = registration(desk.sessions)
    with desk.sessions() as session:
        rows = session.execute(
            select(Registration.id)
            .join(Person, Person.id == Registration.person_id)
            .join(Event, Event.id == Registration.event_id)
            .where(
                Event.slug == "forum-montreal-2027",
                Registration.status == "active",
                Registration.membership_flag.is_(None),
                Registration.amount_due <= Registration.amount_paid,
                Registration.id != first.id,
                Person.last_name != first.person.last_name,
            )
            .order_by(Registration.id)
        ).all()
        for (registration_id,) in rows:
            found = session.get(Registration, registration_id)
            assert found is not None
            person = found.person
            if (person.first_name + person.last_name).isascii():
                session.expunge(found)
                return first, found
    raise LookupError("no second person")


def show_card_of(qtbot: QtBot, desk: Desk, person: Registration) -> None:
    """Staff search the person by name and their card is on screen."""
    window = desk.window
    window.search.field.setFocus()
    window.search.field.setText(f"{person.person.first_name} {person.person.last_name}")
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.registration_id == person.id,
        timeout=10000,
    )


def wait_checked_in(qtbot: QtBot, desk: Desk, person: Registration) -> None:
    outcome = desk.window.outcome
    qtbot.waitUntil(
        lambda: (
            outcome.tone is Tone.CHECKED_IN and person.person.last_name in outcome.headline.text()
        ),
        timeout=10000,
    )


def test_an_upper_case_scan_with_shift_checks_in_the_scanned_person_not_the_card(
    qtbot: QtBot, desk: Desk
) -> None:
    on_card, scanned = two_people(desk)
    show_card_of(qtbot, desk, on_card)
    typed = desk.window.search.field.text()
    assert scanned.code.isupper()

    scanner_keys(scanned.code)

    wait_checked_in(qtbot, desk, scanned)
    assert active_check_ins(desk.sessions, scanned.id) == 1
    assert active_check_ins(desk.sessions, on_card.id) == 0
    assert desk.window.search.field.text() == typed  # nothing of the code reached the field
    qtbot.waitUntil(
        lambda: (
            desk.window.flows.card is not None
            and desk.window.flows.card.registration_id == scanned.id
        ),
        timeout=10000,
    )


FOCUS_STATES = ("field with text", "empty field", "list", "card", "check-in button")


def put_focus(qtbot: QtBot, desk: Desk, state: str, on_card: Registration) -> None:
    window = desk.window
    if state == "empty field":
        window.search.field.clear()
        window.search.field.setFocus()
        return
    show_card_of(qtbot, desk, on_card)
    if state == "list":
        window.search.view.setFocus()
    elif state == "card":
        window.card.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        window.card.setFocus()
    elif state == "check-in button":
        window.buttons["check_in"].setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        window.buttons["check_in"].setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is not None, timeout=2000)


@pytest.mark.parametrize("state", FOCUS_STATES)
@pytest.mark.parametrize("case", ["upper", "lower", "mixed"])
def test_a_scan_checks_in_the_scanned_person_from_every_focus_state(
    qtbot: QtBot, desk: Desk, state: str, case: str
) -> None:
    on_card, scanned = two_people(desk)
    put_focus(qtbot, desk, state, on_card)
    code = {
        "upper": scanned.code,
        "lower": scanned.code.lower(),
        "mixed": "".join(c.lower() if i % 2 else c for i, c in enumerate(scanned.code)),
    }[case]

    scanner_keys(code)

    wait_checked_in(qtbot, desk, scanned)
    assert active_check_ins(desk.sessions, on_card.id) == 0
    assert active_check_ins(desk.sessions, scanned.id) == 1


def test_a_32_character_pretix_secret_scans_from_the_field_with_a_card_shown(
    qtbot: QtBot, desk: Desk
) -> None:
    on_card, scanned = two_people(desk)
    secret = "q7hd3xk9wz2mbn5tyr8caf4pgj6luve1"
    assert len(secret) == 32
    with desk.sessions.begin() as session:
        session.execute(
            update(Registration).where(Registration.id == scanned.id).values(code=secret)
        )
    show_card_of(qtbot, desk, on_card)

    scanner_keys(secret)

    wait_checked_in(qtbot, desk, scanned)
    assert active_check_ins(desk.sessions, on_card.id) == 0


def test_a_pretix_secret_scanned_with_caps_lock_on_checks_the_right_person_in(
    qtbot: QtBot, desk: Desk
) -> None:
    # Caps Lock on: the scanner sends every letter as a capital, each with its Shift events.
    on_card, scanned = two_people(desk)
    secret = "wfjkywcxymkcj9358x6jqthf27m5n9hp"
    with desk.sessions.begin() as session:
        session.execute(
            update(Registration).where(Registration.id == scanned.id).values(code=secret)
        )
    show_card_of(qtbot, desk, on_card)

    scanner_keys(secret.upper())

    wait_checked_in(qtbot, desk, scanned)
    assert active_check_ins(desk.sessions, on_card.id) == 0


def test_a_code_typed_slowly_then_enter_is_checked_in_as_a_scan(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    # 150 ms between keys: typing, not a scan, for the detector; the text is still exactly a
    # registration's code, so Enter checks that person in, whoever was on the card before.
    fill(database)
    desk = make_desk(database, tmp_path / "desk.ini", scanner_clock=StepClock(0.150))
    qtbot.addWidget(desk.window)
    try:
        on_card, scanned = two_people(desk)
        show_card_of(qtbot, desk, on_card)
        desk.window.search.field.clear()
        qtbot.keyClicks(desk.window.search.field, scanned.code)
        qtbot.keyClick(desk.window.search.field, Qt.Key.Key_Return)  # before any search ran
        wait_checked_in(qtbot, desk, scanned)
        assert active_check_ins(desk.sessions, on_card.id) == 0
    finally:
        desk.close()


def test_enter_after_the_text_changed_searches_first_and_checks_in_no_one(
    qtbot: QtBot, desk: Desk
) -> None:
    on_card, other = two_people(desk)
    show_card_of(qtbot, desk, on_card)
    window = desk.window
    window.search.field.setText(other.person.last_name)  # typed, not yet searched
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.search.is_current(), timeout=10000)
    qtbot.wait(300)
    assert active_check_ins(desk.sessions, on_card.id) == 0
    assert active_check_ins(desk.sessions, other.id) == 0
    assert window.outcome.tone is Tone.IDLE
    assert "press Enter" in window.search.status.text()


def test_a_text_that_finds_no_one_leaves_no_card_for_enter(qtbot: QtBot, desk: Desk) -> None:
    on_card, _ = two_people(desk)
    show_card_of(qtbot, desk, on_card)
    window = desk.window
    qtbot.keyClicks(window.search.field, " xqz")
    qtbot.waitUntil(
        lambda: window.search.is_current() and window.search.model.rowCount() == 0,
        timeout=10000,
    )
    qtbot.waitUntil(lambda: window.flows.card is None, timeout=5000)
    assert window.card.name.isHidden()  # the card shows the hint, no one

    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert active_check_ins(desk.sessions, on_card.id) == 0
    assert window.outcome.tone is Tone.IDLE


class _FormDialog(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        QVBoxLayout(self).addWidget(self.field)


def test_a_scan_into_a_dialog_field_checks_in_no_one_and_says_why(qtbot: QtBot, desk: Desk) -> None:
    on_card, scanned = two_people(desk)
    show_card_of(qtbot, desk, on_card)
    dialog = _FormDialog()
    dialog.setParent(desk.window, dialog.windowFlags())
    dialog.setModal(True)
    dialog.show()
    dialog.activateWindow()
    dialog.field.setFocus()
    qtbot.waitUntil(lambda: dialog.field.hasFocus(), timeout=2000)

    scanner_keys(scanned.code)

    qtbot.waitUntil(lambda: desk.window.outcome.tone is Tone.PROBLEM, timeout=5000)
    assert dialog.isVisible()  # the scan's Enter did not accept it
    assert dialog.field.text() == ""
    assert active_check_ins(desk.sessions, scanned.id) == 0
    assert active_check_ins(desk.sessions, on_card.id) == 0
    dialog.reject()
