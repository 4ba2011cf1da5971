"""Name badges as PDF: layout computed first (boxes tests can check), then drawn with ReportLab.

A badge shows, top to bottom: the event's name (the badge language first), the first name
large, the last name, the organization on up to two lines, the role band and the association
band (colour *and* words), and a QR code of the registration's opaque code beside or below
the names; on stocks with a chip slot, the sessions and days the person holds as chips
(``badge_chips``). Every box stays inside the stock's safe area; :func:`layout_badge` exposes them.

This module draws: a batch of badges (:func:`render_badges`) and a stock's alignment page.
The values live in ``badge_data``, text fitting in ``badge_fit`` and placement in
``badge_layout``; their public names are re-exported here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents.badge_data import (
    DOT,
    EVENT_COLOUR,
    MARKINGS,
    MAX_DOTS_PER_MODULE,
    MIN_DOTS_PER_MODULE,
    NAME_COLOUR,
    QUIET_ZONE,
    ROLES,
    BadgeChip,
    BadgeData,
    BadgeLayout,
    Band,
    Language,
    Marking,
    PlacedChip,
    PlacedLine,
    QrPlacement,
    RenderedBadges,
    Role,
)
from desktop_app.documents.badge_layout import badge_width, layout_badge
from desktop_app.documents.fonts import BOLD, REGULAR, register_fonts, unit_width
from desktop_app.documents.stocks import BadgeStock, Rect
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.domain.names import display_name

__all__ = [
    "DOT",
    "EVENT_COLOUR",
    "MARKINGS",
    "MAX_DOTS_PER_MODULE",
    "MIN_DOTS_PER_MODULE",
    "NAME_COLOUR",
    "QUIET_ZONE",
    "ROLES",
    "BadgeChip",
    "BadgeData",
    "BadgeLayout",
    "Band",
    "Language",
    "Marking",
    "PlacedLine",
    "QrPlacement",
    "RenderedBadges",
    "Role",
    "badge_width",
    "draw_badge",
    "layout_badge",
    "render_alignment_page",
    "render_badges",
]


@lru_cache(maxsize=64)
def _colour(value: str) -> HexColor:
    return HexColor(value)


def _draw_line(canvas: Canvas, line: PlacedLine) -> None:
    canvas.setFillColor(_colour(line.colour))
    x = line.x
    for run in line.shaped.runs:
        canvas.setFont(run.font, line.size)
        canvas.drawString(x, line.baseline, run.text)
        x += unit_width(run.text, run.font) * line.size


_DARK_RUN = re.compile(b"\x01+")


@lru_cache(maxsize=1024)
def _qr_runs(matrix: tuple[tuple[bool, ...], ...]) -> str:
    """The dark modules as PDF rectangles in module units, one per horizontal run."""
    rects: list[str] = []
    size = len(matrix)
    for row_index, row in enumerate(matrix):
        y = size - 1 - row_index
        # The runs found in C (a row as bytes, one per module): a Python loop over every
        # module was a tenth of a batch.
        rects.extend(
            f"{run.start()} {y} {run.end() - run.start()} 1 re"
            for run in _DARK_RUN.finditer(bytes(row))
        )
    return "\n".join(rects)


def _draw_qr(canvas: Canvas, qr: QrPlacement) -> None:
    # One filled path of run-length rectangles in module units, scaled by one `cm`: integer
    # coordinates keep it small, and writing the operators ourselves skips ReportLab's
    # pure-Python number formatting (hundreds of rectangles per badge dominated the batch).
    x = qr.rect.x + QUIET_ZONE * qr.module
    y = qr.rect.y + QUIET_ZONE * qr.module
    canvas.setFillColor(_colour("#000000"))
    m = qr.module
    canvas.addLiteral(f"q {m:.5f} 0 0 {m:.5f} {x:.4f} {y:.4f} cm\n{_qr_runs(qr.matrix)}\nf Q")


def _draw_band(canvas: Canvas, band: Band) -> None:
    rect = band.rect
    radius = min(3.0, rect.height / 4)
    canvas.setFillColor(_colour(band.fills[0]))
    if band.fills[0] == "#E4E4E4":  # a light band gets an outline so it reads on white stock
        canvas.setStrokeColor(_colour("#555555"))
        canvas.setLineWidth(0.75)
        canvas.roundRect(rect.x, rect.y, rect.width, rect.height, radius, stroke=1, fill=1)
    else:
        canvas.roundRect(rect.x, rect.y, rect.width, rect.height, radius, stroke=0, fill=1)
    if len(band.fills) == 2:
        half = rect.x + rect.width / 2
        canvas.setFillColor(_colour(band.fills[1]))
        canvas.roundRect(half, rect.y, rect.width / 2, rect.height, radius, stroke=0, fill=1)
        canvas.rect(half, rect.y, radius, rect.height, stroke=0, fill=1)
    _draw_line(canvas, band.line)


def _rgb(value: str) -> str:
    colour = _colour(value)
    return f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f}"


@lru_cache(maxsize=256)
def _chip_shape(rect: Rect, fill: str, outline: str) -> str:
    """A chip's rounded box as PDF operators, written once per box and colours: a batch
    repeats the same few chips, and ReportLab's own path formatting is pure Python."""
    # Inset by half the outline so its ink stays inside the chip's box.
    x, y = rect.x + 0.3, rect.y + 0.3
    w, h = rect.width - 0.6, rect.height - 0.6
    r = min(h, w) / 2
    c = r * 0.5523  # the Bézier handle of a quarter circle
    path = [
        f"{x + r:.3f} {y:.3f} m {x + w - r:.3f} {y:.3f} l",
        f"{x + w - r + c:.3f} {y:.3f} {x + w:.3f} {y + r - c:.3f} {x + w:.3f} {y + r:.3f} c",
        f"{x + w:.3f} {y + h - r:.3f} l",
        f"{x + w:.3f} {y + h - r + c:.3f} {x + w - r + c:.3f} {y + h:.3f}"
        f" {x + w - r:.3f} {y + h:.3f} c",
        f"{x + r:.3f} {y + h:.3f} l",
        f"{x + r - c:.3f} {y + h:.3f} {x:.3f} {y + h - r + c:.3f} {x:.3f} {y + h - r:.3f} c",
        f"{x:.3f} {y + r:.3f} l",
        f"{x:.3f} {y + r - c:.3f} {x + r - c:.3f} {y:.3f} {x + r:.3f} {y:.3f} c h",
    ]
    return f"q {_rgb(fill)} rg {_rgb(outline)} RG 0.6 w\n" + "\n".join(path) + "\nB Q"


