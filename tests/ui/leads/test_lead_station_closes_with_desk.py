"""Closing the desk closes the lead station it opened, after the station's queued work."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import Lead
from desktop_app.services.admin.staff import StaffMember, sign_in
from desktop_app.services.leads.lead_station import LeadStation
from desktop_app.ui.leads.from_desk import DeskPlace, LeadScanning
from tests.services.leads_data import ALPHA, setup_leads
from tests.ui.desk.desk_harness import make_desk


def test_closing_the_desk_closes_its_lead_station_and_lets_its_scan_finish(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_leads(database.sessions)
    desk = make_desk(
        database, tmp_path / "desk.ini", staff=sign_in(database.sessions, "Marie", "112233")
    )
    qtbot.addWidget(desk.window)
    alpha = sign_in(database.sessions, *ALPHA)

    def ask_exhibitor(self: LeadScanning, names: list[str]) -> int | None:
        return next(i for i, name in enumerate(names) if name.endswith("(alpha)"))

    def ask_sign_in(self: LeadScanning, place: DeskPlace) -> StaffMember | None:
        return alpha

    monkeypatch.setattr(LeadScanning, "ask_exhibitor", ask_exhibitor)
    monkeypatch.setattr(LeadScanning, "ask_sign_in", ask_sign_in)
    closed: list[int] = []
    monkeypatch.setattr(LeadStation, "close", lambda self: closed.append(_leads(database)))
    desk.window.show()
    desk.window.open_leads()
    scanning = desk.window.lead_scanning
    assert scanning is not None
    qtbot.waitUntil(lambda: scanning.window is not None, timeout=5000)
    station = scanning.window
    assert station is not None
    qtbot.waitUntil(lambda: station.info is not None, timeout=5000)

    station.scan("LEAD-ANA")  # still on the writer when the desk closes
    desk.close()
    assert not station.isVisible() and station.scanner is None  # closed, the scanner let go
    assert not station.link_line.timer.isActive()
    assert closed == [1]  # its journal closed after its scan was saved
    assert _leads(database) == 1
    # The station's own reader may still be reading its list: let it finish before the
    # database is disposed (a connection out at dispose time is never closed).
    for worker in (station.writer, station.link_line.reader, desk.context.reader):
        worker.wait(10000)
    if station.link_line.monitor is not None:
        station.link_line.monitor.link_worker.wait(10000)


def _leads(database: Database) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Lead)) or 0)
