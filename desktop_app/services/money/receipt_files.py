"""Receipts saved as PDF files at the desk, readable by this computer's user only.

A receipt names a person and what they paid (personal information under Québec's Law 25 and
PIPEDA), so the folder Passerelle creates is 0700 and every file 0600. A folder someone chose
(a USB key, the Documents folder) keeps its own permissions; its files are still 0600.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.db.private_files import private_folder, write_output
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, StorageUnavailable

_NOT_SAVED = QT_TRANSLATE_NOOP(
    "AppError", "The receipt could not be saved to {path} ({reason}). Choose another folder."
)


def receipt_file_name(number: str, *, copy: bool) -> str:
    """``FORUM-2027-000042.pdf``, or ``FORUM-2027-000042-COPIE.pdf`` for a reprint."""
    return f"{number}-COPIE.pdf" if copy else f"{number}.pdf"


def save_receipt_pdf(pdf: bytes, folder: Path, number: str, *, copy: bool = False) -> Path:
    """Write ``pdf`` into ``folder`` (created 0700 if missing) as an owner-only (0600) file
    named after the receipt; returns its path. The name is the receipt's own, so a copy
    saved again replaces the earlier copy (still never a folder, a device or a pipe).

    Raises :class:`StorageUnavailable` when the folder or the file cannot be written.
    """
    path = folder / receipt_file_name(number, copy=copy)
    write_private_pdf(pdf, path, force=True)
    return path


def write_private_pdf(pdf: bytes, path: Path, *, force: bool = False) -> None:
    """Write ``pdf`` to ``path`` as an owner-only (0600) regular file, whole or absent; a
    missing folder (the desk's receipt folder, say) is created 0700; an existing file is
    replaced only with ``force`` (a save dialog that asked, or a name the desk chose).
    :class:`AppError` with one line when the path is refused or cannot be written."""
    try:
        private_folder(path.parent)
    except OSError as error:
        raise StorageUnavailable(
            _NOT_SAVED, path=str(path.parent), reason=error.strerror or str(error)
        ) from error
    write_output(path, pdf, force=force)
