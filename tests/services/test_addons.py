"""Add-ons sold at the desk: the walk-in form's and F4's list with seats left, the price and
taxes of each, the receipt's line per add-on, and a capacity never exceeded (both back ends:
the tests take ``database``, which runs on PostgreSQL too with PASSERELLE_TEST_PG)."""

from __future__ import annotations

import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import Payment, Receipt, Registration, RegistrationSession
from desktop_app.domain.errors import LANGUAGE_MARK, Conflict, Invalid, NotFound
from desktop_app.services.desk import addons as addons_module
from desktop_app.services.desk.addon_sale import sell_addons
from desktop_app.services.desk.addons import addon_offers
from desktop_app.services.desk.walkin import WalkInForm, quote_walk_in, register_walk_in
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.money.receipts import receipt_pdf
from tests.documents.pdf_reading import flat, pdf_text
from tests.services.addons_data import ADMISSION, GALA, MEMBER, addon_forum
from tests.services.money_desk import (
    BEFORE_MONTREAL,
    MONTREAL,
    SUPERVISOR,
    add_registration,
    audit_actions,
    count,
)

D = Decimal


@pytest.fixture
def db(database: Database) -> Database:
    return addon_forum(database)  # a gala of 2 seats at 95.00, an open workshop


def _registered(db: Database, code: str, category: str = "non-member") -> int:
    return add_registration(
        db.sessions, code, category=category, due=D("833.56"), paid=D("833.56"), email=None
    )


def _holds(db: Database, registration_id: int | None = None) -> int:
    where = (
        [] if registration_id is None else [RegistrationSession.registration_id == registration_id]
    )
    return count(db.sessions, RegistrationSession, *where)


def _sell(db: Database, registration_id: int, *codes: str, **options: Any) -> Any:
    options.setdefault("action_id", "addon-1")
    payment = options.pop("payment", PaymentInput("cash", GALA, tendered=D("120.00")))
    return sell_addons(
        db.sessions,
        registration_id,
        codes,
        payment,
        desk="Desk 2",
        staff="Marie",
        at=BEFORE_MONTREAL,
        **options,
    )


def test_the_walk_in_quote_lists_priced_sessions_with_their_taxes_and_seats(db: Database) -> None:
    quote = quote_walk_in(db.sessions, MONTREAL, MEMBER, BEFORE_MONTREAL)
    (gala,) = quote.addons  # the open workshop has no price: nothing to sell
    assert (gala.code, gala.name_fr, gala.name_en) == ("gala", "Souper gala", "Gala dinner")
    assert gala.breakdown.subtotal == D("95.00")
    assert [(t.code, t.amount) for t in gala.breakdown.taxes] == [
        ("GST", D("4.75")),
        ("QST", D("9.48")),
    ]
    assert (gala.total, gala.capacity, gala.seats_left, gala.full) == (GALA, 2, 2, False)
    # A member-early registrant is entitled through the category: a seat is taken.
    _registered(db, "M" * 16, category="member-early")
    assert quote_walk_in(db.sessions, MONTREAL, MEMBER, BEFORE_MONTREAL).addons[0].seats_left == 1


def test_a_walk_in_buys_the_gala_with_one_receipt_line_each(db: Database) -> None:
    form = WalkInForm(**{**MEMBER.__dict__, "addons": ("gala",)})
    with pytest.raises(Invalid, match=r"not the price of 'member' \(712.85\)"):
        register_walk_in(
            db.sessions,
            MONTREAL,
            form,
            PaymentInput("cash", ADMISSION),
            desk="Desk 2",
            staff="Marie",
            action_id="walk-short",
            at=BEFORE_MONTREAL,
        )
    assert count(db.sessions, Registration) == 0
    result = register_walk_in(
        db.sessions,
        MONTREAL,
        form,
        PaymentInput("cash", ADMISSION + GALA, tendered=D("720.00")),
        desk="Desk 2",
        staff="Marie",
        action_id="walk-gala",
        at=BEFORE_MONTREAL,
    )
    assert result.change_due == D("7.15")
    assert _holds(db, result.registration_id) == 1
    with db.sessions() as session:
        receipt = session.scalars(select(Receipt)).one()
        items = receipt.lines["items"]
        taxes = {t["code"]: D(t["amount"]) for t in receipt.taxes["lines"]}
        registration = session.get(Registration, result.registration_id)
        assert registration is not None
        # The admission's accounts stay the admission's: no credit owed for the gala.
        assert (registration.amount_due, registration.amount_paid) == (ADMISSION, ADMISSION)
    assert [(i["description_en"], D(i["amount"])) for i in items] == [
        ("Registration — BIOQuébec–LSO Joint Forum 2027 — Member", D("525.00")),
        ("Add-on — Gala dinner", D("95.00")),
    ]
    # Each line's taxes rounded on its own, then added: what the form showed.
    assert taxes == {"GST": D("26.25") + D("4.75"), "QST": D("52.37") + D("9.48")}
    assert (receipt.subtotal, receipt.total) == (D("620.00"), D("712.85"))
    assert result.receipt is not None
    text = flat(pdf_text(result.receipt.pdf))
    assert "Supplément — Souper gala" in text and "Add-on — Gala dinner" in text
    # Each line's own taxes under it (French first at a Québec event).
    assert "TPS / GST 26,25 $ · TVQ / QST 52,37 $" in text
    assert "TPS / GST 4,75 $ · TVQ / QST 9,48 $" in text
    assert [(t["code"], t["amount"]) for t in items[1]["taxes"]] == [
        ("GST", "4.75"),
        ("QST", "9.48"),
    ]
    assert "addons.sold" in audit_actions(db.sessions)
    assert addon_offers(db.sessions, result.registration_id)[0].held


