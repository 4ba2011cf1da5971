"""``passerelle sync`` and ``passerelle conflicts`` from the command line."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update

from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import JournalEntry
from desktop_app.services.sync import DeskLink
from tests.services.money_desk import MONTREAL, add_registration, setup_money_desk


def test_sync_sends_the_journal_and_conflicts_lists_what_it_found(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = open_database(database_url)
    setup_money_desk(server.sessions)
    add_registration(
        server.sessions, "C1", category="non-member", due=Decimal(100), paid=Decimal(100)
    )
    replica = tmp_path / "desk.sqlite3"
    a = DeskLink("Desk A", replica, database_url, slug=MONTREAL)
    a.work_offline()
    a.check_in(MONTREAL, "C1", staff="Ann")
    a.close()
    b = DeskLink("Desk B", tmp_path / "b.sqlite3", database_url, slug=MONTREAL)
    b.check_in(MONTREAL, "C1", staff="Bob")
    b.close()

    code = main(
        [
            "--db",
            sqlite_url(replica),
            "sync",
            "--event",
            MONTREAL,
            "--server",
            database_url,
            "--desk",
            "Desk A",
            "--json",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and (report["mode"], report["pending"]) == ("shared", 0)

    assert main(["--db", database_url, "conflicts", "--event", MONTREAL, "--json"]) == 0
    [conflict] = json.loads(capsys.readouterr().out)
    assert conflict["kind"] == "double-check-in" and conflict["code"] == "C1"
    assert "Desk A" in conflict["message"] and "Desk B" in conflict["message"]
    assert main(["--db", database_url, "conflicts", "--event", MONTREAL]) == 0
    assert "[double-check-in]" in capsys.readouterr().out
    server.dispose()


def test_sync_refuses_a_server_as_the_desk_copy(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if "sqlite" in database_url:
        pytest.skip("needs a non-SQLite --db")
    assert main(["--db", database_url, "sync", "--event", MONTREAL, "--server", database_url]) == 1
    assert "SQLite copy" in capsys.readouterr().err


def test_sync_says_what_it_sent_what_was_there_and_the_conflicts(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The replay happens while connecting: the report must still say what it sent.
    server = open_database(database_url)
    setup_money_desk(server.sessions)
    for code in ("C1", "C2", "C3"):
        add_registration(
            server.sessions, code, category="non-member", due=Decimal(100), paid=Decimal(100)
        )
    replica = tmp_path / "desk.sqlite3"
    a = DeskLink("Desk A", replica, database_url, slug=MONTREAL)
    a.work_offline()
    a.check_in(MONTREAL, "C2", staff="Ann")
    assert a.reconnect().mode == "shared"  # C2 reaches the server...
    with a.replica_sessions.begin() as session:  # ...and a crash loses its "sent" mark
        session.execute(update(JournalEntry).values(status="pending"))
    a.work_offline()
    a.check_in(MONTREAL, "C1", staff="Ann")
    a.check_in(MONTREAL, "C3", staff="Ann")
    a.close()
    b = DeskLink("Desk B", tmp_path / "b.sqlite3", database_url, slug=MONTREAL)
    b.check_in(MONTREAL, "C1", staff="Bob")
    b.close()

    argv = ["--db", sqlite_url(replica), "sync", "--event", MONTREAL, "--server", database_url]
    assert main([*argv, "--desk", "Desk A", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["mode"], report["pending"]) == ("shared", 0)
    assert report["sent"] == 2 and report["already_there"] == 1
    assert [c["conflict"] for c in report["conflicts"]] == ["double-check-in"]
    assert sorted(i["outcome"] for i in report["sent_now"]) == ["already", "applied", "conflict"]

    assert main([*argv, "--desk", "Desk A"]) == 0  # again: nothing left to send
    said = capsys.readouterr().out
    assert "nothing was waiting" in said and "sent" not in said
    server.dispose()


def test_sync_human_line_names_the_counts(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = open_database(database_url)
    setup_money_desk(server.sessions)
    add_registration(
        server.sessions, "C1", category="non-member", due=Decimal(100), paid=Decimal(100)
    )
    replica = tmp_path / "desk.sqlite3"
    a = DeskLink("Desk A", replica, database_url, slug=MONTREAL)
    a.work_offline()
    a.check_in(MONTREAL, "C1", staff="Ann")
    a.close()
    argv = ["--db", sqlite_url(replica), "sync", "--event", MONTREAL, "--server", database_url]
    assert main([*argv, "--desk", "Desk A"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Connected: sent 1 action;") and said.count("\n") == 1
    server.dispose()
