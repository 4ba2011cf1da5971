"""Retention and purge, erasure and access requests, checked against the database itself."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from desktop_app.db.database import Database
from desktop_app.db.models import (
    AuditEntry,
    CheckIn,
    Consent,
    Event,
    MembershipDecision,
    Payment,
    Person,
    Receipt,
    Registration,
)
from desktop_app.domain.errors import Invalid, NotFound
from desktop_app.services.desk.walkin import WalkInForm, register_walk_in
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.privacy import access_report, erase_person, plan_purge, purge
from desktop_app.services.reports import attendance_report, sales_report
from tests.services.money_desk import MONTREAL, TORONTO, setup_money_desk, total
from tests.services.reports_data import montreal

SHARED = "shared@example.org"
ONLY_MONTREAL = "walter@example.org"


@pytest.fixture
def people(database: Database) -> dict[str, int]:
    """Walter walked in at Montréal (cash, receipt, consent, a staff decision); Sam came to
    both events; Toronto is kept much longer than Montréal."""
    sessions = database.sessions
    setup_money_desk(sessions)
    price = total(MONTREAL, "on-site", sessions)
    walk_in = register_walk_in(
        sessions,
        MONTREAL,
        WalkInForm("Walter", "Inn", ONLY_MONTREAL, "Gamma inc.", "on-site", "fr"),
        PaymentInput("cash", price, tendered=price),
        desk="Desk 1",
        staff="Marie",
        action_id="w1",
        at=montreal(9, 0),
    )
    with sessions.begin() as session:
        walter = session.get(Registration, walk_in.registration_id)
        assert walter is not None
        session.add(
            Consent(
                person_id=walter.person_id,
                purpose="share-partner",
                wording_version="1",
                granted=True,
                recorded_at=datetime(2027, 3, 23, tzinfo=UTC),
            )
        )
        session.add(
            MembershipDecision(
                association_id=1,
                person_key=None,
                email=ONLY_MONTREAL,
                decision="not-member",
                decided_by="Sophie",
                decided_at=datetime(2027, 3, 23, tzinfo=UTC),
                reason="no membership",
            )
        )
        events = {e.slug: e for e in session.scalars(select(Event))}
        events[TORONTO].retention_days = 5000
        sam = Person(
            first_name="Sam",
            last_name="Both",
            email=SHARED,
            organization_name="Delta",
            created_at=datetime(2026, 11, 1, tzinfo=UTC),
        )
        session.add(sam)
        session.flush()
        for number, slug in enumerate((MONTREAL, TORONTO)):
            category = next(p for p in events[slug].prices if p.code == "non-member")
            session.add(
                Registration(
                    event_id=events[slug].id,
                    person_id=sam.id,
                    category_id=category.id,
                    code=f"SAMCODE{number}XXXXXXXX",
                    amount_due=Decimal(0),
                    amount_paid=Decimal(0),
                    status="active",
                    source="test",
                    created_at=datetime(2026, 11, 1, tzinfo=UTC),
                    notes="Needs a vegetarian lunch",
                )
            )
        return {"walter": walter.person_id, "sam": sam.id}


def after_montreal_retention(database: Database) -> datetime:
    with database.sessions() as session:
        event = session.scalars(select(Event).where(Event.slug == MONTREAL)).one()
        return event.ends_at + timedelta(days=event.retention_days + 1)


def test_the_dry_run_says_what_the_purge_then_does(
    database: Database, people: dict[str, int]
) -> None:
    now = after_montreal_retention(database)
    before = attendance_report(database.sessions, MONTREAL)
    sales_before = sales_report(database.sessions, MONTREAL)
    plan = plan_purge(database.sessions, now=now)
    assert plan.events == (MONTREAL,)
    # Walter goes; Sam stays for Toronto, still within its retention.
    assert (plan.people, plan.kept_people, plan.consents, plan.decisions) == (1, 1, 1, 1)
    assert (plan.receipts, plan.receipts_kept) == (0, 1)  # the receipt is a tax document
    with database.sessions() as session:
        assert session.get(Person, people["walter"]).email == ONLY_MONTREAL  # a dry run
    done = purge(database.sessions, staff="Sophie", now=now)
    assert done.done and done.people == 1
    with database.sessions() as session:
        walter = session.get(Person, people["walter"])
        sam = session.get(Person, people["sam"])
        assert walter is not None and sam is not None
        assert (walter.first_name, walter.email, walter.organization_name) == ("", None, None)
        assert walter.last_name == f"#{walter.id}" and walter.anonymized_at is not None
        assert sam.email == SHARED and sam.anonymized_at is None
        assert session.scalar(select(func.count()).select_from(Consent)) == 0
        assert session.scalar(select(func.count()).select_from(MembershipDecision)) == 0
        receipt = session.scalars(select(Receipt)).one()
        assert receipt.buyer_name == "Walter Inn"  # kept as issued for the tax authorities
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "privacy.purged")
        ).one()
        assert entry.detail is not None and entry.detail["people"] == 1
        assert ONLY_MONTREAL not in json.dumps(entry.detail)
    # The reports still add up: the same counts and amounts, without the names.
    after = attendance_report(database.sessions, MONTREAL)
    assert (after.registered, after.checked_in, after.by_association) == (
        before.registered,
        before.checked_in,
        before.by_association,
    )
    assert sales_report(database.sessions, MONTREAL).totals == sales_before.totals
    # A purge run again finds nothing new.
    assert plan_purge(database.sessions, now=now).people == 0


def test_receipts_lose_their_buyer_only_after_the_tax_retention(
    database: Database, people: dict[str, int]
) -> None:
    purge(database.sessions, staff="Sophie", now=after_montreal_retention(database))
    later = datetime(2034, 1, 2, tzinfo=UTC)  # 2027's receipts: kept until the end of 2033
    assert plan_purge(database.sessions, now=later).receipts == 1
    purge(database.sessions, staff="Sophie", now=later)
    with database.sessions() as session:
        receipt = session.scalars(select(Receipt)).one()
        assert (receipt.buyer_name, receipt.buyer_organization) == ("—", None)
        assert receipt.total > 0  # the amounts stay
    # And receipts are immutable again afterwards.
    with pytest.raises(DBAPIError), database.sessions.begin() as session:
        session.execute(text("UPDATE receipts SET total = 0"))


def test_erasure_on_request_and_the_access_export(
    database: Database, people: dict[str, int]
) -> None:
    report = access_report(database.sessions, "SHARED@example.org", staff="Sophie")
    [sam] = report["people"]
    with database.sessions() as session:
        registrations = session.scalar(
            select(func.count())
            .select_from(Registration)
            .where(Registration.person_id == people["sam"])
        )
    assert len(sam["registrations"]) == registrations == 2
    assert sam["person"]["email"] == SHARED
    assert {r["event"] for r in sam["registrations"]} == {MONTREAL, TORONTO}
    assert sam["registrations"][0]["notes"] == "Needs a vegetarian lunch"
    walter = access_report(database.sessions, ONLY_MONTREAL, staff="Sophie")["people"][0]
    with database.sessions() as session:
        for key, model, column in (
            ("check_ins", CheckIn, CheckIn.registration_id),
            ("payments", Payment, Payment.registration_id),
            ("receipts", Receipt, Receipt.registration_id),
        ):
            ids = [r["id"] for r in walter["registrations"]]
            held = session.scalar(select(func.count()).select_from(model).where(column.in_(ids)))
            assert len(walter[key]) == held == 1
    assert walter["consents"][0]["purpose"] == "share-partner"
    assert walter["membership_decisions"][0]["decision"] == "not-member"
    assert any(e["action"] == "walkin.registered" for e in walter["audit_entries"])

    with pytest.raises(Invalid):
        erase_person(database.sessions, SHARED, reason=" ", staff="Sophie")
    assert erase_person(database.sessions, SHARED, reason="Asked by email", staff="Sophie") == 1
    with database.sessions() as session:
        sam_row = session.get(Person, people["sam"])
        assert sam_row is not None and sam_row.email is None and sam_row.anonymized_at
        notes = session.scalars(
            select(Registration.notes).where(Registration.person_id == people["sam"])
        ).all()
        assert notes == [None, None]
    with pytest.raises(NotFound):
        access_report(database.sessions, SHARED, staff="Sophie")
