"""Settling a membership doubt from a registration: decided, judged again, audited, reused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, MembershipDecision, Registration
from desktop_app.domain.errors import Invalid, NotFound
from desktop_app.services.desk.attendees import attendee_card
from desktop_app.services.membership.decision_records import decide_for_registration
from desktop_app.services.membership.directory import check_person
from tests.ui.desk.desk_harness import fill, registration

TORONTO = "partnering-toronto-2027"
# Montréal's non-member rate before the event day: 725.00 + GST 36.25 + QST 72.32.
NON_MEMBER_TOTAL = Decimal("833.57")


@pytest.fixture
def demo(database: Database) -> Database:
    fill(database, registrations=160)
    return database


def _doubt(database: Database) -> Registration:
    return registration(database.sessions, flag="doubt")


def test_confirming_a_candidate_clears_the_doubt_and_shows_staff_evidence(demo: Database) -> None:
    doubt = _doubt(demo)
    before = attendee_card(demo.sessions, doubt.id)
    assert before.membership_flag == "doubt" and before.candidates
    candidate = before.candidates[0]
    assert candidate.label and 0 < candidate.score <= 100

    card = decide_for_registration(
        demo.sessions,
        doubt.id,
        association=candidate.association,
        decision="confirmed-candidate",
        membership_id=candidate.membership_id,
        reason="Works there: showed the company's badge",
        staff="Marie Roy",
        desk="Desk 2",
    )

    assert card.membership_flag is None
    assert card.balance_due == 0
    assert candidate.association in card.associations
    assert card.candidates == ()
    assert any(
        line.association == candidate.association and line.kind == "staff-decision"
        for line in card.evidence
    )
    assert "Marie Roy" in " ".join(line.line().render() for line in card.evidence)
    stored = attendee_card(demo.sessions, doubt.id)  # stored, not only returned
    assert (stored.membership_flag, stored.associations, stored.amount_due) == (
        card.membership_flag,
        card.associations,
        card.amount_due,
    )
    assert [line.line().render() for line in stored.evidence] == [
        line.line().render() for line in card.evidence
    ]


def test_not_a_member_on_a_member_rate_makes_the_difference_due(demo: Database) -> None:
    doubt = _doubt(demo)
    association = attendee_card(demo.sessions, doubt.id).candidates[0].association

    card = decide_for_registration(
        demo.sessions,
        doubt.id,
        association=association,
        decision="not-member",
        reason="The company is a namesake, not the member",
        staff="Marie Roy",
        desk="Desk 2",
    )

    assert card.membership_flag == "balance-due"
    assert card.associations == ()
    assert card.amount_due == NON_MEMBER_TOTAL
    assert card.balance_due == NON_MEMBER_TOTAL - doubt.amount_paid > 0


def test_the_decision_and_its_effect_are_audited(demo: Database) -> None:
    doubt = _doubt(demo)
    candidate = attendee_card(demo.sessions, doubt.id).candidates[0]

    decide_for_registration(
        demo.sessions,
        doubt.id,
        association=candidate.association,
        decision="confirmed-candidate",
        membership_id=candidate.membership_id,
        reason="Showed the company's badge",
        staff="Marie Roy",
        desk="Desk 2",
    )

    with demo.sessions() as session:
        stored = session.scalars(select(MembershipDecision)).one()
        entries = {
            e.action: e
            for e in session.scalars(
                select(AuditEntry).where(AuditEntry.action.like("%membership%"))
            )
        }
    assert (stored.decided_by, stored.reason, stored.membership_id) == (
        "Marie Roy",
        "Showed the company's badge",
        candidate.membership_id,
    )
    decided = entries["registration.membership-decided"]
    assert (decided.desk, decided.staff) == ("Desk 2", "Marie Roy")
    assert decided.detail is not None
    assert decided.detail["code"] == doubt.code
    assert decided.detail["flag"] == ["doubt", None]
    assert entries["membership.decision"].desk == "Desk 2"


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required_and_nothing_changes_without_one(demo: Database, reason: str) -> None:
    doubt = _doubt(demo)
    candidate = attendee_card(demo.sessions, doubt.id).candidates[0]

    with pytest.raises(Invalid) as raised:
        decide_for_registration(
            demo.sessions,
            doubt.id,
            association=candidate.association,
            decision="confirmed-candidate",
            membership_id=candidate.membership_id,
            reason=reason,
            staff="Marie Roy",
            desk="Desk 2",
        )

    assert "reason" in raised.value.message
    assert attendee_card(demo.sessions, doubt.id).membership_flag == "doubt"
    with demo.sessions() as session:
        assert session.scalars(select(MembershipDecision)).all() == []


def test_unknown_registration_or_membership_is_refused(demo: Database) -> None:
    doubt = _doubt(demo)
    with pytest.raises(NotFound):
        decide_for_registration(
            demo.sessions,
            10**9,
            association="lso",
            decision="member",
            reason="card",
            staff="Marie Roy",
            desk="Desk 2",
        )
    with pytest.raises(NotFound):
        decide_for_registration(
            demo.sessions,
            doubt.id,
            association="bioquebec",
            decision="confirmed-candidate",
            membership_id=10**9,
            reason="card",
            staff="Marie Roy",
            desk="Desk 2",
        )
    assert attendee_card(demo.sessions, doubt.id).membership_flag == "doubt"


def test_the_decision_is_reused_at_the_other_event(demo: Database) -> None:
    doubt = _doubt(demo)
    card = attendee_card(demo.sessions, doubt.id)
    candidate = card.candidates[0]
    person = {"name": card.name, "email": card.email, "organization": card.organization}
    assert candidate.association not in check_person(demo.sessions, TORONTO, **person).associations

    decide_for_registration(
        demo.sessions,
        doubt.id,
        association=candidate.association,
        decision="confirmed-candidate",
        membership_id=candidate.membership_id,
        reason="Showed the company's badge",
        staff="Marie Roy",
        desk="Desk 2",
    )

    later = check_person(demo.sessions, TORONTO, **person)
    assert candidate.association in later.associations
    assert any(
        e.kind == "staff-decision" and e.association == candidate.association
        for e in later.evidence
    )
