"""GST + QST in Québec, HST in Ontario: known receipts and the arithmetic's properties."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.errors import Invalid
from desktop_app.domain.money import CENT
from desktop_app.domain.taxes import (
    Province,
    TaxBreakdown,
    compute_taxes,
    credit,
    difference,
)

D = Decimal
RATES = {Province.QC: (D("0.05"), D("0.09975")), Province.ON: (D("0.13"),)}
# How far below the base the subtotal of an unreachable taxes-included price may go:
# one cent per tax line that can round up at the same step.
MAX_GAP = {Province.QC: D("0.02"), Province.ON: D("0.01")}

provinces = st.sampled_from(list(Province))
# Up to a million dollars, in cents: registrations and a whole sponsor table fit.
amounts = st.integers(min_value=0, max_value=100_000_000).map(lambda c: D(c) * CENT)


def half_up(value: Decimal) -> Decimal:
    """An independent half-up rounding, so the tests do not trust the code under test."""
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def amounts_of(breakdown: TaxBreakdown) -> list[Decimal]:
    return [line.amount for line in breakdown.taxes]


@pytest.mark.parametrize(
    ("province", "amount", "included", "subtotal", "taxes", "total"),
    [
        ("QC", "100.00", False, "100.00", ["5.00", "9.98"], "114.98"),
        ("QC", "450.00", False, "450.00", ["22.50", "44.89"], "517.39"),
        ("QC", "450.00", True, "391.39", ["19.57", "39.04"], "450.00"),
        ("QC", "95.00", True, "82.63", ["4.13", "8.24"], "95.00"),
        ("QC", "725.00", False, "725.00", ["36.25", "72.32"], "833.57"),
        ("QC", "0.10", False, "0.10", ["0.01", "0.01"], "0.12"),  # 0.005 → 0.01, half-up
        ("QC", "0.00", True, "0.00", ["0.00", "0.00"], "0.00"),
        ("ON", "100.00", False, "100.00", ["13.00"], "113.00"),
        ("ON", "0.50", False, "0.50", ["0.07"], "0.57"),  # 0.065 → 0.07, not 0.06
        ("ON", "56.50", True, "50.00", ["6.50"], "56.50"),
        ("ON", "113.00", True, "100.00", ["13.00"], "113.00"),
    ],
)
def test_known_receipts(
    province: str,
    amount: str,
    included: bool,
    subtotal: str,
    taxes: list[str],
    total: str,
) -> None:
    breakdown = compute_taxes(province, D(amount), taxes_included=included)
    assert str(breakdown.subtotal) == subtotal
    assert [str(a) for a in amounts_of(breakdown)] == taxes
    assert str(breakdown.total) == total
    assert breakdown.taxes_included is included


def test_quebec_lines_are_gst_then_qst_with_their_registration_numbers() -> None:
    gst, qst = compute_taxes(Province.QC, D("100.00"), taxes_included=False).taxes
    assert (gst.code, gst.name_fr, gst.name_en, str(gst.percent)) == ("GST", "TPS", "GST", "5")
    assert (qst.code, qst.name_fr, qst.name_en, str(qst.percent)) == ("QST", "TVQ", "QST", "9.975")
    assert (gst.registration_kind, qst.registration_kind) == ("gst_hst", "qst")


def test_ontario_has_one_hst_line() -> None:
    (hst,) = compute_taxes(Province.ON, D("100.00"), taxes_included=False).taxes
    assert (hst.code, hst.name_fr, hst.name_en, str(hst.percent)) == ("HST", "TVH", "HST", "13")
    assert hst.registration_kind == "gst_hst"


def test_unreachable_taxes_included_price_takes_the_cent_off_the_subtotal() -> None:
    # No base gives 100.00 in Ontario: 88.49 → 99.99 and 88.50 → 100.01. The HST is the one
    # due on 88.50; the subtotal absorbs the cent so the receipt still adds up to 100.00.
    breakdown = compute_taxes(Province.ON, D("100.00"), taxes_included=True)
    assert (breakdown.subtotal, amounts_of(breakdown), breakdown.total) == (
        D("88.49"),
        [D("11.51")],
        D("100.00"),
    )
    # Québec: 87.06 → 100.09 and 87.07 → 100.11; the lines are those due on 87.07.
    breakdown = compute_taxes(Province.QC, D("100.10"), taxes_included=True)
    assert (breakdown.subtotal, amounts_of(breakdown)) == (D("87.06"), [D("4.35"), D("8.69")])


@pytest.mark.parametrize(
    "amount",
    [D("-0.01"), D("0.001"), D("NaN"), D("Infinity"), 1.5, "10.00"],
)
def test_compute_taxes_refuses_bad_amounts(amount: object) -> None:
    with pytest.raises(Invalid):
        compute_taxes(Province.QC, amount, taxes_included=False)  # type: ignore[arg-type]


def test_compute_taxes_refuses_unknown_province() -> None:
    with pytest.raises(Invalid, match="BC"):
        compute_taxes("BC", D("10.00"), taxes_included=False)


def test_breakdown_that_does_not_add_up_cannot_exist() -> None:
    good = compute_taxes(Province.ON, D("100.00"), taxes_included=False)
    with pytest.raises(ValueError, match="does not add up"):
        TaxBreakdown(good.subtotal, good.taxes, good.total + CENT, False)


# --- properties -------------------------------------------------------------------------


@given(provinces, amounts, st.booleans())
def test_lines_always_add_up_to_the_total(
    province: Province, amount: Decimal, included: bool
) -> None:
    breakdown = compute_taxes(province, amount, taxes_included=included)
    assert breakdown.subtotal + sum(amounts_of(breakdown)) == breakdown.total
    assert breakdown.total == (amount if included else breakdown.subtotal + breakdown.tax_total)
    assert [line.rate for line in breakdown.taxes] == list(RATES[province])
    for value in [breakdown.subtotal, *amounts_of(breakdown), breakdown.total]:
        assert value >= 0
        assert value == half_up(value)  # whole cents, printable as is


@given(provinces, amounts)
def test_taxes_excluded_is_each_rate_half_up_on_the_price(
    province: Province, amount: Decimal
) -> None:
    breakdown = compute_taxes(province, amount, taxes_included=False)
    assert breakdown.subtotal == amount
    assert amounts_of(breakdown) == [half_up(amount * rate) for rate in RATES[province]]


@given(provinces, amounts)
def test_a_taxes_excluded_total_entered_as_taxes_included_gives_the_same_receipt(
    province: Province, base: Decimal
) -> None:
    excluded = compute_taxes(province, base, taxes_included=False)
    included = compute_taxes(province, excluded.total, taxes_included=True)
    assert included.subtotal == base
    assert included.taxes == excluded.taxes
    assert included.total == excluded.total


@given(provinces, amounts)
def test_taxes_included_split_follows_the_documented_rule(
    province: Province, price: Decimal
) -> None:
    """The rule: the lines are those due on the smallest base whose total reaches the price.

    When that base's total is the price, the subtotal is the base and re-computing taxes
    excluded on the subtotal gives the same receipt. Otherwise no base reaches the price
    exactly, and the subtotal is at most 1 cent (ON) or 2 cents (QC) below the base.
    """
    included = compute_taxes(province, price, taxes_included=True)
    assert included.total == price
    gap = MAX_GAP[province]
    candidates = [included.subtotal + step * CENT for step in range(int(gap / CENT) + 1)]
    base = next(
        b
        for b in candidates
        if compute_taxes(province, b, taxes_included=False).taxes == included.taxes
        and compute_taxes(province, b, taxes_included=False).total >= price
    )
    assert base == 0 or compute_taxes(province, base - CENT, taxes_included=False).total < price
    from_base = compute_taxes(province, base, taxes_included=False)
    if from_base.total == price:
        assert base == included.subtotal
    else:
        # Unreachable: the neighbouring bases step over the price.
        assert base > included.subtotal
        below = compute_taxes(province, base - CENT, taxes_included=False)
        assert below.total < price < from_base.total
        # Each tax shown is never less than, and at most a cent above, the tax on the subtotal.
        on_subtotal = compute_taxes(province, included.subtotal, taxes_included=False)
        for shown, due in zip(amounts_of(included), amounts_of(on_subtotal), strict=True):
            assert due <= shown <= due + CENT


@given(provinces, amounts, amounts)
def test_a_higher_price_never_shows_less_tax(province: Province, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    for included in (False, True):
        cheap = compute_taxes(province, low, taxes_included=included)
        dear = compute_taxes(province, high, taxes_included=included)
        assert all(x <= y for x, y in zip(amounts_of(cheap), amounts_of(dear), strict=True))


@given(provinces, amounts, st.booleans())
def test_credit_reverses_every_line(province: Province, amount: Decimal, included: bool) -> None:
    sale = compute_taxes(province, amount, taxes_included=included)
    refund = credit(sale)
    assert refund.total == -sale.total
    assert refund.subtotal == -sale.subtotal
    assert [a + b for a, b in zip(amounts_of(sale), amounts_of(refund), strict=True)] == [
        0 for _ in sale.taxes
    ]
    assert refund.taxes_included is sale.taxes_included
    assert credit(refund) == sale
    assert "-0.00" not in {str(v) for v in [refund.subtotal, refund.total, *amounts_of(refund)]}


def test_balance_due_for_a_member_rate_paid_without_membership() -> None:
    due = compute_taxes(Province.QC, D("725.00"), taxes_included=False)
    balance = difference(due, D("517.39"), Province.QC)  # paid the 450.00 member rate
    assert (balance.subtotal, amounts_of(balance), balance.total) == (
        D("275.00"),
        [D("13.75"), D("27.43")],
        D("316.18"),
    )


def test_credit_due_for_a_member_who_paid_the_non_member_rate() -> None:
    due = compute_taxes(Province.QC, D("450.00"), taxes_included=False)
    balance = difference(due, D("833.57"), Province.QC)
    assert (balance.subtotal, amounts_of(balance), balance.total) == (
        D("-275.00"),
        [D("-13.75"), D("-27.43")],
        D("-316.18"),
    )


def test_nothing_due_when_the_right_price_was_paid() -> None:
    due = compute_taxes(Province.ON, D("349.00"), taxes_included=False)
    balance = difference(due, due.total, Province.ON)
    assert [str(balance.subtotal), *map(str, amounts_of(balance)), str(balance.total)] == [
        "0.00",
        "0.00",
        "0.00",
    ]


def test_difference_refuses_taxes_of_another_province() -> None:
    due = compute_taxes(Province.ON, D("349.00"), taxes_included=False)
    with pytest.raises(Invalid):
        difference(due, D("100.00"), Province.QC)


@given(provinces, amounts, amounts, st.booleans())
def test_paid_plus_balance_carries_exactly_the_taxes_due(
    province: Province, due_amount: Decimal, paid_base: Decimal, included: bool
) -> None:
    due = compute_taxes(province, due_amount, taxes_included=included)
    paid = compute_taxes(province, paid_base, taxes_included=False)  # the receipt issued
    balance = difference(due, paid.total, province)
    assert balance.total == due.total - paid.total
    assert balance.subtotal + balance.tax_total == balance.total
    assert [p + b for p, b in zip(amounts_of(paid), amounts_of(balance), strict=True)] == (
        amounts_of(due)
    )
    assert paid.subtotal + balance.subtotal == due.subtotal
