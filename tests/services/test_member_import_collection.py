"""A member import runs without full garbage collections (issue #16) and leaves the
collector as it found it: on in a command, off on the desk (ui/collector.py collects there)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.importing import member_scan
from desktop_app.services.membership.importing import import_members
from tests.services.member_lists import csv_text, write

ROWS = [
    ["Member #", "Member Type", "Organization", "First Name", "Last Name", "Email"],
    ["1", "Individual", "Acme Bio", "Ann", "Roy", "ann@acme-bio.ca"],
    ["2", "Corporate", "Beta Labs", "Di", "Ng", "di@betalabs.ca"],
]


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(sqlite_url(tmp_path / "members.sqlite3"))
    yield opened
    opened.dispose()


@pytest.fixture
def collector_state() -> Iterator[None]:
    running = gc.isenabled()
    yield
    if running:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector_state")
@pytest.mark.parametrize("running", [True, False])
def test_the_rows_are_read_with_the_collector_paused_and_it_is_left_as_found(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, running: bool
) -> None:
    seen: list[bool] = []
    scan = member_scan.scan_members

    def watched(*args: object, **kwargs: object) -> member_scan.MemberScan:
        seen.append(gc.isenabled())
        return scan(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("desktop_app.services.membership.importing.scan_members", watched)
    if running:
        gc.enable()
    else:
        gc.disable()
    report = import_members(
        database.sessions, "lso", write(tmp_path, "lso.csv", csv_text(ROWS, ","))
    )
    assert report.added == 2
    assert seen == [False]
    assert gc.isenabled() is running
