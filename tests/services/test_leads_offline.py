"""A lead station on a shared server keeps scanning when the server goes away: judged on the
link's replica, kept (only with consent) in its journal, sent once when the server is back.

On both back ends the "server" is a fresh database and the link goes offline by choice; on
PostgreSQL a second test cuts the network under the station with a proxy.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import Lead, Registration
from desktop_app.services.leads.lead_station import LeadStation, StationLink, event_exhibitors
from desktop_app.services.leads.station import ScanOutcome
from desktop_app.services.privacy.consents import record_answers
from desktop_app.services.sync import DeskLink
from tests.services.leads_data import ALPHA, setup_leads
from tests.services.money_desk import MONTREAL
from tests.services.sync.desk_link_support import PG_URL, own_database, proxied


@pytest.fixture
def server(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    setup_leads(database.sessions)
    yield database
    database.dispose()


def _station(link: DeskLink, server: Database) -> LeadStation:
    station = LeadStation(server.sessions, MONTREAL, "alpha", ALPHA[0], desk="Booth 12", link=link)
    assert station.open().exhibitor_name == "Alpha Biotech"
    return station


def _leads(sessions: sessionmaker[Session]) -> list[tuple[str, str, int | None, str | None]]:
    """(badge, action id, rating, note) of every lead on the server."""
    with sessions() as session:
        rows = session.execute(
            select(Registration.code, Lead.action_id, Lead.rating, Lead.note)
            .join(Registration, Registration.id == Lead.registration_id)
            .order_by(Registration.code)
        ).all()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def test_two_leads_scanned_offline_reach_the_server_once(
    server: Database, database_url: str, tmp_path: Path
) -> None:
    link = DeskLink("Booth 12", tmp_path / "replica.sqlite3", database_url, slug=MONTREAL)
    station = _station(link, server)
    assert station.status().mode == "shared"

    link.work_offline("the venue's network is down")
    before = datetime.now(UTC)
    ana = station.scan("LEAD-ANA", action_id="lead-ana")
    bob = station.scan("LEAD-BOB", action_id="lead-bob")
    assert (ana.outcome, bob.outcome) == (ScanOutcome.SAVED, ScanOutcome.SAVED)
    assert ana.lead is not None and ana.lead.waiting and ana.lead.name == "Ana Test"
    assert ana.lead.organization == "Université de Montréal" and ana.lead.association == "bioquebec"
    # The same badge again is the same waiting lead.
    assert station.scan("LEAD-ANA").outcome is ScanOutcome.UPDATED
    # No consent, nothing kept, even locally: said no, never answered, withdrew.
    for code in ("LEAD-CHLOE", "LEAD-DAN", "LEAD-EVE"):
        result = station.scan(code)
        assert result.outcome is ScanOutcome.REFUSED and result.lead is None
    journal = station.journal
    assert journal is not None
    with journal.engine.connect() as connection:
        kept = "\n".join(repr(tuple(row)) for row in connection.exec_driver_sql(
            "SELECT * FROM waiting_leads"
        ))  # fmt: skip
    assert "Ana" in kept and "Bob" in kept
    assert not any(name in kept for name in ("Chlo", "Dan", "Eve"))
    station.save(ana.lead, 4, "Wants a demo")
    assert station.status().mode == "offline" and station.status().waiting == 2
    assert [line.name for line in station.leads()] == ["Bob Test", "Ana Test"]
    assert _leads(server.sessions) == []  # nothing reached the server

    assert link.reconnect().mode == "shared"  # the server is back
    assert station.send_waiting().waiting == 0
    assert _leads(server.sessions) == [
        ("LEAD-ANA", "lead-ana", 4, "Wants a demo"),
        ("LEAD-BOB", "lead-bob", None, None),
    ]
    with server.sessions() as session:
        first = session.scalars(select(Lead).where(Lead.action_id == "lead-ana")).one()
        assert before <= first.scanned_at.replace(tzinfo=first.scanned_at.tzinfo or UTC)
    assert [line.waiting for line in station.leads()] == [False, False]

    # A crash between the server's commit and the journal's drop: replayed, saved once.
    assert bob.lead is not None
    journal.keep(bob.lead, action_id="lead-bob", slug=MONTREAL, exhibitor="alpha",
                 code="LEAD-BOB", staff=ALPHA[0], desk="Booth 12")  # fmt: skip
    assert station.send_waiting().waiting == 0
    with server.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Lead)) == 2
    station.close()
    link.close()


def test_a_consent_withdrawn_meanwhile_keeps_the_offline_lead_nowhere(
    server: Database, database_url: str, tmp_path: Path
) -> None:
    link = DeskLink("Booth 12", tmp_path / "replica.sqlite3", database_url, slug=MONTREAL)
    station = _station(link, server)
    link.work_offline("test")
    assert station.scan("LEAD-ANA").outcome is ScanOutcome.SAVED
    with server.sessions.begin() as session:
        ana = session.scalars(select(Registration).where(Registration.code == "LEAD-ANA")).one()
        record_answers(
            session, ana.person_id, ana.event_id, {"networking": False},
            source="desk", desk=None, staff=None, at=datetime(2027, 3, 2, tzinfo=UTC),
        )  # fmt: skip
    assert link.reconnect().mode == "shared"
    assert station.send_waiting().waiting == 0
    assert _leads(server.sessions) == []
    station.close()
    link.close()


@pytest.mark.skipif(PG_URL is None, reason="needs PASSERELLE_TEST_PG")
def test_the_network_fails_under_the_station_and_it_catches_up(tmp_path: Path) -> None:
    url = own_database("passerelle_leads_offline")
    server = open_database(url)
    setup_leads(server.sessions)
    with proxied(url) as (proxy, through):
        link = DeskLink("Booth 12", tmp_path / "replica.sqlite3", through, slug=MONTREAL)
        station = _station(link, server)
        assert station.scan("LEAD-ANA", action_id="online").outcome is ScanOutcome.SAVED
        proxy.cut()
        # The station notices on its next scan and carries on from the replica.
        assert station.scan("LEAD-BOB", action_id="off-bob").outcome is ScanOutcome.SAVED
        assert station.scan("LEAD-CHLOE").outcome is ScanOutcome.REFUSED
        assert station.status().mode == "offline" and station.status().waiting == 1
        assert link.reconnect().mode == "offline"
        assert station.send_waiting().waiting == 1  # still cut: nothing lost
        proxy.restore()
        assert link.reconnect().mode == "shared"
        assert station.send_waiting().waiting == 0
        assert [(code, action) for code, action, _, _ in _leads(server.sessions)] == [
            ("LEAD-ANA", "online"),
            ("LEAD-BOB", "off-bob"),
        ]
        station.close()
        link.close()
    server.dispose()


def test_a_station_opens_offline_from_the_desk_s_copy(
    server: Database, database_url: str, tmp_path: Path
) -> None:
    """Desk → Lead scanning… while the server is gone: the exhibitors are listed and the
    station opens from the desk link's replica, then scans."""
    link = DeskLink("Desk 2", tmp_path / "replica.sqlite3", database_url, slug=MONTREAL)
    link.work_offline("test")
    assert [code for code, _ in event_exhibitors(link.sessions, MONTREAL)] == [
        "alpha",
        "beta",
        "gamma",
    ]
    station = _station(link, server)  # opened on the copy: the server is not asked
    assert station.scan("LEAD-BOB").outcome is ScanOutcome.SAVED
    assert station.status() == StationLink("offline", 1)
    station.close()
    link.close()
