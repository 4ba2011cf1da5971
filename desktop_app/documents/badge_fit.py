"""Fitting text on a badge, in the order the desk wants it: shrink to fit (down to a minimum
that is 24 pt for the first name on a 4 × 3 in badge), then wrap at spaces and hyphens, then shrink
below the minimum, then break inside words, and only then an ellipsis. Nothing is ever cut off.

Also the name blocks (first name, last name, organization) and the words in a coloured band.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.documents.badge_data import NAME_COLOUR, BadgeData, Band, Language, PlacedLine
from desktop_app.documents.fonts import BOLD, REGULAR, text_runs, unit_width, wrap
from desktop_app.documents.stocks import Rect

# Smaller than this, nobody reads a badge; only then does text get an ellipsis.
_ABSOLUTE_MINIMUM = 4.0


def fit_text(
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


def place_line(
    part: str, text: str, font: str, size: float, x: float, top: float, colour: str
) -> PlacedLine:
    """``text`` as one line whose ink starts at ``top`` (its ascender touches it)."""
    shaped = text_runs(text, font)
    ascent, _ = shaped.extent()
    return PlacedLine(part, text, shaped, size, x, top - ascent * size, colour, font)


def _height(text: str, font: str, size: float) -> float:
    ascent, descent = text_runs(text, font).extent()
    return (ascent - descent) * size


@dataclass(frozen=True)
class NameBlock:
    """One fitted name part (first name, last name or organization) and its lines."""

    part: str
    font: str
    size: float
    lines: tuple[str, ...]
    colour: str

    def height(self) -> float:
        """The lines' total ink height."""
        return sum(_height(line, self.font, self.size) for line in self.lines)


def name_blocks(badge: BadgeData, width: float, scale: float, factor: float) -> list[NameBlock]:
    """The non-empty name parts fitted in ``width``, type scaled by ``scale * factor``."""
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
            size, lines = fit_text(text, font, width, sizes, max_lines)
            blocks.append(NameBlock(part, font, size, tuple(lines), NAME_COLOUR))
    return blocks


def stack_height(blocks: list[NameBlock], gap: float) -> float:
    """The height of ``blocks`` stacked with ``gap`` between them."""
    return sum(block.height() for block in blocks) + gap * max(0, len(blocks) - 1)


def place_band(
    part: str,
    words: tuple[str, str, tuple[str, ...], str],
    language: Language,
    rect: Rect,
    scale: float,
) -> Band:
    """A band in ``rect`` with its words centred: both languages, or its own when too long."""
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
