"""Receipts from the database: gapless numbers, snapshots, reprints marked COPIE / COPY, tiers."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, Event, Payment, Receipt, ReceiptSeries
from desktop_app.domain.errors import Invalid, NotFound
from desktop_app.services.money.payments import PaymentInput, new_payment
from desktop_app.services.money.receipt_store import (
    find_receipt,
    format_number,
    lock_registration,
    parse_number,
    series_code,
)
from desktop_app.services.money.receipts import issue_receipt, receipt_pdf, reprint_receipt
from tests.documents.pdf_reading import flat, pdf_text
from tests.services.money_desk import (
    GST_NO,
    MONTREAL,
    QST_NO,
    TORONTO,
    add_registration,
    count,
    setup_money_desk,
)

D = Decimal
SERIES = "FORUM-MONTREAL-2027"


class PrinterOnFire(RuntimeError):
    """A failure injected after the receipt is issued and before the commit."""


@pytest.fixture
def db(database: Database) -> Database:
    setup_money_desk(database.sessions)
    return database


def pay(
    db: Database,
    registration_id: int,
    amount: str,
    *,
    method: str = "card",
    fail: bool = False,
) -> int:
    """Record a payment and issue its receipt in one transaction; the receipt's id."""
    with db.sessions.begin() as session:
        registration = lock_registration(session, registration_id)
        payment = new_payment(
            registration,
            PaymentInput(method, D(amount), reference="AUTH 0042" if method == "card" else None),
            desk="Desk 1",
            staff="Marie",
            action_id=uuid.uuid4().hex,
        )
        session.add(payment)
        session.flush()
        receipt = issue_receipt(session, registration, payment, desk="Desk 1", staff="Marie")
        if fail:
            raise PrinterOnFire("the transaction fails after the receipt was issued")
        return receipt.id


def numbers(db: Database) -> list[int]:
    with db.sessions() as session:
        return sorted(session.scalars(select(Receipt.number)))


def test_series_is_named_after_the_event_and_numbers_print_padded() -> None:
    assert series_code(MONTREAL) == SERIES
    assert format_number(SERIES, 42) == "FORUM-MONTREAL-2027-000042"
    assert parse_number("forum-montreal-2027-000042") == (SERIES, 42)
    long_code = series_code("a-very-long-event-slug-that-goes-on-and-on-2027")
    assert len(long_code) == 32
    assert long_code != series_code("a-very-long-event-slug-that-goes-on-and-on-2028")
    with pytest.raises(Invalid):
        parse_number("FORUM")


def test_a_failed_payment_gives_its_number_back(db: Database) -> None:
    reg = add_registration(db.sessions, "GAPLESS", due=D("603.62"), paid=D("0"))
    first = pay(db, reg, "100.00")
    with pytest.raises(PrinterOnFire):
        pay(db, reg, "100.00", fail=True)
    second = pay(db, reg, "100.00")
    assert numbers(db) == [1, 2]
    with db.sessions() as session:
        assert session.get(Receipt, first).number == 1  # type: ignore[union-attr]
        assert session.get(Receipt, second).number == 2  # type: ignore[union-attr]
        series = session.scalars(select(ReceiptSeries)).one()
        assert (series.code, series.next_number) == (SERIES, 3)
    # The failed payment left nothing behind either.
    assert count(db.sessions, Payment) == 2


def test_each_event_has_its_own_series(db: Database) -> None:
    montreal = add_registration(db.sessions, "QC1", due=D("603.62"), paid=D("0"))
    toronto = add_registration(
        db.sessions, "ON1", slug=TORONTO, category="non-member", due=D("563.87"), paid=D("0")
    )
    pay(db, montreal, "603.62")
    pay(db, toronto, "563.87")
    with db.sessions() as session:
        printed = {
            format_number(r.lines["series"], r.number) for r in session.scalars(select(Receipt))
        }
    assert printed == {"FORUM-MONTREAL-2027-000001", "PARTNERING-TORONTO-2027-000001"}


