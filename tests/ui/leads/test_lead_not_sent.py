"""A lead kept offline that the server refuses for good when it is sent: the station shows
it "not sent", with the reason, until the staff dismisses it; it is not sent again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import AuditEntry, Registration
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


def _not_sent_on(server: Database) -> int:
    with server.sessions() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "lead.not_sent")
            )
            or 0
        )


def test_a_lead_the_server_refuses_is_shown_not_sent_until_dismissed(
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
    link.work_offline("the venue's network is down")
    for code in ("LEAD-ANA", "LEAD-BOB"):
        window.scan(code)
        qtbot.waitUntil(lambda: not window.status.text().endswith("…"), timeout=5000)
    qtbot.waitUntil(lambda: window.link_line.state.waiting == 2, timeout=5000)
    with server.sessions.begin() as session:  # Ana's registration is cancelled meanwhile
        ana = session.scalars(select(Registration).where(Registration.code == "LEAD-ANA")).one()
        ana.status = "cancelled"

    monitor = window.link_line.monitor
    assert monitor is not None
    monitor.try_reconnect()  # the server is back: Bob is saved, Ana is refused for good
    qtbot.waitUntil(lambda: window.link_line.state.unsent == 1, timeout=10000)
    qtbot.waitUntil(
        lambda: window.table.rowCount() == 2 and window.table.item(0, 1).text() == "Ana Test",
        timeout=5000,
    )
    assert window.link_line.state.waiting == 0
    assert window.link_line.isVisible() and "not sent" in window.link_line.text()
    assert "not sent" in window.table.item(0, 0).text()
    assert "No registration" in window.table.item(0, 5).text()  # the reason, in the list
    assert "not sent" not in window.table.item(1, 0).text()  # Bob reached the server
    assert _not_sent_on(server) == 1

    window.grab().save("/tmp/leads-not-sent-list.png")
    window.table.selectRow(0)  # the staff reads why
    assert window.current is not None and window.current.unsent is not None
    assert window.dismiss_button.isVisible() and window.editor.isHidden()
    assert "No registration" in window.consent.text()
    window.grab().save("/tmp/leads-not-sent.png")

    monitor.try_reconnect()  # a later tick sends nothing again
    window.link_line.send()
    writer.wait(5000)
    assert _not_sent_on(server) == 1

    window.dismiss_button.click()
    qtbot.waitUntil(lambda: window.table.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(window.link_line.isHidden, timeout=5000)
    assert window.table.item(0, 1).text() == "Bob Test"
    window.close()
    writer.wait(10000)
    monitor.link_worker.wait(10000)
    window.link_line.reader.wait(10000)
    link.close()
