"""Files that hold personal information are the owner's only: folders 0700, files 0600.

On Linux and macOS a laptop's other accounts must not read the desk's database, its journal
files or its backups. SQLite creates the ``-wal`` and ``-shm`` journals with the database
file's own permissions, so making the database file owner-only before SQLite first opens it
covers them. On Windows the per-user data folder is already the user's alone and POSIX modes
do not apply: these functions only create what is missing there.
"""

from __future__ import annotations

import os
from pathlib import Path

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
