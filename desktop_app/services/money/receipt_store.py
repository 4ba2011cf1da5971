"""Receipt rows: gapless numbering per series, the immutable snapshot, and reading it back.

Numbering. Each event has one series, named after its slug in capitals
(``FORUM-MONTREAL-2027``; a slug longer than 32 characters keeps 23 of them and a hash), and
a receipt prints as ``<series>-<number:06d>``. One series per event rather than per year:
an event is one supply by one seller, its credit notes (possibly issued the next year) stay
beside the receipts they correct, and the event slug already names the year. The number is
taken by ``UPDATE receipt_series SET next_number = next_number + 1 ... RETURNING`` inside the
caller's transaction: on PostgreSQL that UPDATE holds the series row's lock until commit (what
``SELECT ... FOR UPDATE`` would), on SQLite it starts the write transaction, and SQLite has
one writer at a time. A transaction that fails after taking a number rolls the number back
with everything else, so numbers are unique and gapless.

Snapshot. A receipt row holds everything the PDF shows (seller and its GST/HST and QST
numbers, items, each tax with rate and amount, buyer, payment, terms, language, time zone),
so :func:`receipt_data` gives back the same document years later whatever happened to the
event since. Database triggers refuse UPDATE and DELETE on ``receipts``.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from desktop_app.db.models import Receipt, ReceiptSeries, Registration
from desktop_app.documents.receipt import (
    LanguageOrder,
    ReceiptData,
    ReceiptLine,
    ReceiptTax,
    check_receipt,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound
from desktop_app.domain.money import to_money
from desktop_app.domain.taxes import TaxBreakdown, TaxLine

SERIES_LENGTH = 32
"""``ReceiptSeries.code`` holds at most this many characters."""


@dataclass(frozen=True)
class Seat:
    """An add-on's session, named for a message: its code and names."""

    code: str
    name_fr: str
    name_en: str


@dataclass(frozen=True)
class IssuedReceipt:
    """A receipt or credit note as issued: its row id, printed number, kind, total and PDF;
    for a credit note refunding add-ons, the seats it released and those it kept (the
    person was already checked in to the session)."""

    receipt_id: int
    number: str
    kind: str
    total: Decimal
    pdf: bytes
    seats_released: tuple[Seat, ...] = ()
    seats_kept: tuple[Seat, ...] = ()


# -- numbering -------------------------------------------------------------------------------


def series_code(slug: str) -> str:
    """The receipt series of the event ``slug``: the slug in capitals, at most 32 characters."""
    code = slug.upper()
    if len(code) <= SERIES_LENGTH:
        return code
    digest = base64.b32encode(hashlib.sha256(slug.encode()).digest()).decode()[:8]
    return f"{code[:23]}-{digest}"


def format_number(series: str, number: int) -> str:
    """A receipt's printed number: ``FORUM-MONTREAL-2027-000042``."""
    return f"{series}-{number:06d}"


def parse_number(text: str) -> tuple[str, int]:
    """The series and number of a printed receipt number, or :class:`Invalid`."""
    series, _, digits = text.strip().upper().rpartition("-")
    if not series or not digits.isdigit():
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "'{value}' is not a receipt number (such as FORUM-2027-000042)."
            ),
            value=text,
        )
    return series, int(digits)


