"""``passerelle walkin --addon`` and ``passerelle pay --addon``: add-ons sold from the command
line, each named in the JSON with its own taxes; refusals in one line, exit 1, nothing written."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app import cli
from desktop_app.cli import main
from desktop_app.commands import walkin as walkin_command
from desktop_app.db.database import Database, open_database
from desktop_app.db.models import Event, Payment, Receipt, Registration, RegistrationSession
from tests.services.money_desk import (
    BEFORE_MONTREAL,
    GST_NO,
    MEMBER_EMAIL,
    MONTREAL,
    QST_NO,
    add_registration,
    count,
    setup_money_desk,
)
from tests.services.sessions_data import declare_sessions

D = Decimal
DESK = ("--desk", "Desk 9", "--staff", "Sophie")
CAMILLE = ("--first-name", "Camille", "--last-name", "Tremblay", "--email", MEMBER_EMAIL)
PAID = "PAID2345PAID2345"
GALA_JSON = {
    "code": "gala",
    "name_fr": "Souper gala",
    "name_en": "Gala dinner",
    "subtotal": "95.00",
    "taxes": [
        {"name": "GST", "rate": "0.05", "amount": "4.75"},
        {"name": "QST", "rate": "0.09975", "amount": "9.48"},
    ],
    "total": "109.23",
}


@pytest.fixture
def database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    db = open_database(database_url)
    setup_money_desk(db.sessions)
    declare_sessions(db.sessions)  # the gala: 2 seats at 95.00; an open workshop, no price
    with db.sessions.begin() as session:
        event = session.scalars(select(Event).where(Event.slug == MONTREAL)).one()
        event.gst_hst_number, event.qst_number = GST_NO, QST_NO
    add_registration(db.sessions, PAID, due=D("603.62"), paid=D("603.62"), email="p@x.org")
    monkeypatch.setattr(walkin_command, "sale_moment", lambda: BEFORE_MONTREAL)
    yield db
    db.dispose()


def run(database: Database, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", database.url, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def nothing_sold(database: Database) -> bool:
    return (
        count(database.sessions, RegistrationSession),
        count(database.sessions, Payment),
        count(database.sessions, Receipt),
    ) == (0, 0, 0)


def test_walkin_with_the_gala_names_it_with_its_taxes(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        database,
        capsys,
        "walkin",
        "--event",
        MONTREAL,
        *CAMILLE,
        *DESK,
        "--payment",
        "cash",
        "--tendered",
        "720",
        "--addon",
        "gala",
        "--json",
    )
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["addons"] == [GALA_JSON]
    assert (result["subtotal"], result["total"], result["change_due"]) == (
        "620.00",
        "712.85",
        "7.15",
    )
    assert [(t["name"], t["amount"]) for t in result["taxes"]] == [
        ("GST", "31.00"),
        ("QST", "61.85"),
    ]
    assert count(database.sessions, RegistrationSession) == 1
    with database.sessions() as session:
        registration = session.scalars(
            select(Registration).where(Registration.code == result["code"])
        ).one()
        assert registration.amount_paid == D("603.62")  # the admission's


def test_pay_sells_the_gala_alone_and_says_so(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        database,
        capsys,
        "pay",
        "--event",
        MONTREAL,
        PAID,
        *DESK,
        "--payment",
        "card",
        "--reference",
        "AUTH-77",
        "--addon",
        "gala",
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "109.23 received from Benoît Lachance (PAID2345PAID2345)."
    assert (
        lines[1]
        == "Add-on Gala dinner: subtotal 95.00, GST 5 % 4.75, QST 9.975 % 9.48, total 109.23."
    )
    assert lines[2].startswith("Receipt FORUM-MONTREAL-2027-000001: subtotal 95.00")
    with database.sessions() as session:
        receipt = session.scalars(select(Receipt)).one()
        assert [i["description_en"] for i in receipt.lines["items"]] == ["Add-on — Gala dinner"]


@pytest.mark.parametrize(
    ("addon", "message"),
    [
        ("galla", "There is no add-on 'galla' at this event (add-ons: gala)."),
        ("workshop-a", "Workshop A ('workshop-a') has no price: it is not sold as an add-on."),
    ],
)
def test_an_unknown_or_unpriced_add_on_is_refused_in_one_line(
    database: Database, capsys: pytest.CaptureFixture[str], addon: str, message: str
) -> None:
    for command in (
        ("walkin", "--event", MONTREAL, *CAMILLE, "--payment", "cash"),
        ("pay", "--event", MONTREAL, PAID, "--payment", "cash"),
    ):
        code, out, err = run(database, capsys, *command, *DESK, "--addon", addon)
        assert (code, out) == (1, "")
        assert message in err and len(err.strip().splitlines()) == 1
    assert nothing_sold(database) and count(database.sessions, Registration) == 1


def test_a_full_gala_needs_the_supervisor_options(
    database: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for code in ("A" * 16, "B" * 16):
        add_registration(
            database.sessions, code, category="member-early", due=D(0), paid=D(0), email=None
        )
    args = ("pay", "--event", MONTREAL, PAID, *DESK, "--payment", "cash", "--addon", "gala")
    code, out, err = run(database, capsys, *args)
    assert (code, out) == (1, "")
    assert "Gala dinner is full: 2 of 2: a supervisor must approve (--supervisor NAME" in err
    assert len(err.strip().splitlines()) == 1 and nothing_sold(database)
    monkeypatch.setattr(sys, "stdin", io.StringIO("246810\n"))
    code, out, err = run(database, capsys, *args, "--supervisor", "Sophie", "--reason", "VIP")
    assert (code, err) == (0, "")
    assert count(database.sessions, RegistrationSession) == 1


def test_a_refusal_names_the_session_in_the_command_s_language(
    database: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The French table as the merged .ts gives it: only the language mark, so the message's
    # wording stays the English template and only the session's name is asserted.
    monkeypatch.setattr(cli, "french", lambda: lambda text: "fr" if text == "en" else text)
    for code in ("A" * 16, "B" * 16):
        add_registration(
            database.sessions, code, category="member-early", due=D(0), paid=D(0), email=None
        )
    args = ("pay", "--event", MONTREAL, PAID, *DESK, "--payment", "cash", "--addon", "gala")
    for language, name in (("fr", "Souper gala"), ("en", "Gala dinner")):
        code, out, err = run(database, capsys, "--lang", language, *args)
        assert (code, out) == (1, "")
        assert f"{name} is full: 2 of 2" in err
    code, out, err = run(database, capsys, "--lang", "fr", *args[:-1], "workshop-a")
    assert code == 1 and "Atelier A ('workshop-a') has no price" in err
    assert nothing_sold(database)