def test_f4_sells_the_gala_alone_with_a_receipt_for_it(db: Database) -> None:
    guest = _registered(db, "G" * 16)
    sold = _sell(db, guest, "gala")
    assert (sold.codes, sold.total, sold.change_due) == (("gala",), GALA, D("10.77"))
    assert sold.receipt is not None
    text = flat(pdf_text(receipt_pdf(db.sessions, sold.receipt.receipt_id, copy=False)))
    assert "Add-on — Gala dinner" in text and "Registration —" not in text
    with db.sessions() as session:
        registration = session.get(Registration, guest)
        assert registration is not None
        assert registration.amount_paid == D("833.56")  # the admission's, untouched
    # The same action again (a retry) sells nothing more and gives the same receipt.
    again = _sell(db, guest, "gala")
    assert again.receipt is not None and again.receipt.number == sold.receipt.number
    assert (_holds(db), count(db.sessions, Payment)) == (1, 1)
    with pytest.raises(Conflict, match="already holds Gala dinner"):
        _sell(db, guest, "gala", action_id="addon-2")


@pytest.mark.parametrize(
    ("codes", "error", "message"),
    [
        (("galla",), NotFound, r"no add-on 'galla' at this event \(add-ons: gala\)"),
        (("workshop-a",), Invalid, r"Workshop A \('workshop-a'\) has no price"),
        ((), Invalid, "Choose at least one add-on"),
    ],
)
def test_an_unknown_or_unpriced_add_on_is_refused_and_nothing_written(
    db: Database, codes: tuple[str, ...], error: type[Exception], message: str
) -> None:
    guest = _registered(db, "G" * 16)
    with pytest.raises(error, match=message):
        _sell(db, guest, *codes)
    assert (_holds(db), count(db.sessions, Payment), count(db.sessions, Receipt)) == (0, 0, 0)


def _french(text: str) -> str:
    return "fr" if text == LANGUAGE_MARK else text  # the language mark, as French reads it


def test_refusals_name_the_session_in_the_reader_s_language(db: Database) -> None:
    guest = _registered(db, "G" * 16)
    _sell(db, guest, "gala")
    with pytest.raises(Conflict) as held:
        _sell(db, guest, "gala", action_id="addon-2")
    with pytest.raises(Invalid) as unpriced:
        _sell(db, guest, "workshop-a", action_id="addon-3")
    _registered(db, "M" * 16, category="member-early")  # the gala's second seat
    with pytest.raises(Invalid) as full:
        _sell(db, _registered(db, "H" * 16), "gala", action_id="addon-4")
    for error, english, french in (
        (held.value, "Gala dinner", "Souper gala"),
        (unpriced.value, "Workshop A", "Atelier A"),
        (full.value, "Gala dinner is full", "Souper gala is full"),
    ):
        assert english in error.render() and french not in error.render()
        assert french in error.render(_french) and english not in error.render(_french)


def test_the_amount_must_be_the_add_ons_price(db: Database) -> None:
    guest = _registered(db, "G" * 16)
    with pytest.raises(Invalid, match=r"not the price of the add-ons \(109.23\)"):
        _sell(db, guest, "gala", payment=PaymentInput("cash", D("95.00")))
    with pytest.raises(Invalid, match="paid at the desk, in cash or by card"):
        _sell(db, guest, "gala", payment=PaymentInput("complimentary", D("0")))
    with pytest.raises(Invalid, match="paid at the desk, in cash or by card"):
        _sell(db, guest, "gala", payment=PaymentInput("invoice", GALA))
    assert (_holds(db), count(db.sessions, Payment)) == (0, 0)


