"""Headless subcommands of ``passerelle``; each module registers its own parsers.

A module here exposes ``register(subparsers)``; each parser it adds sets ``handler`` to a
function ``(args) -> int``. They call the same services as the GUI.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.db.engine import resolve_database_url

if TYPE_CHECKING:  # SQLAlchemy, Alembic and the models load only when a command opens a database
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
def opened(args: argparse.Namespace, *, create: bool = False) -> Iterator[Database]:
    """Open the chosen database for the length of a command.

    A database that does not exist yet is refused with one line and nothing is made (no
    file, no folder, no table): a mistyped ``--db`` must not pass for an empty event list.
    Only the commands that set a database up (``demo``, ``events import``) pass ``create``;
    a new SQLite file they make in a folder that did not exist is announced on stderr.
    A database that cannot be opened (not a database file, a folder that cannot be made,
    an unsupported kind of URL) is an :class:`AppError`, so the command prints one line.
    """
    from sqlalchemy.exc import ArgumentError

    from desktop_app.db.database import open_database
    from desktop_app.db.engine import is_sqlite, sqlite_path

    url = database_url(args)
    try:
        path = sqlite_path(url) if is_sqlite(url) else None
    except ArgumentError:  # not a URL: open_database says so
        path = None
    new_folder = create and path is not None and not path.parent.exists()
    db = open_database(url, create=create)  # errors are AppErrors with one clear line
    if new_folder:
        sys.stderr.write(f"passerelle: note: made a new empty database at {path}\n")
    try:
        yield db
    finally:
        db.dispose()


def print_json(value: Any) -> None:
    """JSON on standard output, UTF-8, readable."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def add_force_option(parser: argparse.ArgumentParser) -> None:
    """``--force`` for subcommands that write a file: replace an existing file."""
    parser.add_argument(
        "--force", action="store_true", help="replace the output file if it already exists"
    )


def output_path(args: argparse.Namespace, option: str = "--out") -> Path:
    """The file ``option`` names, checked before any work (:func:`output_target`): a
    regular file in an existing folder, an existing one only with ``--force``."""
    from desktop_app.db.private_files import output_target

    value = getattr(args, option.lstrip("-").replace("-", "_"))
    return output_target(value, force=getattr(args, "force", False), option=option)


def write_atomically(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path``: whole or absent, owner-only, a regular file only, an
    existing file replaced only with ``force`` (see ``db.private_files.write_output``).

    A PDF on disk is whole or absent: never half a batch of badges or half a receipt.
    """
    from desktop_app.db.private_files import write_output

    write_output(path, data, force=force)


def cli_user() -> str:
    """Who runs the command, for the audit log ("cli" when the system cannot say)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def acting_staff(db: Database, name: str | None) -> str:
    """Who a command acts as, for the audit log.

    When the database has staff accounts, ``--staff`` must name an active one (an audit log
    names people, not typos or whoever ran the command); it is returned as the account
    spells it. Without accounts (a fresh or scripted database), any name goes, else the
    system user's.
    """
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound
    from desktop_app.services.admin.staff import list_staff

    accounts = [account for account in list_staff(db.sessions) if account.active]
    if not list_staff(db.sessions):
        return " ".join((name or "").split()) or cli_user()
    if not name or not name.strip():
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "This database has staff accounts: say who you are with --staff NAME.",
            )
        )
    wanted = " ".join(name.split()).casefold()
    for account in accounts:
        if account.name.casefold() == wanted:
            return account.name
    raise NotFound(
        QT_TRANSLATE_NOOP(
            "AppError",
            "There is no active staff account named '{name}'. See: passerelle staff list",
        ),
        name=name,
    )
