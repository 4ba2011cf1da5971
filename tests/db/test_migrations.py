"""Migrations: empty to head equals the models; newer databases are refused untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from desktop_app.db.database import (
    NewerDatabase,
    SchemaState,
    alembic_config,
    open_database,
    schema_state,
)
from desktop_app.db.engine import make_engine, sqlite_url
from desktop_app.db.models import Base
from desktop_app.db.search_index import include_object


def test_migrations_from_empty_give_the_models_schema(database_url: str) -> None:
    engine = make_engine(database_url)
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as connection:
        # The search index is the database's own (FTS5/pg_trgm, kept by triggers), not modelled.
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_migrated_database_has_the_receipt_triggers(database_url: str) -> None:
    engine = make_engine(database_url)
    command.upgrade(alembic_config(engine), "head")
    engine.dispose()
    database = open_database(database_url)
    try:
        assert schema_state(database.engine)[0] is SchemaState.CURRENT
    finally:
        database.dispose()


def test_a_newer_database_is_refused_and_left_untouched(database_url: str) -> None:
    database = open_database(database_url)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
        tables_before = sorted(inspect(connection).get_table_names())
    database.dispose()
    with pytest.raises(NewerDatabase, match="newer version of Passerelle"):
        open_database(database_url)
    engine = make_engine(database_url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "9999_future"
        assert sorted(inspect(connection).get_table_names()) == tables_before
    engine.dispose()


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "other.sqlite3")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER)"))
    engine.dispose()
    with pytest.raises(Exception, match="not Passerelle"):
        open_database(url)


def test_an_older_database_is_upgraded_with_its_data_and_a_backup(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "desk.sqlite3")
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO associations (code, name_fr, name_en) VALUES ('lso', 'LSO', 'LSO')")
        )
    engine.dispose()

    database = open_database(url)
    try:
        assert schema_state(database.engine)[0] is SchemaState.CURRENT
        with database.engine.connect() as connection:
            assert connection.scalar(text("SELECT code FROM associations")) == "lso"
            assert "settings" in inspect(connection).get_table_names()
        assert database.backup_path is not None and database.backup_path.exists()
        assert "before-0001" in database.backup_path.name
    finally:
        database.dispose()
    backup = make_engine(sqlite_url(database.backup_path))
    with backup.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "0001"
        assert connection.scalar(text("SELECT code FROM associations")) == "lso"
    backup.dispose()