def test_a_full_gala_is_sold_only_with_a_supervisor(db: Database) -> None:
    for code in ("A" * 16, "B" * 16):
        _registered(db, code, category="member-early")  # both seats
    guest = _registered(db, "G" * 16)
    (offer,) = addon_offers(db.sessions, guest)
    assert (offer.seats_left, offer.full, offer.held) == (0, True, False)
    with pytest.raises(Invalid, match="Gala dinner is full: 2 of 2: a supervisor must approve"):
        _sell(db, guest, "gala")
    assert (_holds(db), count(db.sessions, Payment)) == (0, 0)
    sold = _sell(db, guest, "gala", override=SUPERVISOR)
    assert sold.codes == ("gala",)
    with db.sessions() as session:
        from desktop_app.db.models import AuditEntry

        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "addons.sold")).one()
        assert (entry.detail["over_capacity"], entry.detail["supervisor"]) == (["gala"], "Sophie")


def test_four_desks_selling_the_last_seats_never_exceed_the_capacity(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each desk counts the seats, then waits before writing: on PostgreSQL, without the
    session's row lock all four would see a free seat and sell it (the registrations are
    four rows, locked apart). On SQLite the registration's lock is already the one writer's,
    so there this checks the outcome, not the lock."""
    guests = [_registered(db, letter * 16) for letter in "JKLM"]
    counted = addons_module.holders

    def slow_count(session: Session, event_id: int, found: Any) -> int:
        taken = counted(session, event_id, found)
        time.sleep(0.2)
        return taken

    monkeypatch.setattr(addons_module, "holders", slow_count)
    desks = [open_database(db.url) for _ in guests]
    barrier = threading.Barrier(len(guests))
    sold: list[Any] = []
    refused: list[str] = []
    errors: list[BaseException] = []

    def sell(index: int) -> None:
        try:
            barrier.wait()
            sold.append(
                sell_addons(
                    desks[index].sessions,
                    guests[index],
                    ("gala",),
                    PaymentInput("card", GALA, reference=f"AUTH-{index}"),
                    desk=f"desk-{index}",
                    staff="s",
                    action_id=f"race-{index}",
                    at=BEFORE_MONTREAL,
                )
            )
        except Invalid as error:
            refused.append(error.render())
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=sell, args=(i,)) for i in range(len(guests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for desk in desks:
        desk.dispose()
    assert not errors, errors
    assert (len(sold), _holds(db), count(db.sessions, Payment)) == (2, 2, 2)
    assert len(refused) == 2 and all("is full: 2 of 2" in r for r in refused)


def test_a_shared_desk_sells_add_ons_on_the_server_while_it_answers(
    db: Database, tmp_path: Path
) -> None:
    """Online, straight on the server (offline: tests/services/sync/test_desk_link_addons)."""
    from desktop_app.services.admin.staff import StaffMember
    from desktop_app.services.desk.linked_desk import LinkedDesk
    from desktop_app.services.sync import DeskLink

    guest = _registered(db, "G" * 16)
    link = DeskLink("Desk A", tmp_path / "a.sqlite3", db.url, slug=MONTREAL)
    try:
        desk = LinkedDesk.on(link, MONTREAL, StaffMember(0, "Ann", "desk"))
        sold = desk.sell_addons(
            guest, ("gala",), PaymentInput("card", GALA, reference="A1"), action_id="online-1"
        )
        assert sold.codes == ("gala",) and _holds(db, guest) == 1  # on the server
        assert link.pending() == 0
    finally:
        link.close()
    assert (_holds(db), count(db.sessions, Payment)) == (1, 1)


def test_a_receipt_whose_items_taxes_do_not_add_up_is_refused() -> None:
    from dataclasses import replace

    from desktop_app.documents.receipt import check_receipt
    from desktop_app.services.desk.addons import AddOnOffer, addon_breakdown, addon_line
    from tests.documents.test_receipts import quebec_receipt

    line = addon_line(AddOnOffer("gala", "Souper gala", "Gala", addon_breakdown("QC", D(95)), 2, 2))
    good = quebec_receipt("95.00", lines=(line,))  # GST 4.75 + QST 9.48, as the line's
    check_receipt(good)
    wrong = replace(good, lines=(replace(line, taxes=line.taxes[:1]),))
    with pytest.raises(Invalid, match="taxes of the receipt's items do not add up"):
        check_receipt(wrong)


def test_the_session_is_locked_before_its_seats_are_counted(db: Database) -> None:
    """What keeps two PostgreSQL desks from both selling the last seat (the race above
    cannot show it on SQLite, whose one writer already queues them): the session's row is
    written (locked) in the sale's transaction before its seats are counted."""
    from sqlalchemy import event

    guest = _registered(db, "G" * 16)
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split()).lower())

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        _sell(db, guest, "gala")
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    lock = next(i for i, s in enumerate(statements) if s.startswith("update event_sessions"))
    count_seats = [
        i for i, s in enumerate(statements) if "count(" in s and "registration_sessions" in s
    ]
    assert count_seats and lock < count_seats[0]
