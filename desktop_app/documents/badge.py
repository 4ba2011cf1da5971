"""Name badges as PDF: layout computed first (boxes tests can check), then drawn with ReportLab.

A badge shows, top to bottom: the event's name (the badge language first), the first name
large, the last name, the organization on up to two lines, the role band and the association
band (colour *and* words), and a QR code of the registration's opaque code beside or below
the names. Every box stays inside the stock's safe area; :func:`layout_badge` exposes them.

Text fitting, in the order the desk wants it: shrink to fit (down to a minimum that is 24 pt
for the first name on a 4 × 3 in badge), then wrap at spaces and hyphens, then shrink below
the minimum, then break inside words, and only then an ellipsis. Nothing is ever cut off.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import segno
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from desktop_app.documents.fonts import (
    BOLD,
    REGULAR,
    ShapedText,
    register_fonts,
    text_runs,
    unit_width,
    wrap,
)
from desktop_app.documents.stocks import BadgeStock, Rect
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

Marking = Literal["bioquebec", "lso", "both", "guest"]
Role = Literal["speaker", "sponsor", "staff", "press", "volunteer"]
Language = Literal["fr", "en"]

# Band words (French, English), background colours and text colour. Every pair of colours
# has a contrast ratio of at least 4.5:1 (WCAG AA), and the words say it all without colour.
MARKINGS: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "bioquebec": ("Membre BIOQuébec", "BIOQuébec member", ("#1D4F91",), "#FFFFFF"),
    "lso": ("Membre LSO", "LSO member", ("#00695C",), "#FFFFFF"),
    "both": ("BIOQuébec + LSO", "BIOQuébec + LSO", ("#1D4F91", "#00695C"), "#FFFFFF"),
    "guest": ("Invité·e", "Guest", ("#E4E4E4",), "#000000"),
}
ROLES: dict[str, tuple[str, str, tuple[str, ...], str]] = {
    "speaker": ("Conférencier·ère", "Speaker", ("#B3261E",), "#FFFFFF"),
    "sponsor": ("Commanditaire", "Sponsor", ("#F2B705",), "#000000"),
    "staff": ("Équipe", "Staff", ("#262626",), "#FFFFFF"),
    "press": ("Presse", "Press", ("#5B2A86",), "#FFFFFF"),
    "volunteer": ("Bénévole", "Volunteer", ("#AD1457",), "#FFFFFF"),
}

# A 203 dpi thermal printer's dot, in points. QR modules are a whole number of dots (at
# least 3, i.e. 0.375 mm) so each prints as an even block; quiet zone 4 modules (ISO 18004).
DOT = 72.0 / 203.0
MIN_DOTS_PER_MODULE = 3
MAX_DOTS_PER_MODULE = 8
QUIET_ZONE = 4

# Smaller than this, nobody reads a badge; only then does text get an ellipsis.
_ABSOLUTE_MINIMUM = 4.0

# The 4 × 3 in badge's safe area (1/8 in inset); other stocks scale type from it.
_REFERENCE = (270.0, 198.0)
NAME_COLOUR = "#000000"
EVENT_COLOUR = "#333333"


@dataclass(frozen=True)
class BadgeData:
    """What one badge shows. ``code`` is the registration's opaque code (the QR content)."""

    code: str
    first_name: str
    last_name: str
    organization: str | None
    marking: Marking
    role: Role | None
    event_name_fr: str
    event_name_en: str
    language: Language

    def __post_init__(self) -> None:
        if not self.code.strip():
            raise Invalid(QT_TRANSLATE_NOOP("AppError", "A badge needs a registration code."))
        if self.marking not in MARKINGS:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "'{value}' is not an association marking."),
                value=self.marking,
            )
        if self.role is not None and self.role not in ROLES:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "'{value}' is not a badge role."), value=self.role
            )
        if self.language not in ("fr", "en"):
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "'{value}' is not a badge language."),
                value=self.language,
            )


