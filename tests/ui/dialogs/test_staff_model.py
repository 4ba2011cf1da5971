"""The staff accounts' model passes Qt's model tester and shows what a supervisor reads."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.modeltest import ModelTester

from desktop_app.services.admin.staff import StaffAccountInfo
from desktop_app.ui.dialogs.staff_model import StaffModel


def test_staff_model_passes_the_model_tester_and_shows_each_account(
    qtmodeltester: ModelTester,
) -> None:
    model = StaffModel()
    qtmodeltester.check(model)
    at = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)
    accounts = [
        StaffAccountInfo(1, "Marie Roy", "supervisor", True, at),
        StaffAccountInfo(2, "Luc Gagnon", "desk", False, at),
    ]
    model.set_accounts(accounts)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 4
    assert model.index(0, StaffModel.NAME).data() == "Marie Roy"
    assert model.account(1) == accounts[1]
    assert model.row_of(2) == 1 and model.row_of(99) == -1
    roles = [model.index(row, StaffModel.ROLE).data() for row in range(2)]
    assert roles[0] != roles[1]  # supervisor and desk staff read differently
