"""The header says plainly when the desk is offline and how many actions wait; it comes back
to "shared" by itself, and another desk's check-in wakes the window."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.desk import checkin
from desktop_app.services.sync import DeskLink
from desktop_app.ui.desk.link_status import LinkIndicator, LinkMonitor
from desktop_app.ui.worker import Worker
from tests.services.money_desk import MONTREAL, add_registration, setup_money_desk
from tests.services.sync.desk_link_support import PG_URL, own_database

UNREACHABLE = "postgresql://desk@127.0.0.1:1/forum"


def _seeded_replica(path: Path) -> None:
    database = open_database(sqlite_url(path))
    setup_money_desk(database.sessions)
    for code in ("R0", "R1"):
        add_registration(
            database.sessions, code, category="non-member", due=Decimal(100), paid=Decimal(100)
        )
    database.dispose()


@pytest.fixture
def monitors() -> Iterator[list[LinkMonitor]]:
    made: list[LinkMonitor] = []
    yield made
    for monitor in made:
        monitor.stop()
        monitor.worker.wait(10_000)
        monitor.link_worker.wait(10_000)
        monitor.link.close()


def test_offline_link_shows_the_actions_waiting(
    qtbot: QtBot, tmp_path: Path, monitors: list[LinkMonitor]
) -> None:
    path = tmp_path / "replica.sqlite3"
    _seeded_replica(path)
    link = DeskLink("Desk A", path, UNREACHABLE, slug=MONTREAL)
    assert link.mode == "offline"
    link.check_in(MONTREAL, "R0", staff="Ann")  # acknowledged offline: journaled

    monitor = LinkMonitor(link, Worker(), reconnect_interval_ms=50)
    monitors.append(monitor)
    indicator = LinkIndicator(monitor)
    qtbot.addWidget(indicator)
    monitor.start()
    qtbot.waitUntil(lambda: indicator.plain_text() == "offline — 1 action waiting", timeout=10_000)
    assert monitor.offline

    link.check_in(MONTREAL, "R1", staff="Ann")
    qtbot.waitUntil(lambda: indicator.plain_text() == "offline — 2 actions waiting", timeout=10_000)
    # It keeps trying the server in the background and says why it cannot.
    qtbot.waitUntil(lambda: "Last error" in indicator.toolTip(), timeout=10_000)
    assert "cannot be reached" in indicator.toolTip()
    assert monitor.offline


def test_local_link_says_local(qtbot: QtBot, tmp_path: Path, monitors: list[LinkMonitor]) -> None:
    link = DeskLink("Desk A", tmp_path / "local.sqlite3")
    monitor = LinkMonitor(link, Worker())
    monitors.append(monitor)
    indicator = LinkIndicator(monitor)
    qtbot.addWidget(indicator)
    monitor.start()
    qtbot.waitUntil(lambda: monitor.status is not None, timeout=10_000)
    assert indicator.plain_text() == "local database"
    assert not monitor.offline


@pytest.mark.skipif(PG_URL is None, reason="needs PASSERELLE_TEST_PG")
def test_shared_link_hears_other_desks_and_comes_back_after_offline(
    qtbot: QtBot, tmp_path: Path, monitors: list[LinkMonitor]
) -> None:
    url = own_database("passerelle_h11_link")
    server = open_database(url)
    try:
        setup_money_desk(server.sessions)
        for code in ("R0", "R1", "R2"):
            add_registration(
                server.sessions, code, category="non-member", due=Decimal(100), paid=Decimal(100)
            )
        link = DeskLink("Desk A", tmp_path / "a.sqlite3", url, slug=MONTREAL)
        assert link.mode == "shared"
        monitor = LinkMonitor(link, Worker(), listen_url=url, reconnect_interval_ms=100)
        monitors.append(monitor)
        indicator = LinkIndicator(monitor)
        qtbot.addWidget(indicator)
        monitor.start()
        qtbot.waitUntil(lambda: indicator.plain_text() == "shared database", timeout=10_000)

        # Another desk checks someone in: this desk hears it (NOTIFY, or polling).
        with qtbot.waitSignal(monitor.changed, timeout=15_000):
            checkin.check_in(server.sessions, MONTREAL, "R1", desk="Desk B", staff="Bob")

        # The network drops: the header says so; the action is kept and sent on return.
        link.work_offline("test")
        link.check_in(MONTREAL, "R2", staff="Ann")
        with qtbot.waitSignal(monitor.reconnected, timeout=20_000):
            pass
        qtbot.waitUntil(lambda: indicator.plain_text() == "shared database", timeout=10_000)
        assert link.pending() == 0
    finally:
        server.dispose()
