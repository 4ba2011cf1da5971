"""``passerelle checkin --session/--day`` and ``passerelle report attendance --session``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.database import open_database
from tests.services.desk_data import MONTREAL, add_registration, check_in_rows, setup_desk
from tests.services.sessions_data import SESSIONS, declare_sessions, forum_source

MEMBERS = ("M" * 16, "N" * 16, "P" * 16)
OUTSIDER = "Q" * 16


@pytest.fixture
def db(database_url: str) -> str:
    database = open_database(database_url)
    try:
        setup_desk(database.sessions)
        declare_sessions(database.sessions)
        for code in MEMBERS:
            add_registration(database.sessions, code, category="member-early")
        add_registration(database.sessions, OUTSIDER)
    finally:
        database.dispose()
    return database_url


def _run(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", db, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _gala(db: str, capsys: pytest.CaptureFixture[str], code: str) -> tuple[int, str, str]:
    return _run(
        db, capsys, "checkin", "--event", MONTREAL, code, "--session", "gala", "--day", "2027-03-23"
    )


def test_the_gala_door_admits_the_entitled_until_full(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _gala(db, capsys, MEMBERS[0])[:2] == (0, "Checked in to Gala dinner: Benoît Lachance\n")
    status, _, err = _gala(db, capsys, OUTSIDER)
    assert (status, err.startswith("passerelle: Not registered for Gala dinner")) == (1, True)
    assert _gala(db, capsys, MEMBERS[1])[0] == 0
    status, _, err = _gala(db, capsys, MEMBERS[2])
    assert status == 1
    assert "Gala dinner is full: 2 of 2" in err
    status, out, _ = _run(
        db, capsys, "checkin", "--event", MONTREAL, MEMBERS[2], "--session", "gala",
        "--day", "2027-03-23", "--json",
    )  # fmt: skip
    answer = json.loads(out)
    assert (status, answer["result"], answer["seats_taken"], answer["capacity"]) == (
        1,
        "session_full",
        2,
        2,
    )
    status, out, _ = _run(
        db, capsys, "report", "attendance", "--event", MONTREAL, "--session", "gala", "--json"
    )
    assert status == 0
    counts = json.loads(out)
    assert (counts["entitled"], counts["checked_in"], counts["seats_left"]) == (3, 2, 0)
    status, out, _ = _run(
        db, capsys, "report", "attendance", "--event", MONTREAL, "--session", "gala"
    )
    assert out == "Gala dinner (gala): 2 checked in, 3 entitled.\nCapacity 2: 0 seats left.\n"


def test_checkin_with_lang_fr_says_the_outcome_and_the_session_in_french(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    gala = ("checkin", "--event", MONTREAL, "--session", "gala", "--day", "2027-03-23")
    status, english, _ = _run(db, capsys, "--lang", "en", *gala, MEMBERS[0])
    assert status == 0 and "Gala dinner" in english
    status, french, _ = _run(db, capsys, "--lang", "fr", *gala, MEMBERS[1])
    assert status == 0
    # The session as French speakers know it, in a French line (not the English template).
    assert "Souper gala" in french and "Gala dinner" not in french
    assert french.replace("Souper gala", "Gala dinner") != english
    status, _, refused = _run(db, capsys, "--lang", "fr", *gala, OUTSIDER)
    assert status == 1 and "Souper gala" in refused and "Not registered" not in refused


def test_the_entrance_of_a_two_day_event_checks_in_each_day(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    entrance = ("checkin", "--event", MONTREAL, OUTSIDER, "--json", "--day")
    results = [json.loads(_run(db, capsys, *entrance, day)[1])["result"] for day in (
        "2027-03-23", "2027-03-23", "2027-03-24")]  # fmt: skip
    assert results == ["checked_in", "already_checked_in", "checked_in"]
    status, _, err = _run(db, capsys, *entrance[:-2], "--day", "2027-03-25")
    assert (status, err) == (
        1,
        "passerelle: 2027-03-25 is not a day of this event (its days: 2027-03-23, 2027-03-24).\n",
    )
    status, _, err = _run(db, capsys, *entrance[:-2], "--day", "tomorrow")
    assert (status, err) == (1, "passerelle: --day: 'tomorrow' is not a date like 2027-03-23.\n")


def test_refusals_name_what_is_wrong_and_write_nothing(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(
        db,
        capsys,
        "checkin",
        "--event",
        MONTREAL,
        OUTSIDER,
        "--session",
        "galla",
        "--day",
        "2027-03-23",
    )
    assert (status, err) == (
        1,
        "passerelle: There is no session 'galla' at this event (gala, workshop-a).\n",
    )
    status, _, err = _run(
        db,
        capsys,
        "report",
        "attendance",
        "--event",
        MONTREAL,
        "--session",
        "gala",
        "--csv",
        "x.csv",
    )
    assert status == 1 and "--session prints one session's counts" in err
    database = open_database(db)
    try:
        assert check_in_rows(database.sessions) == 0
    finally:
        database.dispose()


def test_events_import_says_days_and_sessions_and_keeps_a_used_session(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    changed = tmp_path / "forum.toml"
    changed.write_text(forum_source(SESSIONS.replace("capacity = 2", "capacity = 3")), "utf-8")
    status, out, _ = _run(db, capsys, "events", "import", str(changed))
    assert (status, out) == (
        0,
        "Updated event forum-montreal-2027 with 8 price categories, 2 days and 2 sessions.\n",
    )
    _run(db, capsys, "checkin", "--event", MONTREAL, OUTSIDER, "--session", "workshop-a",
         "--day", "2027-03-24")  # fmt: skip
    without = tmp_path / "without.toml"
    without.write_text(
        forum_source(SESSIONS.split('[[sessions]]\ncode = "workshop-a"')[0]), "utf-8"
    )
    status, _, err = _run(db, capsys, "events", "import", str(without))
    assert (status, err) == (
        1,
        "passerelle: The session workshop-a has 1 check-ins; keep it in the event file.\n",
    )


LAB = """
[[sessions]]
code = "lab"
name_fr = "Laboratoire ouvert"
name_en = "Open lab"
starts = 2027-03-23T13:00:00
ends = 2027-03-23T17:00:00
exits = true
"""


def test_exits_at_the_lab_door_and_who_is_inside(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(db)
    try:
        declare_sessions(database.sessions, SESSIONS + LAB)
    finally:
        database.dispose()

    def lab(code: str, *more: str) -> tuple[int, str, str]:
        return _run(
            db, capsys, "checkin", "--event", MONTREAL, code, "--session", "lab",
            "--day", "2027-03-23", *more,
        )  # fmt: skip

    status, _, err = lab(OUTSIDER, "--exit")
    assert status == 1 and "Not inside Open lab" in err
    assert lab(OUTSIDER)[:2] == (0, "Checked in to Open lab: Benoît Lachance\n")
    assert lab(MEMBERS[0])[0] == 0
    status, out, _ = lab(OUTSIDER, "--exit", "--json")
    answer = json.loads(out)
    assert (status, answer["result"]) == (0, "exited") and answer["moved_at"]
    assert lab(OUTSIDER)[:2] == (0, "Back in Open lab: Benoît Lachance\n")
    assert lab(MEMBERS[0], "--exit")[0] == 0
    status, out, _ = _run(
        db, capsys, "report", "attendance", "--event", MONTREAL, "--session", "lab", "--json"
    )
    counts = json.loads(out)
    assert (counts["checked_in"], counts["entries"], counts["inside_now"]) == (2, 3, 1)
    status, out, _ = _run(
        db, capsys, "report", "attendance", "--event", MONTREAL, "--session", "lab"
    )
    assert out.splitlines()[-1] == "3 entries (re-entries included); 1 inside now."
    # Where exits are not scanned, --exit is refused with the reason.
    status, _, err = _gala(db, capsys, MEMBERS[1])
    status, _, err = _run(
        db, capsys, "checkin", "--event", MONTREAL, MEMBERS[1], "--session", "gala",
        "--day", "2027-03-23", "--exit",
    )  # fmt: skip
    assert status == 1 and "exits = true" in err and "Traceback" not in err
