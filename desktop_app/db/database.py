"""Opening a database: create, upgrade (after a backup) or refuse, then hand out sessions."""

from __future__ import annotations

import logging
import re
import sqlite3
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, make_url, text
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db import immutability
from desktop_app.db.engine import is_sqlite, make_engine, sqlite_path
from desktop_app.db.models import Base
from desktop_app.db.private_files import private_file, private_folder
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound, StorageUnavailable

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a schema is made, upgraded or not recognised: a database at
# this version's head is told by one query and the migration files' text, and importing
# Alembic costs half a second of the desk's start (issue #16).

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"


class SchemaState(Enum):
    """How an existing database compares with this version of Passerelle."""

    EMPTY = "empty"
    CURRENT = "current"
    OLDER = "older"
    NEWER = "newer"
    FOREIGN = "foreign"


class NewerDatabase(Invalid):
    """The database was written by a newer Passerelle; we leave it untouched."""


class NoDatabase(NotFound):
    """No Passerelle database at that place yet, and this use must not create one."""

    def __init__(self, place: str) -> None:
        super().__init__(_T_NO_DATABASE, url=place)


_T_NO_DATABASE = QT_TRANSLATE_NOOP(
    "AppError",
    "There is no Passerelle database at {url}; nothing was created. Check --db (or"
    " PASSERELLE_DB); passerelle events import or passerelle demo makes a new one.",
)


@dataclass(frozen=True)
class Database:
    """An open database: its URL, engine and session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None

    @property
    def is_sqlite(self) -> bool:
        """Whether this is the embedded back end."""
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def alembic_config(engine: Engine | None = None) -> Config:
    """Alembic configuration pointing at the packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The newest migration this version knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


_REVISION = re.compile(r"""^revision(?:: *str)? *= *["']([^"']+)["']""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision(?:: *[^=]+)? *= *(?:None|["']([^"']+)["'])\s*$""", re.MULTILINE
)