def test_two_desks_issuing_at_once_never_share_or_skip_a_number(db: Database) -> None:
    ids = [add_registration(db.sessions, f"DESK{n}", due=D("603.62"), paid=D("0")) for n in (1, 2)]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def desk(registration_id: int) -> None:
        try:
            start.wait()
            for _ in range(8):
                pay(db, registration_id, "10.00")
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=desk, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert numbers(db) == list(range(1, 17))


def test_the_database_refuses_to_change_or_delete_a_receipt(db: Database) -> None:
    reg = add_registration(db.sessions, "IMMUTABLE", due=D("603.62"), paid=D("0"))
    receipt_id = pay(db, reg, "603.62")
    with pytest.raises(DBAPIError), db.sessions.begin() as session:
        session.execute(update(Receipt).where(Receipt.id == receipt_id).values(total=D("1.00")))
    with pytest.raises(DBAPIError), db.sessions.begin() as session:
        session.delete(session.get(Receipt, receipt_id))
    with db.sessions() as session:
        assert session.get(Receipt, receipt_id).total == D("603.62")  # type: ignore[union-attr]


def test_reprint_is_marked_copy_and_the_original_is_not(db: Database) -> None:
    reg = add_registration(db.sessions, "REPRINT", due=D("603.62"), paid=D("0"))
    receipt_id = pay(db, reg, "603.62")
    original = flat(pdf_text(receipt_pdf(db.sessions, receipt_id, copy=False)))
    assert "COPIE" not in original and "COPY" not in original
    assert "REÇU / RECEIPT" in original
    copy = reprint_receipt(db.sessions, receipt_id, desk="Desk 2", staff="Luc")
    text = flat(pdf_text(copy.pdf))
    assert "COPIE / COPY" in text
    assert copy.number == "FORUM-MONTREAL-2027-000001"
    assert "COPIE" in flat(pdf_text(receipt_pdf(db.sessions, receipt_id)))  # copy by default
    with db.sessions() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "receipt.reprinted")
        ).one()
    assert (entry.desk, entry.staff) == ("Desk 2", "Luc")
    assert entry.detail == {"receipt": copy.number}


def test_a_reprint_shows_what_the_original_said_after_the_event_changed(db: Database) -> None:
    reg = add_registration(db.sessions, "SNAPSHOT", due=D("603.62"), paid=D("0"))
    receipt_id = pay(db, reg, "603.62")
    before = receipt_pdf(db.sessions, receipt_id, copy=False)
    with db.sessions.begin() as session:
        event = session.scalars(select(Event).where(Event.slug == MONTREAL)).one()
        event.seller_legal_name = "Un autre vendeur"
        event.seller_address = "Ailleurs"
    after = flat(pdf_text(receipt_pdf(db.sessions, receipt_id, copy=False)))
    assert after == flat(pdf_text(before))
    assert "BIOQuébec" in after and "Un autre vendeur" not in after


def test_receipt_at_or_above_500_has_every_field(db: Database) -> None:
    reg = add_registration(db.sessions, "TIER500", due=D("603.62"), paid=D("0"))
    text = flat(pdf_text(receipt_pdf(db.sessions, pay(db, reg, "603.62"), copy=False)))
    for expected in (
        "BIOQuébec",  # seller
        "1000, rue Sherbrooke Ouest",
        "FORUM-MONTREAL-2027-000001",
        f"No TPS/TVH / GST/HST No. : {GST_NO}",
        f"No TVQ / QST No. : {QST_NO}",
        "Benoît Lachance",  # buyer
        "Inscription — Forum conjoint BIOQuébec–LSO 2027 — Membre",  # description of supply
        "Sous-total / Subtotal 525,00 $",
        "TPS (5 %) / GST (5%) 26,25 $",
        "TVQ (9,975 %) / QST (9.975%) 52,37 $",
        "Total 603,62 $",
        "Carte / Card",
        "AUTH 0042",
        "Conditions de paiement / Payment terms",
    ):
        assert expected in text, expected
    assert "Taxes incluses" not in text  # the member rate is priced before taxes
    # French comes first.
    assert text.index("REÇU") < text.index("RECEIPT")


