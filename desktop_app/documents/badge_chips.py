"""The row of entitlement chips on a badge: the sessions a person holds and the days they
may come, as small rounded chips side by side in the stock's chip slot.

The row is fitted like the names, never cut: the chips' words shrink to fit (down to a
floor), then each chip says its short form (the session's code, the date without its
weekday), and only then do the last chips give way to one "+N" saying how many more.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop_app.documents.badge_data import CHIP_STYLES, BadgeChip, PlacedChip, PlacedLine
from desktop_app.documents.fonts import BOLD, text_runs, unit_width
from desktop_app.documents.stocks import Rect

# In chip heights: the words' largest size, the padding each side of them, the gap between.
_SIZE = 0.62
_PAD = 0.4
_GAP = 0.3
_FLOOR = 4.5  # points: smaller chip words are not read at arm's length

_WEEKDAYS = {
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS = {
    "fr": (
        "janv.", "févr.", "mars", "avr.", "mai", "juin",
        "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}  # fmt: skip


def day_chip(day: date, language: str) -> BadgeChip:
    """The chip of one day of the event, in ``language`` ("mar. 23 mars", "Tue Mar 23")."""
    lang = "fr" if language == "fr" else "en"
    weekday, month = _WEEKDAYS[lang][day.weekday()], _MONTHS[lang][day.month - 1]
    if lang == "fr":
        return BadgeChip("day", f"{weekday} {day.day} {month}", f"{day.day} {month}")
    return BadgeChip("day", f"{weekday} {month} {day.day}", f"{month} {day.day}")


def _row_width(texts: Sequence[str], size: float, height: float) -> float:
    words = sum(unit_width(text, BOLD) for text in texts) * size
    return words + len(texts) * 2 * _PAD * height + (len(texts) - 1) * _GAP * height


def _fitted_size(texts: Sequence[str], width: float, height: float) -> float | None:
    """The largest size (up to the nominal one) at which ``texts`` fit in ``width``."""
    largest = _SIZE * height
    units = sum(unit_width(text, BOLD) for text in texts)
    fixed = len(texts) * 2 * _PAD * height + (len(texts) - 1) * _GAP * height
    if units <= 0:
        return largest
    size = min(largest, (width - fixed) / units)
    return size if size >= min(_FLOOR, largest) else None


def _fit(chips: Sequence[BadgeChip], width: float, height: float) -> tuple[list[str], float, bool]:
    """The chips' words and size, and whether the last word is a "+N" for those left out."""
    for texts in ([c.text for c in chips], [c.short for c in chips]):
        size = _fitted_size(texts, width, height)
        if size is not None:
            return texts, size, False
    floor = min(_FLOOR, _SIZE * height)
    shorts = [c.short for c in chips]
    for kept in range(len(chips) - 1, 0, -1):
        texts = [*shorts[:kept], f"+{len(chips) - kept}"]
        if _row_width(texts, floor, height) <= width:
            return texts, floor, True
    return [f"+{len(chips)}"], floor, True


def place_chips(chips: Sequence[BadgeChip], rect: Rect, *, centred: bool) -> tuple[PlacedChip, ...]:
    """``chips`` side by side in ``rect`` (one row of its height), left-aligned or centred."""
    if not chips or rect.width <= 0:
        return ()
    height = rect.height
    texts, size, more = _fit(chips, rect.width, height)
    x = rect.x
    if centred:
        x += max(0.0, (rect.width - _row_width(texts, size, height)) / 2)
    placed = []
    for index, text in enumerate(texts):
        # The "+N" chip is drawn as a session's: it stands for what did not fit.
        kind = "session" if more and index == len(texts) - 1 else chips[index].kind
        fill, outline = CHIP_STYLES[kind]
        shaped = text_runs(text, BOLD)
        ascent, descent = shaped.extent()
        width = shaped.width(size) + 2 * _PAD * height
        baseline = rect.y + (height - (ascent + descent) * size) / 2
        line = PlacedLine(
            f"chip-{kind}", text, shaped, size, x + _PAD * height, baseline, "#000000", BOLD
        )
        placed.append(PlacedChip(kind, Rect(x, rect.y, width, height), fill, outline, line))
        x += width + _GAP * height
    return tuple(placed)
