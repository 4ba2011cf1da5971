"""The search index: created for fresh databases and by migration 0003, kept by triggers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.orm import sessionmaker

from desktop_app.db import search_index
from desktop_app.db.database import SchemaState, alembic_config, open_database, schema_state
from desktop_app.db.engine import make_engine
from desktop_app.db.models import Base
from desktop_app.services.demo import fill_demo
from desktop_app.services.desk.search import search_registrations
from tests.services.search_data import MONTREAL, add_registration


@contextmanager
def later_columns(engine: Engine) -> Iterator[None]:
    """Today's models on an older schema: the columns later migrations add exist while the
    demo fills it (today's code writes them), then go, so the upgrade adds them itself."""
    later = (
        ("registrations", "entitled_by", "VARCHAR(16) NOT NULL DEFAULT 'none'"),  # 0006
        ("audit_entries", "previous_hash", "VARCHAR(64)"),  # 0008
        ("audit_entries", "hash", "VARCHAR(64)"),
        ("events", "max_line_amount", "BIGINT"),  # 0012
        ("check_ins", "day", "DATE"),  # 0013
        ("check_ins", "session_id", "INTEGER"),
    )
    from desktop_app.db.models import (  # 0010, 0011, 0013: event files'
        ConsentPurpose,
        EventDay,
        EventSession,
        Exhibitor,
    )

    with engine.begin() as connection:
        for table, column, kind in later:
            connection.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
        ConsentPurpose.__table__.create(connection)
        Exhibitor.__table__.create(connection)
        EventDay.__table__.create(connection)
        EventSession.__table__.create(connection)
    yield
    with engine.begin() as connection:
        EventSession.__table__.drop(connection)
        EventDay.__table__.drop(connection)
        Exhibitor.__table__.drop(connection)
        ConsentPurpose.__table__.drop(connection)
        for table, column, _ in later:
            connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column}")


def _index_objects(connection: Connection) -> set[str]:
    """Names of the index's tables, triggers and functions."""
    if connection.dialect.name == "sqlite":
        rows = connection.execute(
            text("SELECT type || ':' || name FROM sqlite_master WHERE name LIKE 'registration%'")
        )
    else:
        rows = connection.execute(
            text(
                "SELECT 'table:' || tablename FROM pg_tables WHERE tablename LIKE 'registration%'"
                " UNION SELECT 'trigger:' || tgname || ':' || tgrelid::regclass::text"
                " FROM pg_trigger WHERE NOT tgisinternal"
                " UNION SELECT 'function:' || proname FROM pg_proc WHERE proname LIKE 'passerelle%'"
                " UNION SELECT 'index:' || indexname FROM pg_indexes"
                " WHERE tablename = 'registration_search'"
            )
        )
    return {str(row[0]) for row in rows}


def _index_count(connection: Connection) -> int:
    return int(connection.execute(text("SELECT count(*) FROM registration_search")).scalar_one())


