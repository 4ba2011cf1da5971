"""Close the day shows what the desk receipted as the stored closing and its PDF have it: the
admissions' line, a line per add-on sold, and their total."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.money.payments import PaymentInput
from desktop_app.ui.reports import closing_dialog as closing_module
from tests.services.desk_data import add_registration
from tests.services.sessions_data import declare_sessions
from tests.ui.desk.desk_harness import Desk, fill, make_desk
from tests.ui.desk.test_desk_addons import ONLY_SESSIONS

D = Decimal


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database, registrations=20)
    declare_sessions(database.sessions, ONLY_SESSIONS)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    yield made
    made.close()


def test_the_closing_dialog_lists_admissions_each_add_on_and_the_total(
    qtbot: QtBot, desk: Desk
) -> None:
    service = desk.context.service
    owes = add_registration(desk.sessions, "CLOSEOWES2345678", due="100.00", paid="0.00")
    service.collect_balance(owes, PaymentInput("cash", D("100.00")), action_id="close-1")
    guest = add_registration(desk.sessions, "CLOSEGALA2345678", due="0.00", email=None)
    service.sell_addons(
        guest, ("gala",), PaymentInput("card", D("109.23"), reference="A1"), action_id="close-2"
    )
    dialog = closing_module.ClosingDialog(None, desk.context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.activity is not None, timeout=10_000)
    rows = dialog.sales.rows()
    assert dialog.sales.isVisible()
    assert rows[0][:3] == ("What", "Count", "Before taxes") and rows[0][-1] == "Total"
    (what, count, *_rest, total) = rows[1]
    assert (what, count, total) == ("Admissions", "1", "$100.00")
    assert (rows[2][0], rows[2][1], rows[2][2], rows[2][-1]) == (
        "Gala dinner",
        "1",
        "$95.00",
        "$109.23",
    )
    assert (rows[3][0], rows[3][1], rows[3][-1]) == ("Total receipted", "2", "$209.23")
    qtbot.wait(50)
    dialog.grab().save("/tmp/desk-closing-sales.png")
