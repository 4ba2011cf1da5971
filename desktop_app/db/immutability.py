"""Database triggers that make issued receipts immutable on SQLite and PostgreSQL.

Receipts are tax documents: a correction is a credit note that refers to the original,
never an edit. The triggers make an UPDATE or DELETE fail whatever code runs it.
"""

from __future__ import annotations

from sqlalchemy import Connection

SQLITE_STATEMENTS = (
    "CREATE TRIGGER IF NOT EXISTS receipts_no_update BEFORE UPDATE ON receipts "
    "BEGIN SELECT RAISE(ABORT, 'receipts are immutable once issued'); END",
    "CREATE TRIGGER IF NOT EXISTS receipts_no_delete BEFORE DELETE ON receipts "
    "BEGIN SELECT RAISE(ABORT, 'receipts are immutable once issued'); END",
)

POSTGRESQL_STATEMENTS = (
    "CREATE OR REPLACE FUNCTION passerelle_receipts_immutable() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'receipts are immutable once issued'; END; $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS receipts_immutable ON receipts",
    "CREATE TRIGGER receipts_immutable BEFORE UPDATE OR DELETE ON receipts "
    "FOR EACH ROW EXECUTE FUNCTION passerelle_receipts_immutable()",
)

DROP_STATEMENTS = {
    "sqlite": (
        "DROP TRIGGER IF EXISTS receipts_no_update",
        "DROP TRIGGER IF EXISTS receipts_no_delete",
    ),
    "postgresql": (
        "DROP TRIGGER IF EXISTS receipts_immutable ON receipts",
        "DROP FUNCTION IF EXISTS passerelle_receipts_immutable()",
    ),
}


def statements_for(dialect_name: str) -> tuple[str, ...]:
    """The statements that install the triggers on this back end."""
    if dialect_name == "sqlite":
        return SQLITE_STATEMENTS
    if dialect_name == "postgresql":
        return POSTGRESQL_STATEMENTS
    return ()


def install(connection: Connection) -> None:
    """Install the receipt triggers on an existing schema (used by the migration too)."""
    for statement in statements_for(connection.dialect.name):
        connection.exec_driver_sql(statement)


# A desk closing is what a supervisor signs and puts in the cash bag: stored once, never
# changed; a mistake is corrected by the next closing's note, not by editing this one.
CLOSING_SQLITE_STATEMENTS = (
    "CREATE TRIGGER IF NOT EXISTS desk_closings_no_update BEFORE UPDATE ON desk_closings "
    "BEGIN SELECT RAISE(ABORT, 'desk closings are immutable once stored'); END",
    "CREATE TRIGGER IF NOT EXISTS desk_closings_no_delete BEFORE DELETE ON desk_closings "
    "BEGIN SELECT RAISE(ABORT, 'desk closings are immutable once stored'); END",
)

CLOSING_POSTGRESQL_STATEMENTS = (
    "CREATE OR REPLACE FUNCTION passerelle_desk_closings_immutable() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'desk closings are immutable once stored'; END; $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS desk_closings_immutable ON desk_closings",
    "CREATE TRIGGER desk_closings_immutable BEFORE UPDATE OR DELETE ON desk_closings "
    "FOR EACH ROW EXECUTE FUNCTION passerelle_desk_closings_immutable()",
)

CLOSING_DROP_STATEMENTS = {
    "sqlite": (
        "DROP TRIGGER IF EXISTS desk_closings_no_update",
        "DROP TRIGGER IF EXISTS desk_closings_no_delete",
    ),
    "postgresql": (
        "DROP TRIGGER IF EXISTS desk_closings_immutable ON desk_closings",
        "DROP FUNCTION IF EXISTS passerelle_desk_closings_immutable()",
    ),
}


def closing_statements_for(dialect_name: str) -> tuple[str, ...]:
    """The statements that make desk closings immutable on this back end."""
    if dialect_name == "sqlite":
        return CLOSING_SQLITE_STATEMENTS
    if dialect_name == "postgresql":
        return CLOSING_POSTGRESQL_STATEMENTS
    return ()


def install_closings(connection: Connection) -> None:
    """Install the desk-closing triggers (used by the migration)."""
    for statement in closing_statements_for(connection.dialect.name):
        connection.exec_driver_sql(statement)


def append_only_statements(table: str, dialect: str) -> tuple[str, ...]:
    """Triggers that refuse UPDATE and DELETE on ``table`` (a register kept as written)."""
    message = f"{table} is append-only"
    if dialect == "sqlite":
        return (
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END",
        )
    if dialect == "postgresql":
        return (
            f"CREATE OR REPLACE FUNCTION passerelle_{table}_append_only() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql",
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION passerelle_{table}_append_only()",
        )
    return ()


def append_only_drops(table: str, dialect: str) -> tuple[str, ...]:
    """What ``append_only_statements`` installed, removed (for a downgrade)."""
    if dialect == "sqlite":
        return (
            f"DROP TRIGGER IF EXISTS {table}_no_update",
            f"DROP TRIGGER IF EXISTS {table}_no_delete",
        )
    if dialect == "postgresql":
        return (
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"DROP FUNCTION IF EXISTS passerelle_{table}_append_only()",
        )
    return ()
