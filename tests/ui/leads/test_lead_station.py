"""The lead station's window: a scan shows the person and consent, a refusal shows nothing
else, rating and note are saved, the list holds the exhibitor's leads, Export writes them."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.leads.lead_station import LeadStation
from desktop_app.ui.leads import LeadStationWindow
from desktop_app.ui.worker import Worker
from tests.services.leads_data import ALPHA, setup_leads
from tests.services.money_desk import MONTREAL


@pytest.fixture
def window(database: Database, qtbot: QtBot) -> Iterator[LeadStationWindow]:
    setup_leads(database.sessions)
    station = LeadStation(database.sessions, MONTREAL, "alpha", ALPHA[0], desk="Booth 12")
    worker = Worker(serial=True)
    shown = LeadStationWindow(station, worker)
    qtbot.addWidget(shown)
    shown.show()
    shown.start()
    qtbot.waitUntil(lambda: shown.info is not None, timeout=5000)
    yield shown
    # The station's last task (a list refresh after a save) ends before the database goes:
    # a connection still checked out then would be closed only by the garbage collector.
    worker.wait(10000)


def _scan(qtbot: QtBot, window: LeadStationWindow, code: str) -> None:
    window.code.setText(code)
    window.scan_button.click()
    qtbot.waitUntil(lambda: window._last_result is not None, timeout=5000)
    qtbot.waitUntil(lambda: not window.status.text().endswith("…"), timeout=5000)


def test_a_consented_scan_shows_the_person_and_saves_rating_and_note(
    window: LeadStationWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "Alpha Biotech" in window.title.text()
    _scan(qtbot, window, "LEAD-ANA")
    assert window.name.isVisible() and window.name.text() == "Ana Test"
    assert window.organization.text() == "Université de Montréal"
    assert "BIOQu" in window.association.text()
    shown = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "LEAD-ANA" not in shown  # the admission code is never shown to an exhibitor
    qtbot.waitUntil(lambda: window.table.rowCount() == 1, timeout=5000)
    window.rating.setCurrentIndex(4)
    window.note.setPlainText("Wants a demo of the assay")
    window.save_button.click()
    qtbot.waitUntil(lambda: window.table.item(0, 4).text() == "★★★★", timeout=5000)
    assert window.table.item(0, 5).text() == "Wants a demo of the assay"
    _scan(qtbot, window, "LEAD-BOB")
    qtbot.waitUntil(lambda: window.table.rowCount() == 2, timeout=5000)
    window.grab().save("/tmp/leads-station.png")

    out = tmp_path / "mine.csv"
    monkeypatch.setattr(LeadStationWindow, "ask_export_path", classmethod(lambda cls, p: out))
    window.export_button.click()
    qtbot.waitUntil(out.exists, timeout=5000)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r[0] for r in rows[1:]] == ["Ana Test", "Bob Test"]


def test_a_refused_scan_shows_only_the_refusal(window: LeadStationWindow, qtbot: QtBot) -> None:
    _scan(qtbot, window, "LEAD-ANA")
    _scan(qtbot, window, "LEAD-CHLOE")
    qtbot.waitUntil(lambda: not window.name.isVisible(), timeout=5000)
    assert window.consent.isVisible() and "not agreed" in window.consent.text()
    assert not window.editor.isVisible()  # nothing to rate: the previous person is gone
    assert window.current is None
    window.grab().save("/tmp/leads-refused.png")
    assert window.table.rowCount() == 1  # Ana only
