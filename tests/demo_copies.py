"""Demo data filled once per test run and copied into each test's own database.

Filling the demo (members, two events, registrations, verdicts) takes about a second; copying
a filled SQLite file with SQLite's backup API takes a few milliseconds. Each test still gets
its own copy, so a test that writes cannot disturb another. On PostgreSQL the demo is filled
afresh each time (there is no file to copy).
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url

_templates: dict[tuple[Hashable, ...], Path] = {}
_folder: Path | None = None


def _template_folder() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="passerelle-demo-templates-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def copy_filled(
    database: Database, key: tuple[Hashable, ...], fill: Callable[[Database], object]
) -> None:
    """Give ``database`` (just created, empty) the content ``fill`` puts in an empty database.

    ``key`` names that content (the fill and its arguments): the first call fills a template
    database, later calls with the same key copy it.
    """
    if not database.is_sqlite:
        fill(database)
        return
    template = _templates.get(key)
    if template is None:
        template = _template_folder() / f"demo-{len(_templates)}.sqlite3"
        source = open_database(sqlite_url(template))
        try:
            fill(source)
        finally:
            source.dispose()
        _templates[key] = template
    database.engine.dispose()  # no pooled connection keeps the empty schema's pages
    with database.engine.connect() as connection:
        target = connection.connection.driver_connection
        assert isinstance(target, sqlite3.Connection)
        reader = sqlite3.connect(template)
        try:
            reader.backup(target)
        finally:
            reader.close()
    database.engine.dispose()


def copy_demo(database: Database, *, registrations: int, seed: int = 1) -> None:
    """``fill_demo(database.sessions, registrations=…, seed=…)``, from a copy when possible."""
    from desktop_app.services.demo import fill_demo

    copy_filled(
        database,
        ("fill_demo", registrations, seed),
        lambda filled: fill_demo(filled.sessions, registrations=registrations, seed=seed),
    )
