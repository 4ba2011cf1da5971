"""Opening the database from the command line: a wrong --db gets one clear line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from desktop_app.resources import as_path

from desktop_app.cli import main


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("passerelle: "), err
    assert "Traceback" not in err
    return err


def test_a_file_that_is_not_a_database_is_refused_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members = tmp_path / "members.csv"
    members.write_bytes(b"Nom;Courriel\r\nB\xe9rub\xe9;b@x.ca\r\n")
    assert main(["events", "list", "--db", str(members)]) == 1
    err = _one_error_line(capsys)
    assert "Cannot open the database" in err and "members.csv" in err
    assert members.read_bytes() == b"Nom;Courriel\r\nB\xe9rub\xe9;b@x.ca\r\n"


def test_a_folder_that_cannot_be_made_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "usb-key"
    blocker.write_text("a file where a folder is expected")
    assert main(["events", "list", "--db", str(blocker / "desk.sqlite3")]) == 1
    err = _one_error_line(capsys)
    assert "Cannot open the database" in err and "usb-key" in err


def test_an_unsupported_kind_of_database_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "list", "--db", "mysql://desk:secret@venue/passerelle"]) == 1
    err = _one_error_line(capsys)
    assert "postgresql://" in err and "SQLite" in err
    assert "secret" not in err


def test_a_database_events_import_makes_in_a_new_folder_is_announced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Setting an event up may make a database; in a folder that did not exist, it is said.
    path = tmp_path / "typo" / "desk.sqlite3"
    event = str(as_path("examples", "forum-montreal-2027.toml"))
    assert main(["events", "import", event, "--db", str(path)]) == 0
    captured = capsys.readouterr()
    assert "new empty database" in captured.err and str(path) in captured.err
    assert main(["events", "list", "--db", str(path)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("url", ["://nowhere", "foo://bar/baz"])
def test_something_that_is_not_a_database_url(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "list", "--db", url]) == 1
    assert "postgresql://" in _one_error_line(capsys)
