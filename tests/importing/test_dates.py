"""Dates as spreadsheets hold them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.errors import Invalid
from desktop_app.importing.dates import (
    from_excel_serial,
    parse_date,
    parse_optional_date,
)
from desktop_app.importing.tables import read_table

MARCH_31 = date(2026, 3, 31)


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-31", "2026-03-31 00:00:00", "2026-03-31T14:05", "2026-03-31T14:05:00-04:00",
        "2026-03-31T18:05:00Z", "2026/03/31", "20260331",
        "31/03/2026", "31-03-2026", "31.03.2026", "31/03/2026 14:05",
        "31 mars 2026", "31 MARS 2026", "mars 31, 2026", "Mars 31 2026", "le 31 mars 2026",
        "mardi 31 mars 2026", "mar. 31 mars 2026", "Mardi, le 31 mars 2026 à 9 h 30",
        "March 31, 2026", "31 March 2026", "Mar 31 2026", "Mar. 31, 2026",
        "Tuesday, March 31st, 2026", "MARCH 31, 2026 10:00 AM", "  31 mars 2026  ",
        "46112",
    ],
)  # fmt: skip
def test_march_31_in_every_style(text: str) -> None:
    assert parse_date(text) == MARCH_31


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1er avril 2026", date(2026, 4, 1)),
        ("1er AVRIL 2026", date(2026, 4, 1)),
        ("1st April 2026", date(2026, 4, 1)),
        ("15 août 2026", date(2026, 8, 15)),
        ("15 aout 2026", date(2026, 8, 15)),
        ("3 févr. 2026", date(2026, 2, 3)),
        ("3 fevrier 2026", date(2026, 2, 3)),
        ("12 déc. 2026", date(2026, 12, 12)),
        ("2 juil. 2026", date(2026, 7, 2)),
        ("Sept 9, 2026", date(2026, 9, 9)),
        ("9 mai 2026", date(2026, 5, 9)),
        ("May 9, 2026", date(2026, 5, 9)),
        ("29 février 2028", date(2028, 2, 29)),
    ],
)
def test_written_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_ambiguous_numeric_dates_are_day_first() -> None:
    assert parse_date("03/04/2026") == date(2026, 4, 3)
    assert parse_date("1/2/2026") == date(2026, 2, 1)


def test_objects_and_excel_serials() -> None:
    assert parse_date(datetime(2026, 3, 31, 23, 59)) == MARCH_31
    assert parse_date(MARCH_31) == MARCH_31
    assert parse_date(46112) == MARCH_31
    assert parse_date(46112.75) == MARCH_31
    assert from_excel_serial(61) == date(1900, 3, 1)


def test_optional_date() -> None:
    assert parse_optional_date("") is None
    assert parse_optional_date("  ") is None
    assert parse_optional_date(None) is None
    assert parse_optional_date("31/03/2026") == MARCH_31


UNREAL = "“{}” is not a real date (dates are read day first, as 31/03/2026)."
UNKNOWN = "Unrecognised date “{}”. Write it like 2026-03-31, 31/03/2026 or 31 mars 2026."


@pytest.mark.parametrize(
    ("text", "template"),
    [
        ("31/02/2026", UNREAL), ("03/31/2026", UNREAL), ("2026-02-30", UNREAL),
        ("32 mars 2026", UNREAL), ("29 février 2026", UNREAL),
        ("31/03/26", UNKNOWN), ("bientôt", UNKNOWN), ("2026", UNKNOWN), ("mars 2026", UNKNOWN),
        ("31 smarch 2026", UNKNOWN), ("31 mars 2026 mars", UNKNOWN),
    ],
)  # fmt: skip
def test_bad_dates(text: str, template: str) -> None:
    with pytest.raises(Invalid) as caught:
        parse_date(text)
    assert caught.value.message == template.format(text)


def test_blank_date() -> None:
    with pytest.raises(Invalid) as caught:
        parse_date("  ")
    assert caught.value.message == "The date is empty."


def test_bad_date_objects() -> None:
    with pytest.raises(Invalid):
        parse_date(True)
    with pytest.raises(Invalid):
        parse_date(-5)


def test_dates_from_an_xlsx_and_a_french_csv(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Entreprise", "Expiration"])
    sheet.append(["Thératechnologies inc.", datetime(2026, 3, 31)])
    sheet.append(["Université Laval", 46112])  # a date cell formatted as a number
    path = tmp_path / "m.xlsx"
    workbook.save(path)
    csv_path = tmp_path / "m.csv"
    csv_path.write_bytes("Entreprise;Expiration\nQuébec inc.;31 mars 2026\n".encode("cp1252"))

    xlsx = read_table(path)
    assert [parse_date(r.get("Expiration")) for r in xlsx.rows] == [MARCH_31, MARCH_31]
    assert parse_date(read_table(csv_path).rows[0].get("Expiration")) == MARCH_31


FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]  # fmt: skip


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_every_style_round_trips(day: date) -> None:
    french_day = "1er" if day.day == 1 else str(day.day)
    styles = [
        day.isoformat(),
        day.strftime("%d/%m/%Y"),
        f"{day.day}-{day.month}-{day.year}",
        f"{french_day} {FRENCH_MONTHS[day.month - 1]} {day.year}",
        f"{ENGLISH_MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{day.day} {ENGLISH_MONTHS[day.month - 1][:3].upper()} {day.year}",
        str((day - date(1899, 12, 30)).days),
    ]
    for text in styles:
        assert parse_date(text) == day, text
