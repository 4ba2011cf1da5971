"""Desk → Lead scanning…: an exhibitor's lead station opened over a desk.

The desk asks which exhibitor, then that exhibitor's own account and PIN (the sign-in of
``passerelle --leads``; a supervisor may work any station, as there). The station's window
runs under the account that signed in, never the desk's: a desk account is refused here,
and the station, whoever works it, scans leads only (it cannot check anyone in). While
the station is open it takes the scanner's codes; the desk behind it takes none.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from desktop_app.services.admin.staff import StaffMember
from desktop_app.services.leads.lead_station import (
    LeadStation,
    event_exhibitors,
    may_work_station,
)
from desktop_app.services.office import Office, Sessions
from desktop_app.services.sync import DeskLink
from desktop_app.ui.errors import show_exception
from desktop_app.ui.leads.window import LeadStationWindow
from desktop_app.ui.scanner import ScanDetector
from desktop_app.ui.worker import Worker


class DeskPlace(Protocol):
    """What the lead station needs of the desk it opens over (the desk's context)."""

    @property
    def writer(self) -> Worker: ...

    @property
    def sessions(self) -> Sessions: ...

    @property
    def slug(self) -> str: ...

    @property
    def desk(self) -> str: ...

    @property
    def link(self) -> DeskLink | None: ...


class LeadScanning(QObject):
    """Pick the exhibitor, sign in with its account, open its station over the desk."""

    def __init__(self, desk_window: QWidget, scanner: ScanDetector | None = None) -> None:
        super().__init__(desk_window)
        self.desk_window = desk_window
        self.scanner = scanner
        self.window: LeadStationWindow | None = None

    @property
    def takes_scans(self) -> bool:
        """Whether the station is open (its scans are not the desk's)."""
        return self.window is not None and self.window.isVisible()

    def open(self, place: DeskPlace) -> None:
        """Read the event's exhibitors (on the writer), then ask which one."""
        if self.takes_scans:
            assert self.window is not None
            self.window.raise_()
            self.window.activateWindow()
            return
        sessions, slug = place.sessions, place.slug
        place.writer.submit(
            lambda: event_exhibitors(sessions, slug),
            lambda found: self._pick(place, found),
            lambda error: show_exception(self.desk_window, error),
            owner=self,
        )

    def _pick(self, place: DeskPlace, found: tuple[tuple[str, str], ...]) -> None:
        if not found:
            self.tell(
                self.tr("This event declares no exhibitor: add [[exhibitors]] to its event file.")
            )
            return
        names = [f"{name} ({code})" for code, name in found]
        picked = self.ask_exhibitor(names)
        if picked is None:
            return
        code, name = found[picked]
        member = self.ask_sign_in(place)
        if member is None:
            return
        if not may_work_station(member, code):
            # The desk's own account (or another exhibitor's) does not become this one's.
            self.tell(
                self.tr(
                    "{name} is not {exhibitor}'s account: its lead station opens with the"
                    " exhibitor's own account and PIN."
                ).format(name=member.name, exhibitor=name)
            )
            return
        self._show(place, code, member)

    def _show(self, place: DeskPlace, exhibitor: str, member: StaffMember) -> None:
        # On a shared server the station goes through the desk's link: while the server is
        # out of reach it scans from the desk's copy and keeps the leads until it is back.
        station = LeadStation(
            place.sessions, place.slug, exhibitor, member.name, desk=place.desk, link=place.link
        )
        if self.window is not None:
            self.window.deleteLater()
        window = LeadStationWindow(station, place.writer, self.scanner, self.desk_window)
        window.setWindowFlag(Qt.WindowType.Window)  # its own window, closed with the desk
        self.window = window
        window.show()
        window.raise_()
        window.activateWindow()
        window.start()

    def close(self) -> None:
        """The desk closes: so does the station it opened. Its window stops its timers and
        hands the scanner back; closing its journal is queued on the desk's writer, after
        the scans and saves already queued there, which the desk lets finish."""
        if self.window is not None and self.window.isVisible():
            self.window.close()

    # -- questions (tests replace them) -------------------------------------------------

    def ask_exhibitor(self, names: list[str]) -> int | None:
        """Which exhibitor's station to open: its index in ``names``, or None."""
        picked, ok = QInputDialog.getItem(
            self.desk_window, self.tr("Lead scanning"), self.tr("Exhibitor:"), names, 0, False
        )
        return names.index(picked) if ok and picked in names else None

    def ask_sign_in(self, place: DeskPlace) -> StaffMember | None:
        """The exhibitor's account and PIN: the sign-in of ``passerelle --leads``."""
        from desktop_app.ui.dialogs.login import LoginDialog

        return LoginDialog.ask(self.desk_window, place.writer, Office(place.sessions))

    def tell(self, text: str) -> None:
        """Why the station did not open."""
        QMessageBox.warning(self.desk_window, self.tr("Lead scanning"), text)
