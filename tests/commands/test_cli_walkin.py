"""``passerelle walkin``: the desk's walk-in from the command line -- priced by membership,
taxed by province, receipted in the desk's series, refused in one line with nothing written."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.commands import walkin as walkin_command
from desktop_app.db.database import Database, open_database
from desktop_app.db.models import CheckIn, Consent, Payment, Receipt, Registration
from desktop_app.services.desk.walkin import WalkInForm, register_walk_in
from desktop_app.services.money.payments import PaymentInput
from tests.documents.pdf_reading import pdf_text
from tests.services.money_desk import (
    BEFORE_MONTREAL,
    BEFORE_TORONTO,
    MEMBER_EMAIL,
    MONTREAL,
    TORONTO,
    count,
    setup_money_desk,
)

D = Decimal
JEAN = ("--first-name", "Jean", "--last-name", "Tremblay")
DESK = ("--desk", "Desk 9", "--staff", "Sophie")


@pytest.fixture
def database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    db = open_database(database_url)
    setup_money_desk(db.sessions)
    monkeypatch.setattr(walkin_command, "sale_moment", lambda: BEFORE_MONTREAL)
    yield db
    db.dispose()


def run(database: Database, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", database.url, "walkin", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def sell(
    database: Database, capsys: pytest.CaptureFixture[str], *args: str, event: str = MONTREAL
) -> dict[str, object]:
    code, out, err = run(database, capsys, "--event", event, *JEAN, *DESK, "--json", *args)
    assert (code, err) == (0, "")
    result: dict[str, object] = json.loads(out)
    return result


def taxes(result: dict[str, object]) -> list[tuple[object, object, object]]:
    lines = result["taxes"]
    assert isinstance(lines, list)
    return [(t["name"], t["rate"], t["amount"]) for t in lines]


def test_a_member_pays_the_member_rate_with_gst_and_qst_on_their_own_lines(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sell(
        database, capsys, "--email", MEMBER_EMAIL, "--payment", "cash", "--tendered", "700"
    )
    assert (result["category"], result["marking"]) == ("member", "bioquebec")
    assert (result["subtotal"], result["total"]) == ("525.00", "603.62")
    assert taxes(result) == [("GST", "0.05", "26.25"), ("QST", "0.09975", "52.37")]
    assert (result["tendered"], result["change_due"]) == ("700.00", "96.38")
    with database.sessions() as session:
        registration = session.query(Registration).filter_by(code=result["code"]).one()
        assert (registration.source, registration.amount_paid) == ("walk-in", D("603.62"))
    assert count(database.sessions, CheckIn) == 1  # checked in in the same stroke


def test_a_non_member_pays_the_non_member_rate(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sell(
        database, capsys, "--email", "jean@gmail.com", "--payment", "card", "--reference", "A1"
    )
    assert (result["category"], result["marking"]) == ("non-member", "guest")
    assert (result["subtotal"], result["total"]) == ("725.00", "833.57")
    assert taxes(result) == [("GST", "0.05", "36.25"), ("QST", "0.09975", "72.32")]
    assert result["change_due"] is None


def test_ontario_charges_one_hst_line(
    database: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(walkin_command, "sale_moment", lambda: BEFORE_TORONTO)
    member = sell(database, capsys, "--email", MEMBER_EMAIL, "--payment", "cash", event=TORONTO)
    assert (member["category"], member["subtotal"], member["total"]) == (
        "member",
        "349.00",
        "394.37",
    )
    assert taxes(member) == [("HST", "0.13", "45.37")]


def test_receipt_numbers_follow_the_desks_series_and_the_pdf_names_its_number(
    database: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    at_the_desk = register_walk_in(
        database.sessions,
        MONTREAL,
        WalkInForm("Ana", "Silva", "ana@gmail.com", None, None, "fr"),
        PaymentInput("card", D("833.57"), reference="AUTH 1"),
        desk="Desk 1",
        staff="Sophie",
        action_id="desk-1",
        at=BEFORE_MONTREAL,
    )
    assert at_the_desk.receipt is not None
    assert at_the_desk.receipt.number == "FORUM-MONTREAL-2027-000001"
    out = tmp_path / "recu.pdf"
    result = sell(database, capsys, "--payment", "cash", "--receipt-out", str(out))
    assert result["receipt"] == "FORUM-MONTREAL-2027-000002"
    assert result["receipt_out"] == str(out)
    text = pdf_text(out.read_bytes())
    assert "FORUM-MONTREAL-2027-000002" in text
    assert "Jean Tremblay" in text
    after = register_walk_in(
        database.sessions,
        MONTREAL,
        WalkInForm("Léa", "Roy", "lea@gmail.com", None, None, "fr"),
        PaymentInput("cash", D("833.57")),
        desk="Desk 1",
        staff="Sophie",
        action_id="desk-2",
        at=BEFORE_MONTREAL,
    )
    assert after.receipt is not None and after.receipt.number == "FORUM-MONTREAL-2027-000003"


def test_human_output_names_code_receipt_taxes_and_change(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        database, capsys, "--event", MONTREAL, *JEAN, *DESK, "--payment", "cash",
        "--tendered", "900",
    )  # fmt: skip
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert 3 <= len(lines) <= 5
    assert "FORUM-MONTREAL-2027-000001" in out
    assert "GST 5 % 36.25" in out and "QST 9.975 % 72.32" in out and "833.57" in out
    assert "66.43" in out  # the change due


def test_consents_given_are_yes_and_the_others_no_as_the_desks_unticked_boxes(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    sell(database, capsys, "--payment", "cash", "--consent", "photos")
    with database.sessions() as session:
        answers = {c.purpose: c.granted for c in session.query(Consent)}
    assert answers == {"photos": True, "share-partner": False}


def test_complimentary_needs_a_supervisor_pin_and_reason(
    database: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(database, capsys, "--event", MONTREAL, *JEAN, *DESK, "--payment", "comp")
    assert (code, out) == (1, "")
    assert "--supervisor" in err and len(err.splitlines()) == 1
    assert count(database.sessions, Registration) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("246810\n"))
    result = sell(
        database, capsys, "--payment", "comp", "--supervisor", "Sophie", "--reason", "Invited"
    )
    assert (result["total"], result["receipt"], result["taxes"]) == ("0.00", None, [])


def test_invoice_reports_the_price_and_issues_no_receipt(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    result = sell(database, capsys, "--payment", "invoice", "--organization", "Acme Bio")
    assert (result["receipt"], result["total"]) == (None, "833.57")
    assert count(database.sessions, Receipt) == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--event", "nope", "--payment", "cash"), "nope"),
        (("--event", MONTREAL, "--category", "vip", "--payment", "cash"), "vip"),
        (("--event", MONTREAL, "--payment", "cash", "--tendered", "800"), "800.00"),
        (("--event", MONTREAL, "--payment", "cash", "--tendered", "1e3"), "--tendered"),
        (("--event", MONTREAL, "--payment", "card"), "reference"),
        (("--event", MONTREAL, "--payment", "cash", "--consent", "pub"), "pub"),
        (("--event", MONTREAL, "--payment", "cash", "--receipt-out", "/no/such/r.pdf"), "/no"),
        (("--event", MONTREAL, "--category", "member", "--payment", "cash"), "membership"),
    ],
)
def test_refusals_are_one_line_exit_1_and_write_nothing(
    database: Database, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: str
) -> None:
    code, out, err = run(database, capsys, *JEAN, *DESK, *args)
    assert (code, out) == (1, "")
    assert err.startswith("passerelle: ") and len(err.splitlines()) == 1
    assert words in err
    for model in (Registration, Payment, Receipt, CheckIn):
        assert count(database.sessions, model) == 0


def test_unknown_staff_is_refused(database: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        database, capsys, "--event", MONTREAL, *JEAN, "--desk", "D", "--staff", "Nobody",
        "--payment", "cash",
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert "Nobody" in err
    assert count(database.sessions, Registration) == 0


def test_an_existing_receipt_file_is_kept_unless_forced(
    database: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A receipt file already there is not replaced silently, and the sale is not made."""
    out = tmp_path / "receipt.pdf"
    out.write_bytes(b"yesterday's receipt")
    code, printed, err = run(
        database, capsys, "--event", MONTREAL, *JEAN, *DESK, "--payment", "cash",
        "--receipt-out", str(out),
    )  # fmt: skip
    assert (code, printed) == (1, "")
    assert "--force" in err and len(err.splitlines()) == 1
    assert out.read_bytes() == b"yesterday's receipt"
    assert count(database.sessions, Registration) == 0

    result = sell(database, capsys, "--payment", "cash", "--receipt-out", str(out), "--force")
    assert result["receipt_out"] == str(out)
    assert out.read_bytes().startswith(b"%PDF")
