"""A credit due at check-in (#15 item 16): the outcome carries what the person is owed and
how much the desk's receipts can refund; the refund is a credit note, never an edit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select, update

from desktop_app.db.database import Database
from desktop_app.db.models import Payment, Receipt, Registration
from desktop_app.domain.errors import Conflict
from desktop_app.services.desk.checkin import CheckInOutcome, check_in
from desktop_app.services.desk.walkin import WalkInForm, register_walk_in
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.money.refunds import refund_credit_due
from tests.documents.pdf_reading import flat, pdf_text
from tests.services.money_desk import BEFORE_MONTREAL, MONTREAL, add_registration, setup_money_desk

D = Decimal
NON_MEMBER, MEMBER = D("833.57"), D("603.62")  # 725 and 525 with GST and QST


@pytest.fixture
def db(database: Database) -> Database:
    setup_money_desk(database.sessions)
    return database


def paid_non_member_found_member(db: Database) -> tuple[int, str]:
    """A walk-in who paid the non-member rate by card; the member lists then show a
    membership, and the reassessment lowers what is due (as ``assess_registrations`` does)."""
    result = register_walk_in(
        db.sessions,
        MONTREAL,
        WalkInForm("Léa", "Roy", "lea.roy@gmail.com", None, None, "fr"),
        PaymentInput("card", NON_MEMBER, reference="AUTH 7"),
        desk="Desk 1",
        staff="Sophie",
        action_id="walk-in-lea",
        at=BEFORE_MONTREAL,
    )
    with db.sessions.begin() as session:
        session.execute(
            update(Registration)
            .where(Registration.id == result.registration_id)
            .values(amount_due=MEMBER, membership_flag="credit-due")
        )
    return result.registration_id, result.code


def test_checking_in_someone_owed_money_says_how_much_and_that_the_desk_can_refund(
    db: Database,
) -> None:
    _registration_id, code = paid_non_member_found_member(db)
    result = check_in(db.sessions, MONTREAL, code, desk="Desk 2", staff="Ana")
    assert result.outcome is CheckInOutcome.ALREADY  # a walk-in is checked in at once
    assert (result.credit_due, result.credit_refundable) == (D("229.95"), D("229.95"))
    message = result.credit_message()
    assert message is not None
    assert "229.95" in message.render() and "credit note" in message.render()


def test_a_credit_paid_online_is_told_to_be_refunded_there(db: Database) -> None:
    add_registration(
        db.sessions, "ONLINE2345ONLINE", due=MEMBER, paid=NON_MEMBER, flag="credit-due"
    )
    result = check_in(db.sessions, MONTREAL, "ONLINE2345ONLINE", desk="Desk 2", staff="Ana")
    assert result.outcome is CheckInOutcome.CHECKED_IN  # a credit never stops the queue
    assert (result.credit_due, result.credit_refundable) == (D("229.95"), D("0.00"))
    message = result.credit_message()
    assert message is not None and "online store" in message.render()
    with pytest.raises(Conflict, match="online store"):
        refund_credit_due(
            db.sessions,
            result.registration_id or 0,
            method="card",
            reason="Membre",
            desk="Desk 2",
            staff="Ana",
        )


def test_nothing_owed_carries_no_credit(db: Database) -> None:
    add_registration(db.sessions, "EVEN2345EVEN2345", due=MEMBER, paid=MEMBER)
    result = check_in(db.sessions, MONTREAL, "EVEN2345EVEN2345", desk="Desk 2", staff="Ana")
    assert (result.credit_due, result.credit_message()) == (D("0.00"), None)


def test_the_refund_is_a_credit_note_on_the_receipt_and_settles_the_credit(db: Database) -> None:
    registration_id, code = paid_non_member_found_member(db)
    (note,) = refund_credit_due(
        db.sessions,
        registration_id,
        method="card",
        reason="Membre BIOQuébec confirmé",
        desk="Desk 2",
        staff="Ana",
    )
    assert (note.kind, note.total, note.number) == (
        "credit-note",
        D("-229.95"),
        "FORUM-MONTREAL-2027-000002",
    )
    text = flat(pdf_text(note.pdf))
    assert "FORUM-MONTREAL-2027-000001" in text  # refers to the receipt it corrects
    with db.sessions() as session:
        registration = session.get(Registration, registration_id)
        assert registration is not None
        assert (registration.amount_paid, registration.membership_flag) == (MEMBER, None)
        refunds = session.scalars(select(Payment.amount).where(Payment.amount < D("0.00"))).all()
        assert refunds == [D("-229.95")]
        original = session.scalars(select(Receipt).where(Receipt.kind == "receipt")).one()
        assert original.total == NON_MEMBER  # the receipt itself never changes
    after = check_in(db.sessions, MONTREAL, code, desk="Desk 2", staff="Ana")
    assert (after.credit_due, after.credit_message()) == (D("0.00"), None)
    with pytest.raises(Conflict, match="Nothing is owed back"):
        refund_credit_due(
            db.sessions, registration_id, method="cash", reason="x", desk="D", staff="Ana"
        )
