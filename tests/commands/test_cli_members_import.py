"""``passerelle members import`` and ``members decide``: JSON shapes, text, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from desktop_app.resources import as_path

from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from tests.services.member_lists import snapshot

BQ_LIST = str(as_path("examples", "bioquebec-members.csv"))
LSO_LIST = str(as_path("examples", "lso-members.csv"))


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "p.sqlite3"
    open_database(sqlite_url(path)).dispose()  # commands other than events import need one
    return str(path)


def run_json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> Any:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_import_json_counts_then_idempotent(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["members", "import", "--db", db, "--association", "bioquebec", BQ_LIST, "--json"]
    first = run_json(capsys, argv)
    assert {k: first[k] for k in ("added", "updated", "unchanged", "ended", "rejected")} == {
        "added": 24,
        "updated": 0,
        "unchanged": 0,
        "ended": 0,
        "rejected": 0,
    }
    assert first["errors"] == []
    second = run_json(capsys, argv)
    assert (second["added"], second["unchanged"]) == (0, 24)


def test_import_json_lists_rejected_rows(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.csv"
    path.write_text(
        "Member #,Organization,Expiry date\n"
        "1,Acme Inc.,2027-12-31\n"
        "1,Acme Again Inc.,2027-12-31\n"
        "2,Beta Inc.,someday\n",
        "utf-8",
    )
    result = run_json(
        capsys, ["members", "import", "--db", db, "--association", "lso", str(path), "--json"]
    )
    assert (result["added"], result["rejected"]) == (1, 2)
    assert result["errors"][0] == {
        "row": 3,
        "reason": "Member number 1 already appears on row 2; this row is ignored.",
    }
    assert result["errors"][1]["row"] == 4
    assert "someday" in result["errors"][1]["reason"]


def test_import_text_report_and_dry_run(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["members", "import", "--db", db, "--association", "lso", LSO_LIST]) == 0
    out = capsys.readouterr().out
    assert out.startswith("LSO member list lso-members.csv: 24 added, 0 updated, 0 unchanged")

    database = open_database(sqlite_url(Path(db)))
    try:
        before = snapshot(database)
        smaller = tmp_path / "smaller.csv"
        lines = Path(LSO_LIST).read_text("utf-8-sig").splitlines(keepends=True)
        smaller.write_text("".join(lines[:5]), "utf-8")
        argv = ["members", "import", "--db", db, "--association", "lso", str(smaller)]
        assert main([*argv, "--dry-run"]) == 0
        out = capsys.readouterr().out
        assert "4 unchanged, 20 ended" in out and "Dry run: nothing was written." in out
        assert snapshot(database) == before
    finally:
        database.dispose()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Ville;Pays\r\nMontreal;Canada\r\n", "has no name column"),
        (b"", "is empty"),
        (b"%PDF-1.7\n\x00\x01\x02", "is not a spreadsheet"),
        (b"Entreprise\r\nCaf\x81\x8d\r\n", "neither UTF-8 nor Windows"),
    ],
    ids=["no-name-column", "empty", "binary", "undecodable"],
)
def test_fatal_file_exits_1_with_one_line_and_writes_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    assert main(["members", "import", "--db", db, "--association", "bioquebec", BQ_LIST]) == 0
    capsys.readouterr()
    database = open_database(sqlite_url(Path(db)))
    try:
        before = snapshot(database)
        bad = tmp_path / "bad.csv"
        bad.write_bytes(content)
        argv = ["members", "import", "--db", db, "--association", "bioquebec", str(bad), "--json"]
        assert main(argv) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith("passerelle: ") and captured.err.count("\n") == 1
        assert message in captured.err
        assert snapshot(database) == before
    finally:
        database.dispose()


def test_map_option_is_remembered(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.csv"
    path.write_text("Raison;Adr. pro\nAcme inc.;info@acme.ca\n", "utf-8")
    argv = ["members", "import", "--db", db, "--association", "bioquebec", str(path), "--json"]
    assert main(argv) == 1
    assert "no name column" in capsys.readouterr().err
    result = run_json(capsys, [*argv, "--map", "organization=Raison", "--map", "email=Adr. pro"])
    assert result["added"] == 1 and result["mapping_remembered"] is True
    again = run_json(capsys, argv)
    assert again["unchanged"] == 1
    assert again["mapping"] == {"organization": "Raison", "email": "Adr. pro"}
    # Forgetting with a file that then has no name column keeps the mapping: nothing changes.
    assert main([*argv, "--forget-mapping"]) == 1
    assert run_json(capsys, argv)["unchanged"] == 1
    assert main([*argv, "--map", "organization"]) == 1
    assert "FIELD=HEADER" in capsys.readouterr().err
    other = tmp_path / "other.csv"
    other.write_text("Entreprise\nAcme inc.\n", "utf-8")
    forgot = run_json(
        capsys,
        ["members", "import", "--db", db, "--association", "bioquebec", str(other), "--json",
         "--forget-mapping"],
    )  # fmt: skip
    assert forgot["mapping_forgotten"] is True and forgot["unchanged"] == 1
    assert main(argv) == 1  # the mapping is gone


def test_unknown_association_is_a_usage_error(db: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["members", "import", "--db", db, "--association", "acme", BQ_LIST])
    assert exit_info.value.code == 2


def test_decide_json_and_reuse(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    event_file = str(as_path("examples", "forum-montreal-2027.toml"))
    assert main(["events", "import", "--db", db, event_file]) == 0
    assert main(["members", "import", "--db", db, "--association", "lso", LSO_LIST]) == 0
    capsys.readouterr()
    decided = run_json(
        capsys,
        [
            "members", "decide", "--db", db, "--association", "bioquebec",
            "--email", "jean.inconnu@gmail.com", "--decision", "member",
            "--reason", "Invoice from BIOQuébec shown", "--staff", "M. Roy", "--json",
        ],
    )  # fmt: skip
    assert decided["decision"] == "member" and decided["who"] == "M. Roy"
    assert decided["email"] == "jean.inconnu@gmail.com"
    verdict = run_json(
        capsys,
        [
            "members", "check", "--db", db, "--event", "forum-montreal-2027",
            "--email", "jean.inconnu@gmail.com", "--json",
        ],
    )  # fmt: skip
    assert verdict["associations"] == ["bioquebec"]
    assert verdict["evidence"][0]["kind"] == "staff-decision"

    linked = run_json(
        capsys,
        [
            "members", "decide", "--db", db, "--association", "lso", "--name", "Robert Taylor",
            "--decision", "not-member", "--membership-number", "50002",
            "--reason", "Namesake", "--staff", "Sup", "--json",
        ],
    )  # fmt: skip
    assert linked["membership_id"] is not None


def test_decide_errors_exit_1(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["members", "decide", "--db", db, "--association", "lso", "--decision", "member"]
    assert main([*base, "--reason", "r", "--staff", "s"]) == 1
    assert "--email or --name" in capsys.readouterr().err
    assert main([*base, "--email", "a@b.ca", "--reason", " ", "--staff", "s"]) == 1
    assert "reason" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*base, "--email", "a@b.ca", "--staff", "s"])  # --reason is required


def test_a_member_list_import_reassesses_the_registrations_of_coming_events(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    event = str(as_path("examples", "forum-montreal-2027.toml"))
    pretix = str(as_path("examples", "registrations-pretix-forum-montreal-2027.csv"))
    assert main(["--db", db, "events", "import", event]) == 0
    capsys.readouterr()
    imported = run_json(
        capsys,
        ["--db", db, "registrations", "import", "--event", "forum-montreal-2027", pretix, "--json"],
    )
    # Nobody is a member yet: every member-rate payer owes the difference.
    assert imported["flags"]["balance_due"] >= 3

    report = run_json(
        capsys, ["members", "import", "--db", db, "--association", "bioquebec", BQ_LIST, "--json"]
    )
    (montreal,) = [r for r in report["reassessed"] if r["event"] == "forum-montreal-2027"]
    assert montreal["changed"] > 0
    assert montreal["flags"]["balance_due"] < imported["flags"]["balance_due"]

    card = run_json(
        capsys,
        ["--db", db, "search", "--event", "forum-montreal-2027", "benoit lachance", "--json"],
    )
    assert card[0]["marking"] in ("bioquebec", "both")


def test_a_crash_before_the_reassessment_writes_nothing_and_a_new_import_is_right(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services.membership import verdicts

    event = str(as_path("examples", "forum-montreal-2027.toml"))
    pretix = str(as_path("examples", "registrations-pretix-forum-montreal-2027.csv"))
    assert main(["--db", db, "events", "import", event]) == 0
    capsys.readouterr()
    imported = run_json(
        capsys,
        ["--db", db, "registrations", "import", "--event", "forum-montreal-2027", pretix, "--json"],
    )
    database = open_database(sqlite_url(Path(db)))
    before = snapshot(database)
    argv = ["members", "import", "--db", db, "--association", "bioquebec", BQ_LIST, "--json"]

    def crash(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("killed")

    with monkeypatch.context() as patched:
        patched.setattr(verdicts, "load_directory", crash)
        with pytest.raises(RuntimeError, match="killed"):
            main(argv)
    capsys.readouterr()
    assert snapshot(database) == before  # the list was not committed without its flags

    report = run_json(capsys, argv)
    assert report["added"] == 24
    (montreal,) = [r for r in report["reassessed"] if r["event"] == "forum-montreal-2027"]
    assert montreal["flags"]["balance_due"] < imported["flags"]["balance_due"]
    database.dispose()
