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
