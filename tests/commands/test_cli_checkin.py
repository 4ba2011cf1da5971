"""``passerelle checkin`` and ``passerelle staff``: JSON, exit codes, PINs from standard input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from tests.services.desk_data import MONTREAL, TORONTO, add_registration, check_in_rows, setup_desk

CODE = "ABCDEFGH23456789"


@pytest.fixture
def db(database_url: str) -> str:
    database = open_database(database_url)
    try:
        setup_desk(database.sessions)
        add_registration(database.sessions, CODE)
        add_registration(database.sessions, "U" * 16, due="517.39", paid="0.00")
        add_registration(database.sessions, "X" * 16, status="cancelled")
        add_registration(database.sessions, "T" * 16, slug=TORONTO)
    finally:
        database.dispose()
    return database_url


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def _checkin(
    db: str, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, dict[str, object]]:
    code = main(["--db", db, "checkin", "--event", MONTREAL, "--json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_checkin_finds_a_pretix_secret_typed_in_capitals(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "wfjkywcxymkcj9358x6jqthf27m5n9hp"
    database = open_database(database_url)
    try:
        setup_desk(database.sessions)
        add_registration(database.sessions, secret)
    finally:
        database.dispose()
    code, result = _checkin(database_url, capsys, secret.upper())
    assert (code, result["result"], result["code"]) == (0, "checked_in", secret)


def test_checkin_json_then_already_with_when_and_desk(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, first = _checkin(db, capsys, CODE, "--desk", "Desk 1", "--staff", "Ana")
    assert code == 0
    assert first["result"] == "checked_in"
    assert (first["name"], first["code"], first["balance_due"]) == (
        "Benoît Lachance",
        CODE,
        "0.00",
    )
    code, again = _checkin(db, capsys, CODE.lower(), "--desk", "Desk 2")
    assert code == 0
    assert again["result"] == "already_checked_in"
    assert (again["at"], again["desk"], again["staff"]) == (first["at"], "Desk 1", "Ana")
    assert isinstance(again["at"], str) and again["at"].endswith("+00:00")


@pytest.mark.parametrize(
    ("code", "result", "balance"),
    [
        ("NOPE", "not_found", "0.00"),
        ("T" * 16, "not_found", "0.00"),  # another event's registration
        ("X" * 16, "cancelled", "0.00"),
        ("U" * 16, "payment_due", "517.39"),
    ],
)
def test_refusals_exit_1_with_their_result(
    db: str, capsys: pytest.CaptureFixture[str], code: str, result: str, balance: str
) -> None:
    status, data = _checkin(db, capsys, code)
    assert (status, data["result"], data["balance_due"]) == (1, result, balance)


def test_refusal_without_json_is_one_line_on_stderr(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, "checkin", "--event", MONTREAL, "U" * 16]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [
        "passerelle: Payment due: Benoît Lachance owes $517.39. Collect it or ask a supervisor."
    ]
    assert main(["--db", db, "checkin", "--event", "nope", CODE]) == 1
    assert "no event 'nope'" in capsys.readouterr().err


def test_staff_add_list_and_supervisor_override(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "12\n")
    assert main(["--db", db, "staff", "add", "--name", "Marie Roy", "--role", "supervisor"]) == 1
    assert "6 to 8 digits" in capsys.readouterr().err
    _stdin(monkeypatch, "246810\n")
    assert main(["--db", db, "staff", "add", "--name", "Marie Roy", "--role", "supervisor"]) == 0
    assert "Created supervisor account 'Marie Roy'" in capsys.readouterr().out
    _stdin(monkeypatch, "123456\n")
    assert main(["--db", db, "staff", "add", "--name", "Ana", "--role", "desk"]) == 1
    assert "supervisor must sign in" in capsys.readouterr().err
    _stdin(monkeypatch, "123456\n0000\n")
    args = ["--db", db, "staff", "add", "--name", "Ana", "--role", "desk", "--by", "Marie Roy"]
    assert main(args) == 1
    assert "name or PIN is wrong" in capsys.readouterr().err
    _stdin(monkeypatch, "123456\n246810\n")
    assert main(args) == 0
    capsys.readouterr()
    assert main(["--db", db, "staff", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(s["name"], s["role"], s["active"]) for s in listed] == [
        ("Ana", "desk", True),
        ("Marie Roy", "supervisor", True),
    ]

    checkin = ["--db", db, "checkin", "--event", MONTREAL, "U" * 16]
    assert main(checkin) == 1  # now that accounts exist: who is checking in?
    assert "say who you are with --staff NAME" in capsys.readouterr().err
    assert main([*checkin, "--staff", "Nobody"]) == 1
    assert "no active staff account named 'Nobody'" in capsys.readouterr().err
    checkin = [*checkin, "--staff", "ana"]  # as the account spells it in the audit log
    assert main([*checkin, "--supervisor", "Ana"]) == 1
    assert "needs a reason" in capsys.readouterr().err
    _stdin(monkeypatch, "123456\n")
    override = ["--supervisor", "Ana", "--reason", "pays tomorrow"]
    assert main([*checkin, *override]) == 1
    assert "Ana is not an active supervisor" in capsys.readouterr().err
    _stdin(monkeypatch, "246810\n")
    override = ["--supervisor", "Marie Roy", "--reason", "pays tomorrow", "--staff", "Ana"]
    status, data = _checkin(db, capsys, "U" * 16, *override)
    assert (status, data["result"], data["overridden_by"]) == (0, "checked_in", "Marie Roy")


def test_the_same_action_id_twice_makes_one_check_in(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(2):
        status, data = _checkin(db, capsys, CODE, "--action-id", "scan-42")
        assert (status, data["result"]) == (0, "checked_in")
    database: Database = open_database(db)
    try:
        assert check_in_rows(database.sessions) == 1
    finally:
        database.dispose()


def test_staff_list_when_empty_says_how_to_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(sqlite_url(tmp_path / "x.sqlite3")).dispose()
    assert main(["--db", str(tmp_path / "x.sqlite3"), "staff", "list"]) == 0
    assert "passerelle staff add --name NAME --role supervisor" in capsys.readouterr().out


def test_another_events_code_is_named_by_the_event_not_its_slug(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, "checkin", "--event", MONTREAL, "T" * 16]) == 1
    err = capsys.readouterr().err
    assert "partnering-toronto-2027" not in err
    assert "for another event (" in err and "Partnering" in err
