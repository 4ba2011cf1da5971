"""What a lead station's window talks to: one exhibitor at one event, one signed-in account
(the UI imports no SQLAlchemy and never picks the services itself)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Exhibitor
from desktop_app.documents.report_data import Language
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, StorageUnavailable
from desktop_app.services.admin.events import get_event
from desktop_app.services.admin.staff import EXHIBITOR, StaffMember
from desktop_app.services.leads import station
from desktop_app.services.leads.documents import export_leads
from desktop_app.services.leads.offline import LeadJournal, is_server_gone, scan_offline
from desktop_app.services.leads.sending import send_waiting
from desktop_app.services.leads.station import LeadLine, ScanResult, StationInfo
from desktop_app.services.sync import DeskLink

T = TypeVar("T")


def event_exhibitors(sessions: sessionmaker[Session], slug: str) -> tuple[tuple[str, str], ...]:
    """The event's exhibitors as (code, name), by name."""
    with sessions() as session:
        event = get_event(session, slug)
        return tuple(
            (e.code, e.name)
            for e in session.scalars(
                select(Exhibitor).where(Exhibitor.event_id == event.id).order_by(Exhibitor.name)
            )
        )


def exhibitor_for(member: StaffMember) -> str | None:
    """The exhibitor an account's station works for (None: a supervisor, who chooses)."""
    return member.exhibitor_code if member.role == EXHIBITOR else None


def may_work_station(member: StaffMember, exhibitor: str) -> bool:
    """Whether ``member`` may work ``exhibitor``'s station: its own exhibitor account, or a
    supervisor (the service checks it again, on the database, at every action)."""
    return member.is_supervisor or (member.role == EXHIBITOR and member.exhibitor_code == exhibitor)


@dataclass(frozen=True)
class StationLink:
    """Where a station stands: ``local`` (its own database), ``shared`` or ``offline``, how
    many of its leads wait for the server, how many the server refused ("not sent", until
    dismissed), and how many refusals made offline wait to reach its audit log."""

    mode: str
    waiting: int
    unsent: int = 0
    refusals: int = 0

    @property
    def to_send(self) -> bool:
        """Whether something waits for the server."""
        return bool(self.waiting or self.refusals)


