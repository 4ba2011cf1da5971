"""Garbage collection on the GUI thread only.

Python's cyclic garbage collector runs in whichever thread happens to allocate when a
threshold is crossed: often a worker reading a card or drawing a badge. If the garbage then
holds a Qt object (a widget captured in a lambda cycle, a QImage, a pdfium document), it is
destroyed on that worker thread, and Qt crashes the process ("Segmentation fault …
Garbage-collecting"). So automatic collection is turned off and the GUI thread collects on a
timer, with the same generation thresholds the collector would use (pyqtgraph does the same
for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


def collect_due() -> int:
    """Collect the generations whose thresholds are crossed (on the calling thread)."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    found = 0
    if counts[0] > thresholds[0]:
        generation = 0
        if counts[1] > thresholds[1]:
            generation = 2 if counts[2] > thresholds[2] else 1
        found = gc.collect(generation)
    return found


class MainThreadCollector(QObject):
    """Owns the timer; create it on the GUI thread, after the QApplication."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(collect_due)
        self.timer.start()

    def stop(self) -> None:
        """Back to automatic collection (at shutdown)."""
        self.timer.stop()
        gc.enable()
