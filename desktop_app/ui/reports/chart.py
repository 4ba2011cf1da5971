"""Stacked bars drawn with QPainter: arrivals per quarter hour, stacked by membership.

Why not a chart library: pyqtgraph needs numpy, which the bundle leaves out (it would take
the Linux bundle past its 200 MB aim), and Qt's own charts come only with PySide6-Addons
(several hundred MB). One small widget draws what the Reports window needs.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

# BIOQuébec, LSO, both, none: distinct to colour-blind readers (Okabe–Ito).
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#999999")


class StackedBars(QWidget):
    """Bars with one label each, every bar a stack of series values, and a legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._series: list[tuple[str, QColor, list[int]]] = []
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    def sizeHint(self) -> QSize:
        """Room for a morning of quarter hours."""
        return QSize(640, 260)

    def set_data(self, labels: list[str], series: list[tuple[str, str, list[int]]]) -> None:
        """``series``: (name, colour, one value per label), stacked in this order."""
        self._labels = list(labels)
        self._series = [(name, QColor(colour), list(values)) for name, colour, values in series]
        self.update()

    def set_empty_text(self, text: str) -> None:
        """What the chart says while there is nothing to draw."""
        self._empty_text = text
        self.update()

    def totals(self) -> list[int]:
        """The height of each bar (tests and accessibility)."""
        return [sum(values[i] for _, _, values in self._series) for i in range(len(self._labels))]

    def paintEvent(self, event: QPaintEvent) -> None:
        """Axes, bars, labels every few bars, and the legend on top."""
        del event
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        legend_height = line + 6
        left = metrics.horizontalAdvance("0000") + 8
        area = QRectF(
            left,
            legend_height + 4,
            self.width() - left - 8,
            self.height() - legend_height - 2 * line - 10,
        )
        totals = self.totals()
        if not totals or max(totals) == 0 or area.height() < 20:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        # Legend.
        x = left
        for name, colour, _ in self._series:
            painter.fillRect(QRectF(x, 4, line * 0.8, line * 0.8), colour)
            painter.setPen(text_colour)
            painter.drawText(QPointF(x + line, 4 + line * 0.75), name)
            x += line + metrics.horizontalAdvance(name) + 16
        # Axis and grid: four steps of a round size.
        top = max(totals)
        step = max(1, _round_step(top / 4))
        ceiling = step * (int(top / step) + 1)
        grid = QColor(text_colour)
        grid.setAlpha(40)
        for value in range(0, ceiling + 1, step):
            y = area.bottom() - area.height() * value / ceiling
            painter.setPen(grid)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y - line / 2, left - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
        # Bars.
        count = len(self._labels)
        slot = area.width() / count
        width = max(1.0, slot * 0.8)
        every = max(1, int((metrics.horizontalAdvance("00:00") + 8) / slot) + 1)
        for i, text in enumerate(self._labels):
            x = area.left() + i * slot + (slot - width) / 2
            bottom = area.bottom()
            for _, colour, values in self._series:
                height = area.height() * values[i] / ceiling
                if height > 0:
                    painter.fillRect(QRectF(x, bottom - height, width, height), colour)
                    bottom -= height
            if i % every == 0:
                painter.setPen(text_colour)
                painter.drawText(
                    QRectF(x - slot, area.bottom() + 2, width + 2 * slot, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    text,
                )


def _round_step(raw: float) -> int:
    """1, 2, 5, 10, 20, 50… at least ``raw``."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude >= raw:
                return factor * magnitude
        magnitude *= 10
