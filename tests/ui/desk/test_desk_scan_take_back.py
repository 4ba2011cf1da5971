"""Keys reach the search field at once; a scan's keys are taken back out of it (issue #16).

The scanner filter lets every key through to the search field as it comes, so the search
starts on the first key, and when the run ends in Enter fast enough to be a scan it puts the
field back as it was: no stray text, and no result chosen by the scan's first keys.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.desk.search import SearchHit
from tests.ui.desk.desk_harness import Desk, StepClock, active_check_ins, fill, make_desk
from tests.ui.desk.scanner_keys import scanner_keys
from tests.ui.desk.test_desk_scans import show_card_of, two_people, wait_checked_in


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.window.header.counts is not None, timeout=10000)
    yield made
    made.close()


def test_typed_text_searches_at_once_and_a_scan_leaves_it_as_it_was(
    qtbot: QtBot, desk: Desk
) -> None:
    on_card, scanned = two_people(desk)
    search = desk.window.search
    search.field.setFocus()
    typed = on_card.person.last_name
    qtbot.keyClicks(search.field, typed)  # four ms apart for the filter: as fast as a scanner
    assert search.field.text() == typed  # in the field before any event loop ran
    qtbot.waitUntil(lambda: search.is_current() and search.model.rowCount() > 0, timeout=10000)
    assert search.status.text().startswith(f"“{typed}”")  # the typed text was searched

    qtbot.waitUntil(lambda: desk.scanner.pending == "", timeout=2000)  # a pause, then a scan

    scanner_keys(scanned.code)

    wait_checked_in(qtbot, desk, scanned)
    assert search.field.text() == typed
    assert search.field.cursorPosition() == len(typed)
    assert active_check_ins(desk.sessions, scanned.id) == 1
    assert active_check_ins(desk.sessions, on_card.id) == 0


def test_an_answer_to_a_scans_first_keys_leaves_no_result_chosen(qtbot: QtBot, desk: Desk) -> None:
    on_card, scanned = two_people(desk)
    show_card_of(qtbot, desk, on_card)
    search = desk.window.search
    before = search.field.text()
    codes: list[str] = []
    desk.scanner.scanned.disconnect()  # no outcome: only the search panel chooses rows here
    desk.scanner.scanned.connect(codes.append)
    desk.scanner.max_gap = 30.0  # the run stays open while the first keys' answer arrives
    head, tail = scanned.code[:4], scanned.code[4:]
    for character in head:
        QTest.keyClick(search.field, character)
    # The scan's first keys were searched and their answer is on screen: the list moved.
    qtbot.waitUntil(lambda: search.is_current() and search.query == before + head, timeout=10000)

    scanner_keys(tail)

    assert codes == [scanned.code]
    assert search.field.text() == before
    qtbot.waitUntil(lambda: search.is_current(), timeout=10000)  # the text is searched again
    qtbot.wait(200)
    assert search.current_hit() is None  # no row chosen by the scan's keys for Enter
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert active_check_ins(desk.sessions, on_card.id) == 0
    assert active_check_ins(desk.sessions, scanned.id) == 0


def test_a_scans_keys_start_one_search_not_one_per_answer(qtbot: QtBot, desk: Desk) -> None:
    on_card, scanned = two_people(desk)
    show_card_of(qtbot, desk, on_card)
    search = desk.window.search
    qtbot.waitUntil(lambda: search.is_current(), timeout=10000)
    searched: list[str] = []
    real = search.search

    def slow_search(query: str) -> list[SearchHit]:
        searched.append(query)
        time.sleep(0.01)  # a search at 100,000 registrations: longer than the keys' gaps
        return real(query)

    search.search = slow_search
    # However loaded the machine, the keys count as a scanner's (4 ms apart), and neither the
    # panel nor the filter sees them pause.
    search.clock = StepClock(0.004)
    search.fast_keys_s = 30.0
    desk.scanner.max_gap = 30.0
    for character in scanned.code:  # a scanner's keys, with the event loop running between
        QTest.keyClick(search.field, character)
        qtbot.wait(1)
    QTest.keyClick(search.field, Qt.Key.Key_Return)

    wait_checked_in(qtbot, desk, scanned)
    # Keys too fast for a person wait for a pause, and the take-back drops them: the check-in
    # does not share the machine with a search per key (the first key after a pause is
    # searched at once: it may be a person typing).
    assert len(searched) <= 1
    assert search.field.text() == f"{on_card.person.first_name} {on_card.person.last_name}"
