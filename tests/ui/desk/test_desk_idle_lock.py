"""An idle desk hides its screen behind the sign-in, and gives it back as it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.admin.staff import StaffMember
from tests.ui.desk.desk_harness import Desk, fill, make_desk


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database, registrations=20)
    made = make_desk(database, tmp_path / "desk.ini", idle_ms=lambda: 150)
    qtbot.addWidget(made.window)
    yield made
    made.close()


def test_an_idle_desk_hides_the_card_until_someone_signs_in(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    seen_while_locked: list[bool] = []
    answers: list[StaffMember | None] = [None, desk.context.staff]

    def ask() -> StaffMember | None:
        central = window.centralWidget()
        seen_while_locked.append(central is not None and central.isVisible())
        return answers.pop(0)

    window.ask_sign_in = ask  # type: ignore[method-assign]
    qtbot.keyClicks(window.search.field, "tremb")
    qtbot.waitUntil(lambda: window.idle_locked, timeout=3000)  # quiet for 150 ms
    assert seen_while_locked == [False]  # nothing readable behind the sign-in
    assert window.idle_locked  # cancelled: still hidden
    window._specs["sign_out"].action.trigger()  # F12 asks again
    assert not window.idle_locked
    central = window.centralWidget()
    assert central is not None and central.isVisible()
    assert window.search.field.text() == "tremb"  # the search is as it was


def test_typing_keeps_the_desk_open(qtbot: QtBot, desk: Desk) -> None:
    window = desk.window
    window.ask_sign_in = lambda: None  # type: ignore[method-assign]
    for _ in range(6):
        qtbot.keyClicks(window.search.field, "a")
        qtbot.wait(60)  # never 150 ms without a key
    assert not window.idle_locked


def test_the_idle_time_is_a_setting(desk: Desk) -> None:
    settings = desk.context.settings
    assert settings.idle_lock_minutes == 10
    settings.idle_lock_minutes = 0
    assert settings.idle_lock_minutes == 0  # never
