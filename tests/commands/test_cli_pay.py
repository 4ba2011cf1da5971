"""``passerelle pay``: the desk's F4 from the command line -- the balance in cash or by card,
its receipt in the desk's series with each tax, refusals in one line with nothing written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.database import Database, open_database
from desktop_app.db.models import Payment, Receipt, Registration
from desktop_app.services.money.payments import PaymentInput, collect_balance
from tests.documents.pdf_reading import pdf_text
from tests.services.money_desk import MONTREAL, TORONTO, add_registration, count, setup_money_desk

D = Decimal
OWES = "OWES2345OWES2345"
PAID = "PAID2345PAID2345"
ONTARIO = "ONTA2345ONTA2345"
DESK = ("--desk", "Desk 9", "--staff", "Sophie")


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    setup_money_desk(db.sessions)
    add_registration(db.sessions, OWES, due=D("603.62"), paid=D("0.00"))
    add_registration(db.sessions, PAID, due=D("603.62"), paid=D("603.62"), email="p@x.org")
    add_registration(
        db.sessions, ONTARIO, slug=TORONTO, due=D("394.37"), paid=D("0.00"), email="o@x.org"
    )
    yield db
    db.dispose()


def run(database: Database, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", database.url, "pay", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def pay(database: Database, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code, out, err = run(database, capsys, *DESK, "--json", *args)
    assert (code, err) == (0, "")
    result: dict[str, object] = json.loads(out)
    return result


def taxes(result: dict[str, object]) -> list[tuple[object, object, object]]:
    lines = result["taxes"]
    assert isinstance(lines, list)
    return [(t["name"], t["rate"], t["amount"]) for t in lines]


def amount_paid(database: Database, code: str) -> Decimal:
    with database.sessions() as session:
        return session.query(Registration).filter_by(code=code).one().amount_paid


def test_cash_pays_the_balance_with_change_and_quebec_taxes(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    result = pay(
        database, capsys, "--event", MONTREAL, OWES, "--payment", "cash", "--tendered", "620"
    )
    assert (result["code"], result["receipt"]) == (OWES, "FORUM-MONTREAL-2027-000001")
    assert (result["subtotal"], result["total"]) == ("525.00", "603.62")
    assert taxes(result) == [("GST", "0.05", "26.25"), ("QST", "0.09975", "52.37")]
    assert (result["change_due"], result["balance_after"]) == ("16.38", "0.00")
    assert amount_paid(database, OWES) == D("603.62")


def test_ontario_balance_has_one_hst_line(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    result = pay(
        database, capsys, "--event", TORONTO, ONTARIO, "--payment", "card", "--reference", "A7"
    )
    assert (result["subtotal"], result["total"]) == ("349.00", "394.37")
    assert taxes(result) == [("HST", "0.13", "45.37")]


def test_part_of_the_balance_then_the_rest_share_the_desks_series(
    database: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = pay(database, capsys, "--event", MONTREAL, OWES, "--payment", "cash", "--amount", "100")
    assert (first["total"], first["balance_after"]) == ("100.00", "503.62")
    with database.sessions() as session:
        registration_id = session.query(Registration).filter_by(code=OWES).one().id
    at_the_desk = collect_balance(
        database.sessions,
        registration_id,
        PaymentInput("cash", D("3.62")),
        desk="Desk 1",
        staff="Sophie",
    )
    assert at_the_desk.number == "FORUM-MONTREAL-2027-000002"
    out = tmp_path / "recu.pdf"
    rest = pay(
        database, capsys, "--event", MONTREAL, OWES, "--payment", "card", "--reference", "A9",
        "--receipt-out", str(out),
    )  # fmt: skip
    assert (rest["receipt"], rest["total"], rest["balance_after"]) == (
        "FORUM-MONTREAL-2027-000003",
        "500.00",
        "0.00",
    )
    assert "FORUM-MONTREAL-2027-000003" in pdf_text(out.read_bytes())


def test_human_output_is_a_few_lines(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        database, capsys, *DESK, "--event", MONTREAL, OWES, "--payment", "cash", "--tendered", "700"
    )
    assert (code, err) == (0, "")
    assert 2 <= len(out.splitlines()) <= 4
    assert "FORUM-MONTREAL-2027-000001" in out and "96.38" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--event", "nope", OWES, "--payment", "cash"), "nope"),
        (("--event", MONTREAL, "NOPE2345NOPE2345", "--payment", "cash"), "NOPE2345NOPE2345"),
        (("--event", MONTREAL, ONTARIO, "--payment", "cash"), ONTARIO),  # another event's
        (("--event", MONTREAL, PAID, "--payment", "cash"), "Nothing is owed"),
        (("--event", MONTREAL, OWES, "--payment", "cash", "--tendered", "600"), "600.00"),
        (("--event", MONTREAL, OWES, "--payment", "cash", "--amount", "700"), "603.62"),
        (("--event", MONTREAL, OWES, "--payment", "cash", "--amount", "1.234"), "--amount"),
        (("--event", MONTREAL, OWES, "--payment", "cash", "--tendered", "1e3"), "--tendered"),
        (("--event", MONTREAL, OWES, "--payment", "cash", "--tendered", "9" * 30), "--tendered"),
        (("--event", MONTREAL, OWES, "--payment", "card"), "reference"),
    ],
)
def test_refusals_are_one_line_exit_1_and_write_nothing(
    database: Database, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: str
) -> None:
    code, out, err = run(database, capsys, *DESK, *args)
    assert (code, out) == (1, "")
    assert err.startswith("passerelle: ") and len(err.splitlines()) == 1
    assert words in err
    assert count(database.sessions, Payment) == 0
    assert count(database.sessions, Receipt) == 0
    assert amount_paid(database, OWES) == D("0.00")


def test_unknown_staff_is_refused(database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        database, capsys, "--desk", "D", "--staff", "Nobody", "--event", MONTREAL, OWES,
        "--payment", "cash",
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert "Nobody" in err
    assert count(database.sessions, Payment) == 0
