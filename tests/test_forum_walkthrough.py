"""The README's walk-through "A two-day forum, from the file to the doors": its commands, on
its example files, answer what the README says they answer (docs/forum_walkthrough.py holds
the commands; it also takes the screenshots)."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from desktop_app.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _walkthrough() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "forum_walkthrough", ROOT / "docs" / "forum_walkthrough.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# What each command answers (exit status, a line it prints), in the README's order.
EXPECTED = [
    (0, "Created event forum-deux-jours-2027 with 3 price categories, 2 days and 3 sessions."),
    (0, "BIOQuébec member list bioquebec-members.csv: 24 added"),
    (0, "LSO member list lso-members.csv: 24 added"),
    (0, "10 added, 0 updated, 0 unchanged"),
    (0, "Capacity 4: 4 seats left."),
    (0, "Created supervisor account 'Marie Roy'."),
    (0, "Created desk account 'Ana Silva'."),
    (0, "Created the lead-station account 'Stand Lakeshore' for exhibitor lakeshore."),
    (0, "Checked in: Sarah Mitchell"),
    (0, "Checked in: Sarah Mitchell"),  # day 2 is a new check-in
    (1, "Not registered for Gala dinner: Julien Roy does not hold it."),
    (1, "Gala dinner is full: 4 of 4"),  # F4 sells the gala: all four seats are taken
    (0, "Add-on Gala dinner: subtotal 95.00, GST 5 % 4.75, QST 9.975 % 9.48, total 109.23."),
    (0, "Checked in to Gala dinner: Julien Roy"),
]


def test_the_forum_walkthrough_answers_what_the_readme_says(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    walkthrough = _walkthrough()
    monkeypatch.chdir(walkthrough.EXAMPLES)
    assert len(walkthrough.COMMANDS) == len(EXPECTED)
    for (arguments, standard_input), (status, line) in zip(
        walkthrough.COMMANDS, EXPECTED, strict=True
    ):
        monkeypatch.setattr(sys, "stdin", io.StringIO(standard_input))
        answered = main(["--db", database_url, *arguments])
        said = capsys.readouterr()
        assert (answered, line in said.out + said.err) == (status, True), (arguments, said)
    # Every add-on row gave its session; Sarah came on both days, counted once.
    assert main(["--db", database_url, "report", "attendance", "--event", walkthrough.SLUG,
                 "--json"]) == 0  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert [(s["session"], s["entitled"], s["capacity"]) for s in report["by_session"]] == [
        ("gala", 5, 4),
        ("workshop-a", 3, 30),
        ("workshop-b", 2, 30),
    ]
    assert [(d["day"], d["checked_in"]) for d in report["by_day"]] == [
        ("2027-10-13", 1),
        ("2027-10-14", 1),
    ]
    assert (report["registered"], report["checked_in"]) == (10, 1)
    gala = report["by_session"][0]
    assert (gala["entitled"], gala["checked_in"]) == (5, 1)  # one seat sold beyond, approved
