"""A credit note that refunds an add-on's line whole gives its seat back, as pretix frees a
cancelled add-on position -- unless the person was checked in to that session (kept, and the
result and audit say so); a partial refund keeps it (both back ends: ``database``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, Event, Registration
from desktop_app.services.desk.addon_sale import sell_addons
from desktop_app.services.desk.addons import addon_offers
from desktop_app.services.desk.checkin import check_in
from desktop_app.services.desk.checkin_outcome import CheckInOutcome
from desktop_app.services.money.credit_notes import issue_credit_note
from desktop_app.services.money.payments import PaymentInput
from tests.services.money_desk import (
    BEFORE_MONTREAL,
    GST_NO,
    MONTREAL,
    QST_NO,
    add_registration,
    setup_money_desk,
)
from tests.services.sessions_data import declare_sessions

D = Decimal
GALA = D("109.23")
CODE = "G" * 16


@pytest.fixture
def db(database: Database) -> Database:
    setup_money_desk(database.sessions)
    declare_sessions(database.sessions)  # a gala of 2 seats at 95.00
    with database.sessions.begin() as session:
        event = session.scalars(select(Event).where(Event.slug == MONTREAL)).one()
        event.gst_hst_number, event.qst_number = GST_NO, QST_NO
    return database


def _bought_gala(db: Database) -> tuple[int, int]:
    guest = add_registration(
        db.sessions, CODE, category="non-member", due=D("833.56"), paid=D("833.56")
    )
    sold = sell_addons(
        db.sessions,
        guest,
        ("gala",),
        PaymentInput("card", GALA, reference="VISA 4242"),
        desk="Desk 2",
        staff="Marie",
        action_id="f4-gala",
        at=BEFORE_MONTREAL,
    )
    assert sold.receipt is not None
    return guest, sold.receipt.receipt_id


def _credit(db: Database, receipt_id: int, **options: Any) -> Any:
    options.setdefault("amount", None)
    options.setdefault("refund", "card")
    return issue_credit_note(
        db.sessions, receipt_id, reason="Annulé", desk="Desk 2", staff="Marie", **options
    )


def _gala(db: Database, registration_id: int) -> tuple[bool, int | None]:
    gala = next(o for o in addon_offers(db.sessions, registration_id) if o.code == "gala")
    return gala.held, gala.seats_left


def test_refunding_the_gala_whole_gives_its_seat_back(db: Database) -> None:
    guest, receipt_id = _bought_gala(db)
    assert _gala(db, guest) == (True, 1)
    note = _credit(db, receipt_id)
    assert [seat.code for seat in note.seats_released] == ["gala"] and note.seats_kept == ()
    assert _gala(db, guest) == (False, 2)
    with db.sessions() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "addons.released"))
        assert entry.one().detail["released"] == ["gala"]


def test_a_partial_refund_keeps_the_seat_until_the_price_is_all_given_back(
    db: Database,
) -> None:
    guest, receipt_id = _bought_gala(db)
    first = _credit(db, receipt_id, amount=D("50.00"))
    assert first.seats_released == () and _gala(db, guest) == (True, 1)
    rest = _credit(db, receipt_id, amount=GALA - D("50.00"))
    assert [seat.code for seat in rest.seats_released] == ["gala"]
    assert _gala(db, guest) == (False, 2)


def test_a_credit_note_without_money_back_keeps_the_seat(db: Database) -> None:
    guest, receipt_id = _bought_gala(db)
    note = _credit(db, receipt_id, refund=None)
    assert note.seats_released == () and _gala(db, guest) == (True, 1)


def test_a_guest_already_at_the_gala_keeps_the_seat_and_the_note_says_so(db: Database) -> None:
    guest, receipt_id = _bought_gala(db)
    door = check_in(
        db.sessions,
        MONTREAL,
        CODE,
        desk="Gala door",
        staff="Marie",
        session_code="gala",
        day=date(2027, 3, 23),
    )
    assert door.outcome is CheckInOutcome.CHECKED_IN
    note = _credit(db, receipt_id)
    assert note.seats_released == ()
    assert [seat.name_en for seat in note.seats_kept] == ["Gala dinner"]
    assert _gala(db, guest) == (True, 1)
    with db.sessions() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "addons.released"))
        assert entry.one().detail["kept_checked_in"] == ["gala"]
        registration = session.get(Registration, guest)
        assert registration is not None and registration.amount_paid == D("833.56")


def test_the_receipt_command_says_the_seat_was_released(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guest, _receipt_id = _bought_gala(db)
    out = tmp_path / "credit.pdf"
    args = ["--credit-note", "--receipt", "FORUM-MONTREAL-2027-000001", "--out", str(out)]
    code = main(["--db", db.url, "receipt", *args, "--reason", "Annulé", "--refund", "card"])
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "Seat released: Gala dinner."
    assert _gala(db, guest) == (False, 2)
