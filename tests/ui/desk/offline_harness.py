"""A desk window on a shared server that cannot be reached, working from its own copy: the
copy is filled first (``prepare``), then the window opens offline, as at a venue whose
network went down before the desk started."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Event
from desktop_app.services.admin.staff import create_staff
from desktop_app.services.sync.shared_database import SharedDatabase, open_shared, replica_path
from desktop_app.ui.desk import DeskContext, DeskWindow
from desktop_app.ui.desk.outcome import Sound
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker
from tests.ui.desk.desk_harness import PIN, SLUG, SUPERVISOR

UNREACHABLE = "postgresql://desk:pw@127.0.0.1:1/forum"


@dataclass
class SharedDeskWindow:
    window: DeskWindow
    context: DeskContext
    shared: SharedDatabase


@contextmanager
def offline_desk_window(
    qtbot: QtBot,
    folder: Path,
    prepare: Callable[[Database], None],
    event_sessions: tuple[tuple[str, str, str], ...] = (),
) -> Iterator[SharedDeskWindow]:
    """Desk 2 of ``SLUG``, offline on its copy in ``folder`` (filled by ``prepare``), its
    supervisor signed in; closed, with its workers and link, on the way out."""
    copy = open_database(sqlite_url(replica_path("Desk 2", SLUG, folder)))
    prepare(copy)
    staff = create_staff(copy.sessions, SUPERVISOR, PIN, "supervisor", by=None)
    with copy.sessions() as session:
        event = session.scalars(select(Event).where(Event.slug == SLUG)).one()
        names = event.name_fr, event.name_en
    copy.dispose()
    shared = open_shared(UNREACHABLE, "Desk 2", SLUG, folder=folder)
    settings = MachineSettings(QSettings(str(folder / "desk.ini"), QSettings.Format.IniFormat))
    settings.desk_name = "Desk 2"
    settings.print_on_check_in = False
    context = DeskContext(
        sessions=shared.sessions,
        writer=Worker(serial=True),
        reader=Worker(),
        slug=SLUG,
        event_name_fr=names[0],
        event_name_en=names[1],
        desk="Desk 2",
        staff=staff,
        settings=settings,
        print_queue=None,
        database_location=shared.location,
        shared=True,
        database_url=shared.url,
        link=shared.link,
        event_sessions=event_sessions,
    )
    window = DeskWindow(context, lambda _language: None, None, Sound(lambda: False))
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        yield SharedDeskWindow(window, context, shared)
    finally:
        window.close()
        context.writer.wait(10_000)
        context.reader.wait(10_000)
        shared.dispose()
