"""F4 on a person who owes nothing sells add-ons (the gala bought at the door): the list with
seats left, the total following what is ticked, a receipt for the add-ons alone."""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Receipt, RegistrationSession
from desktop_app.services.desk.addons import AddOnOffer, addon_breakdown
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.reports.sessions import session_attendance
from desktop_app.ui.desk.outcome import Tone
from desktop_app.ui.dialogs.walkin_addon_sale import AddOnSaleDialog, AddOnSaleTaken
from tests.documents.pdf_reading import flat, pdf_text
from tests.services.desk_data import add_registration
from tests.services.sessions_data import SESSIONS, declare_sessions
from tests.ui.desk.desk_harness import SLUG, Desk, fill, make_desk, scan, wait_tone

# The demo's member-early registrants hold the gala already: room for a hundred.
ONLY_SESSIONS = SESSIONS[SESSIONS.index("[[sessions]]") :].replace("capacity = 2", "capacity = 100")
PAID = "ADDONPAID2345678"
D = Decimal


def offer(code: str, name: str, price: str, seats: int | None) -> AddOnOffer:
    return AddOnOffer(code, name, name, addon_breakdown("QC", D(price)), 40, seats)


def test_the_sale_dialog_totals_what_is_ticked_and_disables_a_full_session(
    qtbot: QtBot,
) -> None:
    offers = (
        offer("gala", "Gala dinner", "95.00", 12),
        offer("visit", "Lab visit", "20.00", 1),
        offer("b2b", "B2B meetings", "50.00", 0),
    )
    dialog = AddOnSaleDialog(
        None, "Benoît Lachance", "Exemple inc.", offers, print_receipt=False, ask_override=print
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.addons.row_texts() == [
        ("Gala dinner — $109.23 — 12 seats left", True),
        ("Lab visit — $23.00 — 1 seat left", True),
        ("B2B meetings — $57.49 — full", False),
    ]
    assert dialog.taken() == "Tick the add-ons to sell."
    dialog.addons.boxes["gala"].setChecked(True)
    assert dialog.total.text() == "$109.23"
    dialog.addons.boxes["visit"].setChecked(True)
    assert dialog.total.text() == "$132.23"
    dialog.payment.tendered.setText("140")
    assert dialog.payment.change.text() == "Change due: $7.77"
    if os.environ.get("PASSERELLE_SCREENSHOTS"):
        qtbot.wait(100)
        dialog.grab().save(os.environ["PASSERELLE_SCREENSHOTS"] + "/f4-addons.png")
    taken = dialog.taken()
    assert isinstance(taken, AddOnSaleTaken)
    assert (taken.codes, taken.payment.amount, taken.override) == (
        ("gala", "visit"),
        D("132.23"),
        None,
    )


@pytest.fixture
def addon_desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database, registrations=20)
    declare_sessions(database.sessions, ONLY_SESSIONS)
    add_registration(database.sessions, PAID, due="0.00")  # owes nothing
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    yield made
    made.close()


def test_f4_sells_the_gala_to_someone_who_owes_nothing(
    qtbot: QtBot, addon_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = addon_desk.window
    scan(qtbot, addon_desk, PAID)
    wait_tone(qtbot, addon_desk, Tone.CHECKED_IN)
    qtbot.waitUntil(lambda: window.buttons["collect"].isEnabled(), timeout=10000)
    assert window.buttons["collect"].text().startswith("Sell add-ons")
    shown: list[tuple[str, ...]] = []

    def sells_the_gala(
        _parent: object, name: str, _org: object, offers: tuple[AddOnOffer, ...], **_kw: object
    ) -> AddOnSaleTaken:
        shown.append((name, *(f"{o.code}:{o.seats_left}" for o in offers)))
        return AddOnSaleTaken(
            ("gala",), PaymentInput("cash", D("109.23"), D("120.00")), None, print_receipt=True
        )

    monkeypatch.setattr(AddOnSaleDialog, "ask", sells_the_gala)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: "saved as PDF" in window.outcome.detail.text(), timeout=20000)
    # The seats left, as the attendance report counts those entitled (before the sale).
    entitled = session_attendance(addon_desk.sessions, SLUG, "gala").entitled - 1
    assert shown == [("Benoît Lachance", f"gala:{100 - entitled}")]
    detail = window.outcome.detail.text()
    assert "$109.23 received from Benoît Lachance for Gala dinner." in detail
    assert "Change due: $10.77." in detail
    with addon_desk.sessions() as session:
        assert len(session.scalars(select(RegistrationSession)).all()) == 1
        receipt = session.scalars(select(Receipt)).one()
        assert [i["description_en"] for i in receipt.lines["items"]] == ["Add-on — Gala dinner"]
    (saved,) = (tmp_path / "receipts").glob("*.pdf")
    assert "Add-on — Gala dinner" in flat(pdf_text(saved.read_bytes()))
