"""``passerelle badges``: the PDF is written first, then the badges are logged as printed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import BadgePrint, Event, Person, Registration

SLUG = "forum-montreal-2027"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "p.sqlite3")
    assert main(["--db", path, "demo", "--registrations", "40"]) == 0
    capsys.readouterr()
    return path


def _query_printed(path: str) -> int:
    database = open_database(sqlite_url(Path(path)))
    try:
        with database.sessions() as session:
            return int(session.scalar(select(func.count()).select_from(BadgePrint)) or 0)
    finally:
        database.dispose()


def _active(path: str) -> list[tuple[str, str]]:
    database = open_database(sqlite_url(Path(path)))
    try:
        with database.sessions() as session:
            rows = session.execute(
                select(Registration.code, Person.first_name)
                .join(Person)
                .join(Event)
                .where(Event.slug == SLUG, Registration.status == "active")
            ).all()
            return [(code, first) for code, first in rows]
    finally:
        database.dispose()


def _badges(db: str, out: Path, *extra: str) -> list[str]:
    return ["--db", db, "badges", "--event", SLUG, "--out", str(out), *extra]


def test_batch_writes_pdf_then_logs(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "badges.pdf"
    assert main([*_badges(db, out, "--stock", "avery-5392", "--desk", "d2"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    active = _active(db)
    assert result["badges"] == len(active) > 0
    assert result["out"] == str(out)
    assert result["warnings"] == []
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert result["pages"] == len(reader.pages)
    text = "".join("".join(page.extract_text() for page in reader.pages).split())
    assert "".join(active[0][1].split()) in text
    assert _query_printed(db) == result["badges"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    # Second run: nothing left to print; a clear message, exit 0, no file, nothing logged.
    second = tmp_path / "second.pdf"
    assert main(_badges(db, second, "--stock", "avery-5392", "--only-unprinted")) == 0
    assert "No badges to print" in capsys.readouterr().out
    assert not second.exists()
    assert _query_printed(db) == result["badges"]

    assert main([*_badges(db, second, "--stock", "avery-5392", "--only-unprinted"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["badges"] == 0


def test_unknown_code_exits_1_writes_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "badges.pdf"
    code = _active(db)[0][0]
    assert main(_badges(db, out, "--stock", "avery-5392", "--codes", f"{code},NOT-A-CODE")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "NOT-A-CODE" in err
    assert not out.exists()
    assert _query_printed(db) == 0


def test_unknown_stock_lists_available_ones(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "badges.pdf"
    assert main(_badges(db, out, "--stock", "avery-9999")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "avery-9999" in err and "avery-5392" in err and "badge-4x6" in err
    assert not out.exists()


def test_start_cell_and_codes(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    codes = ",".join(code for code, _ in _active(db)[:2])
    out = tmp_path / "two.pdf"
    args = _badges(db, out, "--stock", "avery-5392", "--codes", codes, "--start-cell", "6")
    assert main([*args, "--json", "--sort", "organization"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["badges"], result["pages"]) == (2, 2)
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 2
    assert _query_printed(db) == 2

    # A cell the stock does not have: a one-line error, no file, nothing logged.
    bad = tmp_path / "bad.pdf"
    assert main(_badges(db, bad, "--stock", "avery-5392", "--start-cell", "7")) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert not bad.exists()
    assert _query_printed(db) == 2


def test_a_badge_that_would_print_boxes_is_not_counted_unless_confirmed(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app.documents.fonts import fallback_font

    unusual = "\U00011013"  # Brahmi letter KA: no bundled font has it
    if fallback_font(unusual) is not None:
        pytest.skip("a font on this machine covers Brahmi")
    code, _first = _active(db)[0]
    database = open_database(sqlite_url(Path(db)))
    with database.sessions.begin() as session:
        registration = session.scalars(select(Registration).where(Registration.code == code)).one()
        registration.person.first_name = f"Ka{unusual}"
    database.dispose()
    out = tmp_path / "one.pdf"
    args = [*_badges(db, out, "--stock", "avery-5392", "--codes", code), "--json"]

    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["not_counted"] == [code] and result["badges"] == 1
    assert out.exists() and _query_printed(db) == 0  # written, but not counted as printed

    assert main([*args, "--confirm-missing-glyphs", "--force"]) == 0
    assert json.loads(capsys.readouterr().out)["not_counted"] == []
    assert _query_printed(db) == 1
