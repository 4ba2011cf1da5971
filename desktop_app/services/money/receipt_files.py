"""Receipts saved as PDF files at the desk, readable by this computer's user only.

A receipt names a person and what they paid (personal information under Québec's Law 25 and
PIPEDA), so the folder Passerelle creates is 0700 and every file 0600. A folder someone chose
(a USB key, the Documents folder) keeps its own permissions; its files are still 0600.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, StorageUnavailable

_NOT_SAVED = QT_TRANSLATE_NOOP(
    "AppError", "The receipt could not be saved to {path} ({reason}). Choose another folder."
)


def receipt_file_name(number: str, *, copy: bool) -> str:
    """``FORUM-2027-000042.pdf``, or ``FORUM-2027-000042-COPIE.pdf`` for a reprint."""
    return f"{number}-COPIE.pdf" if copy else f"{number}.pdf"


def save_receipt_pdf(pdf: bytes, folder: Path, number: str, *, copy: bool = False) -> Path:
    """Write ``pdf`` into ``folder`` (created 0700 if missing) as an owner-only (0600) file
    named after the receipt; returns its path.

    Raises :class:`StorageUnavailable` when the folder or the file cannot be written.
    """
    path = folder / receipt_file_name(number, copy=copy)
    write_private_pdf(pdf, path)
    return path


def write_private_pdf(pdf: bytes, path: Path) -> None:
    """Write ``pdf`` to ``path`` as an owner-only (0600) file, replaced only once fully
    written; a missing folder is created 0700. :class:`StorageUnavailable` on failure."""
    folder = path.parent
    partial = path.with_name(path.name + ".part")
    try:
        if not folder.is_dir():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.chmod(0o700)  # mkdir's mode is filtered by the umask
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            if hasattr(os, "fchmod"):  # a .part left by a crash keeps its old mode otherwise
                os.fchmod(file.fileno(), 0o600)
            file.write(pdf)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StorageUnavailable(
            _NOT_SAVED, path=str(folder), reason=error.strerror or str(error)
        ) from error
