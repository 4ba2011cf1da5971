"""What the server answers ends a waiting lead's wait: a refusal retrying cannot fix moves it
to the station's "not sent" list with the reason (and the server's audit log); a server
gone again keeps it waiting. A scan refused offline reaches the audit log, anonymous, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import AuditEntry, Exhibitor, Lead, Registration, StaffAccount
from desktop_app.domain.errors import StorageUnavailable
from desktop_app.services.leads import sending
from desktop_app.services.leads.lead_station import LeadStation, StationLink
from desktop_app.services.leads.station import ScanOutcome
from desktop_app.services.sync import DeskLink
from tests.services.leads_data import ALPHA, setup_leads
from tests.services.money_desk import MONTREAL


@pytest.fixture
def server(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    setup_leads(database.sessions)
    yield database
    database.dispose()


@pytest.fixture
def offline(server: Database, database_url: str, tmp_path: Path) -> Iterator[LeadStation]:
    """Alpha's station, opened while shared, then cut from the server."""
    link = DeskLink("Booth 12", tmp_path / "replica.sqlite3", database_url, slug=MONTREAL)
    station = LeadStation(server.sessions, MONTREAL, "alpha", ALPHA[0], desk="Booth 12", link=link)
    station.open()
    link.work_offline("the venue's network is down")
    yield station
    station.close()
    link.close()


def _cancel_ana(session: Session) -> None:
    ana = session.scalars(select(Registration).where(Registration.code == "LEAD-ANA")).one()
    ana.status = "cancelled"


def _disable_account(session: Session) -> None:
    session.scalars(select(StaffAccount).where(StaffAccount.name == ALPHA[0])).one().active = False


def _audit(server: Database, action: str) -> list[tuple[str | None, str | None, str]]:
    with server.sessions() as session:
        return [
            (entry.staff, entry.subject, repr(entry.detail))
            for entry in session.scalars(select(AuditEntry).where(AuditEntry.action == action))
        ]


@pytest.mark.parametrize(
    ("change", "refused", "reason_says"),
    [
        (_cancel_ana, ["Ana Test"], "No registration"),  # the badge was cancelled meanwhile
        (_disable_account, ["Bob Test", "Ana Test"], "own account"),  # the account disabled
    ],
)
def test_a_lead_the_server_refuses_for_good_is_not_sent_with_its_reason(
    offline: LeadStation,
    server: Database,
    change: Callable[[Session], None],
    refused: list[str],
    reason_says: str,
) -> None:
    station = offline
    assert station.scan("LEAD-ANA", action_id="ana").outcome is ScanOutcome.SAVED
    assert station.scan("LEAD-BOB", action_id="bob").outcome is ScanOutcome.SAVED
    with server.sessions.begin() as session:
        change(session)
    assert station.link is not None and station.link.reconnect().mode == "shared"

    state = station.send_waiting()
    # The wait is over: nothing is retried, the refused leads are listed as not sent.
    assert state == StationLink("shared", waiting=0, unsent=len(refused), refusals=0)
    journal = station.journal
    assert journal is not None
    unsent = list(journal.unsent(MONTREAL, "alpha"))
    assert [line.name for line in unsent] == refused
    assert journal.lines(MONTREAL, "alpha") == ()
    assert all(reason_says in str(line.unsent) for line in unsent)
    # The server's audit log says which exhibitor's lead was not sent and why, naming no one.
    entries = _audit(server, "lead.not_sent")
    assert len(entries) == len(refused)
    assert all(staff == ALPHA[0] and "alpha" in detail for staff, _, detail in entries)
    assert not any("Ana" in detail or "Bob" in detail for _, _, detail in entries)
    with server.sessions() as session:
        saved = len(session.scalars(select(Lead)).all())
    assert saved == 2 - len(refused)

    # Sent again (the next tick): nothing more reaches the server.
    assert station.send_waiting().unsent == len(refused)
    assert len(_audit(server, "lead.not_sent")) == len(refused)
    with pytest.raises(Exception, match="dismissed"):
        station.save(unsent[0], 3, "x")
    for line in unsent:  # the staff has read it
        station.dismiss(line)
    assert station.status() == StationLink("shared", 0)
    assert journal.unsent(MONTREAL, "alpha") == ()


