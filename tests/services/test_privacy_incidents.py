"""The register of confidentiality incidents: recorded, amended with history, never lost."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop_app.cli import main
from desktop_app.db.database import Database
from desktop_app.domain.errors import Invalid, NotFound
from desktop_app.services.privacy.incidents import (
    IncidentFields,
    amend_incident,
    list_incidents,
    record_incident,
)

LOST_LAPTOP = IncidentFields(
    description="Names, emails and employers of 1,210 attendees of the Montréal forum",
    circumstances="The desk laptop of Desk 2 was stolen from the coat room.",
    period_start=date(2027, 3, 23),
    learned_on=date(2027, 3, 23),
    risk="Low: the disk is encrypted, the PIN locks after 10 tries.",
    people_count=1210,
)


def test_an_incident_is_recorded_then_amended_keeping_its_history(database: Database) -> None:
    first = record_incident(database.sessions, LOST_LAPTOP, staff="Sophie")
    assert first.number == 1 and len(first.history) == 1
    amended = amend_incident(
        database.sessions,
        1,
        {
            "risk": "Serious: the disk was not encrypted.",
            "serious_risk": True,
            "cai_notified_on": date(2027, 3, 25),
        },
        reason="The IT check found no disk encryption",
        staff="Sophie",
    )
    assert amended.current.serious_risk and amended.current.cai_notified_on == date(2027, 3, 25)
    assert [v.version for v in amended.history] == [1, 2]
    assert amended.history[0].fields.risk.startswith("Low")  # what was written first stays
    assert amended.history[1].reason == "The IT check found no disk encryption"
    assert list_incidents(database.sessions)[0].to_json()["risk"].startswith("Serious")
    for statement in (
        "UPDATE privacy_incident_versions SET by = 'x'",
        "DELETE FROM privacy_incidents",
    ):
        with pytest.raises(DBAPIError), database.sessions.begin() as session:
            session.execute(text(statement))


def test_what_the_register_needs_is_asked_for(database: Database) -> None:
    from dataclasses import replace

    with pytest.raises(Invalid, match="assessment of the risk"):
        record_incident(database.sessions, replace(LOST_LAPTOP, risk=" "), staff="S")
    with pytest.raises(Invalid, match="cannot end"):
        record_incident(
            database.sessions, replace(LOST_LAPTOP, period_end=date(2027, 3, 1)), staff="S"
        )
    with pytest.raises(NotFound):
        amend_incident(database.sessions, 9, {"measures": "x"}, reason="r", staff="S")
    assert list_incidents(database.sessions) == []


def test_the_commands(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = database.url
    assert (
        main(
            [
                "privacy",
                "incident",
                "add",
                "--description",
                '=HYPERLINK("x")',
                "--circumstances",
                "USB key lost",
                "--from",
                "2027-03-23",
                "--learned",
                "2027-03-24",
                "--risk",
                "unknown yet",
                "--db",
                db,
            ]
        )
        == 0
    )
    assert "Incident 1 recorded" in capsys.readouterr().out
    assert (
        main(
            [
                "privacy",
                "incident",
                "amend",
                "1",
                "--people",
                "40",
                "--reason",
                "counted",
                "--db",
                db,
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["privacy", "incident", "list", "--json", "--db", db]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["people_count"] == 40 and len(listed["history"]) == 2
    out = tmp_path / "register.csv"
    assert main(["privacy", "incident", "export", "--out", str(out), "--db", db]) == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["Number", "Version", "Time"] and len(rows) == 3
    assert rows[1][5].startswith("'=")  # never a formula in a spreadsheet
