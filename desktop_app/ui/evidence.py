"""How a membership verdict looks, on the attendee card and in the walk-in form alike: one
chip per fact, its colour and words taken from the verdict (services' ``evidence_lines``),
never worked out again here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.domain.errors import Message
from desktop_app.domain.stored_verdict import EvidenceLine

# A membership found, one that had ended (or not begun) by the event, one to confirm, none.
CHIP_STYLES = {
    "member": "background:#e3f2e5; color:#123d17; border:2px solid #2e7d32;",
    "expired": "background:#f3e5e5; color:#5d1212; border:2px solid #8e2b2b;",
    "candidate": "background:#fff3d6; color:#4a3200; border:2px solid #b37400;",
    "none": "background:#eeeeee; color:#222222; border:2px solid #777777;",
}


def verdict_text(message: Message) -> str:
    """A verdict's sentence in the interface language."""
    return message.render(lambda text: QCoreApplication.translate("MembershipVerdict", text))


def chip_kind(line: EvidenceLine) -> str:
    """The chip's look for an evidence line: member, expired or candidate."""
    return line.kind if line.kind in ("expired", "candidate") else "member"


class Chip(QLabel):
    """A rounded label for one membership fact (colour and words)."""

    def __init__(self, text: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.kind = kind
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(f"QLabel {{ {CHIP_STYLES[kind]} border-radius:10px; padding:3px 9px; }}")

    @classmethod
    def of(cls, line: EvidenceLine, parent: QWidget | None = None) -> Chip:
        """The chip of one evidence line."""
        return cls(verdict_text(line.line()), chip_kind(line), parent)
