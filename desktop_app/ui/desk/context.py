"""What every part of the desk screen is handed: the database, the workers, who and where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.domain.taxes import badge_language
from desktop_app.domain.times import DEFAULT_TIMEZONE
from desktop_app.services.admin.staff import StaffMember
from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.services.desk.desk import Desk, LocalDesk
from desktop_app.services.desk.linked_desk import LinkedDesk
from desktop_app.services.desk.search import SearchHit
from desktop_app.services.desk.search.process import SearchProcess
from desktop_app.services.office import Office, Sessions
from desktop_app.services.sync import DeskLink
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.printing import PrintQueue
from desktop_app.ui.worker import Worker


@dataclass(frozen=True)
class DeskContext:
    """The pieces a desk widget needs, built once by the composition root.

    ``writer`` is the one serial worker that changes the database (check-ins, payments,
    edits), so a desk's actions land in the order they were made; ``reader`` runs searches and
    counts in parallel with it, so typing never waits behind a print or a payment.
    """

    sessions: Sessions
    writer: Worker
    reader: Worker
    slug: str
    event_name_fr: str
    event_name_en: str
    desk: str
    staff: StaffMember
    settings: MachineSettings
    print_queue: PrintQueue | None
    database_location: str
    shared: bool  # a database server shared by several desks (else a local file)
    database_url: str | None = None  # for the automatic backups of a local SQLite file
    # On a shared server: check-ins, walk-ins and payments go through the link (journaled
    # offline); ``sessions`` then follows it (server, or the replica while offline).
    link: DeskLink | None = None
    timezone: str = DEFAULT_TIMEZONE  # the venue's: every time on the desk is shown in it
    province: str = "QC"  # where the event takes place: badges are French first in Québec
    # The event's sessions as (code, French name, English name): a desk may admit one (F10).
    event_sessions: tuple[tuple[str, str, str], ...] = ()
    # A desk on its own database searches and reads cards in a process of its own, so they
    # never hold the interpreter lock the GUI thread needs; None: the service's, here.
    reads: SearchProcess | None = None

    def search(self, query: str) -> list[SearchHit]:
        """The people ``query`` finds at this desk's event, best first."""
        if self.reads is not None and self.link is None:
            return self.reads.search(query)
        return self.service.search(query)

    def card_reader(self) -> Callable[[int], AttendeeCard]:
        """How to read a card as this desk stands now (its session door): ask on the GUI
        thread, call on the reader."""
        reads, admits = self.reads, self.admits
        if reads is not None and self.link is None:
            return lambda registration_id: reads.card(registration_id, admits)
        return self.service.card

    @property
    def badge_language(self) -> str:
        """The language badges print first at this event (the attendee's own aside)."""
        return badge_language(self.province)

    @property
    def office(self) -> Office:
        """The back office of the desk's database: staff accounts, events, receipts."""
        return Office(self.sessions)

    @property
    def service(self) -> Desk:
        """What this desk does, on its own database or through the shared server's link:
        chosen here once for every part of the screen (they never ask which)."""
        if self.link is not None:
            return LinkedDesk.on(
                self.link, self.slug, self.staff, self.admits, leaving=self.exit_mode
            )
        return LocalDesk(
            self.sessions, self.slug, self.desk, self.staff, self.admits, leaving=self.exit_mode
        )

    @property
    def admits(self) -> str | None:
        """The session whose door this desk is (set with F10), if the event has it."""
        code = self.settings.admits_session
        return code if any(code == s[0] for s in self.event_sessions) else None

    @property
    def exit_mode(self) -> bool:
        """Whether this desk's scans record exits only (Exit mode, a desk at a session's door
        whose exits are scanned: the header's toggle; through the link too, journaled offline)."""
        admits = self.admits
        return admits is not None and self.settings.exit_mode_session == admits

    def admits_name(self, language: str) -> str | None:
        """The name, in ``language``, of the session this desk admits (``None``: entrance)."""
        code = self.admits
        found = next((s for s in self.event_sessions if s[0] == code), None)
        if found is None:
            return None
        return found[1] if language == "fr" else found[2]

    def event_name(self, language: str) -> str:
        """The event's name in ``language``."""
        return self.event_name_fr if language == "fr" else self.event_name_en
