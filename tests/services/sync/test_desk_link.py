"""DeskLink: offline work on the replica, journal replay, the conflict rule, idempotency.

On both back ends the "server" is a fresh database and the desk goes offline by choice
(``work_offline``); on PostgreSQL a second test cuts the network under the desks with a
proxy in the middle of a run (the shared test server itself is never stopped).
"""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import (
    CheckIn,
    Consent,
    JournalEntry,
    Payment,
    Receipt,
    Registration,
)
from desktop_app.services.desk.checkin import CheckInOutcome
from desktop_app.services.desk.walkin import WalkInForm
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.sync import ChangeListener, DeskLink, list_conflicts, offline_series_code
from tests.services.money_desk import BEFORE_MONTREAL, MONTREAL, add_registration, setup_money_desk
from tests.services.sync.desk_link_support import PG_URL, own_database, proxied

D = Decimal
GUEST = WalkInForm(
    "Zébulon",
    "Inconnu",
    "zebulon@example.org",
    None,
    "non-member",
    "en",
    consents=(("share-partner", True), ("photos", False)),
)
PRICE = D("833.57")  # non-member, Montréal, taxes added


def _server(url: str) -> Database:
    database = open_database(url)
    setup_money_desk(database.sessions)
    for i in range(6):
        add_registration(database.sessions, f"R{i}", category="non-member", due=D(100), paid=D(100))
    add_registration(database.sessions, "OWE", category="non-member", due=D(100), paid=D(50))
    return database


def _rows(sessions: sessionmaker[Session], model: type, *where: object) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _active_desk(sessions: sessionmaker[Session], code: str) -> str:
    with sessions() as session:
        return session.scalars(
            select(CheckIn.desk)
            .join(Registration, Registration.id == CheckIn.registration_id)
            .where(Registration.code == code, CheckIn.undone_at.is_(None))
        ).one()


