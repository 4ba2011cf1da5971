"""Any amount written in an event file is a price within the ceiling or a clean refusal naming
its line (#15 item 5): never a traceback, never an exponent read as a number."""

from __future__ import annotations

import json
import re
from decimal import Decimal

from desktop_app.resources import as_path
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.event_reader import EventFileError
from desktop_app.domain.events import parse_event_file
from desktop_app.domain.money import LINE_CEILING

MONTREAL = as_path("examples", "forum-montreal-2027.toml").read_text("utf-8")


@settings(max_examples=150, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
    | st.from_regex(r"-?[0-9]{0,30}([.,][0-9]{0,4})?([eE][+-]?[0-9]{1,3})?", fullmatch=True)
)
def test_any_price_text_is_a_bounded_price_or_a_refusal_naming_its_line(text: str) -> None:
    # json.dumps writes a valid TOML basic string for text without control characters.
    quoted = json.dumps(text, ensure_ascii=False)
    source = MONTREAL.replace('amount = "725.00"', f"amount = {quoted}", 1)
    try:
        spec = parse_event_file(source, "forum.toml")
    except EventFileError as error:
        assert "line 44, key prices[3].amount" in error.message
        return
    price = {p.code: p.amount for p in spec.prices}["non-member"]
    assert Decimal(0) <= price <= LINE_CEILING
    assert not re.search(r"\d[eE][+-]?\d", text)  # an exponent is never read as a number
