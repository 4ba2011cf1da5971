"""A desk on a shared server: the first desk creates the tables, reads follow the link, and
what is not journaled offline is disabled with the reason."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.desk.search import find_by_code
from desktop_app.services.sync.shared_database import SharedDatabase, open_shared, replica_path
from desktop_app.ui.desk.shared_mode import OFFLINE_BLOCKED, SharedDesk
from desktop_app.ui.worker import Worker
from tests.services.money_desk import MONTREAL, add_registration, setup_money_desk
from tests.services.sync.desk_link_support import PG_URL, own_database

UNREACHABLE = "postgresql://desk:pw@127.0.0.1:1/forum"


@pytest.fixture
def opened() -> Iterator[list[SharedDatabase]]:
    made: list[SharedDatabase] = []
    yield made
    for database in made:
        database.dispose()


def test_replica_paths_are_per_desk_and_event(tmp_path: Path) -> None:
    a = replica_path("Desk 1", MONTREAL, tmp_path)
    assert a.parent == tmp_path and a.name == "forum-montreal-2027--desk-1.sqlite3"
    assert replica_path("Desk 2", MONTREAL, tmp_path) != a
    assert replica_path("Desk 1", None, tmp_path) != a


def test_offline_desk_reads_its_copy_and_waits_for_undo(
    qtbot: QtBot, tmp_path: Path, opened: list[SharedDatabase]
) -> None:
    copy = open_database(sqlite_url(replica_path("Desk A", MONTREAL, tmp_path)))
    setup_money_desk(copy.sessions)
    add_registration(copy.sessions, "R0", category="non-member", due=Decimal(1), paid=Decimal(1))
    copy.dispose()

    shared = open_shared(UNREACHABLE, "Desk A", MONTREAL, folder=tmp_path)
    opened.append(shared)
    assert shared.link.mode == "offline"
    assert not shared.is_sqlite and "pw" not in shared.location
    hit = find_by_code(shared.sessions, MONTREAL, "R0")  # read from the replica
    assert hit is not None and hit.code == "R0"

    desk = SharedDesk(shared.link, Worker())
    actions = {name: QAction() for name in (*OFFLINE_BLOCKED, "collect")}
    buttons = {name: QPushButton() for name in actions}
    for button in buttons.values():
        qtbot.addWidget(button)
        button.setToolTip("normal")
    desk.restrict(actions, buttons)
    for name in OFFLINE_BLOCKED:
        assert not actions[name].isEnabled() and not buttons[name].isEnabled()
        assert buttons[name].toolTip().startswith("Not while offline")
    assert actions["collect"].isEnabled()  # payments are journaled: they stay
    assert buttons["collect"].toolTip() == "normal"
    assert desk.conflicts_office() is None  # conflicts live on the server


@pytest.mark.skipif(PG_URL is None, reason="needs PASSERELLE_TEST_PG")
def test_the_first_desk_creates_the_tables_then_works_shared(
    qtbot: QtBot, tmp_path: Path, opened: list[SharedDatabase]
) -> None:
    url = own_database("passerelle_h11_shared")
    shared = open_shared(url, "Desk A", None, folder=tmp_path)
    opened.append(shared)
    assert shared.link.mode == "shared"
    setup_money_desk(shared.sessions)  # written on the server, through the link's sessions
    server = open_database(url)
    try:
        add_registration(
            server.sessions, "R9", category="non-member", due=Decimal(1), paid=Decimal(1)
        )
        hit = find_by_code(shared.sessions, MONTREAL, "R9")
        assert hit is not None
    finally:
        server.dispose()
    desk = SharedDesk(shared.link, Worker())
    actions = {name: QAction() for name in OFFLINE_BLOCKED}
    buttons = {name: QPushButton() for name in OFFLINE_BLOCKED}
    for button in buttons.values():
        qtbot.addWidget(button)
    desk.restrict(actions, buttons)
    assert all(action.isEnabled() for action in actions.values())
    assert desk.conflicts_office() is not None
