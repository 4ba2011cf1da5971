"""``passerelle leads`` and ``passerelle networking``: exit codes, JSON, the files written."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.database import open_database
from tests.documents.pdf_reading import pdf_text
from tests.services.leads_data import ALPHA, BETA, setup_leads
from tests.services.money_desk import MONTREAL


@pytest.fixture
def db(database_url: str) -> str:
    database = open_database(database_url)
    try:
        setup_leads(database.sessions)
    finally:
        database.dispose()
    return database_url


def _scan(db: str, *args: str) -> int:
    return main(["--db", db, "leads", "scan", "--event", MONTREAL, *args])


def test_scan_keeps_a_consented_lead_and_refuses_the_others_with_exit_1(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _scan(db, "--exhibitor", "alpha", "LEAD-ANA", "--staff", ALPHA[0], "--rating", "4",
                 "--json") == 0  # fmt: skip
    shown = json.loads(capsys.readouterr().out)
    assert shown["result"] == "saved" and shown["name"] == "Ana Test" and shown["rating"] == 4
    assert "LEAD-ANA" not in json.dumps(shown)  # the admission code is never shown
    assert _scan(db, "--exhibitor", "alpha", "LEAD-CHLOE", "--staff", ALPHA[0]) == 1
    captured = capsys.readouterr()
    assert "not agreed" in captured.err and "Chlo" not in captured.err + captured.out
    assert _scan(db, "--exhibitor", "alpha", "LEAD-DAN", "--staff", ALPHA[0], "--json") == 1
    assert json.loads(capsys.readouterr().out) == {"result": "refused", "consent": False}
    # Another exhibitor's account is refused with one line, no traceback.
    assert _scan(db, "--exhibitor", "alpha", "LEAD-BOB", "--staff", BETA[0]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    with pytest.raises(SystemExit) as usage:  # argparse: a rating of 9 is a usage error
        _scan(db, "--exhibitor", "alpha", "LEAD-ANA", "--staff", ALPHA[0], "--rating", "9")
    assert usage.value.code == 2


def test_export_writes_only_the_exhibitors_leads_and_the_networking_list(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert _scan(db, "--exhibitor", "alpha", "LEAD-ANA", "--staff", ALPHA[0]) == 0
    assert _scan(db, "--exhibitor", "beta", "LEAD-BOB", "--staff", BETA[0]) == 0
    out = tmp_path / "alpha.csv"
    assert main(["--db", db, "leads", "export", "--event", MONTREAL, "--exhibitor", "alpha",
                 "--out", str(out), "--staff", ALPHA[0]]) == 0  # fmt: skip
    written = out.read_text(encoding="utf-8-sig")
    assert "Ana Test" in written and "Bob" not in written and "LEAD-" not in written
    bad = tmp_path / "alpha.txt"
    assert main(["--db", db, "leads", "export", "--event", MONTREAL, "--exhibitor", "alpha",
                 "--out", str(bad), "--staff", ALPHA[0]]) == 1  # fmt: skip
    assert not bad.exists()
    assert main(["--db", db, "leads", "report", "--event", MONTREAL, "--json"]) == 0
    capsys.readouterr()
    pdf = tmp_path / "networking.pdf"
    assert main(["--db", db, "networking", "list", "--event", MONTREAL, "--out", str(pdf),
                 "--staff", "Sophie", "--lang", "en"]) == 0  # fmt: skip
    text = pdf_text(pdf.read_bytes())
    assert "Ana Test" in text and "Bob Test" in text and "Chlo" not in text


def test_report_counts_leads_per_exhibitor_and_across_associations(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _scan(db, "--exhibitor", "alpha", "LEAD-ANA", "--staff", ALPHA[0])  # BIOQuébec at BIOQuébec
    _scan(db, "--exhibitor", "alpha", "LEAD-BOB", "--staff", ALPHA[0])  # LSO at BIOQuébec: across
    _scan(db, "--exhibitor", "beta", "LEAD-ANA", "--staff", BETA[0])  # BIOQuébec at LSO: across
    _scan(db, "--exhibitor", "gamma", "LEAD-BOB", "--staff", "Sophie")  # no membership: not
    capsys.readouterr()
    assert main(["--db", db, "leads", "report", "--event", MONTREAL, "--json"]) == 0
    rows = {r["exhibitor"]: r for r in json.loads(capsys.readouterr().out)}
    assert {code: (r["leads"], r["cross_association_leads"]) for code, r in rows.items()} == {
        "alpha": (2, 1),
        "beta": (1, 1),
        "gamma": (1, 0),
    }
    assert main(["--db", db, "report", "partnership", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    montreal = next(e for e in report["events"] if e["slug"] == MONTREAL)
    assert montreal["cross_association_leads"] == 2
    assert report["totals"]["cross_association_leads"] == 2


def test_an_exhibitor_account_is_created_from_the_command_line(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("975310\n246810\n"))
    assert main(["--db", db, "leads", "account", "--exhibitor", "gamma", "--name", "Stand Gamma",
                 "--by", "Sophie"]) == 0  # fmt: skip
    capsys.readouterr()
    assert _scan(db, "--exhibitor", "gamma", "LEAD-ANA", "--staff", "Stand Gamma") == 0
    assert _scan(db, "--exhibitor", "alpha", "LEAD-ANA", "--staff", "Stand Gamma") == 1
    assert main(["--db", db, "checkin", "--event", MONTREAL, "LEAD-ANA",
                 "--staff", "Stand Gamma"]) == 1  # fmt: skip
    assert "lead station" in capsys.readouterr().err