@dataclass(frozen=True)
class PlacedLine:
    """One line of text on a badge, in the cell's coordinates (points, origin bottom-left)."""

    part: str  # event, first_name, last_name, organization, marking, role
    text: str  # logical order, as typed (NFC)
    shaped: ShapedText
    size: float
    x: float
    baseline: float
    colour: str
    font: str

    @property
    def width(self) -> float:
        """Advance width of the drawn line."""
        return self.shaped.width(self.size)

    @property
    def box(self) -> Rect:
        """The line's ink box: advance width by the fonts' ascender-to-descender height."""
        ascent, descent = self.shaped.extent()
        bottom = self.baseline + descent * self.size
        return Rect(self.x, bottom, self.width, (ascent - descent) * self.size)


@dataclass(frozen=True)
class Band:
    """A coloured band carrying words: the association marking or the role."""

    part: str  # marking or role
    rect: Rect
    fills: tuple[str, ...]
    line: PlacedLine


@dataclass(frozen=True)
class QrPlacement:
    """The QR code: ``rect`` includes the quiet zone; ``module`` is one module's side."""

    rect: Rect
    module: float
    matrix: tuple[tuple[bool, ...], ...]


@dataclass(frozen=True)
class BadgeLayout:
    """Everything on one badge, positioned in the cell's own coordinates."""

    width: float
    height: float
    safe: Rect
    lines: tuple[PlacedLine, ...]
    bands: tuple[Band, ...]
    qr: QrPlacement
    missing: frozenset[str]

    def boxes(self) -> tuple[tuple[str, Rect], ...]:
        """Every text line, band and the QR code with its box, for checking the safe area."""
        boxes = [(line.part, line.box) for line in self.lines]
        boxes += [(band.part, band.rect) for band in self.bands]
        boxes += [(f"{band.part}-text", band.line.box) for band in self.bands]
        boxes.append(("qr", self.qr.rect))
        return tuple(boxes)


@dataclass(frozen=True)
class RenderedBadges:
    """A batch of badges as one PDF, with warnings for staff (e.g. characters no font has)."""

    pdf: bytes
    warnings: tuple[str, ...]
    pages: int


# ---------------------------------------------------------------------------------------
# Fitting text


def _fit(
    text: str,
    font: str,
    width: float,
    sizes: tuple[float, float, float],
    max_lines: int,
) -> tuple[float, list[str]]:
    """Size and lines for ``text`` in ``width``: shrink, then wrap, then shrink, then break."""
    largest, smallest, floor = sizes
    one_line = unit_width(text, font)
    if one_line <= 0:
        return largest, [text]
    size = min(largest, width / one_line)
    if size >= smallest:
        return size, [text]
    size = smallest
    while size >= floor - 1e-9:
        lines = wrap(text, font, size, width)
        if len(lines) <= max_lines and all(unit_width(x, font) * size <= width for x in lines):
            return size, lines
        size -= 0.5
    # Below the floor, break inside words rather than lose letters; readable type has an end.
    size = floor
    while True:
        lines = wrap(text, font, size, width, break_words=True)
        if len(lines) <= max_lines or size <= _ABSOLUTE_MINIMUM:
            break
        size = max(_ABSOLUTE_MINIMUM, size * 0.9)
    if len(lines) > max_lines:  # the very last resort: an ellipsis on the last line
        last = lines[max_lines - 1]
        while last and unit_width(last + "…", font) * size > width:
            last = last[:-1]
        lines = [*lines[: max_lines - 1], last + "…"]
    return size, lines


def _line(
    part: str, text: str, font: str, size: float, x: float, top: float, colour: str
) -> PlacedLine:
    shaped = text_runs(text, font)
    ascent, _ = shaped.extent()
    return PlacedLine(part, text, shaped, size, x, top - ascent * size, colour, font)


def _height(text: str, font: str, size: float) -> float:
    ascent, descent = text_runs(text, font).extent()
    return (ascent - descent) * size


@dataclass(frozen=True)
class _Block:
    part: str
    font: str
    size: float
    lines: tuple[str, ...]
    colour: str

    def height(self) -> float:
        return sum(_height(line, self.font, self.size) for line in self.lines)


def _blocks(badge: BadgeData, width: float, scale: float, factor: float) -> list[_Block]:
    s = scale * factor
    specs = (
        ("first_name", badge.first_name, BOLD, (40 * s, 24 * s, 12 * s), 3),
        ("last_name", badge.last_name, BOLD, (22 * s, 14 * s, 9 * s), 3),
        ("organization", badge.organization or "", REGULAR, (12 * s, 9 * s, 6.5 * s), 2),
    )
    blocks = []
    for part, text, font, sizes, max_lines in specs:
        text = " ".join(text.split())
        if text:
            size, lines = _fit(text, font, width, sizes, max_lines)
            blocks.append(_Block(part, font, size, tuple(lines), NAME_COLOUR))
    return blocks


