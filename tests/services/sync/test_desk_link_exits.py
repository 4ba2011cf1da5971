"""Exit scans through a desk's link: an exit and a re-entry at a session's door go to the
server while it answers, and offline they are journaled and replayed onto the person's
check-in there, keeping the room count right (both back ends; the desk goes offline by
choice, SQLite standing in for the server as in ``test_desk_link``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import CheckIn, EventSession, JournalEntry, SessionMovement
from desktop_app.services.desk.checkin import CheckInOutcome, check_in
from desktop_app.services.desk.exits import entries_and_inside
from desktop_app.services.sync import DeskLink
from tests.services.desk_data import MONTREAL, add_registration, setup_desk
from tests.services.sessions_data import declare_sessions

LAB = """
[[sessions]]
code = "lab"
name_fr = "Laboratoire ouvert"
name_en = "Open lab"
starts = 2027-03-23T13:00:00
ends = 2027-03-23T17:00:00
capacity = 2
exits = true
"""
ANN, BO = "ANNANNANN0000001", "BOBOBOBO00000002"


@pytest.fixture
def server(database_url: str) -> Database:
    database = open_database(database_url)
    setup_desk(database.sessions)
    declare_sessions(database.sessions, LAB)  # no [[days]]: any today will do
    add_registration(database.sessions, ANN, due="0.00")
    add_registration(database.sessions, BO, first_name="Bo", due="0.00")
    yield database
    database.dispose()


def _lab(database: Database) -> tuple[int, int]:
    """(entries, inside) at the lab, as the door's counter shows them."""
    with database.sessions() as session:
        lab = session.scalars(select(EventSession.id).where(EventSession.code == "lab")).one()
        checked_in = len(
            session.scalars(
                select(CheckIn.id).where(CheckIn.session_id == lab, CheckIn.undone_at.is_(None))
            ).all()
        )
        return entries_and_inside(session, lab, checked_in)


def test_exits_go_through_the_link_and_are_replayed_from_the_journal(
    server: Database, database_url: str, tmp_path: Path
) -> None:
    link = DeskLink("Lab", tmp_path / "lab.sqlite3", database_url, slug=MONTREAL)
    assert link.mode == "shared"

    def scan(code: str, *, leaving: bool = False) -> CheckInOutcome:
        return link.check_in(
            MONTREAL, code, staff="Cy", session_code="lab", leaving=leaving
        ).outcome

    assert [scan(ANN), scan(BO)] == [CheckInOutcome.CHECKED_IN] * 2
    assert scan(ANN, leaving=True) is CheckInOutcome.EXITED  # on the server
    assert _lab(server) == (2, 1)
    assert link.wait_for_replica(10.0)

    link.work_offline("test")
    # The replica knows Ann is out: her scan lets her back in; Bo goes out.
    assert scan(ANN) is CheckInOutcome.REENTERED
    assert scan(BO, leaving=True) is CheckInOutcome.EXITED
    assert scan(BO, leaving=True) is CheckInOutcome.NOT_INSIDE
    with link.replica_sessions() as session:
        kinds = list(session.scalars(select(JournalEntry.kind).order_by(JournalEntry.id)))
    assert kinds == ["movement", "movement"]
    assert _lab(server) == (2, 1)  # not on the server yet

    status = link.reconnect()
    assert (status.mode, status.pending, status.failed) == ("shared", 0, 0)
    assert _lab(server) == (3, 1)  # Ann's re-entry, Bo out
    with server.sessions() as session:
        assert len(session.scalars(select(SessionMovement)).all()) == 3
    # Sent again (the "sent" marks lost): nothing twice.
    with link.replica_sessions.begin() as session:
        for entry in session.scalars(select(JournalEntry)):
            entry.status = "pending"
    assert {item.outcome for item in link.replay().items} == {"already"}
    assert _lab(server) == (3, 1)
    # Back on the server, Bo's scan there is his re-entry.
    again = check_in(server.sessions, MONTREAL, BO, desk="Lab 2", staff="Di", session_code="lab")
    assert again.outcome is CheckInOutcome.REENTERED
    link.close()
