"""One row of a registration file read into plain values: who, which category, paid what.

No database here: :mod:`.registration_import` decides what the rows change. A row that cannot
be read raises :class:`RowProblem` with a translatable reason; the importer rejects that row
and carries on with the others.

How the three layouts say what was paid:

- **generic**: an amount column (Montant payé, Amount paid, Total…) and/or a yes/no paid
  column (Payé, Paid); a status of pending / en attente / unpaid means nothing was paid. A
  file with neither amount nor paid column is taken as paid in full at the categories' prices.
- **pretix** (order positions): ``Price`` is the position's price, taxes included; the order
  ``Status`` says ``paid`` or ``pending`` (nothing paid yet).
- **Eventbrite** (attendee report): ``Total Paid`` less ``Fees Paid`` (the service fees the
  buyer paid on top, which are not the ticket's price).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from desktop_app.domain.codes import normalise_code
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, Message
from desktop_app.domain.money import LINE_CEILING, parse_money
from desktop_app.domain.names import fold, normalize_email, person_key, split_full_name
from desktop_app.importing.column_values import parse_email
from desktop_app.importing.columns import (
    ColumnMap,
    normalise_header,
    parse_language,
    parse_yes_no,
    status_is_active,
)
from desktop_app.importing.dates import parse_date
from desktop_app.importing.tables import MAX_CELL_CHARS, TableRow

_T_OVERSIZED = QT_TRANSLATE_NOOP(
    "AppError", "The “{column}” cell is {length} characters long; at most {limit} are accepted."
)
_T_NO_NAME = QT_TRANSLATE_NOOP("AppError", "The row has no name.")
_T_NO_CATEGORY = QT_TRANSLATE_NOOP(
    "AppError", "The row has no ticket type or category. This event's categories: {categories}."
)
_T_UNKNOWN_CATEGORY = QT_TRANSLATE_NOOP(
    "AppError",
    "The ticket type “{product}” is none of this event's categories ({categories}). Map it "
    "with --map-category “{product}=CODE”.",
)
_T_UNKNOWN_CLOSEST = QT_TRANSLATE_NOOP(
    "AppError",
    "The ticket type “{product}” is none of this event's categories; the closest is "
    "{closest}. Map it with --map-category “{product}=CODE” (categories: {categories}).",
)
_T_NEGATIVE = QT_TRANSLATE_NOOP("AppError", "The amount paid “{text}” is negative.")
_T_BAD_DATE = QT_TRANSLATE_NOOP("AppError", "{column}: {problem}")
_INCLUSIVE = re.compile(r"[·•⋅]\w+")
"""Inclusive-writing endings ("Conférencier·ère", "Étudiant·e"): the name without them."""


def _joined(name: str) -> str:
    """The inclusive form's other reading: "Étudiant·e" as "Étudiante"."""
    return re.sub(r"[·•⋅]", "", name)


def _name_keys(name_fr: str, name_en: str, code: str) -> list[str]:
    """Every way a file may write a category: each name (also without inclusive endings),
    the code, and both names joined in either order (" / ", " - ", " | " fold to a space)."""
    keys: list[str] = []
    variants_fr = {name_fr, _INCLUSIVE.sub("", name_fr), _joined(name_fr)}
    variants_en = {name_en, _INCLUSIVE.sub("", name_en), _joined(name_en)}
    for name in (*variants_fr, *variants_en, code):
        keys.append(fold(name))
    for french in variants_fr:
        for english in variants_en:
            keys.append(fold(f"{french} {english}"))
            keys.append(fold(f"{english} {french}"))
    return [key for key in keys if key]


_T_TOO_LONG = QT_TRANSLATE_NOOP(
    "AppError", "The “{column}” value is {length} characters long; at most {limit} are accepted."
)
# The database's column widths (db.models): a longer value rejects its row, not the file.
LIMITS = {"code": 128, "first_name": 200, "last_name": 200, "email": 320, "organization": 300}

_UNPAID_STATUSES = (
    "pending", "en attente", "unpaid", "not paid", "impaye", "non paye", "awaiting payment",
    "a payer", "outstanding",
)  # fmt: skip
_FEES_PAID = normalise_header("Fees Paid")
_NAME_SEPARATOR = " – "


class RowProblem(Exception):
    """A row that cannot be imported, with the reason as a translatable message."""

    def __init__(self, template: str, **params: Any) -> None:
        self.message = Message(template, **params)
        super().__init__(self.message.render())


class NamedCategory(Protocol):
    """What the matcher needs of an event's price category: its code and its two names
    (the services' ``CategoryChoice`` and the stored category both have them)."""

    @property
    def code(self) -> str: ...

    @property
    def name_fr(self) -> str: ...

    @property
    def name_en(self) -> str: ...


