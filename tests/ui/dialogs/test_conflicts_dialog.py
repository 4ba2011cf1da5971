"""The supervisor's list of sync conflicts: each conflict's kind, person and sentence."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.office import Office
from desktop_app.services.sync import SyncConflict
from desktop_app.services.sync.conflicts import record_conflict
from desktop_app.ui.dialogs.conflicts import CONFLICT_ROLE, ConflictsDialog, ConflictsModel
from desktop_app.ui.worker import Worker
from tests.services.money_desk import MONTREAL, add_registration, setup_money_desk

AT = datetime(2027, 3, 2, 14, 5, tzinfo=UTC)


def _conflicts() -> list[SyncConflict]:
    return [
        SyncConflict(
            1,
            AT,
            "double-check-in",
            MONTREAL,
            7,
            "R1",
            "Benoît Lachance",
            "Desk A",
            "a1",
            {"at": AT.isoformat(), "other_desk": "Desk B", "other_at": AT.isoformat()},
        ),
        SyncConflict(
            2,
            AT,
            "replay-failed",
            MONTREAL,
            None,
            None,
            None,
            "Desk B",
            "b9",
            {"reason": "registration gone"},
        ),
    ]


def test_conflicts_model(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    del qtbot
    model = ConflictsModel()
    qtmodeltester.check(model)
    model.set_conflicts(_conflicts())
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 6
    row = [model.index(0, column).data() for column in range(6)]
    assert row[1:5] == ["Checked in at two desks", "R1", "Benoît Lachance", "Desk A"]
    assert row[5].startswith("Benoît Lachance was checked in at desk Desk A (")
    assert "the earlier check-in counts" in row[5]
    assert model.index(1, ConflictsModel.KIND).data() == "Refused by the server"
    assert "registration gone" in model.index(1, ConflictsModel.WHAT).data()
    assert model.index(1, 0).data(CONFLICT_ROLE).action_id == "b9"
    assert model.headerData(5, Qt.Orientation.Horizontal) == "What happened and what was kept"


def test_dialog_lists_the_event_conflicts(qtbot: QtBot, database: Database) -> None:
    setup_money_desk(database.sessions)
    registration_id = add_registration(
        database.sessions, "R1", category="non-member", due=Decimal(100), paid=Decimal(100)
    )
    with database.sessions.begin() as session:
        record_conflict(
            session,
            "double-payment",
            event=MONTREAL,
            desk="Desk A",
            staff="Ann",
            registration_id=registration_id,
            detail={
                "code": "R1",
                "name": "Benoît Lachance",
                "amount": "50.00",
                "overpaid": "50.00",
            },
        )
    dialog = ConflictsDialog(Office(database.sessions), MONTREAL, Worker())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, ConflictsModel.KIND).data() == "Paid twice"
    assert "50.00 is owed back" in dialog.model.index(0, ConflictsModel.WHAT).data()
    assert dialog.summary.text().startswith("1 conflict between desks, settled by the rule")


def test_offline_dialog_says_where_the_conflicts_are(qtbot: QtBot) -> None:
    dialog = ConflictsDialog(None, MONTREAL, Worker())
    qtbot.addWidget(dialog)
    assert "kept on the shared server" in dialog.summary.text()
    assert not dialog.refresh_button.isEnabled()
    assert dialog.model.rowCount() == 0
