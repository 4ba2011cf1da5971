"""A ``--db`` naming a database that does not exist: refused with one line, nothing made.

Only ``demo`` and ``events import`` (and the desk's first start on its default place) set a
database up; every other command takes a mistyped path for what it is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from desktop_app.resources import as_path
from sqlalchemy import create_engine, inspect

from desktop_app.cli import main
from desktop_app.db.engine import normalise_url, sqlite_path

EVENT_FILE = str(as_path("examples", "forum-montreal-2027.toml"))


def _commands(tmp_path: Path) -> list[list[str]]:
    members = tmp_path / "members.csv"
    members.write_text("Nom,Courriel\nBérubé,b@x.ca\n", "utf-8")
    return [
        ["events", "list"],
        ["staff", "list"],
        ["search", "--event", "forum-montreal-2027", "benoit"],
        ["audit", "verify"],
        ["report", "attendance", "--event", "forum-montreal-2027"],
        ["checkin", "--event", "forum-montreal-2027", "K7Q2MXR4TZP5WNAB"],
        ["members", "import", "--association", "lso", str(members)],
        ["registrations", "reassess", "--event", "forum-montreal-2027"],
        ["conflicts", "--event", "forum-montreal-2027"],
        ["privacy", "purge", "--dry-run"],
        ["backup", "--to", str(tmp_path / "backups")],
        ["sync", "--event", "forum-montreal-2027", "--server", str(tmp_path / "server.sqlite3")],
        [
            "badges",
            "--event",
            "forum-montreal-2027",
            "--stock",
            "avery-5392",
            "--out",
            str(tmp_path / "badges.pdf"),
        ],
    ]


@pytest.mark.parametrize("number", range(13))
def test_a_mistyped_db_is_refused_and_nothing_is_created(
    number: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = _commands(tmp_path)[number]
    typo = tmp_path / "evnets" / "desk.sqlite3"
    assert main([*command, "--db", str(typo)]) == 1, command
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("passerelle: "), err
    assert str(typo) in err
    assert not typo.exists() and not typo.parent.exists()
    assert not (tmp_path / "server.sqlite3").exists()  # sync touched no server either
    assert not (tmp_path / "badges.pdf").exists()


def test_a_missing_file_in_an_existing_folder_is_refused_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "dsek.sqlite3"
    assert main(["events", "list", "--db", str(typo)]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_an_empty_database_is_refused_on_either_back_end(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # An SQLite file not there yet, or a PostgreSQL database without Passerelle's tables.
    assert main(["staff", "list", "--db", database_url]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    path = sqlite_path(database_url)
    if path is not None:
        assert not path.exists()
    else:
        engine = create_engine(normalise_url(database_url))
        try:
            assert inspect(engine).get_table_names() == []
        finally:
            engine.dispose()


def test_events_import_and_demo_still_set_a_database_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = tmp_path / "new" / "desk.sqlite3"
    assert main(["events", "import", EVENT_FILE, "--db", str(fresh)]) == 0
    assert fresh.is_file()
    assert main(["events", "list", "--db", str(fresh)]) == 0
    assert "forum-montreal-2027" in capsys.readouterr().out
    demo = tmp_path / "demo.sqlite3"
    assert main(["demo", "--registrations", "5", "--db", str(demo)]) == 0
    assert demo.is_file()


def test_restore_into_a_folder_that_does_not_exist_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "desk.sqlite3"
    assert main(["events", "import", EVENT_FILE, "--db", str(source)]) == 0
    assert main(["backup", "--to", str(tmp_path / "backups"), "--db", str(source), "--json"]) == 0
    [backup] = (tmp_path / "backups").glob("passerelle-*.sqlite3")
    capsys.readouterr()
    typo = tmp_path / "dekss" / "desk.sqlite3"
    assert main(["restore", str(backup), "--db", str(typo)]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert not typo.parent.exists()
    # Into an existing folder, a restore makes the database (a new machine, say).
    other = tmp_path / "other.sqlite3"
    assert main(["restore", str(backup), "--db", str(other)]) == 0
    assert other.is_file()


@pytest.mark.parametrize("command", [["events", "list"], ["events", "import", EVENT_FILE]])
def test_a_pipe_or_a_folder_as_db_is_refused_without_waiting(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe, folder = tmp_path / "pipe.sqlite3", tmp_path / "folder.sqlite3"
    os.mkfifo(pipe)
    pipe.chmod(0o644)
    folder.mkdir()
    for target in (pipe, folder):
        assert main([*command, "--db", str(target)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "not a database file" in err, err
    assert stat.S_ISFIFO(pipe.stat().st_mode) and stat.S_IMODE(pipe.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.sqlite3", "pipe.sqlite3"]
