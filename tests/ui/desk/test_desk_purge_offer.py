"""A supervisor opening the desk is offered the purge when an event's retention has passed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import Event, Person
from tests.ui.desk.desk_harness import fill, make_desk


def anonymized(database: Database) -> int:
    with database.sessions() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(Person).where(Person.anonymized_at.is_not(None))
            )
            or 0
        )


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_the_purge_is_offered_and_done_only_when_accepted(
    qtbot: QtBot,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    fill(database, registrations=20)
    with database.sessions.begin() as session:  # Toronto's partnering day, long past
        toronto = session.scalars(select(Event).where(Event.slug != "forum-montreal-2027")).one()
        toronto.starts_at = datetime(2020, 5, 12, 12, tzinfo=UTC)
        toronto.ends_at = datetime(2020, 5, 12, 22, tzinfo=UTC)
        toronto.retention_days = 30
    asked: list[str] = []
    button = QMessageBox.StandardButton.Yes if answer == "yes" else QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or button)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: asked.append(a[2]))
    desk = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(desk.window)
    try:
        qtbot.waitUntil(lambda: len(asked) >= 1, timeout=5000)
        assert "partnering-toronto-2027" in asked[0]
        if answer == "yes":
            qtbot.waitUntil(lambda: len(asked) == 2, timeout=10_000)
            assert anonymized(database) > 0 and "de-identified" in asked[1]
        else:
            qtbot.wait(200)
            assert anonymized(database) == 0
    finally:
        desk.close()
