"""A supervisor makes an exhibitor's lead-station account in the staff dialog: picked from
the exhibitors the event declares, the usual PIN rules, the exhibitor named in the list,
deactivated and re-PINned like any account."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.domain.errors import Invalid
from desktop_app.services.admin import staff
from desktop_app.services.leads.lead_station import may_work_station
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.staff import StaffDialog
from desktop_app.ui.dialogs.staff_model import StaffModel
from desktop_app.ui.worker import Worker
from tests.services.leads_data import ALPHA, setup_leads
from tests.ui.dialogs.test_dialogs_staff import select


@pytest.fixture
def dialog(qtbot: QtBot, database: Database) -> Iterator[StaffDialog]:
    setup_leads(database.sessions)  # Sophie (supervisor), Marie (desk), Stand Alpha and Beta
    worker = Worker(serial=True)
    sophie = staff.sign_in(database.sessions, "Sophie", "246810")
    shown = StaffDialog(None, worker, Office(database.sessions), sophie)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.model.rowCount() == 4 and shown.exhibitor.count() == 3)
    yield shown
    worker.wait(10_000)


def _role_of(dialog: StaffDialog, name: str) -> str:
    model = dialog.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    return str(model.index(row, StaffModel.ROLE).data())


def _add(qtbot: QtBot, dialog: StaffDialog, name: str, pin: str) -> None:
    dialog.name.setText(name)
    dialog.pin.setText(pin)
    dialog.pin_again.setText(pin)
    dialog.add.click()
    qtbot.waitUntil(lambda: bool(dialog.status.text() or dialog.error.text()), timeout=5000)


def test_an_exhibitor_account_is_made_listed_disabled_and_re_pinned(
    qtbot: QtBot, dialog: StaffDialog, database: Database
) -> None:
    # The list names each exhibitor account's exhibitor next to the role.
    assert _role_of(dialog, ALPHA[0]) == "Exhibitor: Alpha Biotech (alpha)"
    assert _role_of(dialog, "Marie") == "Desk staff"
    # The exhibitor row shows only for an exhibitor account.
    assert dialog.exhibitor.isHidden()
    dialog.role.setCurrentIndex(dialog.role.findData("exhibitor"))
    assert not dialog.exhibitor.isHidden()
    assert [dialog.exhibitor.itemData(i) for i in range(3)] == ["alpha", "beta", "gamma"]
    dialog.exhibitor.setCurrentIndex(dialog.exhibitor.findData("gamma"))

    _add(qtbot, dialog, "Stand Gamma", "12")  # the PIN rules of every account
    assert dialog.error.text() and not dialog.status.text()
    assert "Stand Gamma" not in [a.name for a in staff.list_staff(database.sessions)]
    dialog.error.clear_error()

    _add(qtbot, dialog, "Stand Gamma", "975310")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 5, timeout=5000)
    assert _role_of(dialog, "Stand Gamma") == "Exhibitor: Gamma Labs (gamma)"
    dialog.grab().save("/tmp/leads-staff-exhibitor.png")
    gamma = staff.sign_in(database.sessions, "Stand Gamma", "975310")
    assert gamma.role == "exhibitor" and gamma.exhibitor_code == "gamma"
    assert may_work_station(gamma, "gamma") and not may_work_station(gamma, "alpha")

    # Deactivated like any account: it can no longer sign in.
    select(dialog, "Stand Gamma")
    dialog.toggle_active.click()
    qtbot.waitUntil(lambda: "Deactivated" in str(dialog.model.index(4, 2).data()), timeout=5000)
    with pytest.raises(Invalid):
        staff.sign_in(database.sessions, "Stand Gamma", "975310")

    # A new PIN set by the supervisor, like any account's.
    select(dialog, ALPHA[0])
    dialog.new_pin.setText("864202")
    dialog.new_pin_again.setText("864202")
    dialog.set_pin.click()
    qtbot.waitUntil(lambda: "PIN" in dialog.status.text(), timeout=5000)
    assert staff.sign_in(database.sessions, ALPHA[0], "864202").exhibitor_code == "alpha"


def test_a_desk_account_is_still_bound_to_no_exhibitor(
    qtbot: QtBot, dialog: StaffDialog, database: Database
) -> None:
    dialog.role.setCurrentIndex(dialog.role.findData("exhibitor"))
    dialog.role.setCurrentIndex(dialog.role.findData("desk"))
    assert dialog.exhibitor.isHidden()
    _add(qtbot, dialog, "Luc Desk", "555123")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 5, timeout=5000)
    luc = staff.sign_in(database.sessions, "Luc Desk", "555123")
    assert (luc.role, luc.exhibitor_code) == ("desk", None)
    assert _role_of(dialog, "Luc Desk") == "Desk staff"
