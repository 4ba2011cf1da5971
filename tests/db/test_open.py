"""Opening a database that cannot be opened is one clear error, for the desk and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.domain.errors import Invalid, StorageUnavailable


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("shopping list: milk, bread\n" * 100)
    with pytest.raises(StorageUnavailable, match="Cannot open the database"):
        open_database(sqlite_url(notes))
    assert notes.read_text().startswith("shopping list")


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StorageUnavailable, match="Cannot open the database"):
        open_database(sqlite_url(blocker / "desk" / "passerelle.sqlite3"))


@pytest.mark.parametrize("url", ["mysql://desk@server/passerelle", "://nowhere"])
def test_urls_of_other_kinds_are_refused(url: str) -> None:
    with pytest.raises(Invalid, match="SQLite file or a postgresql:// server"):
        open_database(url)


def test_a_server_that_does_not_answer_is_a_clear_error() -> None:
    with pytest.raises(StorageUnavailable, match="Cannot open the database"):
        open_database("postgresql://desk@127.0.0.1:1/passerelle?connect_timeout=2")