class CategoryMatcher:
    """Finds the event's price category for a product or ticket type as the file writes it.

    The explicit mapping (product → category code) comes first, then the categories' French
    and English names and codes, compared without accents, case or punctuation. A pretix
    variation is tried with its product ("Forum – Membre"), then the product, then alone.
    """

    def __init__(self, categories: Sequence[NamedCategory], mapping: Mapping[str, str]) -> None:
        self.categories = tuple(categories)
        self.explicit = {fold(product): code for product, code in mapping.items()}
        self.names: dict[str, str] = {}
        for category in self.categories:
            for key in _name_keys(category.name_fr, category.name_en, category.code):
                self.names.setdefault(key, category.code)

    def listing(self) -> str:
        """The categories for an error message: code (French name / English name)."""
        return ", ".join(f"{c.code} ({c.name_fr} / {c.name_en})" for c in self.categories)

    def match(self, product: str, variation: str = "") -> str:
        """The category code for ``product`` (and ``variation``); :class:`RowProblem` if none."""
        tries = [product]
        if variation:
            tries = [f"{product}{_NAME_SEPARATOR}{variation}", product, variation]
        # As written, then without inclusive endings ("Étudiant·e" for a plain "Étudiant").
        keys = list(
            dict.fromkeys(
                [fold(t) for t in tries if t.strip()]
                + [fold(_INCLUSIVE.sub("", t)) for t in tries if t.strip()]
            )
        )
        if not keys:
            raise RowProblem(_T_NO_CATEGORY, categories=self.listing())
        for table in (self.explicit, self.names):
            for key in keys:
                if key in table:
                    return table[key]
        shown = tries[0] if product.strip() else variation
        closest = self._closest(keys[0])
        if closest is not None:
            raise RowProblem(
                _T_UNKNOWN_CLOSEST, product=shown, closest=closest, categories=self.listing()
            )
        raise RowProblem(_T_UNKNOWN_CATEGORY, product=shown, categories=self.listing())

    def _closest(self, key: str) -> str | None:
        """The category whose name is closest to ``key``, when close enough to suggest."""
        from rapidfuzz import fuzz, process

        found = process.extractOne(key, list(self.names), scorer=fuzz.token_set_ratio)
        if found is None or found[1] < 70:
            return None
        code = self.names[found[0]]
        category = next(c for c in self.categories if c.code == code)
        return f"{code} ({category.name_fr} / {category.name_en})"


@dataclass(frozen=True)
class RowStatus:
    """A row's code (if the file gives one) and whether it is an active registration."""

    number: int
    code: str | None
    active: bool


@dataclass(frozen=True)
class ParsedRow:
    """An active registration read from one row."""

    number: int
    code: str | None
    first_name: str
    last_name: str
    email: str | None
    organization: str | None
    member_number: str | None
    language: str | None
    category_code: str
    price: Decimal | None
    """The amount the file gives (for Eventbrite, less the buyer's fees), if any."""
    paid: bool | None
    """Whether the file says it was paid: ``None`` when it does not say."""
    ordered_on: date | None

    def amounts(self, layout: str, list_total: Decimal) -> tuple[Decimal, Decimal]:
        """(amount due, amount paid) before any membership check.

        pretix and Eventbrite give the price actually charged (discounts included), which is
        then what was due; a generic file's amount is what was paid, against the category's
        list price (``list_total``). Without an amount, a row not said unpaid is paid in full.
        """
        due = self.price if self.price is not None and layout != "generic" else list_total
        if self.paid is False:
            return due, Decimal("0.00")
        return due, self.price if self.price is not None else due


