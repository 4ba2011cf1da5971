"""Garbage collection on the GUI thread only.

Python's cyclic garbage collector runs in whichever thread happens to allocate when a
threshold is crossed: often a worker reading a card or drawing a badge. If the garbage then
holds a Qt object (a widget captured in a lambda cycle, a QImage, a pdfium document), it is
destroyed on that worker thread, and Qt crashes the process ("Segmentation fault …
Garbage-collecting"). So automatic collection is turned off and the GUI thread collects on a
timer, with the same generation thresholds the collector would use (pyqtgraph does the same
for the same reason).

A full collection visits every object: with 100,000 registrations open that is about 150,000
objects and 80–100 ms, a stall staff feel between two keys. So what survives a full collection
is frozen (``gc.freeze``: long-lived, skipped by the next ones, which then cost well under a
millisecond), and everything, frozen or not, is collected again only while nobody uses the
desk: no key or click for ``FULL_PASS_IDLE_S``, at most every ``FULL_PASS_EVERY_S``. A cycle
that died after it was frozen waits for that pass.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

INTERVAL_MS = 500
FULL_PASS_IDLE_S = 20.0
FULL_PASS_EVERY_S = 300.0

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def collect_due() -> int:
    """Collect the generations whose thresholds are crossed (on the calling thread); after a
    collection of the oldest generation, freeze what survived it."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    found = 0
    if counts[0] > thresholds[0]:
        generation = 0
        if counts[1] > thresholds[1]:
            generation = 2 if counts[2] > thresholds[2] else 1
        found = gc.collect(generation)
        if generation == 2:
            gc.freeze()
    return found


def full_pass() -> int:
    """Collect every object, the frozen ones too, then freeze the survivors."""
    gc.unfreeze()
    found = gc.collect()
    gc.freeze()
    return found


class MainThreadCollector(QObject):
    """Owns the timer; create it on the GUI thread, after the QApplication."""

    def __init__(
        self,
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
        *,
        idle_s: float = FULL_PASS_IDLE_S,
        every_s: float = FULL_PASS_EVERY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        gc.disable()
        self.idle_s, self.every_s, self.clock = idle_s, every_s, clock
        self.last_input = self.last_full_pass = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_input = self.clock()
        return False

    def _tick(self) -> None:
        collect_due()
        now = self.clock()
        if now - self.last_input >= self.idle_s and now - self.last_full_pass >= self.every_s:
            self.last_full_pass = now
            full_pass()

    def stop(self) -> None:
        """Back to automatic collection of every object (at shutdown)."""
        self.timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        gc.unfreeze()
        gc.enable()
