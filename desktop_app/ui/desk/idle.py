"""An idle desk locks itself: after a few quiet minutes (Settings; 10 by default) the screen
hides its search and card behind the sign-in dialog, and shows them again, as they were, to
whoever signs in. A desk left alone at a busy door shows no one's details to a passer-by."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleLock(QObject):
    """Calls ``on_idle`` after ``interval_ms()`` without a key, click, wheel or touch."""

    def __init__(
        self, parent: QObject, interval_ms: Callable[[], int], on_idle: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self._interval_ms = interval_ms
        self._on_idle = on_idle
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._fire)

    def start(self) -> None:
        """Watch the application's input from now on."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.touch()

    def stop(self) -> None:
        """Stop watching (the window closes)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def touch(self) -> None:
        """Someone is here: count the quiet time from now (0 minutes: never lock)."""
        interval = self._interval_ms()
        if interval > 0:
            self.timer.start(interval)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.touch()
        return False

    def _fire(self) -> None:
        if QApplication.activeModalWidget() is not None:
            self.touch()  # a dialog is open: it is someone's work in progress; ask again later
            return
        self._on_idle()