def test_receipt_between_100_and_500_shows_taxes_and_both_numbers(db: Database) -> None:
    reg = add_registration(db.sessions, "TIER100", due=D("603.62"), paid=D("0"))
    text = flat(pdf_text(receipt_pdf(db.sessions, pay(db, reg, "229.95"), copy=False)))
    assert GST_NO in text and QST_NO in text
    assert "TPS (5 %) / GST (5%) 10,00 $" in text
    assert "TVQ (9,975 %) / QST (9.975%) 19,95 $" in text
    assert "Total 229,95 $" in text
    # Part of a price set before taxes: the taxes are extra, not included (issue #11, item 7).
    assert "Taxes included" not in text


def test_receipt_under_100_still_names_seller_number_items_total(db: Database) -> None:
    reg = add_registration(db.sessions, "STUDENT", category="student", due=D("95.00"), paid=D("0"))
    text = flat(
        pdf_text(receipt_pdf(db.sessions, pay(db, reg, "95.00", method="cash"), copy=False))
    )
    for expected in (
        "BIOQuébec",
        "FORUM-MONTREAL-2027-000001",
        "Étudiant·e",
        "Sous-total / Subtotal 82,63 $",
        "Total 95,00 $",
        "Taxes incluses / Taxes included",  # the student rate is set taxes included
        "Comptant / Cash",
    ):
        assert expected in text, expected


def test_ontario_receipt_is_english_first_with_hst(db: Database) -> None:
    reg = add_registration(
        db.sessions, "ONTARIO", slug=TORONTO, category="member", due=D("394.37"), paid=D("0")
    )
    text = flat(pdf_text(receipt_pdf(db.sessions, pay(db, reg, "394.37"), copy=False)))
    assert "RECEIPT / REÇU" in text
    assert "HST (13%) / TVH (13 %) $45.37" in text
    assert "Total $394.37" in text
    assert "QST" not in text and "TVQ" not in text
    assert "Life Sciences Ontario" in text


def test_no_receipt_for_what_was_not_received(db: Database) -> None:
    reg = add_registration(db.sessions, "INVOICE", due=D("603.62"), paid=D("0"))
    with pytest.raises(Invalid), db.sessions.begin() as session:
        registration = lock_registration(session, reg)
        payment = new_payment(
            registration,
            PaymentInput("invoice", D("603.62")),
            desk="Desk 1",
            staff="Marie",
            action_id="invoice-1",
            organization="Exemple inc.",
        )
        session.add(payment)
        session.flush()
        issue_receipt(session, registration, payment, desk="Desk 1", staff="Marie")
    assert count(db.sessions, Receipt) == 0


def test_a_receipt_the_seller_cannot_sign_is_refused_with_nothing_written(db: Database) -> None:
    with db.sessions.begin() as session:
        event = session.scalars(select(Event).where(Event.slug == MONTREAL)).one()
        event.gst_hst_number = "123456789 RT 0001"  # fails the check digit
    reg = add_registration(db.sessions, "BADGST", due=D("603.62"), paid=D("0"))
    with pytest.raises(Invalid, match="GST/HST"):
        pay(db, reg, "603.62")
    assert count(db.sessions, Receipt) == 0
    assert count(db.sessions, Payment) == 0


def test_find_receipt_by_its_printed_number(db: Database) -> None:
    reg = add_registration(db.sessions, "FIND", due=D("603.62"), paid=D("0"))
    receipt_id = pay(db, reg, "603.62")
    with db.sessions() as session:
        assert find_receipt(session, "forum-montreal-2027-000001").id == receipt_id
        with pytest.raises(NotFound):
            find_receipt(session, "FORUM-MONTREAL-2027-000002")
