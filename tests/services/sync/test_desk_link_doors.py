"""DeskLink at a door: a session's door and the entrance of a multi-day event, through the
shared server and offline (the replica holds the door rules; the replay judges them again).

On both back ends the "server" is a fresh database (SQLite stands in for PostgreSQL as in
``test_desk_link``) and the desk goes offline by choice.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import CheckIn, EventSession, JournalEntry, Registration
from desktop_app.services.admin.staff import Override, create_staff
from desktop_app.services.desk import doors
from desktop_app.services.desk.checkin import CheckInOutcome, check_in
from desktop_app.services.sync import DeskLink, list_conflicts
from tests.services.desk_data import MONTREAL, add_registration, setup_desk
from tests.services.sessions_data import declare_sessions

DAY_1, DAY_2 = date(2027, 3, 23), date(2027, 3, 24)


@pytest.fixture
def server(database_url: str) -> Database:
    database = open_database(database_url)
    setup_desk(database.sessions)
    create_staff(database.sessions, "Marie Roy", "246810", "supervisor", by=None)
    declare_sessions(database.sessions)  # two days; a gala for member-early, 2 seats
    for i in range(5):
        add_registration(database.sessions, f"GALA{i:012d}", category="member-early")
    add_registration(database.sessions, "PLAIN00000000001")
    yield database
    database.dispose()


def _door_of(sessions: sessionmaker[Session], action_id: str) -> tuple[date | None, str | None]:
    """The (day, session code) a check-in was stored with."""
    with sessions() as session:
        row = session.scalars(select(CheckIn).where(CheckIn.action_id == action_id)).one()
        found = session.get(EventSession, row.session_id) if row.session_id else None
        return row.day, found.code if found else None


def _active(sessions: sessionmaker[Session], code: str) -> set[tuple[date | None, str | None]]:
    with sessions() as session:
        rows = session.execute(
            select(CheckIn.day, EventSession.code)
            .join(Registration, Registration.id == CheckIn.registration_id)
            .outerjoin(EventSession, EventSession.id == CheckIn.session_id)
            .where(Registration.code == code, CheckIn.undone_at.is_(None))
        )
        return {(row[0], row[1]) for row in rows}


def test_a_gala_desk_on_the_shared_server_checks_in_at_its_door(
    server: Database, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doors, "venue_today", lambda event, now=None: DAY_1)
    link = DeskLink("Gala", tmp_path / "gala.sqlite3", database_url, slug=MONTREAL)
    assert link.mode == "shared"
    passed = link.check_in(MONTREAL, "GALA000000000000", staff="Bo", session_code="gala")
    assert (passed.outcome, passed.seats_taken) == (CheckInOutcome.CHECKED_IN, 1)
    refused = link.check_in(MONTREAL, "PLAIN00000000001", staff="Bo", session_code="gala")
    assert refused.outcome is CheckInOutcome.NOT_ENTITLED
    entrance = link.check_in(MONTREAL, "GALA000000000000", staff="Bo", day=DAY_2)
    assert entrance.outcome is CheckInOutcome.CHECKED_IN
    assert _door_of(server.sessions, passed.action_id) == (DAY_1, "gala")
    assert _door_of(server.sessions, entrance.action_id) == (DAY_2, None)
    # The replica follows with the doors, so the desk knows them if the server goes.
    assert link.wait_for_replica(10.0)
    assert _door_of(link.replica_sessions, passed.action_id) == (DAY_1, "gala")
    link.work_offline("test")
    again = link.check_in(MONTREAL, "GALA000000000000", staff="Bo", session_code="gala")
    assert again.outcome is CheckInOutcome.ALREADY
    link.close()


def test_offline_doors_are_journaled_and_replayed_by_the_server_rules(
    server: Database, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doors, "venue_today", lambda event, now=None: DAY_1)
    gala = DeskLink("Gala", tmp_path / "gala.sqlite3", database_url, slug=MONTREAL)
    entrance = DeskLink("Entrance", tmp_path / "door.sqlite3", database_url, slug=MONTREAL)
    assert (gala.mode, entrance.mode) == ("shared", "shared")
    gala.work_offline("test")
    entrance.work_offline("test")

    # Offline, the replica alone says who may enter the gala and how many seats are left.
    refused = gala.check_in(MONTREAL, "PLAIN00000000001", staff="Bo", session_code="gala")
    assert refused.outcome is CheckInOutcome.NOT_ENTITLED
    first = gala.check_in(MONTREAL, "GALA000000000000", staff="Bo", session_code="gala")
    second = gala.check_in(MONTREAL, "GALA000000000001", staff="Bo", session_code="gala")
    assert [r.outcome for r in (first, second)] == [CheckInOutcome.CHECKED_IN] * 2
    full = gala.check_in(MONTREAL, "GALA000000000002", staff="Bo", session_code="gala")
    assert (full.outcome, full.seats_taken) == (CheckInOutcome.SESSION_FULL, 2)
    vip = gala.check_in(
        MONTREAL,
        "GALA000000000002",
        staff="Bo",
        session_code="gala",
        override=Override("Marie Roy", "246810", "VIP guest"),
    )
    assert (vip.outcome, vip.overridden_by) == (CheckInOutcome.CHECKED_IN, "Marie Roy")
    # The entrance checks people in for the venue's day, offline too.
    day_one = entrance.check_in(MONTREAL, "GALA000000000000", staff="Ann")
    assert day_one.outcome is CheckInOutcome.CHECKED_IN
    with gala.replica_sessions() as session:
        assert session.scalar(select(JournalEntry.kind).limit(1)) == "check_in"
    assert gala.pending() == 3

    # Meanwhile on the server another gala desk took one seat; the next day comes.
    check_in(
        server.sessions,
        MONTREAL,
        "GALA000000000003",
        desk="Gala 2",
        staff="Cy",
        session_code="gala",
    )
    monkeypatch.setattr(doors, "venue_today", lambda event, now=None: DAY_2)
    for link in (gala, entrance):
        status = link.reconnect()
        assert (status.mode, status.pending, status.failed) == ("shared", 0, 0)

    # Every offline check-in is on the server at its door: the day's for the entrance
    # (the day it happened, not the replay's), the session's for the gala.
    assert _door_of(server.sessions, day_one.action_id) == (DAY_1, None)
    for result in (first, second, vip):
        assert _door_of(server.sessions, result.action_id) == (DAY_1, "gala")
    assert _active(server.sessions, "GALA000000000000") == {(DAY_1, None), (DAY_1, "gala")}
    # The gala filled up meanwhile: the second offline seat went over; it is kept (the
    # person is in the room) and the supervisor sees why. The overridden VIP is no conflict.
    conflicts = list_conflicts(server.sessions, MONTREAL)
    assert [(c.kind, c.code) for c in conflicts] == [("session-full", "GALA000000000001")]
    over = conflicts[0]
    assert (over.detail["session"], over.detail["capacity"], over.detail["taken"]) == ("gala", 2, 3)
    assert "The check-in is kept." in str(over.message)
    for link in (gala, entrance):
        link.close()
