"""The lead station's word on the shared server: "offline — N leads waiting", and the
sending of those leads when the server is back.

The desk's :class:`LinkMonitor` watches the link (its status every 1.5 s, a reconnect every
5 s while offline, on its own worker: a dead server's 3 s timeout never holds up a scan).
The station's waiting leads are sent on the station's writer, in order with its scans,
when the link comes back and then every few seconds while some still wait.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.services.leads.lead_station import LeadStation, StationLink
from desktop_app.services.sync import LinkStatus
from desktop_app.ui.desk.link_status import LinkMonitor
from desktop_app.ui.worker import Worker

SEND_INTERVAL_MS = 5000
_OFFLINE = "background:#b71c1c; color:#ffffff; padding:6px 10px; font-weight:bold;"
_SENDING = "background:#f9a825; color:#000000; padding:6px 10px;"
_UNSENT = "background:#ffebee; color:#b71c1c; padding:6px 10px; font-weight:bold;"


class StationLinkLine(QLabel):
    """A band over the station: hidden while the server answers and nothing waits."""

    sent = Signal()  # waiting leads reached the server: list the leads again

    def __init__(
        self,
        station: LeadStation,
        writer: Worker,
        parent: QWidget | None = None,
        *,
        send_interval_ms: int = SEND_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.station = station
        self.writer = writer
        self.state = StationLink(station.link.mode if station.link else "local", 0)
        self._sending = False
        self.monitor: LinkMonitor | None = None
        self.reader = Worker(self)
        if station.link is not None:
            self.monitor = LinkMonitor(station.link, self.reader, self)
            self.monitor.status_changed.connect(self._link_changed)
            self.monitor.reconnected.connect(self.send)
        self.timer = QTimer(self)
        self.timer.setInterval(send_interval_ms)
        self.timer.timeout.connect(self.send)
        self.setWordWrap(True)
        self.hide()

    def start(self) -> None:
        """Watch the link and send what waits (nothing to do on a local database)."""
        if self.monitor is None:
            return
        self.monitor.start()
        self.timer.start()
        self.read()

    def stop(self) -> None:
        """No more timers (the station closes)."""
        self.timer.stop()
        if self.monitor is not None:
            self.monitor.stop()

    def read(self) -> None:
        """Count the waiting leads again (after a scan or a save)."""
        if self.monitor is not None:
            self.writer.submit(self.station.status, self._took, owner=self)

    def send(self) -> None:
        """While the server answers, send the waiting leads (on the writer, in order)."""
        if self._sending or self.monitor is None or self.station.link is None:
            return
        if self.station.link.mode != "shared" or not self.state.to_send:
            return
        self._sending = True
        self.writer.submit(self.station.send_waiting, self._sent, self._not_sent, owner=self)

    def _sent(self, state: StationLink) -> None:
        self._sending = False
        self._took(state)
        self.sent.emit()

    def _not_sent(self, error: BaseException) -> None:
        self._sending = False
        self.setToolTip(str(error))  # tried again on the next tick
        self.read()

    def _link_changed(self, status: LinkStatus) -> None:
        self._took(replace(self.state, mode=status.mode))
        self.read()

    def _took(self, state: StationLink) -> None:
        self.state = state
        self.retranslate()
        if state.mode == "shared" and state.to_send:
            self.send()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The band's words for the last state read."""
        mode, waiting, unsent = self.state.mode, self.state.waiting, self.state.unsent
        if mode == "offline":
            self.setStyleSheet(_OFFLINE)
            self.setText(
                self.tr("offline — 1 lead waiting")
                if waiting == 1
                else self.tr("offline — {count} leads waiting").format(count=waiting)
            )
            self.setToolTip(
                self.tr(
                    "The shared server cannot be reached. Scanning goes on from this computer's"
                    " copy; the leads are kept here and sent when the server is back."
                )
            )
            self.show()
        elif mode == "shared" and waiting:
            self.setStyleSheet(_SENDING)
            self.setText(self.tr("sending {count} waiting leads…").format(count=waiting))
            self.show()
        elif unsent:
            # Refused by the server for good: the list shows which, and why, until dismissed.
            self.setStyleSheet(_UNSENT)
            self.setText(
                self.tr("1 lead was not sent: the server refused it (see the list).")
                if unsent == 1
                else self.tr(
                    "{count} leads were not sent: the server refused them (see the list)."
                ).format(count=unsent)
            )
            self.setToolTip("")
            self.show()
        else:
            self.hide()