def _stack(blocks: list[_Block], gap: float) -> float:
    return sum(block.height() for block in blocks) + gap * max(0, len(blocks) - 1)


def _band(
    part: str,
    words: tuple[str, str, tuple[str, ...], str],
    language: Language,
    rect: Rect,
    scale: float,
) -> Band:
    french, english, fills, colour = words
    pair = (french, english) if language == "fr" else (english, french)
    text = pair[0] if french == english else f"{pair[0]} / {pair[1]}"
    inner = rect.width - 2 * 4 * scale
    size = min(10 * scale, rect.height * 0.55)
    if unit_width(text, BOLD) * size > inner:
        size = inner / unit_width(text, BOLD)
        if size < 5.5:  # too long for both languages: the badge's own language alone
            text = pair[0]
            size = min(10 * scale, rect.height * 0.55, inner / unit_width(text, BOLD))
    shaped = text_runs(text, BOLD)
    ascent, descent = shaped.extent()
    baseline = rect.y + (rect.height - (ascent + descent) * size) / 2
    x = rect.x + (rect.width - shaped.width(size)) / 2
    return Band(
        part, rect, fills, PlacedLine(f"{part}-text", text, shaped, size, x, baseline, colour, BOLD)
    )


@lru_cache(maxsize=1024)
def _qr_matrix(code: str) -> tuple[tuple[bool, ...], ...]:
    # Error level M at least (segno raises it when the version has room to spare).
    qr = segno.make(code, error="m", micro=False)
    return tuple(tuple(bool(v) for v in row) for row in qr.matrix)


def _qr(code: str, side_limit: float) -> tuple[tuple[tuple[bool, ...], ...], float, float]:
    matrix = _qr_matrix(code)
    modules = len(matrix) + 2 * QUIET_ZONE
    dots = min(MAX_DOTS_PER_MODULE, math.floor(side_limit / (modules * DOT)))
    if dots < MIN_DOTS_PER_MODULE:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "The code '{code}' is too long for a QR code on this stock."
            ),
            code=code,
        )
    module = dots * DOT
    return matrix, module, module * modules


def badge_width(badge: BadgeData, stock: BadgeStock) -> float:
    """The badge's width: the cell's, or on a continuous roll as much as the names need."""
    if stock.max_length is None:
        return stock.cell_width
    scale = min(
        (stock.cell_width - 2 * stock.safe_inset) / _REFERENCE[0],
        (stock.cell_height - 2 * stock.safe_inset) / _REFERENCE[1],
    )
    _, _, qr_side = _qr(badge.code, 0.30 * stock.cell_height)
    wanted = max(
        unit_width(" ".join(badge.first_name.split()), BOLD) * 32 * scale,
        unit_width(" ".join(badge.last_name.split()), BOLD) * 18 * scale,
        unit_width(" ".join((badge.organization or "").split()), REGULAR) * 10 * scale,
    )
    natural = wanted + qr_side + 8 * scale + 2 * stock.safe_inset
    return max(stock.cell_width, min(stock.max_length, math.ceil(natural)))


