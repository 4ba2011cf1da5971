"""Importing member lists as associations send them: encodings, delimiters, headers, dates, XLSX.

And the files that must be refused whole: each message is checked, and the database must be
exactly as it was.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from desktop_app.resources import as_path

from desktop_app.db.database import Database
from desktop_app.domain.errors import AppError, Invalid, NotFound
from desktop_app.services.membership.importing import import_members
from tests.services.member_lists import (
    AT,
    ENGLISH_HEADER,
    FRENCH_HEADER,
    ROWS,
    by_number,
    csv_text,
    snapshot,
    write,
    xlsx_bytes,
)

EXPECTED_UNTIL = {"BQ-0001": date(2027, 3, 31), "BQ-0002": date(2027, 12, 31)}


def assert_three_members(database: Database) -> None:
    members = by_number(database, "bioquebec")
    assert set(members) == {"BQ-0001", "BQ-0002", "BQ-0003"}
    assert members["BQ-0001"]["organization"] == "Thératechnologies inc."
    assert members["BQ-0003"]["organization"] == "Société Zéphyr S.R.I."
    assert members["BQ-0001"]["until"] == date(2027, 3, 31)
    assert members["BQ-0002"]["until"] == date(2027, 12, 31)
    assert members["BQ-0003"]["until"] == date(2027, 12, 31)
    assert all(m["holder"] == "organization" for m in members.values())


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")],
    ids=["utf-8", "utf-8-bom", "cp1252"],
)
def test_each_encoding_reads_accents(
    database: Database, tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    data = prefix + csv_text([FRENCH_HEADER, *ROWS]).encode(encoding)
    report = import_members(database.sessions, "bioquebec", write(tmp_path, "m.csv", data), at=AT)
    assert (report.added, report.rejected) == (3, 0)
    assert_three_members(database)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_each_delimiter(database: Database, tmp_path: Path, delimiter: str) -> None:
    path = write(tmp_path, "m.csv", csv_text([FRENCH_HEADER, *ROWS], delimiter))
    assert import_members(database.sessions, "bioquebec", path, at=AT).added == 3
    assert_three_members(database)


@pytest.mark.parametrize("header", [FRENCH_HEADER, ENGLISH_HEADER], ids=["french", "english"])
def test_french_and_english_headers(database: Database, tmp_path: Path, header: list[str]) -> None:
    report = import_members(
        database.sessions, "bioquebec", write(tmp_path, "m.csv", csv_text([header, *ROWS])), at=AT
    )
    assert report.added == 3
    assert set(report.columns) >= {"member_number", "organization", "email", "valid_until"}
    assert_three_members(database)


@pytest.mark.parametrize(
    "written",
    ["2027-03-31", "31/03/2027", "31 mars 2027", "March 31, 2027", "31 March 2027", "46477"],
    ids=["iso", "day-first", "french", "english", "english-day-first", "excel-serial"],
)
def test_date_styles(database: Database, tmp_path: Path, written: str) -> None:
    rows = [["Entreprise", "Date d'expiration"], ["Thératechnologies inc.", written]]
    path = write(tmp_path, "m.csv", csv_text(rows))
    assert import_members(database.sessions, "bioquebec", path, at=AT).added == 1
    (member,) = by_number(database, "bioquebec").values()
    assert member["until"] == date(2027, 3, 31)


def test_xlsx_first_sheet_and_named_sheet(database: Database, tmp_path: Path) -> None:
    workbook = xlsx_bytes(
        {
            "Membres": [FRENCH_HEADER, *[[*r[:5], date(2027, 3, 31)] for r in ROWS]],
            "Anciens": [FRENCH_HEADER, ["BQ-0900", "Ancienne inc.", "A", "B", "", "2020-01-01"]],
        }
    )
    path = write(tmp_path, "membres.xlsx", workbook)
    assert import_members(database.sessions, "bioquebec", path, at=AT).added == 3
    members = by_number(database, "bioquebec")
    assert {m["until"] for m in members.values()} == {date(2027, 3, 31)}

    report = import_members(database.sessions, "lso", path, sheet="Anciens", at=AT)
    assert report.added == 1
    assert set(by_number(database, "lso")) == {"BQ-0900"}


def test_embedded_newlines_keep_row_numbers(database: Database, tmp_path: Path) -> None:
    rows = [
        ["Entreprise", "Adresse", "Date d'expiration"],
        ["Thératechnologies inc.", "2015 rue Peel\nMontréal QC", "2027-03-31"],
        ["Géno-Boréal inc.", "1 rue A\nbureau 2\nQuébec", "pas une date"],
    ]
    report = import_members(
        database.sessions, "bioquebec", write(tmp_path, "m.csv", csv_text(rows)), at=AT
    )
    assert (report.added, report.rejected) == (1, 1)
    assert report.errors[0].row == 3  # each record is one row, as Excel shows it
    assert "pas une date" in report.errors[0].reason
    assert "Adresse" in report.unused_columns


def test_the_example_lists_import_cleanly(database: Database) -> None:
    bq = import_members(
        database.sessions, "bioquebec", as_path("examples", "bioquebec-members.csv"), at=AT
    )
    lso = import_members(database.sessions, "lso", as_path("examples", "lso-members.csv"), at=AT)
    assert (bq.added, bq.rejected, lso.added, lso.rejected) == (24, 0, 24, 0)
    lso_members = by_number(database, "lso")
    assert lso_members["10002"]["holder"] == "organization"  # "Member Type: Corporate"
    assert lso_members["50004"]["holder"] == "person"  # a student
    assert lso_members["50003"]["person"] == "Nguyễn Thị Lan"
    # One organization in both lists is one organization, found by name or alias.
    bq_members = by_number(database, "bioquebec")
    assert lso_members["10007"]["organization"] == bq_members["BQ-0001"]["organization"]
    assert lso_members["10009"]["organization"] == "Université McGill"


# --- Files refused whole -------------------------------------------------------------------


@pytest.fixture
def populated(database: Database, tmp_path: Path) -> Database:
    path = write(tmp_path, "first.csv", csv_text([FRENCH_HEADER, *ROWS]))
    assert import_members(database.sessions, "bioquebec", path, at=AT).added == 3
    return database


MALFORMED = [
    pytest.param(
        csv_text([["Ville", "Téléphone"], ["Montréal", "514"]]).encode(),
        Invalid,
        "has no name column",
        id="no-name-column",
    ),
    pytest.param(
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        Invalid,
        "is not a spreadsheet",
        id="binary",
    ),
    pytest.param(b"", Invalid, "is empty", id="empty"),
    pytest.param(b"  \r\n\r\n", Invalid, "is empty", id="blank"),
    pytest.param(
        b"Entreprise;Nom\r\n" + b"Caf\xc3 \x81\x8d\x8f\x90;X\r\n",
        Invalid,
        "neither UTF-8 nor Windows (cp1252)",
        id="undecodable",
    ),
    pytest.param(csv_text([FRENCH_HEADER]).encode(), Invalid, "no data rows", id="header-only"),
    pytest.param(b"PK\x03\x04garbage", Invalid, "not a readable Excel workbook", id="bad-xlsx"),
]


@pytest.mark.parametrize(("data", "error", "message"), MALFORMED)
def test_malformed_file_changes_nothing(
    populated: Database, tmp_path: Path, data: bytes, error: type[AppError], message: str
) -> None:
    before = snapshot(populated)
    path = write(tmp_path, "bad.csv", data)
    with pytest.raises(error) as raised:
        import_members(populated.sessions, "bioquebec", path, at=AT)
    assert message in raised.value.message
    assert snapshot(populated) == before


def test_missing_file_and_unknown_sheet_change_nothing(populated: Database, tmp_path: Path) -> None:
    before = snapshot(populated)
    with pytest.raises(NotFound, match="does not exist"):
        import_members(populated.sessions, "bioquebec", tmp_path / "absent.csv", at=AT)
    path = write(tmp_path, "m.xlsx", xlsx_bytes({"Feuil1": [FRENCH_HEADER, *ROWS]}))
    with pytest.raises(Invalid, match="has no sheet “Nope”"):
        import_members(populated.sessions, "bioquebec", path, sheet="Nope", at=AT)
    assert snapshot(populated) == before


def test_unknown_mapped_column_and_unknown_association_change_nothing(
    populated: Database, tmp_path: Path
) -> None:
    before = snapshot(populated)
    path = write(tmp_path, "m.csv", csv_text([FRENCH_HEADER, *ROWS]))
    with pytest.raises(Invalid, match="no such column"):
        import_members(populated.sessions, "bioquebec", path, mapping={"email": "Mail pro"})
    with pytest.raises(Invalid, match="Unknown association"):
        import_members(populated.sessions, "acme", path)
    assert snapshot(populated) == before


def test_a_file_without_one_valid_row_changes_nothing(populated: Database, tmp_path: Path) -> None:
    before = snapshot(populated)
    rows = [FRENCH_HEADER, ["BQ-0009", "Acme inc.", "", "", "", "jamais"]]
    with pytest.raises(Invalid) as raised:
        import_members(populated.sessions, "bioquebec", write(tmp_path, "m.csv", csv_text(rows)))
    assert raised.value.message.startswith("No row of m.csv is a valid member")
    assert "Row 2: Date d'expiration: Unrecognised date “jamais”" in raised.value.message
    assert snapshot(populated) == before
