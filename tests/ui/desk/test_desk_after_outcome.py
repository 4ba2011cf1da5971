"""After a refusal or a walk-in, the card and Enter are about the right person (or no one)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.desk.walkin import WalkInForm, quote_walk_in, register_walk_in
from desktop_app.services.money.payments import PaymentInput
from desktop_app.ui.desk.outcome import Tone
from desktop_app.ui.desk.walk_in import walked_in
from tests.ui.desk.desk_harness import SLUG, Desk, active_check_ins, fill, make_desk, registration


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.window.header.counts is not None, timeout=10000)
    yield made
    made.close()


def show_by_search(qtbot: QtBot, desk: Desk, code: str) -> None:
    """Type ``code`` in the search field and wait for that person's card."""
    window = desk.window
    window.search.field.setText(code)
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.code == code, timeout=10000
    )
    assert window.buttons["check_in"].isEnabled()


def scan(qtbot: QtBot, desk: Desk, code: str) -> None:
    """A scanner types fast into whatever has the focus, then Enter."""
    qtbot.keyClicks(desk.window.search.field, code)
    qtbot.keyClick(desk.window.search.field, Qt.Key.Key_Return)


def test_after_not_found_enter_checks_no_one_in(qtbot: QtBot, desk: Desk) -> None:
    person = registration(desk.sessions)
    show_by_search(qtbot, desk, person.code)
    window = desk.window

    scan(qtbot, desk, "NOSUCHCODE42")
    qtbot.waitUntil(lambda: window.outcome.tone is Tone.NOT_FOUND, timeout=10000)
    qtbot.waitUntil(lambda: window.flows.card is None, timeout=10000)
    assert not window.card.name.isVisible()  # nobody's card is on screen
    assert not window.buttons["check_in"].isEnabled()

    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.wait(300)
    window.context.writer.wait(10000)
    qtbot.wait(100)
    assert active_check_ins(desk.sessions, person.id) == 0
    assert window.outcome.tone is Tone.NOT_FOUND

    # Choosing someone again arms Enter again.
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.flows.card is not None, timeout=10000)
    assert window.flows.card is not None and window.flows.card.code == person.code
    assert window.buttons["check_in"].isEnabled()


def test_a_confirmed_walk_in_shows_its_own_card_and_enter_is_about_them(
    qtbot: QtBot, desk: Desk
) -> None:
    person = registration(desk.sessions)
    show_by_search(qtbot, desk, person.code)
    window = desk.window
    desk.context.settings.print_on_check_in = False
    form = WalkInForm(
        first_name="Élodie",
        last_name="Walkin",
        email="elodie.walkin@gmail.com",
        organization=None,
        category_code=None,
        language="fr",
    )
    quote = quote_walk_in(desk.sessions, SLUG, form)
    assert quote.quote is not None
    total = quote.quote.total
    result = register_walk_in(
        desk.sessions,
        SLUG,
        form,
        PaymentInput("cash", total, total),
        desk="Desk 2",
        staff="Marie Roy",
        action_id="walk-in-after-a-card",
    )
    walked_in(window, result, "Élodie Walkin")

    assert "Élodie Walkin" in window.outcome.headline.text()
    qtbot.waitUntil(
        lambda: (
            window.flows.card is not None
            and window.flows.card.registration_id == result.registration_id
        ),
        timeout=10000,
    )
    window.context.reader.wait(10000)
    qtbot.wait(300)  # the list refreshes after a walk-in: the card must stay the walk-in's
    assert window.flows.card is not None
    assert window.flows.card.registration_id == result.registration_id
    assert window.card.name.text() == "Élodie WALKIN"

    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.outcome.tone is Tone.ALREADY, timeout=10000)
    assert "Élodie" in window.outcome.headline.text()
    assert active_check_ins(desk.sessions, person.id) == 0
    assert active_check_ins(desk.sessions, result.registration_id) == 1


def test_a_walk_in_banner_names_the_person_even_without_the_dialog(
    qtbot: QtBot, desk: Desk
) -> None:
    form = WalkInForm(
        first_name="Zoé",
        last_name="Sansnom",
        email=None,
        organization=None,
        category_code=None,
        language="fr",
    )
    quote = quote_walk_in(desk.sessions, SLUG, form)
    assert quote.quote is not None
    result = register_walk_in(
        desk.sessions,
        SLUG,
        form,
        PaymentInput("cash", quote.quote.total, quote.quote.total + Decimal("1.00")),
        desk="Desk 2",
        staff="Marie Roy",
        action_id="walk-in-no-name-given",
    )
    walked_in(desk.window, result)
    qtbot.waitUntil(lambda: "Zoé" in desk.window.outcome.headline.text(), timeout=10000)


def test_a_walk_in_with_only_a_last_name_is_named_without_none(qtbot: QtBot) -> None:
    from desktop_app.ui.dialogs.walkin_person import PersonBox

    box = PersonBox()
    qtbot.addWidget(box)
    box.last_name.setText("Walkin")
    assert box.person() == "Walkin"
    box.first_name.setText("Élodie")
    assert box.person() == "Élodie Walkin"
