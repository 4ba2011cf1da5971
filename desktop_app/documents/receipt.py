"""Receipts and credit notes as PDF, in French and English, that a Québec or Ontario
accountant accepts.

Every receipt shows the seller's legal name, the date, its unique number, the items and the
total. From $100 (taxes included) each tax with its rate and amount and the seller's
registration numbers are required; from $500 also the buyer's name and the payment terms
(the items are the description of the supply). We always print what we have, and refuse
(:class:`Invalid`) to print a receipt that lacks what its tier requires or does not add up.

French comes first and is never less prominent: every label is "français / English" in the
same font and size (Charter of the French language, s. 57 and 89). Amounts are written the
first language's way: ``1 234,56 $`` or ``$1,234.56``.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents.fonts import BOLD, REGULAR, register_fonts, text_runs, unit_width, wrap
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.domain.events import business_number_ok
from desktop_app.domain.money import format_money

ReceiptKind = Literal["receipt", "credit-note"]
PaymentMethod = Literal["cash", "card", "invoice", "comp"]
LanguageOrder = Literal["fr-en", "en-fr", "fr", "en"]
ReceiptLayout = Literal["letter", "roll-80"]
"""A US Letter page, or an 80 mm thermal receipt roll cut to the receipt's length."""

ROLL_WIDTH = 80 * mm
ROLL_MARGIN = 4 * mm  # 72 mm printable, as 80 mm thermal printers print
ROLL_TRIAL_LENGTH = 3000 * mm

TIER_TAXES = Decimal("100")
TIER_BUYER = Decimal("500")

_GST_HST = re.compile(r"^(\d{9})\s*RT\s*(\d{4})$")
_QST = re.compile(r"^(\d{10})\s*TQ\s*(\d{4})$")


def gst_hst_number(text: str) -> str:
    """``text`` as a GST/HST registration number ``123456782 RT 0001``, or :class:`Invalid`.

    Nine-digit business number (its last digit is a Luhn check digit, which catches most
    typing errors), ``RT``, four digits; spaces are optional on input.
    """
    match = _GST_HST.match(text.strip().upper())
    if match is None or not business_number_ok(match.group(1)):
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{value}' is not a GST/HST number (123456782 RT 0001)."),
            value=text,
        )
    return f"{match.group(1)} RT {match.group(2)}"


def qst_number(text: str) -> str:
    """``text`` as a QST registration number ``1234567890 TQ 0001``, or :class:`Invalid`."""
    match = _QST.match(text.strip().upper())
    if match is None:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{value}' is not a QST number (1234567890 TQ 0001)."),
            value=text,
        )
    return f"{match.group(1)} TQ {match.group(2)}"


def format_rate(rate: Decimal, language: str) -> str:
    """A tax rate as a percentage: French ``9,975 %``, English ``9.975%``."""
    percent = (rate * 100).normalize()
    text = f"{percent:f}"
    return f"{text.replace('.', ',')}\u00a0%" if language == "fr" else f"{text}%"


@dataclass(frozen=True)
class ReceiptLine:
    """One item: what was supplied, in both languages, how many, at what price."""

    description_fr: str
    description_en: str
    quantity: int
    unit_amount: Decimal
    amount: Decimal
    # The line's own taxes, printed under it, when a receipt has items taxed one by one (an
    # admission and its add-ons); the receipt's tax lines are then their sums.
    taxes: tuple[ReceiptTax, ...] = ()
    # The session an add-on line sells (its code), so reports count it apart from admissions.
    session: str | None = None


@dataclass(frozen=True)
class ReceiptTax:
    """One tax line: names in both languages, code (GST, QST, HST), rate, amount."""

    name_fr: str
    name_en: str
    code: str
    rate: Decimal
    amount: Decimal


