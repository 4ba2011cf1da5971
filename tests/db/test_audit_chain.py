"""The audit log is append-only and chained: a changed entry is found, and named."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop_app.cli import main
from desktop_app.db.audit_chain import GENESIS, verify
from desktop_app.db.database import Database
from desktop_app.services.admin.staff import create_staff, sign_in
from desktop_app.services.demo import fill_demo


def test_entries_are_chained_and_cannot_be_changed_or_deleted(database: Database) -> None:
    fill_demo(database.sessions, registrations=10, seed=1)
    boss = create_staff(database.sessions, "Sophie", "246810", "supervisor", by=None)
    sign_in(database.sessions, boss.name, "246810")
    with database.sessions() as session:
        check = verify(session)
        first = session.execute(
            text("SELECT previous_hash FROM audit_entries ORDER BY id LIMIT 1")
        ).scalar()
    assert check.intact and check.entries >= 3 and first == GENESIS
    for statement in ("UPDATE audit_entries SET staff = 'Nobody'", "DELETE FROM audit_entries"):
        with pytest.raises(DBAPIError), database.sessions.begin() as session:
            session.execute(text(statement))


def test_tampering_with_one_entry_is_found(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    boss = create_staff(database.sessions, "Sophie", "246810", "supervisor", by=None)
    for _ in range(3):
        sign_in(database.sessions, boss.name, "246810")
    capsys.readouterr()
    assert main(["audit", "verify", "--json", "--db", database.url]) == 0
    assert json.loads(capsys.readouterr().out)["intact"] is True
    # Someone with the database file (or a database administrator) changes entry 2.
    with database.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER audit_entries_no_update")
        else:
            connection.exec_driver_sql(
                "ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only"
            )
        connection.exec_driver_sql("UPDATE audit_entries SET staff = 'Someone else' WHERE id = 2")
    with database.sessions() as session:
        check = verify(session)
    assert (check.intact, check.first_broken) == (False, 2)
    assert main(["audit", "verify", "--db", database.url]) == 1
    assert "tampered with at entry 2" in capsys.readouterr().out
