"""Desk → Lead scanning…: the exhibitor's own account opens its station over the desk; a desk
account does not; while the station is open, a scan is a lead, never a check-in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import CheckIn, Lead
from desktop_app.services.admin.staff import StaffMember, sign_in
from desktop_app.ui.leads.from_desk import DeskPlace, LeadScanning
from tests.services.leads_data import ALPHA, BETA, setup_leads
from tests.ui.desk.desk_harness import Desk, make_desk, scan


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    setup_leads(database.sessions)
    marie = sign_in(database.sessions, "Marie", "112233")  # a desk account
    made = make_desk(database, tmp_path / "desk.ini", staff=marie)
    qtbot.addWidget(made.window)
    yield made
    made.close()


def _count(database: Database, model: type) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _answer(
    monkeypatch: pytest.MonkeyPatch, exhibitor: str, member: StaffMember | None
) -> list[str]:
    """Pick ``exhibitor`` and sign in as ``member``; the refusals the desk is told."""
    told: list[str] = []

    def ask_exhibitor(self: LeadScanning, names: list[str]) -> int | None:
        return next(i for i, name in enumerate(names) if name.endswith(f"({exhibitor})"))

    def ask_sign_in(self: LeadScanning, place: DeskPlace) -> StaffMember | None:
        return member

    monkeypatch.setattr(LeadScanning, "ask_exhibitor", ask_exhibitor)
    monkeypatch.setattr(LeadScanning, "ask_sign_in", ask_sign_in)
    monkeypatch.setattr(LeadScanning, "tell", lambda self, text: told.append(text))
    return told


def test_the_desk_menu_opens_the_station_only_with_the_exhibitor_s_account(
    desk: Desk, database: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = desk.window._specs["leads"].action
    assert action in desk.window._desk_menu.actions() and action.isEnabled()

    # The desk's own account, then another exhibitor's: refused, no station.
    for member in (
        desk.context.staff,
        sign_in(database.sessions, *BETA),
    ):
        told = _answer(monkeypatch, "alpha", member)
        action.trigger()
        qtbot.waitUntil(lambda told=told: bool(told), timeout=5000)
        assert member.name in told[0]
        assert desk.window.lead_scanning is not None
        assert desk.window.lead_scanning.window is None

    told = _answer(monkeypatch, "alpha", sign_in(database.sessions, *ALPHA))
    action.trigger()
    scanning = desk.window.lead_scanning
    assert scanning is not None
    qtbot.waitUntil(lambda: scanning.window is not None, timeout=5000)
    station = scanning.window
    assert station is not None and not told
    qtbot.waitUntil(lambda: station.info is not None, timeout=5000)
    assert "Alpha Biotech" in station.title.text()
    assert station.station.staff == ALPHA[0]  # the exhibitor's account, not the desk's
    station.grab().save("/tmp/leads-from-desk.png")

    # A scan while the station is open is a lead, not a check-in.
    scan(qtbot, desk, "LEAD-ANA")
    qtbot.waitUntil(lambda: station.table.rowCount() == 1, timeout=5000)
    assert _count(database, Lead) == 1
    desk.context.writer.wait(5000)
    assert _count(database, CheckIn) == 0

    # Closed, the scanner is the desk's again.
    station.close()
    scan(qtbot, desk, "LEAD-BOB")
    qtbot.waitUntil(lambda: _count(database, CheckIn) == 1, timeout=5000)
    assert _count(database, Lead) == 1
