"""Receipts: issued with the payment they acknowledge, reprinted as marked copies.

A receipt is issued inside the unit of work that records the payment (:func:`issue_receipt`),
so the payment, the registration's new amount paid and the receipt's number are committed
together or not at all; the numbering is gapless per event (see ``receipt_store``). Only
money received at the desk (cash, card) is receipted: an invoice to an organization is
receipted by the association's accounts when it is paid, and a complimentary admission
costs nothing. A reprint is drawn from the stored snapshot and marked COPIE / COPY. A refund
or a correction is a credit note (``credit_notes``), never an edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from reportlab.lib.pagesizes import LETTER
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Payment, Receipt, Registration
from desktop_app.documents.receipt import (
    PaymentMethod,
    ReceiptData,
    ReceiptLayout,
    ReceiptLine,
    render_receipt,
)
from desktop_app.domain.codes import code_forms, preferred
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound
from desktop_app.domain.money import ZERO
from desktop_app.domain.names import display_name
from desktop_app.domain.taxes import TaxBreakdown, compute_taxes
from desktop_app.services.admin import audit
from desktop_app.services.money.credit_notes import issue_credit_note
from desktop_app.services.money.receipt_store import (
    TERMS,
    Draft,
    IssuedReceipt,
    bilingual,
    find_receipt,
    format_number,
    get_receipt,
    issued,
    lock_registration,
    receipt_data,
    receipt_language,
    receipt_taxes,
    series_code,
    take_number,
    write_receipt,
)

RECEIPTED_METHODS = ("cash", "card")
"""Payments that get a receipt: money received at the desk."""

__all__ = [
    "RECEIPTED_METHODS",
    "IssuedReceipt",
    "ReceiptPrint",
    "default_breakdown",
    "find_receipt",
    "issue_credit_note",
    "issue_receipt",
    "lock_registration",
    "receipt_for_registration",
    "receipt_pdf",
    "registration_item",
    "reprint_receipt",
]


@dataclass(frozen=True)
class ReceiptPrint:
    """A receipt handed out again: the document, and whether it is a marked copy."""

    receipt: IssuedReceipt
    copy: bool


def registration_item(
    registration: Registration, breakdown: TaxBreakdown, *, with_taxes: bool = False
) -> ReceiptLine:
    """The receipt line of a registration in its category, at ``breakdown``'s subtotal
    (``with_taxes``: its own taxes printed under it, beside add-ons that have theirs)."""
    event, category = registration.event, registration.category
    return ReceiptLine(
        f"Inscription — {event.name_fr} — {category.name_fr}",
        f"Registration — {event.name_en} — {category.name_en}",
        1,
        breakdown.subtotal,
        breakdown.subtotal,
        receipt_taxes(breakdown) if with_taxes else (),
    )


def default_breakdown(registration: Registration, amount: Decimal) -> TaxBreakdown:
    """The taxes in a payment of ``amount`` for ``registration``.

    The category's own breakdown when the payment is its whole price (so a taxes-excluded
    price prints as such); otherwise ``amount`` split as a taxes-included total.
    """
    category = registration.category
    province = registration.event.province
    full = compute_taxes(province, category.amount, category.taxes_included)
    if full.total == amount:
        return full
    return compute_taxes(province, amount, taxes_included=True)


def issue_receipt(
    session: Session,
    registration: Registration,
    payment: Payment,
    *,
    desk: str,
    staff: str,
    breakdown: TaxBreakdown | None = None,
    item: ReceiptLine | None = None,
    series: str | None = None,
    lines: tuple[ReceiptLine, ...] = (),
    taxes_included: bool | None = None,
) -> Receipt:
    """Issue the receipt for ``payment`` inside the caller's unit of work.

    The number is taken from the event's series in this transaction (gapless: a rollback
    gives it back). ``breakdown`` says how the payment splits into subtotal and taxes
    (default: :func:`default_breakdown`); ``item`` describes the supply (default: the
    registration to the event in its category); ``series`` is the receipt series to number
    it in (default: the event's, ``receipt_store.series_code``; a desk working offline
    passes its own offline series); ``lines``, when given, are the receipt's items instead
    (a registration with its add-ons, one line each: their subtotals add up to
    ``breakdown``'s), and ``taxes_included`` says whether their prices were set taxes included
    (default: the registration's category's). Raises :class:`Invalid` when the receipt
    could not be printed (e.g. the event lacks its GST/QST number for a receipt of $100 or
    more), so the caller's transaction fails with nothing written. Audited.
    """
    if payment.method not in RECEIPTED_METHODS or payment.amount <= 0:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "Only money received (cash or card) gets a receipt.")
        )
    event, person = registration.event, registration.person
    breakdown = breakdown or default_breakdown(registration, payment.amount)
    if breakdown.total != payment.amount:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "The receipt's total {total} is not the payment {paid}."),
            total=str(breakdown.total),
            paid=str(payment.amount),
        )
    language = receipt_language(event.province)
    series = series or series_code(event.slug)
    series_id, number = take_number(session, series)
    cash = payment.method == "cash"
    data = ReceiptData(
        kind="receipt",
        series=series,
        number=number,
        issued_at=payment.received_at,
        seller_name=event.seller_legal_name,
        seller_address=event.seller_address,
        gst_hst_number=event.gst_hst_number,
        qst_number=event.qst_number,
        buyer_name=display_name(person.first_name, person.last_name),
        buyer_organization=person.organization_name,
        lines=lines or (item or registration_item(registration, breakdown),),
        subtotal=breakdown.subtotal,
        taxes=receipt_taxes(breakdown),
        total=breakdown.total,
        # "Taxes included" is a fact about the price, not about how this payment was split:
        # a balance on a taxes-extra price is split from its total, yet its taxes are extra.
        taxes_included=(
            registration.category.taxes_included if taxes_included is None else taxes_included
        ),
        payment_method=cast(PaymentMethod, payment.method),
        payment_reference=payment.reference,
        amount_tendered=payment.tendered if cash else None,
        change_due=payment.change_due if cash else None,
        payment_terms=bilingual(TERMS["receipt"], language),
        language=language,
    )
    row = write_receipt(
        session,
        Draft(data, registration.id, payment.id, None, series_id),
        timezone=event.timezone,
        desk=desk,
        staff=staff,
    )
    audit.record(
        session,
        "receipt.issued",
        desk=desk,
        staff=staff,
        subject=f"registration:{registration.id}",
        detail={
            "receipt": data.reference,
            "total": str(data.total),
            "method": payment.method,
            "payment_id": payment.id,
        },
    )
    return row


def receipt_pdf(
    sessions: sessionmaker[Session],
    receipt_id: int,
    *,
    copy: bool = True,
    page_size: tuple[float, float] = LETTER,
    layout: ReceiptLayout = "letter",
) -> bytes:
    """The stored receipt drawn again as PDF; ``copy`` (the default) marks it COPIE / COPY.

    Drawn from the row's snapshot alone, so it shows what the original showed; ``layout``
    chooses Letter or the 80 mm roll. Writes nothing; see :func:`reprint_receipt` for a
    reprint at the desk, which is audited.
    """
    with sessions() as session:
        data = receipt_data(get_receipt(session, receipt_id), copy=copy)
    return render_receipt(data, page_size, layout)


def _reprint(session: Session, row: Receipt, *, desk: str, staff: str) -> ReceiptData:
    data = receipt_data(row, copy=True)
    audit.record(
        session,
        "receipt.reprinted",
        desk=desk,
        staff=staff,
        subject=f"registration:{row.registration_id}",
        detail={"receipt": data.reference},
    )
    return data


def reprint_receipt(
    sessions: sessionmaker[Session],
    receipt_id: int,
    *,
    desk: str,
    staff: str,
    page_size: tuple[float, float] = LETTER,
    layout: ReceiptLayout = "letter",
) -> IssuedReceipt:
    """A reprint (marked COPIE / COPY) of a receipt or credit note, recorded in the audit log."""
    with sessions.begin() as session:
        row = get_receipt(session, receipt_id)
        data = _reprint(session, row, desk=desk, staff=staff)
        view = issued(row, b"")
    return IssuedReceipt(
        view.receipt_id, view.number, view.kind, view.total, render_receipt(data, page_size, layout)
    )


def _find_registration(session: Session, code: str) -> Registration:
    typed = code.strip()
    found = session.scalars(select(Registration).where(Registration.code.in_(code_forms(typed))))
    registration = preferred({r.code: r for r in found}, typed)
    if registration is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "There is no registration with the code {code}."),
            code=typed,
        )
    return registration


def receipt_for_registration(
    sessions: sessionmaker[Session],
    code: str,
    *,
    desk: str,
    staff: str,
    page_size: tuple[float, float] = LETTER,
) -> ReceiptPrint:
    """The registration's latest receipt, as for ``passerelle receipt --registration``.

    Cash or card payments of the registration that have no receipt yet get one first, and
    the newest of those is returned as an original. Otherwise the latest receipt is returned
    as a reprint marked COPIE / COPY (audited). :class:`NotFound` when there is neither
    (e.g. paid online: the online store issued the receipt).
    """
    with sessions.begin() as session:
        registration = lock_registration(session, _find_registration(session, code).id)
        receipted = select(Receipt.payment_id).where(Receipt.payment_id.is_not(None))
        waiting = session.scalars(
            select(Payment)
            .where(
                Payment.registration_id == registration.id,
                Payment.method.in_(RECEIPTED_METHODS),
                Payment.amount > ZERO,
                Payment.id.not_in(receipted),
            )
            .order_by(Payment.id)
        ).all()
        fresh = [issue_receipt(session, registration, p, desk=desk, staff=staff) for p in waiting]
        if fresh:
            row, copy = fresh[-1], False
            data = receipt_data(row, copy=False)
        else:
            latest = session.scalars(
                select(Receipt)
                .where(Receipt.registration_id == registration.id, Receipt.kind == "receipt")
                .order_by(Receipt.issued_at.desc(), Receipt.id.desc())
                .limit(1)
            ).first()
            if latest is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP(
                        "AppError",
                        "No receipt was issued at the desk for registration {code}"
                        " (payments made online are receipted by the online store).",
                    ),
                    code=registration.code,
                )
            row, copy = latest, True
            data = _reprint(session, row, desk=desk, staff=staff)
        view = issued(row, b"")
    pdf = render_receipt(data, page_size)
    return ReceiptPrint(
        IssuedReceipt(view.receipt_id, view.number, view.kind, view.total, pdf), copy
    )


def number_of(row: Receipt) -> str:
    """The printed number of a receipt row."""
    return format_number(row.lines["series"], row.number)
