"""Badge layout: where the event's name, the names, the bands and the QR code go on a stock, in
the cell's own coordinates, every box inside the safe area; and how wide a badge on a roll is.
"""

from __future__ import annotations

import math
from functools import lru_cache

import segno

from desktop_app.documents.badge_chips import place_chips
from desktop_app.documents.badge_data import (
    DOT,
    EVENT_COLOUR,
    MARK_FILLS,
    MARKINGS,
    MAX_DOTS_PER_MODULE,
    MIN_DOTS_PER_MODULE,
    QUIET_ZONE,
    ROLES,
    BadgeData,
    BadgeLayout,
    PlacedLine,
    QrPlacement,
)
from desktop_app.documents.badge_fit import (
    fit_text,
    name_blocks,
    place_band,
    place_line,
    stack_height,
)
from desktop_app.documents.fonts import BOLD, REGULAR, is_right_to_left, unit_width
from desktop_app.documents.stocks import BadgeStock, Rect
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

# The 4 × 3 in badge's safe area (1/8 in inset); other stocks scale type from it.
_REFERENCE = (270.0, 198.0)


QR_MASK = 0
"""The QR codes' mask pattern, fixed: choosing the best of eight (segno scores each in pure
Python) took two thirds of a batch of badges (issue #16). Every mask is valid and every
reader reads it; this is the one segno picks most often for registration codes."""


@lru_cache(maxsize=1024)
def _qr_matrix(code: str) -> tuple[tuple[bool, ...], ...]:
    # Error level M at least (segno raises it when the version has room to spare).
    qr = segno.make(code, error="m", micro=False, mask=QR_MASK)
    return tuple(tuple(map(bool, row)) for row in qr.matrix)


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
        size, wrapped = fit_text(" ".join(text.split()), font, safe.width, sizes, 2)
        for piece in wrapped:
            x = safe.x + (safe.width - unit_width(piece, font) * size) / 2
            line = place_line("event", piece, font, size, x, cursor, EVENT_COLOUR)
            lines.append(line)
            cursor = line.box.y
    header_bottom = cursor - 4 * scale

    # Bands along the bottom: association marking last (lowest), role (or a consent's mark)
    # above it.
    band_height = 17 * scale
    band_gap = 3 * scale
    bands = [
        place_band(
            "marking",
            MARKINGS[badge.marking],
            badge.language,
            Rect(safe.x, safe.y, safe.width, band_height),
            scale,
        )
    ]
    rect = Rect(safe.x, safe.y + band_height + band_gap, safe.width, band_height)
    if badge.role is not None:
        french, english, fills, colour = ROLES[badge.role]
        if badge.mark:  # one band says both: "CONFÉRENCIER · NO PHOTO"
            french, english = f"{french} · {badge.mark}", f"{english} · {badge.mark}"
        words = (french, english, fills, colour)
        bands.append(place_band("role", words, badge.language, rect, scale))
    elif badge.mark:
        bands.append(
            place_band(
                "mark", (badge.mark, badge.mark, MARK_FILLS, "#FFFFFF"), badge.language, rect, scale
            )
        )
    # The space above the bands is reserved for a role band even without one, so the QR
    # code and names sit in the same place on every badge of a batch.
    middle = Rect(safe.x, safe.y + 2 * (band_height + band_gap) + scale, safe.width, 0.0)
    # The chips' row takes its room from the names and the QR code, never over them.
    slot = stock.chips if badge.chips or badge.chip_row else None
    chip_rect: Rect | None = None
    if slot is not None and slot.position == "above-bands":
        chip_rect = Rect(safe.x, middle.y, safe.width, slot.height)
        middle = Rect(middle.x, middle.y + slot.height + band_gap, middle.width, 0.0)
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
    if slot is not None and slot.position == "under-names":
        chip_rect = Rect(text_area.x, text_area.y, text_area.width, slot.height)
        below = slot.height + band_gap
        text_area = Rect(
            text_area.x, text_area.y + below, text_area.width, text_area.height - below
        )

    # Names: shrink everything together until the stack fits the height.
    factor = 1.0
    blocks = name_blocks(badge, text_area.width, scale, factor)
    while stack_height(blocks, 4 * scale * factor) > text_area.height and factor > 0.3:
        factor -= 0.05
        blocks = name_blocks(badge, text_area.width, scale, factor)
    block_gap = 4 * scale * factor
    cursor = text_area.top - max(0.0, (text_area.height - stack_height(blocks, block_gap)) / 2)
    for block in blocks:
        for piece in block.lines:
            piece_width = unit_width(piece, block.font) * block.size
            if portrait:
                x = text_area.x + (text_area.width - piece_width) / 2
            elif is_right_to_left(piece):  # Arabic, Hebrew: aligned as they are read
                x = text_area.x + text_area.width - piece_width
            else:
                x = text_area.x
            line = place_line(block.part, piece, block.font, block.size, x, cursor, block.colour)
            lines.append(line)
            cursor = line.box.y
        cursor -= block_gap

    chips = (
        place_chips(badge.chips, chip_rect, centred=portrait or slot.position == "above-bands")
        if chip_rect is not None and slot is not None
        else ()
    )
    missing = frozenset().union(*(line.shaped.missing for line in lines))
    missing |= frozenset().union(*(chip.line.shaped.missing for chip in chips))
    return BadgeLayout(
        width=width,
        height=height,
        safe=safe,
        lines=tuple(lines),
        bands=tuple(bands),
        qr=QrPlacement(qr_rect, module, matrix),
        missing=missing,
        chips=chips,
    )