@dataclass(frozen=True)
class ReceiptData:
    """Everything a receipt or credit note shows; amounts are ``Decimal`` with two decimals."""

    kind: ReceiptKind
    series: str
    number: int
    issued_at: datetime
    seller_name: str
    seller_address: str
    gst_hst_number: str | None
    qst_number: str | None
    buyer_name: str | None
    buyer_organization: str | None
    lines: tuple[ReceiptLine, ...]
    subtotal: Decimal
    taxes: tuple[ReceiptTax, ...]
    total: Decimal
    taxes_included: bool
    payment_method: PaymentMethod
    payment_reference: str | None = None
    amount_tendered: Decimal | None = None
    change_due: Decimal | None = None
    payment_terms: str | None = None
    refers_to: str | None = None
    # Why a credit note was issued (a refund, a correction), printed under its reference.
    reason: str | None = None
    copy: bool = False
    language: LanguageOrder = "fr-en"

    @property
    def reference(self) -> str:
        """The receipt's unique number as printed: series and zero-padded number."""
        return f"{self.series}-{self.number:06d}"


def _invalid(template: str, **params: object) -> Invalid:
    return Invalid(template, **params)


def check_receipt(data: ReceiptData) -> None:
    """Refuse a receipt that does not add up or lacks what its amount tier requires."""
    if not data.seller_name.strip() or not data.lines:
        raise _invalid(
            QT_TRANSLATE_NOOP("AppError", "A receipt needs the seller's name and items.")
        )
    for line in data.lines:
        if line.quantity * line.unit_amount != line.amount:
            raise _invalid(
                QT_TRANSLATE_NOOP("AppError", "Receipt line '{item}' does not add up."),
                item=line.description_en,
            )
    if all(line.taxes for line in data.lines):
        by_code = {tax.code: tax.amount for tax in data.taxes}
        for code in by_code:
            each = (t.amount for line in data.lines for t in line.taxes if t.code == code)
            if sum(each, Decimal(0)) != by_code[code]:
                raise _invalid(
                    QT_TRANSLATE_NOOP("AppError", "The taxes of the receipt's items do not add up.")
                )
    if sum((line.amount for line in data.lines), Decimal(0)) != data.subtotal:
        raise _invalid(
            QT_TRANSLATE_NOOP("AppError", "The receipt's items do not add up to its subtotal.")
        )
    if data.subtotal + sum((tax.amount for tax in data.taxes), Decimal(0)) != data.total:
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "The receipt's subtotal and taxes do not add up to its total."
            )
        )
    if data.gst_hst_number is not None:
        gst_hst_number(data.gst_hst_number)
    if data.qst_number is not None:
        qst_number(data.qst_number)
    size = abs(data.total)
    if size >= TIER_TAXES and data.taxes:
        if data.gst_hst_number is None:
            raise _invalid(
                QT_TRANSLATE_NOOP("AppError", "A receipt of $100 or more needs the GST/HST number.")
            )
        if any(tax.code == "QST" for tax in data.taxes) and data.qst_number is None:
            raise _invalid(
                QT_TRANSLATE_NOOP("AppError", "A receipt of $100 or more needs the QST number.")
            )
    if size >= TIER_BUYER and not (data.buyer_name and data.payment_terms):
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "A receipt of $500 or more needs the buyer's name and payment terms."
            )
        )
    if data.kind == "credit-note" and not data.refers_to:
        raise _invalid(
            QT_TRANSLATE_NOOP("AppError", "A credit note must refer to the original receipt.")
        )
    if (
        data.payment_method == "cash"
        and data.amount_tendered is not None
        and data.change_due is not None
    ) and data.amount_tendered - data.total != data.change_due:
        raise _invalid(
            QT_TRANSLATE_NOOP("AppError", "Cash tendered minus the total is not the change.")
        )


_METHODS = {
    "cash": ("Comptant", "Cash"),
    "card": ("Carte", "Card"),
    "invoice": ("Facture à l'organisation", "Invoice to the organization"),
    "comp": ("Gracieuseté", "Complimentary"),
}
_GREY = HexColor("#555555")
_BLACK = HexColor("#000000")


