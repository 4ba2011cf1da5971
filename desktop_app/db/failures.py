"""Failures of the storage during work, sorted once from bugs.

A database that another program holds locked, a full disk, a disk that fails, a file that
became read-only or damaged, a server that stopped answering: the environment broke, not
Passerelle. Each becomes a :class:`StorageUnavailable` with a sentence saying what happened
and that nothing was changed (every unit of work is one transaction, rolled back on error),
for the desk and the command line alike. Anything else is a bug and stays as it is
(qutebrowser's ``raise_sqlite_error`` sorts SQLite's codes the same way).
"""

from __future__ import annotations

import errno
import sqlite3
import sys

from sqlalchemy.exc import DBAPIError, DisconnectionError

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, AppError, StorageUnavailable

_BUSY = QT_TRANSLATE_NOOP(
    "AppError",
    "The database is busy: another program or desk is holding it. Nothing was changed;"
    " try again in a moment.",
)
_FULL = QT_TRANSLATE_NOOP(
    "AppError",
    "The disk is full: nothing was changed. Free some space on this computer, then try again.",
)
_READ_ONLY = QT_TRANSLATE_NOOP(
    "AppError",
    "The database cannot be written (read-only file or folder, or no permission): nothing was"
    " changed. Check where it lives, then try again.",
)
_DISK = QT_TRANSLATE_NOOP(
    "AppError",
    "The disk could not be read or written ({reason}): nothing was changed. Check the disk"
    " (a USB key pulled out?), then try again.",
)
_DAMAGED = QT_TRANSLATE_NOOP(
    "AppError",
    "The database file is damaged ({reason}). Nothing was changed. Restore the latest backup"
    " (passerelle restore) and tell the event manager.",
)
_SERVER = QT_TRANSLATE_NOOP(
    "AppError",
    "The database server stopped answering ({reason}): nothing was changed. Check the"
    " network, then try again.",
)

# SQLite's words for each kind of trouble (its error codes are not exposed before 3.11's
# sqlite_errorname on every platform; the messages are stable across versions).
_SQLITE_KINDS = (
    (("database is locked", "database table is locked", "database schema is locked"), _BUSY),
    (("database or disk is full",), _FULL),
    (
        (
            "attempt to write a readonly database",
            "unable to open database file",
            "readonly database",
        ),
        _READ_ONLY,
    ),
    (("disk i/o error",), _DISK),
    (("database disk image is malformed", "file is not a database", "no such table"), _DAMAGED),
)


def storage_failure(error: BaseException) -> AppError | None:
    """The user's message for an environment failure during work; ``None`` for a bug."""
    if isinstance(error, AppError):
        return error
    if isinstance(error, DisconnectionError):
        return StorageUnavailable(_SERVER, reason=str(error))
    if isinstance(error, DBAPIError):
        original = error.orig
        if isinstance(original, sqlite3.Error):
            return _from_sqlite(original)
        if error.connection_invalidated or _is_server_failure(original):
            return StorageUnavailable(_SERVER, reason=_first_line(original or error))
        return None
    if isinstance(error, sqlite3.Error):
        return _from_sqlite(error)
    if isinstance(error, OSError):
        return _from_os(error)
    return None


def _from_sqlite(error: sqlite3.Error) -> AppError | None:
    if not isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError):
        return None
    words = str(error).lower()
    for needles, template in _SQLITE_KINDS:
        if any(needle in words for needle in needles):
            return StorageUnavailable(template, reason=str(error))
    return None


def _from_os(error: OSError) -> AppError | None:
    if error.errno == errno.ENOSPC:
        return StorageUnavailable(_FULL)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageUnavailable(_READ_ONLY)
    if error.errno == errno.EIO:
        return StorageUnavailable(_DISK, reason=str(error))
    return None


def _is_server_failure(error: BaseException | None) -> bool:
    """psycopg's connection failures: the server went away, the network dropped."""
    psycopg = sys.modules.get("psycopg")  # not loaded: the error cannot be psycopg's
    if error is None or psycopg is None:
        return False
    return isinstance(error, psycopg.OperationalError | psycopg.InterfaceError)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


__all__ = ["storage_failure"]
