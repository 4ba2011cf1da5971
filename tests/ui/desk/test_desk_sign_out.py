"""A change of staff during a shift: F12 signs out (audited), the next person signs in, and
the desk keeps its event; the last person's search, card and band are cleared, and until the
next sign-in nobody can check anyone in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import CheckIn
from desktop_app.services.admin.staff import StaffMember, create_staff, sign_in
from desktop_app.ui.desk.outcome import Tone
from tests.services.desk_data import audit_entries
from tests.ui.desk.desk_harness import SLUG, Desk, fill, make_desk, registration, scan, wait_tone

CLERK, CLERK_PIN = "Luc Gagnon", "135790"


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database, registrations=40)
    made = make_desk(database, tmp_path / "desk.ini")
    create_staff(database.sessions, CLERK, CLERK_PIN, "desk", by=made.context.staff)
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.window.header.counts is not None, timeout=10000)
    yield made
    made.close()


def test_f12_signs_out_clears_the_last_attendee_and_the_next_staff_member_takes_over(
    qtbot: QtBot, desk: Desk
) -> None:
    window = desk.window
    person, earlier = registration(desk.sessions), registration(desk.sessions, owing=True)
    scan(qtbot, desk, earlier.code)  # the band names the last person scanned
    wait_tone(qtbot, desk, Tone.PAYMENT_DUE)
    window.search.field.setText(person.person.last_name)
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=10000)
    window.flows.load_card(person.id)
    qtbot.waitUntil(lambda: window.flows.card is not None, timeout=10000)
    assert window.buttons["staff"].isVisible()  # a supervisor signed in first
    seen: dict[str, object] = {}

    def next_staff() -> StaffMember | None:
        # The sign-in dialog is up: the desk is locked and shows no one's details.
        seen["header"] = window.header.where.text()
        seen["card"] = window.card.isVisible()
        seen["check_in"] = window._specs["check_in"].action.isEnabled()
        seen["shown"] = (
            window.search.field.text(),
            window.search.model.rowCount(),
            earlier.person.last_name in window.outcome.headline.text(),
            window.outcome.detail.text(),
        )
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
        "shown": ("", 0, False, ""),
        "tone": Tone.IDLE,
    }
    assert window.header.where.text() == f"Desk 2 · {CLERK} (desk staff)"
    assert not window.buttons["staff"].isVisible()  # the clerk is not a supervisor
    assert window.search.field.text() == ""  # the new shift starts on a clean screen
    assert window.flows.card is None and window.outcome.tone is Tone.IDLE
    assert window.search.field.hasFocus()
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
    # Only the on-screen Sign in button (F12) can be pressed.
    assert [n for n, b in window.buttons.items() if b.isEnabled()] == ["sign_out"]
    assert window.buttons["sign_out"].text().startswith("Sign in")
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
