"""Sales and taxes of one event: what the treasurer needs for the GST/QST/HST return.

Receipted sales (cash and card) come from the issued receipts themselves, credit notes
subtracted (they are stored with negative amounts): the tax totals are, to the cent, the sum
of what the receipts and credit notes printed. A credit note counts under its original
receipt's payment method and category. Invoices (billed later by the association's
accounts, receipted when paid) and complimentary admissions are counted apart: they carry
no receipt and no tax collected at the desk.

Add-ons (sessions sold with a price at the walk-in form or F4) have their own lines, one per
session, apart from the categories, which count admissions only (``addon_sales``): the
categories and the add-ons together add up to the receipted total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from desktop_app.db.models import Payment, PriceCategory, Receipt, ReceiptSeries, Registration
from desktop_app.domain.accounts import PaymentMethod
from desktop_app.domain.money import ZERO
from desktop_app.domain.taxes import compute_taxes
from desktop_app.services.reports.addon_sales import (
    Tally,
    in_file_order,
    receipt_tax_lines,
    session_names,
    split_receipt,
    tax_order,
)
from desktop_app.services.reports.common import EventHeading, load_heading

# How payments.method stores each method (complimentary is stored "comp").
_STORED = {
    PaymentMethod.CASH: "cash",
    PaymentMethod.CARD: "card",
    PaymentMethod.INVOICE: "invoice",
    PaymentMethod.COMPLIMENTARY: "comp",
}


@dataclass(frozen=True)
class SalesRow:
    """Count, amount before taxes, each tax (by code) and total of one line of the report."""

    key: str
    count: int
    subtotal: Decimal
    taxes: tuple[tuple[str, Decimal], ...]
    total: Decimal
    label_fr: str = ""
    label_en: str = ""

    def tax(self, code: str) -> Decimal:
        """The amount of tax ``code`` (GST, QST, HST) on this line."""
        return dict(self.taxes).get(code, ZERO)

    def label(self, language: str) -> str:
        """What the line is called in ``language``."""
        return (self.label_fr if language == "fr" else self.label_en) or self.key

    def to_json(self, name: str | None) -> dict[str, Any]:
        """The line for ``--json`` (named ``name`` when given); money as strings of dollars."""
        return {
            **({name: self.key} if name else {}),
            "count": self.count,
            "subtotal": f"{self.subtotal:.2f}",
            "taxes": {code: f"{amount:.2f}" for code, amount in self.taxes},
            "total": f"{self.total:.2f}",
        }


@dataclass(frozen=True)
class SeriesRange:
    """The receipt numbers one series issued for the event."""

    series: str
    first: int
    last: int
    receipts: int
    credit_notes: int

    def to_json(self) -> dict[str, Any]:
        """The range for ``--json``."""
        return {
            "series": self.series,
            "first": self.first,
            "last": self.last,
            "count": self.receipts + self.credit_notes,
            "receipts": self.receipts,
            "credit_notes": self.credit_notes,
        }


@dataclass(frozen=True)
class SalesReport:
    """Report 3: one event's sales by category and by payment method, and its taxes."""

    event: EventHeading
    tax_codes: tuple[str, ...]
    by_category: tuple[SalesRow, ...]  # admissions only
    by_method: tuple[SalesRow, ...]
    totals: SalesRow
    receipts: int
    credit_notes: int
    series: tuple[SeriesRange, ...]
    by_addon: tuple[SalesRow, ...] = ()  # one line per add-on sold, by session code

    def to_json(self) -> dict[str, Any]:
        """The shape documented in README.md (``passerelle report sales --json``)."""
        return {
            "event": self.event.slug,
            "tax_codes": list(self.tax_codes),
            "by_category": [row.to_json("category") for row in self.by_category],
            "by_addon": [row.to_json("session") for row in self.by_addon],
            "by_method": [row.to_json("method") for row in self.by_method],
            "totals": {
                **self.totals.to_json(None),
                "receipts": self.receipts,
                "credit_notes": self.credit_notes,
            },
            "receipt_numbers": [item.to_json() for item in self.series],
        }


