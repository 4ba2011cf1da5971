"""A desk set to one session's door (F10 "This desk admits"): only the entitled get in,
within the session's capacity."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop_app.db.database import Database
from desktop_app.services.admin.staff import Override
from desktop_app.services.desk import exits
from desktop_app.ui.desk.outcome import Tone
from desktop_app.ui.dialogs.override import OverrideDialog
from desktop_app.ui.dialogs.settings import SettingsDialog
from desktop_app.ui.machine_settings import MachineSettings
from tests.services.desk_data import add_registration
from tests.services.sessions_data import SESSIONS, declare_sessions
from tests.ui.desk.desk_harness import PIN, SUPERVISOR, Desk, fill, make_desk, scan, wait_tone

# The sessions alone: without [[days]] the desk checks in whatever today is.
ONLY_SESSIONS = SESSIONS[SESSIONS.index("[[sessions]]") :]
MEMBERS = ("GALAAAAA23456789", "GALABBBB23456789", "GALACCCC23456789")
OUTSIDER = "GALADDDD23456789"


@pytest.fixture
def gala_desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    fill(database, registrations=20)
    declare_sessions(database.sessions, ONLY_SESSIONS)
    for code in MEMBERS:
        add_registration(database.sessions, code, category="member-early", due="0.00")
    add_registration(database.sessions, OUTSIDER, due="0.00")
    made = make_desk(database, tmp_path / "desk.ini", admits="gala")
    qtbot.addWidget(made.window)
    qtbot.waitUntil(lambda: made.window.header.counts is not None, timeout=10000)
    yield made
    made.close()


def test_the_gala_desk_admits_the_entitled_until_full_then_on_override(
    qtbot: QtBot, gala_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = gala_desk.window
    assert window.header.where.text().startswith("Admits: Gala dinner · Desk 2")
    scan(qtbot, gala_desk, OUTSIDER)
    wait_tone(qtbot, gala_desk, Tone.NOT_ENTITLED)
    assert "Not registered for Gala dinner" in window.outcome.detail.text()
    for code in MEMBERS[:2]:
        scan(qtbot, gala_desk, code)
        wait_tone(qtbot, gala_desk, Tone.CHECKED_IN)
        qtbot.waitUntil(lambda: window.flows.blocked is None, timeout=5000)
    # The header counts the gala's seats, not the entrance.
    qtbot.waitUntil(lambda: window.header.counts_label.text() == "2 / 2 checked in", timeout=5000)
    scan(qtbot, gala_desk, MEMBERS[2])
    wait_tone(qtbot, gala_desk, Tone.SESSION_FULL)
    assert "Gala dinner is full: 2 of 2" in window.outcome.detail.text()
    window.grab().save("/tmp/sessions-gala-full.png")
    qtbot.waitUntil(lambda: window.buttons["override"].isEnabled(), timeout=5000)
    asked: list[str] = []

    def supervisor_says_yes(*args: object) -> Override:
        asked.append(str(args[-1]))
        return Override(SUPERVISOR, PIN, "VIP guest")

    monkeypatch.setattr(OverrideDialog, "ask", supervisor_says_yes)
    window.buttons["override"].click()
    wait_tone(qtbot, gala_desk, Tone.CHECKED_IN)
    assert "2 of 2" in asked[0]


def test_f10_chooses_the_session_this_desk_admits(qtbot: QtBot, tmp_path: Path) -> None:
    settings = MachineSettings(QSettings(str(tmp_path / "d.ini"), QSettings.Format.IniFormat))
    sessions = (("gala", "Souper gala", "Gala dinner"), ("workshop-a", "Atelier A", "Workshop A"))
    dialog = SettingsDialog(None, settings, printers=lambda: [], event_sessions=sessions)
    qtbot.addWidget(dialog)
    dialog.show()
    items = [dialog.admits.itemText(i) for i in range(dialog.admits.count())]
    assert items == ["The entrance (everyone registered)", "Gala dinner", "Workshop A"]
    assert dialog.admits.currentIndex() == 0
    dialog.admits.setCurrentIndex(1)
    dialog.grab().save("/tmp/sessions-f10.png")
    dialog.accept()
    assert settings.admits_session == "gala"
    again = SettingsDialog(None, settings, printers=lambda: [], event_sessions=sessions)
    qtbot.addWidget(again)
    assert again.admits.currentData() == "gala"
    again.admits.setCurrentIndex(0)
    again.accept()
    assert settings.admits_session is None


def test_the_card_at_the_gala_desk_says_the_gala_first_and_the_entrance_second(
    qtbot: QtBot, gala_desk: Desk
) -> None:
    window = gala_desk.window
    card = window.card
    scan(qtbot, gala_desk, OUTSIDER)
    wait_tone(qtbot, gala_desk, Tone.NOT_ENTITLED)
    qtbot.waitUntil(lambda: window.flows.card is not None, timeout=5000)
    qtbot.waitUntil(lambda: "Not registered for Gala dinner" in card.checked.text(), timeout=5000)
    assert "2 of 2 seats left" in card.checked.text()
    assert card.entrance.isVisible()
    assert card.entrance.text() == "Entrance: Not checked in"
    # Enter would be refused: the main button says so beforehand.
    main = window.buttons["check_in"]
    qtbot.waitUntil(lambda: main.text().startswith("Not registered for this session"), timeout=5000)

    scan(qtbot, gala_desk, MEMBERS[0])
    wait_tone(qtbot, gala_desk, Tone.CHECKED_IN)
    qtbot.waitUntil(lambda: "Checked in to Gala dinner" in card.checked.text(), timeout=5000)
    assert "desk Desk 2" in card.checked.text()
    assert "1 of 2 seats left" in card.checked.text()
    # Checked in to the gala is not checked in at the entrance: said second, not mixed up.
    assert card.entrance.text() == "Entrance: Not checked in"
    window.grab().save("/tmp/badges-gala-card.png")
    # F9 undoes the gala's check-in here, though the entrance has none.
    assert window.buttons["undo"].isEnabled()
    qtbot.waitUntil(lambda: main.text().startswith("Already checked in"), timeout=5000)


LAB = """
[[sessions]]
code = "lab"
name_fr = "Laboratoire ouvert"
name_en = "Open lab"
starts = 2027-03-23T13:00:00
ends = 2027-03-23T17:00:00
exits = true
"""


def test_the_lab_desk_scans_people_out_and_back_in(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(database, registrations=20)
    declare_sessions(database.sessions, ONLY_SESSIONS + LAB)
    add_registration(database.sessions, OUTSIDER, due="0.00")
    lab = make_desk(database, tmp_path / "desk.ini", admits="lab")
    qtbot.addWidget(lab.window)
    try:
        window = lab.window
        qtbot.waitUntil(lambda: window.header.counts is not None, timeout=10000)
        assert window.header.counts_label.text().endswith("· 0 inside now")
        monkeypatch.setattr(exits, "MIN_STAY", timedelta(seconds=5))  # not 30 s of waiting
        scan(qtbot, lab, OUTSIDER)
        wait_tone(qtbot, lab, Tone.CHECKED_IN)
        qtbot.waitUntil(lambda: "· 1 inside now" in window.header.counts_label.text(), timeout=5000)
        main = window.buttons["check_in"]
        # Just in: the button and Enter agree that a second scan is a double scan.
        qtbot.waitUntil(lambda: main.text().startswith("Already checked in"), timeout=5000)
        scan(qtbot, lab, OUTSIDER)
        wait_tone(qtbot, lab, Tone.ALREADY)
        # Once the double-scan delay is over, the button says what Enter now does.
        qtbot.waitUntil(lambda: main.text().startswith("Record the exit"), timeout=10000)
        scan(qtbot, lab, OUTSIDER)
        wait_tone(qtbot, lab, Tone.EXITED)
        assert "Left Open lab" in window.outcome.detail.text()
        qtbot.waitUntil(lambda: "· 0 inside now" in window.header.counts_label.text(), timeout=5000)
        qtbot.waitUntil(lambda: "Went out of Open lab" in window.card.checked.text(), timeout=5000)
        qtbot.waitUntil(lambda: main.text().startswith("Back in"), timeout=5000)
        window.grab().save("/tmp/badges-lab-exit.png")
        # The Reports window's Sessions tab: one entry, no one inside now, then a re-entry.
        window._specs["reports"].action.trigger()
        reports = window.reports_window
        assert reports is not None
        table = reports.sessions_table

        def lab_row() -> tuple[str, str]:
            rows = range(table.rowCount())
            row = next((r for r in rows if table.item(r, 0).text() == "Open lab"), None)
            return (
                ("", "") if row is None else (table.item(row, 3).text(), table.item(row, 4).text())
            )

        qtbot.waitUntil(lambda: lab_row() == ("1", "0"), timeout=5000)
        assert reports.tabs.isTabVisible(2)
        reports.tabs.setCurrentIndex(2)
        reports.grab().save("/tmp/badges-reports-sessions.png")
        scan(qtbot, lab, OUTSIDER)
        wait_tone(qtbot, lab, Tone.REENTERED)
        qtbot.waitUntil(lambda: lab_row() == ("2", "1"), timeout=10000)
        qtbot.waitUntil(lambda: "· 1 inside now" in window.header.counts_label.text(), timeout=5000)
        qtbot.waitUntil(
            lambda: "Checked in to Open lab" in window.card.checked.text(), timeout=5000
        )
    finally:
        lab.close()


def test_exit_mode_at_the_lab_desk_records_every_scan_as_an_exit(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    fill(database, registrations=20)
    declare_sessions(database.sessions, ONLY_SESSIONS + LAB)
    add_registration(database.sessions, OUTSIDER, due="0.00")
    lab = make_desk(database, tmp_path / "desk.ini", admits="lab")
    qtbot.addWidget(lab.window)
    try:
        window, header = lab.window, lab.window.header
        qtbot.waitUntil(lambda: header.counts is not None, timeout=10000)
        scan(qtbot, lab, OUTSIDER)
        wait_tone(qtbot, lab, Tone.CHECKED_IN)
        qtbot.waitUntil(lambda: "· 1 inside now" in header.counts_label.text(), timeout=5000)
        assert header.exit_button.isVisible() and "EXIT" not in header.where.text()
        header.exit_button.click()
        # The band says EXIT, and at once (no double-scan delay) the button and Enter agree.
        assert header.where.text().startswith("EXIT: Open lab")
        assert "#b71c1c" in header.styleSheet()
        main = window.buttons["check_in"]
        qtbot.waitUntil(lambda: main.text().startswith("Record the exit"), timeout=5000)
        window.grab().save("/tmp/badges-exit-mode.png")
        scan(qtbot, lab, OUTSIDER)
        wait_tone(qtbot, lab, Tone.EXITED)
        qtbot.waitUntil(lambda: "· 0 inside now" in header.counts_label.text(), timeout=5000)
        scan(qtbot, lab, OUTSIDER)  # out already: Exit mode never lets anyone back in
        wait_tone(qtbot, lab, Tone.NOT_INSIDE)
        header.exit_button.click()
        assert not header.where.text().startswith("EXIT")
        scan(qtbot, lab, OUTSIDER)
        wait_tone(qtbot, lab, Tone.REENTERED)
    finally:
        lab.close()
