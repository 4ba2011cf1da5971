"""Finding the receipts of an event at the desk: by printed number, registration code or name.

The desk's "Receipts…" dialog lists what this returns and reprints (a COPIE / COPY, audited
by :func:`receipts.reprint_receipt`) or saves the one chosen. An event issues at most a few
thousand receipts, so matching a name accent- and case-blind is done here, in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Event, Receipt, ReceiptSeries, Registration
from desktop_app.domain.codes import preferred
from desktop_app.domain.names import fold
from desktop_app.services.money.receipt_store import format_number, get_receipt, money

MAX_FOUND = 200


@dataclass(frozen=True)
class ReceiptSummary:
    """One receipt or credit note as the lookup lists it."""

    receipt_id: int
    number: str
    kind: str  # "receipt" or "credit-note"
    issued_at: datetime  # in the event's time zone
    buyer_name: str
    registration_code: str
    total: Decimal
    credit_notes: tuple[str, ...]  # numbers of the credit notes correcting this receipt
    refers_to: str | None  # a credit note: the receipt it corrects


def find_receipts(sessions: sessionmaker[Session], slug: str, query: str) -> list[ReceiptSummary]:
    """The receipts and credit notes of event ``slug`` matching ``query``, newest first.

    ``query`` is a printed number (or its digits), a registration code, or part of the
    buyer's name (accents and case ignored); empty lists the latest ones. At most
    ``MAX_FOUND``.
    """
    wanted = fold(query.strip())
    with sessions() as session:
        rows = session.execute(
            select(Receipt, ReceiptSeries.code, Registration.code)
            .join(ReceiptSeries, ReceiptSeries.id == Receipt.series_id)
            .join(Registration, Registration.id == Receipt.registration_id)
            .join(Event, Event.id == Registration.event_id)
            .where(Event.slug == slug)
            .order_by(Receipt.issued_at.desc(), Receipt.id.desc())
        ).all()
        numbers = {row.id: format_number(series, row.number) for row, series, _code in rows}
        notes: dict[int, list[str]] = {}
        for row, _series, _code in rows:
            if row.refers_to_id is not None:
                notes.setdefault(row.refers_to_id, []).append(numbers[row.id])
        # The registration whose code was typed, in its best stored form (exact first).
        code = preferred({c: c for _row, _series, c in rows}, query)
        found: list[ReceiptSummary] = []
        for row, _series, registration_code in rows:
            number = numbers[row.id]
            if wanted and not (
                wanted in fold(number)
                or (wanted.isdigit() and int(wanted) == row.number)
                or registration_code == code
                or wanted in fold(f"{row.buyer_name} {row.buyer_organization or ''}")
            ):
                continue
            zone = ZoneInfo(row.lines.get("timezone") or "UTC")
            found.append(
                ReceiptSummary(
                    receipt_id=row.id,
                    number=number,
                    kind=row.kind,
                    issued_at=row.issued_at.astimezone(zone),
                    buyer_name=row.buyer_name,
                    registration_code=registration_code,
                    total=row.total,
                    credit_notes=tuple(reversed(notes.get(row.id, []))),
                    refers_to=numbers.get(row.refers_to_id) if row.refers_to_id else None,
                )
            )
            if len(found) >= MAX_FOUND:
                break
        return found


@dataclass(frozen=True)
class TaxFigure:
    """One tax line of an issued receipt: code (GST, QST, HST), rate and amount."""

    code: str
    rate: Decimal
    amount: Decimal


@dataclass(frozen=True)
class ReceiptFigures:
    """What an issued receipt says in figures, for a command's report."""

    number: str
    subtotal: Decimal
    taxes: tuple[TaxFigure, ...]
    total: Decimal
    taxes_included: bool
    tendered: Decimal | None
    change_due: Decimal | None


def receipt_figures(sessions: sessionmaker[Session], receipt_id: int) -> ReceiptFigures:
    """The figures of receipt ``receipt_id`` as issued (its stored snapshot, not recomputed)."""
    with sessions() as session:
        row = get_receipt(session, receipt_id)
        payment = row.lines.get("payment") or {}
        return ReceiptFigures(
            number=format_number(row.lines["series"], row.number),
            subtotal=row.subtotal,
            taxes=tuple(
                TaxFigure(str(t["code"]), Decimal(t["rate"]), money(t["amount"]))
                for t in row.taxes["lines"]
            ),
            total=row.total,
            taxes_included=row.taxes_included,
            tendered=money(payment["tendered"]) if payment.get("tendered") else None,
            change_due=money(payment["change_due"]) if payment.get("change_due") else None,
        )
