"""Small text helpers shared by the desk's parts."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.money import format_money
from desktop_app.ui.dialogs.common import interface_language


def money(amount: Decimal) -> str:
    """``amount`` written the way the interface language writes dollars."""
    return format_money(amount, "fr" if interface_language() == "fr" else "en")


def credit_advice(name: str, credit: Decimal, refundable: Decimal) -> str:
    """What staff say and do when ``name`` is owed ``credit`` (the card and the band alike):
    F4 refunds what the desk's receipts cover; money taken online is refunded there."""
    if refundable >= credit:
        return QCoreApplication.translate(
            "CreditDue", "{name} is owed {amount} — F4: refund it with a credit note."
        ).format(name=name, amount=money(credit))
    if refundable > 0:
        return QCoreApplication.translate(
            "CreditDue",
            "{name} is owed {amount} — F4: refund {here} with a credit note; the rest was"
            " paid online: refund it there.",
        ).format(name=name, amount=money(credit), here=money(refundable))
    return QCoreApplication.translate(
        "CreditDue", "{name} is owed {amount} — paid online: refund it through the online store."
    ).format(name=name, amount=money(credit))