def _draw_chip(canvas: Canvas, chip: PlacedChip) -> None:
    canvas.addLiteral(_chip_shape(chip.rect, chip.fill, chip.outline))
    _draw_line(canvas, chip.line)


def draw_badge(canvas: Canvas, layout: BadgeLayout, x: float, y: float) -> None:
    """Draw ``layout`` with its cell's bottom-left corner at ``x``, ``y`` on the page."""
    canvas.saveState()
    canvas.translate(x, y)
    for band in layout.bands:
        _draw_band(canvas, band)
    for chip in layout.chips:
        _draw_chip(canvas, chip)
    for line in layout.lines:
        _draw_line(canvas, line)
    _draw_qr(canvas, layout.qr)
    canvas.restoreState()


def _canvas(buffer: io.BytesIO, stock: BadgeStock, title: str) -> Canvas:
    register_fonts()
    canvas = Canvas(
        buffer,
        pagesize=(stock.page_width, stock.page_height),
        pageCompression=1,
        initialFontName=REGULAR,
    )
    canvas.setTitle(title)
    canvas.setCreator("Passerelle")
    return canvas


def _warning(badge: BadgeData, missing: frozenset[str]) -> str:
    chars = ", ".join(f"{c} (U+{ord(c):04X})" for c in sorted(missing))
    name = display_name(badge.first_name, badge.last_name)
    return f"Badge {badge.code} ({name}): no installed font has {chars}; they would print as boxes."


