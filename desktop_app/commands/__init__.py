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

from desktop_app.db.engine import resolve_database_url

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


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Database]:
    """Open the chosen database for the length of a command."""
    from desktop_app.db.database import open_database

    db = open_database(database_url(args))
    try:
        yield db
    finally:
        db.dispose()


def print_json(value: Any) -> None:
    """JSON on standard output, UTF-8, readable."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
