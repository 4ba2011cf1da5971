"""The corpus inputs that are big or binary, made at test time into a folder.

See ``cases.toml`` for the rules.

Each function writes its file and returns the case it must satisfy, in the same shape as a
``[[case]]`` of ``cases.toml``.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

Case = dict[str, Any]
HEADER = ["No de membre", "Entreprise", "Prénom", "Nom", "Courriel", "Date d'expiration"]
STANDARD = {
    "École Polytechnique": ["BQ-9001", "2027-12-31"],
    "Café Boréal inc.": ["BQ-9002", "2027-12-31"],
    "Biotech Laval": ["BQ-9003", "2027-12-31"],
}
ROWS = [
    ["BQ-9001", "École Polytechnique", "Éloïse", "Gagnon", "eloise.gagnon@polymtl.ca",
     "2027-12-31"],
    ["BQ-9002", "Café Boréal inc.", "Marc", "Roy", "marc.roy@cafeboreal.ca", "2027-12-31"],
    ["BQ-9003", "Biotech Laval", "Anne", "Ouellet", "anne.ouellet@biolaval.ca", "2027-12-31"],
]  # fmt: skip


def _workbook(path: Path, rows: list[list[Any]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)


def xlsx_good(folder: Path, seeds: dict[str, Path]) -> Case:
    path = folder / "m-good.xlsx"
    _workbook(path, [HEADER, *ROWS])
    return {"file": path, "expect": "accept", "members": STANDARD}


def xlsx_real_dates(folder: Path, seeds: dict[str, Path]) -> Case:
    from datetime import date, datetime

    path = folder / "m-real-dates.xlsx"
    rows: list[list[Any]] = [list(row) for row in ROWS]
    rows[0][5] = datetime(2027, 12, 31)
    rows[1][5] = date(2027, 12, 31)
    _workbook(path, [HEADER, *rows])
    return {"file": path, "expect": "accept", "members": STANDARD}


def xlsx_formula_cell(folder: Path, seeds: dict[str, Path]) -> Case:
    """A formula's value is not in the file (openpyxl reads no cached value): the row is refused."""
    path = folder / "m-formula.xlsx"
    rows: list[list[Any]] = [list(row) for row in ROWS]
    rows[1][5] = "=DATE(2027,12,31)"
    _workbook(path, [HEADER, *rows])
    return {
        "file": path,
        "expect": "accept",
        "rejected": [3],
        "members": {k: v for k, v in STANDARD.items() if v[0] != "BQ-9002"},
    }


def xlsx_empty_sheet(folder: Path, seeds: dict[str, Path]) -> Case:
    path = folder / "m-empty-sheet.xlsx"
    _workbook(path, [])
    return {"file": path, "expect": "refuse"}


def long_list(folder: Path, seeds: dict[str, Path]) -> Case:
    """20,000 members, one of them with a date that does not exist."""
    path = folder / "m-20000.csv"
    lines = [";".join(HEADER)]
    for number in range(1, 20_001):
        day = "2027-02-31" if number == 12_345 else "2027-12-31"
        lines.append(
            f"BQ-{number:05d};Entreprise {number};Prénom;Nom{number};p{number}@e{number}.ca;{day}"
        )
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    expected = {f"Entreprise {n}": [f"BQ-{n:05d}", "2027-12-31"] for n in range(1, 20_001)}
    del expected["Entreprise 12345"]
    return {"file": path, "expect": "accept", "rejected": [12_346], "members": expected}


def _backup_of(seeds: dict[str, Path], folder: Path, name: str) -> Path:
    path = folder / name
    shutil.copy(seeds["events"], path)
    return path


def backup_good(folder: Path, seeds: dict[str, Path]) -> Case:
    return {
        "file": _backup_of(seeds, folder, "b-good.sqlite3"),
        "expect": "accept",
        "restored": True,
    }


def backup_only_stamp(folder: Path, seeds: dict[str, Path]) -> Case:
    """Only the migration stamp, at the current head: no table of data at all."""
    source = sqlite3.connect(seeds["events"])
    (head,) = source.execute("SELECT version_num FROM alembic_version").fetchone()
    source.close()
    path = folder / "b-only-stamp.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"
    )
    connection.execute("INSERT INTO alembic_version VALUES (?)", (head,))
    connection.commit()
    connection.close()
    return {"file": path, "expect": "refuse"}


def backup_missing_column(folder: Path, seeds: dict[str, Path]) -> Case:
    path = _backup_of(seeds, folder, "b-missing-column.sqlite3")
    connection = sqlite3.connect(path)
    connection.execute("ALTER TABLE events DROP COLUMN city")
    connection.commit()
    connection.close()
    return {"file": path, "expect": "refuse", "message": ["city"]}


def backup_missing_table(folder: Path, seeds: dict[str, Path]) -> Case:
    path = _backup_of(seeds, folder, "b-missing-table.sqlite3")
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE badge_prints")
    connection.commit()
    connection.close()
    return {"file": path, "expect": "refuse", "message": ["badge_prints"]}


def backup_broken_reference(folder: Path, seeds: dict[str, Path]) -> Case:
    """A price category whose event is gone (foreign keys off while it was written)."""
    path = _backup_of(seeds, folder, "b-broken-reference.sqlite3")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("UPDATE price_categories SET event_id = 999999")
    connection.commit()
    connection.close()
    return {"file": path, "expect": "refuse"}


GENERATED: list[Callable[[Path, dict[str, Path]], Case]] = [
    xlsx_good,
    xlsx_real_dates,
    xlsx_formula_cell,
    xlsx_empty_sheet,
    long_list,
    backup_good,
    backup_only_stamp,
    backup_missing_column,
    backup_missing_table,
    backup_broken_reference,
]
