"""A supervisor lists, adds, deactivates and re-PINs staff accounts; the model passes the tester."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.domain.errors import Invalid
from desktop_app.services.admin import staff
from desktop_app.services.admin.staff import StaffMember
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.staff import StaffDialog
from desktop_app.ui.dialogs.staff_model import ACCOUNT_ROLE, StaffModel
from desktop_app.ui.worker import Worker


@pytest.fixture
def worker(database: Database) -> Iterator[Worker]:
    """Torn down before the database, so no background task outlives its connections."""
    del database
    worker = Worker(serial=True)
    yield worker
    worker.wait(10_000)


@pytest.fixture
def boss(database: Database) -> StaffMember:
    first = staff.create_staff(database.sessions, "Marie Roy", "432109", "supervisor", by=None)
    staff.create_staff(database.sessions, "Paul Desk", "111122", "desk", by=first)
    return first


def open_dialog(qtbot: QtBot, worker: Worker, database: Database, boss: StaffMember) -> StaffDialog:
    dialog = StaffDialog(None, worker, Office(database.sessions), boss)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=5000)
    return dialog


def select(dialog: StaffDialog, name: str) -> None:
    for row in range(dialog.model.rowCount()):
        if dialog.model.index(row, 0).data() == name:
            dialog.table.selectionModel().select(
                dialog.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
    raise AssertionError(name)


def rows(dialog: StaffDialog) -> list[tuple[str, str, str]]:
    return [
        tuple(str(dialog.model.index(r, c).data()) for c in range(3))  # type: ignore[misc]
        for r in range(dialog.model.rowCount())
    ]


def test_the_model_passes_the_model_tester(
    qtbot: QtBot, worker: Worker, database: Database, boss: StaffMember
) -> None:
    dialog = open_dialog(qtbot, worker, database, boss)
    ModelTester(None).check(dialog.model)
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert dialog.model.index(0, 0).data(ACCOUNT_ROLE).name == "Marie Roy"
    empty = StaffModel()
    ModelTester(None).check(empty)


def test_lists_adds_deactivates_and_sets_a_pin(
    qtbot: QtBot, worker: Worker, database: Database, boss: StaffMember
) -> None:
    dialog = open_dialog(qtbot, worker, database, boss)
    assert rows(dialog) == [
        ("Marie Roy", "Supervisor", "Active"),
        ("Paul Desk", "Desk staff", "Active"),
    ]
    assert not dialog.toggle_active.isEnabled()  # nothing selected

    # Add a desk account; the two PINs must match.
    dialog.name.setText("Zoé Tremblay")
    qtbot.keyClicks(dialog.pin, "246810")
    qtbot.keyClicks(dialog.pin_again, "2460")
    dialog.add_account()
    assert "differ" in dialog.error.text()
    qtbot.keyClicks(dialog.pin_again, "246810")
    qtbot.keyClick(dialog.pin_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=5000)
    assert dialog.status.text() == "Zoé Tremblay can now sign in."
    assert dialog.selected() is not None and dialog.selected().name == "Zoé Tremblay"
    assert staff.sign_in(database.sessions, "Zoé Tremblay", "246810").role == "desk"

    # Deactivate Paul: he can no longer sign in.
    select(dialog, "Paul Desk")
    assert dialog.toggle_active.text() == "&Deactivate"
    dialog.toggle_active.click()
    qtbot.waitUntil(
        lambda: ("Paul Desk", "Desk staff", "Deactivated") in rows(dialog), timeout=5000
    )
    with pytest.raises(Invalid):
        staff.sign_in(database.sessions, "Paul Desk", "111122")
    assert dialog.toggle_active.text() == "&Reactivate"

    # A new PIN for Zoé.
    select(dialog, "Zoé Tremblay")
    qtbot.keyClicks(dialog.new_pin, "135791")
    qtbot.keyClicks(dialog.new_pin_again, "135791")
    dialog.set_pin.click()
    qtbot.waitUntil(lambda: "PIN is changed" in dialog.status.text(), timeout=5000)
    assert staff.sign_in(database.sessions, "Zoé Tremblay", "135791").name == "Zoé Tremblay"


def test_the_service_refusals_are_stated(
    qtbot: QtBot, worker: Worker, database: Database, boss: StaffMember
) -> None:
    dialog = open_dialog(qtbot, worker, database, boss)
    dialog.name.setText("paul desk")
    qtbot.keyClicks(dialog.pin, "555566")
    qtbot.keyClicks(dialog.pin_again, "555566")
    dialog.add_account()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)
    assert "already a staff member" in dialog.error.text()

    select(dialog, "Marie Roy")
    dialog.toggle_active.click()  # the last supervisor
    qtbot.waitUntil(lambda: "last active supervisor" in dialog.error.text(), timeout=5000)
    assert ("Marie Roy", "Supervisor", "Active") in rows(dialog)


def test_a_supervisor_unlocks_an_account_locked_by_wrong_pins(
    qtbot: QtBot,
    worker: Worker,
    database: Database,
    boss: StaffMember,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import UTC, datetime, timedelta

    moments = iter(datetime(2027, 3, 23, tzinfo=UTC) + timedelta(hours=h) for h in range(99))
    monkeypatch.setattr(staff, "_now", lambda: next(moments))  # each try after the wait
    for _ in range(staff.LOCK_AFTER):
        with pytest.raises(Invalid):
            staff.sign_in(database.sessions, "Paul Desk", "000000")
    dialog = open_dialog(qtbot, worker, database, boss)
    select(dialog, "Paul Desk")
    selected = dialog.selected()
    assert selected is not None and selected.locked and dialog.unlock.isEnabled()
    status = dialog.model.index(dialog.model.row_of(selected.id), StaffModel.ACTIVE)
    assert status.data() == "Locked (wrong PINs)"
    qtbot.mouseClick(dialog.unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.unlock.isEnabled() and not dialog._busy, timeout=5000)
    assert staff.sign_in(database.sessions, "Paul Desk", "111122").name == "Paul Desk"
