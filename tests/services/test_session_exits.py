"""Exit scans at a session's door (``exits = true``): a scan of someone inside records their
exit, a scan of someone gone out their re-entry; the report counts entries and who is inside."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import SessionMovement
from desktop_app.documents.report_pdf import render_report_pdf
from desktop_app.domain.errors import Invalid
from desktop_app.domain.event_reader import EventFileError
from desktop_app.domain.events import parse_event_file
from desktop_app.services.admin.staff import StaffMember
from desktop_app.services.desk import exits
from desktop_app.services.desk.attendees import attendee_card
from desktop_app.services.desk.checkin import (
    CheckInOutcome,
    CheckInResult,
    check_in,
    undo_check_in,
)
from desktop_app.services.desk.desk import LocalDesk
from desktop_app.services.reports.attendance import attendance_report
from desktop_app.services.reports.document import attendance_document
from desktop_app.services.reports.exports import ExportFormat, write_export
from desktop_app.services.reports.sessions import session_attendance
from tests.documents.pdf_reading import flat, pdf_text
from tests.services.desk_data import MONTREAL, add_registration, setup_desk
from tests.services.sessions_data import SESSIONS, declare_sessions, forum_source

# The sessions without [[days]] (any today will do), and a lab whose exits are scanned.
LAB = """
[[sessions]]
code = "lab"
name_fr = "Laboratoire ouvert"
name_en = "Open lab"
starts = 2027-03-23T13:00:00
ends = 2027-03-23T17:00:00
capacity = 2
exits = true
"""
ONLY_SESSIONS = SESSIONS[SESSIONS.index("[[sessions]]") :] + LAB
ANN, BO = "ANNANNANN0000001", "BOBOBOBO00000002"


@pytest.fixture
def lab(database: Database) -> Database:
    setup_desk(database.sessions)
    declare_sessions(database.sessions, ONLY_SESSIONS)
    add_registration(database.sessions, ANN, due="0.00")
    add_registration(database.sessions, BO, first_name="Bo", due="0.00")
    return database


def _scan(
    database: Database, code: str, *, leaving: bool = False, action: str | None = None
) -> CheckInResult:
    return check_in(
        database.sessions,
        MONTREAL,
        code,
        desk="Lab door",
        staff="Ann Roy",
        session_code="lab",
        leaving=leaving,
        action_id=action,
    )


def _counts(database: Database) -> tuple[int, int, int | None]:
    counts = session_attendance(database.sessions, MONTREAL, "lab")
    return counts.checked_in, counts.entries, counts.inside


def test_the_event_file_says_which_sessions_scan_exits() -> None:
    spec = parse_event_file(forum_source(ONLY_SESSIONS), "forum.toml")
    assert [(s.code, s.exits) for s in spec.sessions] == [
        ("gala", False),
        ("workshop-a", False),
        ("lab", True),
    ]
    with pytest.raises(EventFileError, match=r"sessions\[3\]\.exits"):
        parse_event_file(
            forum_source(ONLY_SESSIONS.replace("exits = true", 'exits = "yes"')), "forum.toml"
        )


def test_in_out_and_back_in_with_the_counts(lab: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _scan(lab, ANN).outcome is CheckInOutcome.CHECKED_IN
    assert _counts(lab) == (1, 1, 1)
    # The scanner firing twice is not the person leaving.
    assert _scan(lab, ANN).outcome is CheckInOutcome.ALREADY
    monkeypatch.setattr(exits, "MIN_STAY", timedelta(0))
    went = _scan(lab, ANN)
    assert went.outcome is CheckInOutcome.EXITED and went.outcome.ok
    assert went.moved_at is not None
    assert went.message.render() == "Left Open lab: Benoît Lachance"
    assert _counts(lab) == (1, 1, 0)
    back = _scan(lab, ANN)
    assert back.outcome is CheckInOutcome.REENTERED
    assert back.message.render() == "Back in Open lab: Benoît Lachance"
    assert _counts(lab) == (1, 2, 1)
    # A re-entry keeps the person's seat: one more person still fits in the two seats.
    assert _scan(lab, BO).outcome is CheckInOutcome.CHECKED_IN
    assert _counts(lab) == (2, 3, 2)
    assert session_attendance(lab.sessions, MONTREAL, "lab").seats_left == 0


def test_an_explicit_exit_is_only_ever_an_exit(lab: Database) -> None:
    never_in = _scan(lab, ANN, leaving=True)
    assert never_in.outcome is CheckInOutcome.NOT_INSIDE and not never_in.outcome.ok
    assert _counts(lab) == (0, 0, 0)
    _scan(lab, ANN)
    # Asked for, an exit right after the entry is one (no double-scan guard).
    assert _scan(lab, ANN, leaving=True).outcome is CheckInOutcome.EXITED
    assert _scan(lab, ANN, leaving=True).outcome is CheckInOutcome.NOT_INSIDE
    assert _counts(lab) == (1, 1, 0)


def test_exits_are_refused_where_the_session_does_not_scan_them(lab: Database) -> None:
    add_registration(lab.sessions, "GALAGALA00000001", category="member-early", due="0.00")
    with pytest.raises(Invalid, match="exits = true"):
        check_in(
            lab.sessions, MONTREAL, "GALAGALA00000001", desk="d", staff="s",
            session_code="gala", leaving=True,
        )  # fmt: skip
    with pytest.raises(Invalid, match="exits = true"):
        check_in(lab.sessions, MONTREAL, "GALAGALA00000001", desk="d", staff="s", leaving=True)
    counts = session_attendance(lab.sessions, MONTREAL, "gala")
    assert (counts.exits, counts.inside, counts.entries) == (False, None, 0)


def test_replaying_an_exit_records_it_once(lab: Database) -> None:
    _scan(lab, ANN)
    first = _scan(lab, ANN, leaving=True, action="exit-1")
    again = _scan(lab, ANN, leaving=True, action="exit-1")
    assert first.outcome is again.outcome is CheckInOutcome.EXITED
    assert again.moved_at == first.moved_at
    with lab.sessions() as session:
        assert session.scalar(select(func.count()).select_from(SessionMovement)) == 1


def test_an_undone_check_in_takes_its_comings_and_goings_with_it(lab: Database) -> None:
    result = _scan(lab, ANN)
    _scan(lab, ANN, leaving=True)
    assert result.registration_id is not None
    undo_check_in(
        lab.sessions, result.registration_id, desk="d", staff="s", reason="wrong person",
        session_code="lab",
    )  # fmt: skip
    assert _counts(lab) == (0, 0, 0)


def test_the_lab_desk_counts_who_is_inside_and_the_card_says_who_went_out(lab: Database) -> None:
    desk = LocalDesk(lab.sessions, MONTREAL, "Lab door", StaffMember(0, "Ann Roy", "desk"), "lab")
    result = desk.check_in(ANN, action_id="in-1")
    assert desk.counts().inside == 1
    desk.check_in(ANN, action_id="out-1")  # within MIN_STAY: a double scan
    assert desk.counts().inside == 1
    check_in(lab.sessions, MONTREAL, ANN, desk="d", staff="s", session_code="lab", leaving=True)
    counts = desk.counts()
    assert (counts.checked_in, counts.expected, counts.inside) == (1, 2, 0)
    assert result.registration_id is not None
    card = attendee_card(lab.sessions, result.registration_id, admits="lab")
    assert card.door is not None and card.door.left_at is not None
    # The entrance counts are not a session's: no "inside now" there.
    entrance = LocalDesk(lab.sessions, MONTREAL, "Entrance", StaffMember(0, "Ann Roy", "desk"))
    assert entrance.counts().inside is None


def test_the_attendance_report_gives_entries_and_inside_now_of_a_session_with_exits(
    lab: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(exits, "MIN_STAY", timedelta(0))
    for code in (ANN, ANN, ANN, BO, BO):  # Ann in, out, back in; Bo in and out
        _scan(lab, code)
    document = attendance_document(attendance_report(lab.sessions, MONTREAL))
    csv_path, xlsx_path = tmp_path / "a.csv", tmp_path / "a.xlsx"
    write_export(document, csv_path, ExportFormat.CSV, "en")
    write_export(document, xlsx_path, ExportFormat.XLSX, "en")
    lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    header = next(line for line in lines if line.startswith("Session,"))
    assert "Entries" in header and "Inside now" in header
    row = next(line for line in lines if line.startswith("Open lab,")).split(",")
    columns = header.split(",")
    # Three entries (two check-ins and a re-entry); Ann is the one inside now.
    assert (row[columns.index("Entries")], row[columns.index("Inside now")]) == ("3", "1")
    sheets = load_workbook(xlsx_path).worksheets
    rows = [list(r) for sheet in sheets for r in sheet.iter_rows(values_only=True)]
    titles = next(r for r in rows if r[0] == "Session")
    lab_row = next(r for r in rows if r[0] == "Open lab")
    assert (lab_row[titles.index("Entries")], lab_row[titles.index("Inside now")]) == (3, 1)
    text = flat(pdf_text(render_report_pdf(document, generated_at=datetime.now(UTC))))
    assert "Inside now" in text
