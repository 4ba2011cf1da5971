"""Change notifications on PostgreSQL: ``NOTIFY passerelle_changes, '<event id>'``.

Statement-level triggers on ``registrations``, ``check_ins`` and ``payments`` send one
notification per event touched by a statement (PostgreSQL also folds identical notifications
of one transaction), delivered when the transaction commits. Desks ``LISTEN`` on the channel
(``services.sync.notify.ChangeListener``) and refresh within a moment of another desk's
check-in, walk-in or payment. A bulk import of 50,000 rows costs one notification per event.

Fresh databases get the triggers through ``attach`` (create_all); older ones through
migration 0004. SQLite has no such thing: a single desk refreshes itself.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, MetaData, event

CHANNEL = "passerelle_changes"

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION passerelle_notify_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'registrations' THEN
        PERFORM pg_notify('{CHANNEL}', ids.event_id::text)
        FROM (SELECT DISTINCT event_id FROM changed_rows) AS ids;
    ELSE
        PERFORM pg_notify('{CHANNEL}', ids.event_id::text)
        FROM (SELECT DISTINCT r.event_id FROM changed_rows AS c
              JOIN registrations AS r ON r.id = c.registration_id) AS ids;
    END IF;
    RETURN NULL;
END $$
"""

TABLES = ("registrations", "check_ins", "payments")


def _triggers() -> tuple[str, ...]:
    statements = []
    for table in TABLES:
        for operation in ("INSERT", "UPDATE"):
            statements.append(
                f"CREATE TRIGGER passerelle_notify_{operation.lower()} AFTER {operation}"
                f" ON {table} REFERENCING NEW TABLE AS changed_rows"
                " FOR EACH STATEMENT EXECUTE FUNCTION passerelle_notify_changes()"
            )
    return tuple(statements)


POSTGRESQL_STATEMENTS = (_FUNCTION, *_triggers())
POSTGRESQL_DROP = (
    *(
        f"DROP TRIGGER IF EXISTS passerelle_notify_{operation} ON {table}"
        for table in TABLES
        for operation in ("insert", "update")
    ),
    "DROP FUNCTION IF EXISTS passerelle_notify_changes()",
)


def install(connection: Connection) -> None:
    """Create the notification triggers (PostgreSQL only; idempotent)."""
    if connection.dialect.name != "postgresql":
        return
    drop(connection)
    for statement in POSTGRESQL_STATEMENTS:
        connection.exec_driver_sql(statement)


def drop(connection: Connection) -> None:
    """Remove the notification triggers (PostgreSQL only)."""
    if connection.dialect.name != "postgresql":
        return
    for statement in POSTGRESQL_DROP:
        connection.exec_driver_sql(statement)


def _after_create(target: MetaData, connection: Connection, **_: Any) -> None:
    install(connection)


def attach(metadata: MetaData) -> None:
    """Install the triggers whenever ``metadata.create_all`` makes a fresh schema."""
    event.listen(metadata, "after_create", _after_create)