class _Writer:
    """A cursor down the page that draws text in the document's language order."""

    def __init__(
        self,
        canvas: Canvas,
        data: ReceiptData,
        page: tuple[float, float],
        margin: float | None = None,
    ) -> None:
        self.canvas = canvas
        self.data = data
        self.width, self.height = page
        self.margin = min(54.0, self.width * 0.06) if margin is None else margin
        self.left = self.margin
        self.right = self.width - self.margin
        self.y = self.height - self.margin
        self.languages = data.language.split("-")
        self.money_language = self.languages[0]
        # A receipt printer's roll (~80 mm) gets slightly smaller type; Letter gets 10 pt.
        self.scale = 1.0 if self.width >= 400 else 0.8

    def label(self, french: str, english: str) -> str:
        """The label in the document's languages, same weight: "français / English"."""
        by_language = {"fr": french, "en": english}
        texts = [by_language[lang] for lang in self.languages]
        return texts[0] if len(texts) == 1 or texts[0] == texts[1] else " / ".join(texts)

    def money(self, amount: Decimal) -> str:
        return format_money(amount, "fr" if self.money_language == "fr" else "en")

    def text(
        self, x: float, text: str, font: str = REGULAR, size: float = 10, align: str = "left"
    ) -> None:
        shaped = text_runs(text, font)
        width = shaped.width(size)
        start = x - width if align == "right" else x - width / 2 if align == "centre" else x
        for run in shaped.runs:
            self.canvas.setFont(run.font, size)
            self.canvas.drawString(start, self.y, run.text)
            start += unit_width(run.text, run.font) * size

    def need(self, height: float) -> None:
        if self.y - height < self.margin:
            self.canvas.showPage()
            if self.data.copy:
                _watermark(self.canvas, (self.width, self.height), self.label("COPIE", "COPY"))
            self.y = self.height - self.margin

    def line(self, text: str, font: str = REGULAR, size: float = 10, gap: float = 1.35) -> None:
        """Wrapped text across the page's width, moving the cursor down."""
        size *= self.scale
        for piece in wrap(text, font, size, self.right - self.left, break_words=True) or [""]:
            self.need(size * gap)
            self.y -= size * gap
            self.text(self.left, piece, font, size)

    def pair(self, label: str, value: str, font: str = REGULAR, size: float = 10) -> None:
        """A label on the left and a value (an amount) right-aligned on the same line."""
        size *= self.scale
        value_width = unit_width(value, font) * size
        pieces = wrap(
            label, font, size, self.right - self.left - value_width - 12, break_words=True
        )
        for index, piece in enumerate(pieces):
            self.need(size * 1.4)
            self.y -= size * 1.4
            self.text(self.left, piece, font, size)
            if index == 0:
                self.text(self.right, value, font, size, align="right")

    def rule(self) -> None:
        self.need(8)
        self.y -= 5
        self.canvas.setStrokeColor(_GREY)
        self.canvas.setLineWidth(0.5)
        self.canvas.line(self.left, self.y, self.right, self.y)
        self.y -= 3


def _watermark(canvas: Canvas, page: tuple[float, float], text: str) -> None:
    # A reprint must not pass for the original: a large grey diagonal behind the content.
    canvas.saveState()
    canvas.setFillColor(HexColor("#E2E2E2"))
    canvas.translate(page[0] / 2, page[1] / 2)
    canvas.rotate(math.degrees(math.atan2(page[1], page[0])))
    diagonal = math.hypot(page[0], page[1])
    size = min(96.0, 0.8 * diagonal / max(unit_width(text, BOLD), 1.0), 0.5 * min(page))
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()


def render_receipt(
    data: ReceiptData,
    page_size: tuple[float, float] = LETTER,
    layout: ReceiptLayout = "letter",
) -> bytes:
    """``data`` as a one-page (or longer) PDF; Letter portrait unless ``page_size`` says
    otherwise. ``layout="roll-80"`` draws it instead on one page 80 mm wide (72 mm printable,
    the common cash-desk thermal printer) as long as its content, ignoring ``page_size``.

    Raises :class:`Invalid` if the receipt does not add up or misses a field its tier needs.
    """
    check_receipt(data)
    register_fonts()
    if layout == "roll-80":
        # Draw once on a page longer than any receipt to measure it, then on the fitted page:
        # the roll is cut right after the last line.
        trial = _draw(data, (ROLL_WIDTH, ROLL_TRIAL_LENGTH), ROLL_MARGIN)
        used = ROLL_TRIAL_LENGTH - trial.y + ROLL_MARGIN + 1  # +1 pt: rounding never adds a page
        return _draw(data, (ROLL_WIDTH, used), ROLL_MARGIN).pdf()
    return _draw(data, page_size, None).pdf()