class RowReader:
    """Reads rows of one file with its column map."""

    def __init__(
        self,
        columns: ColumnMap,
        headers: Iterable[str],
        matcher: CategoryMatcher,
        ceiling: Decimal = LINE_CEILING,
    ):
        self.columns = columns
        self.ceiling = ceiling  # the most one row's amount may be (the event's max_line_amount)
        self.layout = columns.layout
        self.matcher = matcher
        self.fees_header = (
            next((h for h in headers if normalise_header(h) == _FEES_PAID), None)
            if self.layout == "eventbrite"
            else None
        )

    def value(self, row: TableRow, name: str) -> str:
        """The cell of field ``name`` in ``row``."""
        return self.columns.value(row, name)

    def status(self, row: TableRow) -> RowStatus:
        """The row's code and status; :class:`RowProblem` for an oversized cell."""
        problem = row.problem()  # undecodable bytes (see TableRow.problem)
        if problem is not None:
            raise RowProblem(problem.template, **problem.params)
        for header in row.oversized_columns():
            raise RowProblem(
                _T_OVERSIZED, column=header, length=len(row.cells[header]), limit=MAX_CELL_CHARS
            )
        active = status_is_active(self.layout, self.value(row, "status"))
        return RowStatus(row.number, self.code(row), active)

    def code(self, row: TableRow) -> str | None:
        """The ticket's own code, or a stable substitute from the order, or ``None``."""
        code = normalise_code(self.value(row, "code"))
        if code:
            return code
        attendee = self.value(row, "attendee_number").strip()
        order = self.value(row, "order_code").strip()
        if self.layout == "pretix" and order and attendee:
            return f"{order}-{attendee}"
        if self.layout == "eventbrite" and attendee:
            return attendee
        return None

    def names(self, row: TableRow) -> tuple[str, str]:
        """(first name, last name) from their columns, else split from a full name."""
        first = self.value(row, "first_name")
        last = self.value(row, "last_name")
        if not (first or last):
            full = self.value(row, "full_name")
            first, last = split_full_name(full) if full else ("", "")
        return first, last

    def identity(self, row: TableRow) -> tuple[str, str]:
        """Who a row without a code is: (normalised email or "", person key)."""
        first, last = self.names(row)
        return normalize_email(self.value(row, "email")) or "", person_key(first, last)

    def parse(self, row: TableRow, status: RowStatus) -> ParsedRow:
        """An active row read into a :class:`ParsedRow`; :class:`RowProblem` if it cannot be."""
        first, last = self.names(row)
        if not (first or last):
            raise RowProblem(_T_NO_NAME)
        category = self.matcher.match(self.value(row, "category"), self.value(row, "variation"))
        price, paid = self._payment(row)
        email = self._email(row)
        values = {
            "code": status.code or "",
            "first_name": first,
            "last_name": last,
            "email": self.value(row, "email"),
            "organization": self.value(row, "organization"),
        }
        for field, text in values.items():
            if len(text) > LIMITS[field]:
                column = self.columns.header(field) or self.columns.header("full_name") or field
                raise RowProblem(_T_TOO_LONG, column=column, length=len(text), limit=LIMITS[field])
        return ParsedRow(
            number=row.number,
            code=status.code,
            first_name=first,
            last_name=last,
            email=email,
            organization=self.value(row, "organization") or None,
            member_number=self.value(row, "member_number") or None,
            language=parse_language(self.value(row, "language")),
            category_code=category,
            price=price,
            paid=paid,
            ordered_on=self._ordered_on(row),
        )

    def _payment(self, row: TableRow) -> tuple[Decimal | None, bool | None]:
        try:
            paid = parse_yes_no(self.value(row, "paid"))
            amount = self._amount(self.value(row, "amount_paid"), "amount_paid")
            if amount is not None and self.fees_header:
                fees = self._amount(row.get(self.fees_header), self.fees_header)
                if fees is not None and Decimal(0) < fees <= amount:
                    amount -= fees
        except Invalid as error:
            raise RowProblem(error.template, **error.params) from error
        status = self.value(row, "status")
        pending_code = self.layout == "pretix" and fold(status) == "n"  # pretix: n is pending
        if paid is None and (pending_code or _unpaid_status(status)):
            paid = False
        return amount, paid

    def _amount(self, text: str, field: str) -> Decimal | None:
        """A money cell by the one money parser (blank: ``None``), its column named."""
        if not text.strip():
            return None
        column = self.columns.header(field) or field
        amount = parse_money(text, field=column, ceiling=self.ceiling, allow_negative=True)
        if amount < 0:  # a refund row: said so in the import's own words
            raise RowProblem(_T_NEGATIVE, text=text)
        return amount

    def _email(self, row: TableRow) -> str | None:
        """The attendee's address by the import's one email validator (as the member import)."""
        try:
            return parse_email(
                self.value(row, "email"), column=self.columns.header("email") or "email"
            )
        except Invalid as error:
            raise RowProblem(error.template, **error.params) from error

    def _ordered_on(self, row: TableRow) -> date | None:
        """The order date; an impossible one rejects the row, because it decides which rate
        was on sale (a blank one leaves the import time, as documented)."""
        text = self.value(row, "order_date")
        if not text:
            return None
        try:
            return parse_date(text)
        except Invalid as error:
            raise RowProblem(
                _T_BAD_DATE,
                column=self.columns.header("order_date") or "order_date",
                problem=Message(error.template, **error.params),
            ) from error


def _unpaid_status(value: str) -> bool:
    folded = fold(value)
    return any(re.search(rf"\b{word}\b", folded) for word in _UNPAID_STATUSES)


def order_moment(day: date | None, timezone: str, default: datetime) -> datetime:
    """Noon of the order day in the event's time zone (sale windows are whole days)."""
    if day is None:
        return default
    return datetime.combine(day, time(12), tzinfo=ZoneInfo(timezone))
