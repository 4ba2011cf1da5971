"""``passerelle receipt``: reprints marked COPIE / COPY, originals for unreceipted payments,
credit notes, and clear errors."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import AuditEntry, Payment, Receipt
from desktop_app.services.desk.walkin import WalkInForm, register_walk_in
from desktop_app.services.money.payments import PaymentInput
from tests.documents.pdf_reading import flat, pdf_text
from tests.services.money_desk import (
    BEFORE_MONTREAL,
    MONTREAL,
    add_registration,
    setup_money_desk,
)

D = Decimal
CREDIT = ("--credit-note", "--receipt", "FORUM-MONTREAL-2027-000001")
CAMILLE = WalkInForm(
    "Camille", "Tremblay", "camille@umontreal.ca", "Université de Montréal", None, "fr"
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(sqlite_url(tmp_path / "p.sqlite3"))
    setup_money_desk(db.sessions)
    yield db
    db.dispose()


def cli(database: Database, *args: str) -> int:
    return main(["--db", database.url.removeprefix("sqlite:///"), "receipt", *args])


def walk_in(database: Database) -> str:
    result = register_walk_in(
        database.sessions,
        MONTREAL,
        WalkInForm(
            "Camille", "Tremblay", "camille@umontreal.ca", "Université de Montréal", None, "fr"
        ),
        PaymentInput("card", D("603.62"), reference="AUTH 1"),
        desk="Desk 1",
        staff="Marie",
        action_id="cli-walk-in",
        at=BEFORE_MONTREAL,
    )
    return result.code


def test_registration_receipt_is_written_as_a_marked_copy(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = walk_in(database)
    out = tmp_path / "copie.pdf"
    assert cli(database, "--registration", code, "--out", str(out), "--json", "--desk", "D9") == 0
    result = json.loads(capsys.readouterr().out)
    assert result == {
        "number": "FORUM-MONTREAL-2027-000001",
        "kind": "receipt",
        "copy": True,
        "total": "603.62",
        "out": str(out),
    }
    text = flat(pdf_text(out.read_bytes()))
    assert "COPIE / COPY" in text and "603,62 $" in text
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    with database.sessions() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "receipt.reprinted")
        ).one()
        assert entry.desk == "D9"


def test_a_payment_without_receipt_gets_its_original_first(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = add_registration(database.sessions, "PAIDCASH", due=D("603.62"), paid=D("603.62"))
    with database.sessions.begin() as session:
        session.add(
            Payment(
                registration_id=reg,
                method="cash",
                amount=D("603.62"),
                tendered=D("603.62"),
                change_due=D("0.00"),
                reference=None,
                received_at=datetime(2027, 3, 23, 14, 0, tzinfo=UTC),
                desk="Desk 1",
                staff="Marie",
                action_id="cash-without-receipt",
            )
        )
    out = tmp_path / "original.pdf"
    assert cli(database, "--registration", "PAIDCASH", "--out", str(out)) == 0
    said = capsys.readouterr().out
    assert "Receipt FORUM-MONTREAL-2027-000001, total 603.62" in said
    assert "COPY" not in said
    text = flat(pdf_text(out.read_bytes()))
    assert "COPIE" not in text and "REÇU / RECEIPT" in text
    assert "2027-03-23 10:00" in text  # the payment's time, in the event's time zone
    # Asked again: the same receipt, now as a copy; no second receipt.
    assert cli(database, "--registration", "PAIDCASH", "--out", str(out), "--json", "--force") == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["number"], again["copy"]) == ("FORUM-MONTREAL-2027-000001", True)
    with database.sessions() as session:
        assert len(session.scalars(select(Receipt)).all()) == 1


def test_credit_note_from_the_command_line(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walk_in(database)
    out = tmp_path / "credit.pdf"
    args = ["--credit-note", "--receipt", "forum-montreal-2027-000001", "--out", str(out)]
    assert cli(database, *args, "--reason", "Erreur de tarif", "--amount", "50,00", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["number"] == "FORUM-MONTREAL-2027-000002"
    assert (result["kind"], result["total"], result["copy"]) == ("credit-note", "-50.00", False)
    text = flat(pdf_text(out.read_bytes()))
    assert "NOTE DE CRÉDIT / CREDIT NOTE" in text
    assert "FORUM-MONTREAL-2027-000001" in text and "Erreur de tarif" in text
    # The credit note itself can be reprinted by number, as a copy.
    copy = tmp_path / "credit-copy.pdf"
    assert cli(database, "--receipt", result["number"], "--out", str(copy)) == 0
    assert "Credit note FORUM-MONTREAL-2027-000002 (COPIE / COPY)" in capsys.readouterr().out
    assert "COPIE / COPY" in flat(pdf_text(copy.read_bytes()))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--registration", "NOSUCHCODE"], "no registration with the code NOSUCHCODE"),
        (["--registration", "UNPAID"], "No receipt was issued at the desk"),
        (["--receipt", "FORUM-MONTREAL-2027-000009"], "no receipt numbered"),
        (["--receipt", "nonsense"], "not a receipt number"),
        # The one money parser (#15 item 5): "1,234.50" reads as staff write it; these do not.
        ([*CREDIT, "--reason", "x", "--amount", "1e3"], "--amount: “1e3” is not an amount"),
        ([*CREDIT, "--reason", "x", "--amount", "9" * 30], "above 100000.00"),
    ],
)
def test_errors_are_one_clear_line(
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    add_registration(database.sessions, "UNPAID", due=D("603.62"), paid=D("0"))
    out = tmp_path / "x.pdf"
    assert cli(database, *args, "--out", str(out)) == 1
    error = capsys.readouterr().err
    assert error.startswith("passerelle: ") and message in error
    assert not out.exists()


def test_usage_errors(database: Database, tmp_path: Path) -> None:
    out = str(tmp_path / "x.pdf")
    with pytest.raises(SystemExit) as exit_info:
        cli(database, "--credit-note", "--receipt", "FORUM-MONTREAL-2027-000001", "--out", out)
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        cli(database, "--registration", "X", "--reason", "why", "--out", out)


def test_an_unwritable_file_says_the_receipt_exists(
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = walk_in(database)
    out = tmp_path / "r.pdf"

    def disk_full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # the check passes, the write fails
    assert cli(database, "--registration", code, "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "Cannot write" in err and "is issued; reprint it" in err and err.count("\n") == 1
    assert list(tmp_path.glob("*r.pdf*")) == []  # no half file, no temporary left
