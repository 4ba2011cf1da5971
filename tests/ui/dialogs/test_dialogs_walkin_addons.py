"""The walk-in form sells add-ons: each priced session a box with its price and seats left,
the total following what is ticked, a full one disabled until a supervisor lets it be sold."""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Event, Receipt, RegistrationSession
from desktop_app.services.admin.staff import Override
from desktop_app.services.office import Office
from desktop_app.ui.dialogs.walkin import WalkInDialog
from desktop_app.ui.worker import Worker
from tests.services.money_desk import (
    BEFORE_MONTREAL,
    GST_NO,
    MEMBER_EMAIL,
    MONTREAL,
    QST_NO,
    add_registration,
    count,
    setup_money_desk,
)
from tests.services.sessions_data import declare_sessions

D = Decimal


@pytest.fixture
def worker(database: Database) -> Iterator[Worker]:
    """Torn down before the database, so no background task outlives its connections."""
    del database
    worker = Worker(serial=True)
    yield worker
    worker.wait(10_000)


@pytest.fixture
def desk(database: Database) -> Database:
    setup_money_desk(database.sessions)
    declare_sessions(database.sessions)  # the gala: 2 seats at 95.00 + taxes = 109.23
    with database.sessions.begin() as session:
        event = session.scalars(select(Event).where(Event.slug == MONTREAL)).one()
        event.gst_hst_number, event.qst_number = GST_NO, QST_NO
    return database


def open_member(qtbot: QtBot, worker: Worker, database: Database) -> WalkInDialog:
    dialog = WalkInDialog(
        None,
        worker,
        Office(database.sessions),
        MONTREAL,
        "Desk 2",
        "Paul Desk",
        clock=lambda: BEFORE_MONTREAL,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first_name.setText("Camille")
    dialog.last_name.setText("Tremblay")
    dialog.email.setText(MEMBER_EMAIL)
    qtbot.waitUntil(lambda: dialog.quote_is_current() and bool(dialog.addons.boxes), timeout=10_000)
    return dialog


def test_ticking_the_gala_adds_it_to_the_total_and_the_receipt(
    qtbot: QtBot, worker: Worker, desk: Database
) -> None:
    dialog = open_member(qtbot, worker, desk)
    assert dialog.addons_box.isVisible()
    assert dialog.addons.row_texts() == [("Gala dinner — $109.23 — 2 seats left", True)]
    assert dialog.language.nextInFocusChain() is dialog.addons.boxes["gala"]  # Tab reaches it
    assert dialog.quote_panel.price_lines()[-1] == ("Total", "$603.62")
    dialog.payment.set_method("invoice")
    dialog.addons.boxes["gala"].setChecked(True)
    # Add-ons are paid at the desk: cash or card only while one is ticked.
    assert dialog.payment.method() == "cash"
    assert not dialog.payment.buttons["invoice"].isEnabled()
    assert not dialog.payment.buttons["complimentary"].isEnabled()
    assert dialog.quote_panel.price_lines()[-2:] == [
        ("+ Gala dinner (taxes included)", "$109.23"),
        ("Total", "$712.85"),
    ]
    dialog.payment.tendered.setText("720")
    assert dialog.payment.change.text() == "Change due: $7.15"
    if os.environ.get("PASSERELLE_SCREENSHOTS"):
        qtbot.wait(100)  # the new price line laid out
        dialog.grab().save(os.environ["PASSERELLE_SCREENSHOTS"] + "/walkin-addons.png")
    with qtbot.waitSignal(dialog.registered, timeout=10_000) as signal:
        dialog.confirm()
    result = signal.args[0]
    assert result.receipt is not None and result.receipt.total == D("712.85")
    assert count(desk.sessions, RegistrationSession) == 1
    with desk.sessions() as session:
        items = session.scalars(select(Receipt)).one().lines["items"]
    assert [item["description_en"] for item in items][1:] == ["Add-on — Gala dinner"]
    dialog.addons.boxes["gala"].setChecked(False)  # after the sale nothing is left to change
    assert not dialog.addons_box.isEnabled()


def test_a_full_gala_is_disabled_until_a_supervisor_lets_it_be_sold(
    qtbot: QtBot, worker: Worker, desk: Database
) -> None:
    for code in ("A" * 16, "B" * 16):
        add_registration(desk.sessions, code, category="member-early", due=D(0), paid=D(0))
    dialog = open_member(qtbot, worker, desk)
    assert dialog.addons.row_texts() == [("Gala dinner — $109.23 — full", False)]
    assert dialog.addons.supervisor.isVisible()
    asked: list[str] = []

    def supervisor(why: str) -> Override:
        asked.append(why)
        return Override("Sophie", "246810", "Table of the minister")

    dialog.ask_override = supervisor  # type: ignore[method-assign]
    dialog.addons.supervisor.click()
    assert asked == ["Sell Gala dinner beyond its seats."]
    assert dialog.addons.row_texts() == [("Gala dinner — $109.23 — full", True)]
    assert not dialog.addons.supervisor.isVisible()
    dialog.addons.boxes["gala"].setChecked(True)
    assert dialog.quote_panel.price_lines()[-1] == ("Total", "$712.85")
    with qtbot.waitSignal(dialog.registered, timeout=10_000):
        dialog.confirm()
    assert count(desk.sessions, RegistrationSession) == 1
