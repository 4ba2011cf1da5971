"""Money as ``Decimal`` dollars and cents: strict parsing, half-up rounding, display.

Floats never enter: ``0.1 + 0.2`` is not a price, and a receipt an accountant accepts must
add up to the cent. Every amount that leaves this module has exactly two decimals.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

Language = Literal["fr", "en"]

# Digits with an optional sign and an optional decimal part; a comma is accepted as the decimal
# separator because French-speaking staff type "12,50". Thousands separators are refused:
# "1,234" would mean 1234 to an English reader and 1.234 to a French one.
_AMOUNT = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")

# French typography: a narrow no-break space between thousands, a no-break space before "$".
_FR_THOUSANDS = "\u202f"
_FR_BEFORE_SYMBOL = "\u00a0"


def _invalid_amount(value: object) -> Invalid:
    return Invalid(
        QT_TRANSLATE_NOOP("AppError", "'{value}' is not an amount in dollars and cents."),
        value=value,
    )


def round_cents(value: Decimal | int) -> Decimal:
    """``value`` rounded half-up to the cent (0.005 becomes 0.01), as tax authorities round."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise _invalid_amount(value)
    amount = Decimal(value)
    if not amount.is_finite():
        raise _invalid_amount(value)
    try:
        rounded = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as error:  # more digits than the decimal context holds
        raise _invalid_amount(value) from error
    # -0.00 would print as "-0.00" on a receipt; a zero has no sign.
    return rounded if rounded != 0 else ZERO


def to_money(value: str | int | Decimal, *, allow_negative: bool = False) -> Decimal:
    """Parse an amount given as text, an integer or a ``Decimal`` into dollars and cents.

    Strict on purpose: floats, ``NaN``, infinities, thousands separators and fractions of a
    cent are refused with :class:`Invalid` rather than guessed at. Negative amounts are refused
    unless ``allow_negative`` (credit notes, refunds). The result always has two decimals.
    """
    if isinstance(value, bool):  # bool is an int, but True dollars is a bug upstream
        raise _invalid_amount(value)
    if isinstance(value, str):
        text = value.strip()
        if not _AMOUNT.match(text):
            raise _invalid_amount(value)
        amount = Decimal(text.replace(",", "."))
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise _invalid_amount(value)
        amount = value
    else:  # float and anything else
        raise _invalid_amount(value)
    cents = round_cents(amount)
    if cents != amount:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{value}' has a fraction of a cent."), value=value
        )
    if cents < 0 and not allow_negative:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{value}' is negative; an amount here cannot be."),
            value=value,
        )
    return cents


def typed_amount(text: str) -> Decimal | None:
    """An amount typed at the desk ("50", "50.00", "50,00 $", "$1,234.50", "1 234,50"), as
    the interface itself writes them in French or English; ``None`` if unreadable.

    A comma followed by exactly two digits at the end is a decimal comma (French); any other
    comma groups thousands.
    """
    cleaned = text.replace("$", "").replace("\u00a0", "").replace("\u202f", "").strip()
    cleaned = cleaned.replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." not in cleaned and len(cleaned.rsplit(",", 1)[1]) in (1, 2):
        cleaned = cleaned[::-1].replace(",", ".", 1)[::-1]
    cleaned = cleaned.replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        return None
    return value.quantize(Decimal("0.01"))


def format_money(amount: Decimal | int, language: Language) -> str:
    """``amount`` as a reader of ``language`` expects it: "1 234,56 $" or "$1,234.56".

    French uses a narrow no-break space between thousands and a no-break space before the
    dollar sign, so the amount never wraps on a receipt or badge. Negative amounts (credit
    notes) carry a leading minus sign.
    """
    if language not in ("fr", "en"):
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{value}' is not a language (fr or en)."),
            value=language,
        )
    cents = round_cents(amount)
    sign = "-" if cents < 0 else ""
    digits = f"{abs(cents):,.2f}"  # "1,234.56"
    if language == "en":
        return f"{sign}${digits}"
    french = digits.replace(",", _FR_THOUSANDS).replace(".", ",")
    return f"{sign}{french}{_FR_BEFORE_SYMBOL}$"
