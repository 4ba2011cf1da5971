"""Credit notes: a refund or correction of an issued receipt, never an edit of it.

A credit note takes the next number of the original's series, refers to the original by its
printed number, shows its amounts negative and prints its reason; the original row stays as
it was (the database refuses to change it). Several partial credit notes may follow one
receipt, never more in total than the receipt.

A refund that gives back an add-on line's whole price also releases its seat, unless the
person was checked in to that session (``addon_release``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Payment, Receipt, Registration
from desktop_app.documents.receipt import PaymentMethod, ReceiptData, ReceiptLine, render_receipt
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid
from desktop_app.domain.money import ZERO, to_money
from desktop_app.domain.taxes import TaxBreakdown, TaxLine, compute_taxes, credit
from desktop_app.services.admin import audit
from desktop_app.services.money.addon_release import release_refunded
from desktop_app.services.money.receipt_store import (
    TERMS,
    Draft,
    IssuedReceipt,
    Seat,
    bilingual,
    format_number,
    get_receipt,
    issued,
    lock_registration,
    money,
    receipt_data,
    receipt_taxes,
    take_number,
    write_receipt,
)

REFUND_METHODS = ("cash", "card")


def _remaining(original: Receipt, credits: Sequence[Receipt]) -> TaxBreakdown:
    """What of ``original`` the earlier credit notes have not yet reversed."""
    taxes = {t["code"]: t for t in original.taxes["lines"]}
    credited = {code: ZERO for code in taxes}
    for note in credits:
        for t in note.taxes["lines"]:
            credited[t["code"]] = credited.get(t["code"], ZERO) + money(t["amount"])
    return TaxBreakdown(
        original.subtotal + sum((c.subtotal for c in credits), ZERO),
        tuple(
            TaxLine(
                code,
                t["name_fr"],
                t["name_en"],
                Decimal(t["rate"]),
                money(t["amount"]) + credited[code],
                "qst" if code == "QST" else "gst_hst",
            )
            for code, t in taxes.items()
        ),
        original.total + sum((c.total for c in credits), ZERO),
        original.taxes_included,
    )


def _credit_items(
    original: ReceiptData, breakdown: TaxBreakdown, whole: bool
) -> tuple[ReceiptLine, ...]:
    # Each line keeps the add-on it sold (and a whole reversal its own taxes, negated), so
    # the sales report takes a credit off the add-on or the admission it reverses.
    if whole:
        return tuple(
            ReceiptLine(
                line.description_fr,
                line.description_en,
                line.quantity,
                ZERO - line.unit_amount,
                ZERO - line.amount,
                tuple(replace(tax, amount=ZERO - tax.amount) for tax in line.taxes),
                line.session,
            )
            for line in original.lines
        )
    first = original.lines[0]
    return (
        ReceiptLine(
            f"Crédit partiel — {first.description_fr}",
            f"Partial credit — {first.description_en}",
            1,
            breakdown.subtotal,
            breakdown.subtotal,
            session=first.session,
        ),
    )


def _admission_part(items: Sequence[ReceiptLine], total: Decimal) -> Decimal:
    """What of a credit note's ``total`` reverses the admission, not add-ons: an add-on's
    price was never part of the registration's amount paid, so its refund is not either."""
    addons = ZERO
    for line in items:
        if line.session is None:
            continue
        if line.taxes:
            addons += line.amount + sum((t.amount for t in line.taxes), ZERO)
        else:  # a partial credit of an add-on: its one line is the whole credit
            addons += total if len(items) == 1 else line.amount
    return total - addons


def _refund(
    session: Session,
    registration: Registration,
    method: str,
    total: Decimal,
    desk: str,
    staff: str,
    admission: Decimal,
) -> Payment:
    """Record money paid back (a negative payment) and lower what the person has paid for
    the admission by ``admission`` (the part of ``total`` that was not add-ons)."""
    if method not in REFUND_METHODS:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "A refund is paid back in cash or by card, not '{m}'."),
            m=method,
        )
    if registration.amount_paid + admission < 0:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "The refund of {amount} is more than the {paid} paid for this admission.",
            ),
            amount=str(ZERO - admission),
            paid=str(registration.amount_paid),
        )
    payment = Payment(
        registration_id=registration.id,
        method=method,
        amount=total,
        tendered=None,
        change_due=None,
        reference=None,
        received_at=datetime.now(UTC),
        desk=desk,
        staff=staff,
        action_id=uuid.uuid4().hex,
    )
    session.add(payment)
    registration.amount_paid += admission
    if registration.membership_flag == "credit-due" and (
        registration.amount_paid <= registration.amount_due
    ):
        registration.membership_flag = None
    session.flush()
    return payment


