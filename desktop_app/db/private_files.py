"""Files that hold personal information are the owner's only: folders 0700, files 0600.

On Linux and macOS a laptop's other accounts must not read the desk's database, its journal
files or its backups. SQLite creates the ``-wal`` and ``-shm`` journals with the database
file's own permissions, so making the database file owner-only before SQLite first opens it
covers them. On Windows the per-user data folder is already the user's alone and POSIX modes
do not apply: these functions only create what is missing there.

Files the user names (``--out``, ``--pdf``, a save dialog) go through :func:`output_target`
and :func:`write_output` / :func:`output_file`: regular files only, never replaced without
``force``, written whole through a temporary file in the same folder.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, StorageUnavailable

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_POSIX = os.name == "posix"


def private_folder(path: Path) -> None:
    """Create ``path`` (and missing parents) as owner-only folders; an existing folder the
    user chose is left as it is, except the ones this call creates."""
    missing: list[Path] = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    path.mkdir(parents=True, exist_ok=True)
    if _POSIX:
        for created in missing:
            created.chmod(FOLDER_MODE)  # mkdir's mode is filtered by the umask


def private_file(path: Path) -> None:
    """Make ``path`` owner-only, creating it empty (0600 from the start) when missing."""
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
        os.close(descriptor)
    if _POSIX:
        path.chmod(FILE_MODE)


def private_database(path: Path) -> None:
    """The database file, and its journals if present, owner-only, in an owner-only folder
    when the folder is new."""
    private_folder(path.parent)
    private_file(path)
    for suffix in ("-wal", "-shm", "-journal"):
        journal = Path(f"{path}{suffix}")
        if journal.exists() and _POSIX:
            journal.chmod(FILE_MODE)


# -- files the user asks for (--out, --pdf, a save dialog) ------------------------------------

_T_EMPTY = QT_TRANSLATE_NOOP("AppError", "{option} is empty: give the name of the file to write.")
_T_FOLDER = QT_TRANSLATE_NOOP(
    "AppError", "{path} is a folder: give the name of a file in it; nothing was written."
)
_T_NOT_REGULAR = QT_TRANSLATE_NOOP(
    "AppError",
    "{path} is not a regular file (a device, a pipe or a socket); Passerelle writes only"
    " regular files. Nothing was written.",
)
_T_EXISTS = QT_TRANSLATE_NOOP(
    "AppError", "{path} already exists; add --force to replace it. Nothing was written."
)
_T_NO_FOLDER = QT_TRANSLATE_NOOP(
    "AppError", "There is no folder {folder} to write {path} in; nothing was written."
)
_T_NOT_WRITTEN = QT_TRANSLATE_NOOP("AppError", "Cannot write {path}: {reason}.")


def output_target(path: str | Path | None, *, force: bool = False, option: str = "--out") -> Path:
    """Where may this output go? ``path`` if it names a regular file to create, or, with
    ``force``, an existing regular file to replace; else :class:`Invalid` with one line.

    Refused: an empty name, a folder, anything that is not a regular file (``/dev/full``,
    ``/dev/null``, a FIFO, a socket: replacing them would break the system or hang), an
    existing file without ``force`` (the CLI's ``--force``; the desk's save dialogs ask
    first and pass ``force=True`` only once the user confirmed), and a folder that does not
    exist (a typo must not grow folders). Call it before doing any work the file records,
    so nothing is issued or counted when the file cannot be written.
    """
    if path is None or not str(path).strip():
        raise Invalid(_T_EMPTY, option=option)
    target = Path(path)
    try:
        found = target.stat()  # follows a link: what a write would reach
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise StorageUnavailable(
            _T_NOT_WRITTEN, path=str(target), reason=error.strerror or str(error)
        ) from error
    if found is not None:
        if stat.S_ISDIR(found.st_mode):
            raise Invalid(_T_FOLDER, path=str(target))
        if not stat.S_ISREG(found.st_mode):
            raise Invalid(_T_NOT_REGULAR, path=str(target))
        if not force:
            raise Invalid(_T_EXISTS, path=str(target))
    folder = target.parent
    if not folder.is_dir():
        raise Invalid(_T_NO_FOLDER, folder=str(folder), path=str(target))
    return target


@contextmanager
def output_file(
    path: str | Path | None, *, force: bool = False, option: str = "--out"
) -> Iterator[BinaryIO]:
    """Write an output through an owner-only (0600) temporary file in its folder, which
    becomes ``path`` only when the block ends without error: whole or absent, never a
    device or a pipe, never an existing file unless ``force`` (see :func:`output_target`).
    An existing file keeps its mode unless it is replaced. A failure to write is
    :class:`StorageUnavailable` and leaves nothing behind."""
    target = output_target(path, force=force, option=option)
    try:
        descriptor, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
    except OSError as error:
        raise _not_written(target, error) from error
    partial = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        output_target(target, force=force, option=option)  # still a place to write?
        _put_in_place(partial, target, force=force)
    except OSError as error:
        raise _not_written(target, error) from error
    finally:
        partial.unlink(missing_ok=True)


def write_output(
    path: str | Path | None, data: bytes, *, force: bool = False, option: str = "--out"
) -> Path:
    """Write ``data`` to ``path`` as :func:`output_file` does; returns the path written."""
    with output_file(path, force=force, option=option) as handle:
        handle.write(data)
    return Path(str(path))


def _put_in_place(partial: Path, target: Path, *, force: bool) -> None:
    if force:
        os.replace(partial, target)
        return
    try:
        os.link(partial, target)  # fails if a file appeared meanwhile: never clobbered
    except FileExistsError:
        raise Invalid(_T_EXISTS, path=str(target)) from None
    except OSError:  # a file system without hard links (FAT on a USB key)
        if target.exists():
            raise Invalid(_T_EXISTS, path=str(target)) from None
        os.replace(partial, target)


def _not_written(path: Path, error: OSError) -> StorageUnavailable:
    return StorageUnavailable(_T_NOT_WRITTEN, path=str(path), reason=error.strerror or str(error))
