"""Fonts for badges and receipts: the bundled DejaVu Sans, glyph coverage, system fallbacks.

Any name must print. Text is NFC-normalised; DejaVu Sans (shipped in ``resources/fonts``
with its licence) covers Latin with every accent, Vietnamese, Greek, Cyrillic, Hebrew and
Arabic. For characters it lacks (Chinese, Japanese, Korean, Devanagari…) we look for an
installed system TrueType font that has them (``fc-list :charset=…`` where fontconfig
exists, else a scan of the usual font folders) and draw those characters with it. What no
font covers is reported by :func:`text_runs` so the caller can warn staff: never a silent box.
The search for those system fonts lives in ``font_fallback``.

Right-to-left text: ReportLab draws glyphs in the order given and does no shaping. We
shape Arabic ourselves into its presentation forms (initial, medial, final, isolated and
the lam-alef ligatures, derived from Unicode's own decompositions so no table is copied
here), then reorder with a simplified Unicode bidi algorithm (strong types only, neutrals
take their neighbours' direction or the paragraph's, rule L2 reversal). That is enough for
names and organisations; it is not a full UBA. PDF text extraction therefore returns
right-to-left words in visual order and in presentation forms (NFKC gives the letters back).
"""

from __future__ import annotations

import struct
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.documents import font_fallback
from desktop_app.documents.font_fallback import fallback_font

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_registered = False


def _font_path(filename: str) -> str:
    # The packaged resources (desktop_app.resources) by their package name: mypy cannot follow
    # the editable install's folder mapping, and a font must be a real file for ReportLab.
    with as_file(files("desktop_app.resources") / "fonts" / filename) as path:
        return str(path)


