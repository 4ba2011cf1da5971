"""The one reader of amounts people write: files, event files, the command line (#15 item 5)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.errors import Invalid
from desktop_app.domain.money import LINE_CEILING, MoneyError, parse_money, typed_amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,56 $", "1234.56"), ("1\u202f234,56\u00a0$", "1234.56"), ("$1,234.56", "1234.56"),
        ("1234.56", "1234.56"), ("1.234,56", "1234.56"), ("1,234,567.89", "1234567.89"),
        ("CA$1,234.56", "1234.56"), ("1234,56 CAD", "1234.56"), ("450", "450.00"),
        ("0", "0.00"), ("0,00 $", "0.00"), ("12,5", "12.50"), (",50", "0.50"),
        ("1,234", "1234.00"), ("12.500", "12.50"), ("Gratuit", "0.00"), ("Free", "0.00"),
        ("100000.00", "100000.00"),
    ],
)  # fmt: skip
def test_conventions_people_write(text: str, expected: str) -> None:
    amount = parse_money(text, field="Price", ceiling=Decimal("2000000"))
    assert str(amount) == expected


@pytest.mark.parametrize(
    "text",
    ["1e3", "1E3", "NaN", "nan", "Infinity", "-inf", "sNaN", "", "  ", "abc", "1,23,4",
     "1.234.56", "$", "--5", "0x10", "1_000", "١٢"],
)  # fmt: skip
def test_not_an_amount(text: str) -> None:
    with pytest.raises(MoneyError) as raised:
        parse_money(text, field="Price")
    assert raised.value.message.startswith("Price: ")
    assert "not an amount" in raised.value.message


@pytest.mark.parametrize("text", ["12.345", "0.001", "1,234.567"])
def test_fractions_of_a_cent_are_refused(text: str) -> None:
    with pytest.raises(MoneyError, match="more than two decimals"):
        parse_money(text, field="amount")


@pytest.mark.parametrize(
    "text",
    ["99999999999999999999999.99", "999999999999.99", "45,000,000,000.00", "100000.01",
     "9" * 400],
)  # fmt: skip
def test_above_the_ceiling(text: str) -> None:
    with pytest.raises(MoneyError) as raised:
        parse_money(text, field="Total Paid")
    assert "Total Paid" in raised.value.message
    assert "100000.00" in raised.value.message
    assert len(raised.value.message) < 250  # one line, not 400 nines


def test_the_ceiling_is_the_callers() -> None:
    assert parse_money("250000.00", field="amount", ceiling=Decimal("250000.00")) == Decimal(
        "250000.00"
    )
    with pytest.raises(MoneyError):
        parse_money("250000.01", field="amount", ceiling=Decimal("250000.00"))
    assert parse_money("250000.01", field="amount", ceiling=None) == Decimal("250000.01")


def test_negative_only_when_allowed() -> None:
    with pytest.raises(MoneyError, match="negative"):
        parse_money("(12.50)", field="amount")
    assert parse_money("-$5.00", field="amount", allow_negative=True) == Decimal("-5.00")
    with pytest.raises(MoneyError):
        parse_money("-100000.01", field="amount", allow_negative=True)


def test_values_from_workbooks() -> None:
    assert parse_money(12, field="a") == Decimal("12.00")
    assert parse_money(Decimal("4.1"), field="a") == Decimal("4.10")
    for bad in (Decimal("NaN"), Decimal("Infinity"), 1.5, True, None, 10**30):
        with pytest.raises(MoneyError):
            parse_money(bad, field="a")  # type: ignore[arg-type]


def test_a_money_error_is_an_invalid_shown_like_any_other() -> None:
    assert issubclass(MoneyError, Invalid)


@given(st.text(max_size=60))
def test_any_text_is_an_amount_within_bounds_or_a_clean_refusal(text: str) -> None:
    try:
        amount = parse_money(text, field="Price")
    except MoneyError as error:
        assert error.message.startswith("Price: ")
        return
    assert Decimal(0) <= amount <= LINE_CEILING
    assert amount == amount.quantize(Decimal("0.01"))


@given(
    st.text(alphabet="0123456789.,-+eE$ ()NnaIifty\u202f", max_size=40)
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.integers()
)
def test_any_value_near_the_grammar_is_bounded_or_refused(value: str | Decimal | int) -> None:
    try:
        amount = parse_money(value, field="Price", allow_negative=True)
    except MoneyError:
        return
    assert -LINE_CEILING <= amount <= LINE_CEILING


@given(st.decimals(min_value=0, max_value=LINE_CEILING, places=2))
def test_amounts_round_trip_in_both_styles(amount: Decimal) -> None:
    english = f"${amount:,.2f}"
    french = f"{amount:,.2f}".replace(",", "\u202f").replace(".", ",") + "\u00a0$"
    assert parse_money(english, field="a") == amount
    assert parse_money(french, field="a") == amount


def test_the_desk_reads_with_the_same_rules() -> None:
    assert typed_amount("1 234,50") == Decimal("1234.50")
    assert typed_amount("$1,234.50") == Decimal("1234.50")
    assert typed_amount("1e3") is None
    assert typed_amount("") is None
    assert typed_amount("-5") is None
    assert typed_amount("100000.01") is None
