"""Where the database lives and how we connect to it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from desktop_app.db.private_files import private_database

if TYPE_CHECKING:
    from sqlalchemy import Engine

# SQLAlchemy is imported by the functions that need it, not here: the command line and the
# desk's first window read where the database is (``resolve_database_url``) long before a
# database is opened, and SQLAlchemy costs a quarter of a second to import (issue #16).

APP_NAME = "Passerelle"
ENV_DATABASE = "PASSERELLE_DB"


def data_directory() -> Path:
    """The per-user folder where the embedded database and backups live."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_url() -> str:
    """The embedded SQLite database in the user data directory."""
    return sqlite_url(data_directory() / "passerelle.sqlite3")


def sqlite_url(path: Path) -> str:
    """A SQLAlchemy URL for a SQLite file."""
    return f"sqlite:///{path.expanduser().resolve()}"


def resolve_database_url(
    explicit: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """``--db`` beats ``PASSERELLE_DB``, which beats the embedded default.

    A plain file path is taken as a SQLite file; ``postgresql://`` URLs use psycopg 3.
    """
    env = os.environ if environ is None else environ
    value = explicit or env.get(ENV_DATABASE) or default_database_url()
    return normalise_url(value)


def normalise_url(value: str) -> str:
    """Turn what a user may type into the URL SQLAlchemy needs."""
    if "://" not in value:
        return sqlite_url(Path(value))
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def is_sqlite(url: str) -> bool:
    """Whether the URL names an embedded SQLite database."""
    from sqlalchemy.engine import make_url

    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for in-memory databases and other back ends)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    del connection_record
    cursor = dbapi_connection.cursor()
    # WAL lets the GUI read while a worker writes; FULL makes every acknowledged commit
    # survive a power cut; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine configured for our needs on either back end."""
    from sqlalchemy import create_engine, event

    url = normalise_url(url)
    if is_sqlite(url):
        path = sqlite_path(url)
        if path is not None:
            # Names, emails, payments: readable by this account only (0700 / 0600).
            private_database(path)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)
