"""Badge stocks: sheets of labels and label rolls described by data files, not code.

Each stock is a TOML file in ``resources/stocks/`` giving the page, the cell (one badge),
the grid of cells on the page with its margins and pitch, the corner radius, and the safe
area inset inside which text and the QR code stay. Lengths are in the file's ``unit``
(``in`` or ``mm``) and become PDF points here. A continuous roll (``[continuous]``) has one
cell per page whose length grows with the content up to ``max_length``. A stock with a
``[chips]`` table shows the sessions and days a person holds as a row of small chips, at
``position`` (``above-bands``: across the badge, over the bands; ``under-names``: under the
names, beside the QR code) and ``height``; a stock without one shows none.

Coordinates are PDF ones: origin at the bottom-left of the page, y upwards. Cells are
numbered from 1, left to right then top to bottom, as people count labels on a sheet.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, Literal

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound

POINTS_PER_UNIT = {"in": 72.0, "mm": 72.0 / 25.4}

# Half a thousandth of an inch: Avery's 2⅓ in written as 2.3333 must still "fit".
_TOLERANCE = 0.05


@dataclass(frozen=True)
class Rect:
    """A rectangle in points: ``x``, ``y`` of its bottom-left corner, width and height."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        """The x of the right edge."""
        return self.x + self.width

    @property
    def top(self) -> float:
        """The y of the top edge."""
        return self.y + self.height

    def contains(self, other: Rect, tolerance: float = 0.01) -> bool:
        """Whether ``other`` lies inside this rectangle (edges included, within ``tolerance``)."""
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.top <= self.top + tolerance
        )

    def moved(self, dx: float, dy: float) -> Rect:
        """The same rectangle shifted by ``dx``, ``dy``."""
        return Rect(self.x + dx, self.y + dy, self.width, self.height)


ChipPosition = Literal["above-bands", "under-names"]
CHIP_POSITIONS: tuple[ChipPosition, ...] = ("above-bands", "under-names")


@dataclass(frozen=True)
class ChipSlot:
    """Where a stock puts the row of entitlement chips, and how tall they are (points)."""

    position: ChipPosition
    height: float


@dataclass(frozen=True)
class BadgeStock:
    """One kind of badge stock; every length in PDF points (1/72 in)."""

    name: str
    name_fr: str
    name_en: str
    page_width: float
    page_height: float
    cell_width: float
    cell_height: float
    columns: int
    rows: int
    left_margin: float
    top_margin: float
    horizontal_pitch: float
    vertical_pitch: float
    corner_radius: float
    safe_inset: float
    # Only for continuous rolls: the longest a badge may grow (None for sheets and die-cut).
    max_length: float | None = None
    # The row of entitlement chips (sessions, days); None: this stock shows none.
    chips: ChipSlot | None = None

    @property
    def continuous(self) -> bool:
        """Whether the stock is a roll whose badge length follows the content."""
        return self.max_length is not None

    @property
    def cells_per_page(self) -> int:
        """How many badges one page (sheet) holds."""
        return self.columns * self.rows

    def title(self, language: str) -> str:
        """The stock's name for people, in ``language`` ('fr' or 'en')."""
        return self.name_fr if language == "fr" else self.name_en

    def cell_rect(self, cell: int) -> Rect:
        """Where cell number ``cell`` (1-based, row by row from the top-left) lies on the page."""
        if not 1 <= cell <= self.cells_per_page:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError", "Cell {cell} does not exist on {stock} (1 to {last})."
                ),
                cell=cell,
                stock=self.name,
                last=self.cells_per_page,
            )
        row, column = divmod(cell - 1, self.columns)
        x = self.left_margin + column * self.horizontal_pitch
        top = self.page_height - self.top_margin - row * self.vertical_pitch
        return Rect(x, top - self.cell_height, self.cell_width, self.cell_height)

    def cell_rects(self) -> tuple[Rect, ...]:
        """Every cell of a page, in cell-number order."""
        return tuple(self.cell_rect(n) for n in range(1, self.cells_per_page + 1))

    def safe_rect(self, width: float | None = None) -> Rect:
        """The safe area of a cell in the cell's own coordinates (``width`` for rolls)."""
        inset = self.safe_inset
        cell_width = self.cell_width if width is None else width
        return Rect(inset, inset, cell_width - 2 * inset, self.cell_height - 2 * inset)

    def placements(self, count: int, start_cell: int = 1) -> list[tuple[int, int]]:
        """(page index, cell number) for ``count`` badges, the first in ``start_cell``.

        Only the first page starts at ``start_cell``: the rest of a partly used sheet is
        filled, then every following sheet starts at cell 1.
        """
        self.cell_rect(start_cell)  # validates start_cell
        result = []
        for index in range(count):
            page, offset = divmod(start_cell - 1 + index, self.cells_per_page)
            result.append((page, offset + 1))
        return result


