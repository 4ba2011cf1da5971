"""``passerelle search``: JSON best first, a readable table, clear errors."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Event, Person, Registration
from desktop_app.domain.times import venue_time

SLUG = "forum-montreal-2027"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "p.sqlite3")
    assert main(["--db", path, "demo", "--registrations", "80"]) == 0
    capsys.readouterr()
    return path


def _someone(path: str) -> tuple[str, str, str, str | None]:
    """Code, first name, last name and organization of an active Montréal registration."""
    database = open_database(sqlite_url(Path(path)))
    try:
        with database.sessions() as session:
            row = session.execute(
                select(
                    Registration.code,
                    Person.first_name,
                    Person.last_name,
                    Person.organization_name,
                )
                .join(Person)
                .join(Event)
                .where(Event.slug == SLUG, Registration.status == "active")
                .order_by(Registration.id)
                .limit(1)
            ).one()
            return row[0], row[1], row[2], row[3]
    finally:
        database.dispose()


def test_json_lists_the_person_first_with_the_agreed_fields(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, first, last, organization = _someone(db)
    assert main(["--db", db, "search", "--event", SLUG, last.upper(), first, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["first_name"] == first and hits[0]["last_name"] == last
    for key in ("code", "first_name", "last_name", "organization", "checked_in", "email"):
        assert key in hits[0]
    assert hits[0]["checked_in"] is False
    assert isinstance(hits[0]["balance_due"], str)
    assert hits[0]["status"] in ("active", "cancelled")

    assert main(["search", "--db", db, "--event", SLUG, code.lower(), "--json"]) == 0
    by_code = json.loads(capsys.readouterr().out)
    assert by_code[0]["code"] == code and by_code[0]["exact_code"] is True
    assert by_code[0]["organization"] == organization


def test_limit(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "search", "--event", SLUG, "a", "--limit", "2", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", db, "search", "--event", SLUG, "a", "--limit", "0"])
    assert exit_info.value.code == 2


def test_table_output(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, first, last, _ = _someone(db)
    assert main(["--db", db, "search", "--event", SLUG, code]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["code", "name"]
    assert lines[1].startswith(code) and f"{first} {last}" in lines[1]

    assert main(["--db", db, "search", "--event", SLUG, "qqqqzzzz"]) == 0
    assert capsys.readouterr().out.strip() == "No registration found."


def test_unknown_event_is_one_clear_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "search", "--event", "nope", "larose"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" in err


@pytest.fixture
def tokyo_laptop() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_the_table_shows_a_check_in_at_the_venues_time_as_checkin_says_it(
    db: str, capsys: pytest.CaptureFixture[str], tokyo_laptop: None
) -> None:
    database = open_database(sqlite_url(Path(db)))
    with database.sessions() as session:
        codes = session.scalars(
            select(Registration.code)
            .join(Event)
            .where(Event.slug == SLUG, Registration.status == "active")
            .order_by(Registration.id)
        ).all()
    database.dispose()
    # The first one the desk lets in (some owe a balance).
    code = next(c for c in codes if main(["--db", db, "checkin", "--event", SLUG, c]) == 0)
    capsys.readouterr()
    assert main(["--db", db, "checkin", "--event", SLUG, code, "--json"]) == 0
    already = json.loads(capsys.readouterr().out)
    at = datetime.fromisoformat(already["at"])
    shown = venue_time(at, "America/Toronto")  # Montréal's zone
    assert shown != f"{at.astimezone():%H:%M}"  # the laptop's zone really differs
    assert f" at {shown} " in already["message"]

    assert main(["--db", db, "search", "--event", SLUG, code]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    assert f"  {shown}" in row
    assert f"{at.astimezone():%H:%M}" not in row
