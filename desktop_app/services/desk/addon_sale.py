"""F4's sale of add-ons to someone already registered (``passerelle pay --addon``): the
entitlements (``addons.sell_in``, within each session's seats), the payment and, for cash or
card, a receipt of the add-ons alone -- one transaction, replayed safely by its action id.

Free add-ons (a workshop at 0.00) are *reserved*, as pretix confirms a free order: the
entitlement within the seats (the same lock), an audit entry, and no payment row nor receipt
when everything chosen is free -- there is no money to account for. Mixed with priced ones,
the receipt keeps a 0.00 line for each free add-on, as pretix's invoices list free products
by default (``invoice_include_free``): the receipt says everything the buyer got for the
money, and the line totals still add up to what was paid."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import AuditEntry, Payment, Receipt
from desktop_app.documents.receipt import render_receipt
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid
from desktop_app.domain.money import ZERO
from desktop_app.services.admin import audit
from desktop_app.services.admin.staff import Override, refuse_exhibitor
from desktop_app.services.desk.addons import PAID_AT_THE_DESK, SOLD_FOR, sell_in
from desktop_app.services.money.payments import PaymentInput, new_payment
from desktop_app.services.money.receipt_store import (
    IssuedReceipt,
    format_number,
    issued,
    lock_registration,
    receipt_data,
)
from desktop_app.services.money.receipts import RECEIPTED_METHODS, issue_receipt

_T_AMOUNT = QT_TRANSLATE_NOOP(
    "AppError", "The amount {amount} is not the price of the add-ons ({total})."
)
_T_TO_PAY = QT_TRANSLATE_NOOP(
    "AppError", "These add-ons cost {total}: they are paid in cash or by card."
)
_T_NOTHING = QT_TRANSLATE_NOOP("AppError", "Choose at least one add-on to sell.")


@dataclass(frozen=True)
class AddOnResult:
    """What selling add-ons to a registration (F4) did."""

    registration_id: int
    codes: tuple[str, ...]
    total: Decimal
    receipt: IssuedReceipt | None  # cash and card only, as for any payment
    change_due: Decimal | None

    @property
    def reserved(self) -> bool:
        """Everything chosen was free: reserved, with no payment and no receipt."""
        return self.total == ZERO


_RESERVED = "addons.reserved"


def _reserved_before(session: Session, action_id: str, registration_id: int) -> AddOnResult | None:
    """The reservation ``action_id`` already made (it has no payment row to find it by)."""
    entries = session.scalars(
        select(AuditEntry).where(
            AuditEntry.action == _RESERVED,
            AuditEntry.subject == f"registration:{registration_id}",
        )
    )
    for entry in entries:
        detail = entry.detail or {}
        if detail.get("action_id") == action_id:
            codes = tuple(str(code) for code in detail.get("sessions", ()))
            return AddOnResult(registration_id, codes, ZERO, None, None)
    return None


def _replayed(session: Session, action_id: str, registration_id: int) -> Payment | None:
    existing = session.scalars(select(Payment).where(Payment.action_id == action_id)).first()
    if existing is not None and existing.registration_id != registration_id:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "AppError", "The desk action {action} was already used for another payment."
            ),
            action=action_id,
        )
    return existing


def _result(
    session: Session, payment: Payment, codes: tuple[str, ...]
) -> tuple[AddOnResult, Receipt | None]:
    receipt = session.scalars(select(Receipt).where(Receipt.payment_id == payment.id)).first()
    result = AddOnResult(
        registration_id=payment.registration_id,
        codes=codes,
        total=payment.amount,
        receipt=None,
        change_due=payment.change_due,
    )
    return result, receipt


def _sell_to(
    session: Session,
    registration_id: int,
    codes: tuple[str, ...],
    payment: PaymentInput | None,
    *,
    desk: str,
    staff: str,
    action_id: str,
    override: Override | None,
    receipt_series: str | None,
    at: datetime,
) -> tuple[AddOnResult, Receipt | None]:
    refuse_exhibitor(session, staff)  # a lead station never sells
    registration = lock_registration(session, registration_id)
    replayed = _replayed(session, action_id, registration.id)
    if replayed is not None:
        return _result(session, replayed, codes)
    reserved = _reserved_before(session, action_id, registration.id)
    if reserved is not None:
        return reserved, None
    if registration.status != RegistrationStatus.ACTIVE:
        raise Conflict(
            QT_TRANSLATE_NOOP("AppError", "This registration was cancelled; nothing is sold.")
        )
    sale = sell_in(
        session,
        registration,
        codes,
        override=override,
        desk=desk,
        staff=staff,
        action_id=action_id,
        at=at,
    )
    if sale.breakdown.total == ZERO:
        # Free: nothing to pay, so a payment given (the CLI's --payment) is ignored.
        audit.record(
            session,
            _RESERVED,
            desk=desk,
            staff=staff,
            subject=f"registration:{registration.id}",
            detail={"action_id": action_id, "sessions": [o.code for o in sale.sold]},
        )
        codes_sold = tuple(o.code for o in sale.sold)
        return AddOnResult(registration.id, codes_sold, ZERO, None, None), None
    if payment is None:
        raise Invalid(_T_TO_PAY, total=str(sale.breakdown.total))
    if payment.method not in SOLD_FOR:
        raise Invalid(PAID_AT_THE_DESK)
    if payment.amount != sale.breakdown.total:
        raise Invalid(_T_AMOUNT, amount=str(payment.amount), total=str(sale.breakdown.total))
    row = new_payment(
        registration,
        payment,
        desk=desk,
        staff=staff,
        action_id=action_id,
        organization=registration.person.organization_name,
    )
    row.received_at = at
    session.add(row)
    session.flush()
    receipt = None
    if row.method in RECEIPTED_METHODS:
        receipt = issue_receipt(
            session,
            registration,
            row,
            desk=desk,
            staff=staff,
            breakdown=sale.breakdown,
            lines=sale.lines,
            taxes_included=False,
            series=receipt_series,
        )
    result = AddOnResult(
        registration_id=registration.id,
        codes=tuple(o.code for o in sale.sold),
        total=row.amount,
        receipt=None,
        change_due=row.change_due,
    )
    audit.record(
        session,
        "addons.paid",
        desk=desk,
        staff=staff,
        subject=f"registration:{registration.id}",
        detail={
            "action_id": action_id,
            "method": row.method,
            "amount": str(row.amount),
            "receipt": format_number(receipt.lines["series"], receipt.number) if receipt else None,
        },
    )
    return result, receipt


def sell_addons(
    sessions: sessionmaker[Session],
    registration_id: int,
    codes: Sequence[str],
    payment: PaymentInput | None,
    *,
    desk: str,
    staff: str,
    action_id: str | None = None,
    override: Override | None = None,
    receipt_series: str | None = None,
    at: datetime | None = None,
) -> AddOnResult:
    """Sell the add-ons ``codes`` to a registered person (F4, ``passerelle pay --addon``).

    In one transaction: the entitlements (within each session's seats; a full one needs
    ``override``), the payment (exactly the add-ons' total; cash, card or invoice), and for
    cash or card a receipt of the add-ons alone, one line each. When every add-on chosen is
    free they are reserved: no payment (``payment`` may be ``None``; one given is ignored)
    and no receipt. Replaying ``action_id`` returns the first result and writes nothing more.
    """
    wanted = tuple(code.strip() for code in codes if code.strip())
    if not wanted:
        raise Invalid(_T_NOTHING)
    action = action_id or uuid.uuid4().hex
    moment = at or datetime.now(UTC)
    try:
        with sessions.begin() as session:
            result, receipt = _sell_to(
                session,
                registration_id,
                wanted,
                payment,
                desk=desk,
                staff=staff,
                action_id=action,
                override=override,
                receipt_series=receipt_series,
                at=moment,
            )
            data = receipt_data(receipt, copy=False) if receipt else None
            view = issued(receipt, b"") if receipt else None
    except IntegrityError:
        # The same action committed by a retry on another connection: report it.
        with sessions() as session:
            replayed = _replayed(session, action, registration_id)
            if replayed is None:
                reserved = _reserved_before(session, action, registration_id)
                if reserved is None:
                    raise
                return reserved
            result, receipt = _result(session, replayed, wanted)
            data = receipt_data(receipt, copy=False) if receipt else None
            view = issued(receipt, b"") if receipt else None
    if data is None or view is None:
        return result
    pdf = render_receipt(data)
    return AddOnResult(
        result.registration_id,
        result.codes,
        result.total,
        IssuedReceipt(view.receipt_id, view.number, view.kind, view.total, pdf),
        result.change_due,
    )


__all__ = ["AddOnResult", "sell_addons"]
