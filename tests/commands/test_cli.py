"""The command line: exit codes, JSON shapes, errors on one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from desktop_app.resources import as_path

from desktop_app import __version__
from desktop_app.cli import main


def test_version_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith("passerelle ")


def test_events_import_and_list_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "p.sqlite3")
    assert (
        main(["--db", db, "events", "import", str(as_path("examples", "forum-montreal-2027.toml"))])
        == 0
    )
    capsys.readouterr()
    assert main(["events", "list", "--db", db, "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert events[0]["slug"] == "forum-montreal-2027"
    assert events[0]["province"] == "QC"
    assert events[0]["partners"] == ["bioquebec", "lso"]


def test_user_error_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[event]\nslug = 'x'\n", "utf-8")
    assert main(["--db", str(tmp_path / "p.sqlite3"), "events", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("passerelle: ")


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["events", "frobnicate"])
    assert exit_info.value.code == 2


def test_demo_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["demo", "--db", str(tmp_path / "d.sqlite3"), "--registrations", "50", "--json"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["registrations"] == 50


def test_services_do_not_import_qt() -> None:
    code = (
        "import sys, desktop_app.services.demo, desktop_app.services.admin.events, desktop_app.cli;"
        "sys.exit('PySide6' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_reader_that_leaves_early_is_not_an_error(tmp_path: Path) -> None:
    """`passerelle events list | head -1`: no traceback when head stops reading."""
    db = str(tmp_path / "p.sqlite3")
    assert main(["--db", db, "demo", "--registrations", "20"]) == 0
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "--db",
            db,
            "search",
            "--event",
            "forum-montreal-2027",
            "a",
            "--limit",
            "200",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in errors


def test_version_answers_without_loading_the_database_layer() -> None:
    """``--version`` is answered before any command is registered (they import SQLAlchemy)."""
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys; from desktop_app.cli import main; code = main(['--version']);"
         " sys.exit(3 if 'sqlalchemy' in sys.modules else code)"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout.strip()) == (0, f"passerelle {__version__}")
