"""A change of staff during a shift: F12 signs out (audited), the next person signs in, and
the desk keeps its event, search and card; until then nobody can check anyone in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import CheckIn
from desktop_app.services.staff import StaffMember, create_staff, sign_in
from desktop_app.ui.desk.outcome import Tone
from tests.services.desk_data import audit_entries
from tests.ui.desk_harness import SLUG, Desk, fill, make_desk, registration
from tests.ui.test_desk_checkin import scan, wait_tone

CLERK, CLERK_PIN = "Luc Gagnon", "1357"


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database, registrations=40)
    made = make_desk(database, tmp_path / "desk.ini")
    create_staff(database.sessions, CLERK, CLERK_PIN, "desk", by=made.context.staff)
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.window.header.counts is not None, timeout=10000)
    yield made
    made.close()


def test_f12_signs_out_and_the_next_staff_member_takes_over_the_same_screen(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    person = registration(desk.sessions)
    window.search.field.setText("abc")
    window.flows.load_card(person.id)
    qtbot.waitUntil(lambda: window.flows.card is not None, timeout=10000)
    assert window.buttons["staff"].isVisible()  # a supervisor signed in first
    seen: dict[str, object] = {}

    def next_staff() -> StaffMember | None:
        # The sign-in dialog is up: the desk is locked and shows no one's details.
        seen["header"] = window.header.where.text()
        seen["card"] = window.card.isVisible()
        seen["check_in"] = window._specs["check_in"].action.isEnabled()
        desk.scanner.scanned.emit(person.code)  # a scan while nobody is signed in: nothing
        desk.context.writer.wait(5000)
        seen["tone"] = window.outcome.tone
        return sign_in(desk.sessions, CLERK, CLERK_PIN)

    window.ask_sign_in = next_staff  # type: ignore[method-assign]
    qtbot.keyClick(window.search.field, Qt.Key.Key_F12)

    assert seen == {
        "header": "Desk 2 · signed out",
        "card": False,
        "check_in": False,
        "tone": Tone.IDLE,
    }
    assert window.header.where.text() == f"Desk 2 · {CLERK} (desk staff)"
    assert not window.buttons["staff"].isVisible()  # the clerk is not a supervisor
    assert window.search.field.text() == "abc"  # the screen is as it was
    assert window.card.isVisible() and window.flows.card is not None
    assert window.flows.card.registration_id == person.id
    assert window.context.slug == SLUG
    desk.context.writer.wait(5000)
    [out] = audit_entries(desk.sessions, "staff.signed_out")
    assert (out.staff, out.desk) == ("Marie Roy", "Desk 2")

    scan(qtbot, desk, person.code)
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    with desk.sessions() as session:
        check_in = session.scalars(
            select(CheckIn).where(CheckIn.registration_id == person.id)
        ).one()
        assert (check_in.staff, check_in.desk) == (CLERK, "Desk 2")


def test_a_cancelled_sign_in_keeps_the_desk_locked_until_someone_signs_in(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    answers: list[StaffMember | None] = [None]
    window.ask_sign_in = lambda: answers.pop(0)  # type: ignore[method-assign]
    window._specs["sign_out"].action.trigger()

    assert window.signed_out
    assert not window.search.isEnabled()
    assert window._specs["sign_out"].action.text() == "Sign in"
    assert not any(b.isEnabled() for b in window.buttons.values())
    assert [a.isEnabled() for n, a in ((n, s.action) for n, s in window._specs.items())].count(
        True
    ) == 1

    answers.append(sign_in(desk.sessions, CLERK, CLERK_PIN))
    window._specs["sign_out"].action.trigger()
    assert not window.signed_out
    assert window.search.isEnabled()
    assert window._specs["sign_out"].action.text() == "Sign out"
    assert window.context.staff.name == CLERK
    desk.context.writer.wait(5000)
    assert len(audit_entries(desk.sessions, "staff.signed_out")) == 1  # one shift ended
