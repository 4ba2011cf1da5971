"""The desk on a shared server: its ``DeskLink``, and what changes on screen with it.

The composition root opens the link on a worker (:func:`open_shared`: connect, replay what
is waiting, copy the event to the replica — seconds for a large event). Every desk part
keeps reading through ``DeskContext.sessions``, which is a :class:`LinkSessions`: the server
while shared, the replica while offline, decided at each call. Check-ins, walk-ins and
payments go through the link (``DeskContext.service``, a ``LinkedDesk``) so that, offline,
each is journaled with its action and its receipt comes from the desk's offline series.

:class:`SharedDesk` attaches to the desk window: the header's link indicator, a refresh when
another desk writes, undo / edit / substitute disabled while offline (they are not
journaled), the supervisor's "Sync conflicts…", and re-finding the card by its code after a
catch-up (a walk-in registered offline gets a new id on the server).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget

from desktop_app.services.desk.search import SearchHit, find_by_code
from desktop_app.services.office import Office
from desktop_app.services.sync import DeskLink
from desktop_app.services.sync.shared_database import (
    LinkSessions,
    SharedDatabase,
    open_shared,
    replica_path,
)
from desktop_app.ui.desk.link_status import LinkIndicator, LinkMonitor
from desktop_app.ui.worker import Worker

if TYPE_CHECKING:
    pass

OFFLINE_BLOCKED = ("undo", "edit", "substitute", "membership", "staff")
"""Desk actions that are not journaled offline (undo, corrections, membership decisions,
staff accounts): the next copy from the server would erase them, so they wait for it."""


class SharedDesk(QObject):
    """The shared-mode parts of one desk window (none of this exists in local mode)."""

    def __init__(
        self,
        link: DeskLink,
        reader: Worker,
        parent: QObject | None = None,
        *,
        listen_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.link = link
        self.reader = reader
        self.monitor = LinkMonitor(link, reader, self, listen_url=listen_url)
        self.indicator = LinkIndicator(self.monitor)
        self._tips: dict[str, str] = {}

    def attach(
        self,
        *,
        refresh: Callable[[], None],
        update_actions: Callable[[], None],
        card_code: Callable[[], str | None],
        show: Callable[[int], None],
        slug: str,
    ) -> None:
        """Wire the window: ``refresh`` search and counts when another desk writes;
        ``update_actions`` when the mode changes; after a catch-up, find the card's
        registration again by its code (a walk-in registered offline has a new id) and
        ``show`` it."""
        self.monitor.changed.connect(refresh)
        self.monitor.status_changed.connect(lambda _status: update_actions())

        def caught_up() -> None:
            code = card_code()
            if code is not None:
                self.refind(slug, code, lambda hit: show(hit.registration_id))

        self.monitor.reconnected.connect(caught_up)

    @property
    def offline(self) -> bool:
        """Whether the desk works on its replica now."""
        return self.link.mode == "offline"

    def start(self) -> None:
        """Watch the link from now on."""
        self.monitor.start()

    def stop(self) -> None:
        """Stop watching (the window closes); the link itself is closed by its owner."""
        self.monitor.stop()

    @staticmethod
    def offline_reason() -> str:
        """Why an action waits while offline (tooltip)."""
        return QCoreApplication.translate(
            "SharedDesk",
            "Not while offline: only check-ins, walk-ins, payments, add-on sales and badges are"
            " kept to be sent to the server. This comes back with the server.",
        )

    def restrict(self, actions: dict[str, QAction], buttons: dict[str, QPushButton]) -> None:
        """Disable the actions that are not journaled while offline, saying why."""
        offline = self.offline
        for name in OFFLINE_BLOCKED:
            action, button = actions.get(name), buttons.get(name)
            if offline:
                if action is not None:
                    action.setEnabled(False)
                if button is not None:
                    if button.toolTip() != self.offline_reason():
                        self._tips[name] = button.toolTip()
                    button.setEnabled(False)
                    button.setToolTip(self.offline_reason())
            elif button is not None and name in self._tips:
                if button.toolTip() == self.offline_reason():
                    button.setToolTip(self._tips[name])
                del self._tips[name]

    def conflicts_office(self) -> Office | None:
        """Where conflicts are read: the server's office, when connected."""
        server = self.link.server_sessions
        return Office(server) if server is not None and self.link.mode == "shared" else None

    def open_conflicts(self, parent: QWidget, slug: str) -> None:
        """The supervisor's list of sync conflicts."""
        from desktop_app.ui.dialogs.conflicts import ConflictsDialog

        dialog = ConflictsDialog(self.conflicts_office(), slug, self.reader, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def refind(self, slug: str, code: str, found: Callable[[SearchHit], None]) -> None:
        """Look ``code`` up again after a catch-up (its id may have changed); ``found(hit)``."""
        sessions = self.link.sessions

        def done(hit: SearchHit | None) -> None:
            if hit is not None:
                found(hit)

        self.reader.submit(lambda: find_by_code(sessions, slug, code), done, owner=self)


__all__ = [
    "OFFLINE_BLOCKED",
    "LinkSessions",
    "SharedDatabase",
    "SharedDesk",
    "open_shared",
    "replica_path",
]
