"""A lead acknowledged offline survives a lost disk as an offline check-in does: the desk's
backup of its copy takes the station's journal along, the rotation removes them together,
and a restore puts the journal back, whose leads then reach the server once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_path
from desktop_app.db.models import Lead, Registration
from desktop_app.services.admin.backup import backup_database, list_backups, restore_database
from desktop_app.services.leads.lead_station import LeadStation
from desktop_app.services.sync import DeskLink
from tests.services.leads_data import ALPHA, setup_leads
from tests.services.money_desk import MONTREAL

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def server(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    setup_leads(database.sessions)
    yield database
    database.dispose()


def _station(link: DeskLink, server: Database) -> LeadStation:
    station = LeadStation(server.sessions, MONTREAL, "alpha", ALPHA[0], desk="Booth 12", link=link)
    station.open()
    return station


def _lose_the_disk(replica: Path) -> None:
    for path in replica.parent.glob(replica.stem + "*"):
        path.unlink()


def _leads_on(server: Database) -> list[str]:
    with server.sessions() as session:
        return list(
            session.scalars(
                select(Registration.code).join(Lead, Lead.registration_id == Registration.id)
            )
        )


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_a_waiting_lead_survives_a_lost_disk_through_the_desk_s_backup(
    server: Database, database_url: str, tmp_path: Path, passphrase: str | None
) -> None:
    replica = tmp_path / "desk" / "forum--booth-12.sqlite3"
    replica.parent.mkdir()
    link = DeskLink("Booth 12", replica, database_url, slug=MONTREAL)
    station = _station(link, server)
    link.work_offline("the venue's network is down")
    station.scan("LEAD-ANA", action_id="ana")  # acknowledged: "kept on this computer"
    station.scan("LEAD-CHLOE")  # refused: only its anonymous audit entry waits

    made = backup_database(link.replica_url, tmp_path / "usb", passphrase=passphrase)
    assert len(made.companions) == 1
    (journal_copy,) = made.companions
    assert journal_copy.name.startswith(made.path.name.split(".")[0])
    station.close()
    link.close()
    _lose_the_disk(replica)
    assert not replica.exists()

    restore_database(made.path, link.replica_url, passphrase=passphrase)
    link = DeskLink("Booth 12", replica, database_url, slug=MONTREAL)  # the server is back
    station = _station(link, server)
    assert station.status().waiting == 1 and station.status().refusals == 1
    station.send_waiting()
    assert _leads_on(server) == ["LEAD-ANA"]
    station.send_waiting()  # sent once
    assert _leads_on(server) == ["LEAD-ANA"]
    station.close()
    link.close()


def test_the_journal_s_copies_rotate_with_the_backups_and_a_restore_keeps_the_one_replaced(
    server: Database, database_url: str, tmp_path: Path
) -> None:
    replica = tmp_path / "replica.sqlite3"
    link = DeskLink("Booth 12", replica, database_url, slug=MONTREAL)
    station = _station(link, server)
    link.work_offline("test")
    station.scan("LEAD-ANA")
    usb = tmp_path / "usb"
    start = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)
    made = [
        backup_database(link.replica_url, usb, keep=2, at=start + timedelta(minutes=i))
        for i in range(3)
    ]
    assert list_backups(usb) == [made[1].path, made[2].path]
    left = sorted(path.name for path in usb.iterdir())
    assert left == sorted(
        [
            made[1].path.name,
            made[1].companions[0].name,
            made[2].path.name,
            made[2].companions[0].name,
        ]
    )
    station.scan("LEAD-BOB")  # after the last backup
    station.close()
    link.close()
    restore_database(made[2].path, link.replica_url, at=start + timedelta(hours=1))
    kept = sorted(path.name for path in replica.parent.glob("replica.leads.before-restore-*"))
    assert len(kept) == 1  # the journal it replaced (with Bob) is kept beside it
    path = sqlite_path(link.replica_url)
    assert path is not None and path.with_name("replica.leads.sqlite3").is_file()
