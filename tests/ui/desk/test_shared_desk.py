"""A desk window on a shared server that cannot be reached: it says so, keeps checking in on
its copy with the actions counted, and waits with what is not journaled offline."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.app import DeskLauncher
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Event
from desktop_app.services.admin.staff import StaffMember, create_staff, sign_in
from desktop_app.services.desk.walkin import WalkInForm
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.sync import shared_database
from desktop_app.services.sync.shared_database import SharedDatabase
from desktop_app.ui.dialogs.start import StartChoice, StartDialog
from desktop_app.ui.i18n import Translations
from desktop_app.ui.machine_settings import MachineSettings
from tests.services.sync.desk_link_support import PG_URL, own_database
from tests.ui.desk.desk_harness import PIN, SLUG, SUPERVISOR, fill, registration
from tests.ui.desk.offline_harness import SharedDeskWindow, offline_desk_window

WALK_IN_DAY = datetime(2027, 3, 23, 15, 0, tzinfo=UTC)  # the on-site rate is on sale


@pytest.fixture
def offline_desk(qtbot: QtBot, tmp_path: Path) -> Iterator[SharedDeskWindow]:
    with offline_desk_window(qtbot, tmp_path, lambda copy: fill(copy, registrations=60)) as desk:
        yield desk


def test_offline_desk_checks_in_and_counts_what_waits(
    qtbot: QtBot, offline_desk: SharedDeskWindow
) -> None:
    window, shared = offline_desk.window, offline_desk.shared
    assert shared.link.mode == "offline"
    indicator = window.shared_desk.indicator if window.shared_desk is not None else None
    assert indicator is not None and indicator.isVisibleTo(window)
    qtbot.waitUntil(lambda: indicator.plain_text() == "offline — 0 actions waiting", timeout=10_000)

    person = registration(shared.sessions)
    window.flows.check_in(person.code)
    qtbot.waitUntil(lambda: indicator.plain_text() == "offline — 1 action waiting", timeout=10_000)
    assert shared.link.pending() == 1
    qtbot.waitUntil(
        lambda: (
            window.flows.card is not None
            and window.flows.card.registration_id == person.id
            and window.flows.card.checked_in_at is not None
        ),
        timeout=10_000,
    )
    # Undo is not journaled offline: disabled, and the button says why.
    assert not window.buttons["undo"].isEnabled()
    assert window.buttons["undo"].toolTip().startswith("Not while offline")
    assert not window.buttons["edit"].isEnabled()
    assert window.buttons["reprint"].isEnabled()  # badges are journaled


def test_supervisor_opens_the_sync_conflicts(
    qtbot: QtBot, offline_desk: SharedDeskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = offline_desk.window
    opened: list[object] = []
    shared_desk = window.shared_desk
    assert shared_desk is not None
    monkeypatch.setattr(
        type(shared_desk), "open_conflicts", lambda _self, parent, slug: opened.append(slug)
    )
    action = next(a for a in window.actions() if a.text() == "Sync conflicts…")
    assert action.isVisible() and action.isEnabled()
    action.trigger()
    assert opened == [SLUG]


@pytest.mark.skipif(PG_URL is None, reason="needs PASSERELLE_TEST_PG")
def test_the_launcher_opens_a_shared_desk_for_the_chosen_desk_and_event(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    url = own_database("passerelle_h11_app")
    server = open_database(url)
    fill(server, registrations=40)
    create_staff(server.sessions, SUPERVISOR, PIN, "supervisor", by=None)
    server.dispose()
    monkeypatch.setattr(shared_database, "data_directory", lambda: tmp_path)
    settings = MachineSettings(QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat))
    settings.desk_name = "Desk 1"  # the link opens for Desk 1, then again for the one chosen
    launcher = DeskLauncher(
        app, settings, Translations(app), url="sqlite:///unused", demo=False, server=url
    )
    monkeypatch.setattr(StartDialog, "ask", lambda *_args, **_kw: StartChoice(SLUG, "Desk 7"))

    def sign_in_as_supervisor(_self: DeskLauncher, database: SharedDatabase) -> StaffMember:
        return sign_in(database.sessions, SUPERVISOR, PIN)

    monkeypatch.setattr(DeskLauncher, "_sign_in", sign_in_as_supervisor)
    launcher.start()
    try:
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=60_000)
        window = launcher.window
        assert window is not None and window.shared_desk is not None
        qtbot.addWidget(window)
        link = window.context.link
        assert link is not None and (link.desk, link.slug, link.mode) == ("Desk 7", SLUG, "shared")
        indicator = window.shared_desk.indicator
        qtbot.waitUntil(lambda: indicator.plain_text() == "shared database", timeout=10_000)
        assert "passerelle_h11_app" in window.context.database_location
        qtbot.waitUntil(lambda: window.header.counts is not None, timeout=10_000)
    finally:
        if launcher.window is not None:
            launcher.window.header.stop()
            launcher.window.close()
        launcher.shutdown()
        app.setQuitOnLastWindowClosed(True)


def test_offline_walk_in_goes_through_the_link_with_the_offline_series(
    offline_desk: SharedDeskWindow,
) -> None:
    context, link = offline_desk.context, offline_desk.shared.link
    service = context.service  # a LinkedDesk: the link's way, journaled while offline
    form = WalkInForm("Zoé", "Sansbadge", "zoe@example.org", "Acme", None, "fr")
    quote = service.quote_walk_in(form, WALK_IN_DAY).quote
    assert quote is not None
    result = service.register_walk_in(
        form,
        PaymentInput("cash", quote.breakdown.total),
        action_id="walk-in-1",
        at=WALK_IN_DAY,
    )
    assert result.receipt is not None and result.receipt.number.startswith("OFF-DESK2-")
    assert link.pending() == 1  # the walk-in waits to be sent, as one action


def test_a_shared_desk_backs_up_its_own_copy_with_its_journal(
    qtbot: QtBot, offline_desk: SharedDeskWindow, tmp_path: Path
) -> None:
    from desktop_app.services.admin.backup import list_backups

    offline_desk.context.settings.backup_folder = tmp_path / "usb"
    backups = offline_desk.window.backups
    assert backups.enabled
    assert backups.backup_now()
    qtbot.waitUntil(lambda: len(list_backups(tmp_path / "usb")) == 1, timeout=10000)
    copy = open_database(sqlite_url(list_backups(tmp_path / "usb")[0]))
    try:
        with copy.sessions() as session:
            assert SLUG in session.scalars(select(Event.slug)).all()
    finally:
        copy.dispose()
