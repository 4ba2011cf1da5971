"""Add-ons in the money reports: each receipt split into the admission and the add-ons (sessions
with a price: a gala, a paid workshop) it sold, so the associations see what each brought in.

A receipt line that sold an add-on carries the session's code and its own taxes
(``addons.addon_line``); the admission is what is left of the receipt, so the parts add up
to the receipt to the cent, whatever else it holds. A credit note that reverses a receipt
whole keeps each line's session and taxes (negated); a partial credit names the receipt's
first line and takes the credit whole, as it prints ("Partial credit — <first line>").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.db.models import EventSession, Receipt, Registration, RegistrationSession
from desktop_app.documents.report_data import Cell, Pair, Section
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.money import ZERO, to_money

ADMISSIONS = "admissions"
"""The key of the admissions' line in a desk closing's sales (add-ons go by session code)."""


def _money(value: Any) -> Decimal:
    return to_money(str(value), allow_negative=True)


@dataclass(frozen=True)
class Part:
    """What one receipt took for one thing: before taxes, each tax (by code), total."""

    subtotal: Decimal
    taxes: tuple[tuple[str, Decimal], ...]
    total: Decimal


@dataclass(frozen=True)
class ReceiptSplit:
    """A receipt (or credit note) as the admission and the add-ons it sold."""

    admission: Part | None  # None: the receipt sold add-ons only (F4)
    addons: tuple[tuple[str, Part], ...]  # (session code, its part), one per line


def receipt_tax_lines(receipt: Receipt) -> tuple[tuple[str, Decimal], ...]:
    """The receipt's tax lines as (code, amount)."""
    return tuple((str(t["code"]), _money(t["amount"])) for t in receipt.taxes["lines"])


def split_receipt(receipt: Receipt) -> ReceiptSplit:
    """``receipt`` split into its admission (what is left) and its add-on lines."""
    items: list[dict[str, Any]] = receipt.lines["items"]
    whole = receipt_tax_lines(receipt)
    addons: list[tuple[str, Part]] = []
    for item in items:
        code = item.get("session")
        if not code:
            continue
        subtotal = _money(item["amount"])
        if "taxes" in item:
            taxes = tuple((str(t["code"]), _money(t["amount"])) for t in item["taxes"])
        else:  # a partial credit: its one line takes the credit note's taxes
            taxes = whole if len(items) == 1 else ()
        addons.append((str(code), Part(subtotal, taxes, subtotal + sum(a for _, a in taxes))))
    left_taxes = dict(whole)
    for _, part in addons:
        for code, amount in part.taxes:
            left_taxes[code] = left_taxes.get(code, ZERO) - amount
    admission = Part(
        receipt.subtotal - sum((p.subtotal for _, p in addons), ZERO),
        tuple(left_taxes.items()),
        receipt.total - sum((p.total for _, p in addons), ZERO),
    )
    sold_admission = any(not item.get("session") for item in items)
    if not sold_admission and admission.total == 0 and admission.subtotal == 0:
        return ReceiptSplit(None, tuple(addons))
    return ReceiptSplit(admission, tuple(addons))


class Tally:
    """A running line: count, subtotal, taxes by code, total."""

    def __init__(self) -> None:
        self.count = 0
        self.subtotal = ZERO
        self.total = ZERO
        self.taxes: dict[str, Decimal] = defaultdict(lambda: ZERO)

    def add(self, subtotal: Decimal, taxes: Iterable[tuple[str, Decimal]], total: Decimal) -> None:
        """Add one receipt's (or one part's) amounts; the caller counts what it sells."""
        self.subtotal += subtotal
        self.total += total
        for code, amount in taxes:
            self.taxes[code] += amount

    def add_part(self, part: Part) -> None:
        """Add ``part``'s amounts."""
        self.add(part.subtotal, part.taxes, part.total)

    def to_json(self, codes: Iterable[str]) -> dict[str, Any]:
        """The line as a closing's snapshot stores it: money as strings of dollars."""
        return {
            "count": self.count,
            "subtotal": f"{self.subtotal:.2f}",
            "taxes": {code: f"{self.taxes.get(code, ZERO):.2f}" for code in codes},
            "total": f"{self.total:.2f}",
        }


