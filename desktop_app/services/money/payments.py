"""Payments at the desk: cash with change, card with the terminal's reference, invoice to an
organization, complimentary with a supervisor; and collecting a balance with its receipt.

Methods, as staff choose them and as stored (``Payment.method``):

- ``cash`` -- the amount tendered is at least the amount; the change due is stored.
- ``card`` -- paid on the venue's own terminal; its reference (authorization) is required.
- ``invoice`` -- billed to the person's organization (required). Stored as a payment row of the
  invoiced amount for the day's reconciliation, but it is not money received: the
  registration's amount paid does not change, the balance stays due, and no receipt is
  issued (the association's accounts receipt the invoice when it is paid).
- ``complimentary`` (stored ``comp``) -- amount 0, only with a supervisor's override.

Every payment carries the desk action's ``action_id`` (unique): replaying an action returns
what the first one did and records nothing twice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Payment, Receipt, Registration
from desktop_app.documents.receipt import ReceiptLine, render_receipt
from desktop_app.domain.accounts import RegistrationStatus, balance_owed, counts_as_paid
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid, Message
from desktop_app.domain.money import ZERO, to_money
from desktop_app.domain.taxes import TaxBreakdown, compute_taxes, difference
from desktop_app.services.admin import audit
from desktop_app.services.admin.staff import (
    Override,
    StaffMember,
    refuse_exhibitor,
    verify_override,
)
from desktop_app.services.money.receipt_store import (
    IssuedReceipt,
    format_number,
    issued,
    lock_registration,
    receipt_data,
)
from desktop_app.services.money.receipts import default_breakdown, issue_receipt

METHODS = {"cash": "cash", "card": "card", "invoice": "invoice", "complimentary": "comp"}
"""Payment methods as staff choose them, and as ``Payment.method`` stores them."""

__all__ = [
    "METHODS",
    "IssuedReceipt",
    "PaymentInput",
    "approve",
    "collect_balance",
    "new_payment",
]


@dataclass(frozen=True)
class PaymentInput:
    """A payment as staff enter it: method, amount, cash tendered, card or invoice reference."""

    method: str  # "cash" | "card" | "invoice" | "complimentary"
    amount: Decimal
    tendered: Decimal | None = None
    reference: str | None = None


def approve(session: Session, override: Override | None, *, why: str | Message) -> StaffMember:
    """The supervisor whose ``override`` permits an action that needs one (``why`` says which).

    :class:`Invalid` without an override, or when it is not an active supervisor's with the
    right PIN and a reason.
    """
    if override is None:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "{why}: a supervisor must approve (PIN and reason)."),
            why=why,
        )
    return verify_override(session, override)


def _text(value: str | None) -> str | None:
    cleaned = " ".join((value or "").split())
    return cleaned or None


def new_payment(
    registration: Registration,
    payment: PaymentInput,
    *,
    desk: str,
    staff: str,
    action_id: str,
    organization: str | None = None,
) -> Payment:
    """A payment row for ``registration`` from what staff entered, checked per method.

    Not added to any session. Cash: tendered (default: the amount) must cover the amount,
    and the change is computed. Card: the terminal's reference is required. Invoice: the
    ``organization`` billed is required. Complimentary: amount 0 (the supervisor's approval
    is the caller's, see :func:`approve`). Raises :class:`Invalid` with a clear message.
    """
    method = METHODS.get(payment.method)
    if method is None:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "Unknown payment method '{method}': cash, card, invoice or complimentary.",
            ),
            method=payment.method,
        )
    amount = to_money(payment.amount)
    reference = _text(payment.reference)
    tendered: Decimal | None = None
    change: Decimal | None = None
    if method == "cash":
        tendered = amount if payment.tendered is None else to_money(payment.tendered)
        if tendered < amount:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError", "The cash tendered ({tendered}) is less than the amount ({amount})."
                ),
                tendered=str(tendered),
                amount=str(amount),
            )
        change = tendered - amount
    elif method == "card":
        if reference is None:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError", "Enter the card terminal's reference (authorization number)."
                )
            )
    elif method == "invoice":
        billed = _text(organization)
        if billed is None:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "An invoice goes to an organization: enter its name.")
            )
        reference = billed if reference is None else f"{billed} — {reference}"
    elif amount != 0:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "A complimentary admission costs 0, not {amount}."),
            amount=str(amount),
        )
    return Payment(
        registration_id=registration.id,
        method=method,
        amount=amount,
        tendered=tendered,
        change_due=change,
        reference=reference[:120] if reference else None,
        received_at=datetime.now(UTC),
        desk=desk,
        staff=staff,
        action_id=action_id,
    )


def _replayed(session: Session, action_id: str, registration_id: int) -> Receipt | None:
    """The receipt of the payment already made under ``action_id``, if there is one."""
    existing = session.scalars(select(Payment).where(Payment.action_id == action_id)).first()
    if existing is None:
        return None
    receipt = session.scalars(select(Receipt).where(Receipt.payment_id == existing.id)).first()
    if existing.registration_id != registration_id or receipt is None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "AppError", "The desk action {action} was already used for another payment."
            ),
            action=action_id,
        )
    return receipt


def _balance_item(
    registration: Registration, paid_before: Decimal, flag_before: str | None
) -> ReceiptLine | None:
    event, category = registration.event, registration.category
    if flag_before == "balance-due":
        return ReceiptLine(
            f"Différence de tarif (sans adhésion active) — {event.name_fr}",
            f"Rate difference (no active membership) — {event.name_en}",
            1,
            ZERO,
            ZERO,
        )
    if paid_before > 0:
        return ReceiptLine(
            f"Solde de l'inscription — {event.name_fr} — {category.name_fr}",
            f"Balance of registration — {event.name_en} — {category.name_en}",
            1,
            ZERO,
            ZERO,
        )
    return None


def _priced(item: ReceiptLine | None, breakdown: TaxBreakdown) -> ReceiptLine | None:
    if item is None:
        return None
    return ReceiptLine(
        item.description_fr, item.description_en, 1, breakdown.subtotal, breakdown.subtotal
    )


def _collect(
    session: Session,
    registration_id: int,
    payment: PaymentInput,
    *,
    desk: str,
    staff: str,
    action_id: str,
    override: Override | None,
    receipt_series: str | None = None,
) -> Receipt:
    refuse_exhibitor(session, staff)  # a lead station never takes a payment
    registration = lock_registration(session, registration_id)
    replayed = _replayed(session, action_id, registration.id)
    if replayed is not None:
        return replayed
    if registration.status != RegistrationStatus.ACTIVE:
        raise Conflict(
            QT_TRANSLATE_NOOP("AppError", "This registration was cancelled; nothing to collect.")
        )
    balance = balance_owed(registration.amount_due, registration.amount_paid)
    if balance <= 0:
        raise Conflict(QT_TRANSLATE_NOOP("AppError", "Nothing is owed on this registration."))
    row = new_payment(registration, payment, desk=desk, staff=staff, action_id=action_id)
    if not ZERO < row.amount <= balance:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "The amount collected must be between 0.01 and the balance ({balance})."
            ),
            balance=str(balance),
        )
    supervisor = verify_override(session, override) if override is not None else None
    province = registration.event.province
    paid_before = registration.amount_paid
    if paid_before == 0:
        breakdown = default_breakdown(registration, row.amount)
    else:
        due = compute_taxes(province, paid_before + row.amount, taxes_included=True)
        breakdown = difference(due, paid_before, province)
    flag_before = registration.membership_flag
    session.add(row)
    registration.amount_paid = paid_before + row.amount
    if registration.amount_paid >= registration.amount_due and flag_before == "balance-due":
        registration.membership_flag = None
    session.flush()
    receipt = issue_receipt(
        session,
        registration,
        row,
        desk=desk,
        staff=staff,
        breakdown=breakdown,
        item=_priced(_balance_item(registration, paid_before, flag_before), breakdown),
        series=receipt_series,
    )
    audit.record(
        session,
        "payment.collected",
        desk=desk,
        staff=staff,
        subject=f"registration:{registration.id}",
        detail={
            "action_id": action_id,
            "method": row.method,
            "amount": str(row.amount),
            "change_due": None if row.change_due is None else str(row.change_due),
            "balance_before": str(balance),
            "balance_after": str(registration.amount_due - registration.amount_paid),
            "membership_flag_before": flag_before,
            "membership_flag": registration.membership_flag,
            "receipt": format_number(receipt.lines["series"], receipt.number),
            "supervisor": supervisor.name if supervisor else None,
            "override_reason": override.reason if override else None,
        },
    )
    return receipt


def collect_balance(
    sessions: sessionmaker[Session],
    registration_id: int,
    payment: PaymentInput,
    *,
    desk: str,
    staff: str,
    action_id: str | None = None,
    override: Override | None = None,
    receipt_series: str | None = None,
) -> IssuedReceipt:
    """Collect what a registration still owes, in cash or by card, with its receipt.

    In one transaction: the payment, the receipt for it (its taxes are the difference
    between the taxes on the new amount paid and on what was paid before, so both receipts
    together show the taxes on the right price), the registration's amount paid, and the
    "balance-due" membership flag cleared once the balance is settled; audited. A partial
    amount is accepted (0.01 up to the balance). Replaying the same ``action_id`` returns
    the same receipt and records nothing more. An ``override``, when given, is verified and
    its supervisor recorded; none is needed for cash or card. ``receipt_series`` numbers
    the receipt in another series than the event's (a desk's offline series).
    """
    if not counts_as_paid(payment.method):
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "A balance is collected in cash or by card; otherwise a supervisor overrides"
                " at check-in.",
            )
        )
    action = action_id or uuid.uuid4().hex
    try:
        with sessions.begin() as session:
            row = _collect(
                session,
                registration_id,
                payment,
                desk=desk,
                staff=staff,
                action_id=action,
                override=override,
                receipt_series=receipt_series,
            )
            data, view = receipt_data(row, copy=False), issued(row, b"")
    except IntegrityError:
        # Another desk committed the same action between our check and our insert.
        with sessions() as session:
            replayed = _replayed(session, action, registration_id)
            if replayed is None:
                raise
            data, view = receipt_data(replayed, copy=False), issued(replayed, b"")
    return IssuedReceipt(view.receipt_id, view.number, view.kind, view.total, render_receipt(data))
