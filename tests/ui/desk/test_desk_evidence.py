"""The card shows a verdict as the verdict says it: a membership that ended before the event
is red and says "expired on", as in the walk-in form; F7's candidates can be told apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Event, Person, Registration
from desktop_app.services.desk.attendees import attendee_card
from desktop_app.services.desk.walkin import WalkInForm
from desktop_app.ui.desk.decision import MembershipDecisionDialog
from desktop_app.ui.dialogs.walkin_panels import QuotePanel
from desktop_app.ui.evidence import Chip
from tests.demo_copies import copy_demo
from tests.ui.desk.desk_harness import Desk, make_desk

SLUG = "forum-montreal-2027"


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    copy_demo(database, registrations=2000, seed=1)  # the demo the desk opens
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    yield made
    made.close()


def person(database: Database, first: str, last: str, domain: str) -> Registration:
    with database.sessions() as session:
        found = session.scalars(
            select(Registration)
            .join(Person, Person.id == Registration.person_id)
            .join(Event, Event.id == Registration.event_id)
            .where(
                Event.slug == SLUG,
                Person.first_name == first,
                Person.last_name == last,
                Person.email.like(f"%@{domain}"),
            )
        ).one()
        session.expunge(found)
        return found


def chips(qtbot: QtBot, desk: Desk, registration_id: int) -> list[Chip]:
    desk.window.flows.load_card(registration_id)
    qtbot.waitUntil(
        lambda: (
            desk.window.flows.card is not None
            and desk.window.flows.card.registration_id == registration_id
        ),
        timeout=10000,
    )
    layout = desk.window.card.chips
    return [
        widget
        for index in range(layout.count())
        if isinstance(widget := layout.itemAt(index).widget(), Chip)
    ]


def test_an_expired_membership_is_red_and_says_expired_as_in_the_walk_in_form(
    qtbot: QtBot, desk: Desk
) -> None:
    lavoie = person(desk.database, "Geneviève", "Lavoie", "metisvaccines.ca")
    shown = chips(qtbot, desk, lavoie.id)
    lso = [chip for chip in shown if chip.text().startswith("LSO — via the organization")]
    assert lso, [chip.text() for chip in shown]
    for chip in lso:
        assert chip.kind == "expired"  # red, never the green of a valid membership
        assert "expired on 2027-03-22" in chip.text() and "valid until" not in chip.text()

    # The walk-in form for the same person says the same thing in the same colour.
    from desktop_app.services.desk.walkin import quote_walk_in

    quote = quote_walk_in(
        desk.sessions,
        SLUG,
        WalkInForm(
            first_name="Geneviève",
            last_name="Lavoie",
            email="genevieve.lavoie@metisvaccines.ca",
            organization="Métis Vaccines Inc.",
            category_code=None,
            language=None,
        ),
    )
    panel = QuotePanel()
    qtbot.addWidget(panel)
    panel.show_quote(quote)
    walk_in = [
        (w.kind, w.text())
        for i in range(panel.chips.count())
        if isinstance(w := panel.chips.itemAt(i).widget(), Chip)
    ]
    assert sorted((c.kind, c.text()) for c in lso) == sorted(
        item for item in walk_in if item[1].startswith("LSO — via the organization")
    )


def test_f7_candidates_say_who_they_are_once_each_without_a_score(qtbot: QtBot, desk: Desk) -> None:
    tremblay = person(desk.database, "Caroline", "Tremblay", "lesentreprisessynapsante.com")
    card = attendee_card(desk.sessions, tremblay.id)
    assert card.candidates
    ids = [c.membership_id for c in card.candidates]
    assert len(ids) == len(set(ids))
    dialog = MembershipDecisionDialog(desk.window, card)
    qtbot.addWidget(dialog)
    texts = [text for text, _decision in dialog.options() if "This is their membership" in text]
    assert len(texts) == len(card.candidates)
    for text, candidate in zip(texts, card.candidates, strict=True):
        assert "score" not in text
        assert any(w in text for w in ("same name", "close match", "possible match"))
        assert candidate.member_number and f"member no. {candidate.member_number}" in text
        assert candidate.valid_until is not None and candidate.valid_until.isoformat() in text
    chip_texts = [c.text() for c in chips(qtbot, desk, tremblay.id) if c.kind == "candidate"]
    assert len(chip_texts) == len(set(chip_texts))  # one chip per name