def test_the_station_lists_the_leads_not_sent_first(offline: LeadStation, server: Database) -> None:
    station = offline
    station.scan("LEAD-ANA")
    station.scan("LEAD-BOB")
    with server.sessions.begin() as session:
        _cancel_ana(session)
    assert station.link is not None and station.link.reconnect().mode == "shared"
    station.send_waiting()
    lines = station.leads()
    assert [(line.name, line.unsent is not None, line.waiting) for line in lines] == [
        ("Ana Test", True, False),
        ("Bob Test", False, False),
    ]


def test_a_server_gone_again_keeps_the_lead_waiting(
    offline: LeadStation, server: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = offline
    station.scan("LEAD-ANA")
    assert station.link is not None and station.link.reconnect().mode == "shared"

    def gone(*_args: object, **_kw: object) -> None:
        raise StorageUnavailable("The shared server cannot be reached.")

    monkeypatch.setattr(sending, "scan_lead", gone)
    assert station.send_waiting() == StationLink("offline", waiting=1)
    assert _audit(server, "lead.not_sent") == []
    monkeypatch.undo()
    assert station.link.reconnect().mode == "shared"
    assert station.send_waiting() == StationLink("shared", waiting=0)


def test_a_scan_refused_offline_reaches_the_audit_log_anonymous_and_once(
    offline: LeadStation, server: Database
) -> None:
    station = offline
    before = len(_audit(server, "lead.refused"))
    for code in ("LEAD-CHLOE", "LEAD-DAN"):  # said no; never answered
        assert station.scan(code).outcome is ScanOutcome.REFUSED
    journal = station.journal
    assert journal is not None
    with journal.engine.connect() as connection:
        kept = repr(connection.exec_driver_sql("SELECT * FROM waiting_refusals").all())
    assert "alpha" in kept and not any(word in kept for word in ("Chlo", "Dan", "LEAD-"))
    assert station.status().refusals == 2 and station.status().to_send
    assert station.link is not None and station.link.reconnect().mode == "shared"

    assert station.send_waiting() == StationLink("shared", 0)
    entries = _audit(server, "lead.refused")[before:]
    assert len(entries) == 2
    assert all(staff == ALPHA[0] and "alpha" in detail for staff, _, detail in entries)
    assert not any("Chlo" in detail or "Dan" in detail for _, _, detail in entries)

    # A crash after the server recorded it, before the journal forgot it: recorded once.
    first = entries[0][1]
    assert first is not None
    journal.refused_offline(
        action_id=first.removeprefix("action:"), slug=MONTREAL, exhibitor="alpha",
        staff=ALPHA[0], desk="Booth 12",
    )  # fmt: skip
    station.send_waiting()
    assert len(_audit(server, "lead.refused")[before:]) == 2


def test_a_removed_exhibitor_s_waiting_lead_is_not_sent(
    offline: LeadStation, server: Database
) -> None:
    station = offline
    station.scan("LEAD-ANA")
    with server.sessions.begin() as session:
        exhibitor = session.scalars(select(Exhibitor).where(Exhibitor.code == "alpha")).one()
        session.delete(exhibitor)
    assert station.link is not None and station.link.reconnect().mode == "shared"
    # The station itself cannot be opened any more, but its journal still answers.
    assert station.send_waiting() == StationLink("shared", waiting=0, unsent=1)
    assert station.journal is not None
    (line,) = station.journal.unsent(MONTREAL, "alpha")
    assert line.name == "Ana Test" and "no exhibitor" in str(line.unsent)
