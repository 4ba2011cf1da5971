"""A journal replayed a batch at a time decides each check-in as the per-entry path would.

The batch reads the server once for all its check-ins and writes them in one flush; these
tests put, in one batch, the cases where that could go wrong: a check-in undone offline and
made again, a person another desk checked in meanwhile, a registration cancelled
meanwhile, and a payment between check-ins of the same person.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from desktop_app.db.audit_chain import verify
from desktop_app.db.database import Database, open_database
from desktop_app.db.models import AuditEntry, CheckIn, JournalEntry, Registration
from desktop_app.services.desk.checkin import CheckInOutcome, undo_check_in
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.sync import DeskLink, list_conflicts
from tests.services.money_desk import MONTREAL, add_registration, setup_money_desk

D = Decimal


def _server(url: str) -> Database:
    database = open_database(url)
    setup_money_desk(database.sessions)
    for i in range(6):
        add_registration(database.sessions, f"R{i}", category="non-member", due=D(100), paid=D(100))
    add_registration(database.sessions, "OWE", category="non-member", due=D(100), paid=D(50))
    return database


def _check_ins(server: Database, code: str) -> list[tuple[str, bool]]:
    """The server's check-ins of ``code``: desk and whether each still counts, in order."""
    with server.sessions() as session:
        rows = session.execute(
            select(CheckIn.desk, CheckIn.undone_at)
            .join(Registration, Registration.id == CheckIn.registration_id)
            .where(Registration.code == code)
            .order_by(CheckIn.id)
        )
        return [(desk, undone is None) for desk, undone in rows]


def _registration_id(link: DeskLink, code: str) -> int:
    with link.replica_sessions() as session:
        return session.scalars(select(Registration.id).where(Registration.code == code)).one()


def test_one_batch_keeps_each_check_in_and_settles_each_conflict(
    database_url: str, tmp_path: Path
) -> None:
    server = _server(database_url)
    desk = DeskLink("Desk A", tmp_path / "a.sqlite3", database_url, slug=MONTREAL)
    other = DeskLink("Desk B", tmp_path / "b.sqlite3", database_url, slug=MONTREAL)
    desk.work_offline("test")
    # Offline at desk A: R0 checked in, undone, checked in again; R1..R3 checked in; OWE
    # pays its balance, then is checked in.
    assert desk.check_in(MONTREAL, "R0", staff="Ann").outcome is CheckInOutcome.CHECKED_IN
    undo_check_in(
        desk.replica_sessions,
        _registration_id(desk, "R0"),
        desk="Desk A",
        staff="Ann",
        reason="wrong person",
    )
    assert desk.check_in(MONTREAL, "R0", staff="Ann").outcome is CheckInOutcome.CHECKED_IN
    for code in ("R1", "R2", "R3"):
        assert desk.check_in(MONTREAL, code, staff="Ann").outcome is CheckInOutcome.CHECKED_IN
    desk.collect_balance(_registration_id(desk, "OWE"), PaymentInput("cash", D(50)), staff="Ann")
    assert desk.check_in(MONTREAL, "OWE", staff="Ann").outcome is CheckInOutcome.CHECKED_IN
    # Meanwhile, on the server: desk B checks R2 in (later than desk A), R3 is cancelled.
    assert other.check_in(MONTREAL, "R2", staff="Bob").outcome is CheckInOutcome.CHECKED_IN
    with server.sessions.begin() as session:
        session.execute(
            Registration.__table__.update()
            .where(Registration.code == "R3")
            .values(status="cancelled")
        )

    report = desk.replay()
    assert [(item.kind, item.outcome, item.conflict) for item in report.items] == [
        ("check_in", "applied", None),  # R0, undone offline: kept undone
        ("check_in", "applied", None),  # R0 again: the one that counts
        ("check_in", "applied", None),  # R1
        ("check_in", "conflict", "double-check-in"),  # R2: desk A was first
        ("check_in", "conflict", "cancelled"),  # R3
        ("payment", "applied", None),
        ("check_in", "applied", None),  # OWE, after its payment
    ]
    assert _check_ins(server, "R0") == [("Desk A", False), ("Desk A", True)]
    assert _check_ins(server, "R1") == [("Desk A", True)]
    assert _check_ins(server, "R2") == [("Desk B", False), ("Desk A", True)]
    assert _check_ins(server, "R3") == [("Desk A", True)]  # kept, and listed for review
    assert _check_ins(server, "OWE") == [("Desk A", True)]
    assert [(c.kind, c.code) for c in list_conflicts(server.sessions, MONTREAL)] == [
        ("double-check-in", "R2"),
        ("cancelled", "R3"),
    ]
    with server.sessions() as session:
        # Each offline check-in's audit entry reached the server, chained in order.
        offline = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "checkin.created", AuditEntry.desk == "Desk A")
        )
        assert offline == 6
        assert verify(session).intact

    before = [_check_ins(server, code) for code in ("R0", "R1", "R2", "R3", "OWE")]
    with desk.replica_sessions.begin() as session:  # as if the "sent" marks were lost
        session.execute(JournalEntry.__table__.update().values(status="pending"))
    again = desk.replay()
    assert {item.outcome for item in again.items} == {"already"}
    assert [_check_ins(server, code) for code in ("R0", "R1", "R2", "R3", "OWE")] == before
    for link in (desk, other):
        link.close()
    server.dispose()
