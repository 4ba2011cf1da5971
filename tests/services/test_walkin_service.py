"""Walk-ins: the live quote, and one transaction that creates everything or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import (
    Association,
    AuditEntry,
    CheckIn,
    Membership,
    Organization,
    OrganizationDomain,
    Payment,
    Person,
    Receipt,
    ReceiptSeries,
    Registration,
)
from desktop_app.domain.errors import Conflict, Invalid
from desktop_app.domain.names import organization_key
from desktop_app.services.admin.staff import Override, create_staff, sign_in
from desktop_app.services.desk.search import find_by_code
from desktop_app.services.desk.walkin import WalkInForm, quote_walk_in, register_walk_in
from desktop_app.services.membership.verdicts import reassess
from desktop_app.services.money.payments import PaymentInput
from tests.documents.pdf_reading import flat, pdf_text
from tests.services.money_desk import (
    BEFORE_MONTREAL,
    BEFORE_TORONTO,
    MEMBER_EMAIL,
    MONTREAL,
    SUPERVISOR,
    TORONTO,
    audit_actions,
    count,
    setup_money_desk,
)

D = Decimal
MEMBER = WalkInForm(
    first_name="Camille",
    last_name="Tremblay",
    email=MEMBER_EMAIL,
    organization="Université de Montréal",
    category_code=None,
    language="fr",
)
GUEST = WalkInForm(
    first_name="Zébulon",
    last_name="Inconnu",
    email="zebulon.inconnu@gmail.com",
    organization="Entreprise Qui N'Existe Pas",
    category_code=None,
    language="en",
)
CREATED = (Person, Registration, Payment, Receipt, CheckIn)


@pytest.fixture
def db(database: Database) -> Database:
    setup_money_desk(database.sessions)
    return database


def walk_in(
    db: Database,
    form: WalkInForm = MEMBER,
    payment: PaymentInput | None = None,
    *,
    slug: str = MONTREAL,
    action_id: str = "walk-1",
    **options: Any,
) -> Any:
    return register_walk_in(
        db.sessions,
        slug,
        form,
        payment or PaymentInput("cash", D("603.62"), tendered=D("700.00")),
        desk="Desk 2",
        staff="Marie",
        action_id=action_id,
        at=BEFORE_TORONTO if slug == TORONTO else BEFORE_MONTREAL,
        **options,
    )


def counts(db: Database) -> list[int]:
    return [count(db.sessions, model) for model in CREATED]


def test_quote_gives_a_member_the_member_rate_with_gst_and_qst(db: Database) -> None:
    quote = quote_walk_in(db.sessions, MONTREAL, MEMBER, at=BEFORE_MONTREAL)
    assert quote.verdict.associations == frozenset({"bioquebec"})
    assert quote.category_code == "member"
    assert quote.quote is not None
    assert quote.quote.total == D("603.62")
    assert [(t.code, t.amount) for t in quote.quote.taxes] == [
        ("GST", D("26.25")),
        ("QST", D("52.37")),
    ]
    assert quote.offered[0].category == "member"
    assert quote.already_registered is None


def test_quote_gives_a_guest_the_non_member_rate(db: Database) -> None:
    quote = quote_walk_in(db.sessions, MONTREAL, GUEST, at=BEFORE_MONTREAL)
    assert quote.verdict.associations == frozenset()
    assert quote.category_code == "non-member"
    assert quote.quote is not None and quote.quote.total == D("833.57")
    assert "member" not in [q.category for q in quote.offered]
    # Asking for the member rate shows it, with the reason it cannot be sold.
    asked = quote_walk_in(
        db.sessions, MONTREAL, WalkInForm(**{**GUEST.__dict__, "category_code": "member"})
    )
    assert asked.quote is not None and not asked.quote.eligible


def test_quote_in_ontario_has_one_hst_line(db: Database) -> None:
    member = quote_walk_in(db.sessions, TORONTO, MEMBER, at=BEFORE_TORONTO)
    assert member.quote is not None
    assert (member.category_code, member.quote.total) == ("member", D("394.37"))
    assert [(t.code, t.amount) for t in member.quote.taxes] == [("HST", D("45.37"))]
    guest = quote_walk_in(db.sessions, TORONTO, GUEST, at=BEFORE_TORONTO)
    assert guest.quote is not None
    assert (guest.category_code, guest.quote.total) == ("non-member", D("563.87"))


def test_a_member_walk_in_paying_cash_creates_everything(db: Database) -> None:
    result = walk_in(db)
    assert result.change_due == D("96.38")
    assert result.receipt is not None
    assert result.receipt.number == "FORUM-MONTREAL-2027-000001"
    assert result.receipt.total == D("603.62")
    with db.sessions() as session:
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        assert registration.code == result.code
        assert (registration.source, registration.status) == ("walk-in", "active")
        assert registration.category.code == "member"
        assert (registration.amount_due, registration.amount_paid) == (D("603.62"), D("603.62"))
        assert registration.membership_flag is None
        assert registration.verdict is not None
        assert registration.verdict["marking"] == "bioquebec"
        person = registration.person
        assert (person.email, person.organization_name, person.preferred_language) == (
            MEMBER_EMAIL,
            "Université de Montréal",
            "fr",
        )
        payment = session.scalars(select(Payment)).one()
        assert (payment.method, payment.amount, payment.tendered, payment.change_due) == (
            "cash",
            D("603.62"),
            D("700.00"),
            D("96.38"),
        )
        assert payment.action_id == "walk-1"
        receipt = session.scalars(select(Receipt)).one()
        assert (receipt.payment_id, receipt.registration_id) == (payment.id, registration.id)
        check_in = session.scalars(select(CheckIn)).one()
        assert (check_in.desk, check_in.staff, check_in.action_id) == ("Desk 2", "Marie", "walk-1")
        assert check_in.registration_id == registration.id
        assert check_in.checked_in_at == result.checked_in_at
    assert {"walkin.registered", "receipt.issued", "checkin.created"} <= set(
        audit_actions(db.sessions)
    )
    text = flat(pdf_text(result.receipt.pdf))
    assert "Camille Tremblay" in text and "Membre" in text
    assert "Monnaie rendue / Change 96,38 $" in text
    assert "COPIE" not in text
    hit = find_by_code(db.sessions, MONTREAL, result.code)
    assert hit is not None and hit.checked_in and hit.balance_due == D("0.00")


def test_an_ontario_walk_in_by_card(db: Database) -> None:
    result = walk_in(
        db, GUEST, PaymentInput("card", D("563.87"), reference="TERM 8841"), slug=TORONTO
    )
    assert result.change_due is None
    assert result.receipt is not None
    text = flat(pdf_text(result.receipt.pdf))
    assert "PARTNERING-TORONTO-2027-000001" in text
    assert "HST (13%) / TVH (13 %) $64.87" in text
    assert "Card / Carte" in text and "TERM 8841" in text


def test_member_rate_without_membership_needs_a_supervisor(db: Database) -> None:
    form = WalkInForm(**{**GUEST.__dict__, "category_code": "member"})
    with pytest.raises(Invalid, match="supervisor"):
        walk_in(db, form)
    assert counts(db) == [0, 0, 0, 0, 0]
    result = walk_in(db, form, override=SUPERVISOR)
    with db.sessions() as session:
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        assert (registration.amount_due, registration.membership_flag) == (D("603.62"), None)
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "walkin.registered")
        ).one()
    assert entry.detail is not None
    assert entry.detail["supervisor"] == "Sophie"
    assert entry.detail["override_reason"] == SUPERVISOR.reason

    # A later reassessment (after a member list import) keeps the supervisor's price.
    reassess(db.sessions, MONTREAL)
    with db.sessions() as session:
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        assert (registration.amount_due, registration.membership_flag) == (D("603.62"), None)


def test_an_email_already_registered_is_pointed_out_first(db: Database) -> None:
    first = walk_in(db)
    again = WalkInForm(**{**MEMBER.__dict__, "email": MEMBER_EMAIL.upper(), "first_name": "Cam"})
    quote = quote_walk_in(db.sessions, MONTREAL, again, at=BEFORE_MONTREAL)
    assert quote.already_registered is not None
    assert quote.already_registered.code == first.code
    assert quote.already_registered.checked_in
    before = counts(db)
    with pytest.raises(Conflict, match="already registered"):
        walk_in(db, again, action_id="walk-2")
    assert counts(db) == before
    second = walk_in(db, again, action_id="walk-2", allow_duplicate_email=True)
    assert second.code != first.code
    assert count(db.sessions, Registration) == 2


def test_complimentary_needs_a_supervisor(db: Database) -> None:
    speaker = WalkInForm(**{**GUEST.__dict__, "category_code": "speaker"})
    free = PaymentInput("complimentary", D("0"))
    with pytest.raises(Invalid, match="supervisor"):
        walk_in(db, speaker, free)
    with pytest.raises(Invalid, match="PIN"):
        walk_in(db, speaker, free, override=Override("Sophie", "111122", "Conférencière"))
    boss = sign_in(db.sessions, "Sophie", "246810")
    create_staff(db.sessions, "Luc", "135790", "desk", by=boss)
    with pytest.raises(Invalid, match="not an active supervisor"):
        walk_in(db, speaker, free, override=Override("Luc", "135790", "Conférencière"))
    with pytest.raises(Invalid, match="reason"):
        walk_in(db, speaker, free, override=Override("Sophie", "246810", " "))
    assert counts(db) == [0, 0, 0, 0, 0]
    result = walk_in(db, speaker, free, override=SUPERVISOR)
    assert result.receipt is None
    with db.sessions() as session:
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        assert (registration.amount_due, registration.amount_paid) == (D("0.00"), D("0.00"))
        assert registration.role == "speaker"
        payment = session.scalars(select(Payment)).one()
        assert (payment.method, payment.amount) == ("comp", D("0.00"))
    assert counts(db) == [1, 1, 1, 0, 1]


def test_a_paid_category_given_free_by_a_supervisor_owes_nothing(db: Database) -> None:
    result = walk_in(db, GUEST, PaymentInput("complimentary", D("0")), override=SUPERVISOR)
    with db.sessions() as session:
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        assert registration.category.code == "non-member"
        assert (registration.amount_due, registration.amount_paid) == (D("0.00"), D("0.00"))


def test_an_invoice_leaves_the_balance_due_and_no_receipt(db: Database) -> None:
    with pytest.raises(Invalid, match="organization"):
        walk_in(
            db,
            WalkInForm(**{**GUEST.__dict__, "organization": None}),
            PaymentInput("invoice", D("833.57")),
        )
    result = walk_in(db, GUEST, PaymentInput("invoice", D("833.57"), reference="PO 5521"))
    assert result.receipt is None
    with db.sessions() as session:
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        assert (registration.amount_due, registration.amount_paid) == (D("833.57"), D("0.00"))
        payment = session.scalars(select(Payment)).one()
        assert payment.method == "invoice"
        assert payment.reference == "Entreprise Qui N'Existe Pas — PO 5521"
    assert counts(db) == [1, 1, 1, 0, 1]


@pytest.mark.parametrize(
    ("payment", "message"),
    [
        (PaymentInput("card", D("603.62")), "reference"),
        (PaymentInput("cash", D("603.62"), tendered=D("600.00")), "less than"),
        (PaymentInput("cash", D("525.00")), "not the price"),
        (PaymentInput("cheque", D("603.62")), "Unknown payment method"),
    ],
)
def test_a_bad_payment_creates_nothing(db: Database, payment: PaymentInput, message: str) -> None:
    with pytest.raises(Invalid, match=message):
        walk_in(db, MEMBER, payment)
    assert counts(db) == [0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"first_name": " ", "last_name": ""}, "name"),
        ({"email": "not-an-email"}, "email"),
        ({"language": "de"}, "language"),
    ],
)
def test_a_bad_form_creates_nothing(db: Database, changes: dict[str, Any], message: str) -> None:
    with pytest.raises(Invalid, match=message):
        walk_in(db, WalkInForm(**{**MEMBER.__dict__, **changes}))
    assert counts(db) == [0, 0, 0, 0, 0]


def test_the_same_action_twice_registers_once(db: Database) -> None:
    first = walk_in(db)
    again = walk_in(db)
    assert (again.registration_id, again.code) == (first.registration_id, first.code)
    assert again.receipt is not None and first.receipt is not None
    assert again.receipt.number == first.receipt.number
    assert again.change_due == first.change_due
    assert counts(db) == [1, 1, 1, 1, 1]


def test_a_failure_half_way_leaves_nothing_and_no_gap(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_check_in(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the desk lost power")

    monkeypatch.setattr("desktop_app.services.desk.walkin.add_check_in", broken_check_in)
    with pytest.raises(RuntimeError):
        walk_in(db)
    assert counts(db) == [0, 0, 0, 0, 0]
    assert count(db.sessions, ReceiptSeries) == 0
    monkeypatch.undo()
    result = walk_in(db)
    assert result.receipt is not None
    assert result.receipt.number == "FORUM-MONTREAL-2027-000001"


def test_a_new_member_list_is_seen_by_the_next_quote(db: Database) -> None:
    form = WalkInForm("Léa", "Roy", "lea.roy@nouvellebio.ca", "Nouvelle Bio", None, "fr")
    assert quote_walk_in(db.sessions, MONTREAL, form, at=BEFORE_MONTREAL).category_code == (
        "non-member"
    )
    with db.sessions.begin() as session:
        org = Organization(name="Nouvelle Bio inc.", name_key=organization_key("Nouvelle Bio"))
        session.add(org)
        session.flush()
        session.add(OrganizationDomain(organization_id=org.id, domain="nouvellebio.ca"))
        session.add(
            Membership(
                association_id=session.scalars(
                    select(Association.id).where(Association.code == "lso")
                ).one(),
                holder_kind="organization",
                organization_id=org.id,
                member_number="L-77",
                valid_from=date(2026, 1, 1),
                valid_until=date(2027, 12, 31),
                imported_at=datetime(2027, 2, 1, tzinfo=UTC),
            )
        )
    quote = quote_walk_in(db.sessions, MONTREAL, form, at=BEFORE_MONTREAL)
    assert quote.verdict.associations == frozenset({"lso"})
    assert quote.category_code == "member"
