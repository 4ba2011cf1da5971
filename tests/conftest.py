"""Shared fixtures: a fresh database on SQLite, and on PostgreSQL when configured.

Every test that takes ``database`` (or ``database_url``) runs once per back end:
``sqlite`` always, ``postgresql`` when ``PASSERELLE_TEST_PG`` holds a server URL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import normalise_url, sqlite_url

PG_URL = os.environ.get("PASSERELLE_TEST_PG")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


def reset_postgresql(url: str) -> None:
    """Empty the test database: drop and recreate its public schema."""
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database on each configured back end."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "passerelle.sqlite3")
    else:
        assert PG_URL is not None
        reset_postgresql(PG_URL)
        yield normalise_url(PG_URL)


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """A freshly created Passerelle database, disposed after the test."""
    db = open_database(database_url)
    yield db
    db.dispose()