def render_badges(
    badges: Sequence[BadgeData], stock: BadgeStock, start_cell: int = 1
) -> RenderedBadges:
    """``badges`` as one PDF on ``stock``, the first in cell ``start_cell`` of the first sheet.

    Warnings name every character no font could draw, per badge, so staff can fix the name
    or install a font before printing; the badge still renders.
    """
    if not badges:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "There are no badges to print."))
    placements = stock.placements(len(badges), start_cell)
    buffer = io.BytesIO()
    canvas = _canvas(buffer, stock, "Badges")
    warnings: list[str] = []
    incomplete: dict[str, str] = {}  # code: the characters no font has
    page = 0
    pages = 1
    for index, (badge, (page_index, cell)) in enumerate(zip(badges, placements, strict=True)):
        layout = layout_badge(badge, stock)
        if stock.continuous:
            # A roll: every badge is its own page, as long as its content needs.
            if index > 0:
                canvas.showPage()
                pages += 1
            canvas.setPageSize((layout.width, stock.page_height))
            origin = Rect(0.0, 0.0, layout.width, layout.height)
        else:
            if page_index != page:
                canvas.showPage()
                page = page_index
                pages += 1
            origin = stock.cell_rect(cell)
        draw_badge(canvas, layout, origin.x, origin.y)
        if layout.missing:
            warnings.append(_warning(badge, layout.missing))
            incomplete[badge.code] = "".join(sorted(layout.missing))
    canvas.showPage()
    canvas.save()
    return RenderedBadges(buffer.getvalue(), tuple(warnings), pages, incomplete)


def render_alignment_page(stock: BadgeStock) -> bytes:
    """One page of ``stock`` with every cell outlined, its safe area dashed and its number,
    to check a printer's alignment and scaling (print at 100 %, then hold to the light)."""
    buffer = io.BytesIO()
    canvas = _canvas(buffer, stock, f"Alignment — {stock.name}")
    for number, cell in enumerate(stock.cell_rects(), start=1):
        canvas.saveState()
        canvas.translate(cell.x, cell.y)
        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(_colour("#000000"))
        canvas.roundRect(0, 0, cell.width, cell.height, stock.corner_radius, stroke=1, fill=0)
        safe = stock.safe_rect()
        canvas.setDash(3, 2)
        canvas.setStrokeColor(_colour("#777777"))
        canvas.rect(safe.x, safe.y, safe.width, safe.height, stroke=1, fill=0)
        canvas.setDash()
        middle_x, middle_y = cell.width / 2, cell.height / 2
        canvas.line(middle_x - 9, middle_y, middle_x + 9, middle_y)
        canvas.line(middle_x, middle_y - 9, middle_x, middle_y + 9)
        canvas.setFillColor(_colour("#000000"))
        canvas.setFont(BOLD, min(28.0, cell.height / 5))
        canvas.drawCentredString(middle_x, middle_y + 14, str(number))
        size = min(8.0, 0.95 * safe.width / max(unit_width(stock.name_fr, REGULAR), 1.0))
        canvas.setFont(REGULAR, size)
        canvas.drawCentredString(middle_x, middle_y - 12 - size, stock.name_fr)
        canvas.drawCentredString(
            middle_x, middle_y - 14 - 2 * size, "Imprimer à 100 % / Print at 100%"
        )
        # A 1 in (72 pt) rule to check the printer did not scale the page.
        canvas.line(middle_x - 36, safe.y + 6, middle_x + 36, safe.y + 6)
        canvas.line(middle_x - 36, safe.y + 3, middle_x - 36, safe.y + 9)
        canvas.line(middle_x + 36, safe.y + 3, middle_x + 36, safe.y + 9)
        canvas.drawCentredString(middle_x, safe.y + 9, "1 po / 1 in")
        canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
