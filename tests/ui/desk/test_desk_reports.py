"""Desk → Reports… and Close the day…, driven as a supervisor would."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, CheckIn, DeskClosing, Event, Registration
from desktop_app.services.admin.staff import create_staff
from desktop_app.services.demo.activity import simulate_morning
from desktop_app.services.reports.attendance import attendance_report
from desktop_app.ui.desk.outcome import Tone
from desktop_app.ui.reports import closing_dialog as closing_module
from desktop_app.ui.reports.export_dialog import ExportDialog
from desktop_app.ui.reports.window import ReportsWindow
from tests.demo_copies import copy_filled
from tests.ui.desk.desk_harness import SLUG, Desk, fill, make_desk, scan, wait_tone


def _fill_with_morning(database: Database) -> None:
    fill(database, registrations=120)
    simulate_morning(database.sessions, SLUG, walk_ins=6, seed=2)


@pytest.fixture
def desk(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[Desk]:
    copy_filled(database, ("desk-with-morning",), _fill_with_morning)
    made = make_desk(database, tmp_path / "desk.ini")
    qtbot.addWidget(made.window)
    yield made
    made.close()


def not_yet_arrived(desk: Desk) -> str:
    """The code of a paid registration, free of doubt, not checked in yet."""
    with desk.sessions() as session:
        code = session.scalar(
            select(Registration.code)
            .join(Event, Event.id == Registration.event_id)
            .where(
                Event.slug == SLUG,
                Registration.status == "active",
                Registration.membership_flag.is_(None),
                Registration.amount_due <= Registration.amount_paid,
                ~select(CheckIn.id).where(CheckIn.registration_id == Registration.id).exists(),
            )
            .order_by(Registration.id)
            .limit(1)
        )
    assert code is not None
    return code


def open_reports(qtbot: QtBot, desk: Desk) -> ReportsWindow:
    desk.window._specs["reports"].action.trigger()
    window = desk.window.reports_window
    assert window is not None
    qtbot.waitUntil(lambda: window.dashboard is not None and window.no_shows is not None)
    return window


def test_reports_show_the_event_as_the_report_counts_it(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    window = open_reports(qtbot, desk)
    truth = attendance_report(desk.sessions, SLUG)
    assert f"<b>{truth.checked_in}</b>" in window.figures.text()
    assert sum(window.chart.totals()) == truth.checked_in
    assert window.by_association.rowCount() == 4
    assert window.no_show_model.rowCount() == truth.no_show
    window.grab().save(str(tmp_path / "reports.png"))


def test_a_check_in_at_the_desk_shows_in_the_open_window(qtbot: QtBot, desk: Desk) -> None:
    window = open_reports(qtbot, desk)
    before = window.dashboard
    assert before is not None
    scan(qtbot, desk, not_yet_arrived(desk))
    wait_tone(qtbot, desk, Tone.CHECKED_IN)
    qtbot.waitUntil(
        lambda: (
            window.dashboard is not None
            and window.dashboard.attendance.checked_in == before.attendance.checked_in + 1
        ),
        timeout=5000,
    )


def test_the_no_show_search_finds_without_accents(qtbot: QtBot, desk: Desk) -> None:
    window = open_reports(qtbot, desk)
    first = window.no_show_model.index(0, 0).data()
    assert first
    last_word = str(first).split()[-1]
    qtbot.keyClicks(window.search, last_word.encode("ascii", "ignore").decode()[:4].lower())
    shown = window.no_show_filter.rowCount()
    assert 0 < shown <= window.no_show_model.rowCount()
    assert "of" in window.no_show_count.text() or "sur" in window.no_show_count.text()


def test_a_volunteer_cannot_open_the_reports(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    copy_filled(database, ("desk-with-morning",), _fill_with_morning)
    boss = create_staff(database.sessions, "Sophie", "246810", "supervisor", by=None)
    volunteer = create_staff(database.sessions, "Paul", "135790", "desk", by=boss)
    made = make_desk(database, tmp_path / "desk.ini", staff=volunteer)
    qtbot.addWidget(made.window)
    try:
        assert not made.window._specs["reports"].action.isEnabled()
        made.window.open_reports()
        assert made.window.reports_window is None
    finally:
        made.close()


def test_export_for_one_association_says_who_it_is_for_and_writes_the_file(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = ExportDialog(None, desk.context)
    qtbot.addWidget(dialog)
    dialog.report.setCurrentIndex(dialog.report.findData("checked-in"))
    dialog.association.setCurrentIndex(dialog.association.findData("lso"))
    assert "LSO" in dialog.audience_note.text() and "consent" in dialog.audience_note.text()
    dialog.file_format.setCurrentIndex(dialog.file_format.findData("csv"))
    target = tmp_path / "lso.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.save()
    qtbot.waitUntil(lambda: target.exists() and "lso.csv" in dialog.status.text(), timeout=5000)
    with desk.sessions() as session:
        exported = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "report.export")
        )
    assert exported == 1


def test_closing_the_day_counts_the_drawer_and_stores_it(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    dialog = closing_module.ClosingDialog(None, desk.context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.activity is not None)
    assert not dialog.close_button.isEnabled()  # nothing counted yet
    dialog.opening_float.setText("150")
    dialog.counts["20"].setValue(10)
    dialog.counts["0.25"].setValue(4)
    expected = dialog.expected()
    assert expected is not None
    assert "201,00" in dialog.counted.text() or "201.00" in dialog.counted.text()
    assert dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.closing is not None, timeout=10_000)
    closing = dialog.closing
    assert closing is not None
    assert closing.counted_cash == Decimal("201.00") and closing.expected_cash == expected
    assert closing.summary["denominations"] == {"20": 10, "0.25": 4}
    assert dialog.saved_to is not None and dialog.saved_to.exists()
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() in ("Close", "Fermer")
    with desk.sessions() as session:
        assert session.scalar(select(func.count()).select_from(DeskClosing)) == 1
