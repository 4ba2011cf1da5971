"""Badges from the desk: a failed print offers retry or PDF, only a done print is counted,
reprints ask first; a walk-in registered by the dialog shows as checked in."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.desk.walkin import WalkInForm, quote_walk_in, register_walk_in
from desktop_app.services.money.payments import PaymentInput
from desktop_app.ui.desk import flows as desk_flows
from desktop_app.ui.desk.outcome import Tone
from desktop_app.ui.desk.walk_in import walked_in
from desktop_app.ui.printing import PrinterChoice
from tests.ui.desk.desk_harness import (
    SLUG,
    Desk,
    active_check_ins,
    fill,
    make_desk,
    registration,
    scan,
    wait_tone,
)

MISSING = PrinterChoice("Passerelle-no-such-printer", 288.0, 216.0)


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database)
    made = make_desk(database, tmp_path / "desk.ini", print_queue=True)
    made.context.settings.badge_printer = MISSING
    made.context.settings.stock = "brother-dk1202"
    made.context.settings.print_on_check_in = True
    qtbot.addWidget(made.window)
    yield made
    made.close()


def test_a_badge_that_did_not_print_is_not_counted_until_saved_as_pdf(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = registration(desk.sessions)
    window = desk.window
    scan(qtbot, desk, person.code)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    qtbot.waitUntil(lambda: window.print_bar.isVisible(), timeout=20000)
    assert person.code in window.print_bar.text.text()
    assert "Passerelle-no-such-printer" in window.print_bar.text.text()
    qtbot.waitUntil(lambda: "Badge not printed" in window.outcome.detail.text(), timeout=5000)
    assert window.outcome.tone is Tone.CHECKED_IN  # the check-in itself stands
    qtbot.waitUntil(lambda: window.flows.card is not None, timeout=10000)
    assert window.flows.card is not None and window.flows.card.badges_printed == 0

    saved = tmp_path / "badge.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(saved), ""))
    window.print_bar.save.click()

    assert saved.read_bytes().startswith(b"%PDF")
    assert not window.print_bar.isVisible()
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.badges_printed == 1,
        timeout=10000,
    )
    assert window.card.badges.text() == "Badges printed: 1"
    assert active_check_ins(desk.sessions, person.id) == 1


def test_a_reprint_asks_first_once_the_badge_was_printed(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = registration(desk.sessions)
    window = desk.window
    scan(qtbot, desk, person.code)
    qtbot.waitUntil(lambda: window.print_bar.isVisible(), timeout=20000)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "b.pdf"), "")
    )
    window.print_bar.save.click()
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.badges_printed == 1,
        timeout=10000,
    )

    asked: list[int] = []

    def says_no(_parent: object, _name: str, count: int) -> bool:
        asked.append(count)
        return False

    monkeypatch.setattr(desk_flows, "confirm_reprint", says_no)
    queue = desk.context.print_queue
    assert queue is not None
    jobs: list[int] = []
    queue.job_queued.connect(jobs.append)
    window.buttons["reprint"].click()
    assert asked == [1]
    qtbot.wait(200)
    assert jobs == []

    monkeypatch.setattr(desk_flows, "confirm_reprint", lambda *_args: True)
    window.buttons["reprint"].click()
    qtbot.waitUntil(lambda: len(jobs) == 1, timeout=10000)
    assert window.outcome.headline.text().startswith("Reprint")


def test_a_walk_in_shows_as_checked_in_with_its_card(qtbot: QtBot, desk: Desk) -> None:
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
        PaymentInput("cash", total, total + Decimal("5.00")),
        desk="Desk 2",
        staff="Marie Roy",
        action_id="walk-in-test-1",
    )
    walked_in(desk.window, result)
    window = desk.window
    assert window.outcome.tone is Tone.CHECKED_IN
    assert result.code in window.outcome.detail.text()
    qtbot.waitUntil(
        lambda: window.flows.card is not None and window.flows.card.last_name == "Walkin",
        timeout=10000,
    )
    assert window.flows.card is not None and window.flows.card.checked_in_at is not None
    assert active_check_ins(desk.sessions, result.registration_id) == 1


def test_a_badge_that_would_print_boxes_asks_first_and_is_not_counted_when_refused(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import select

    from desktop_app.db.models import Registration as Row
    from desktop_app.documents.fonts import fallback_font
    from desktop_app.ui.desk.badge_jobs import BadgeJobs

    unusual = "\U00011013"  # Brahmi letter KA: no bundled font has it
    if fallback_font(unusual) is not None:
        pytest.skip("a font on this machine covers Brahmi")
    person = registration(desk.sessions)
    with desk.sessions.begin() as session:
        row = session.scalars(select(Row).where(Row.id == person.id)).one()
        row.person.first_name = f"Ka{unusual}"
    asked: list[str] = []

    def refuses(_self: BadgeJobs, characters: str) -> bool:
        asked.append(characters)
        return False

    monkeypatch.setattr(BadgeJobs, "print_with_boxes", refuses)
    window = desk.window
    scan(qtbot, desk, person.code)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    qtbot.waitUntil(lambda: "no font has" in window.outcome.detail.text(), timeout=10000)
    assert asked == [unusual]
    assert not window.print_bar.isVisible()  # nothing was sent to the printer
    qtbot.waitUntil(lambda: window.flows.card is not None, timeout=10000)
    assert window.flows.card is not None and window.flows.card.badges_printed == 0
