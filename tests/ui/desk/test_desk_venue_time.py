"""One check-in, one time: the band, the card, the list and the last check-ins all show it in
the venue's time zone, in one format, whatever the laptop's zone (run here under Tokyo's)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.domain.times import venue_time
from desktop_app.ui.desk.outcome import Tone
from tests.ui.desk.desk_harness import Desk, fill, make_desk, registration, scan, wait_tone


@pytest.fixture
def tokyo_laptop() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path, tokyo_laptop: None) -> Iterator[Desk]:
    fill(database)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    yield made
    made.close()


def test_one_check_in_reads_as_one_venue_time_everywhere(qtbot: QtBot, desk: Desk) -> None:
    person = registration(desk.sessions)
    window = desk.window
    window.search.field.setText(person.code)
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=10000)
    scan(qtbot, desk, person.code)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.checked_in_at is not None,
        timeout=10000,
    )
    card = window.flows.card
    assert card is not None and card.checked_in_at is not None
    shown = venue_time(card.checked_in_at, "America/Toronto")  # Montréal's zone
    tokyo = f"{card.checked_in_at.astimezone():%H:%M}"
    assert shown != tokyo  # the laptop's zone really differs

    scan(qtbot, desk, person.code)  # the amber band says when
    wait_tone(qtbot, desk, Tone.ALREADY)
    qtbot.waitUntil(lambda: "✔" in window.search.model.data(window.search.model.index(0, 3)))

    assert f" at {shown} " in window.outcome.detail.text()
    assert f"at {shown}," in window.card.checked.text()
    assert window.search.model.data(window.search.model.index(0, 3)) == f"✔ {shown}"
    assert window.recent.list.item(0).text().startswith(shown)
    for text in (window.outcome.detail.text(), window.card.checked.text()):
        assert tokyo not in text


def test_another_day_shows_its_date() -> None:
    at = datetime(2027, 3, 23, 13, 15, tzinfo=UTC)
    assert (
        venue_time(at, "America/Toronto", now=datetime(2027, 3, 23, 20, 0, tzinfo=UTC)) == "09:15"
    )
    assert (
        venue_time(at, "America/Toronto", now=datetime(2027, 3, 24, 20, 0, tzinfo=UTC))
        == "2027-03-23 09:15"
    )
