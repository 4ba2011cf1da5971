"""The attendee card (evidence in both languages, check-in, badges) and edits from it."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from desktop_app.db.database import Database
from desktop_app.db.models import BadgePrint, Person
from desktop_app.domain import membership as vocabulary
from desktop_app.domain.errors import Conflict, Invalid, NotFound
from desktop_app.domain.stored_verdict import evidence_message
from desktop_app.domain.taxes import compute_taxes
from desktop_app.services.desk.attendees import attendee_card
from desktop_app.services.desk.checkin import CheckInOutcome, check_in, undo_check_in
from desktop_app.services.desk.person_changes import edit_person, substitute
from desktop_app.services.membership.directory import check_person
from tests.services.desk_data import MONTREAL, add_registration, audit_entries, setup_desk

CODE = "ABCDEFGH23456789"
MEMBER_TOTAL = str(compute_taxes("QC", Decimal("525.00"), False).total)  # "member" in Montréal
FRENCH = {
    vocabulary.T_DOMAIN: "par le domaine {domain} de l'organisation ({organization})",
    vocabulary.T_NUMBER: "membre no {number}",
    vocabulary.T_VALID_UNTIL: "valide jusqu'au {date}",
    "{association} — {evidence}": "{association} — {evidence}",
}


def french(text: str) -> str:
    return FRENCH.get(text, text)


@pytest.fixture
def desk(database: Database) -> Database:
    setup_desk(database.sessions)
    return database


def test_card_shows_evidence_as_translatable_sentences(desk: Database) -> None:
    by_domain = check_person(desk.sessions, MONTREAL, email="ana@umontreal.ca")
    by_number = check_person(desk.sessions, MONTREAL, member_number="BQ-0001")
    cards = [
        attendee_card(
            desk.sessions,
            add_registration(
                desk.sessions,
                code,
                email="ana@umontreal.ca",
                organization="Université de Montréal",
                category="member",
                due=MEMBER_TOTAL,
                verdict=found.to_json(),
            ),
        )
        for code, found in (("A" * 16, by_domain), ("B" * 16, by_number))
    ]
    assert [(c.marking, c.associations) for c in cards] == [("bioquebec", ("bioquebec",))] * 2
    lines = [line.line().render() for card in cards for line in card.evidence]
    assert lines == [
        "BIOQuébec — via the organization's domain umontreal.ca (Université de Montréal),"
        " valid until 2027-12-31",
        "BIOQuébec — member no. BQ-0001, valid until 2027-12-31",
    ]
    assert [line.text.render(french) for card in cards for line in card.evidence] == [
        "par le domaine umontreal.ca de l'organisation (Université de Montréal),"
        " valide jusqu'au 2027-12-31",
        "membre no BQ-0001, valide jusqu'au 2027-12-31",
    ]
    assert [line.kind for card in cards for line in card.evidence] == [
        "email-domain",
        "member-number",
    ]
    assert (cards[0].balance_due, cards[0].credit_due) == (Decimal("0.00"), Decimal("0.00"))


def test_unknown_evidence_text_is_shown_as_stored() -> None:
    item = {"association": "lso", "kind": "member-number", "detail": "something new"}
    assert evidence_message(item).render() == "something new"
    assert evidence_message({"kind": "future-kind", "detail": "x, valid until 2027-01-01"}).render()


def test_card_shows_check_in_badges_and_amounts(desk: Database) -> None:
    rid = add_registration(desk.sessions, CODE, due="200.00", paid="250.00", verdict=None)
    check_in(desk.sessions, MONTREAL, CODE, desk="Desk 3", staff="Ana")
    with desk.sessions.begin() as session:
        for _ in range(2):
            session.add(
                BadgePrint(
                    registration_id=rid,
                    printed_at=datetime.now(UTC),
                    desk="Desk 3",
                    staff="Ana",
                    stock="avery-5392",
                    destination="printer",
                )
            )
    card = attendee_card(desk.sessions, rid)
    assert (card.checked_in, card.checked_in_desk, card.checked_in_by) == (True, "Desk 3", "Ana")
    assert card.badges_printed == 2
    assert (card.balance_due, card.credit_due) == (Decimal("0.00"), Decimal("50.00"))
    assert (card.marking, card.evidence) == (None, ())
    assert (card.category_code, card.category_name_en) == ("non-member", "Non-member")
    with pytest.raises(NotFound):
        attendee_card(desk.sessions, 9999)


def test_edit_person_is_validated_and_audited_with_before_and_after(desk: Database) -> None:
    rid = add_registration(desk.sessions, CODE, email="benoit@gmail.com", organization=None)
    with pytest.raises(Invalid, match="not an email address"):
        edit_person(
            desk.sessions,
            rid,
            first_name="Benoît",
            last_name="Lachance",
            email="benoit at gmail",
            organization=None,
            notes=None,
            desk="d",
            staff="Ana",
        )
    with pytest.raises(Invalid, match="Enter the last name"):
        edit_person(
            desk.sessions,
            rid,
            first_name="Benoît",
            last_name="  ",
            email=None,
            organization=None,
            notes=None,
            desk="d",
            staff="Ana",
        )
    card = edit_person(
        desk.sessions,
        rid,
        first_name="Benoit",
        last_name="Lachance",
        email="benoit@umontreal.ca",
        organization="Université de Montréal",
        notes="Vegetarian lunch",
        desk="Desk 1",
        staff="Ana",
    )
    assert (card.first_name, card.email, card.notes) == (
        "Benoit",
        "benoit@umontreal.ca",
        "Vegetarian lunch",
    )
    # A new email at a member organization changes the verdict.
    assert card.marking == "bioquebec"
    (entry,) = audit_entries(desk.sessions, "person.edited")
    assert (entry.desk, entry.staff) == ("Desk 1", "Ana")
    assert entry.detail is not None
    assert entry.detail["changes"] == {
        "first_name": ["Benoît", "Benoit"],
        "email": ["benoit@gmail.com", "benoit@umontreal.ca"],
        "organization": [None, "Université de Montréal"],
        "notes": [None, "Vegetarian lunch"],
    }


def test_substitute_moves_the_registration_and_recomputes_the_verdict(desk: Database) -> None:
    found = check_person(desk.sessions, MONTREAL, email="ana@umontreal.ca")
    rid = add_registration(
        desk.sessions,
        CODE,
        first_name="Ana",
        last_name="Silva",
        email="ana@umontreal.ca",
        organization="Université de Montréal",
        category="member",
        due=MEMBER_TOTAL,
        verdict=found.to_json(),
    )
    before = attendee_card(desk.sessions, rid)
    colleague = substitute(
        desk.sessions,
        rid,
        first_name="Jean",
        last_name="Tremblay",
        email="jean@umontreal.ca",
        organization="Université de Montréal",
        desk="Desk 2",
        staff="Ana",
    )
    assert colleague.name == "Jean Tremblay" and colleague.code == CODE
    assert colleague.person_id != before.person_id
    assert colleague.marking == "bioquebec" and colleague.balance_due == Decimal("0.00")
    with desk.sessions() as session:
        assert session.get(Person, before.person_id) is not None  # the original is kept
    (entry,) = audit_entries(desk.sessions, "registration.substituted")
    assert entry.detail is not None
    assert entry.detail["from"]["name"] == "Ana Silva"
    assert entry.detail["to"]["name"] == "Jean Tremblay"
    assert (entry.desk, entry.staff) == ("Desk 2", "Ana")


def test_a_non_member_substitute_owes_the_difference(desk: Database) -> None:
    """A non-member taking a member's place owes the non-member price: the desk then blocks."""
    found = check_person(desk.sessions, MONTREAL, email="ana@umontreal.ca")
    rid = add_registration(
        desk.sessions,
        CODE,
        email="ana@umontreal.ca",
        organization="Université de Montréal",
        category="member",
        due=MEMBER_TOTAL,
        verdict=found.to_json(),
    )
    outsider = substitute(
        desk.sessions,
        rid,
        first_name="Paul",
        last_name="Roy",
        email="paul.roy@gmail.com",
        organization=None,
        desk="Desk 2",
        staff="Ana",
    )
    assert outsider.marking == "guest"
    assert outsider.membership_flag == "balance-due"
    assert outsider.balance_due > Decimal("0.00")
    blocked = check_in(desk.sessions, MONTREAL, CODE, desk="Desk 2", staff="Ana")
    assert blocked.outcome is CheckInOutcome.PAYMENT_DUE
    assert blocked.balance_due == outsider.balance_due


def test_a_checked_in_or_cancelled_registration_is_not_substituted(desk: Database) -> None:
    rid = add_registration(desk.sessions, CODE)
    check_in(desk.sessions, MONTREAL, CODE, desk="d", staff="s")
    kwargs = {
        "first_name": "Jean",
        "last_name": "Roy",
        "email": None,
        "organization": None,
        "desk": "d",
        "staff": "s",
    }
    with pytest.raises(Conflict, match="undo the check-in"):
        substitute(desk.sessions, rid, **kwargs)  # type: ignore[arg-type]
    undo_check_in(desk.sessions, rid, desk="d", staff="s", reason="badge for a colleague")
    assert substitute(desk.sessions, rid, **kwargs).name == "Jean Roy"  # type: ignore[arg-type]
    cancelled = add_registration(desk.sessions, "Z" * 16, status="cancelled")
    with pytest.raises(Conflict, match="cancelled"):
        substitute(desk.sessions, cancelled, **kwargs)  # type: ignore[arg-type]
