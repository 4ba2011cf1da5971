"""A credit due, paid back at the desk: credit notes on the receipts the desk issued.

A person is owed money when they paid more than their registration now costs (a membership
found after they paid the non-member rate, a cheaper category): ``amount_paid - amount_due``
(:func:`~desktop_app.domain.accounts.credit_owed`). An issued receipt never changes, so the
refund is a credit note referring to a receipt, with the money paid back recorded as a
negative payment (cash or card). Only receipts the desk issued can be credited here; money
taken by an online store is refunded there (its receipt is the store's).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Receipt
from desktop_app.documents.receipt import render_receipt
from desktop_app.domain.accounts import credit_owed
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict
from desktop_app.domain.money import ZERO
from desktop_app.domain.names import display_name
from desktop_app.services.money.credit_notes import REFUND_METHODS, credit_note_in
from desktop_app.services.money.receipt_store import (
    IssuedReceipt,
    issued,
    lock_registration,
    receipt_data,
)

__all__ = ["REFUND_METHODS", "creditable", "refund_credit_due"]


def _left_per_receipt(session: Session, registration_id: int) -> list[tuple[int, Decimal]]:
    """Each desk receipt of the registration with what its credit notes left, newest first."""
    rows: Sequence[Receipt] = session.scalars(
        select(Receipt)
        .where(Receipt.registration_id == registration_id)
        .order_by(Receipt.issued_at.desc(), Receipt.id.desc())
    ).all()
    credited: dict[int, Decimal] = {}
    for row in rows:
        if row.kind == "credit-note" and row.refers_to_id is not None:
            credited[row.refers_to_id] = credited.get(row.refers_to_id, ZERO) + row.total
    lefts = [
        (row.id, row.total + credited.get(row.id, ZERO)) for row in rows if row.kind == "receipt"
    ]
    return [(receipt_id, left) for receipt_id, left in lefts if left > 0]


def creditable(session: Session, registration_id: int) -> Decimal:
    """What the desk's receipts of the registration can still be credited, in total."""
    return sum((left for _id, left in _left_per_receipt(session, registration_id)), ZERO)


def refund_credit_due(
    sessions: sessionmaker[Session],
    registration_id: int,
    *,
    method: str,
    reason: str,
    desk: str,
    staff: str,
) -> tuple[IssuedReceipt, ...]:
    """Pay back what the registration is owed, with credit notes, in one transaction.

    The credit due (paid minus due) is credited on the registration's desk receipts, newest
    first (one credit note each, usually one), the money paid back in ``method`` ("cash" or
    "card") is recorded and the "credit-due" flag cleared. When the desk's receipts cover
    only part of it, that part is refunded (the rest was paid elsewhere). :class:`Conflict`
    when nothing is owed back or no desk receipt is left to credit. Audited per credit note.
    """
    with sessions.begin() as session:
        registration = lock_registration(session, registration_id)
        name = display_name(registration.person.first_name, registration.person.last_name)
        owed = credit_owed(registration.amount_due, registration.amount_paid)
        if owed <= 0:
            raise Conflict(
                QT_TRANSLATE_NOOP("AppError", "Nothing is owed back to {name}."), name=name
            )
        lefts = _left_per_receipt(session, registration.id)
        if not lefts:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "{name} is owed {amount}, but no receipt of the desk is left to credit:"
                    " refund it where it was paid (the online store).",
                ),
                name=name,
                amount=str(owed),
            )
        rows: list[Receipt] = []
        for receipt_id, left in lefts:
            if owed <= 0:
                break
            part = min(left, owed)
            rows.append(
                credit_note_in(
                    session,
                    receipt_id,
                    amount=part,
                    reason=reason,
                    desk=desk,
                    staff=staff,
                    refund=method,
                )
            )
            owed -= part
        printable = [(issued(row, b""), receipt_data(row, copy=False)) for row in rows]
    return tuple(
        IssuedReceipt(view.receipt_id, view.number, view.kind, view.total, render_receipt(data))
        for view, data in printable
    )
