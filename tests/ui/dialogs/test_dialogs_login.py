"""Sign-in: the first run creates the supervisor; later a right PIN signs in, a wrong one says so.
The supervisor override dialog refuses what is incomplete or wrong, and returns what holds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.admin import staff
from desktop_app.services.admin.staff import Override, StaffMember
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.login import LoginDialog, LoginMode
from desktop_app.ui.dialogs.override import OverrideDialog
from desktop_app.ui.worker import Worker


@pytest.fixture
def worker(database: Database) -> Iterator[Worker]:
    """Torn down before the database, so no background task outlives its connections."""
    del database
    worker = Worker(serial=True)
    yield worker
    worker.wait(5000)


@pytest.fixture
def boss(database: Database) -> StaffMember:
    """The first supervisor Marie Roy (PIN 432109), and desk staff Paul (111122)."""
    first = staff.create_staff(database.sessions, "Marie Roy", "432109", "supervisor", by=None)
    staff.create_staff(database.sessions, "Paul Desk", "111122", "desk", by=first)
    return first


def open_login(qtbot: QtBot, worker: Worker, database: Database) -> LoginDialog:
    dialog = LoginDialog(None, worker, Office(database.sessions))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.mode is not LoginMode.CHECKING, timeout=5000)
    return dialog


def test_first_run_creates_the_supervisor_then_signing_in_works(
    qtbot: QtBot, worker: Worker, database: Database
) -> None:
    dialog = open_login(qtbot, worker, database)
    assert dialog.mode is LoginMode.FIRST_RUN
    assert dialog.windowTitle() == "Create the first supervisor"
    assert dialog.pin_again.isVisible()

    dialog.name.setText("  Hélène   Côté ")
    qtbot.keyClicks(dialog.pin, "246810")
    qtbot.keyClicks(dialog.pin_again, "2460")
    dialog.confirm()
    assert "differ" in dialog.error.text()
    assert not staff.has_staff(database.sessions)

    qtbot.keyClicks(dialog.pin_again, "246810")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.pin_again, Qt.Key.Key_Return)
    assert dialog.member is not None
    assert dialog.member.name == "Hélène Côté"
    assert dialog.member.role == "supervisor"

    again = open_login(qtbot, worker, database)
    assert again.mode is LoginMode.SIGN_IN
    assert not again.pin_again.isVisible()
    again.name.setText("hélène côté")
    qtbot.keyClicks(again.pin, "246810")
    with qtbot.waitSignal(again.accepted, timeout=5000):
        again.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert again.member == dialog.member


def test_a_wrong_pin_is_stated_and_the_pin_cleared(
    qtbot: QtBot, worker: Worker, database: Database, boss: StaffMember
) -> None:
    del boss
    dialog = open_login(qtbot, worker, database)
    dialog.name.setText("Paul Desk")
    qtbot.keyClicks(dialog.pin, "999988")
    dialog.confirm()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)
    assert dialog.error.text() == "The name or PIN is wrong."
    assert dialog.pin.text() == ""
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.member is None

    qtbot.keyClicks(dialog.pin, "111122")
    assert dialog.error.isHidden()  # typing again clears the error
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.confirm()
    assert dialog.member is not None
    assert dialog.member.role == "desk"


def test_the_pin_takes_digits_only_and_empty_fields_are_named(
    qtbot: QtBot, worker: Worker, database: Database, boss: StaffMember
) -> None:
    del boss
    dialog = open_login(qtbot, worker, database)
    qtbot.keyClicks(dialog.pin, "12ab34")
    assert dialog.pin.text() == "1234"
    dialog.confirm()
    assert dialog.error.text() == "Enter your name."
    dialog.name.setText("Marie Roy")
    dialog.pin.clear()
    dialog.confirm()
    assert dialog.error.text() == "Enter your PIN."


def test_login_ask_returns_none_when_cancelled(
    qtbot: QtBot, worker: Worker, database: Database, boss: StaffMember
) -> None:
    del boss
    dialog = open_login(qtbot, worker, database)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.member is None


def open_override(qtbot: QtBot, worker: Worker, database: Database) -> OverrideDialog:
    dialog = OverrideDialog(
        None, worker, Office(database.sessions), "Balance due: $45.99. Check in anyway?"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_override_needs_every_field(
    qtbot: QtBot, worker: Worker, database: Database, boss: StaffMember
) -> None:
    del boss
    dialog = open_override(qtbot, worker, database)
    assert dialog.why.text() == "Balance due: $45.99. Check in anyway?"
    dialog.confirm()
    assert dialog.error.text() == "Enter the supervisor's name."
    dialog.name.setText("Marie Roy")
    dialog.confirm()
    assert dialog.error.text() == "Enter the supervisor's PIN."
    qtbot.keyClicks(dialog.pin, "432109")
    dialog.reason.setPlainText("   ")
    dialog.confirm()
    assert "reason" in dialog.error.text()
    assert dialog.override is None


def test_override_refuses_a_wrong_pin_or_a_desk_account_and_returns_a_good_one(
    qtbot: QtBot, worker: Worker, database: Database, boss: StaffMember
) -> None:
    dialog = open_override(qtbot, worker, database)
    dialog.name.setText("Paul Desk")
    qtbot.keyClicks(dialog.pin, "111122")
    dialog.reason.setPlainText("Pays by cheque tomorrow")
    dialog.confirm()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)
    assert dialog.error.text() == "Paul Desk is not an active supervisor."

    dialog.name.setText("Marie Roy")
    qtbot.keyClicks(dialog.pin, "0000")
    dialog.confirm()
    qtbot.waitUntil(lambda: "PIN is wrong" in dialog.error.text(), timeout=5000)
    assert dialog.pin.text() == ""
    assert dialog.isVisible()

    qtbot.keyClicks(dialog.pin, "432109")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter in the reason confirms
    assert dialog.override == Override("Marie Roy", "432109", "Pays by cheque tomorrow")
    assert dialog.supervisor == boss
