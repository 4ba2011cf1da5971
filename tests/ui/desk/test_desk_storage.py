"""A database that another program holds locked during a check-in: the desk says so in
words, nothing changes, and the same scan goes through once the lock is gone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.ui.desk.outcome import Tone
from tests.services.faults import also_on_connect
from tests.ui.desk.desk_harness import (
    active_check_ins,
    fill,
    make_desk,
    registration,
    scan,
    wait_tone,
)


def test_a_locked_database_is_refused_in_words_and_the_retry_checks_in(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "desk.sqlite3"
    database = open_database(sqlite_url(path))
    fill(database)
    desk = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(desk.window)
    try:
        person = registration(desk.sessions)
        also_on_connect(database.engine, "PRAGMA busy_timeout=50")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            scan(qtbot, desk, person.code)
            wait_tone(qtbot, desk, Tone.PROBLEM)
            detail = desk.window.outcome.detail.text()
            assert "The database is busy" in detail and "Nothing was changed" in detail
            assert "Something went wrong" not in detail
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert active_check_ins(desk.sessions, person.id) == 0

        scan(qtbot, desk, person.code)
        wait_tone(qtbot, desk, Tone.CHECKED_IN)
        assert active_check_ins(desk.sessions, person.id) == 1
    finally:
        desk.close()
        database.dispose()