class _Drawn:
    """A drawn receipt: its PDF, and where the cursor stopped (for fitting a roll)."""

    def __init__(self, buffer: io.BytesIO, y: float) -> None:
        self.buffer = buffer
        self.y = y

    def pdf(self) -> bytes:
        return self.buffer.getvalue()


def _draw(data: ReceiptData, page_size: tuple[float, float], margin: float | None) -> _Drawn:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=page_size, pageCompression=1, initialFontName=REGULAR)
    canvas.setTitle(data.reference)
    canvas.setCreator("Passerelle")
    out = _Writer(canvas, data, page_size, margin)
    if data.copy:
        _watermark(canvas, page_size, out.label("COPIE", "COPY"))
    canvas.setFillColor(_BLACK)

    title = (
        out.label("NOTE DE CRÉDIT", "CREDIT NOTE")
        if data.kind == "credit-note"
        else out.label("REÇU", "RECEIPT")
    )
    out.line(title, BOLD, 16)
    if data.copy:
        out.line(
            out.label("COPIE — duplicata de l'original", "COPY — duplicate of the original"),
            BOLD,
            11,
        )
    out.pair(out.label("Numéro", "Number"), data.reference, BOLD, 11)
    out.pair(out.label("Date", "Date"), data.issued_at.strftime("%Y-%m-%d %H:%M"))
    if data.refers_to:
        out.pair(out.label("Se rapporte au reçu", "Refers to receipt"), data.refers_to, BOLD)
    if data.reason:
        out.line(f"{out.label('Motif', 'Reason')} : {data.reason}")
    out.rule()

    out.line(data.seller_name, BOLD, 11)
    for address_line in data.seller_address.splitlines():
        out.line(address_line)
    if data.gst_hst_number:
        out.line(
            f"{out.label('No TPS/TVH', 'GST/HST No.')} : {gst_hst_number(data.gst_hst_number)}"
        )
    if data.qst_number:
        out.line(f"{out.label('No TVQ', 'QST No.')} : {qst_number(data.qst_number)}")
    if data.buyer_name or data.buyer_organization:
        out.rule()
        out.line(out.label("Client", "Customer"), BOLD)
        for value in (data.buyer_name, data.buyer_organization):
            if value:
                out.line(value)
    out.rule()

    out.line(out.label("Description de la fourniture", "Description of the supply"), BOLD)
    for item in data.lines:
        by_language = {"fr": item.description_fr, "en": item.description_en}
        descriptions = [by_language[lang] for lang in out.languages]
        price = f"{item.quantity} × {out.money(item.unit_amount)}"
        out.pair(descriptions[0], out.money(item.amount))
        if len(descriptions) > 1 and descriptions[1] != descriptions[0]:
            out.line(descriptions[1])
        out.line(price, REGULAR, 9)
        if item.taxes:
            out.line(
                " · ".join(
                    f"{out.label(t.name_fr, t.name_en)} {out.money(t.amount)}" for t in item.taxes
                ),
                REGULAR,
                9,
            )
    out.rule()

    out.pair(out.label("Sous-total", "Subtotal"), out.money(data.subtotal))
    for tax in data.taxes:
        names = {
            "fr": f"{tax.name_fr} ({format_rate(tax.rate, 'fr')})",
            "en": f"{tax.name_en} ({format_rate(tax.rate, 'en')})",
        }
        out.pair(" / ".join(names[lang] for lang in out.languages), out.money(tax.amount))
    out.pair(out.label("Total", "Total"), out.money(data.total), BOLD, 12)
    if data.taxes_included:
        out.line(out.label("Taxes incluses", "Taxes included"), BOLD)
    out.rule()

    method = out.label(*_METHODS[data.payment_method])
    out.pair(out.label("Mode de paiement", "Payment method"), method)
    if data.payment_reference:
        out.pair(out.label("Référence", "Reference"), data.payment_reference)
    if data.amount_tendered is not None:
        out.pair(out.label("Montant reçu", "Amount tendered"), out.money(data.amount_tendered))
    if data.change_due is not None:
        out.pair(out.label("Monnaie rendue", "Change"), out.money(data.change_due))
    if data.payment_terms:
        out.line(f"{out.label('Conditions de paiement', 'Payment terms')} : {data.payment_terms}")
    canvas.showPage()
    canvas.save()
    return _Drawn(buffer, out.y)
