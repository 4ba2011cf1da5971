"""Files that live beside a database and are backed up and restored with it.

A lead station keeps the leads it scanned while the shared server was out of reach in a
small SQLite journal beside the desk's copy of the event (``<copy>.leads.sqlite3``,
services/leads/offline.py), as the desk keeps its offline check-ins in that copy. A backup
of the copy takes the journal along (``passerelle-<time>.leads.sqlite3`` beside
``passerelle-<time>.sqlite3``, checked, sealed with the same passphrase), the rotation
removes them together, and a restore puts the journal back beside the restored copy, so an
acknowledged lead survives a lost disk as a check-in does. The journal is a file of its
own, not a table of the copy, so that a full copy of the event (seconds, under the copy's
write lock) never holds up a scan.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.db.database import backup_sqlite
from desktop_app.db.private_files import private_file
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, StorageUnavailable

COMPANIONS = ("leads",)
"""The companions' names: ``<database stem>.<name>.sqlite3``."""

_SQLITE = ".sqlite3"


def companion_path(database: Path, name: str) -> Path:
    """Where the companion ``name`` of ``database`` lives (or would)."""
    stem = database.name.removesuffix(_SQLITE) if database.name.endswith(_SQLITE) else database.stem
    return database.with_name(f"{stem}.{name}{_SQLITE}")


def backup_name(backup: Path, name: str) -> Path:
    """``passerelle-X.sqlite3[.enc]`` -> ``passerelle-X.<name>.sqlite3[.enc]``."""
    base, sealed = backup.name, ""
    if base.endswith(".enc"):
        base, sealed = base.removesuffix(".enc"), ".enc"
    return backup.with_name(base.removesuffix(_SQLITE) + f".{name}{_SQLITE}{sealed}")


def back_up_companions(
    source: Path,
    target: Path,
    check: Callable[[Path], None],
    seal: Callable[[Path, Path], None] | None,
) -> tuple[Path, ...]:
    """Copy each companion of ``source`` beside the backup ``target`` (before ``target``
    itself is in place: a backup that is there has its companions). ``check`` refuses a
    bad copy; ``seal(plain, sealed)`` encrypts it when the backup is encrypted."""
    written: list[Path] = []
    try:
        for name in COMPANIONS:
            companion = companion_path(source, name)
            if not companion.is_file():
                continue
            final = backup_name(target, name)
            if seal is not None:
                final = final.with_name(final.name + ".enc")
            partial = final.with_name(final.name + ".part")
            plain = partial if seal is None else final.with_name(final.name + ".plain.part")
            private_file(plain)
            backup_sqlite(companion, plain)
            check(plain)
            if seal is not None:
                seal(plain, partial)
                plain.unlink()
            partial.replace(final)
            written.append(final)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return tuple(written)


def backup_companions(backup: Path) -> dict[str, Path]:
    """The companions a backup file has, by name."""
    found = {}
    for name in COMPANIONS:
        path = backup_name(backup, name)
        sealed = path.with_name(path.name + ".enc")  # named after the plain copy, sealed
        for candidate in (path, sealed):
            if candidate.is_file():
                found[name] = candidate
    return found


def remove_companions(backup: Path) -> None:
    """Remove a backup's companions (the rotation removed the backup)."""
    for path in backup_companions(backup).values():
        path.unlink(missing_ok=True)


def restore_companions(
    backup: Path, target: Path, stamp: str, integrity: Callable[[Path], str]
) -> tuple[Path, ...]:
    """Put the backup's companions back beside ``target`` (all checked before any is
    replaced; the one replaced is kept as ``<name>.before-restore-<stamp>``). A companion
    the backup does not have is left as it is: a backup taken before any lead waited never
    erases the leads waiting now."""
    found = backup_companions(backup)
    for path in found.values():
        verdict = integrity(path)
        if verdict != "ok":
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "{path} is damaged and was not restored ({reason}); nothing was changed.",
                ),
                path=path,
                reason=verdict,
            )
    restored = []
    for name, path in found.items():
        destination = companion_path(target, name)
        try:
            if destination.exists():
                backup_sqlite(destination, companion_path(target, f"{name}.before-restore-{stamp}"))
            for leftover in (Path(f"{destination}-wal"), Path(f"{destination}-shm")):
                leftover.unlink(missing_ok=True)
            incoming = destination.with_name(destination.name + ".restoring")
            private_file(incoming)
            backup_sqlite(path, incoming)
            incoming.replace(destination)
        except OSError as error:
            raise StorageUnavailable(
                QT_TRANSLATE_NOOP("AppError", "Cannot restore into {path}: {reason}"),
                path=destination,
                reason=str(error),
            ) from error
        restored.append(destination)
    return tuple(restored)
