"""Dates as people type them in spreadsheets, read into ``date`` (:func:`parse_date`):

- ISO ``2026-03-31`` (also ``2026/03/31``, ``20260331``, and with a time: ``2026-03-31 14:05``,
  ``2026-03-31T14:05:00-04:00``);
- numeric day first: ``31/03/2026``, ``31-03-2026``, ``31.03.2026``. An ambiguous ``03/04/2026``
  is **3 April**, as Canadian French writes it. A date impossible day first, such as
  ``03/31/2026``, is refused rather than silently read month first, because in the same file the
  ambiguous dates would have been misread. Two-digit years are refused for the same reason
  (``26-03-31`` could be either end first);
- written in French or English, with or without weekday, ordinal and comma: ``31 mars 2026``,
  ``1er avril 2026``, ``31 MARS 2026``, ``mars 31, 2026``, ``March 31, 2026``, ``31 March 2026``,
  ``Mar 31 2026``, ``Tuesday, March 31st, 2026``, ``le mardi 31 mars 2026 à 9 h``;
- Excel serial day numbers (as numbers from a workbook, or as text between 1950 and 2100), and
  ``date`` / ``datetime`` objects.

Amounts are read by :func:`desktop_app.domain.money.parse_money`, the one reader of money
written by people (``1 234,56 $``, ``$1,234.56``...), with its ceiling per line.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01, counting Excel's phantom 1900-02-29
_MAX_EXCEL_SERIAL = 2958465  # 9999-12-31
# Serial numbers typed as text are only believed in a plausible range, so that "2026" or a
# member number is never taken for a date.
_TEXT_SERIAL_RANGE = (18264, 73415)  # 1950-01-01 .. 2100-12-31

MONTHS: dict[str, int] = {
    # French, accents removed (the text is folded before lookup)
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "octobre": 10,
    "novembre": 11, "decembre": 12,
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_WEEKDAYS = frozenset(
    {
        # French, full and abbreviated
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
        # English, full and abbreviated
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    }
)  # fmt: skip
_FILLERS = frozenset({"le", "the", "of", "de", "du", "on"})
_ORDINALS = frozenset({"er", "re", "e", "eme", "st", "nd", "rd", "th"})

_ISO = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_COMPACT_ISO = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_FIRST = re.compile(
    r"(\d{1,2})([-/.])(\d{1,2})\2(\d{2,4})"
    r"(?:[T ]+\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?",
    re.IGNORECASE,
)
_SERIAL = re.compile(r"\d{1,7}(?:\.\d+)?")
# A trailing time on a written date: "10:00", "10:00 AM", "9 h", "9 h 30", "à 9h30", "at 9:00".
_TRAILING_TIME = re.compile(
    r"(?:\s+(?:a|at|@))?\s+\d{1,2}(?:\s*[:h]\s*\d{0,2})(?::\d{2})?(?:\s*[ap]\.?m\.?)?\s*$"
    r"|(?:\s+(?:a|at|@))?\s+\d{1,2}\s*[ap]\.?m\.?\s*$",
    re.IGNORECASE,
)


def _invalid_date(text: object) -> Invalid:
    return Invalid(
        QT_TRANSLATE_NOOP(
            "AppError",
            "Unrecognised date “{text}”. Write it like 2026-03-31, 31/03/2026 or 31 mars 2026.",
        ),
        text=str(text),
    )


def _fold(text: str) -> str:
    """Lower case without accents, for month names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _make_date(year: int, month: int, day: int, text: object) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "“{text}” is not a real date (dates are read day first, as 31/03/2026).",
            ),
            text=str(text),
        ) from None


def from_excel_serial(serial: float, text: object | None = None) -> date:
    """The date of an Excel (1900 system) serial day number; a fraction (the time) is dropped."""
    if not 1 <= serial <= _MAX_EXCEL_SERIAL:
        raise _invalid_date(serial if text is None else text)
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(value: str | date | datetime | float) -> date:
    """The date ``value`` denotes, in any of the styles listed in this module's docstring.

    Raises :class:`Invalid` quoting the text when it is blank, unrecognised or impossible.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise _invalid_date(value)
    if isinstance(value, int | float):
        return from_excel_serial(value)

    text = unicodedata.normalize("NFC", value).strip()
    if not text:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "The date is empty."))

    if match := _ISO.fullmatch(text):
        return _make_date(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _DAY_FIRST.fullmatch(text):
        if len(match[4]) != 4:
            raise _invalid_date(text)
        return _make_date(int(match[4]), int(match[3]), int(match[1]), text)
    if match := _COMPACT_ISO.fullmatch(text):
        return _make_date(int(match[1]), int(match[2]), int(match[3]), text)
    if _SERIAL.fullmatch(text):
        serial = float(text)
        low, high = _TEXT_SERIAL_RANGE
        if low <= serial <= high:
            return from_excel_serial(serial, text)
        raise _invalid_date(text)
    written = _written_date(text)
    if written is None:
        raise _invalid_date(text)
    return written


def parse_optional_date(value: str | date | datetime | float | None) -> date | None:
    """Like :func:`parse_date`, but a blank cell (or ``None``) is ``None``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value)


def _written_date(text: str) -> date | None:
    """A date written with a month name in French or English, or ``None``."""
    folded = _TRAILING_TIME.sub("", _fold(text))
    tokens = re.findall(r"[a-z]+|\d+", folded)
    kept: list[str] = []
    for token in tokens:
        if (token in _WEEKDAYS and token not in MONTHS) or token in _FILLERS:
            continue
        if token in _ORDINALS and kept and kept[-1].isdigit():
            continue
        kept.append(token)
    if len(kept) == 4 and kept[0] in _WEEKDAYS:  # "mar" is both Tuesday and March
        kept = kept[1:]
    if len(kept) != 3:
        return None
    months = [t for t in kept if t in MONTHS]
    numbers = [t for t in kept if t.isdigit()]
    if len(months) != 1 or len(numbers) != 2:
        return None
    month = MONTHS[months[0]]
    day_text, year_text = numbers
    if len(day_text) > 2 or len(year_text) != 4:
        return None
    return _make_date(int(year_text), month, int(day_text), text)
