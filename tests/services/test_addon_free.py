"""Free add-ons (a workshop at 0.00, seats counted) at F4 and the walk-in form: reserved as
pretix confirms a free order -- the seat, an audit entry, no payment and no receipt; mixed
with a priced add-on the receipt keeps a 0.00 line (pretix lists free products on invoices).
Both back ends: the tests take ``database``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Payment, Receipt, RegistrationSession
from desktop_app.domain.errors import Invalid
from desktop_app.services.desk.addon_sale import sell_addons
from desktop_app.services.desk.addons import addon_offers
from desktop_app.services.desk.walkin import WalkInForm, register_walk_in
from desktop_app.services.money.payments import PaymentInput
from tests.services.addons_data import GALA, addon_forum, with_free_workshop
from tests.services.money_desk import (
    BEFORE_MONTREAL,
    MEMBER_EMAIL,
    MONTREAL,
    SUPERVISOR,
    add_registration,
    audit_actions,
    count,
)

D = Decimal
FREE = with_free_workshop(capacity=1)


@pytest.fixture
def db(database: Database) -> Database:
    return addon_forum(database, FREE)


def _registered(db: Database, code: str) -> int:
    return add_registration(
        db.sessions, code, category="non-member", due=D("833.56"), paid=D("833.56"), email=None
    )


def _sell(db: Database, registration_id: int, *codes: str, **options: Any) -> Any:
    options.setdefault("action_id", "free-1")
    return sell_addons(
        db.sessions,
        registration_id,
        codes,
        options.pop("payment", None),
        desk="Desk 2",
        staff="Marie",
        at=BEFORE_MONTREAL,
        **options,
    )


def test_a_free_add_on_is_reserved_without_payment_or_receipt(db: Database) -> None:
    guest = _registered(db, "F" * 16)
    result = _sell(db, guest, "workshop-b")
    assert (result.codes, result.total, result.receipt, result.reserved) == (
        ("workshop-b",),
        D("0.00"),
        None,
        True,
    )
    assert (count(db.sessions, Payment), count(db.sessions, Receipt)) == (0, 0)
    offer = next(o for o in addon_offers(db.sessions, guest) if o.code == "workshop-b")
    assert (offer.held, offer.seats_left) == (True, 0)
    assert "addons.reserved" in audit_actions(db.sessions)
    # The same action again (a retry) reserves nothing more and is not refused.
    again = _sell(db, guest, "workshop-b")
    assert again.codes == ("workshop-b",) and again.reserved
    assert count(db.sessions, RegistrationSession) == 1
    assert audit_actions(db.sessions).count("addons.reserved") == 1


def test_a_payment_given_for_a_free_add_on_is_ignored(db: Database) -> None:
    guest = _registered(db, "F" * 16)
    result = _sell(db, guest, "workshop-b", payment=PaymentInput("cash", D("0.00")))
    assert result.reserved and result.receipt is None
    assert count(db.sessions, Payment) == 0


def test_a_full_free_add_on_needs_a_supervisor_like_a_priced_one(db: Database) -> None:
    _sell(db, _registered(db, "F" * 16), "workshop-b")
    late = _registered(db, "L" * 16)
    with pytest.raises(Invalid, match="Workshop B is full: 1 of 1"):
        _sell(db, late, "workshop-b", action_id="free-2")
    assert count(db.sessions, RegistrationSession) == 1
    _sell(db, late, "workshop-b", action_id="free-3", override=SUPERVISOR)
    assert count(db.sessions, RegistrationSession) == 2


def test_mixed_with_the_gala_the_receipt_keeps_a_zero_line(db: Database) -> None:
    guest = _registered(db, "F" * 16)
    with pytest.raises(Invalid, match=r"cost 109.23"):
        _sell(db, guest, "gala", "workshop-b")
    assert count(db.sessions, RegistrationSession) == 0
    paid = PaymentInput("cash", GALA, tendered=D("120.00"))
    result = _sell(db, guest, "gala", "workshop-b", payment=paid)
    assert (result.total, result.reserved) == (GALA, False)
    with db.sessions() as session:
        receipt = session.scalars(select(Receipt)).one()
        items = [(i["description_en"], D(i["amount"])) for i in receipt.lines["items"]]
        assert receipt.total == GALA
    assert items == [("Add-on — Gala dinner", D("95.00")), ("Add-on — Workshop B", D("0.00"))]
    assert count(db.sessions, RegistrationSession) == 2


def test_a_walk_in_takes_a_free_workshop_with_the_admission(db: Database) -> None:
    form = WalkInForm(
        first_name="Camille",
        last_name="Tremblay",
        email=MEMBER_EMAIL,
        organization="Université de Montréal",
        category_code=None,
        language="fr",
        addons=("workshop-b",),
    )
    result = register_walk_in(
        db.sessions,
        MONTREAL,
        form,
        PaymentInput("cash", D("603.62")),
        desk="Desk 2",
        staff="Marie",
        action_id="walk-free",
        at=BEFORE_MONTREAL,
    )
    offer = next(
        o for o in addon_offers(db.sessions, result.registration_id) if o.code == "workshop-b"
    )
    assert offer.held and offer.seats_left == 0
