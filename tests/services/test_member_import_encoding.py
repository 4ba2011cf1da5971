"""Member lists whose bytes or quotes are wrong: never read by guesswork (#15 items 2 and 3).

A stray byte in a UTF-8 list rejects its row, naming the byte; it does not turn the whole file
into Windows text. A garbled header and a quote left open refuse the file, writing nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.db.database import Database
from desktop_app.domain.errors import Invalid
from desktop_app.services.membership.importing import import_members
from desktop_app.services.registrations.importing import import_registrations
from tests.services.member_lists import AT, by_number, csv_text, memberships, snapshot, write
from tests.services.registration_data import (
    CLOCK,
    MONTREAL,
    PRETIX_EXAMPLE,
    add_members,
    setup_events,
)

HEADER = ["No de membre", "Entreprise", "Prénom", "Nom", "Courriel"]
ROWS = [
    ["BQ-9000", "École Polytechnique", "Benoît", "Lachance", "b.lachance@polymtl.ca"],
    ["BQ-9001", "Caf\udcff Inc", "Élise", "Côté", "elise@cafe.ca"],
    ["BQ-9002", "Géno-Boréal inc.", "Geneviève", "Tremblay", "g.tremblay@genoboreal.ca"],
]


def utf8_with_stray_byte() -> bytes:
    """A UTF-8 list whose row 3 holds the byte 0xFF (``Caf\\xff Inc``)."""
    return csv_text([HEADER, *ROWS]).encode("utf-8", "surrogateescape")


def test_a_stray_byte_rejects_its_row_and_the_rest_stays_utf8(
    database: Database, tmp_path: Path
) -> None:
    path = write(tmp_path, "membres.csv", utf8_with_stray_byte())
    report = import_members(database.sessions, "bioquebec", path, at=AT)

    assert (report.added, report.rejected) == (2, 1)
    assert report.errors[0].row == 3
    assert "Caf\\xff Inc" in report.errors[0].reason  # the bad byte, shown
    assert "UTF-8" in report.errors[0].reason
    members = by_number(database, "bioquebec")
    assert set(members) == {"BQ-9000", "BQ-9002"}
    # Read as UTF-8, not cp1252: no mojibake, and the “Prénom” column was recognised.
    assert members["BQ-9000"]["organization"] == "École Polytechnique"
    assert "first_name" in report.columns and "Prénom" in report.columns["first_name"]


def test_a_stray_byte_does_not_end_the_membership_its_row_names(
    database: Database, tmp_path: Path
) -> None:
    clean = [row if row[0] != "BQ-9001" else [*row[:1], "Cafe Inc", *row[2:]] for row in ROWS]
    first = write(tmp_path, "first.csv", csv_text([HEADER, *clean]))
    assert import_members(database.sessions, "bioquebec", first, at=AT).added == 3

    report = import_members(
        database.sessions, "bioquebec", write(tmp_path, "m.csv", utf8_with_stray_byte()), at=AT
    )
    assert (report.ended, report.rejected) == (0, 1)
    assert set(by_number(database, "bioquebec")) == {"BQ-9000", "BQ-9001", "BQ-9002"}


def test_a_genuine_windows_file_still_reads_as_such(database: Database, tmp_path: Path) -> None:
    rows = [[c.replace("\udcff", "é") for c in row] for row in ROWS]
    path = write(tmp_path, "m.csv", csv_text([HEADER, *rows]).encode("cp1252"))
    report = import_members(database.sessions, "bioquebec", path, at=AT)
    assert (report.added, report.rejected) == (3, 0)
    assert by_number(database, "bioquebec")["BQ-9001"]["organization"] == "Café Inc"


def test_a_garbled_header_is_refused_naming_the_encoding(
    database: Database, tmp_path: Path
) -> None:
    rows = [[c.replace("\udcff", "é") for c in row] for row in ROWS]
    garbled = csv_text([HEADER, *rows]).encode("utf-8").decode("cp1252").encode("utf-8")
    assert "PrÃ©nom".encode() in garbled
    before = snapshot(database)
    with pytest.raises(Invalid) as raised:
        import_members(database.sessions, "bioquebec", write(tmp_path, "m.csv", garbled), at=AT)
    message = raised.value.message
    assert "garbled" in message and "“PrÃ©nom” reads “Prénom”" in message
    assert "UTF-8" in message
    assert snapshot(database) == before


def test_a_file_mixing_encodings_is_refused(database: Database, tmp_path: Path) -> None:
    rows = [[c.replace("\udcff", "é") for c in row] for row in ROWS]
    data = csv_text([HEADER]).encode() + csv_text(rows).encode("cp1252")
    with pytest.raises(Invalid, match="mixes encodings"):
        import_members(database.sessions, "bioquebec", write(tmp_path, "m.csv", data), at=AT)
    assert memberships(database, "bioquebec") == []


def test_a_registration_row_with_a_stray_byte_is_rejected(
    database: Database, tmp_path: Path
) -> None:
    setup_events(database)
    add_members(database)
    lines = PRETIX_EXAMPLE.read_bytes().splitlines(keepends=True)
    assert b"," in lines[2]
    lines[2] = lines[2].replace(b",", b",\xff", 1)  # a stray byte in row 3's second cell
    path = write(tmp_path, "pretix.csv", b"".join(lines))

    report = import_registrations(database.sessions, MONTREAL, path, at=CLOCK)

    assert report.rejected == 1
    assert report.errors[0].row == 3 and "\\xff" in report.errors[0].reason


# --- Quotes left open ----------------------------------------------------------------------


def test_an_unclosed_quote_swallowing_a_row_refuses_the_file(
    database: Database, tmp_path: Path
) -> None:
    text = (
        "No de membre;Entreprise;Prénom;Nom;Courriel\r\n"
        'BQ-9001;"Acme inc.;Élise;Côté;elise@acme.ca\r\n'
        "BQ-9002;Beta inc.;Benoît;Lachance;b@beta.ca\r\n"
        'BQ-9003;Gamma inc.;Luc;"Roy";luc@gamma.ca\r\n'
    )
    before = snapshot(database)
    with pytest.raises(Invalid) as raised:
        import_members(database.sessions, "bioquebec", write(tmp_path, "m.csv", text), at=AT)
    assert raised.value.message.startswith("Row 2 of m.csv: a quoted cell runs over")
    assert "BQ-9002;Beta inc." in raised.value.message
    assert snapshot(database) == before


def test_a_quote_unclosed_at_the_end_refuses_the_file(database: Database, tmp_path: Path) -> None:
    text = (
        "No de membre;Entreprise;Prénom;Nom;Courriel\r\n"
        "BQ-9001;Acme inc.;Élise;Côté;elise@acme.ca\r\n"
        'BQ-9002;"Beta inc.;Benoît;Lachance;b@beta.ca\r\n'
    )
    before = snapshot(database)
    with pytest.raises(Invalid) as raised:
        import_members(database.sessions, "bioquebec", write(tmp_path, "m.csv", text), at=AT)
    assert raised.value.message.startswith("Row 3 of m.csv: a quoted cell is never closed")
    assert snapshot(database) == before


def test_multi_line_cells_with_separators_still_import(database: Database, tmp_path: Path) -> None:
    rows = [
        [*HEADER, "Adresse"],
        [
            "BQ-9001",
            "Acme inc.",
            "Élise",
            "Côté",
            "elise@acme.ca",
            "2015 rue Peel; bur. 4\nMontréal",
        ],
        ["BQ-9002", "Beta inc.", "Benoît", "Lachance", "b@beta.ca", '1 rue "A"\nQuébec'],
    ]
    report = import_members(
        database.sessions, "bioquebec", write(tmp_path, "m.csv", csv_text(rows)), at=AT
    )
    assert (report.added, report.rejected) == (2, 0)
    assert set(by_number(database, "bioquebec")) == {"BQ-9001", "BQ-9002"}
