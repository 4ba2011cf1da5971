"""Demo registrations carry their verdicts and flags, so the desk can show every outcome."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Registration
from desktop_app.services.demo import fill_demo
from desktop_app.services.membership.verdicts import reassess


def test_demo_registrations_have_verdicts_and_every_flag(database: Database) -> None:
    fill_demo(database.sessions, registrations=1500, seed=1)
    with database.sessions() as session:
        rows = session.scalars(select(Registration)).all()
        assert all(r.verdict is not None and "marking" in r.verdict for r in rows)
        active = [r for r in rows if r.status == "active"]
        flags = Counter(r.membership_flag for r in active)
        assert set(flags) == {None, "balance-due", "credit-due", "doubt"}
        assert all(r.membership_flag is None for r in rows if r.status == "cancelled")
        markings = Counter(r.verdict["marking"] for r in active if r.verdict)
        assert set(markings) == {"bioquebec", "lso", "both", "guest"}
        for r in active:
            verdict = r.verdict or {}
            if r.membership_flag == "balance-due":
                assert r.amount_due > r.amount_paid and verdict["marking"] == "guest"
                assert r.category.eligibility == "member"
            elif r.membership_flag == "credit-due":
                assert r.amount_paid > r.amount_due and verdict["marking"] != "guest"
                assert r.category.eligibility == "non-member"
            elif r.membership_flag == "doubt":
                assert any(s["candidates"] for s in verdict["status"].values())
        unpaid = [r for r in active if r.amount_paid == Decimal(0) and r.amount_due > 0]
        assert unpaid  # some pay at the desk
    # What the demo stored is what a reassessment computes.
    for slug in ("forum-montreal-2027", "partnering-toronto-2027"):
        assert reassess(database.sessions, slug).changed == 0


def test_demo_with_members_only(database: Database) -> None:
    result = fill_demo(database.sessions, registrations=0, seed=1)
    assert result.registrations == 0 and result.memberships > 0
    with database.sessions() as session:
        assert session.scalars(select(Registration)).all() == []
