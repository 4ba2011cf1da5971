"""The desk's link to the shared server, watched: mode, actions waiting, other desks' changes.

:class:`LinkMonitor` reads ``DeskLink.status()`` every 1.5 s on a worker and says when it
changed; while the link is offline it tries ``DeskLink.reconnect()`` every 5 s (which replays
the journal and comes back to ``shared``); while shared it runs a ``ChangeListener`` whose
thread only emits a signal, queued to the GUI thread, so the window refreshes its search and
counts there. :class:`LinkIndicator` is the header's line: a dot and a few words.

Reconnecting and refreshing the replica run on the monitor's own serial worker, not on the
desk's writer: a reconnect attempt waits up to 3 s for a dead server, and check-ins must not
queue behind it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.services.sync import ChangeListener, DeskLink, LinkStatus
from desktop_app.ui.worker import Worker

log = logging.getLogger(__name__)

STATUS_INTERVAL_MS = 1500
RECONNECT_INTERVAL_MS = 5000
_GOOD, _BAD, _OFF, _BUSY = "#2e7d32", "#c62828", "#9e9e9e", "#f9a825"

ListenerFactory = Callable[[str, Callable[[int | None], None]], ChangeListener]


def _listener(url: str, callback: Callable[[int | None], None]) -> ChangeListener:
    return ChangeListener(url, callback, poll_interval=2.0)


class LinkMonitor(QObject):
    """Watches a :class:`DeskLink`; emits ``status_changed`` and ``changed`` on the GUI thread.

    ``worker`` reads the status (a parallel reader is right). ``listen_url`` is the server's
    URL with its password, for the ``ChangeListener``; without it no listener runs (the
    window still refreshes on its own timer).
    """

    status_changed = Signal(object)  # LinkStatus
    changed = Signal()  # another desk changed registrations, check-ins or payments
    reconnected = Signal()  # offline -> shared: the journal was sent; re-find walk-ins by code
    _woken = Signal()  # from the listener's thread; queued to this object's thread

    def __init__(
        self,
        link: DeskLink,
        worker: Worker,
        parent: QObject | None = None,
        *,
        listen_url: str | None = None,
        status_interval_ms: int = STATUS_INTERVAL_MS,
        reconnect_interval_ms: int = RECONNECT_INTERVAL_MS,
        listener_factory: ListenerFactory = _listener,
    ) -> None:
        super().__init__(parent)
        self.link = link
        self.worker = worker
        self.link_worker = Worker(self, serial=True)  # reconnects
        self.listen_url = listen_url
        self.listener_factory = listener_factory
        self.status: LinkStatus | None = None
        self._reading = False
        self._reconnecting = False
        self._listener: ChangeListener | None = None
        self._woken.connect(self._on_woken, Qt.ConnectionType.QueuedConnection)
        self.status_timer = QTimer(self)
        self.status_timer.setInterval(status_interval_ms)
        self.status_timer.timeout.connect(self.read_status)
        self.reconnect_timer = QTimer(self)
        self.reconnect_timer.setInterval(reconnect_interval_ms)
        self.reconnect_timer.timeout.connect(self.try_reconnect)

    @property
    def mode(self) -> str:
        """The link's mode as last read (``local`` until the first reading)."""
        return self.status.mode if self.status is not None else self.link.mode

    @property
    def offline(self) -> bool:
        """Whether the desk works on its own copy now (undo, edits and the like wait)."""
        return self.mode == "offline"

    def start(self) -> None:
        """Read the status now and every interval; reconnect while offline."""
        self.read_status()
        self.status_timer.start()
        self.reconnect_timer.start()
        self._follow_mode(self.link.mode)

    def stop(self) -> None:
        """No more timers, no listener (closing); does not wait for the listener's thread."""
        self.status_timer.stop()
        self.reconnect_timer.stop()
        self._stop_listener()

    # -- status ---------------------------------------------------------------------------

    def read_status(self) -> None:
        """Read ``link.status()`` on the worker; ``status_changed`` when it differs."""
        if self._reading:
            return
        self._reading = True
        self.worker.submit(self.link.status, self._read, self._read_failed, owner=self)

    def _read(self, status: LinkStatus) -> None:
        self._reading = False
        self._take(status)

    def _read_failed(self, error: BaseException) -> None:
        self._reading = False
        log.warning("could not read the link's status: %s", error)

    def _take(self, status: LinkStatus, *, came_back: bool = False) -> None:
        before = self.status
        self.status = status
        self._follow_mode(status.mode)
        was_offline = before is not None and before.mode == "offline"
        if status.mode == "shared" and (came_back or was_offline):
            self.reconnected.emit()
            self.changed.emit()  # the replayed rows and other desks' work: look again
        if status != before:
            self.status_changed.emit(status)

    def _follow_mode(self, mode: str) -> None:
        if mode == "shared":
            self._start_listener()
        else:
            self._stop_listener()

    # -- reconnecting ---------------------------------------------------------------------

    def try_reconnect(self) -> None:
        """While offline: try the server on the link worker (replay, refresh, shared)."""
        if self._reconnecting or self.link.mode != "offline":
            return
        self._reconnecting = True
        self.link_worker.submit(
            self.link.reconnect, self._reconnected, self._reconnect_failed, owner=self
        )

    def _reconnected(self, status: LinkStatus) -> None:
        self._reconnecting = False
        self._take(status, came_back=status.mode == "shared")

    def _reconnect_failed(self, error: BaseException) -> None:
        self._reconnecting = False
        log.warning("reconnecting to the shared server failed: %s", error)
        self.read_status()

    # -- other desks' changes -------------------------------------------------------------

    def _start_listener(self) -> None:
        if self._listener is not None or not self.listen_url:
            return
        self._listener = self.listener_factory(self.listen_url, self._heard).start()

    def _stop_listener(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop(timeout=0)  # its daemon thread ends by itself; never block the GUI

    def _heard(self, _event_id: int | None) -> None:
        """In the listener's thread: hand over to the GUI thread, nothing else."""
        if shiboken6.isValid(self):
            self._woken.emit()

    def _on_woken(self) -> None:
        if self.link.mode != "shared":
            return
        self.changed.emit()
        self._refresh_replica()

    def _refresh_replica(self) -> None:
        """Copy the new rows to the replica (the link's thread, coalesced with this desk's
        own actions: one copy per burst, not one per change heard), so going offline loses
        nothing."""
        self.link.follow_server()


class LinkIndicator(QLabel):
    """The header's word on the link: local, shared (green) or offline (red) with the count."""

    def __init__(self, monitor: LinkMonitor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monitor = monitor
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAccessibleName("database link")
        monitor.status_changed.connect(lambda _status: self.retranslate())
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def plain_text(self) -> str:
        """The words shown, without the dot (for tests and screen readers)."""
        return self.accessibleDescription()

    def retranslate(self) -> None:
        """The dot, the words and the tooltip for the last status read."""
        if not shiboken6.isValid(self):
            return
        status = self.monitor.status
        mode = status.mode if status is not None else self.monitor.link.mode
        pending = status.pending if status is not None else 0
        failed = status.failed if status is not None else 0
        server = (status.server if status is not None else None) or ""
        if mode == "offline":
            colour = _BAD
            words = (
                self.tr("offline — 1 action waiting")
                if pending == 1
                else self.tr("offline — {count} actions waiting").format(count=pending)
            )
            tip = self.tr(
                "The shared server cannot be reached. The desk keeps working on its own copy;"
                " what it does is kept and sent when the server is back. Undo, corrections,"
                " membership decisions and staff accounts wait until then."
            )
            if status is not None and status.last_error:
                tip += "\n" + self.tr("Last error: {error}").format(error=status.last_error)
        elif mode == "shared":
            colour = _BUSY if pending else _GOOD
            words = (
                self.tr("shared — sending {count} waiting actions").format(count=pending)
                if pending
                else self.tr("shared database")
            )
            tip = self.tr("Shared server: {server}").format(server=server)
        else:
            colour = _OFF
            words = self.tr("local database")
            tip = self.tr("This desk works on its own database.")
        if failed:
            words += " · " + self.tr("{count} refused (see Sync conflicts)").format(count=failed)
        self.setAccessibleDescription(words)
        self.setText(f"<span style='color:{colour}; font-size:large'>●</span> {words}")
        self.setToolTip(tip)


__all__ = ["RECONNECT_INTERVAL_MS", "STATUS_INTERVAL_MS", "LinkIndicator", "LinkMonitor"]
