"""``passerelle registrations import|reassess``: JSON shapes, text output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.database import Database
from tests.services.registration_data import (
    EVENTBRITE_EXAMPLE,
    MONTREAL,
    PRETIX_EXAMPLE,
    add_members,
    counts,
    setup_events,
)


@pytest.fixture
def db(database: Database, database_url: str) -> str:
    setup_events(database)
    add_members(database)
    return database_url


def test_import_json_has_counts_errors_and_flags(
    db: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["registrations", "import", "--db", db, "--event", MONTREAL, "--json"]
    assert main([*args, str(PRETIX_EXAMPLE)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {k: report[k] for k in ("added", "updated", "unchanged", "skipped", "rejected")} == {
        "added": 10,
        "updated": 0,
        "unchanged": 0,
        "skipped": 1,
        "rejected": 0,
    }
    assert report["errors"] == []
    assert report["flags"] == {"balance_due": 1, "credit_due": 1, "doubt": 1}
    balance = next(f for f in report["flagged"] if f["flag"] == "balance-due")
    assert (balance["name"], balance["amount_due"], balance["amount_paid"]) == (
        "Julie Fontaine",
        "833.57",
        "517.39",
    )

    assert main([*args, str(EVENTBRITE_EXAMPLE)]) == 0
    assert json.loads(capsys.readouterr().out)["layout"] == "eventbrite"
    assert main([*args, str(PRETIX_EXAMPLE)]) == 0
    assert json.loads(capsys.readouterr().out)["unchanged"] == 10


def test_import_rejected_rows_and_mapping(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Prénom,Nom,Billet\nAna,Silva,Passe VIP\nBo,Chen,Membre\n", "utf-8")
    args = ["registrations", "import", "--db", db, "--event", MONTREAL, str(path)]
    assert main([*args, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rejected"] == 1 and report["errors"][0]["row"] == 2
    assert "Passe VIP" in report["errors"][0]["reason"]

    assert main([*args, "--map-category", "Passe VIP=sponsor"]) == 0
    out = capsys.readouterr().out
    assert "1 added, 0 updated, 1 unchanged" in out and "0 rejected" in out


def test_dry_run_text_writes_nothing(
    db: str, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    before = counts(database)
    args = ["registrations", "import", "--db", db, "--event", MONTREAL, "--dry-run"]
    assert main([*args, str(PRETIX_EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dry run, nothing written: 10 added")
    assert "Julie Fontaine" in out and "balance-due" in out
    assert counts(database) == before


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--event", "no-such-event", str(PRETIX_EXAMPLE)], "no-such-event"),
        (["--event", MONTREAL, "/nonexistent/file.csv"], "does not exist"),
        (["--event", MONTREAL, str(PRETIX_EXAMPLE), "--map-category", "X=nope"], "nope"),
    ],
)
def test_user_errors_exit_1_with_one_line(
    db: str, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["registrations", "import", "--db", db, *extra]) == 1
    err = capsys.readouterr().err
    assert err.startswith("passerelle: ") and err.count("\n") == 1 and message in err


def test_bad_mapping_syntax_is_a_usage_error(db: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "registrations",
                "import",
                "--db",
                db,
                "--event",
                MONTREAL,
                "f.csv",
                "--map-category",
                "novalue",
            ]
        )
    assert exit_info.value.code == 2


def test_reassess_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["registrations", "import", "--db", db, "--event", MONTREAL, str(EVENTBRITE_EXAMPLE)])
    capsys.readouterr()
    assert main(["registrations", "reassess", "--db", db, "--event", MONTREAL, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "event": MONTREAL,
        "reassessed": 7,
        "changed": 0,
        "flags": {"balance_due": 2, "credit_due": 1, "doubt": 0},
    }
    assert main(["registrations", "reassess", "--db", db, "--event", MONTREAL]) == 0
    assert "7 registrations reassessed, 0 changed" in capsys.readouterr().out
