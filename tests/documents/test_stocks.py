"""Badge stocks: the shipped descriptions add up, cells are where Avery puts them."""

from __future__ import annotations

import io
import itertools

import pytest
from pypdf import PdfReader

from desktop_app.documents.badge import render_alignment_page
from desktop_app.documents.stocks import BadgeStock, available_stocks, load_stock, parse_stock
from desktop_app.domain.errors import Invalid, NotFound
from tests.documents.pdf_reading import pdf_text

INCH = 72.0
MM = 72.0 / 25.4
SHIPPED = ("avery-5392", "avery-5395", "badge-4x6", "brother-62mm", "brother-dk1202")


def test_every_documented_stock_ships() -> None:
    assert set(SHIPPED) <= set(available_stocks())


@pytest.mark.parametrize("name", SHIPPED)
def test_cells_lie_on_the_page_without_overlapping(name: str) -> None:
    stock = load_stock(name)
    cells = stock.cell_rects()
    assert len(cells) == stock.cells_per_page
    page = (0.0, 0.0, stock.page_width, stock.page_height)
    for cell in cells:
        assert page[0] - 0.1 <= cell.x and cell.right <= page[2] + 0.1
        assert page[1] - 0.1 <= cell.y and cell.top <= page[3] + 0.1
        safe = stock.safe_rect().moved(cell.x, cell.y)
        assert cell.contains(safe)
    for a, b in itertools.combinations(cells, 2):
        apart = (
            a.right <= b.x + 0.01
            or b.right <= a.x + 0.01
            or a.top <= b.y + 0.01
            or b.top <= a.y + 0.01
        )
        assert apart, (a, b)
    assert stock.name_fr and stock.name_en and stock.title("fr") != stock.title("en")


def test_avery_5392_matches_avery_template() -> None:
    stock = load_stock("avery-5392")
    assert (stock.page_width, stock.page_height) == (8.5 * INCH, 11 * INCH)
    assert (stock.columns, stock.rows) == (2, 3)
    first, second, *_, last = stock.cell_rects()
    assert (first.x, first.top) == pytest.approx((0.25 * INCH, 10 * INCH))
    assert (first.width, first.height) == pytest.approx((4 * INCH, 3 * INCH))
    assert second.x == pytest.approx(4.25 * INCH)
    assert (last.right, last.y) == pytest.approx((8.25 * INCH, 1 * INCH))


def test_avery_5395_matches_avery_template() -> None:
    stock = load_stock("avery-5395")
    assert (stock.columns, stock.rows) == (2, 4)
    cells = stock.cell_rects()
    assert (cells[0].x, cells[0].top) == pytest.approx((0.6875 * INCH, 10.4 * INCH))
    assert cells[1].x - cells[0].x == pytest.approx(3.8125 * INCH)
    assert cells[0].top - cells[2].top == pytest.approx(2.5 * INCH)
    assert (cells[0].width, cells[0].height) == pytest.approx((3.375 * INCH, 2.3333 * INCH))
    assert cells[-1].y > 0.5 * INCH  # the bottom row stays above the bottom margin


def test_brother_stocks_are_in_millimetres() -> None:
    die_cut = load_stock("brother-dk1202")
    assert (die_cut.cell_width, die_cut.cell_height) == pytest.approx((100 * MM, 62 * MM))
    roll = load_stock("brother-62mm")
    assert roll.continuous and roll.cell_height == pytest.approx(62 * MM)
    assert roll.max_length is not None and roll.max_length > roll.cell_width
    assert not die_cut.continuous


def test_placements_start_at_cell_n_then_fill_following_sheets() -> None:
    stock = load_stock("avery-5392")
    assert stock.placements(4, start_cell=5) == [(0, 5), (0, 6), (1, 1), (1, 2)]
    assert stock.placements(2) == [(0, 1), (0, 2)]


@pytest.mark.parametrize("cell", [0, 7, -1])
def test_cells_outside_the_sheet_are_refused(cell: int) -> None:
    with pytest.raises(Invalid):
        load_stock("avery-5392").placements(1, start_cell=cell)


def test_unknown_stock_is_not_found() -> None:
    with pytest.raises(NotFound):
        load_stock("avery-9999")
    with pytest.raises(NotFound):
        load_stock("../pyproject")


STOCK_TEXT = """
name_fr = "Essai"
name_en = "Test"
unit = "in"
[page]
width = 8.5
height = 11.0
[cell]
width = {cell_width}
height = 3.0
corner_radius = 0.0
safe_inset = 0.125
[grid]
columns = 2
rows = 3
left_margin = 0.25
top_margin = 1.0
horizontal_pitch = 4.0
vertical_pitch = 3.0
"""


def test_a_new_stock_is_a_data_file() -> None:
    stock = parse_stock("test", STOCK_TEXT.format(cell_width=4.0))
    assert isinstance(stock, BadgeStock)
    assert stock.cells_per_page == 6


@pytest.mark.parametrize(
    "text",
    [
        STOCK_TEXT.format(cell_width=4.5),  # cells overlap and leave the page
        STOCK_TEXT.format(cell_width=4.0).replace('unit = "in"', 'unit = "cm"'),
        STOCK_TEXT.format(cell_width=4.0).replace("columns = 2", "columns = 0"),
        "not toml [",
        'name_fr = "x"',
    ],
)
def test_a_stock_that_does_not_add_up_is_refused(text: str) -> None:
    with pytest.raises(Invalid):
        parse_stock("broken", text)


@pytest.mark.parametrize("name", SHIPPED)
def test_alignment_page_outlines_every_cell(name: str) -> None:
    stock = load_stock(name)
    pdf = render_alignment_page(stock)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(
        (stock.page_width, stock.page_height), abs=0.01
    )
    text = pdf_text(pdf)
    for number in range(1, stock.cells_per_page + 1):
        assert str(number) in text
    assert "Print at 100%" in text
