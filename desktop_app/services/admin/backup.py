"""Backups of the desk's SQLite database, and restoring one.

A backup is taken with SQLite's online backup API (consistent while desks keep writing),
then checked with ``PRAGMA integrity_check`` before it counts; the last ``keep`` backups
in the folder are kept. A restore refuses a file that is damaged, not Passerelle's, from a
newer Passerelle, or missing any table or column (``backup_check``), and keeps the database
it replaces next to it.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory

from desktop_app.db.database import alembic_config, backup_sqlite
from desktop_app.db.engine import data_directory, default_database_url, sqlite_path
from desktop_app.db.private_files import private_file, private_folder
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, StorageUnavailable
from desktop_app.services.admin.backup_check import check_schema
from desktop_app.services.admin.backup_companions import (
    back_up_companions,
    backup_companions,
    backup_name,
    remove_companions,
    restore_companions,
)
from desktop_app.services.admin.backup_crypto import (
    ENCRYPTED_SUFFIX,
    decrypt_file,
    encrypt_file,
    is_encrypted,
)

DEFAULT_KEEP = 20
_T_NEEDS_PASSPHRASE = QT_TRANSLATE_NOOP(
    "AppError", "{path} is encrypted: give its passphrase to restore it."
)
_PREFIX = "passerelle-"
_SUFFIX = ".sqlite3"
_NAME = re.compile(r"^passerelle-(\d{8}-\d{6})(?:-(\d+))?\.sqlite3(?:\.enc)?$")
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class BackupResult:
    """A backup that was written and checked."""

    path: Path
    size: int
    taken_at: datetime
    removed: tuple[Path, ...]
    stale_parts: tuple[Path, ...] = ()  # halves of backups a crash or a kill left behind
    companions: tuple[Path, ...] = ()  # files kept beside the database (backup_companions)


@dataclass(frozen=True)
class RestoreResult:
    """A database restored from a backup file."""

    restored_from: Path
    database: Path
    previous_kept_at: Path | None
    revision: str


def default_backup_directory(url: str | None = None) -> Path:
    """Where backups of the database at ``url`` go unless the desk chose another folder (a
    USB key, say): a ``backups`` folder next to the database file, so a demo's or a test's
    backups stay with it and never push the real event's out of the rotation. Without a
    file (no ``url``, a server), the data folder's ``backups``."""
    path = sqlite_path(url) if url else None
    if path is not None:
        return path.parent / "backups"
    return data_directory() / "backups"


def _local_file(url: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "Backups from Passerelle cover the desk's own SQLite database; a shared"
                " PostgreSQL database is backed up on its server (pg_dump).",
            )
        )
    return path


def _self_contained(path: Path) -> None:
    """Switch the copy out of WAL mode (the online backup keeps the source's mode).

    A WAL-mode file grows ``-wal`` and ``-shm`` files beside it whenever it is opened, even
    read-only, and cannot be opened at all from a folder that is not writable; a backup
    must be the one file that is copied.
    """
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode=DELETE").fetchone()
    finally:
        connection.close()


def _integrity(path: Path) -> str:
    """``ok`` or SQLite's first complaint about the file."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
                return "not an SQLite database"
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = connection.execute("PRAGMA integrity_check").fetchone()
        finally:
            connection.close()
    except (OSError, sqlite3.DatabaseError) as error:
        return str(error)
    return str(row[0]) if row else "no answer"


def _revision(path: Path) -> str | None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


def backup_database(
    url: str,
    directory: Path | None = None,
    *,
    keep: int = DEFAULT_KEEP,
    at: datetime | None = None,
    passphrase: str | None = None,
) -> BackupResult:
    """Copy the SQLite database at ``url`` into ``directory`` and keep the newest ``keep``.

    With ``passphrase``, the checked copy is sealed (``backup_crypto``) and only the sealed
    file is kept: what goes on a USB key is unreadable without the passphrase.
    """
    source = _local_file(url)
    if not source.exists():
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "There is no database at {path}."), path=source)
    folder = directory or default_backup_directory(url)
    taken = at or datetime.now(UTC)
    stamp = taken.strftime("%Y%m%d-%H%M%S")
    target = folder / f"{_PREFIX}{stamp}{_SUFFIX}"
    counter = 1
    while target.exists():
        target = folder / f"{_PREFIX}{stamp}-{counter}{_SUFFIX}"
        counter += 1
    partial = target.with_name(target.name + ".part")
    stale = _clean_stale_parts(folder, time.time())
    try:
        private_folder(folder)
        private_file(partial)  # owner-only before SQLite writes a byte into it
        backup_sqlite(source, partial)
        _checked(partial)
        # The lead station's journal beside a desk's copy goes with it, in place first.
        companions = back_up_companions(
            source,
            target,
            _checked,
            None
            if passphrase is None
            else lambda plain, sealed: encrypt_file(plain, sealed, passphrase),
        )
        if passphrase is not None:
            sealed = target.with_name(target.name + ENCRYPTED_SUFFIX)
            encrypt_file(partial, sealed.with_name(sealed.name + ".part"), passphrase)
            partial.unlink()
            sealed.with_name(sealed.name + ".part").replace(sealed)
            target = sealed
        else:
            partial.replace(target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        remove_companions(target)
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("AppError", "Cannot write a backup to {folder}: {reason}"),
            folder=folder,
            reason=str(error),
        ) from error
    except StorageUnavailable:
        partial.unlink(missing_ok=True)
        remove_companions(target)
        raise
    removed = _rotate(folder, keep)
    return BackupResult(target, target.stat().st_size, taken, removed, stale, companions)


def _checked(copy: Path) -> None:
    """Make ``copy`` one self-contained file and refuse it unless SQLite finds it sound."""
    _self_contained(copy)
    verdict = _integrity(copy)
    if verdict != "ok":
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("AppError", "The backup copy failed its check ({reason})."),
            reason=verdict,
        )


def list_backups(directory: Path | None = None) -> list[Path]:
    """Passerelle's backups in ``directory``, oldest first."""
    folder = directory or default_backup_directory()
    if not folder.is_dir():
        return []
    found: list[tuple[str, int, Path]] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:  # by time stamp, then by the counter of backups taken in the same second
            found.append((match.group(1), int(match.group(2) or 0), path))
    return [path for _, _, path in sorted(found)]


