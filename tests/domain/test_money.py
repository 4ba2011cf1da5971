"""Parsing, rounding and display of amounts in dollars and cents."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.errors import Invalid
from desktop_app.domain.money import CENT, format_money, round_cents, to_money

NNBSP = "\u202f"
NBSP = "\u00a0"

cents = st.integers(min_value=-(10**10), max_value=10**10).map(lambda c: Decimal(c) * CENT)


@pytest.mark.parametrize(
    ("given_value", "expected"),
    [
        ("12", "12.00"),
        ("12.5", "12.50"),
        ("12,50", "12.50"),  # French decimal comma, as staff type it
        (" 7.00 ", "7.00"),
        ("12.500", "12.50"),  # trailing zeros are not a fraction of a cent
        ("0", "0.00"),
        ("-0", "0.00"),
        (3, "3.00"),
        (Decimal("4.1"), "4.10"),
    ],
)
def test_to_money_accepts(given_value: str | int | Decimal, expected: str) -> None:
    amount = to_money(given_value)
    assert amount == Decimal(expected)
    assert str(amount) == expected


@pytest.mark.parametrize(
    "given_value",
    [
        1.5,
        0.1,
        True,
        "",
        "abc",
        "1,234.56",
        "1 234,56",
        "$12",
        "12 $",
        "NaN",
        "inf",
        "1e3",
        "12.345",
        "-5",
        Decimal("NaN"),
        Decimal("Infinity"),
        Decimal("0.001"),
        -1,
        None,
    ],
)
def test_to_money_refuses(given_value: object) -> None:
    with pytest.raises(Invalid) as raised:
        to_money(given_value)  # type: ignore[arg-type]
    assert str(given_value) in raised.value.message


def test_negative_amount_only_when_allowed() -> None:
    assert to_money("-5.25", allow_negative=True) == Decimal("-5.25")
    with pytest.raises(Invalid, match="negative"):
        to_money("-5.25")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.005", "0.01"),  # half-up, not banker's rounding (which gives 0.00)
        ("0.015", "0.02"),
        ("0.025", "0.03"),  # banker's rounding would give 0.02
        ("2.675", "2.68"),
        ("0.0049", "0.00"),
        ("-0.005", "-0.01"),  # half away from zero for credits too
        ("-0.001", "0.00"),
    ],
)
def test_round_cents_half_up(value: str, expected: str) -> None:
    assert str(round_cents(Decimal(value))) == expected


def test_round_cents_never_gives_negative_zero() -> None:
    assert str(round_cents(Decimal("-0.004"))) == "0.00"


@pytest.mark.parametrize(
    ("amount", "french", "english"),
    [
        ("1234.56", f"1{NNBSP}234,56{NBSP}$", "$1,234.56"),
        ("0", f"0,00{NBSP}$", "$0.00"),
        ("517.39", f"517,39{NBSP}$", "$517.39"),
        ("1234567.8", f"1{NNBSP}234{NNBSP}567,80{NBSP}$", "$1,234,567.80"),
        ("-275.00", f"-275,00{NBSP}$", "-$275.00"),
        ("-0.00", f"0,00{NBSP}$", "$0.00"),
    ],
)
def test_format_money(amount: str, french: str, english: str) -> None:
    assert format_money(Decimal(amount), "fr") == french
    assert format_money(Decimal(amount), "en") == english


def test_format_money_refuses_unknown_language() -> None:
    with pytest.raises(Invalid):
        format_money(Decimal("1.00"), "de")  # type: ignore[arg-type]


@given(cents)
def test_formatted_amount_reads_back(amount: Decimal) -> None:
    english = format_money(amount, "en").replace("$", "").replace(",", "")
    french = format_money(amount, "fr").replace(NNBSP, "").replace(f"{NBSP}$", "")
    assert to_money(english, allow_negative=True) == amount
    assert to_money(french, allow_negative=True) == amount


@given(cents)
def test_french_amount_never_breaks_across_lines(amount: Decimal) -> None:
    assert " " not in format_money(amount, "fr")


@given(cents)
def test_text_of_an_amount_parses_to_the_same_amount(amount: Decimal) -> None:
    assert to_money(str(amount), allow_negative=True) == amount