@cache
def quick_head_revision() -> str:
    """:func:`head_revision` read from the migration files' text without importing them or
    Alembic; Alembic's own answer whenever the files are not one plain chain (a merge, a
    branch, a file this reader cannot follow)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            return head_revision()
        revisions.add(revision.group(1))
        if down.group(1):
            parents.add(down.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else head_revision()


def stored_revision(connection: Connection) -> str | None:
    """The schema revision a database says it is at (None without Alembic's table)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    found = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(found) == 1:
        return str(found[0])
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()  # its own error


def schema_state(engine: Engine) -> tuple[SchemaState, str | None]:
    """Compare the database's schema revision with ours."""
    with engine.connect() as connection:
        current = stored_revision(connection)
        if current is None:
            tables = set(inspect(connection).get_table_names())
            return (SchemaState.EMPTY if not tables else SchemaState.FOREIGN), None
    if current == quick_head_revision():
        return SchemaState.CURRENT, current
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    if current == script.get_current_head():
        return SchemaState.CURRENT, current
    try:
        script.get_revision(current)
    except Exception:  # alembic raises several kinds for an unknown revision
        return SchemaState.NEWER, current
    return SchemaState.OLDER, current


def create_schema(engine: Engine) -> None:
    """A fresh database: every table from the models, then stamped at the head revision."""
    from alembic import command

    Base.metadata.create_all(engine)
    command.stamp(alembic_config(engine), "head")


def upgrade_schema(engine: Engine) -> None:
    """Run the migrations up to head."""
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy a live SQLite database consistently with SQLite's online backup API, into an
    owner-only file (it holds everything the database holds)."""
    private_folder(destination.parent)
    private_file(destination)
    with sqlite3.connect(source) as src, sqlite3.connect(destination) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    return destination


def _shown(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1]


def open_database(url: str, *, upgrade: bool = True, create: bool = True) -> Database:
    """Open (creating or upgrading) the database at ``url``.

    With ``create=False`` a database that does not exist yet (no SQLite file, or a server
    database without Passerelle's tables) is refused with :class:`NoDatabase` and nothing is
    made: no file, no folder, no table. Only the commands that set a database up (``demo``,
    ``events import``) and the desk's first start on its default location create one, so a
    mistyped ``--db`` is said, not taken for an empty event list.

    An older schema is upgraded after a backup copy is taken next to the SQLite file.
    A schema from a newer Passerelle, or a database that is not Passerelle's, is refused
    and left untouched. Anything that stops the database from opening (a file that is not
    a database, a folder that cannot be made, a server that does not answer, a URL of
    another kind) is a :class:`StorageUnavailable` or :class:`Invalid` with one clear line,
    for the desk and the command line alike.
    """
    try:
        supported = is_sqlite(url) or make_url(url).get_backend_name() == "postgresql"
    except ArgumentError:  # not even a URL
        supported = False
    if not supported:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "Passerelle opens an SQLite file or a postgresql:// server; {url} is neither.",
            ),
            url=_shown(url),
        )
    _check_sqlite_file(url, create=create)
    try:
        return _open_database(url, upgrade=upgrade, create=create)
    except (OSError, DatabaseError) as error:
        reason = getattr(error, "orig", None) or error
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("AppError", "Cannot open the database {url}: {reason}"),
            url=_shown(url),
            reason=str(reason),
        ) from error


def _check_sqlite_file(url: str, *, create: bool) -> None:
    """Before anything touches the disk: a folder, a device or a pipe is never a database
    (SQLite would wait on a pipe, or say "disk I/O error"; its mode would be changed), and
    without ``create`` no SQLite file there (or an empty one) is refused."""
    path = sqlite_path(url) if is_sqlite(url) else None
    if path is None:
        return
    try:
        found = path.stat()
    except FileNotFoundError:
        found = None
    except OSError:  # a folder that cannot be read: opening says why, in one line
        return
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "{url} is not a database file (a folder, a device or a pipe)."
            ),
            url=str(path),
        )
    if not create and (found is None or found.st_size == 0):
        raise NoDatabase(str(path))


def _open_database(url: str, *, upgrade: bool, create: bool = True) -> Database:
    """Open, create or upgrade the database at ``url`` (see :func:`open_database`).

    An older schema is upgraded after a backup copy is taken next to the SQLite file.
    A schema from a newer Passerelle, or a database that is not Passerelle's, is refused
    and left untouched.
    """
    engine = make_engine(url)
    try:
        state, revision = schema_state(engine)
    except OperationalError as error:
        engine.dispose()
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("AppError", "Cannot open the database {url}: {reason}"),
            url=engine.url.render_as_string(hide_password=True),
            reason=str(error.orig) if error.orig else str(error),
        ) from error
    backup: Path | None = None
    if state is SchemaState.NEWER:
        engine.dispose()
        raise NewerDatabase(
            QT_TRANSLATE_NOOP(
                "AppError",
                "This database was written by a newer version of Passerelle (schema {revision})."
                " Install that version or newer to open it; the database was not changed.",
            ),
            revision=revision,
        )
    if state is SchemaState.FOREIGN:
        engine.dispose()
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "This database already holds tables that are not Passerelle's;"
                " it was not changed. Choose an empty database.",
            )
        )
    if state is SchemaState.EMPTY:
        if not create:
            engine.dispose()
            raise NoDatabase(_shown(url))
        create_schema(engine)
    elif state is SchemaState.OLDER:
        if not upgrade:
            engine.dispose()
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "The database needs an upgrade (schema {revision})."),
                revision=revision,
            )
        path = sqlite_path(str(engine.url))
        if path is not None:
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            backup = path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}")
            backup_sqlite(path, backup)
            log.info("backed up %s to %s before upgrading", path, backup)
        upgrade_schema(engine)
    return Database(
        url=str(engine.url),
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        backup_path=backup,
    )


__all__ = [
    "Database",
    "NewerDatabase",
    "NoDatabase",
    "SchemaState",
    "alembic_config",
    "backup_sqlite",
    "create_schema",
    "head_revision",
    "immutability",
    "open_database",
    "schema_state",
    "upgrade_schema",
]
