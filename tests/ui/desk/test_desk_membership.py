"""F7 at the desk: staff settle a membership doubt, the card follows, a refused check-in goes on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.desk.attendees import AttendeeCard, attendee_card
from desktop_app.ui.desk.decision import Decision, MembershipDecisionDialog
from desktop_app.ui.desk.outcome import Tone
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


def _confirm_first_candidate(asked: list[AttendeeCard]) -> object:
    def ask(_parent: object, card: AttendeeCard) -> Decision:
        asked.append(card)
        first = card.candidates[0]
        return Decision(first.association, "confirmed-candidate", "badge", first.membership_id)

    return ask


def _show_card(qtbot: QtBot, desk: Desk, registration_id: int) -> AttendeeCard:
    desk.window.flows.load_card(registration_id)
    qtbot.waitUntil(
        lambda: (
            desk.window.flows.card is not None
            and desk.window.flows.card.registration_id == registration_id
        ),
        timeout=10000,
    )
    card = desk.window.flows.card
    assert card is not None
    return card


def test_f7_opens_the_decision_for_the_card_shown(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = desk.window
    assert not window.buttons["membership"].isEnabled()  # no card yet
    assert "F7" in window.buttons["membership"].text()
    doubt = registration(desk.sessions, flag="doubt")
    card = _show_card(qtbot, desk, doubt.id)
    qtbot.waitUntil(lambda: window.buttons["membership"].isEnabled(), timeout=5000)
    candidate = card.candidates[0]
    # The likeness in words a volunteer reads, never a score out of 100.
    assert any(
        candidate.label in text
        and any(w in text for w in ("same name", "close match", "possible match"))
        for text in window.card.chip_texts()
    )
    assert not any("score" in text for text in window.card.chip_texts())

    asked: list[AttendeeCard] = []

    def cancels(_parent: object, shown: AttendeeCard) -> None:
        asked.append(shown)

    monkeypatch.setattr(MembershipDecisionDialog, "ask", cancels)
    qtbot.keyClick(window, Qt.Key.Key_F7)

    assert [c.registration_id for c in asked] == [doubt.id]
    assert attendee_card(desk.sessions, doubt.id).membership_flag == "doubt"  # cancelled


def test_a_decision_reloads_the_card(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = desk.window
    doubt = registration(desk.sessions, flag="doubt")
    _show_card(qtbot, desk, doubt.id)
    asked: list[AttendeeCard] = []
    monkeypatch.setattr(MembershipDecisionDialog, "ask", _confirm_first_candidate(asked))

    qtbot.keyClick(window, Qt.Key.Key_F7)

    wait_tone(qtbot, desk, Tone.INFO)
    assert window.outcome.headline.text() == "Membership decided"
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.membership_flag is None,
        timeout=10000,
    )
    chips = " | ".join(window.card.chip_texts())
    assert "Membership doubt" not in chips
    assert "Marie Roy" in chips and "badge" in chips  # the staff decision is the evidence
    assert active_check_ins(desk.sessions, doubt.id) == 0  # deciding is not checking in


def test_a_check_in_refused_for_doubt_goes_through_once_confirmed(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = desk.window
    doubt = registration(desk.sessions, flag="doubt")
    scan(qtbot, desk, doubt.code)
    wait_tone(qtbot, desk, Tone.MEMBERSHIP_DOUBT)
    assert "F7" in window.outcome.detail.text()  # the outcome offers the decision
    assert active_check_ins(desk.sessions, doubt.id) == 0
    qtbot.waitUntil(lambda: window.buttons["membership"].isEnabled(), timeout=10000)
    asked: list[AttendeeCard] = []
    monkeypatch.setattr(MembershipDecisionDialog, "ask", _confirm_first_candidate(asked))

    window.buttons["membership"].click()

    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    assert active_check_ins(desk.sessions, doubt.id) == 1
    assert not window.buttons["override"].isEnabled()


def test_not_a_member_after_a_doubt_asks_for_the_balance(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = desk.window
    doubt = registration(desk.sessions, flag="doubt")
    scan(qtbot, desk, doubt.code)
    wait_tone(qtbot, desk, Tone.MEMBERSHIP_DOUBT)
    qtbot.waitUntil(lambda: window.flows.card is not None, timeout=10000)

    def not_a_member(_parent: object, card: AttendeeCard) -> Decision:
        return Decision(card.candidates[0].association, "not-member", "namesake company")

    monkeypatch.setattr(MembershipDecisionDialog, "ask", not_a_member)
    qtbot.keyClick(window, Qt.Key.Key_F7)

    wait_tone(qtbot, desk, Tone.PAYMENT_DUE)
    assert active_check_ins(desk.sessions, doubt.id) == 0
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.balance_due > 0,
        timeout=10000,
    )
    assert window.buttons["collect"].isEnabled()


def test_a_refused_decision_says_why_and_changes_nothing(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = desk.window
    doubt = registration(desk.sessions, flag="doubt")
    _show_card(qtbot, desk, doubt.id)

    def no_reason(_parent: object, card: AttendeeCard) -> Decision:
        return Decision(card.candidates[0].association, "member", "  ")

    monkeypatch.setattr(MembershipDecisionDialog, "ask", no_reason)
    qtbot.keyClick(window, Qt.Key.Key_F7)

    wait_tone(qtbot, desk, Tone.PROBLEM)
    assert "reason" in window.outcome.detail.text()
    assert attendee_card(desk.sessions, doubt.id).membership_flag == "doubt"


def test_the_dialog_lists_candidates_and_works_from_the_keyboard(
    qtbot: QtBot, database: Database
) -> None:
    fill(database)
    doubt = registration(database.sessions, flag="doubt")
    card = attendee_card(database.sessions, doubt.id)
    candidate = card.candidates[0]
    dialog = MembershipDecisionDialog(None, card)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    texts = [text for text, _decision in dialog.options()]
    assert texts[0].startswith(f"This is their membership: {candidate.label} (")
    assert "score" not in texts[0]
    assert any("proof shown" in text for text in texts)
    assert sum("Not a member of" in text for text in texts) == len(card.partners) == 2
    assert not dialog.ok.isEnabled()

    first = dialog.focusWidget()
    assert first is not None
    qtbot.keyClick(first, Qt.Key.Key_Space)  # the first choice has the focus
    assert not dialog.ok.isEnabled()  # a reason is still missing
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "works there")
    assert dialog.ok.isEnabled()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.decision() == Decision(
        candidate.association, "confirmed-candidate", "works there", candidate.membership_id
    )
