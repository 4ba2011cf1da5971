"""``passerelle backup [--to DIR]`` and ``passerelle restore FILE``."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from desktop_app.commands import add_db_option, add_json_option, database_url, print_json


def register(subparsers: Any) -> None:
    """Add the ``backup`` and ``restore`` commands."""
    backup = subparsers.add_parser(
        "backup", help="copy the desk's database into a backup folder and check the copy"
    )
    backup.add_argument(
        "--to",
        type=Path,
        metavar="DIR",
        help="backup folder (default: a backups folder next to the database)",
    )
    backup.add_argument(
        "--keep", type=int, default=20, metavar="K", help="keep the newest K backups (default 20)"
    )
    backup.add_argument(
        "--encrypt",
        action="store_true",
        help="seal the backup with a passphrase (asked, never stored): for USB keys",
    )
    add_db_option(backup)
    add_json_option(backup)
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", help="replace the desk's database with a checked backup file"
    )
    restore.add_argument("file", type=Path, help="a backup written by passerelle backup")
    add_db_option(restore)
    add_json_option(restore)
    restore.set_defaults(handler=run_restore)


def _read_secret(prompt: str) -> str:
    """A line of standard input, or typed without echo on a terminal."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(prompt)


def _new_passphrase() -> str:
    from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
    from desktop_app.services.admin.backup_crypto import check_passphrase

    passphrase = check_passphrase(
        _read_secret("Passphrase for the backup (10 or more characters): ")
    )
    if sys.stdin.isatty() and _read_secret("Type it again: ") != passphrase:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "The two passphrases differ; nothing was written.")
        )
    return passphrase


def run_backup(args: argparse.Namespace) -> int:
    """Take one backup now."""
    from desktop_app.services.admin.backup import backup_database

    passphrase = _new_passphrase() if args.encrypt else None
    result = backup_database(database_url(args), args.to, keep=args.keep, passphrase=passphrase)
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "size": result.size,
                "taken_at": result.taken_at.isoformat(),
                "removed": [str(p) for p in result.removed],
                "stale_parts_removed": [str(p) for p in result.stale_parts],
            }
        )
    else:
        print(f"Backup written and checked: {result.path} ({result.size:,} bytes).")
        for part in result.stale_parts:
            print(f"Removed what an interrupted backup left: {part}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore a backup over the desk's database."""
    from desktop_app.services.admin.backup import restore_database
    from desktop_app.services.admin.backup_crypto import is_encrypted

    passphrase = _read_secret(f"Passphrase of {args.file}: ") if is_encrypted(args.file) else None
    result = restore_database(args.file, database_url(args), passphrase=passphrase)
    if args.json:
        print_json(
            {
                "restored_from": str(result.restored_from),
                "database": str(result.database),
                "previous_kept_at": str(result.previous_kept_at)
                if result.previous_kept_at
                else None,
                "revision": result.revision,
            }
        )
    else:
        print(f"Restored {result.database} from {result.restored_from}.")
        if result.previous_kept_at:
            print(f"The database it replaced is kept at {result.previous_kept_at}.")
    return 0
