"""``passerelle privacy …`` on demo data, as a privacy officer runs it."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Person, Registration
from tests.documents.pdf_reading import pdf_text


@pytest.fixture
def demo_db(tmp_path: Path) -> str:
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--registrations", "60"]) == 0
    return str(path)


def an_email(db: str) -> str:
    database = open_database(sqlite_url(Path(db)))
    try:
        with database.sessions() as session:
            email = session.scalar(
                select(Person.email)
                .join(Registration, Registration.person_id == Person.id)
                .where(Person.email.is_not(None))
                .order_by(Person.id)
            )
    finally:
        database.dispose()
    assert email
    return email


def test_export_erase_and_purge(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    email = an_email(demo_db)
    out = tmp_path / "access.json"
    assert (
        main(["privacy", "export", "--email", email.upper(), "--out", str(out), "--db", demo_db])
        == 0
    )
    held = json.loads(out.read_text(encoding="utf-8"))
    assert held["format"] == "passerelle-access-request"
    assert held["people"][0]["person"]["email"] == email
    assert held["people"][0]["registrations"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    pdf = tmp_path / "access.pdf"
    assert (
        main(
            [
                "privacy",
                "export",
                "--email",
                email,
                "--out",
                str(pdf),
                "--lang",
                "en",
                "--db",
                demo_db,
            ]
        )
        == 0
    )
    text = pdf_text(pdf.read_bytes())
    assert "Personal information held about you" in text and email in text

    capsys.readouterr()
    assert main(["privacy", "purge", "--dry-run", "--json", "--db", demo_db]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["events"] == [] and plan["people"] == 0 and plan["done"] is False

    assert main(["privacy", "erase", "--email", email, "--reason", "asked", "--db", demo_db]) == 0
    assert "De-identified 1 person" in capsys.readouterr().out
    out.unlink()
    assert main(["privacy", "export", "--email", email, "--out", str(out), "--db", demo_db]) == 1
    assert f"No one with the email {email}" in capsys.readouterr().err
