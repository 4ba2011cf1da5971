"""A desk window on a small demo database, for the desk tests, screenshots and the benchmark."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Select, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.database import Database
from desktop_app.db.models import CheckIn, Event, Person, Registration
from desktop_app.services.admin.events import list_events
from desktop_app.services.admin.staff import StaffMember, create_staff
from desktop_app.services.demo import fill_demo
from desktop_app.services.desk.search.process import SearchProcess
from desktop_app.services.membership.verdicts import reassess_event
from desktop_app.ui.desk import DeskContext, DeskWindow
from desktop_app.ui.desk.outcome import Sound, Tone
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.printing import PrintQueue
from desktop_app.ui.scanner import ScanDetector
from desktop_app.ui.worker import Worker
from tests.demo_copies import copy_filled

SLUG = "forum-montreal-2027"


def paid_up(slug: str = SLUG) -> Select[tuple[int, str, str, str]]:
    """Active registrations of ``slug`` that owe nothing (a scan checks them in), by id:
    id, code, first and last name."""
    return (
        select(Registration.id, Registration.code, Person.first_name, Person.last_name)
        .join(Person, Person.id == Registration.person_id)
        .join(Event, Event.id == Registration.event_id)
        .where(
            Event.slug == slug,
            Registration.status == "active",
            Registration.amount_paid >= Registration.amount_due,
        )
        .order_by(Registration.id)
    )


SUPERVISOR = "Marie Roy"
PIN = "246810"


def fill(database: Database, registrations: int = 120) -> None:
    """Demo data with membership verdicts (filled once per run, then copied)."""
    copy_filled(database, ("desk", registrations), lambda filled: _fill(filled, registrations))


def _fill(database: Database, registrations: int) -> None:
    fill_demo(database.sessions, registrations=registrations, seed=3)
    with database.sessions.begin() as session:
        # The example events' GST numbers fail the business number's check digit, which
        # receipts refuse; these pass it (reported to the owner of resources/examples).
        for event in session.scalars(select(Event)):
            event.gst_hst_number = "123456782 RT 0001"
    for slug in (SLUG, "partnering-toronto-2027"):
        reassess_event(database.sessions, slug)


class StepClock:
    """Advances by ``step`` seconds each time it is read (one read per keystroke)."""

    def __init__(self, step: float) -> None:
        self.step = step
        self.now = 1000.0

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@dataclass
class Desk:
    window: DeskWindow
    context: DeskContext
    database: Database
    scanner: ScanDetector
    sound: Sound

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self.database.sessions

    def close(self) -> None:
        self.scanner.uninstall()
        self.window.header.stop()
        self.window.close()
        self.context.writer.wait(10000)
        self.context.reader.wait(10000)
        if self.context.print_queue is not None:
            self.context.print_queue.shutdown()


def make_desk(
    database: Database,
    settings_file: Path,
    *,
    staff: StaffMember | None = None,
    print_queue: bool = False,
    scanner_clock: StepClock | None = None,
    backup_interval_ms: int | None = None,
    idle_ms: Callable[[], int] | None = None,
    admits: str | None = None,
    reads: SearchProcess | None = None,
) -> Desk:
    """A shown desk window for ``SLUG`` with its own machine settings file.

    Automatic backups run only when ``backup_interval_ms`` is given (into the folder next to
    the settings file), so the other tests never write into the user's data folder.
    """
    if staff is None:
        staff = create_staff(database.sessions, SUPERVISOR, PIN, "supervisor", by=None)
    with database.sessions() as session:
        event = session.scalars(select(Event).where(Event.slug == SLUG)).one()
        names = event.name_fr, event.name_en
        timezone, province = event.timezone, event.province
    settings = MachineSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    settings.desk_name = "Desk 2"
    settings.print_on_check_in = False
    settings.backup_folder = settings_file.parent / "backups"
    settings.receipt_folder = settings_file.parent / "receipts"  # never the user's data folder
    settings.admits_session = admits
    event_sessions = next(e for e in list_events(database.sessions) if e.slug == SLUG).sessions
    context = DeskContext(
        sessions=database.sessions,
        writer=Worker(serial=True),
        reader=Worker(),
        slug=SLUG,
        event_name_fr=names[0],
        event_name_en=names[1],
        desk=settings.desk_name,
        staff=staff,
        settings=settings,
        print_queue=PrintQueue() if print_queue else None,
        database_location=database.url,
        shared=not database.is_sqlite,
        database_url=database.url if backup_interval_ms is not None else None,
        timezone=timezone,
        province=province,
        event_sessions=event_sessions,
        reads=reads,
    )
    scanner = ScanDetector(clock=scanner_clock or StepClock(0.004))
    scanner.install()
    sound = Sound(lambda: settings.sounds)
    window = DeskWindow(
        context,
        lambda _language: None,
        scanner,
        sound,
        backup_interval_ms=backup_interval_ms,
        idle_ms=idle_ms or (lambda: 0),  # tests lock only when they ask to
    )
    window.show()
    window.activateWindow()
    window.start()
    return Desk(window, context, database, scanner, sound)


def registration(
    sessions: sessionmaker[Session],
    *,
    owing: bool = False,
    flag: str | None = None,
    status: str = "active",
    accented: bool = False,
) -> Registration:
    """A registration of ``SLUG`` with the asked traits (detached, with its person loaded)."""
    with sessions() as session:
        query = (
            select(Registration)
            .join(Event, Event.id == Registration.event_id)
            .join(Person, Person.id == Registration.person_id)
            .where(Event.slug == SLUG, Registration.status == status)
            .order_by(Registration.id)
        )
        if flag is not None:
            query = query.where(Registration.membership_flag == flag)
        else:
            query = query.where(Registration.membership_flag.is_(None))
        if owing:
            query = query.where(Registration.amount_due > Registration.amount_paid)
        else:
            query = query.where(Registration.amount_due <= Registration.amount_paid)
        for found in session.scalars(query):
            person = found.person
            name = person.first_name + person.last_name
            wanted = (not name.isascii() and plain(name).isascii()) if accented else name.isascii()
            if wanted and person.organization_name:
                session.expunge(found)
                return found
    raise LookupError("no such registration in the demo data")


def plain(text: str) -> str:
    """``text`` without its accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def active_check_ins(sessions: sessionmaker[Session], registration_id: int) -> int:
    """How many check-ins of the registration are not undone."""
    with sessions() as session:
        rows = session.scalars(
            select(CheckIn).where(
                CheckIn.registration_id == registration_id, CheckIn.undone_at.is_(None)
            )
        )
        return len(list(rows))


def scan(qtbot: QtBot, desk: Desk, code: str) -> None:
    """Type ``code`` as a scanner does, into whatever has the focus, then Enter."""
    target = desk.window.search.field
    qtbot.keyClicks(target, code)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def wait_tone(qtbot: QtBot, desk: Desk, tone: Tone) -> None:
    qtbot.waitUntil(lambda: desk.window.outcome.tone is tone, timeout=10000)