def layout_badge(badge: BadgeData, stock: BadgeStock) -> BadgeLayout:
    """Where everything on ``badge`` goes on ``stock``, in the cell's coordinates."""
    width = badge_width(badge, stock)
    height = stock.cell_height
    safe = stock.safe_rect(width)
    scale = min(safe.width / _REFERENCE[0], safe.height / _REFERENCE[1])
    portrait = safe.height > safe.width * 1.2
    lines: list[PlacedLine] = []

    # Header: the event's name, the badge's language first and bold.
    first, second = (
        (badge.event_name_fr, badge.event_name_en)
        if badge.language == "fr"
        else (badge.event_name_en, badge.event_name_fr)
    )
    cursor = safe.top
    header = [(first, BOLD, (10 * scale, 7 * scale, 5.5 * scale))]
    if second.strip() and second.strip() != first.strip():
        header.append((second, REGULAR, (8 * scale, 6 * scale, 5 * scale)))
    for text, font, sizes in header:
        size, wrapped = _fit(" ".join(text.split()), font, safe.width, sizes, 2)
        for piece in wrapped:
            x = safe.x + (safe.width - unit_width(piece, font) * size) / 2
            line = _line("event", piece, font, size, x, cursor, EVENT_COLOUR)
            lines.append(line)
            cursor = line.box.y
    header_bottom = cursor - 4 * scale

    # Bands along the bottom: association marking last (lowest), role above it.
    band_height = 17 * scale
    band_gap = 3 * scale
    bands = [
        _band(
            "marking",
            MARKINGS[badge.marking],
            badge.language,
            Rect(safe.x, safe.y, safe.width, band_height),
            scale,
        )
    ]
    if badge.role is not None:
        rect = Rect(safe.x, safe.y + band_height + band_gap, safe.width, band_height)
        bands.append(_band("role", ROLES[badge.role], badge.language, rect, scale))
    # The space above the bands is reserved for a role band even without one, so the QR
    # code and names sit in the same place on every badge of a batch.
    middle = Rect(safe.x, safe.y + 2 * (band_height + band_gap) + scale, safe.width, 0.0)
    middle = Rect(middle.x, middle.y, middle.width, header_bottom - middle.y)

    gap = 6 * scale
    if portrait:
        matrix, module, qr_side = _qr(badge.code, min(0.42 * safe.width, 0.4 * middle.height))
        qr_rect = Rect(safe.x + (safe.width - qr_side) / 2, middle.y, qr_side, qr_side)
        text_area = Rect(safe.x, qr_rect.top + gap, safe.width, middle.top - qr_rect.top - gap)
    else:
        matrix, module, qr_side = _qr(badge.code, min(0.28 * safe.width, middle.height))
        qr_rect = Rect(
            safe.right - qr_side, middle.y + (middle.height - qr_side) / 2, qr_side, qr_side
        )
        text_area = Rect(safe.x, middle.y, qr_rect.x - gap - safe.x, middle.height)

    # Names: shrink everything together until the stack fits the height.
    factor = 1.0
    blocks = _blocks(badge, text_area.width, scale, factor)
    while _stack(blocks, 4 * scale * factor) > text_area.height and factor > 0.3:
        factor -= 0.05
        blocks = _blocks(badge, text_area.width, scale, factor)
    block_gap = 4 * scale * factor
    cursor = text_area.top - max(0.0, (text_area.height - _stack(blocks, block_gap)) / 2)
    for block in blocks:
        for piece in block.lines:
            piece_width = unit_width(piece, block.font) * block.size
            x = text_area.x + (text_area.width - piece_width) / 2 if portrait else text_area.x
            line = _line(block.part, piece, block.font, block.size, x, cursor, block.colour)
            lines.append(line)
            cursor = line.box.y
        cursor -= block_gap

    missing = frozenset().union(*(line.shaped.missing for line in lines))
    return BadgeLayout(
        width=width,
        height=height,
        safe=safe,
        lines=tuple(lines),
        bands=tuple(bands),
        qr=QrPlacement(qr_rect, module, matrix),
        missing=missing,
    )


# ---------------------------------------------------------------------------------------
# Drawing


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


@lru_cache(maxsize=1024)
def _qr_runs(matrix: tuple[tuple[bool, ...], ...]) -> str:
    """The dark modules as PDF rectangles in module units, one per horizontal run."""
    rects = []
    size = len(matrix)
    for row_index, row in enumerate(matrix):
        y = size - 1 - row_index
        start = None
        for column, dark in enumerate((*row, False)):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                rects.append(f"{start} {y} {column - start} 1 re")
                start = None
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


def draw_badge(canvas: Canvas, layout: BadgeLayout, x: float, y: float) -> None:
    """Draw ``layout`` with its cell's bottom-left corner at ``x``, ``y`` on the page."""
    canvas.saveState()
    canvas.translate(x, y)
    for band in layout.bands:
        _draw_band(canvas, band)
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
    name = f"{badge.first_name} {badge.last_name}".strip()
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
    canvas.showPage()
    canvas.save()
    return RenderedBadges(buffer.getvalue(), tuple(warnings), pages)


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