STALE_PART_S = 15 * 60
"""A backup's ``.part`` file untouched this long is a killed backup's leftover, not one being
written now (a backup of 100,000 registrations takes seconds)."""


def _clean_stale_parts(folder: Path, now: float) -> tuple[Path, ...]:
    """Remove what killed backups left in ``folder`` (``passerelle-….part``)."""
    if not folder.is_dir():
        return ()
    removed = []
    for path in folder.glob(f"{_PREFIX}*.part"):
        try:
            if now - path.stat().st_mtime > STALE_PART_S:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone meanwhile, or not ours to remove: the backup goes on
    return tuple(sorted(removed))


def _rotate(folder: Path, keep: int) -> tuple[Path, ...]:
    backups = list_backups(folder)
    surplus = backups[: max(len(backups) - max(keep, 1), 0)]
    for old in surplus:
        old.unlink(missing_ok=True)
        remove_companions(old)
    return tuple(surplus)


def restore_database(
    backup: Path, url: str, *, at: datetime | None = None, passphrase: str | None = None
) -> RestoreResult:
    """Replace the SQLite database at ``url`` with ``backup`` after checking the backup.

    An encrypted backup needs its ``passphrase`` (decrypted into a private temporary file,
    removed afterwards). The database being replaced is kept next to it as
    ``<name>.before-restore-<time>``. Close every desk using the database first.
    """
    if not backup.is_file():
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "There is no file at {path}."), path=backup)
    if is_encrypted(backup):
        if passphrase is None:
            raise Invalid(_T_NEEDS_PASSPHRASE, path=str(backup))
        with tempfile.TemporaryDirectory(prefix="passerelle-restore-") as folder:
            opened = Path(folder) / "backup.sqlite3"
            decrypt_file(backup, opened, passphrase)
            for name, sealed in backup_companions(backup).items():
                decrypt_file(sealed, backup_name(opened, name), passphrase)
            result = restore_database(opened, url, at=at)
        return replace(result, restored_from=backup)
    target = _local_file(url)
    verdict = _integrity(backup)
    if verdict != "ok":
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "{path} is damaged and was not restored ({reason}); nothing was changed.",
            ),
            path=backup,
            reason=verdict,
        )
    revision = _revision(backup)
    script = ScriptDirectory.from_config(alembic_config())
    known = {r.revision for r in script.walk_revisions()}
    if revision is None:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "{path} is not a Passerelle database; nothing was changed."
            ),
            path=backup,
        )
    if revision not in known:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "{path} was written by a newer version of Passerelle; nothing was changed.",
            ),
            path=backup,
        )
    check_schema(backup, current=revision == script.get_current_head())
    if target.exists() and not target.is_file():  # a folder, a device, a pipe: not replaced
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "{path} is not a database file; nothing was restored. Check --db."
            ),
            path=target,
        )
    if not target.parent.is_dir() and target != sqlite_path(default_database_url()):
        # A mistyped --db: say so rather than make its folders (a new machine's default
        # place is made, so a backup can be restored onto a fresh install).
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "There is no folder {folder}; nothing was restored. Check --db."
            ),
            folder=target.parent,
        )
    stamp = (at or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    previous: Path | None = None
    # A desk copy's lead journal first (checked before anything is replaced).
    restore_companions(backup, target, stamp, _integrity)
    try:
        private_folder(target.parent)
        if target.exists():
            previous = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
            private_file(previous)
            backup_sqlite(target, previous)
        incoming = target.with_name(target.name + ".restoring")
        private_file(incoming)
        shutil.copyfile(backup, incoming)
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        incoming.replace(target)
    except (OSError, sqlite3.Error) as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("AppError", "Cannot restore into {path}: {reason}"),
            path=target,
            reason=str(error),
        ) from error
    return RestoreResult(backup, target, previous, revision)