def _owing_id(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalars(select(Registration.id).where(Registration.code == "OWE")).one()


def test_offline_series_codes_are_per_desk_and_fit() -> None:
    assert offline_series_code("Desk 2", "forum-2027") == "OFF-DESK2-FORUM-2027"
    long = offline_series_code("Accueil principal", "forum-montreal-biotech-2027")
    assert len(long) <= 32 and long.startswith("OFF-ACCUEILPRINCIPAL")
    assert long != offline_series_code("Accueil secondaire", "forum-montreal-biotech-2027")


def test_offline_actions_replay_once_with_the_conflict_rule(
    database_url: str, tmp_path: Path
) -> None:
    server = _server(database_url)
    a = DeskLink("Desk A", tmp_path / "a.sqlite3", database_url, slug=MONTREAL)
    b = DeskLink("Desk B", tmp_path / "b.sqlite3", database_url, slug=MONTREAL)
    assert (a.mode, b.mode) == ("shared", "shared")
    assert a.check_in(MONTREAL, "R0", staff="Ann").outcome is CheckInOutcome.CHECKED_IN

    a.work_offline("test")
    assert a.mode == "offline" and a.sessions is a.replica_sessions
    # Offline, desk A still knows R0 is in (the replica was kept current).
    assert a.check_in(MONTREAL, "R0", staff="Ann").outcome is CheckInOutcome.ALREADY
    first = a.check_in(MONTREAL, "R1", staff="Ann")  # earlier than desk B's: wins
    assert b.check_in(MONTREAL, "R1", staff="Bob").outcome is CheckInOutcome.CHECKED_IN
    assert b.check_in(MONTREAL, "R2", staff="Bob").outcome is CheckInOutcome.CHECKED_IN
    late = a.check_in(MONTREAL, "R2", staff="Ann")  # later than desk B's: loses
    receipt = a.collect_balance(_owing_id(a.sessions), PaymentInput("cash", D(50)), staff="Ann")
    assert receipt.number == "OFF-DESKA-FORUM-MONTREAL-2027-000001"
    b.collect_balance(
        _owing_id(b.sessions), PaymentInput("card", D(50), reference="42"), staff="Bob"
    )
    b.register_walk_in(
        MONTREAL, GUEST, PaymentInput("cash", PRICE), staff="Bob", at=BEFORE_MONTREAL
    )
    walk_in = a.register_walk_in(
        MONTREAL, GUEST, PaymentInput("cash", PRICE), staff="Ann", at=BEFORE_MONTREAL
    )
    assert walk_in.receipt is not None
    assert walk_in.receipt.number == "OFF-DESKA-FORUM-MONTREAL-2027-000002"
    assert a.pending() == 4  # two check-ins, a payment, a walk-in (one action)
    assert a.status().pending == 4
    assert _rows(server.sessions, CheckIn, CheckIn.action_id == first.action_id) == 0

    status = a.reconnect()
    assert (status.mode, status.pending, status.failed) == ("shared", 0, 0)
    # Every acknowledged action is on the server, once.
    for action in (first.action_id, late.action_id):
        assert _rows(server.sessions, CheckIn, CheckIn.action_id == action) == 1
    assert _active_desk(server.sessions, "R1") == "Desk A"
    assert _active_desk(server.sessions, "R2") == "Desk B"
    with server.sessions() as session:
        numbers = {f"{r.lines['series']}-{r.number:06d}" for r in session.scalars(select(Receipt))}
        owing = session.scalars(select(Registration).where(Registration.code == "OWE")).one()
        assert owing.amount_paid == D(150)  # both payments kept: 50 owed back
    assert receipt.number in numbers and walk_in.receipt.number in numbers
    # The offline walk-in's consent answers reached the server with it (both desks' walk-ins).
    assert _rows(server.sessions, Consent, Consent.granted.is_(True)) == 2
    assert _rows(server.sessions, Consent, Consent.purpose == "photos") == 2
    conflicts = list_conflicts(server.sessions, MONTREAL)
    assert sorted(c.kind for c in conflicts) == [
        "double-check-in",
        "double-check-in",
        "double-payment",
        "duplicate-walk-in",
    ]
    r1 = next(c for c in conflicts if c.code == "R1")
    assert (r1.detail["desk"], r1.detail["other_desk"]) == ("Desk A", "Desk B")
    assert "the earlier check-in counts" in str(r1.message)

    before = _snapshot(server.sessions)
    with a.replica_sessions.begin() as session:  # as if the "sent" marks were lost
        for entry in session.scalars(select(JournalEntry)):
            entry.status = "pending"
    again = a.replay()
    assert {item.outcome for item in again.items} == {"already"}
    assert _snapshot(server.sessions) == before
    assert len(list_conflicts(server.sessions, MONTREAL)) == 4
    for link in (a, b):
        link.close()
    server.dispose()


def _snapshot(sessions: sessionmaker[Session]) -> tuple[int, ...]:
    counts = [_rows(sessions, model) for model in (CheckIn, Payment, Receipt, Registration)]
    return (*counts, _rows(sessions, CheckIn, CheckIn.undone_at.is_(None)))


@pytest.mark.skipif(PG_URL is None, reason="needs PASSERELLE_TEST_PG")
def test_the_network_fails_mid_run_and_desks_catch_up(tmp_path: Path) -> None:
    url = own_database("passerelle_h8_offline")
    server = _server(url)
    with proxied(url) as (proxy, through):
        a = DeskLink("Desk A", tmp_path / "a.sqlite3", through, slug=MONTREAL)
        b = DeskLink("Desk B", tmp_path / "b.sqlite3", through, slug=MONTREAL)
        acknowledged = [a.check_in(MONTREAL, "R0", staff="Ann").action_id]
        proxy.cut()
        # The desks notice on their next action and carry on from their copies.
        acknowledged.append(a.check_in(MONTREAL, "R1", staff="Ann").action_id)
        acknowledged.append(b.check_in(MONTREAL, "R1", staff="Bob").action_id)
        acknowledged.append(b.check_in(MONTREAL, "R3", staff="Bob").action_id)
        assert (a.mode, b.mode) == ("offline", "offline")
        assert a.reconnect().mode == "offline"  # still cut: nothing lost, nothing sent
        assert (a.pending(), b.pending()) == (1, 2)
        proxy.restore()
        assert b.reconnect().mode == "shared"
        assert a.reconnect().mode == "shared"
        for action in acknowledged:
            assert _rows(server.sessions, CheckIn, CheckIn.action_id == action) == 1
        assert _active_desk(server.sessions, "R1") == "Desk A"
        assert [c.kind for c in list_conflicts(server.sessions, MONTREAL)] == ["double-check-in"]
        before = _snapshot(server.sessions)
        assert a.replay().items == () and b.replay().items == ()
        assert _snapshot(server.sessions) == before
        # Back online, the replica follows what other desks do.
        b.check_in(MONTREAL, "R4", staff="Bob")
        a.refresh_replica()
        assert _active_desk(a.replica_sessions, "R4") == "Desk B"
        a.close()
        b.close()
    server.dispose()


@pytest.mark.skipif(PG_URL is None, reason="needs PASSERELLE_TEST_PG")
def test_a_check_in_on_one_connection_wakes_the_listener(database: Database) -> None:
    if database.is_sqlite:
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    setup_money_desk(database.sessions)
    add_registration(database.sessions, "N1", category="non-member", due=D(1), paid=D(1))
    woke: list[int | None] = []
    event = threading.Event()

    def changed(event_id: int | None) -> None:
        woke.append(event_id)
        event.set()

    from desktop_app.services.desk.checkin import check_in

    with ChangeListener(database.url, changed) as listener:
        for _ in range(50):
            if listener.listening:
                break
            threading.Event().wait(0.1)
        assert listener.listening
        check_in(database.sessions, MONTREAL, "N1", desk="Desk 1", staff="Ann")
        assert event.wait(2.0), "no notification within 2 s"
    with database.sessions() as session:
        event_id = session.scalars(select(Registration.event_id)).first()
    assert woke[0] == event_id


def test_an_entry_the_server_refuses_fails_alone_and_the_rest_of_its_batch_goes(
    database_url: str, tmp_path: Path
) -> None:
    """Entries go to the server in batches; a refused one (its registration is gone from the
    server) is marked failed and recorded for review, and only it: the entries before and
    after it in the same batch are applied once."""
    server = _server(database_url)
    desk = DeskLink("Desk A", tmp_path / "a.sqlite3", database_url, slug=MONTREAL)
    desk.work_offline("test")
    for code in ("R0", "R1", "R2"):
        assert desk.check_in(MONTREAL, code, staff="Ann").outcome is CheckInOutcome.CHECKED_IN
    with server.sessions.begin() as session:  # R1 is renamed on the server meanwhile
        session.execute(
            Registration.__table__.update()
            .where(Registration.code == "R1")
            .values(code="R1-RENAMED")
        )

    report = desk.replay()
    assert [(item.outcome, item.conflict) for item in report.items] == [
        ("applied", None),
        ("failed", "replay-failed"),
        ("applied", None),
    ]
    assert _active_desk(server.sessions, "R0") == _active_desk(server.sessions, "R2") == "Desk A"
    assert _rows(server.sessions, CheckIn) == 2
    assert [c.kind for c in list_conflicts(server.sessions, MONTREAL)] == ["replay-failed"]
    assert sorted(
        status for (status,) in desk.replica_sessions().execute(select(JournalEntry.status))
    ) == ["failed", "sent", "sent"]
    assert desk.replay().items == ()  # nothing left, nothing applied twice
    assert _rows(server.sessions, CheckIn) == 2
    desk.close()
    server.dispose()
