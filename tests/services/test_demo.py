"""Demo data: realistic, deterministic for a seed, refused on a database in use."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Membership, Organization, Person, Registration
from desktop_app.domain.errors import Conflict
from desktop_app.services.demo import fill_demo


def _snapshot(database: Database) -> list[tuple[Any, ...]]:
    with database.sessions() as session:
        rows = session.execute(
            select(
                Registration.code,
                Registration.amount_due,
                Registration.amount_paid,
                Registration.status,
                Person.first_name,
                Person.last_name,
                Person.email,
                Person.organization_name,
            )
            .join(Person)
            .order_by(Registration.id)
        ).all()
    return [tuple(row) for row in rows]


def test_same_seed_same_data_other_seed_other_data(tmp_path: Any) -> None:
    snapshots = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        database = open_database(sqlite_url(tmp_path / f"{name}.sqlite3"))
        fill_demo(database.sessions, registrations=300, seed=seed)
        snapshots.append(_snapshot(database))
        database.dispose()
    assert snapshots[0] == snapshots[1]
    assert snapshots[0] != snapshots[2]
    assert len(snapshots[0]) == 300


def test_demo_looks_like_the_two_associations(database: Database) -> None:
    result = fill_demo(database.sessions, registrations=500, seed=1)
    assert result.events == ("forum-montreal-2027", "partnering-toronto-2027")
    with database.sessions() as session:
        memberships = session.scalars(select(Membership)).all()
        bq_orgs = {
            m.organization_id
            for m in memberships
            if m.association.code == "bioquebec" and m.organization_id
        }
        lso_orgs = {
            m.organization_id
            for m in memberships
            if m.association.code == "lso" and m.organization_id
        }
        assert len(bq_orgs) == 270
        assert bq_orgs & lso_orgs  # some organizations are members of both
        assert any(m.holder_kind == "person" for m in memberships)  # LSO individuals
        assert any(m.valid_until and m.valid_until.year == 2026 for m in memberships)  # expired
        names = [o.name for o in session.scalars(select(Organization))]
        assert any(any(c in n for c in "éèêàç") for n in names)
        people = session.scalars(select(Person)).all()
        assert any(p.email and p.email.endswith("@gmail.com") for p in people)
        codes = session.scalars(select(Registration.code)).all()
        assert len(set(codes)) == len(codes) and all(len(c) == 16 for c in codes)
        statuses = {r.status for r in session.scalars(select(Registration))}
        assert statuses == {"active", "cancelled"}


def test_demo_refuses_a_database_with_registrations(database: Database) -> None:
    fill_demo(database.sessions, registrations=10, seed=1)
    with pytest.raises(Conflict, match="empty database"):
        fill_demo(database.sessions, registrations=10, seed=1)
