"""The lead station's window while the shared server is gone: it keeps scanning, says
"offline — N leads waiting", and sends them once the server is back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import Lead
from desktop_app.services.leads.lead_station import LeadStation
from desktop_app.services.sync import DeskLink
from desktop_app.ui.leads import LeadStationWindow
from desktop_app.ui.worker import Worker
from tests.services.leads_data import ALPHA, setup_leads
from tests.services.money_desk import MONTREAL


@pytest.fixture
def server(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    setup_leads(database.sessions)
    yield database
    database.dispose()


def _leads_on(server: Database) -> int:
    with server.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Lead)) or 0)


def test_the_station_scans_offline_and_sends_when_the_server_is_back(
    server: Database, database_url: str, tmp_path: Path, qtbot: QtBot
) -> None:
    link = DeskLink("Booth 12", tmp_path / "replica.sqlite3", database_url, slug=MONTREAL)
    station = LeadStation(server.sessions, MONTREAL, "alpha", ALPHA[0], desk="Booth 12", link=link)
    writer = Worker(serial=True)
    window = LeadStationWindow(station, writer)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.info is not None, timeout=5000)
    assert window.link_line.isHidden()  # the server answers, nothing waits

    link.work_offline("the venue's network is down")
    for code in ("LEAD-ANA", "LEAD-BOB", "LEAD-CHLOE"):
        window.code.setText(code)
        window.scan_button.click()
        qtbot.waitUntil(lambda: not window.status.text().endswith("…"), timeout=5000)
    assert "not agreed" in window.consent.text()  # no consent: refused offline too
    qtbot.waitUntil(lambda: window.link_line.state.waiting == 2, timeout=5000)
    qtbot.waitUntil(lambda: window.table.rowCount() == 2, timeout=5000)
    assert window.link_line.isVisible() and "2" in window.link_line.text()
    assert window.link_line.state.mode == "offline"
    assert _leads_on(server) == 0
    window.grab().save("/tmp/leads-offline.png")

    monitor = window.link_line.monitor
    assert monitor is not None
    monitor.try_reconnect()  # what its timer does every 5 s: the server is back
    qtbot.waitUntil(lambda: _leads_on(server) == 2, timeout=10000)
    qtbot.waitUntil(window.link_line.isHidden, timeout=5000)
    assert window.link_line.state.waiting == 0
    window.close()
    writer.wait(10000)
    monitor.link_worker.wait(10000)
    window.link_line.reader.wait(10000)
    link.close()