def test_fresh_and_migrated_databases_have_the_same_index(database_url: str) -> None:
    fresh = open_database(database_url)  # create_all + stamp
    with fresh.engine.connect() as connection:
        created = _index_objects(connection)
    fresh.dispose()
    assert any("registration_search" in name for name in created)
    assert any(name.startswith("trigger:") for name in created)

    engine = make_engine(database_url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        assert not any("registration_search" in name for name in _index_objects(connection))
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as connection:
        assert _index_objects(connection) == created
        context = MigrationContext.configure(
            connection, opts={"include_object": search_index.include_object}
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_migration_0003_indexes_an_existing_database_with_data(database_url: str) -> None:
    engine = make_engine(database_url)
    command.upgrade(alembic_config(engine), "0002")
    engine.dispose()
    # Fill it at 0002, the way an older Passerelle would have.
    engine = make_engine(database_url)
    with engine.connect() as connection:
        assert "registration_search" not in inspect(connection).get_table_names()
    sessions = sessionmaker(engine, expire_on_commit=False)
    with later_columns(engine):
        fill_demo(sessions, registrations=50, seed=2)
        with sessions.begin() as session:
            add_registration(
                session, first="Benoît", last="Larose", code="OLDDATABASE23456", organization="Acmé"
            )
    engine.dispose()

    database = open_database(database_url)  # upgrades 0002 -> head
    try:
        assert schema_state(database.engine)[0] is SchemaState.CURRENT
        with database.engine.connect() as connection:
            assert _index_count(connection) == 51
        hits = search_registrations(database.sessions, MONTREAL, "benoit lar")
        assert hits[0].code == "OLDDATABASE23456"
        assert search_registrations(database.sessions, MONTREAL, "acme")[0].last_name == "Larose"
        # and the triggers installed by the migration keep it current
        with database.sessions.begin() as session:
            add_registration(session, first="Zoë", last="Nouvelle", code="NEWAFTERUPGRADE2")
        assert search_registrations(database.sessions, MONTREAL, "zoe nouv")[0].last_name == (
            "Nouvelle"
        )
    finally:
        database.dispose()


def test_migration_0005_indexes_the_words_of_a_0004_database(database_url: str) -> None:
    engine = make_engine(database_url)
    command.upgrade(alembic_config(engine), "head")
    command.downgrade(alembic_config(engine), "0004")  # the index as 0003 made it
    with engine.connect() as connection:
        assert not any("registration_search_word" in name for name in _index_objects(connection))
    sessions = sessionmaker(engine, expire_on_commit=False)
    with later_columns(engine):
        fill_demo(sessions, registrations=40, seed=3)
        with sessions.begin() as session:  # indexed by the triggers of 0003 only
            add_registration(
                session, first="Benoît", last="Larose", code="BEFORE0005234567", organization="Acmé"
            )
    engine.dispose()

    database = open_database(database_url)  # upgrades 0004 -> head
    try:
        assert schema_state(database.engine)[0] is SchemaState.CURRENT
        assert search_registrations(database.sessions, MONTREAL, "LAROSE B")[0].code == (
            "BEFORE0005234567"
        )
        assert search_registrations(database.sessions, MONTREAL, "acme lar")[0].last_name == (
            "Larose"
        )
        assert search_registrations(database.sessions, MONTREAL, "larosse")[0].last_name == (
            "Larose"
        )
        with database.sessions.begin() as session:  # and the new triggers keep it current
            add_registration(session, first="Zoë", last="Nouvelle", code="AFTER00052345678")
        assert search_registrations(database.sessions, MONTREAL, "nouvel zo")[0].code == (
            "AFTER00052345678"
        )
        assert search_registrations(database.sessions, MONTREAL, "nouvele")[0].code == (
            "AFTER00052345678"
        )
    finally:
        database.dispose()


def test_downgrade_removes_the_index(database_url: str) -> None:
    engine = make_engine(database_url)
    command.upgrade(alembic_config(engine), "head")
    command.downgrade(alembic_config(engine), "0002")
    with engine.connect() as connection:
        assert not any("registration_search" in name for name in _index_objects(connection))
        assert not any(
            name.startswith("function:passerelle_fold") for name in _index_objects(connection)
        )
    command.upgrade(alembic_config(engine), "head")
    engine.dispose()


def test_demo_data_is_indexed_and_rebuild_repairs(database_url: str) -> None:
    database = open_database(database_url)
    try:
        fill_demo(database.sessions, registrations=200, seed=4)
        with database.engine.begin() as connection:
            assert _index_count(connection) == 200
            connection.execute(text("DELETE FROM registration_search"))
        assert search_registrations(database.sessions, MONTREAL, "a") == []
        with database.engine.begin() as connection:
            search_index.rebuild(connection)
            assert _index_count(connection) == 200
        assert search_registrations(database.sessions, MONTREAL, "a")
    finally:
        database.dispose()


def test_include_object_leaves_only_the_index_out() -> None:
    for name in ("registration_search", "registration_search_data", "registration_search_idx"):
        assert not search_index.include_object(None, name, "table", True, None)
    assert search_index.include_object(None, "registrations", "table", True, None)
    assert search_index.include_object(None, "registration_search", "index", True, None)


def test_bulk_load_indexes_everything_and_restores_the_triggers(database_url: str) -> None:
    database = open_database(database_url)
    try:
        fill_demo(database.sessions, registrations=30, seed=5)
        with database.engine.connect() as connection:
            objects = _index_objects(connection)
        session = database.sessions()
        with session.begin(), search_index.bulk_load(session.connection()):
            add_registration(session, first="Élodie", last="Massé", code="BULKLOADED234567")
            session.execute(text("UPDATE people SET last_name = 'Renamed' WHERE id = 1"))
        session.close()
        assert search_registrations(database.sessions, MONTREAL, "elodie masse")[0].code == (
            "BULKLOADED234567"
        )
        with database.engine.connect() as connection:
            assert _index_count(connection) == 31
            assert _index_objects(connection) == objects
        with database.sessions.begin() as session:  # triggers work again
            add_registration(session, first="Après", last="Chargement", code="AFTERBULK2345678")
        assert search_registrations(database.sessions, MONTREAL, "apres charg")
    finally:
        database.dispose()


def test_a_failed_bulk_load_leaves_the_triggers_in_place(database_url: str) -> None:
    database = open_database(database_url)
    try:
        fill_demo(database.sessions, registrations=10, seed=6)
        with database.engine.connect() as connection:
            objects = _index_objects(connection)
        session = database.sessions()
        with (
            pytest.raises(RuntimeError),
            session.begin(),
            search_index.bulk_load(session.connection()),
        ):
            raise RuntimeError("the import failed half-way")
        session.close()
        with database.engine.connect() as connection:
            assert _index_objects(connection) == objects
        with database.sessions.begin() as session:  # the triggers still index new rows
            add_registration(session, first="Rollback", last="Survivor", code="ROLLBACK23456789")
        assert search_registrations(database.sessions, MONTREAL, "rollback surv")
    finally:
        database.dispose()
