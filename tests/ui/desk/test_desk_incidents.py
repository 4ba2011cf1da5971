"""Desk → Privacy incidents…: a supervisor records an incident, then amends it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.privacy.incidents import list_incidents
from desktop_app.ui.reports.incidents_dialog import IncidentsDialog
from tests.ui.desk.desk_harness import Desk, fill, make_desk


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database, registrations=10)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    yield made
    made.close()


def test_record_then_amend_an_incident(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    assert desk.window._specs["incidents"].action.isEnabled()  # a supervisor's desk
    dialog = IncidentsDialog(None, desk.context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.record()  # an empty form: the register says what it needs
    qtbot.waitUntil(lambda: "needs" in dialog.error.text())
    dialog.description.setText("Backup of the Montréal forum on a USB key")
    dialog.circumstances.setPlainText("The key was left in a taxi.")
    dialog.risk.setPlainText("Low: the backup was encrypted.")
    dialog.people.setValue(1210)
    dialog.record()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    dialog.table.selectRow(0)
    assert dialog.amend_button.isEnabled()
    dialog.measures.setPlainText("Staff reminded to use passerelle backup --encrypt.")
    dialog.reason.setText("Measures decided at the debrief")
    dialog.amend()
    qtbot.waitUntil(lambda: "version 2" in dialog.status.text(), timeout=5000)
    [incident] = list_incidents(desk.sessions)
    assert incident.current.measures.startswith("Staff reminded")
    assert incident.history[0].fields.measures == ""  # the first version stays as written
    dialog.grab().save(str(tmp_path / "incidents.png"))
