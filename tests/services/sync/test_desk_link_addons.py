"""Add-ons sold on a shared desk while the server is gone (F4 and the walk-in form): sold from
the desk's copy with its seats, journaled by the payment, the receipt in the desk's offline
series; at catch-up the server gives the seats, judged again -- a gala filled meanwhile or a
seat sold twice is kept and told to the supervisor (``replay_addons``). Both back ends: the
tests take ``database`` (PostgreSQL with PASSERELLE_TEST_PG)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import (
    EventSession,
    Payment,
    Receipt,
    Registration,
    RegistrationSession,
)
from desktop_app.domain.errors import Conflict, Invalid, NotFound
from desktop_app.services.admin.staff import StaffMember
from desktop_app.services.desk.addon_sale import sell_addons
from desktop_app.services.desk.linked_desk import LinkedDesk
from desktop_app.services.desk.walkin import WalkInForm
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.sync import DeskLink, list_conflicts
from tests.services.addons_data import (
    ADMISSION,
    GALA,
    MEMBER,
    addon_forum,
    with_free_workshop,
)
from tests.services.money_desk import (
    BEFORE_MONTREAL,
    MONTREAL,
    SUPERVISOR,
    add_registration,
    count,
)

D = Decimal
PAID = D("833.56")  # what each registrant paid for the admission (non-member)
WALK_IN = WalkInForm(**{**MEMBER.__dict__, "addons": ("gala",)})


@pytest.fixture
def db(database: Database) -> Database:
    return addon_forum(database, with_free_workshop(capacity=5))  # the gala: 2 seats


def _registered(db: Database, code: str) -> int:
    return add_registration(
        db.sessions, code, category="non-member", due=PAID, paid=PAID, email=None
    )


def _holders(db: Database, session_code: str = "gala") -> set[str]:
    """The codes of the registrations that hold the session on the server."""
    with db.sessions() as session:
        rows = session.scalars(
            select(Registration.code)
            .join(RegistrationSession, RegistrationSession.registration_id == Registration.id)
            .join(EventSession, EventSession.id == RegistrationSession.session_id)
            .where(EventSession.code == session_code)
        )
        return set(rows)


def _gala_sold_on_the_server(db: Database, registration_id: int) -> None:
    """The gala sold by card at Desk B, on the server (while Desk A is apart)."""
    sell_addons(
        db.sessions,
        registration_id,
        ("gala",),
        PaymentInput("card", GALA, reference=f"B{registration_id}"),
        desk="Desk B",
        staff="Bo",
    )


@contextmanager
def _offline_desk(db: Database, tmp_path: Path) -> Iterator[tuple[DeskLink, LinkedDesk]]:
    """Desk A on the server, gone offline by choice; its link closed on the way out."""
    link = DeskLink("Desk A", tmp_path / "a.sqlite3", db.url, slug=MONTREAL)
    try:
        link.work_offline("test")
        yield link, LinkedDesk.on(link, MONTREAL, StaffMember(0, "Ann", "desk"))
    finally:
        link.close()


def test_an_offline_desk_sells_the_gala_and_the_server_gives_the_seat_at_catch_up(
    db: Database, tmp_path: Path
) -> None:
    guest = _registered(db, "G" * 16)
    with _offline_desk(db, tmp_path) as (link, desk):
        (gala,) = [o for o in desk.addon_offers(guest) if o.code == "gala"]  # from its copy
        assert (gala.seats_left, gala.total) == (2, GALA)
        sold = desk.sell_addons(
            guest, ("gala",), PaymentInput("cash", GALA, tendered=D("120.00")), action_id="off-1"
        )
        assert sold.codes == ("gala",) and sold.change_due == D("10.77")
        assert sold.receipt is not None and sold.receipt.number.startswith("OFF-DESKA-")
        walk_in = desk.register_walk_in(
            WALK_IN,
            PaymentInput("card", ADMISSION + GALA, reference="T1"),
            action_id="off-2",
            at=BEFORE_MONTREAL,
        )
        assert link.pending() == 2
        assert _holders(db) == set()  # nothing reached the server yet
        link.reconnect()
        assert link.mode == "shared" and link.pending() == 0
    # The server: both hold the gala; the payments and receipts are there under the numbers
    # printed offline; the guest's admission is still paid as it was (the gala apart).
    assert _holders(db) == {"G" * 16, walk_in.code}
    with db.sessions() as session:
        numbers = {f"{r.series.code}-{r.number:06d}" for r in session.scalars(select(Receipt))}
        guest_row = session.get(Registration, guest)
        assert guest_row is not None and guest_row.amount_paid == PAID
    assert sold.receipt.number in numbers
    assert count(db.sessions, Payment) == 2
    assert list_conflicts(db.sessions, MONTREAL) == []


def test_a_gala_filled_meanwhile_keeps_the_seat_sold_offline_and_says_so(
    db: Database, tmp_path: Path
) -> None:
    guest = _registered(db, "G" * 16)
    with _offline_desk(db, tmp_path) as (link, desk):
        desk.sell_addons(
            guest, ("gala",), PaymentInput("card", GALA, reference="A1"), action_id="off-1"
        )
        # Meanwhile two others bought the last two seats at a desk on the server.
        for code in ("H" * 16, "J" * 16):
            _gala_sold_on_the_server(db, _registered(db, code))
        link.reconnect()
    assert _holders(db) == {"G" * 16, "H" * 16, "J" * 16}  # kept: the person paid
    (conflict,) = list_conflicts(db.sessions, MONTREAL)
    assert conflict.kind == "addon-full"
    assert (conflict.detail["taken"], conflict.detail["capacity"]) == (3, 2)
    text = str(conflict.message)
    assert "other desks had sold its last seats meanwhile: 3 people for 2 seats" in text


def test_a_gala_sold_twice_while_apart_is_given_once_and_the_payment_owed_back(
    db: Database, tmp_path: Path
) -> None:
    guest = _registered(db, "G" * 16)
    with _offline_desk(db, tmp_path) as (link, desk):
        desk.sell_addons(
            guest, ("gala",), PaymentInput("card", GALA, reference="A1"), action_id="off-1"
        )
        _gala_sold_on_the_server(db, guest)
        link.reconnect()
    assert _holders(db) == {"G" * 16}
    assert count(db.sessions, Payment) == 2  # both kept: no money is lost
    (conflict,) = list_conflicts(db.sessions, MONTREAL)
    assert conflict.kind == "addon-held"
    assert "already held it (sold at another desk too): 109.23 is owed back" in (
        str(conflict.message)
    )


def test_offline_free_add_ons_wait_for_the_server_and_nothing_is_kept(
    db: Database, tmp_path: Path
) -> None:
    guest = _registered(db, "G" * 16)
    with _offline_desk(db, tmp_path) as (link, desk):
        with pytest.raises(Conflict, match="Free add-ons are reserved on the server only"):
            desk.sell_addons(guest, ("workshop-b",), None, action_id="off-free")
        assert link.pending() == 0
    assert _holders(db, "workshop-b") == set()


def test_a_full_gala_a_supervisor_approved_offline_is_no_conflict(
    db: Database, tmp_path: Path
) -> None:
    guest = _registered(db, "G" * 16)
    for code in ("H" * 16, "J" * 16):  # the two seats, sold before
        _gala_sold_on_the_server(db, _registered(db, code))
    with _offline_desk(db, tmp_path) as (link, desk):
        paid = PaymentInput("card", GALA, reference="A1")
        with pytest.raises(Invalid, match="is full: 2 of 2"):  # the desk's copy knows
            desk.sell_addons(guest, ("gala",), paid, action_id="off-refused")
        desk.sell_addons(guest, ("gala",), paid, action_id="off-1", override=SUPERVISOR)
        link.reconnect()
    assert _holders(db) == {"G" * 16, "H" * 16, "J" * 16}
    assert list_conflicts(db.sessions, MONTREAL) == []  # the approval travelled with the sale


def test_offline_bad_sales_are_refused_plainly_and_nothing_waits(
    db: Database, tmp_path: Path
) -> None:
    """An unknown add-on, a wrong amount, one the person already holds: refused in one
    sentence from the desk's copy, nothing kept to be sent."""
    guest = _registered(db, "G" * 16)
    with _offline_desk(db, tmp_path) as (link, desk):
        paid = PaymentInput("card", GALA, reference="A1")
        with pytest.raises(NotFound, match="nope"):
            desk.sell_addons(guest, ("nope",), paid, action_id="off-unknown")
        with pytest.raises(Invalid, match="is not the price of the add-ons"):
            wrong = PaymentInput("card", D("10.00"), reference="A2")
            desk.sell_addons(guest, ("gala",), wrong, action_id="off-wrong")
        desk.sell_addons(guest, ("gala",), paid, action_id="off-1")
        with pytest.raises(Conflict, match="already"):
            desk.sell_addons(guest, ("gala",), paid, action_id="off-2")
        assert link.pending() == 1  # the one sale, and nothing of the refusals
        link.reconnect()
    assert _holders(db) == {"G" * 16} and count(db.sessions, Payment) == 1
