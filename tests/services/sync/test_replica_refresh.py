"""The replica follows the server between full copies: a burst of this desk's check-ins
(copied together, not one refresh each) and another desk's payment (a registration changed
on the server is copied again; unchanged rows are left as they are)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import Registration
from desktop_app.services.desk.checkin import CheckInOutcome
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.sync import DeskLink
from tests.services.money_desk import MONTREAL, add_registration, setup_money_desk

D = Decimal
CODES = [f"R{i}" for i in range(8)]


def _server(url: str) -> Database:
    database = open_database(url)
    setup_money_desk(database.sessions)
    for code in CODES:
        add_registration(database.sessions, code, category="non-member", due=D(100), paid=D(100))
    add_registration(database.sessions, "OWE", category="non-member", due=D(100), paid=D(50))
    return database


def _paid(link: DeskLink, code: str) -> Decimal:
    with link.replica_sessions() as session:
        return session.scalars(
            select(Registration.amount_paid).where(Registration.code == code)
        ).one()


def test_a_burst_of_check_ins_is_all_in_the_replica_when_the_server_goes(
    database_url: str, tmp_path: Path
) -> None:
    server = _server(database_url)
    desk = DeskLink("Desk A", tmp_path / "a.sqlite3", database_url, slug=MONTREAL)
    for code in CODES:  # faster than one refresh each
        assert desk.check_in(MONTREAL, code, staff="Ann").outcome is CheckInOutcome.CHECKED_IN
    desk.work_offline("test")
    for code in CODES:  # offline, the desk still knows every one of them is in
        assert desk.check_in(MONTREAL, code, staff="Ann").outcome is CheckInOutcome.ALREADY
    assert desk.pending() == 0
    desk.close()
    server.dispose()


def test_a_payment_at_another_desk_reaches_the_replica(database_url: str, tmp_path: Path) -> None:
    server = _server(database_url)
    desk = DeskLink("Desk A", tmp_path / "a.sqlite3", database_url, slug=MONTREAL)
    other = DeskLink("Desk B", tmp_path / "b.sqlite3", database_url, slug=MONTREAL)
    assert _paid(desk, "OWE") == D(50)
    with other.sessions() as session:
        owing = session.scalars(select(Registration.id).where(Registration.code == "OWE")).one()
    other.collect_balance(owing, PaymentInput("cash", D(50)), staff="Bob")
    assert desk.refresh_replica() == 1  # the registration the payment changed
    assert _paid(desk, "OWE") == D(100)
    desk.work_offline("test")  # and the desk lets the person in without asking for it again
    assert desk.check_in(MONTREAL, "OWE", staff="Ann").outcome is CheckInOutcome.CHECKED_IN
    for link in (desk, other):
        link.close()
    server.dispose()


def test_a_check_in_heard_from_another_desk_reaches_the_replica(
    database_url: str, tmp_path: Path
) -> None:
    server = _server(database_url)
    desk = DeskLink("Desk A", tmp_path / "a.sqlite3", database_url, slug=MONTREAL)
    other = DeskLink("Desk B", tmp_path / "b.sqlite3", database_url, slug=MONTREAL)
    for code in CODES:
        assert other.check_in(MONTREAL, code, staff="Bob").outcome is CheckInOutcome.CHECKED_IN
        desk.follow_server()  # what the desk's listener does on each change it hears
    assert desk.wait_for_replica()
    desk.work_offline("test")
    for code in CODES:  # desk A, offline, knows desk B let them in
        assert desk.check_in(MONTREAL, code, staff="Ann").outcome is CheckInOutcome.ALREADY
    for link in (desk, other):
        link.close()
    server.dispose()
