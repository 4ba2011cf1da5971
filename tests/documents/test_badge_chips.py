"""Entitlement chips on badges: the sessions held and the days, in each stock's chip slot,
never over the names, the bands or the QR code, which still scans."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.documents.badge import BadgeChip, BadgeLayout, layout_badge, render_badges
from desktop_app.documents.badge_chips import day_chip
from desktop_app.documents.stocks import Rect, available_stocks, load_stock, parse_stock
from desktop_app.domain.errors import Invalid
from tests.documents.pdf_reading import BadgeFactory, decode_qr_codes, flat, pdf_text

STOCKS = available_stocks()
GALA = BadgeChip("session", "Souper gala", "GALA")
WORKSHOP = BadgeChip("session", "Atelier A", "WORKSHOP-A")
DAYS = (day_chip(date(2027, 3, 23), "fr"), day_chip(date(2027, 3, 24), "fr"))


def overlaps(a: Rect, b: Rect) -> bool:
    return (
        a.x < b.right - 0.01 and b.x < a.right - 0.01 and a.y < b.top - 0.01 and b.y < a.top - 0.01
    )


def assert_chips_clear(layout: BadgeLayout) -> None:
    for part, box in layout.boxes():
        assert layout.safe.contains(box), (part, box, layout.safe)
    for chip in layout.chips:
        assert chip.rect.contains(chip.line.box, tolerance=0.5), chip
        assert not overlaps(chip.rect, layout.qr.rect), chip
        for line in layout.lines:
            assert not overlaps(chip.rect, line.box), (chip, line)
        for band in layout.bands:
            assert not overlaps(chip.rect, band.rect), (chip, band)
    for one, other in zip(layout.chips, layout.chips[1:], strict=False):
        assert not overlaps(one.rect, other.rect), (one, other)


@pytest.mark.parametrize("stock_name", STOCKS)
def test_chips_show_the_sessions_and_days_in_every_stock_slot(
    stock_name: str, make_badge: BadgeFactory
) -> None:
    stock = load_stock(stock_name)
    assert stock.chips is not None  # every shipped stock has a slot
    badge = make_badge(chips=(GALA, WORKSHOP, *DAYS), role="speaker", mark="PAS DE PHOTO")
    layout = layout_badge(badge, stock)
    assert [chip.line.text for chip in layout.chips] == [
        "Souper gala",
        "Atelier A",
        "mar. 23 mars",
        "mer. 24 mars",
    ]
    assert [chip.kind for chip in layout.chips] == ["session", "session", "day", "day"]
    assert_chips_clear(layout)
    text = flat(pdf_text(render_badges([badge], stock).pdf))
    for words in ("Souper gala", "Atelier A", "mar. 23 mars", "mer. 24 mars"):
        assert words in text


@pytest.mark.parametrize("stock_name", STOCKS)
def test_the_qr_code_still_scans_beside_the_chips(
    stock_name: str, make_badge: BadgeFactory
) -> None:
    codes = ["K7Q2M4X9ZP3RT6WB", "AB3DE5GH7JK2MN4P"]
    badges = [make_badge(code=code, role="staff", chips=(GALA, *DAYS)) for code in codes]
    stock = load_stock(stock_name)
    result = render_badges(badges, stock)
    found = decode_qr_codes(result.pdf, 203)
    if stock.cells_per_page == 1:
        found += decode_qr_codes(result.pdf, 203, page=1)
    assert sorted(found) == sorted(codes)


def test_a_person_without_sessions_gets_no_chips(make_badge: BadgeFactory) -> None:
    stock = load_stock("avery-5392")
    without = layout_badge(make_badge(chip_row=True), stock)
    assert without.chips == ()
    text = pdf_text(render_badges([make_badge(chip_row=True)], stock).pdf)
    assert "Souper gala" not in text and "mars" not in text


def test_the_chip_row_keeps_names_and_qr_in_place_across_a_batch(
    make_badge: BadgeFactory,
) -> None:
    stock = load_stock("avery-5392")
    holder = layout_badge(make_badge(chips=(GALA,), chip_row=True), stock)
    other = layout_badge(make_badge(chip_row=True), stock)
    assert holder.qr.rect == other.qr.rect
    assert [line.baseline for line in holder.lines] == [line.baseline for line in other.lines]
    # An event with no sessions or days: the badge is as it always was.
    plain = layout_badge(make_badge(), stock)
    assert plain.qr.rect.y < holder.qr.rect.y


def test_too_many_chips_shrink_then_shorten_then_count_the_rest(
    make_badge: BadgeFactory,
) -> None:
    stock = load_stock("avery-5395")
    long = tuple(
        BadgeChip("session", f"Atelier de formation avancée numéro {n}", f"AT{n}")
        for n in range(1, 4)
    )
    shortened = layout_badge(make_badge(chips=long), stock)
    assert [chip.line.text for chip in shortened.chips] == ["AT1", "AT2", "AT3"]
    many = tuple(BadgeChip("session", f"Session {n}", f"SESSION-{n:02d}") for n in range(1, 20))
    counted = layout_badge(make_badge(chips=many), stock)
    texts = [chip.line.text for chip in counted.chips]
    assert texts[-1] == f"+{len(many) - len(texts) + 1}"
    assert texts[:-1] == [chip.short for chip in many[: len(texts) - 1]]
    for layout in (shortened, counted):
        assert_chips_clear(layout)
        assert min(chip.line.size for chip in layout.chips) >= 4.0


STOCK_WITHOUT_SLOT = """
name_fr = "Essai"
name_en = "Test"
unit = "in"
[page]
width = 4.0
height = 3.0
[cell]
width = 4.0
height = 3.0
corner_radius = 0.0
safe_inset = 0.125
[grid]
columns = 1
rows = 1
left_margin = 0.0
top_margin = 0.0
horizontal_pitch = 4.0
vertical_pitch = 3.0
"""


def test_a_stock_without_a_chip_slot_prints_no_chips(make_badge: BadgeFactory) -> None:
    stock = parse_stock("no-slot", STOCK_WITHOUT_SLOT)
    assert stock.chips is None
    badge = make_badge(chips=(GALA, *DAYS), chip_row=True)
    assert layout_badge(badge, stock).chips == ()
    assert "Souper gala" not in pdf_text(render_badges([badge], stock).pdf)


@pytest.mark.parametrize(
    "table",
    [
        '[chips]\nposition = "sideways"\nheight = 0.2',
        '[chips]\nposition = "above-bands"\nheight = 1.5',
    ],
)
def test_a_bad_chip_slot_is_refused(table: str) -> None:
    with pytest.raises(Invalid, match="chips"):
        parse_stock("bad-slot", STOCK_WITHOUT_SLOT + table)


def test_day_chips_read_in_the_badge_language() -> None:
    assert day_chip(date(2027, 3, 23), "fr") == BadgeChip("day", "mar. 23 mars", "23 mars")
    assert day_chip(date(2027, 3, 23), "en") == BadgeChip("day", "Tue Mar 23", "Mar 23")


chip_words = st.text(
    alphabet=st.characters(categories=("Lu", "Ll", "Nd", "Zs", "Pd")), min_size=1, max_size=40
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(st.tuples(chip_words, chip_words), min_size=1, max_size=9))
def test_any_chips_stay_in_their_slot(
    words: list[tuple[str, str]], make_badge: BadgeFactory
) -> None:
    chips = tuple(BadgeChip("session", text, short) for text, short in words)
    for name in STOCKS:
        layout = layout_badge(make_badge(chips=chips), load_stock(name))
        assert layout.chips
        assert_chips_clear(layout)