def register_fonts() -> None:
    """Register DejaVu Sans regular and bold with ReportLab once per process, as one family."""
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont(REGULAR, _font_path("DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, _font_path("DejaVuSans-Bold.ttf")))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, name)
    # Chinese and Japanese (Droid Sans Fallback, Apache 2.0) and Korean (Nanum Barun Gothic,
    # OFL) names: bundled, asked before any font of the system, so they never print as boxes
    # for want of one (resources/fonts/README.md).
    font_fallback.BUNDLED_FALLBACKS[:] = [
        Path(_font_path("DroidSansFallbackFull.ttf")),
        Path(_font_path("NanumBarunGothic.ttf")),
    ]
    font_fallback.fallback_font.cache_clear()
    _registered = True


def _cmap(font: str) -> dict[int, int]:
    register_fonts()
    cmap: dict[int, int] = pdfmetrics.getFont(font).face.charToGlyph
    return cmap


def _ignorable(char: str) -> bool:
    # Spaces and controls need no glyph; format characters (bidi marks, ZWJ) are removed.
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


def missing_glyphs(text: str, font: str = REGULAR) -> set[str]:
    """The characters of ``text`` (after NFC) that the registered ``font`` has no glyph for."""
    cmap = _cmap(font)
    return {
        c for c in unicodedata.normalize("NFC", text) if ord(c) not in cmap and not _ignorable(c)
    }


def _hhea_extent(path: str) -> tuple[float, float] | None:
    """Ascender and descender from the font's 'hhea' table, per unit of size.

    They bound the accents stacked on capitals (Ấ, Ǻ) that the OS/2 typographic ascent,
    which ReportLab reports, does not; layout boxes use them so nothing drawn leaves a box.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(65536)
            (count,) = struct.unpack(">H", data[4:6])
            offsets = {}
            for i in range(count):
                tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
                offsets[tag] = offset
            handle.seek(offsets[b"head"] + 18)
            (units,) = struct.unpack(">H", handle.read(2))
            handle.seek(offsets[b"hhea"] + 4)
            ascender, descender = struct.unpack(">hh", handle.read(4))
    except (OSError, KeyError, struct.error):
        return None
    return ascender / units, descender / units


@lru_cache(maxsize=16)
def font_extent(font: str) -> tuple[float, float]:
    """Ascent and descent (negative) of ``font`` for a size of 1 point, accents included."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    ascent, descent = face.ascent / 1000.0, face.descent / 1000.0
    hhea = _hhea_extent(str(face.filename))
    if hhea is not None:
        ascent, descent = max(ascent, hhea[0]), min(descent, hhea[1])
    return ascent, descent


# ---------------------------------------------------------------------------------------
# Runs of text in one font each


@dataclass(frozen=True)
class Run:
    """A piece of text drawn with one font."""

    font: str
    text: str


@dataclass(frozen=True)
class ShapedText:
    """Text ready to draw: runs in visual order, and the characters no font could show."""

    runs: tuple[Run, ...]
    missing: frozenset[str]

    @property
    def text(self) -> str:
        """The drawn characters in visual order."""
        return "".join(run.text for run in self.runs)

    def width(self, size: float) -> float:
        """The width in points at ``size``."""
        widths: list[float] = [pdfmetrics.stringWidth(r.text, r.font, size) for r in self.runs]
        return sum(widths)

    def extent(self) -> tuple[float, float]:
        """Largest ascent and deepest descent among the runs' fonts, per point of size."""
        extents = [font_extent(run.font) for run in self.runs] or [font_extent(REGULAR)]
        return max(a for a, _ in extents), min(d for _, d in extents)


@lru_cache(maxsize=8192)
def text_runs(text: str, font: str = REGULAR) -> ShapedText:
    """``text`` NFC-normalised, shaped, in visual order, split into runs by the font that has
    each character: ``font`` first, then a system fallback (its bold-less regular form)."""
    display = visual_order(unicodedata.normalize("NFC", text))
    cmap = _cmap(font)
    if all(ord(c) in cmap for c in display):  # the usual case: one run, no lookups
        return ShapedText((Run(font, display),) if display else (), frozenset())
    runs: list[Run] = []
    missing: set[str] = set()
    for char in display:
        chosen = font
        if ord(char) not in cmap and not char.isspace():
            fallback = fallback_font(char)
            if fallback is None:
                missing.add(char)
            else:
                chosen = fallback
        if runs and runs[-1].font == chosen:
            runs[-1] = Run(chosen, runs[-1].text + char)
        else:
            runs.append(Run(chosen, char))
    return ShapedText(tuple(runs), frozenset(missing))


# ---------------------------------------------------------------------------------------
# Right-to-left: Arabic shaping and a simplified bidi reordering


@lru_cache(maxsize=1)
def _arabic_forms() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    """Presentation forms by letter and form, and lam-alef ligatures, from Unicode data."""
    forms: dict[str, dict[str, str]] = {}
    ligatures: dict[tuple[str, str], dict[str, str]] = {}
    cmap = _cmap(REGULAR)
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) < 2 or parts[0] not in ("<isolated>", "<final>", "<initial>", "<medial>"):
            continue
        if code not in cmap:  # only forms our font can draw
            continue
        form = parts[0][1:-1]
        letters = tuple(chr(int(p, 16)) for p in parts[1:])
        if len(letters) == 1:
            forms.setdefault(letters[0], {})[form] = chr(code)
        elif len(letters) == 2 and letters[0] == "\u0644":
            ligatures.setdefault((letters[0], letters[1]), {})[form] = chr(code)
    return forms, ligatures


def _joins_forward(char: str, forms: dict[str, dict[str, str]]) -> bool:
    # Dual-joining letters (and tatweel) connect to the letter after them.
    return char == "\u0640" or "initial" in forms.get(char, {}) or "medial" in forms.get(char, {})


def _joins_backward(char: str, forms: dict[str, dict[str, str]]) -> bool:
    return char == "\u0640" or "final" in forms.get(char, {})


def shape_arabic(text: str) -> str:
    """``text`` with Arabic letters replaced by their contextual presentation forms."""
    if not any("\u0600" <= c <= "\u06ff" for c in text):
        return text
    forms, ligatures = _arabic_forms()
    chars = list(text)
    # Indexes of letters that take part in joining; combining marks are transparent.
    letters = [i for i, c in enumerate(chars) if unicodedata.category(c) != "Mn"]
    out = chars[:]
    skip: set[int] = set()
    for position, index in enumerate(letters):
        if index in skip:
            continue
        char = chars[index]
        before = chars[letters[position - 1]] if position > 0 else ""
        after_index = letters[position + 1] if position + 1 < len(letters) else None
        after = chars[after_index] if after_index is not None else ""
        joined_before = (
            bool(before) and _joins_forward(before, forms) and _joins_backward(char, forms)
        )
        ligature = ligatures.get((char, after))
        if ligature is not None and after_index is not None:
            form = "final" if joined_before else "isolated"
            if form in ligature:
                out[index] = ligature[form]
                out[after_index] = ""
                skip.add(after_index)
                continue
        joined_after = bool(after) and _joins_forward(char, forms) and _joins_backward(after, forms)
        form = {
            (True, True): "medial",
            (True, False): "final",
            (False, True): "initial",
            (False, False): "isolated",
        }[(joined_before, joined_after)]
        available = forms.get(char)
        if available:
            out[index] = available.get(form) or available.get("isolated", char)
    return "".join(out)


_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")


def is_right_to_left(text: str) -> bool:
    """Whether ``text`` reads right to left: its first strong character is Arabic or Hebrew."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def visual_order(text: str) -> str:
    """``text`` (logical order) shaped and reordered for left-to-right drawing.

    Pure left-to-right text is returned unchanged (apart from dropping format characters).
    """
    if not any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = "".join(c for c in shape_arabic(text) if unicodedata.category(c) != "Cf")
    kinds: list[str] = []
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            kinds.append("R")
        elif kind in ("L", "EN", "AN"):  # digits keep their left-to-right order
            kinds.append("L")
        elif kind == "NSM" and kinds:
            kinds.append(kinds[-1])
        else:
            kinds.append("N")
    base = next(k for k in kinds if k == "R" or k == "L")  # there is an R, so one exists
    # Neutrals between two runs of the same direction take it; others the paragraph's.
    resolved = kinds[:]
    for i, kind in enumerate(kinds):
        if kind != "N":
            continue
        before = next((k for k in reversed(kinds[:i]) if k != "N"), base)
        after = next((k for k in kinds[i + 1 :] if k != "N"), base)
        resolved[i] = before if before == after else base
    if base == "R":
        levels = [1 if k == "R" else 2 for k in resolved]
    else:
        levels = [1 if k == "R" else 0 for k in resolved]
    chars = [c.translate(_MIRROR) if lvl % 2 else c for c, lvl in zip(text, levels, strict=True)]
    # Rule L2: from the highest level down to the lowest odd one, reverse each run at or above.
    for level in range(max(levels), 0, -1):
        i = 0
        while i < len(chars):
            if levels[i] >= level:
                j = i
                while j < len(chars) and levels[j] >= level:
                    j += 1
                chars[i:j] = chars[i:j][::-1]
                levels[i:j] = levels[i:j][::-1]
                i = j
            else:
                i += 1
    return "".join(chars)


# ---------------------------------------------------------------------------------------
# Line breaking (on logical text: each line is reordered on its own when drawn)


@lru_cache(maxsize=16384)
def unit_width(text: str, font: str) -> float:
    """The width of ``text`` drawn in ``font`` at 1 point (cached: names repeat across fits)."""
    return text_runs(text, font).width(1.0)


def _words(text: str) -> list[str]:
    # Break after spaces and after hyphens (compound names: Marie-Ève), keeping the hyphen.
    words: list[str] = []
    current = ""
    for char in text:
        if char == " ":
            if current:
                words.append(current)
            current = ""
            continue
        current += char
        if char in "-\u2010":
            words.append(current)
            current = ""
    if current:
        words.append(current)
    return words


def _join(line: str, word: str) -> str:
    return (
        word if not line else (line + word if line.endswith(("-", "\u2010")) else f"{line} {word}")
    )


def wrap(
    text: str, font: str, size: float, width: float, *, break_words: bool = False
) -> list[str]:
    """``text`` broken greedily into lines no wider than ``width`` at ``size``.

    Breaks at spaces and after hyphens; a word wider than ``width`` stays whole (and too
    wide) unless ``break_words``, when it is split between characters instead.
    """
    limit = width / size
    lines: list[str] = []
    line = ""
    for word in _words(text):
        candidate = _join(line, word)
        if unit_width(candidate, font) <= limit:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        if break_words and unit_width(word, font) > limit:
            piece = ""
            for char in word:
                if piece and unit_width(piece + char, font) > limit:
                    lines.append(piece)
                    piece = ""
                piece += char
            line = piece
    if line:
        lines.append(line)
    return lines