def _number(table: dict[str, Any], key: str, stock: str) -> float:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "Stock {stock}: '{key}' must be a length ≥ 0."),
            stock=stock,
            key=key,
        )
    return float(value)


def _count(table: dict[str, Any], key: str, stock: str) -> int:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "Stock {stock}: '{key}' must be a whole number ≥ 1."),
            stock=stock,
            key=key,
        )
    return value


def parse_stock(name: str, text: str) -> BadgeStock:
    """Build a stock from the TOML ``text`` of a stock file, checking that it adds up.

    Raises :class:`Invalid` for a malformed file or cells that do not fit on the page.
    """
    try:
        data = tomllib.loads(text)
        unit = data.get("unit")
        if unit not in POINTS_PER_UNIT:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Stock {stock}: unit must be 'in' or 'mm'."),
                stock=name,
            )
        scale = POINTS_PER_UNIT[unit]
        page, cell, grid = data["page"], data["cell"], data["grid"]
        continuous = data.get("continuous")
        stock = BadgeStock(
            name=name,
            name_fr=str(data["name_fr"]),
            name_en=str(data["name_en"]),
            page_width=_number(page, "width", name) * scale,
            page_height=_number(page, "height", name) * scale,
            cell_width=_number(cell, "width", name) * scale,
            cell_height=_number(cell, "height", name) * scale,
            corner_radius=_number(cell, "corner_radius", name) * scale,
            safe_inset=_number(cell, "safe_inset", name) * scale,
            columns=_count(grid, "columns", name),
            rows=_count(grid, "rows", name),
            left_margin=_number(grid, "left_margin", name) * scale,
            top_margin=_number(grid, "top_margin", name) * scale,
            horizontal_pitch=_number(grid, "horizontal_pitch", name) * scale,
            vertical_pitch=_number(grid, "vertical_pitch", name) * scale,
            max_length=(
                _number(continuous, "max_length", name) * scale if continuous is not None else None
            ),
            chips=_chip_slot(data.get("chips"), name, scale),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "Stock {stock} is not a valid stock file: {error}"),
            stock=name,
            error=str(error),
        ) from error
    _check_geometry(stock)
    return stock


def _chip_slot(table: Any, stock: str, scale: float) -> ChipSlot | None:
    if table is None:
        return None
    position = table.get("position") if isinstance(table, dict) else None
    if position not in CHIP_POSITIONS:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "Stock {stock}: chips position must be one of {choices}."
            ),
            stock=stock,
            choices=", ".join(CHIP_POSITIONS),
        )
    return ChipSlot(position=position, height=_number(table, "height", stock) * scale)


def _check_geometry(stock: BadgeStock) -> None:
    """Refuse a stock whose cells overlap or leave the page: it would misprint every sheet."""
    tolerance = _TOLERANCE
    problems = []
    if stock.horizontal_pitch + tolerance < stock.cell_width and stock.columns > 1:
        problems.append("horizontal pitch smaller than the cell width")
    if stock.vertical_pitch + tolerance < stock.cell_height and stock.rows > 1:
        problems.append("vertical pitch smaller than the cell height")
    right = stock.left_margin + (stock.columns - 1) * stock.horizontal_pitch + stock.cell_width
    bottom = stock.top_margin + (stock.rows - 1) * stock.vertical_pitch + stock.cell_height
    if right > stock.page_width + tolerance:
        problems.append("cells run past the right edge of the page")
    if bottom > stock.page_height + tolerance:
        problems.append("cells run past the bottom of the page")
    if 2 * stock.safe_inset >= min(stock.cell_width, stock.cell_height):
        problems.append("safe inset leaves no room")
    if stock.max_length is not None and stock.max_length < stock.cell_width:
        problems.append("continuous max_length shorter than the cell")
    if stock.chips is not None and not 0 < stock.chips.height < stock.cell_height / 6:
        problems.append("chips height must be more than 0 and under a sixth of the cell")
    if problems:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "Stock {stock} does not add up: {problems}."),
            stock=stock.name,
            problems="; ".join(problems),
        )


def available_stocks() -> tuple[str, ...]:
    """The names of every stock shipped with the app, sorted."""
    folder = _stocks_folder()
    return tuple(
        sorted(
            item.name[: -len(".toml")] for item in folder.iterdir() if item.name.endswith(".toml")
        )
    )


def _stocks_folder() -> Traversable:
    # desktop_app.resources by name: mypy cannot follow the editable install's folder mapping.
    return files("desktop_app.resources") / "stocks"


_CACHE: dict[str, BadgeStock] = {}


def load_stock(name: str) -> BadgeStock:
    """The shipped stock called ``name`` (e.g. ``"avery-5392"``); :class:`NotFound` if none."""
    cached = _CACHE.get(name)
    if cached is not None:
        return cached
    if name not in available_stocks():
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "There is no badge stock called '{name}'."), name=name
        )
    stock = parse_stock(name, (_stocks_folder() / f"{name}.toml").read_text(encoding="utf-8"))
    _CACHE[name] = stock
    return stock