def issue_credit_note(
    sessions: sessionmaker[Session],
    receipt_id: int,
    *,
    amount: Decimal | None,
    reason: str,
    desk: str,
    staff: str,
    refund: str | None = None,
) -> IssuedReceipt:
    """Issue a credit note that reverses ``amount`` (taxes included) of a receipt.

    ``amount=None`` reverses whatever earlier credit notes left of the original, line by
    line; otherwise ``amount`` is split into subtotal and taxes like a taxes-included price,
    and may not exceed what is left. The credit note takes the next number of the same
    series, refers to the original, shows its amounts negative and prints the ``reason``;
    the original row is never touched. ``refund`` ("cash" or "card") also records the money
    paid back as a negative payment and lowers the registration's amount paid; an add-on
    line thus refunded whole releases its seat (kept if the person was checked in to the
    session: ``seats_kept``). Audited.
    """
    with sessions.begin() as session:
        row, released, kept = _credit_note(
            session,
            receipt_id,
            amount=amount,
            reason=reason,
            desk=desk,
            staff=staff,
            refund=refund,
        )
        view = issued(row, b"")
        printable = receipt_data(row, copy=False)
    pdf = render_receipt(printable)
    return IssuedReceipt(view.receipt_id, view.number, view.kind, view.total, pdf, released, kept)


def credit_note_in(
    session: Session,
    receipt_id: int,
    *,
    amount: Decimal | None,
    reason: str,
    desk: str,
    staff: str,
    refund: str | None = None,
) -> Receipt:
    """:func:`issue_credit_note` in the caller's unit of work; returns the credit note's row."""
    row, _released, _kept = _credit_note(
        session, receipt_id, amount=amount, reason=reason, desk=desk, staff=staff, refund=refund
    )
    return row


def _credit_note(
    session: Session,
    receipt_id: int,
    *,
    amount: Decimal | None,
    reason: str,
    desk: str,
    staff: str,
    refund: str | None,
) -> tuple[Receipt, tuple[Seat, ...], tuple[Seat, ...]]:
    reason = " ".join(reason.split())
    if not reason:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "A credit note needs a reason."))
    original = get_receipt(session, receipt_id)
    if original.kind != "receipt":
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "{number} is a credit note; a credit note corrects a receipt."
            ),
            number=format_number(original.lines["series"], original.number),
        )
    # Lock the registration, then the series (the order every issuing path takes, so
    # two desks never wait on each other): credit notes of one receipt queue up.
    registration = lock_registration(session, original.registration_id)
    series_id, number = take_number(session, original.lines["series"])
    credits = session.scalars(select(Receipt).where(Receipt.refers_to_id == original.id)).all()
    left = _remaining(original, credits)
    source = receipt_data(original, copy=False)
    if left.total <= 0:
        raise Conflict(
            QT_TRANSLATE_NOOP("AppError", "Receipt {number} is already fully credited."),
            number=source.reference,
        )
    if amount is None:
        breakdown = credit(left)
    else:
        wanted = to_money(amount)
        if not ZERO < wanted <= left.total:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "A credit note on {number} is between 0.01 and {left} (what is left).",
                ),
                number=source.reference,
                left=str(left.total),
            )
        breakdown = credit(compute_taxes(registration.event.province, wanted, taxes_included=True))
    items = _credit_items(source, breakdown, amount is None and not credits)
    payment = (
        _refund(
            session,
            registration,
            refund,
            breakdown.total,
            desk,
            staff,
            _admission_part(items, breakdown.total),
        )
        if refund is not None
        else None
    )
    language = source.language
    data = ReceiptData(
        kind="credit-note",
        series=source.series,
        number=number,
        issued_at=datetime.now(UTC),
        seller_name=source.seller_name,
        seller_address=source.seller_address,
        gst_hst_number=source.gst_hst_number,
        qst_number=source.qst_number,
        buyer_name=source.buyer_name,
        buyer_organization=source.buyer_organization,
        lines=items,
        subtotal=breakdown.subtotal,
        taxes=receipt_taxes(breakdown),
        total=breakdown.total,
        # A credit note reverses the original's price: its taxes are included only if
        # they were on the original (a partial amount is split as a total either way).
        taxes_included=source.taxes_included,
        payment_method=cast(PaymentMethod, refund or source.payment_method),
        payment_terms=bilingual(TERMS["refund" if refund else "credit"], language),
        refers_to=source.reference,
        reason=reason,
        language=language,
    )
    row = write_receipt(
        session,
        Draft(data, registration.id, payment.id if payment else None, original.id, series_id),
        timezone=original.lines.get("timezone") or "UTC",
        desk=desk,
        staff=staff,
    )
    released: tuple[Seat, ...] = ()
    kept: tuple[Seat, ...] = ()
    if refund is not None:  # money given back: the add-ons it reverses whole are cancelled
        earlier = [receipt_data(note, copy=False) for note in credits]
        released, kept = release_refunded(
            session,
            registration,
            source.lines,
            [(n.lines, n.total) for n in earlier] + [(items, breakdown.total)],
            receipt_cleared=left.total + breakdown.total <= 0,
            desk=desk,
            staff=staff,
            credit_note=data.reference,
            at=data.issued_at,
        )
    audit.record(
        session,
        "receipt.credit_note_issued",
        desk=desk,
        staff=staff,
        subject=f"registration:{registration.id}",
        detail={
            "credit_note": data.reference,
            "refers_to": source.reference,
            "total": str(data.total),
            "reason": reason,
            "refund": refund,
            "seats_released": [seat.code for seat in released],
            "seats_kept_checked_in": [seat.code for seat in kept],
        },
    )
    return row, released, kept