def _row(
    line: Tally, key: str, codes: tuple[str, ...], label_fr: str = "", label_en: str = ""
) -> SalesRow:
    return SalesRow(
        key,
        line.count,
        line.subtotal,
        tuple((code, line.taxes.get(code, ZERO)) for code in codes),
        line.total,
        label_fr,
        label_en,
    )


def sales_report(sessions: sessionmaker[Session], slug: str) -> SalesReport:
    """Report 3 for event ``slug`` (``NotFound`` when there is no such event)."""
    with sessions() as session:
        event_id, heading = load_heading(session, slug)
        return _sales(session, event_id, heading)


def _sales(session: Session, event_id: int, heading: EventHeading) -> SalesReport:
    rows = session.execute(
        select(Receipt, PriceCategory.code, PriceCategory.name_fr, PriceCategory.name_en)
        .join(Registration, Registration.id == Receipt.registration_id)
        .join(PriceCategory, PriceCategory.id == Registration.category_id)
        .where(Registration.event_id == event_id)
        .order_by(Receipt.id)
    ).all()
    method_of: dict[int, str] = {}
    for receipt, *_ in rows:
        if receipt.kind == "receipt":
            method_of[receipt.id] = str(receipt.lines["payment"]["method"] or PaymentMethod.CASH)

    codes: list[str] = []
    categories: dict[str, Tally] = {}
    names: dict[str, tuple[str, str]] = {}
    addons: dict[str, Tally] = {}
    methods: dict[str, Tally] = {m.value: Tally() for m in PaymentMethod}
    totals = Tally()
    receipts = credit_notes = 0
    for receipt, code, name_fr, name_en in rows:
        taxes = receipt_tax_lines(receipt)
        for tax_code, _ in taxes:
            if tax_code not in codes:
                codes.append(tax_code)
        is_receipt = receipt.kind == "receipt"
        method = method_of.get(receipt.id if is_receipt else receipt.refers_to_id or 0, "cash")
        for line in (methods.setdefault(method, Tally()), totals):
            line.add(receipt.subtotal, taxes, receipt.total)
            line.count += is_receipt
        split = split_receipt(receipt)
        if split.admission is not None:
            names[code] = (name_fr, name_en)
            category = categories.setdefault(code, Tally())
            category.add_part(split.admission)
            category.count += is_receipt
        for session_code, part in split.addons:
            addon = addons.setdefault(session_code, Tally())
            addon.add_part(part)
            addon.count += is_receipt  # one per add-on sold
        if is_receipt:
            receipts += 1
        else:
            credit_notes += 1

    # Invoices and complimentary admissions: payments without a receipt, counted apart (not
    # in the receipted totals). An invoice's taxes are those its amount includes.
    for method in (PaymentMethod.INVOICE, PaymentMethod.COMPLIMENTARY):
        line = methods[method.value]
        for (amount,) in session.execute(
            select(Payment.amount)
            .join(Registration, Registration.id == Payment.registration_id)
            .where(Registration.event_id == event_id, Payment.method == _STORED[method])
        ):
            breakdown = compute_taxes(heading.province, amount, taxes_included=True)
            line.count += 1
            line.add(breakdown.subtotal, ((t.code, t.amount) for t in breakdown.taxes), amount)
            for tax in breakdown.taxes:
                if tax.code not in codes:
                    codes.append(tax.code)

    tax_codes = tuple(sorted(codes, key=tax_order))
    sessions = session_names(session, event_id)
    return SalesReport(
        event=heading,
        tax_codes=tax_codes,
        by_category=tuple(
            _row(line, code, tax_codes, *names.get(code, ("", "")))
            for code, line in categories.items()
        ),
        by_method=tuple(_row(methods[m.value], m.value, tax_codes) for m in PaymentMethod),
        totals=_row(totals, "receipted", tax_codes),
        receipts=receipts,
        credit_notes=credit_notes,
        series=_series(session, event_id),
        by_addon=tuple(
            _row(addons[code], code, tax_codes, *sessions.get(code, ("", "")))
            for code in in_file_order(addons, sessions)
        ),
    )


