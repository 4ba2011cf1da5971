"""Exit mode on a desk that works through the shared server's link: the header's toggle is
offered there too (the link now sends exits, and journals them offline), and the desk's
scans then record exits on the server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.admin.staff import create_staff
from desktop_app.services.desk.checkin import CheckInOutcome
from desktop_app.services.desk.linked_desk import LinkedDesk
from desktop_app.services.sync import DeskLink
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.worker import Worker
from tests.services.desk_data import MONTREAL, add_registration, setup_desk
from tests.services.sessions_data import declare_sessions
from tests.services.sync.test_desk_link_exits import ANN, LAB


def test_a_shared_lab_desk_in_exit_mode_records_exits_through_its_link(
    qtbot: QtBot, database: Database, database_url: str, tmp_path: Path
) -> None:
    del qtbot  # a QApplication for the settings and workers
    setup_desk(database.sessions)
    declare_sessions(database.sessions, LAB)
    add_registration(database.sessions, ANN, due="0.00")
    staff = create_staff(database.sessions, "Cy Lab", "135790", "supervisor", by=None)
    link = DeskLink("Lab", tmp_path / "lab.sqlite3", database_url, slug=MONTREAL)
    settings = MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    settings.admits_session = "lab"
    context = DeskContext(
        sessions=link.sessions,
        writer=Worker(serial=True),
        reader=Worker(),
        slug=MONTREAL,
        event_name_fr="Forum",
        event_name_en="Forum",
        desk="Lab",
        staff=staff,
        settings=settings,
        print_queue=None,
        database_location=database_url,
        shared=True,
        link=link,
        event_sessions=(("lab", "Laboratoire ouvert", "Open lab"),),
    )
    try:
        assert context.service.check_in(ANN, action_id="in-1").outcome is CheckInOutcome.CHECKED_IN
        settings.exit_mode_session = "lab"  # the header's toggle
        assert context.exit_mode
        service = context.service
        assert isinstance(service, LinkedDesk) and service.leaving
        assert service.check_in(ANN, action_id="out-1").outcome is CheckInOutcome.EXITED
        assert service.check_in(ANN, action_id="out-2").outcome is CheckInOutcome.NOT_INSIDE
    finally:
        link.close()
