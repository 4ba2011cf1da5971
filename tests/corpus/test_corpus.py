"""The malformed-input corpus: every refusal exits 1 with one line and leaves the database
byte-for-byte unchanged; every acceptance stores exactly what the file says.

The rules for each file are in ``cases.toml`` (files written by ``build.py``) and in
``generated.py`` (big and binary files made here).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main
from desktop_app.db.database import open_database
from desktop_app.db.engine import sqlite_url
from tests.corpus.generated import GENERATED
from tests.services.registration_data import MONTREAL, add_members, setup_events

HERE = Path(__file__).parent
CASES: list[dict[str, Any]] = tomllib.loads((HERE / "cases.toml").read_text("utf-8"))["case"]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two databases to copy: the example events, and the events with the example members."""
    folder = tmp_path_factory.mktemp("seeds")
    paths = {"events": folder / "events.sqlite3", "members": folder / "members.sqlite3"}
    for name, path in paths.items():
        database = open_database(sqlite_url(path))
        setup_events(database)
        if name == "members":
            add_members(database)
        database.dispose()
    return paths


def digest(folder: Path) -> dict[str, str]:
    """Every file of the database's folder (the database, and any journal left beside it)."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def argv_for(kind: str, file: Path, db: Path, case: dict[str, Any]) -> list[str]:
    json_option = ["--json"] if case["expect"] == "accept" else []
    if kind == "members":
        association = case.get("association", "bioquebec")
        return ["members", "import", "--db", str(db), "--association", association, str(file),
                *json_option]  # fmt: skip
    if kind == "registrations":
        return ["registrations", "import", "--db", str(db), "--event", MONTREAL, str(file),
                *json_option]  # fmt: skip
    if kind == "events":
        return ["events", "import", "--db", str(db), str(file)]
    return ["restore", "--db", str(db), str(file)]


def kind_of(file: Path) -> str:
    return {"m": "members", "r": "registrations", "e": "events", "b": "backups"}[file.name[0]]


def stored_members(db: Path) -> dict[str, list[str]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT coalesce(o.name, p.first_name || ' ' || p.last_name), m.member_number,"
            " m.valid_until FROM memberships m"
            " LEFT JOIN organizations o ON o.id = m.organization_id"
            " LEFT JOIN people p ON p.id = m.person_id WHERE m.ended_at IS NULL"
        ).fetchall()
    assert len({row[0] for row in rows}) == len(rows), "a holder stored twice"
    return {name: [number or "", until or ""] for name, number, until in rows}


def money(cents: int) -> str:
    return str((Decimal(cents) / 100).quantize(Decimal("0.01")))


def stored_registrations(db: Path) -> dict[str, list[str]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT r.code, p.first_name, p.last_name, p.email, c.code, r.amount_paid, r.status"
            " FROM registrations r JOIN people p ON p.id = r.person_id"
            " JOIN price_categories c ON c.id = r.category_id"
        ).fetchall()
    return {code: [first, last, email or "", category, money(paid), status]
            for code, first, last, email, category, paid, status in rows}  # fmt: skip


def stored_event(db: Path, slug: str) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT c.code, c.amount FROM price_categories c JOIN events e ON e.id = c.event_id"
            " WHERE e.slug = ?",
            (slug,),
        ).fetchall()
    return {code: money(amount) for code, amount in rows}


def check(case: dict[str, Any], file: Path, seeds: dict[str, Path], tmp_path: Path,
          capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    kind = kind_of(file)
    folder = tmp_path / "db"
    folder.mkdir()
    db = folder / "passerelle.sqlite3"
    shutil.copy(seeds["members" if kind == "registrations" else "events"], db)
    before = digest(folder)

    status = main(argv_for(kind, file, db, case))
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]

    if case["expect"] == "refuse":
        assert status == 1, f"{file.name} was not refused: exit {status}\n{out}{err}"
        assert len(lines) == 1, f"{file.name}: the refusal is not one line:\n{err}"
        for word in case.get("message", []):
            assert word.lower() in lines[0].lower(), f"{file.name}: {word!r} not in {lines[0]!r}"
        assert digest(folder) == before, f"{file.name} was refused but the database changed"
        return

    assert status == 0, f"{file.name} was refused: exit {status}\n{err}"
    if kind in ("members", "registrations"):
        report = json.loads(out)
        assert sorted(error["row"] for error in report["errors"]) == case.get("rejected", []), (
            f"{file.name}: rejected rows {report['errors']}"
        )
    if "members" in case:
        assert stored_members(db) == case["members"]
    if "registrations" in case:
        assert stored_registrations(db) == case["registrations"]
    if "event" in case:
        assert stored_event(db, case["event"]["slug"]) == case["event"]["prices"]


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_corpus_file(
    case: dict[str, Any], seeds: dict[str, Path], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    check(case, HERE / case["file"], seeds, tmp_path, capsys)


@pytest.mark.parametrize("make", GENERATED, ids=[make.__name__ for make in GENERATED])
def test_generated_corpus_file(
    make: Any, seeds: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    case = make(inputs, seeds)
    check(case, case["file"], seeds, tmp_path, capsys)


def test_every_corpus_file_has_its_rule() -> None:
    """A file added to the corpus without a rule would never be tried."""
    on_disk = {
        str(path.relative_to(HERE))
        for path in HERE.glob("*/*")
        if path.is_file() and path.suffix != ".py"
    }
    assert on_disk == {case["file"] for case in CASES}
    assert len(on_disk) + len(GENERATED) >= 60
