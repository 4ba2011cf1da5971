"""F4 at a shared desk whose server is gone: the gala is sold from the desk's copy (its seats
left), the receipt in the desk's offline series, and the sale waits in the header's count to
be sent (the replay: tests/services/sync/test_desk_link_addons.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.desk.addons import AddOnOffer
from desktop_app.services.money.payments import PaymentInput
from desktop_app.ui.desk import DeskWindow
from desktop_app.ui.dialogs.walkin_addon_sale import AddOnSaleDialog, AddOnSaleTaken
from tests.services.desk_data import add_registration
from tests.services.sessions_data import SESSIONS, declare_sessions
from tests.ui.desk.desk_harness import fill
from tests.ui.desk.offline_harness import offline_desk_window

ONLY_SESSIONS = SESSIONS[SESSIONS.index("[[sessions]]") :].replace("capacity = 2", "capacity = 100")
PAID = "ADDONPAID2345678"
D = Decimal


def _gala_copy(copy: Database) -> None:
    fill(copy, registrations=20)
    declare_sessions(copy.sessions, ONLY_SESSIONS)
    add_registration(copy.sessions, PAID, due="0.00")  # owes nothing


@pytest.fixture
def offline_gala_desk(qtbot: QtBot, tmp_path: Path) -> Iterator[DeskWindow]:
    gala = (("gala", "Souper gala", "Gala dinner"),)
    with offline_desk_window(qtbot, tmp_path, _gala_copy, event_sessions=gala) as desk:
        yield desk.window


def test_f4_sells_the_gala_offline_with_a_receipt_of_the_offline_series(
    qtbot: QtBot, offline_gala_desk: DeskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = offline_gala_desk
    link = window.context.link
    assert link is not None and link.mode == "offline"
    window.search.field.setText(PAID)
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.code == PAID, timeout=10_000
    )
    qtbot.waitUntil(lambda: window.buttons["collect"].isEnabled(), timeout=10_000)
    assert window.buttons["collect"].text().startswith("Sell add-ons")
    shown: list[str] = []

    def sells_the_gala(
        _parent: object, _name: str, _org: object, offers: tuple[AddOnOffer, ...], **_kw: object
    ) -> AddOnSaleTaken:
        shown.extend(f"{o.code}:{o.seats_left}" for o in offers)
        return AddOnSaleTaken(
            ("gala",), PaymentInput("cash", D("109.23"), D("120.00")), None, print_receipt=False
        )

    monkeypatch.setattr(AddOnSaleDialog, "ask", sells_the_gala)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: "received from" in window.outcome.detail.text(), timeout=20_000)
    assert shown and shown[0].startswith("gala:")  # the seats left, from the desk's copy
    detail = window.outcome.detail.text()
    assert "$109.23 received from" in detail and "Receipt OFF-DESK2-" in detail
    assert "Change due: $10.77." in detail
    assert link.pending() == 1  # the sale waits to be sent with its payment
    indicator = window.shared_desk.indicator if window.shared_desk is not None else None
    assert indicator is not None
    qtbot.waitUntil(lambda: indicator.plain_text() == "offline — 1 action waiting", timeout=10_000)
    # The card, read again from the desk's copy, names the gala the person now holds.
    card = window.card
    qtbot.waitUntil(lambda: card.holds.isVisible(), timeout=10_000)
    assert card.holds.text() == "Sessions: Gala dinner"
    if os.environ.get("PASSERELLE_SCREENSHOTS"):
        qtbot.wait(200)
        window.grab().save(os.environ["PASSERELLE_SCREENSHOTS"] + "/desk-offline-addon-en.png")
