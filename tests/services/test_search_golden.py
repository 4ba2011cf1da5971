"""The desk's search keeps its answers while it gets faster (issue #16).

``search_golden.json`` holds what the search returned, in order, for every prefix of the
queries ``bench/bench_search.py`` types (names, "LAST F", misspelled names, organizations,
emails, codes), on 2,000 demo registrations, generated once from the code before the speed
work (``python bench/bench_search.py --golden tests/services/search_golden.json``). Any change
to candidates, ranking or details that changes a list, its order or what a hit shows fails here.

SQLite only: the list was made on SQLite, and PostgreSQL's typo vocabulary differs by design
(it leaves out code words), so a misspelled prefix may rightly find other rows there.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.services.desk.search import search_registrations
from tests.demo_copies import copy_demo

GOLDEN = Path(__file__).with_name("search_golden.json")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A SQLite database, whatever back ends the run has (see the module's docstring)."""
    db = open_database(sqlite_url(tmp_path / "golden.sqlite3"))
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def golden() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


def test_every_prefix_finds_the_same_registrations_in_the_same_order(
    database: Database, golden: dict[str, Any]
) -> None:
    copy_demo(database, registrations=golden["registrations"], seed=golden["demo_seed"])
    fields = golden["shown_fields"]
    shown = {values[0]: values for values in golden["shown"]}  # by code
    codes = [values[0] for values in golden["shown"]]
    changed = []
    for typed, places in golden["searches"]:
        hits = search_registrations(database.sessions, golden["slug"], typed, limit=50)
        if [hit.code for hit in hits] != [codes[i] for i in places]:
            changed.append(typed)
            continue
        for hit in hits:
            details = hit.to_json()
            assert [details[field] for field in fields] == shown[hit.code], (typed, hit.code)
    assert not changed, f"{len(changed)} searches answer differently, first: {changed[:5]}"
    assert len(golden["searches"]) > 1000  # the whole query set, not a stub
