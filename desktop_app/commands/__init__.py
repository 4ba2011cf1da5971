"""Headless subcommands of ``passerelle``; each module registers its own parsers.

A module here exposes ``register(subparsers)``; each parser it adds sets ``handler`` to a
function ``(args) -> int``. They call the same services as the GUI.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop_app.db.engine import is_sqlite, resolve_database_url, sqlite_path
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, StorageUnavailable

if TYPE_CHECKING:  # Alembic and the models load only when a command opens a database
    from desktop_app.db.database import Database

Handler = Callable[[argparse.Namespace], int]


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db URL`` on a subcommand (it may also be given before the subcommand)."""
    parser.add_argument(
        "--db",
        dest="sub_db",
        metavar="URL",
        help="SQLite file or postgresql:// URL"
        " (default: $PASSERELLE_DB, else the embedded database)",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """``--json`` for subcommands that report."""
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def database_url(args: argparse.Namespace) -> str:
    """The database the user chose for this command."""
    return resolve_database_url(getattr(args, "sub_db", None) or getattr(args, "db", None))


def _shown(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1]


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Database]:
    """Open the chosen database for the length of a command.

    A database that cannot be opened (not a database file, a folder that cannot be made, an
    unsupported kind of URL) is an :class:`AppError`, so the command prints one line. A new
    SQLite file in a folder that did not exist is announced on stderr: a mistyped ``--db``
    must not pass for an empty event list.
    """
    from sqlalchemy.exc import DatabaseError

    from desktop_app.db.database import open_database

    url = database_url(args)
    try:
        supported = is_sqlite(url) or make_url(url).get_backend_name() == "postgresql"
    except ArgumentError:  # not even a URL
        supported = False
    if not supported:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "Passerelle opens an SQLite file or a postgresql:// server; {url} is neither.",
            ),
            url=_shown(url),
        )
    path = sqlite_path(url)
    new_folder = path is not None and not path.parent.exists()
    try:
        db = open_database(url)
    except (OSError, DatabaseError) as error:
        reason = getattr(error, "orig", None) or error
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("AppError", "Cannot open the database {url}: {reason}"),
            url=_shown(url),
            reason=str(reason),
        ) from error
    if new_folder:
        sys.stderr.write(f"passerelle: note: made a new empty database at {path}\n")
    try:
        yield db
    finally:
        db.dispose()


def print_json(value: Any) -> None:
    """JSON on standard output, UTF-8, readable."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