def take_number(session: Session, code: str) -> tuple[int, int]:
    """Take the next number of series ``code`` in this transaction: ``(series_id, number)``."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(ReceiptSeries)
        .values(code=code, next_number=1)
        .on_conflict_do_nothing(index_elements=["code"])
    )
    row = session.execute(
        update(ReceiptSeries)
        .where(ReceiptSeries.code == code)
        .values(next_number=ReceiptSeries.next_number + 1)
        .returning(ReceiptSeries.id, ReceiptSeries.next_number)
        .execution_options(synchronize_session=False)
    ).one()
    return int(row[0]), int(row[1]) - 1


# -- what a receipt says ---------------------------------------------------------------------


def receipt_language(province: str) -> LanguageOrder:
    """French first in Québec (Charter, s. 57 and 89); English first elsewhere; always both."""
    return "fr-en" if province == "QC" else "en-fr"


TERMS = {
    "receipt": (
        "Payé en entier au comptoir d'inscription",
        "Paid in full at the registration desk",
    ),
    "refund": ("Remboursé", "Refunded"),
    "credit": ("Crédit sans remboursement", "Credit, no refund"),
}
"""Payment terms printed on receipts (required from $500), French and English."""


def bilingual(pair: tuple[str, str], language: LanguageOrder) -> str:
    """A French/English pair as one text, in the document's language order."""
    french, english = pair
    return f"{french} / {english}" if language == "fr-en" else f"{english} / {french}"


def money(value: Any) -> Decimal:
    """An amount stored as text in the snapshot, back as ``Decimal`` (negative allowed)."""
    return to_money(str(value), allow_negative=True)


def _optional_money(value: Any) -> Decimal | None:
    return None if value is None else money(value)


def _item_json(line: ReceiptLine) -> dict[str, Any]:
    return {
        "description_fr": line.description_fr,
        "description_en": line.description_en,
        "quantity": line.quantity,
        "unit_amount": str(line.unit_amount),
        "amount": str(line.amount),
        **({"taxes": [_tax_json(tax) for tax in line.taxes]} if line.taxes else {}),
        **({"session": line.session} if line.session else {}),
    }


def _tax_json(line: TaxLine | ReceiptTax) -> dict[str, Any]:
    return {
        "code": line.code,
        "name_fr": line.name_fr,
        "name_en": line.name_en,
        "rate": str(line.rate),
        "amount": str(line.amount),
    }


def receipt_taxes(breakdown: TaxBreakdown) -> tuple[ReceiptTax, ...]:
    """The tax lines of ``breakdown`` as the receipt document prints them."""
    return tuple(
        ReceiptTax(t.name_fr, t.name_en, t.code, t.rate, t.amount) for t in breakdown.taxes
    )


@dataclass(frozen=True)
class Draft:
    """A receipt about to be written: the printable data and the row's extra columns."""

    data: ReceiptData
    registration_id: int
    payment_id: int | None
    refers_to_id: int | None
    series_id: int


def write_receipt(
    session: Session, draft: Draft, *, timezone: str, desk: str, staff: str
) -> Receipt:
    """Check the draft as the PDF will (tiers, sums, GST/QST numbers), then insert its row."""
    data = draft.data
    check_receipt(data)
    row = Receipt(
        series_id=draft.series_id,
        number=data.number,
        kind=data.kind,
        issued_at=data.issued_at,
        registration_id=draft.registration_id,
        payment_id=draft.payment_id,
        refers_to_id=draft.refers_to_id,
        buyer_name=data.buyer_name or "",
        buyer_organization=data.buyer_organization,
        seller={
            "legal_name": data.seller_name,
            "address": data.seller_address,
            "gst_hst_number": data.gst_hst_number,
            "qst_number": data.qst_number,
        },
        lines={
            "items": [_item_json(line) for line in data.lines],
            "payment": {
                "method": data.payment_method,
                "reference": data.payment_reference,
                "tendered": None if data.amount_tendered is None else str(data.amount_tendered),
                "change_due": None if data.change_due is None else str(data.change_due),
            },
            "payment_terms": data.payment_terms,
            "language": data.language,
            "timezone": timezone,
            "series": data.series,
            "refers_to": data.refers_to,
            "reason": data.reason,
        },
        taxes={"lines": [_tax_json(tax) for tax in data.taxes]},
        subtotal=data.subtotal,
        total=data.total,
        taxes_included=data.taxes_included,
        desk=desk,
        staff=staff,
    )
    session.add(row)
    session.flush()
    return row


# -- reading back ----------------------------------------------------------------------------


