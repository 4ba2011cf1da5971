"""Background work with one helper: a function runs off the GUI thread, its result or
error comes back as a queued signal on the GUI thread.

Database writes go through one serial queue (``Worker(serial=True)``), as in Anki's task
manager; reads may run in parallel on the shared pool.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop_app.services.failures import explained

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the pool are queued to it."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable, Generic[T]):
    def __init__(self, function: Callable[[], T], relay: _Relay) -> None:
        super().__init__()
        self.function = function
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.function()
        except BaseException as error:  # every failure must reach the GUI, bugs included
            # A locked or full database, a server gone: the user's words, not a crash.
            self.relay.failed.emit(explained(error))
        else:
            self.relay.succeeded.emit(result)


class Worker(QObject):
    """Runs functions off the GUI thread and calls back on it."""

    def __init__(self, parent: QObject | None = None, *, serial: bool = False) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        if serial:
            self.pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def submit(
        self,
        function: Callable[[], T],
        on_done: Callable[[T], Any] | None = None,
        on_error: Callable[[BaseException], Any] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``function`` in the background; ``on_done``/``on_error`` run on this thread.

        With an ``owner`` (the widget that asked), the callbacks run only while it still
        exists (a dialog closed meanwhile is not called back), and an error without
        ``on_error`` is shown over it by the one presenter, ``show_exception``.
        """
        relay = _Relay()
        relay.moveToThread(self.thread())
        self._relays.add(relay)

        def alive() -> bool:
            return owner is None or shiboken6.isValid(owner)

        @Slot(object)
        def done(result: Any) -> None:
            self._relays.discard(relay)
            if on_done is not None and alive():
                on_done(result)

        @Slot(object)
        def failed(error: Any) -> None:
            self._relays.discard(relay)
            if not alive():
                log.info("background task failed after its window closed", exc_info=error)
            elif on_error is not None:
                on_error(error)
            elif isinstance(owner, QWidget):
                from desktop_app.ui.errors import show_exception

                show_exception(owner, error)
            else:
                log.error("background task failed", exc_info=error)

        relay.succeeded.connect(done)
        relay.failed.connect(failed)
        self.pool.start(_Task(function, relay))

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every submitted task (for shutdown and tests)."""
        return self.pool.waitForDone(msecs)


GUI_SWITCH_INTERVAL_S = 0.001


def favour_the_gui_thread() -> None:
    """Let the GUI thread take Python's interpreter lock sooner from busy workers.

    A worker running Python code (search ranking, building a card) keeps the interpreter
    lock for up to the switch interval (5 ms by default) at a time, and on a loaded 2-core
    laptop the GUI thread then waits several intervals in a row: stalls of 100 ms and more
    at 50,000 registrations (bench/bench_desk.py). At 1 ms the longest stall halved.
    """
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
