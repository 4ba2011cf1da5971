"""Shared fixtures: a fresh database on SQLite, and on PostgreSQL when configured.

Every test that takes ``database`` (or ``database_url``) runs once per back end:
``sqlite`` always, ``postgresql`` when ``PASSERELLE_TEST_PG`` holds a server URL.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import normalise_url, sqlite_url

PG_URL = os.environ.get("PASSERELLE_TEST_PG")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


def reset_postgresql(url: str) -> None:
    """Empty the test database: drop and recreate its public schema.

    A worker thread of the test before (a search, a desk link) may still be finishing a query
    on it: the drop then deadlocks or waits on that query's locks, so it is tried again, and
    at the last attempt the other connections to this database are ended first.
    """
    engine = create_engine(normalise_url(url))
    attempts = 5
    try:
        for attempt in range(attempts):
            try:
                with engine.begin() as connection:
                    connection.execute(text("SET LOCAL lock_timeout = '5s'"))
                    if attempt == attempts - 1:
                        connection.execute(
                            text(
                                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                            )
                        )
                    connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                    connection.execute(text("CREATE SCHEMA public"))
                return
            except OperationalError:
                if attempt == attempts - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))
    finally:
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