def _series(session: Session, event_id: int) -> tuple[SeriesRange, ...]:
    result = session.execute(
        select(
            ReceiptSeries.code,
            func.min(Receipt.number),
            func.max(Receipt.number),
            func.sum(case((Receipt.kind == "receipt", 1), else_=0)),
            func.count(),
        )
        .join(ReceiptSeries, ReceiptSeries.id == Receipt.series_id)
        .join(Registration, Registration.id == Receipt.registration_id)
        .where(Registration.event_id == event_id)
        .group_by(ReceiptSeries.code)
        .order_by(ReceiptSeries.code)
    )
    return tuple(
        SeriesRange(
            str(code), int(first), int(last), int(issued or 0), int(count) - int(issued or 0)
        )
        for code, first, last, issued, count in result
    )


@dataclass(frozen=True)
class MethodTotal:
    """One payment method's count and amounts (taxes together), for the live view."""

    method: str
    count: int
    subtotal: Decimal
    total: Decimal


@dataclass(frozen=True)
class SalesSummary:
    """What the Reports window shows of the sales: sums in SQL only (no receipt is read),
    so a refresh stays cheap at thousands of receipts. The full report (``sales_report``)
    splits the taxes by code."""

    by_method: tuple[MethodTotal, ...]
    subtotal: Decimal  # receipted, credit notes subtracted
    total: Decimal
    receipts: int
    credit_notes: int
    series: tuple[SeriesRange, ...]

    @property
    def taxes(self) -> Decimal:
        """Every tax of the receipted sales together."""
        return self.total - self.subtotal


def sales_summary(session: Session, event_id: int) -> SalesSummary:
    """The live view's sales for event ``event_id``, in the caller's session."""
    original = aliased(Receipt)
    paid_by = aliased(Payment)
    first_paid_by = aliased(Payment)
    method = case((Receipt.kind == "receipt", paid_by.method), else_=first_paid_by.method)
    lines: dict[str, list[Any]] = {m.value: [0, ZERO, ZERO] for m in PaymentMethod}
    subtotal = total = ZERO
    receipts = credit_notes = 0
    for how, kind, count, sub, tot in session.execute(
        select(
            method, Receipt.kind, func.count(), func.sum(Receipt.subtotal), func.sum(Receipt.total)
        )
        .join(Registration, Registration.id == Receipt.registration_id)
        .outerjoin(paid_by, paid_by.id == Receipt.payment_id)
        .outerjoin(original, original.id == Receipt.refers_to_id)
        .outerjoin(first_paid_by, first_paid_by.id == original.payment_id)
        .where(Registration.event_id == event_id)
        .group_by(method, Receipt.kind)
    ):
        line = lines.setdefault(str(how or "cash"), [0, ZERO, ZERO])
        if kind == "receipt":
            line[0] += int(count)
            receipts += int(count)
        else:
            credit_notes += int(count)
        line[1] += sub or ZERO
        line[2] += tot or ZERO
        subtotal += sub or ZERO
        total += tot or ZERO
    for stored, count, amount in session.execute(
        select(Payment.method, func.count(), func.sum(Payment.amount))
        .join(Registration, Registration.id == Payment.registration_id)
        .where(
            Registration.event_id == event_id,
            Payment.method.in_(
                (_STORED[PaymentMethod.INVOICE], _STORED[PaymentMethod.COMPLIMENTARY])
            ),
        )
        .group_by(Payment.method)
    ):
        key = (
            PaymentMethod.INVOICE.value
            if stored == "invoice"
            else PaymentMethod.COMPLIMENTARY.value
        )
        lines[key][0] += int(count)
        lines[key][2] += amount or ZERO
    return SalesSummary(
        by_method=tuple(MethodTotal(m.value, *lines[m.value]) for m in PaymentMethod),
        subtotal=subtotal,
        total=total,
        receipts=receipts,
        credit_notes=credit_notes,
        series=_series(session, event_id),
    )
