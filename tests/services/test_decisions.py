"""Staff decisions: stored with who, when and why, audited, and reused at later events."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from desktop_app.resources import as_path
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, MembershipDecision
from desktop_app.domain.errors import Invalid, NotFound
from desktop_app.services.admin.events import import_event_file
from desktop_app.services.membership.decisions import decisions_about, record_decision
from desktop_app.services.membership.directory import check_person
from desktop_app.services.membership.importing import import_members
from tests.services.member_lists import AT, snapshot

MONTREAL = "forum-montreal-2027"  # 2027-03-23
TORONTO = "partnering-toronto-2027"  # 2027-05-12
DECIDED = datetime(2027, 3, 23, 14, 5, tzinfo=UTC)


@pytest.fixture
def events(database: Database) -> Database:
    for name in ("forum-montreal-2027.toml", "partnering-toronto-2027.toml"):
        import_event_file(database.sessions, as_path("examples", name))
    import_members(database.sessions, "lso", as_path("examples", "lso-members.csv"), at=AT)
    return database


def test_decision_is_stored_audited_and_reused_at_a_later_event(events: Database) -> None:
    person = {"name": "Jean Inconnu", "email": "jean.inconnu@gmail.com"}
    before = check_person(events.sessions, MONTREAL, **person)
    assert before.associations == frozenset()

    decision = record_decision(
        events.sessions,
        "lso",
        decision="member",
        email="Jean.Inconnu@Gmail.com",
        name="Jean Inconnu",
        reason="Showed his 2027 LSO membership card",
        staff="M. Roy",
        desk="Desk 2",
        at=DECIDED,
    )
    assert (decision.email, decision.person_key) == ("jean.inconnu@gmail.com", "inconnu jean")

    with events.sessions() as session:
        stored = session.scalars(select(MembershipDecision)).one()
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "membership.decision")
        )
        entry = audit.one()
    assert (stored.decided_by, stored.decided_at, stored.reason) == (
        "M. Roy",
        DECIDED,
        "Showed his 2027 LSO membership card",
    )
    assert (entry.staff, entry.desk) == ("M. Roy", "Desk 2")
    assert entry.detail is not None and entry.detail["decision"] == "member"

    # Same person at the same event and at the next one: the staff evidence shows.
    for slug in (MONTREAL, TORONTO):
        verdict = check_person(events.sessions, slug, **person)
        assert verdict.associations == {"lso"}
        (evidence,) = [e for e in verdict.evidence if e.association == "lso"]
        assert evidence.kind == "staff-decision"
        assert "M. Roy" in evidence.detail and "LSO membership card" in evidence.detail
    # Known by name only (no email typed), the decision is found too.
    assert check_person(events.sessions, TORONTO, name="jean INCONNU").associations == {"lso"}
    assert [d.reason for d in decisions_about(events.sessions, email=person["email"])] == [
        "Showed his 2027 LSO membership card"
    ]


def test_not_member_decision_on_a_membership_number(events: Database) -> None:
    # Aisha Khan holds individual LSO membership 50001 with this address.
    person = {"email": "aisha.khan@utoronto.ca"}
    before = check_person(events.sessions, MONTREAL, **person)
    assert "personal-email" in {e.kind for e in before.evidence}
    record_decision(
        events.sessions,
        "lso",
        decision="not-member",
        email=person["email"],
        membership_number="50001",
        reason="Membership belongs to a namesake, confirmed by LSO",
        staff="Supervisor",
        at=DECIDED,
    )
    # University of Toronto (10002) is a corporate member: the domain still counts.
    verdict = check_person(events.sessions, TORONTO, **person)
    kinds = {e.kind for e in verdict.evidence}
    assert "personal-email" not in kinds and "email-domain" in kinds


def test_confirmed_candidate_links_the_membership(events: Database) -> None:
    decision = record_decision(
        events.sessions,
        "lso",
        decision="confirmed-candidate",
        name="Robert Taylor",
        membership_number="50002",
        reason="Same person, new address",
        staff="M. Roy",
        at=DECIDED,
    )
    assert decision.membership_id is not None
    verdict = check_person(events.sessions, TORONTO, name="Robert Taylor")
    assert verdict.associations == {"lso"}
    assert verdict.evidence[0].kind == "staff-decision"


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"reason": "   "}, Invalid, "Give the reason"),
        ({"staff": ""}, Invalid, "Say who made the decision"),
        ({"email": "not an address"}, Invalid, "is not an email address"),
        ({"email": None, "name": None}, Invalid, "needs a person or an email"),
        ({"decision": "maybe"}, Invalid, "Unknown decision"),
        ({"decision": "confirmed-candidate"}, Invalid, "Confirm which membership"),
        ({"membership_number": "99999"}, NotFound, "No current membership with number 99999"),
    ],
)
def test_bad_decisions_write_nothing(
    events: Database, changes: dict[str, object], error: type[Exception], message: str
) -> None:
    before = snapshot(events)
    arguments: dict[str, object] = {
        "decision": "member",
        "email": "x@example.ca",
        "name": "X Y",
        "reason": "Because",
        "staff": "M. Roy",
        **changes,
    }
    with pytest.raises(error, match=message):
        record_decision(events.sessions, "lso", **arguments)  # type: ignore[arg-type]
    assert snapshot(events) == before


def test_unknown_association_is_refused(database: Database, tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="Unknown association"):
        record_decision(
            database.sessions, "acme", decision="member", email="a@b.ca", reason="r", staff="s"
        )
