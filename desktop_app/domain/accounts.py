"""What a registration owes and what counts as money received: one rule each.

A registration records what it costs (``amount_due``) and what was received for it
(``amount_paid``). Cash and card are money received at the desk (they get a receipt and
settle a balance); an invoice is billed later and a complimentary registration costs
nothing, so neither settles anything.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from desktop_app.domain.money import ZERO


class PaymentMethod(StrEnum):
    """How a registration was paid at the desk."""

    CASH = "cash"
    CARD = "card"
    INVOICE = "invoice"
    COMPLIMENTARY = "complimentary"


class RegistrationStatus(StrEnum):
    """Whether a registration still admits its holder."""

    ACTIVE = "active"
    CANCELLED = "cancelled"


RECEIVED_METHODS = frozenset({PaymentMethod.CASH, PaymentMethod.CARD})
"""Payments that are money received at the desk: they get a receipt and settle a balance."""


def counts_as_paid(method: str) -> bool:
    """Whether a payment by ``method`` is money received (cash or card)."""
    return method in RECEIVED_METHODS


def balance_owed(amount_due: Decimal, amount_paid: Decimal) -> Decimal:
    """What the person still owes: due minus paid, never negative."""
    return max(amount_due - amount_paid, ZERO)


def credit_owed(amount_due: Decimal, amount_paid: Decimal) -> Decimal:
    """What is owed back to the person: paid minus due, never negative."""
    return max(amount_paid - amount_due, ZERO)


__all__ = [
    "RECEIVED_METHODS",
    "PaymentMethod",
    "RegistrationStatus",
    "balance_owed",
    "counts_as_paid",
    "credit_owed",
]
