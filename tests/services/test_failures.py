"""Storage failures during work, with the fault really injected: a database another program
holds locked, a full disk, a server that goes away. Each reads as one clear sentence, for the
desk and the command line, and leaves the database as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.failures import storage_failure
from desktop_app.db.models import CheckIn, Event, Registration
from desktop_app.domain.errors import StorageUnavailable
from desktop_app.services.demo import fill_demo
from desktop_app.services.desk import checkin
from desktop_app.services.failures import explained
from tests.demo_copies import copy_demo
from tests.services.faults import also_on_connect, pragmas_for_new_engines
from tests.services.sync.desk_link_support import PG_URL, own_database, proxied

SLUG = "forum-montreal-2027"


@pytest.fixture
def desk_file(tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    path = tmp_path / "desk.sqlite3"
    database = open_database(sqlite_url(path))
    copy_demo(database, registrations=40, seed=5)
    yield database, path
    database.dispose()


def first_code(database: Database) -> str:
    """A registration that a check-in lets through (so it writes)."""
    with database.sessions() as session:
        return (
            session.scalars(
                select(Registration.code)
                .join(Event, Event.id == Registration.event_id)
                .where(
                    Event.slug == SLUG,
                    Registration.status == "active",
                    Registration.membership_flag.is_(None),
                    Registration.amount_due <= Registration.amount_paid,
                )
                .order_by(Registration.id)
            ).first()
            or ""
        )


def check_ins(database: Database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(CheckIn)) or 0


def test_a_database_locked_by_another_program_is_busy_and_nothing_changes(
    desk_file: tuple[Database, Path],
) -> None:
    database, path = desk_file
    code = first_code(database)
    also_on_connect(database.engine, "PRAGMA busy_timeout=50")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(Exception) as raised:
            checkin.check_in(database.sessions, SLUG, code, desk="Desk 1", staff="Ana")
        known = explained(raised.value)
        assert isinstance(known, StorageUnavailable)
        assert "busy" in known.message and "Nothing was changed" in known.message
        assert known.__cause__ is raised.value
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert check_ins(database) == 0
    # Released, the same action goes through.
    result = checkin.check_in(database.sessions, SLUG, code, desk="Desk 1", staff="Ana")
    assert result.outcome is checkin.CheckInOutcome.CHECKED_IN


def test_the_command_line_says_busy_in_one_line(
    desk_file: tuple[Database, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database, path = desk_file
    code = first_code(database)
    pragmas_for_new_engines(monkeypatch, lambda: "PRAGMA busy_timeout=50")
    # Open first (the command reads the schema), then another program takes the lock.
    other = sqlite3.connect(path, isolation_level=None)
    original_check_in = checkin.check_in

    def locked_then_check_in(*args: Any, **kwargs: Any) -> Any:
        other.execute("BEGIN EXCLUSIVE")
        return original_check_in(*args, **kwargs)

    monkeypatch.setattr(checkin, "check_in", locked_then_check_in)
    try:
        status = main(["--db", str(path), "checkin", "--event", SLUG, code, "--desk", "D"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert status == 1
    assert err.count("\n") == 1 and err.startswith("passerelle: The database is busy")
    assert check_ins(database) == 0


def test_a_full_disk_refuses_the_whole_import_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "full.sqlite3"
    open_database(sqlite_url(path)).dispose()  # the schema, nothing else
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
    # The disk is full: the file cannot grow past what it holds now.
    pragmas_for_new_engines(monkeypatch, lambda: f"PRAGMA max_page_count={pages}")

    status = main(["--db", str(path), "demo", "--registrations", "300"])

    err = capsys.readouterr().err
    assert status == 1
    assert err.count("\n") == 1 and err.startswith("passerelle: The disk is full")
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM registrations").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM events").fetchone() == (0,)


@pytest.mark.skipif(PG_URL is None, reason="needs PASSERELLE_TEST_PG (a PostgreSQL server)")
def test_a_server_that_goes_away_during_work_is_said_plainly() -> None:
    url = own_database("passerelle_failures")
    with proxied(url) as (proxy, through):
        database = open_database(through)
        try:
            fill_demo(database.sessions, registrations=20, seed=5)
            code = first_code(database)
            proxy.cut()
            with pytest.raises(Exception) as raised:
                checkin.check_in(database.sessions, SLUG, code, desk="Desk 1", staff="Ana")
            known = storage_failure(raised.value)
            assert isinstance(known, StorageUnavailable)
            assert "server stopped answering" in known.message
        finally:
            database.dispose()


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (sqlite3.OperationalError("database or disk is full"), "The disk is full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "cannot be written"),
        (sqlite3.OperationalError("disk I/O error"), "could not be read or written"),
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
        (OSError(28, "No space left on device"), "The disk is full"),
        (PermissionError(13, "Permission denied"), "cannot be written"),
    ],
)
def test_each_kind_of_storage_failure_has_its_sentence(error: BaseException, words: str) -> None:
    known = storage_failure(error)
    assert isinstance(known, StorageUnavailable)
    assert words in known.message


def test_a_bug_stays_a_bug() -> None:
    bug = KeyError("registration_id")
    assert storage_failure(bug) is None
    assert explained(bug) is bug
    assert storage_failure(sqlite3.OperationalError("near 'SELEC': syntax error")) is None
