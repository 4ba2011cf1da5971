"""Money as ``Decimal`` dollars and cents: strict parsing, half-up rounding, display.

Floats never enter: ``0.1 + 0.2`` is not a price, and a receipt an accountant accepts must
add up to the cent. Every amount that leaves this module has exactly two decimals.
"""

from __future__ import annotations

import re
import unicodedata
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

    For values the program already holds (stored amounts, computed totals); text typed by
    people or read from their files goes through :func:`parse_money`, which knows the
    conventions people write and the ceiling of a line.
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


# --- Amounts written by people: one parser for files, event files and the command line ---------

LINE_CEILING = Decimal("100000.00")
"""The largest amount one line (a price, a payment, an amount paid) may hold unless the event
file raises it (``max_line_amount``): larger is a typing or export error, not a registration."""
HIGHEST_CEILING = Decimal("10000000.00")
"""The largest ceiling an event file may set (the database holds far more; people never do)."""
_LONGEST_AMOUNT = 1000  # characters read at all; a cell of a million digits is not an amount
_SHOWN = 40  # characters of a refused amount quoted in its message, so it stays one line

_CURRENCY = re.compile(r"(?:CA\$|C\$|US\$|\$CA|\$US|CAD|USD|EUR|\$|€|£)", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']")
_FREE = frozenset({"free", "gratuit", "gratuite"})

_T_NOT_AMOUNT = QT_TRANSLATE_NOOP(
    "AppError",
    "{field}: “{text}” is not an amount in dollars and cents. Write it like 1234.56 or 1 234,56 $.",
)
_T_CENTS = QT_TRANSLATE_NOOP(
    "AppError", "{field}: “{text}” has more than two decimals (fractions of a cent)."
)
_T_NEGATIVE = QT_TRANSLATE_NOOP("AppError", "{field}: “{text}” is negative; it cannot be here.")
_T_CEILING = QT_TRANSLATE_NOOP(
    "AppError",
    "{field}: “{text}” is above {ceiling}, the most one line may hold (an event file can"
    " raise it with max_line_amount).",
)


class MoneyError(Invalid):
    """An amount someone wrote that is not dollars and cents within bounds; the message names
    the field (the caller adds the row or line)."""


def parse_money(
    value: str | int | Decimal,
    *,
    field: str,
    ceiling: Decimal | None = LINE_CEILING,
    allow_negative: bool = False,
) -> Decimal:
    """Read an amount written by a person or a file into dollars and cents (two decimals).

    The one reader of money from outside: event-file prices, pretix / Eventbrite / generic
    amounts, command-line amounts. Accepted: digits with at most two decimals, a decimal
    point or a French decimal comma, currency signs and codes ($, CA$, CAD, €...), spaces
    (including French narrow no-break spaces) and, when both ``.`` and ``,`` appear, the
    other one grouping thousands (``1.234,56`` = ``$1,234.56``); a lone comma followed by
    one or two digits is decimal (``12,5``), by three it groups thousands (``1,234``);
    ``(12.50)`` and ``-12.50`` are negative; "Free" / "Gratuit" is zero. Refused with
    :class:`MoneyError` naming ``field``: anything else (exponents such as ``1e3``, NaN,
    infinities, floats, badly grouped thousands, blanks), fractions of a cent, negative
    amounts unless ``allow_negative``, and amounts above ``ceiling`` (``None``: no ceiling).
    """
    text = str(value).strip()
    if len(text) > _SHOWN:
        text = f"{text[:_SHOWN]}…"
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise MoneyError(_T_NOT_AMOUNT, field=field, text=text)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise MoneyError(_T_NOT_AMOUNT, field=field, text=text)
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    else:
        read = _read_amount(value) if len(value) <= _LONGEST_AMOUNT else None
        if read is None:
            raise MoneyError(_T_NOT_AMOUNT, field=field, text=text)
        amount = read
    if amount < 0 and not allow_negative:
        raise MoneyError(_T_NEGATIVE, field=field, text=text)
    # The ceiling before any rounding: a huge amount never reaches quantize or the database.
    if ceiling is not None and abs(amount) > ceiling:
        raise MoneyError(_T_CEILING, field=field, text=text, ceiling=f"{ceiling:.2f}")
    try:
        cents = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # no ceiling and more digits than the context holds
        raise MoneyError(_T_NOT_AMOUNT, field=field, text=text) from None
    if cents != amount:
        raise MoneyError(_T_CENTS, field=field, text=text)
    return cents if cents != 0 else ZERO


def _read_amount(value: str) -> Decimal | None:
    """The number ``value`` writes, or ``None``; the grammar of :func:`parse_money`."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", value))
    if not text:
        return None
    if _fold(text) in _FREE:
        return Decimal(0)
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    text = _CURRENCY.sub("", text)
    if text.startswith(("-", "−")):
        negative, text = not negative, text[1:]
    elif text.endswith(("-", "−")):
        negative, text = not negative, text[:-1]
    text = _CURRENCY.sub("", text)  # "-$5" leaves "$5" after the sign
    number = _plain_number(text)
    if number is None:
        return None
    amount = Decimal(number)  # digits and one dot only: always a finite Decimal
    return -amount if negative else amount


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _grouped(integer: str, separator: str) -> bool:
    return re.fullmatch(r"\d{1,3}(?:" + re.escape(separator) + r"\d{3})+", integer) is not None


def _plain_number(text: str) -> str | None:
    """``text`` as ASCII digits with an optional ``.`` decimal part, or ``None``."""
    if not text or not re.fullmatch(r"[0-9.,]+", text) or not any(c.isdigit() for c in text):
        return None
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        integer, _, fraction = text.rpartition(decimal_sep)
        if decimal_sep in integer or not fraction.isdigit() or not _grouped(integer, group_sep):
            return None
        return integer.replace(group_sep, "") + "." + fraction
    if has_comma:
        if text.count(",") == 1:
            integer, _, fraction = text.partition(",")
            if len(fraction) in (1, 2) and (integer.isdigit() or integer == ""):
                return (integer or "0") + "." + fraction
            if len(fraction) == 3 and integer.isdigit() and len(integer) <= 3:
                return integer + fraction
            return None
        return text.replace(",", "") if _grouped(text, ",") else None
    if has_dot:
        if text.count(".") == 1:
            integer, _, fraction = text.partition(".")
            if fraction.isdigit() and (integer.isdigit() or integer == ""):
                return (integer or "0") + "." + fraction
            return None
        return text.replace(".", "") if _grouped(text, ".") else None
    return text


def typed_amount(text: str, *, ceiling: Decimal | None = LINE_CEILING) -> Decimal | None:
    """An amount typed at the desk ("50", "50.00", "50,00 $", "$1,234.50", "1 234,50"), as
    the interface itself writes them in French or English; ``None`` if unreadable, negative
    or above ``ceiling``. The same reading as :func:`parse_money`, for fields that show their
    own hint rather than a message.
    """
    try:
        amount = parse_money(text, field="", ceiling=ceiling)
    except MoneyError:
        return None
    return amount
