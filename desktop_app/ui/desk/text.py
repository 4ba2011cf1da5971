"""Small text helpers shared by the desk's parts."""

from __future__ import annotations

from decimal import Decimal

from desktop_app.domain.money import format_money
from desktop_app.ui.dialogs.common import interface_language


def money(amount: Decimal) -> str:
    """``amount`` written the way the interface language writes dollars."""
    return format_money(amount, "fr" if interface_language() == "fr" else "en")