def receipt_data(row: Receipt, *, copy: bool) -> ReceiptData:
    """The printable data of a stored receipt; ``copy`` marks it COPIE / COPY.

    The issue time prints in the event's time zone as it was when the receipt was issued.
    """
    lines: dict[str, Any] = row.lines
    seller: dict[str, Any] = row.seller
    payment: dict[str, Any] = lines["payment"]
    issued_at = row.issued_at.astimezone(ZoneInfo(lines.get("timezone") or "UTC"))
    return ReceiptData(
        kind=cast(Any, row.kind),
        series=lines["series"],
        number=row.number,
        issued_at=issued_at,
        seller_name=seller["legal_name"],
        seller_address=seller["address"],
        gst_hst_number=seller.get("gst_hst_number"),
        qst_number=seller.get("qst_number"),
        buyer_name=row.buyer_name or None,
        buyer_organization=row.buyer_organization,
        lines=tuple(
            ReceiptLine(
                item["description_fr"],
                item["description_en"],
                int(item["quantity"]),
                money(item["unit_amount"]),
                money(item["amount"]),
                _taxes(item.get("taxes", [])),
                item.get("session"),
            )
            for item in lines["items"]
        ),
        subtotal=row.subtotal,
        taxes=_taxes(row.taxes["lines"]),
        total=row.total,
        taxes_included=row.taxes_included,
        payment_method=payment["method"],
        payment_reference=payment.get("reference"),
        amount_tendered=_optional_money(payment.get("tendered")),
        change_due=_optional_money(payment.get("change_due")),
        payment_terms=lines.get("payment_terms"),
        refers_to=lines.get("refers_to"),
        reason=lines.get("reason"),
        copy=copy,
        language=lines.get("language", "fr-en"),
    )


def _taxes(stored: list[dict[str, Any]]) -> tuple[ReceiptTax, ...]:
    return tuple(
        ReceiptTax(t["name_fr"], t["name_en"], t["code"], Decimal(t["rate"]), money(t["amount"]))
        for t in stored
    )


def issued(row: Receipt, pdf: bytes) -> IssuedReceipt:
    """The public view of an issued row, with its PDF."""
    return IssuedReceipt(
        receipt_id=row.id,
        number=format_number(row.lines["series"], row.number),
        kind=row.kind,
        total=row.total,
        pdf=pdf,
    )


def get_receipt(session: Session, receipt_id: int) -> Receipt:
    """The receipt row ``receipt_id``, or :class:`NotFound`."""
    row = session.get(Receipt, receipt_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("AppError", "There is no receipt {id}."), id=receipt_id)
    return row


def find_receipt(session: Session, number: str) -> Receipt:
    """The receipt or credit note printed with ``number``, or :class:`NotFound`."""
    series, value = parse_number(number)
    row = session.scalars(
        select(Receipt)
        .join(ReceiptSeries, ReceiptSeries.id == Receipt.series_id)
        .where(ReceiptSeries.code == series, Receipt.number == value)
    ).one_or_none()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "There is no receipt numbered {number}."),
            number=number.strip().upper(),
        )
    return row


def lock_registration(session: Session, registration_id: int) -> Registration:
    """The registration, locked for the rest of the caller's transaction.

    A no-op UPDATE takes the row lock on PostgreSQL and starts the write transaction on
    SQLite (one writer at a time), so two desks acting on one registration queue up and
    the second sees what the first committed. :class:`NotFound` if it does not exist.
    """
    session.execute(
        update(Registration)
        .where(Registration.id == registration_id)
        .values(id=Registration.id)
        .execution_options(synchronize_session=False)
    )
    registration = session.scalars(
        select(Registration)
        .where(Registration.id == registration_id)
        .options(
            selectinload(Registration.event),
            selectinload(Registration.person),
            selectinload(Registration.category),
        )
        .execution_options(populate_existing=True)
    ).one_or_none()
    if registration is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "There is no registration {id}."), id=registration_id
        )
    return registration
