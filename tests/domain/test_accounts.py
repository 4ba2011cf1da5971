"""One rule for what is owed either way and for what counts as money received."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.accounts import balance_owed, counts_as_paid, credit_owed

amounts = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False)


@given(amounts, amounts)
def test_owed_and_owed_back_add_up_to_the_difference_and_one_is_zero(
    due: Decimal, paid: Decimal
) -> None:
    owed, back = balance_owed(due, paid), credit_owed(due, paid)
    assert owed >= 0 and back >= 0
    assert owed - back == due - paid
    assert owed == 0 or back == 0


def test_only_cash_and_card_are_money_received() -> None:
    assert counts_as_paid("cash") and counts_as_paid("card")
    assert not counts_as_paid("invoice") and not counts_as_paid("complimentary")
