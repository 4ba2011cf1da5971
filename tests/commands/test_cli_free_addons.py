"""``passerelle pay --addon`` with a free add-on (a workshop at 0.00, seats counted): reserved
without --payment (one given is ignored), no payment, no receipt; a priced one still needs
--payment, refused in one line, exit 1, nothing written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.db.database import Database, open_database
from desktop_app.db.models import Event, Payment, Receipt, RegistrationSession
from tests.services.money_desk import (
    GST_NO,
    MONTREAL,
    QST_NO,
    add_registration,
    audit_actions,
    count,
    setup_money_desk,
)
from tests.services.sessions_data import declare_sessions
from tests.services.test_addon_free import FREE

D = Decimal
DESK = ("--desk", "Desk 9", "--staff", "Sophie")
PAID = "PAID2345PAID2345"


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    setup_money_desk(db.sessions)
    declare_sessions(db.sessions, FREE)  # workshop-b: 1 seat at 0.00
    with db.sessions.begin() as session:
        event = session.scalars(select(Event).where(Event.slug == MONTREAL)).one()
        event.gst_hst_number, event.qst_number = GST_NO, QST_NO
    add_registration(db.sessions, PAID, due=D("603.62"), paid=D("603.62"), email="p@x.org")
    yield db
    db.dispose()


def _run(
    database: Database, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    code = main(["--db", database.url, "pay", "--event", MONTREAL, PAID, *DESK, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _written(database: Database) -> tuple[int, int, int]:
    return (
        count(database.sessions, RegistrationSession),
        count(database.sessions, Payment),
        count(database.sessions, Receipt),
    )


def test_pay_reserves_a_free_workshop_without_payment(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(database, capsys, "--addon", "workshop-b")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("Reserved for Benoît Lachance (PAID2345PAID2345)")
    assert "Workshop B" in lines[1] and "total 0.00" in lines[1]
    assert _written(database) == (1, 0, 0)
    assert "addons.reserved" in audit_actions(database.sessions)


def test_a_payment_given_for_a_free_workshop_is_ignored(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(database, capsys, "--addon", "workshop-b", "--payment", "cash", "--json")
    assert (code, err) == (0, "")
    done = json.loads(out)
    assert (done["reserved"], done["payment"], done["receipt"], done["total"]) == (
        True,
        None,
        None,
        "0.00",
    )
    assert [a["code"] for a in done["addons"]] == ["workshop-b"]
    assert _written(database) == (1, 0, 0)


def test_a_priced_add_on_or_a_balance_still_needs_payment(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (("--addon", "gala", "--addon", "workshop-b"), ()):
        code, out, err = _run(database, capsys, *args)
        assert (code, out) == (1, "")
        assert "--payment is required" in err and len(err.strip().splitlines()) == 1
    assert _written(database) == (0, 0, 0)