@dataclass
class LeadStation:
    """One exhibitor's station at one event, worked by ``staff``.

    With a ``link`` (a shared server), the station keeps scanning while the server is out
    of reach: see :mod:`desktop_app.services.leads.offline`. Its methods run on one serial
    worker (the window's writer), so the journal is changed by one thread at a time.
    """

    sessions: sessionmaker[Session]
    slug: str
    exhibitor: str
    staff: str
    desk: str | None = None
    link: DeskLink | None = None
    journal: LeadJournal | None = None
    _listed: tuple[LeadLine, ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        if self.link is not None and self.journal is None:
            self.journal = LeadJournal.beside(self.link.replica_url)

    # -- where to go -----------------------------------------------------------------------

    def _server(self) -> sessionmaker[Session] | None:
        """The database to act on now; None while the shared server is out of reach."""
        if self.link is None:
            return self.sessions
        server = self.link.server_sessions
        return server if self.link.mode == "shared" and server is not None else None

    def _either(self, online: Callable[[sessionmaker[Session]], T], offline: Callable[[], T]) -> T:
        """``online`` on the server; ``offline`` when it is (or just went) out of reach."""
        server = self._server()
        if server is not None:
            try:
                return online(server)
            except (DBAPIError, StorageUnavailable) as error:
                if self.link is None or not is_server_gone(error):
                    raise
                self.link.work_offline(str(error))
        return offline()

    def _copy(self) -> sessionmaker[Session]:
        assert self.link is not None
        return self.link.replica_sessions

    # -- the station -----------------------------------------------------------------------

    def open(self) -> StationInfo:
        """Check the account may work this station; the names the window shows."""
        return self._either(
            lambda where: station.station_exhibitor(where, self.slug, self.exhibitor, self.staff),
            lambda: station.station_exhibitor(self._copy(), self.slug, self.exhibitor, self.staff),
        )

    def scan(self, code: str, *, action_id: str | None = None) -> ScanResult:
        """Scan a badge (kept only with consent; a re-scan finds the same lead); offline,
        judged on the local copy and kept in the journal until the server is back."""
        action = action_id or uuid.uuid4().hex
        return self._either(
            lambda where: station.scan_lead(
                where,
                self.slug,
                self.exhibitor,
                code,
                self.staff,
                desk=self.desk,
                action_id=action,
            ),
            lambda: self._scan_offline(code, action),
        )

    def _scan_offline(self, code: str, action: str) -> ScanResult:
        assert self.journal is not None
        return scan_offline(
            self._copy(),
            self.journal,
            self.slug,
            self.exhibitor,
            code,
            self.staff,
            desk=self.desk,
            action_id=action,
        )

    def save(self, lead: LeadLine, rating: int | None, note: str | None) -> LeadLine:
        """Set a lead's rating and note (a waiting lead's are sent with it)."""
        if lead.unsent is not None:
            raise _not_sent()
        if lead.waiting:
            assert self.journal is not None
            return self.journal.annotate(
                lead.lead_id, station.valid_rating(rating), station.valid_note(note)
            )
        server = self._server()
        if server is None:
            raise _out_of_reach()
        return station.update_lead(
            server, self.slug, self.exhibitor, lead.lead_id, self.staff, rating, note
        )

    def leads(self) -> tuple[LeadLine, ...]:
        """The exhibitor's leads, newest first: those the server refused ("not sent"), the
        waiting ones, then the server's (as last read while the server is out of reach)."""

        def listed(where: sessionmaker[Session]) -> tuple[LeadLine, ...]:
            self._listed = station.exhibitor_leads(where, self.slug, self.exhibitor, self.staff)
            return self._listed

        on_server = self._either(listed, lambda: self._listed)
        if self.journal is None:
            return on_server
        unsent = self.journal.unsent(self.slug, self.exhibitor)
        return (*unsent, *self.journal.lines(self.slug, self.exhibitor), *on_server)

    def dismiss(self, lead: LeadLine) -> None:
        """The staff has read why a lead was not sent: it leaves the list."""
        if lead.unsent is not None and self.journal is not None:
            self.journal.dismiss(lead.lead_id)

    def export(self, path: Path, language: Language) -> int:
        """The exhibitor's own leads to ``path`` (.csv or .xlsx); the rows written."""
        server = self._server()
        if server is None:
            raise _out_of_reach()
        return export_leads(server, self.slug, self.exhibitor, path, self.staff, language)

    # -- the link --------------------------------------------------------------------------

    def status(self) -> StationLink:
        """The link's mode, the leads waiting for the server and those it refused."""
        mode = self.link.mode if self.link else "local"
        journal = self.journal
        if journal is None:
            return StationLink(mode, 0)
        return StationLink(
            mode,
            journal.count(self.slug, self.exhibitor),
            journal.count_unsent(self.slug, self.exhibitor),
            len(journal.refusals(self.slug, self.exhibitor)),
        )

    def send_waiting(self) -> StationLink:
        """While the server is reachable, send the leads that wait (idempotent)."""
        server = self._server()
        if server is not None and self.journal is not None:
            try:
                send_waiting(server, self.journal, self.slug, self.exhibitor)
            except (DBAPIError, StorageUnavailable) as error:
                if self.link is None or not is_server_gone(error):
                    raise
                self.link.work_offline(str(error))
        return self.status()

    def close(self) -> None:
        """Close the journal (the link belongs to whoever opened it)."""
        if self.journal is not None:
            self.journal.close()


def _not_sent() -> Invalid:
    return Invalid(
        QT_TRANSLATE_NOOP(
            "AppError", "The server refused this lead: it can be dismissed, not changed."
        )
    )


def _out_of_reach() -> StorageUnavailable:
    return StorageUnavailable(
        QT_TRANSLATE_NOOP(
            "AppError",
            "The shared server is out of reach: scanning goes on, but this waits until it is back.",
        )
    )
