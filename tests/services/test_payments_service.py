"""Collecting a balance at the desk, and credit notes: amounts, taxes, flags, replays, refunds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, Payment, Receipt, Registration
from desktop_app.domain.errors import Conflict, Invalid
from desktop_app.services.money.credit_notes import issue_credit_note
from desktop_app.services.money.payments import PaymentInput, collect_balance
from desktop_app.services.money.receipts import receipt_pdf
from tests.documents.pdf_reading import flat, pdf_text
from tests.services.money_desk import (
    TORONTO,
    add_registration,
    count,
    setup_money_desk,
    total,
)

D = Decimal


@pytest.fixture
def db(database: Database) -> Database:
    setup_money_desk(database.sessions)
    return database


def balance_due(db: Database, code: str = "BAL") -> int:
    """Paid the member rate (603.62) without a membership: owes up to the non-member 833.57."""
    assert total("forum-montreal-2027", "member", db.sessions) == D("603.62")
    assert total("forum-montreal-2027", "non-member", db.sessions) == D("833.57")
    return add_registration(
        db.sessions, code, due=D("833.57"), paid=D("603.62"), flag="balance-due"
    )


def registration(db: Database, registration_id: int) -> Registration:
    with db.sessions() as session:
        found = session.get(Registration, registration_id)
        assert found is not None
        return found


def test_collect_the_member_rate_difference_in_cash(db: Database) -> None:
    reg = balance_due(db)
    issued = collect_balance(
        db.sessions,
        reg,
        PaymentInput("cash", D("229.95"), tendered=D("240.00")),
        desk="Desk 1",
        staff="Marie",
    )
    assert issued.kind == "receipt"
    assert issued.total == D("229.95")
    assert issued.number == "FORUM-MONTREAL-2027-000001"
    after = registration(db, reg)
    assert after.amount_paid == D("833.57")
    assert after.membership_flag is None
    with db.sessions() as session:
        payment = session.scalars(select(Payment)).one()
        assert (payment.method, payment.amount) == ("cash", D("229.95"))
        assert (payment.tendered, payment.change_due) == (D("240.00"), D("10.05"))
        receipt = session.scalars(select(Receipt)).one()
        assert receipt.payment_id == payment.id
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "payment.collected")
        ).one()
        assert entry.detail is not None
        assert entry.detail["balance_after"] == "0.00"
        assert entry.detail["membership_flag_before"] == "balance-due"
    text = flat(pdf_text(issued.pdf))
    # The difference's taxes: with the first receipt they make the taxes on the right price.
    assert "Différence de tarif" in text
    assert "Sous-total / Subtotal 200,00 $" in text
    assert "TPS (5 %) / GST (5%) 10,00 $" in text
    assert "TVQ (9,975 %) / QST (9.975%) 19,95 $" in text
    assert "Montant reçu / Amount tendered 240,00 $" in text
    assert "Monnaie rendue / Change 10,05 $" in text
    assert "COPIE" not in text


def test_same_action_twice_pays_once(db: Database) -> None:
    reg = balance_due(db)
    payment = PaymentInput("card", D("229.95"), reference="AUTH 77")
    first = collect_balance(
        db.sessions, reg, payment, desk="Desk 1", staff="Marie", action_id="act-1"
    )
    again = collect_balance(
        db.sessions, reg, payment, desk="Desk 1", staff="Marie", action_id="act-1"
    )
    assert (again.receipt_id, again.number, again.total) == (
        first.receipt_id,
        first.number,
        first.total,
    )
    assert count(db.sessions, Payment) == 1
    assert count(db.sessions, Receipt) == 1
    assert registration(db, reg).amount_paid == D("833.57")


def test_a_partial_payment_keeps_the_flag_until_settled(db: Database) -> None:
    reg = balance_due(db)
    collect_balance(db.sessions, reg, PaymentInput("cash", D("100.00")), desk="D", staff="M")
    assert registration(db, reg).membership_flag == "balance-due"
    last = collect_balance(db.sessions, reg, PaymentInput("cash", D("129.95")), desk="D", staff="M")
    assert last.number.endswith("000002")
    after = registration(db, reg)
    assert (after.amount_paid, after.membership_flag) == (D("833.57"), None)
    with db.sessions() as session:
        totals = sorted(session.scalars(select(Receipt.total)))
    assert totals == [D("100.00"), D("129.95")]


def test_an_unpaid_registration_pays_its_price_with_the_category_taxes(db: Database) -> None:
    reg = add_registration(
        db.sessions, "UNPAID", slug=TORONTO, category="non-member", due=D("563.87"), paid=D("0")
    )
    issued = collect_balance(
        db.sessions, reg, PaymentInput("card", D("563.87"), reference="AUTH 1"), desk="D", staff="M"
    )
    text = flat(pdf_text(issued.pdf))
    assert "Subtotal / Sous-total $499.00" in text
    assert "HST (13%) / TVH (13 %) $64.87" in text
    assert "Taxes included" not in text


@pytest.mark.parametrize(
    ("payment", "message"),
    [
        (PaymentInput("card", D("229.95")), "reference"),
        (PaymentInput("card", D("229.95"), reference="   "), "reference"),
        (PaymentInput("cash", D("229.95"), tendered=D("200.00")), "less than"),
        (PaymentInput("cash", D("300.00")), "between 0.01 and the balance"),
        (PaymentInput("cash", D("0.00")), "between 0.01 and the balance"),
        (PaymentInput("invoice", D("229.95")), "cash or by card"),
        (PaymentInput("complimentary", D("0")), "cash or by card"),
        (PaymentInput("bitcoin", D("229.95")), "cash or by card"),
    ],
)
def test_bad_payments_are_refused_and_change_nothing(
    db: Database, payment: PaymentInput, message: str
) -> None:
    reg = balance_due(db)
    with pytest.raises(Invalid, match=message):
        collect_balance(db.sessions, reg, payment, desk="D", staff="M")
    assert count(db.sessions, Payment) == 0
    assert count(db.sessions, Receipt) == 0
    after = registration(db, reg)
    assert (after.amount_paid, after.membership_flag) == (D("603.62"), "balance-due")


def test_nothing_to_collect_is_a_conflict(db: Database) -> None:
    reg = add_registration(db.sessions, "PAID", due=D("603.62"), paid=D("603.62"))
    with pytest.raises(Conflict):
        collect_balance(db.sessions, reg, PaymentInput("cash", D("1.00")), desk="D", staff="M")


def test_an_override_given_must_be_a_supervisors(db: Database) -> None:
    from desktop_app.services.admin.staff import Override

    reg = balance_due(db)
    wrong = Override(supervisor="Sophie", pin="0000", reason="test")
    with pytest.raises(Invalid, match="PIN"):
        collect_balance(
            db.sessions, reg, PaymentInput("cash", D("229.95")), desk="D", staff="M", override=wrong
        )
    assert count(db.sessions, Payment) == 0


# -- credit notes ----------------------------------------------------------------------------


def paid_receipt(db: Database) -> int:
    reg = add_registration(db.sessions, "CREDIT", due=D("603.62"), paid=D("0"))
    return collect_balance(
        db.sessions, reg, PaymentInput("card", D("603.62"), reference="AUTH 9"), desk="D", staff="M"
    ).receipt_id


def snapshot(db: Database, receipt_id: int) -> tuple[object, ...]:
    with db.sessions() as session:
        row = session.get(Receipt, receipt_id)
        assert row is not None
        return (row.number, row.kind, row.total, row.subtotal, row.lines, row.taxes, row.seller)


def test_a_credit_note_reverses_the_receipt_and_leaves_it_untouched(db: Database) -> None:
    original = paid_receipt(db)
    before = snapshot(db, original)
    note = issue_credit_note(
        db.sessions,
        original,
        amount=None,
        reason="Inscription annulée",
        desk="Desk 3",
        staff="Sophie",
    )
    assert snapshot(db, original) == before
    assert note.kind == "credit-note"
    assert note.number == "FORUM-MONTREAL-2027-000002"  # same series, next number
    assert note.total == D("-603.62")
    with db.sessions() as session:
        row = session.get(Receipt, note.receipt_id)
        assert row is not None and row.refers_to_id == original
        assert row.payment_id is None  # no refund was paid
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "receipt.credit_note_issued")
        ).one()
        assert entry.detail is not None and entry.detail["reason"] == "Inscription annulée"
    text = flat(pdf_text(note.pdf))
    assert "NOTE DE CRÉDIT / CREDIT NOTE" in text
    assert "Se rapporte au reçu / Refers to receipt FORUM-MONTREAL-2027-000001" in text
    assert "Motif / Reason : Inscription annulée" in text
    assert "TPS (5 %) / GST (5%) -26,25 $" in text
    assert "Total -603,62 $" in text
    # The original still prints as it did.
    assert "REÇU / RECEIPT" in flat(pdf_text(receipt_pdf(db.sessions, original, copy=False)))
    with pytest.raises(Conflict, match="fully credited"):
        issue_credit_note(db.sessions, original, amount=None, reason="again", desk="D", staff="S")


def test_partial_credit_notes_never_exceed_the_receipt(db: Database) -> None:
    original = paid_receipt(db)
    first = issue_credit_note(
        db.sessions, original, amount=D("114.98"), reason="Rabais", desk="D", staff="S"
    )
    assert first.total == D("-114.98")
    assert "Crédit partiel" in flat(pdf_text(first.pdf))
    with pytest.raises(Invalid, match=r"488\.64"):
        issue_credit_note(
            db.sessions, original, amount=D("500.00"), reason="x", desk="D", staff="S"
        )
    rest = issue_credit_note(
        db.sessions, original, amount=None, reason="Solde", desk="D", staff="S"
    )
    assert rest.total == D("-488.64")
    with db.sessions() as session:
        notes = session.scalars(select(Receipt).where(Receipt.kind == "credit-note")).all()
        # Line by line, the credit notes take back exactly what the receipt charged.
        assert sum(n.subtotal for n in notes) == D("-525.00")
        taxes = [t["amount"] for n in notes for t in n.taxes["lines"]]
        assert sum(D(t) for t in taxes) == D("-78.62")


def test_a_refund_pays_back_and_lowers_what_was_paid(db: Database) -> None:
    reg = add_registration(
        db.sessions, "OWED", category="non-member", due=D("603.62"), paid=D("0"), flag=None
    )
    receipt_id = collect_balance(
        db.sessions, reg, PaymentInput("cash", D("603.62")), desk="D", staff="M"
    ).receipt_id
    with db.sessions.begin() as session:
        row = session.get(Registration, reg)
        assert row is not None
        row.membership_flag = "credit-due"
        row.amount_due = D("500.00")
    note = issue_credit_note(
        db.sessions,
        receipt_id,
        amount=D("103.62"),
        reason="Membre",
        desk="D",
        staff="S",
        refund="cash",
    )
    after = registration(db, reg)
    assert after.amount_paid == D("500.00")
    assert after.membership_flag is None
    with db.sessions() as session:
        refund = session.scalars(select(Payment).where(Payment.amount < D("0"))).one()
        assert (refund.method, refund.amount) == ("cash", D("-103.62"))
        assert session.get(Receipt, note.receipt_id).payment_id == refund.id  # type: ignore[union-attr]
    assert "Remboursé / Refunded" in flat(pdf_text(note.pdf))


def test_credit_note_needs_a_reason_and_a_receipt(db: Database) -> None:
    original = paid_receipt(db)
    with pytest.raises(Invalid, match="reason"):
        issue_credit_note(db.sessions, original, amount=None, reason="  ", desk="D", staff="S")
    note = issue_credit_note(
        db.sessions, original, amount=D("1.00"), reason="x", desk="D", staff="S"
    )
    with pytest.raises(Invalid, match="credit note"):
        issue_credit_note(
            db.sessions, note.receipt_id, amount=None, reason="y", desk="D", staff="S"
        )
    assert count(db.sessions, Receipt) == 2


def test_a_balance_says_taxes_included_only_when_the_price_includes_them(db: Database) -> None:
    # Member rate, priced before taxes: 200.00 + GST 10.00 + QST 19.95 = 229.95, taxes extra.
    extra = collect_balance(
        db.sessions, balance_due(db), PaymentInput("cash", D("229.95")), desk="D", staff="M"
    )
    extra_text = flat(pdf_text(extra.pdf))
    assert "Sous-total / Subtotal 200,00 $" in extra_text
    assert "Taxes included" not in extra_text
    # The student rate (95.00) is set taxes included: its balance says so.
    student = add_registration(
        db.sessions, "STUDENT", category="student", due=D("95.00"), paid=D("50.00")
    )
    included = collect_balance(
        db.sessions, student, PaymentInput("cash", D("45.00")), desk="D", staff="M"
    )
    assert "Taxes incluses / Taxes included" in flat(pdf_text(included.pdf))


def test_a_credit_note_on_a_taxes_extra_price_does_not_say_taxes_included(db: Database) -> None:
    original = paid_receipt(db)  # member rate, taxes extra
    partial = issue_credit_note(
        db.sessions, original, amount=D("114.98"), reason="Rabais", desk="D", staff="S"
    )
    rest = issue_credit_note(
        db.sessions, original, amount=None, reason="Solde", desk="D", staff="S"
    )
    for note in (partial, rest):
        text = flat(pdf_text(note.pdf))
        assert "NOTE DE CRÉDIT" in text
        assert "Taxes included" not in text
