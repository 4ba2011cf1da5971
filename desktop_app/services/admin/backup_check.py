"""Whether a backup file is a whole Passerelle database, before a restore puts it in place.

The Alembic stamp alone proves nothing: a file holding only ``alembic_version`` carries a
valid stamp. So a file to restore is checked as SQLite reads it (``PRAGMA integrity_check``),
then on a private copy brought up to this version (as the desk would on its next start) for
every table and column the models expect and for rows whose links point nowhere
(``PRAGMA foreign_key_check``). The copy is thrown away; the desk's database is not touched.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import inspect

from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Base
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, AppError, Invalid

_SHOWN = 6  # names listed in a one-line message before "…"
_T_NOT_UPGRADABLE = QT_TRANSLATE_NOOP(
    "AppError",
    "{path} cannot be brought up to this version of Passerelle ({reason}); nothing was changed.",
)
_T_INCOMPLETE = QT_TRANSLATE_NOOP(
    "AppError",
    "{path} is not a whole Passerelle database ({count} tables or columns missing: {missing});"
    " nothing was changed.",
)
_T_BROKEN_LINKS = QT_TRANSLATE_NOOP(
    "AppError",
    "{path} is damaged: {count} rows point to rows that are not there ({where});"
    " nothing was changed.",
)


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:_SHOWN])
    return shown + (", …" if len(names) > _SHOWN else "")


def missing_schema(path: Path) -> list[str]:
    """Tables (``name``) and columns (``table.column``) the models expect that ``path`` lacks."""
    database = open_database(sqlite_url(path), upgrade=False, create=False)
    try:
        found = inspect(database.engine)
        tables = set(found.get_table_names())
        missing: list[str] = []
        for table in Base.metadata.sorted_tables:
            if table.name not in tables:
                missing.append(table.name)
                continue
            columns = {column["name"] for column in found.get_columns(table.name)}
            missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in columns]
        return missing
    finally:
        database.dispose()


def broken_links(path: Path) -> list[tuple[str, int | None, str]]:
    """``(table, rowid, parent)`` for each row whose foreign key points nowhere."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    return [(str(row[0]), row[1], str(row[2])) for row in rows]


def check_schema(backup: Path, current: bool) -> None:
    """Refuse (``Invalid``, one line) a backup that is not a whole, consistent database.

    ``current``: the file is stamped at this version's head; otherwise a private copy is
    upgraded first, so an older backup is judged by what the desk will open.
    """
    with tempfile.TemporaryDirectory(prefix="passerelle-restore-check-") as folder:
        copy = Path(folder) / "check.sqlite3"
        shutil.copyfile(backup, copy)
        if not current:
            try:
                open_database(sqlite_url(copy), create=False).dispose()
            except AppError as error:
                raise Invalid(_T_NOT_UPGRADABLE, path=backup, reason=error.message) from error
            except Exception as error:  # a migration meeting what it never expected
                raise Invalid(_T_NOT_UPGRADABLE, path=backup, reason=str(error)) from error
        missing = missing_schema(copy)
        if missing:
            raise Invalid(_T_INCOMPLETE, path=backup, count=len(missing), missing=_listed(missing))
        broken = broken_links(copy)
        if broken:
            where = [f"{table} {rowid} → {parent}" for table, rowid, parent in broken]
            raise Invalid(_T_BROKEN_LINKS, path=backup, count=len(broken), where=_listed(where))
