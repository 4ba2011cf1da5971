"""A label that shortens its text with "…" when space is short, instead of widening the window.

The desk must fit a 1280 px laptop in both languages: long event, desk, staff or printer names
give up width first, and the full text is in the tooltip while it is shortened.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

# The header's coloured status dot (rich text) before plain words: the dot stays, words shorten.
_DOT = re.compile(r"^(<span [^>]*>●</span>)\s(.*)$", re.DOTALL)


class ElidedLabel(QLabel):
    """A one-line QLabel whose text is elided to its width (full text in the tooltip).

    Plain text, or the status dot ``<span …>●</span>`` followed by plain text. ``text()``
    returns what was set, shortened or not. ``keep`` is how many characters (with "…") it
    shows at its narrowest: more for what matters most.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, *, keep: int = 8) -> None:
        super().__init__(parent)
        self.keep = keep
        self._full = ""
        self._prefix = ""  # the dot's markup, or ""
        self._words = ""  # the plain words after it
        self._own_tip = ""
        self._shown = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    # -- what callers set ---------------------------------------------------------------

    def setText(self, text: str) -> None:
        """Show ``text``, shortened to the label's width when needed."""
        self._full = text
        match = _DOT.match(text)
        if match is not None:
            self._prefix, self._words = match.group(1), match.group(2)
        else:
            self._prefix, self._words = "", text
        self._render()
        self.updateGeometry()

    def text(self) -> str:
        """The full text as set (not the shortened one on screen)."""
        return self._full

    def shown_text(self) -> str:
        """The words on screen now (shortened with "…" when they do not fit)."""
        return self._shown

    def is_elided(self) -> bool:
        """Whether the words on screen are shortened."""
        return self._shown != self._words

    def setToolTip(self, tip: str) -> None:
        """The label's own tooltip; the full text comes first while the label is shortened."""
        self._own_tip = tip
        self._update_tip()

    # -- sizes --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(
            self._prefix_width(metrics) + metrics.horizontalAdvance(self._words) + 4,
            super().sizeHint().height(),
        )

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        keep = self.keep
        shortest = self._words if len(self._words) <= keep else self._words[: keep - 1] + "…"
        return QSize(
            self._prefix_width(metrics) + metrics.horizontalAdvance(shortest) + 4,
            super().minimumSizeHint().height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    # -- drawing ------------------------------------------------------------------------

    def _prefix_width(self, metrics: QFontMetrics) -> int:
        if not self._prefix:
            return 0
        large = self.font()
        large.setPointSizeF(large.pointSizeF() * 1.2)  # the dot is font-size:large
        return QFontMetrics(large).horizontalAdvance("● ")

    def _render(self) -> None:
        metrics = QFontMetrics(self.font())
        room = max(self.contentsRect().width() - self._prefix_width(metrics) - 4, 0)
        words = self._words
        if self.width() > 0 and metrics.horizontalAdvance(words) > room:
            words = metrics.elidedText(words, Qt.TextElideMode.ElideRight, room)
            if not words:
                words = "…"
        self._shown = words
        if self._prefix:
            super().setTextFormat(Qt.TextFormat.RichText)
            super().setText(f"{self._prefix} {html.escape(words, quote=False)}")
        else:
            super().setTextFormat(Qt.TextFormat.PlainText)
            super().setText(words)
        self._update_tip()

    def _update_tip(self) -> None:
        parts = [self._words] if self._shown != self._words else []
        if self._own_tip and self._own_tip not in parts:
            parts.append(self._own_tip)
        super().setToolTip("\n".join(parts))