def session_names(session: Session, event_id: int) -> dict[str, tuple[str, str]]:
    """The event's sessions' names (French, English) by code, in the event file's order."""
    return {
        code: (name_fr, name_en)
        for code, name_fr, name_en in session.execute(
            select(EventSession.code, EventSession.name_fr, EventSession.name_en)
            .where(EventSession.event_id == event_id)
            .order_by(EventSession.position, EventSession.id)
        )
    }


def in_file_order(codes: Iterable[str], names: dict[str, tuple[str, str]]) -> list[str]:
    """Session ``codes`` in the event file's order (``names`` from :func:`session_names`);
    one the file no longer has goes last."""
    order = list(names)
    return sorted(codes, key=lambda c: (order.index(c) if c in order else len(order), c))


def sold_at_desk(session: Session, event_id: int) -> dict[str, int]:
    """Add-ons sold at the desk (walk-in form, F4) to active registrations, by session code:
    the part of a session's entitled people the desk brought in."""
    return {
        str(code): int(n)
        for code, n in session.execute(
            select(EventSession.code, func.count())
            .join(RegistrationSession, RegistrationSession.session_id == EventSession.id)
            .join(Registration, Registration.id == RegistrationSession.registration_id)
            .where(
                EventSession.event_id == event_id,
                RegistrationSession.source == "desk",
                Registration.status == RegistrationStatus.ACTIVE.value,
            )
            .group_by(EventSession.code)
        )
    }


def tax_order(code: str) -> tuple[int, str]:
    """GST, QST, then HST: the order the reports print taxes in."""
    order = {"GST": 0, "TPS": 0, "QST": 1, "TVQ": 1, "HST": 2, "TVH": 2}
    return order.get(code.upper(), 9), code


def desk_sales(
    session: Session, event_id: int, desk: str, since: datetime | None, until: datetime
) -> dict[str, Any]:
    """The receipts ``desk`` issued in (``since``, ``until``] as the admissions' line and one
    line per add-on, with their total: a desk closing's ``sales`` (the total is what the
    receipts and credit notes add up to)."""
    query = (
        select(Receipt)
        .join(Registration, Registration.id == Receipt.registration_id)
        .where(Registration.event_id == event_id, Receipt.desk == desk, Receipt.issued_at <= until)
        .order_by(Receipt.id)
    )
    if since is not None:
        query = query.where(Receipt.issued_at > since)
    admissions, total = Tally(), Tally()
    addons: dict[str, Tally] = {}
    codes: set[str] = set()
    for receipt in session.scalars(query):
        is_receipt = receipt.kind == "receipt"
        split = split_receipt(receipt)
        total.add(receipt.subtotal, receipt_tax_lines(receipt), receipt.total)
        total.count += is_receipt
        codes.update(code for code, _ in receipt_tax_lines(receipt))
        if split.admission is not None:
            admissions.add_part(split.admission)
            admissions.count += is_receipt
        for code, part in split.addons:
            line = addons.setdefault(code, Tally())
            line.add_part(part)
            line.count += is_receipt
    ordered = sorted(codes, key=tax_order)
    names = session_names(session, event_id)
    return {
        "tax_codes": ordered,
        "lines": [
            {"key": ADMISSIONS, **admissions.to_json(ordered)},
            *(
                {
                    "key": code,
                    "name_fr": names.get(code, (code, code))[0],
                    "name_en": names.get(code, (code, code))[1],
                    **addons[code].to_json(ordered),
                }
                for code in in_file_order(addons, names)
            ),
        ],
        "total": total.to_json(ordered),
    }


def desk_sales_sections(sales: dict[str, Any] | None) -> tuple[Section, ...]:
    """A closing's ``sales`` as its table: the admissions, each add-on sold, their total (a
    closing stored before add-ons were counted apart has none)."""
    if not sales or not sales["lines"]:
        return ()
    codes: list[str] = sales["tax_codes"]

    def row(key: Cell, line: dict[str, Any]) -> tuple[Cell, ...]:
        taxes = (Decimal(line["taxes"].get(code, "0")) for code in codes)
        return (key, line["count"], Decimal(line["subtotal"]), *taxes, Decimal(line["total"]))

    return (
        Section(
            "desk_sales",
            ("what", "count", "subtotal", *codes, "total"),
            (
                *(
                    row(
                        Pair(line["name_fr"], line["name_en"])
                        if "name_fr" in line
                        else "admissions",
                        line,
                    )
                    for line in sales["lines"]
                ),
                row("receipted", sales["total"]),
            ),
            frozenset({0}),
        ),
    )
