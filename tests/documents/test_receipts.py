"""Receipts and credit notes: every mandatory field for the tier, French first, sums add up."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.units import mm

from desktop_app.documents.receipt import (
    ReceiptData,
    ReceiptLine,
    ReceiptTax,
    format_money,
    format_rate,
    gst_hst_number,
    qst_number,
    render_receipt,
)
from desktop_app.domain.errors import Invalid
from tests.documents.pdf_reading import flat, pdf_text

D = Decimal
GST_NO = "123456782RT0001"  # 123456782 passes the business number's Luhn check
QST_NO = "1234567890TQ0001"


def quebec_receipt(unit: str, quantity: int = 1, **changes: object) -> ReceiptData:
    """A Québec receipt for ``quantity`` admissions at ``unit`` before taxes, GST + QST."""
    subtotal = D(unit) * quantity
    gst = (subtotal * D("0.05")).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    qst = (subtotal * D("0.09975")).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    data = ReceiptData(
        kind="receipt",
        series="FCBL27",
        number=42,
        issued_at=datetime(2027, 5, 12, 14, 3),
        seller_name="BIOQuébec",
        seller_address="1000, rue Sherbrooke Ouest, bureau 2200\nMontréal (Québec) H3A 3G4",
        gst_hst_number=GST_NO,
        qst_number=QST_NO,
        buyer_name="Benoît Lachance",
        buyer_organization="Thératechnologies inc.",
        lines=(
            ReceiptLine(
                "Inscription — tarif membre",
                "Registration — member rate",
                quantity,
                D(unit),
                subtotal,
            ),
        ),
        subtotal=subtotal,
        taxes=(
            ReceiptTax("TPS", "GST", "GST", D("0.05"), gst),
            ReceiptTax("TVQ", "QST", "QST", D("0.09975"), qst),
        ),
        total=subtotal + gst + qst,
        taxes_included=False,
        payment_method="card",
        payment_reference="AUTH 123456",
        payment_terms="Payé à l'inscription / Paid at registration",
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def _without(field: str) -> dict[str, Any]:
    return {field: None}


def text_of(data: ReceiptData) -> str:
    return flat(pdf_text(render_receipt(data)))


def test_every_receipt_shows_seller_date_number_items_total() -> None:
    data = quebec_receipt(
        "20.00", gst_hst_number=None, qst_number=None, buyer_name=None, payment_terms=None
    )
    assert data.total < 100
    text = text_of(data)
    for expected in (
        "BIOQuébec",
        "2027-05-12",
        "FCBL27-000042",
        "Inscription — tarif membre",
        "Registration — member rate",
        "Total",
        "23,00 $",
    ):
        assert expected in text, expected


def test_from_100_each_tax_with_rate_and_both_registration_numbers() -> None:
    data = quebec_receipt("150.00", buyer_name=None, payment_terms=None)
    text = text_of(data)
    for expected in (
        "TPS (5 %) / GST (5%)",
        "7,50 $",
        "TVQ (9,975 %) / QST (9.975%)",
        "14,96 $",
        "123456782 RT 0001",
        "1234567890 TQ 0001",
        "172,46 $",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("missing", ["gst_hst_number", "qst_number"])
def test_from_100_a_missing_registration_number_is_refused(missing: str) -> None:
    with pytest.raises(Invalid):
        render_receipt(dataclasses.replace(quebec_receipt("150.00"), **_without(missing)))


def test_from_500_buyer_terms_and_description_of_the_supply() -> None:
    data = quebec_receipt("450.00", quantity=2)
    assert data.total >= 500
    text = text_of(data)
    for expected in (
        "Benoît Lachance",
        "Thératechnologies inc.",
        "Conditions de paiement / Payment terms",
        "Paid at registration",
        "Description de la fourniture / Description of the supply",
        "2 × 450,00 $",
        "1 034,78 $",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("missing", ["buyer_name", "payment_terms"])
def test_from_500_missing_buyer_or_terms_is_refused(missing: str) -> None:
    with pytest.raises(Invalid):
        render_receipt(
            dataclasses.replace(quebec_receipt("450.00", quantity=2), **_without(missing))
        )


def test_french_comes_before_english() -> None:
    text = text_of(quebec_receipt("150.00"))
    for french, english in (
        ("REÇU", "RECEIPT"),
        ("Sous-total", "Subtotal"),
        ("Inscription — tarif membre", "Registration — member rate"),
        ("Mode de paiement", "Payment method"),
        ("Carte", "Card"),
    ):
        assert text.index(french) < text.index(english), (french, english)


def test_english_first_order_and_english_amounts() -> None:
    text = text_of(quebec_receipt("1000.00", language="en-fr"))
    assert text.index("RECEIPT") < text.index("REÇU")
    assert "$1,149.75" in text


def test_ontario_receipt_has_one_hst_line() -> None:
    data = quebec_receipt(
        "200.00",
        qst_number=None,
        taxes=(ReceiptTax("TVH", "HST", "HST", D("0.13"), D("26.00")),),
        total=D("226.00"),
    )
    text = text_of(data)
    assert "TVH (13 %) / HST (13%)" in text and "226,00 $" in text
    assert "QST" not in text


def test_taxes_included_is_said() -> None:
    text = text_of(quebec_receipt("150.00", taxes_included=True))
    assert "Taxes incluses / Taxes included" in text


def test_cash_shows_amount_tendered_and_change() -> None:
    data = quebec_receipt(
        "150.00",
        payment_method="cash",
        payment_reference=None,
        amount_tendered=D("200.00"),
        change_due=D("27.54"),
    )
    text = text_of(data)
    assert "Comptant / Cash" in text
    assert "Montant reçu / Amount tendered 200,00 $" in text
    assert "Monnaie rendue / Change 27,54 $" in text
    with pytest.raises(Invalid):
        render_receipt(dataclasses.replace(data, change_due=D("27.55")))


def test_reprint_says_copie_copy_and_the_original_does_not() -> None:
    assert "COPIE / COPY" in text_of(quebec_receipt("150.00", copy=True))
    original = text_of(quebec_receipt("150.00"))
    assert "COPIE" not in original and "COPY" not in original


def test_credit_note_refers_to_the_original() -> None:
    data = quebec_receipt("-150.00", kind="credit-note", refers_to="FCBL27-000041")
    text = text_of(data)
    assert text.index("NOTE DE CRÉDIT") < text.index("CREDIT NOTE")
    assert "Se rapporte au reçu / Refers to receipt FCBL27-000041" in text
    assert "-172,46 $" in text
    with pytest.raises(Invalid):
        render_receipt(dataclasses.replace(data, refers_to=None))


def test_numbers_that_do_not_add_up_are_refused() -> None:
    data = quebec_receipt("150.00")
    with pytest.raises(Invalid):
        render_receipt(dataclasses.replace(data, total=data.total + D("0.01")))
    with pytest.raises(Invalid):
        render_receipt(dataclasses.replace(data, subtotal=data.subtotal + D("1")))
    line = dataclasses.replace(data.lines[0], amount=D("151.00"))
    with pytest.raises(Invalid):
        render_receipt(dataclasses.replace(data, lines=(line,)))


_AMOUNT = r"(-?\d{1,3}(?: \d{3})*,\d{2}) \$"


def _amount(label: str, text: str) -> Decimal:
    match = re.search(re.escape(label) + r"[^$]*?" + _AMOUNT, text)
    assert match is not None, label
    return Decimal(match.group(1).replace(" ", "").replace(",", "."))


@settings(max_examples=40, deadline=None)
@given(
    cents=st.integers(min_value=1, max_value=500_000),
    quantity=st.integers(min_value=1, max_value=12),
)
def test_printed_amounts_add_up(cents: int, quantity: int) -> None:
    data = quebec_receipt(str(Decimal(cents) / 100), quantity=quantity)
    text = text_of(data)
    subtotal = _amount("Sous-total / Subtotal", text)
    gst = _amount("TPS (5 %) / GST (5%)", text)
    qst = _amount("TVQ (9,975 %) / QST (9.975%)", text)
    total = _amount("Total / Total", text) if "Total / Total" in text else _amount("Total", text)
    assert subtotal + gst + qst == total == data.total


def test_narrow_page_for_a_receipt_printer() -> None:
    pdf = render_receipt(quebec_receipt("450.00", quantity=2), page_size=(80 * mm, 200 * mm))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(80 * mm)
    text = flat(pdf_text(pdf))
    assert "1 034,78 $" in text and "FCBL27-000042" in text


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [("123456782RT0001", "123456782 RT 0001"), (" 123456782 rt 0001 ", "123456782 RT 0001")],
)
def test_gst_hst_number_format(given_value: str, expected: str) -> None:
    assert gst_hst_number(given_value) == expected


@pytest.mark.parametrize(
    "bad", ["123456789RT0001", "12345678RT0001", "123456782RC0001", "123456782RT001", ""]
)
def test_bad_gst_hst_numbers_are_refused(bad: str) -> None:
    with pytest.raises(Invalid):
        gst_hst_number(bad)


def test_qst_number_format() -> None:
    assert qst_number("1234567890TQ0001") == "1234567890 TQ 0001"
    for bad in ("123456789TQ0001", "1234567890TV0001", "1234567890 TQ 01"):
        with pytest.raises(Invalid):
            qst_number(bad)
    with pytest.raises(Invalid):
        render_receipt(quebec_receipt("150.00", qst_number="1234567890"))


def test_money_in_french_and_english() -> None:
    assert format_money(D("1234.56"), "fr") == "1\u202f234,56\u00a0$"
    assert format_money(D("1234.56"), "en") == "$1,234.56"
    assert format_money(D("-5.00"), "fr") == "-5,00\u00a0$"
    assert format_money(D("-5.00"), "en") == "-$5.00"
    assert format_money(D("1234567.00"), "en") == "$1,234,567.00"
    assert format_rate(D("0.09975"), "fr") == "9,975\u00a0%"
    assert format_rate(D("0.13"), "en") == "13%"


def test_the_80mm_roll_is_one_page_80mm_wide_fitted_to_its_content() -> None:
    data = quebec_receipt("525.00")
    pdf = render_receipt(data, layout="roll-80")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(80 * mm, abs=0.01)
    # As long as the content, not a Letter page: a short receipt is a short strip.
    assert 60 * mm < float(box.height) < 200 * mm
    text = flat(pdf_text(pdf))
    for expected in (
        "REÇU / RECEIPT",
        "FCBL27-000042",
        "BIOQuébec",
        "123456782 RT 0001",
        "1234567890 TQ 0001",
        "Sous-total / Subtotal 525,00 $",
        "TPS (5 %) / GST (5%) 26,25 $",
        "TVQ (9,975 %) / QST (9.975%) 52,37 $",
        "Total 603,62 $",
    ):
        assert expected in text, expected
    assert text.index("REÇU") < text.index("RECEIPT")
    # A longer receipt makes a longer strip, still one page.
    longer = render_receipt(
        dataclasses.replace(data, seller_address="\n".join(["Ligne"] * 20)), layout="roll-80"
    )
    longer_page = PdfReader(io.BytesIO(longer)).pages
    assert len(longer_page) == 1 and float(longer_page[0].mediabox.height) > float(box.height)
