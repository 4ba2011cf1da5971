"""What a badge shows and where things go on it: the badge's data, the marking and role bands'
words and colours, the QR code's dot grid, and the placed lines, bands and QR code of a layout.

Plain frozen values; ``badge_fit`` fits text, ``badge_layout`` places everything and ``badge``
draws it with ReportLab.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from desktop_app.documents.fonts import ShapedText
from desktop_app.documents.stocks import Rect
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

Marking = Literal["bioquebec", "lso", "both", "guest"]
ChipKind = Literal["session", "day"]
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
MARK_FILLS: tuple[str, ...] = ("#5B2C83",)
"""A consent's mark band (no photos): a colour no association or role uses."""

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

NAME_COLOUR = "#000000"
EVENT_COLOUR = "#333333"

# Entitlement chips: a session held is outlined black on white, a day filled light grey;
# both carry their words in black (colour is never the only signal).
CHIP_STYLES: dict[str, tuple[str, str]] = {  # kind: (fill, outline)
    "session": ("#FFFFFF", "#000000"),
    "day": ("#E4E4E4", "#555555"),
}


@dataclass(frozen=True)
class BadgeChip:
    """One entitlement on a badge: a session the person holds or a day they may come, in
    the badge's language; ``short`` (a code, a date) is printed when ``text`` has no room."""

    kind: ChipKind
    text: str
    short: str


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
    # Printed on the badge for a consent not given ("NO PHOTO · PAS DE PHOTO"), from the
    # event file's ``badge_mark``.
    mark: str | None = None
    # Sessions held and days to come, in the order printed; shown on stocks with a chip
    # slot. ``chip_row`` keeps the slot's room even without chips, so the names and the QR
    # code sit in the same place on every badge of an event that has sessions or days.
    chips: tuple[BadgeChip, ...] = ()
    chip_row: bool = False

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
class PlacedChip:
    """A chip drawn: its rounded box, fill and outline, and its words."""

    kind: ChipKind
    rect: Rect
    fill: str
    outline: str
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
    chips: tuple[PlacedChip, ...] = ()

    def boxes(self) -> tuple[tuple[str, Rect], ...]:
        """Every text line, band and the QR code with its box, for checking the safe area."""
        boxes = [(line.part, line.box) for line in self.lines]
        boxes += [(band.part, band.rect) for band in self.bands]
        boxes += [(f"{band.part}-text", band.line.box) for band in self.bands]
        boxes += [(f"chip-{chip.kind}", chip.rect) for chip in self.chips]
        boxes += [(f"chip-{chip.kind}-text", chip.line.box) for chip in self.chips]
        boxes.append(("qr", self.qr.rect))
        return tuple(boxes)


@dataclass(frozen=True)
class RenderedBadges:
    """A batch of badges as one PDF, with warnings for staff (e.g. characters no font has)."""

    pdf: bytes
    warnings: tuple[str, ...]
    pages: int
    # Badges that would print boxes, by code: the characters no font has. They are not
    # counted as printed unless staff confirm.
    incomplete: Mapping[str, str] = field(default_factory=dict)
