"""Reading CSV and XLSX files as associations and ticketing systems send them."""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import Invalid, NotFound
from desktop_app.importing.tables import MAX_CELL_CHARS, Table, _ungarbled, read_table

MEMBERS_FR = (
    "Nom;Prénom;Entreprise;Courriel;Ville\r\n"
    "Lachance;Benoît;Thératechnologies inc.;benoit.lachance@theratech.com;Québec\r\n"
    "Côté;Élise;Université Laval;elise.cote@ulaval.ca;Québec\r\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def cells(table: Table) -> list[dict[str, str]]:
    return [row.cells for row in table.rows]


def xlsx_bytes(rows: list[list[object]], title: str = "Feuil1") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- Encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_each_encoding_reads_accents(tmp_path: Path, encoding: str) -> None:
    table = read_table(write(tmp_path, "membres.csv", MEMBERS_FR.encode(encoding)))

    assert table.headers == ("Nom", "Prénom", "Entreprise", "Courriel", "Ville")
    assert table.rows[0].cells == {
        "Nom": "Lachance",
        "Prénom": "Benoît",
        "Entreprise": "Thératechnologies inc.",
        "Courriel": "benoit.lachance@theratech.com",
        "Ville": "Québec",
    }
    assert table.rows[1].get("Prénom") == "Élise"
    assert table.source == "membres.csv"


def test_cp1252_typographic_characters(tmp_path: Path) -> None:
    text = "Name,Organization\r\nO’Neil “Dan”,Café – Œuvre inc.\r\n"
    table = read_table(write(tmp_path, "x.csv", text.encode("cp1252")))
    assert table.rows[0].cells == {"Name": "O’Neil “Dan”", "Organization": "Café – Œuvre inc."}


def test_undecodable_bytes_are_refused_with_the_file_named(tmp_path: Path) -> None:
    # 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in cp1252 and invalid alone in UTF-8.
    data = b"Nom,Entreprise\r\nLachance,Th\x81\x8d\x8f\x90\x9d\r\n"
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "liste.csv", data))
    assert caught.value.message == (
        "Cannot read the text of liste.csv: it is neither UTF-8 nor Windows (cp1252) text. "
        "Save it again as “CSV UTF-8”."
    )


# --- Delimiters, quoting, numbering ----------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter(tmp_path: Path, delimiter: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["Last name", "First name", "Company"])
    writer.writerow(["Lachance", "Benoît", "Thératechnologies, inc."])
    writer.writerow(["Smith", "Ann", "Acme; Ltd"])
    table = read_table(write(tmp_path, "m.csv", buffer.getvalue().encode()))

    assert table.headers == ("Last name", "First name", "Company")
    assert [r.get("Company") for r in table.rows] == ["Thératechnologies, inc.", "Acme; Ltd"]


def test_semicolons_win_over_commas_inside_cells(tmp_path: Path) -> None:
    text = (
        "Nom, prénom;Courriel;Entreprise\nLachance, Benoît;b@x.ca;Acme, inc.\nRoy, Luc;l@y.ca;Z\n"
    )
    table = read_table(write(tmp_path, "m.csv", text.encode()))
    assert table.headers == ("Nom, prénom", "Courriel", "Entreprise")
    assert table.rows[0].get("Entreprise") == "Acme, inc."


def test_excel_sep_line_sets_the_delimiter_and_is_not_a_row(tmp_path: Path) -> None:
    text = "sep=;\r\nNom;Entreprise\r\nLachance;Acme, inc.\r\n"
    table = read_table(write(tmp_path, "m.csv", text.encode("cp1252")))
    assert table.headers == ("Nom", "Entreprise")
    assert table.rows[0].number == 2


def test_single_column_file(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "m.csv", b"Entreprise\nAcme\nBeta\n"))
    assert table.headers == ("Entreprise",)
    assert [r.get("Entreprise") for r in table.rows] == ["Acme", "Beta"]


def test_row_numbers_are_the_spreadsheet_rows(tmp_path: Path) -> None:
    # Header row 1; a record spanning two lines is row 2 (Excel shows it as one row);
    # the blank row 3 is skipped but counted; the next record is row 4.
    text = 'Nom;Adresse\r\nLachance;"12 rue Principale\r\nQuébec"\r\n;\r\nCôté;Laval\r\n'
    table = read_table(write(tmp_path, "m.csv", text.encode()))

    assert [row.number for row in table.rows] == [2, 4]
    assert table.rows[0].get("Adresse") == "12 rue Principale\r\nQuébec"


def test_leading_blank_lines_shift_the_header(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "m.csv", b"\r\n,,\r\nNom,Ville\r\nRoy,Laval\r\n"))
    assert table.headers == ("Nom", "Ville")
    assert table.rows[0].number == 4


def test_cells_are_stripped_and_nfc_normalised(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Benoît Lachance")
    text = f"Nom ; Entreprise \n  {decomposed}\u00a0;  Québec inc. \n"
    table = read_table(write(tmp_path, "m.csv", text.encode()))
    assert table.headers == ("Nom", "Entreprise")
    assert table.rows[0].cells == {"Nom": "Benoît Lachance", "Entreprise": "Québec inc."}


def test_duplicate_blank_and_ragged_columns(tmp_path: Path) -> None:
    text = "Company,Name,Company,,\nAcme,Ann,Beta,,\nGamma,Bob\nDelta,Cy,Eps,,extra\n"
    table = read_table(write(tmp_path, "m.csv", text.encode()))

    assert table.headers == ("Company", "Name", "Company (2)", "Column 5")
    assert table.rows[0].cells == {
        "Company": "Acme",
        "Name": "Ann",
        "Company (2)": "Beta",
        "Column 5": "",
    }
    assert table.rows[1].get("Company (2)") == ""
    assert table.rows[2].get("Column 5") == "extra"


def test_huge_cells_are_kept_for_the_importer_to_reject(tmp_path: Path) -> None:
    huge = "x" * 300_000  # beyond csv's default field limit of 128 KiB
    text = f"Nom,Notes\nRoy,{huge}\nCôté,ok\n"
    table = read_table(write(tmp_path, "m.csv", text.encode()))

    assert table.rows[0].oversized_columns() == ("Notes",)
    assert table.rows[1].oversized_columns() == ()
    table.rows[1].ensure_cells_fit()
    with pytest.raises(Invalid) as caught:
        table.rows[0].ensure_cells_fit()
    assert caught.value.message == (
        f"Row 2: the “Notes” cell is 300000 characters long; at most {MAX_CELL_CHARS} are accepted."
    )


# --- XLSX ------------------------------------------------------------------------------------


def test_xlsx_with_typed_cells(tmp_path: Path) -> None:
    data = xlsx_bytes(
        [
            ["No de membre", "Entreprise", "Date d'expiration", "Cotisation", "Actif"],
            [12345, "Thératechnologies inc.", datetime(2026, 3, 31), 1234.5, True],
            [None, None, None, None, None],
            [678.0, "  Université Laval ", date(2027, 1, 1), 0, False],
        ]
    )
    table = read_table(write(tmp_path, "membres.xlsx", data))

    assert table.headers == (
        "No de membre",
        "Entreprise",
        "Date d'expiration",
        "Cotisation",
        "Actif",
    )
    assert table.rows[0].cells == {
        "No de membre": "12345",
        "Entreprise": "Thératechnologies inc.",
        "Date d'expiration": "2026-03-31",
        "Cotisation": "1234.5",
        "Actif": "TRUE",
    }
    assert table.rows[1].get("No de membre") == "678"
    assert table.rows[1].get("Entreprise") == "Université Laval"
    assert table.rows[1].get("Date d'expiration") == "2027-01-01"
    assert [r.number for r in table.rows] == [2, 4]


def test_xlsx_detected_by_content_not_extension(tmp_path: Path) -> None:
    data = xlsx_bytes([["Nom", "Prénom"], ["Lachance", "Benoît"]])
    table = read_table(write(tmp_path, "export.csv", data))
    assert table.rows[0].cells == {"Nom": "Lachance", "Prénom": "Benoît"}
    # and a CSV named .xlsx is read as CSV
    table = read_table(write(tmp_path, "liste.xlsx", "Nom;Prénom\nRoy;Luc\n".encode("cp1252")))
    assert table.rows[0].cells == {"Nom": "Roy", "Prénom": "Luc"}


def test_xlsx_named_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    first.append(["Instructions"])
    first.append(["Voir l'onglet Membres"])
    members = workbook.create_sheet("Membres")
    members.append(["Nom", "Entreprise"])
    members.append(["Lachance", "Thératechnologies inc."])
    path = tmp_path / "classeur.xlsx"
    workbook.save(path)

    assert read_table(path).headers == ("Instructions",)
    assert read_table(path, sheet="Membres").rows[0].get("Entreprise") == "Thératechnologies inc."
    with pytest.raises(Invalid) as caught:
        read_table(path, sheet="Members")
    assert caught.value.message == (
        "The workbook classeur.xlsx has no sheet “Members”. Its sheets: Sheet, Membres."
    )


def test_truncated_xlsx(tmp_path: Path) -> None:
    data = xlsx_bytes([["Nom", "Prénom"], ["Lachance", "Benoît"]])
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "coupé.xlsx", data[: len(data) // 2]))
    assert caught.value.message.startswith(
        "The file coupé.xlsx is not a readable Excel workbook (it may be truncated or damaged): "
    )


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "bonjour")
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "archive.xlsx", buffer.getvalue()))
    assert "The file archive.xlsx is not a readable Excel workbook" in caught.value.message


def test_xlsx_header_only(tmp_path: Path) -> None:
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "vide.xlsx", xlsx_bytes([["Nom", "Prénom"]])))
    assert caught.value.message == "The file vide.xlsx has a header row but no data rows."


# --- Malformed files -------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "vide.csv", data))
    assert caught.value.message in (
        "The file vide.csv is empty.",
        "The file vide.csv has no header row.",
    )


def test_only_blank_records_means_no_header(tmp_path: Path) -> None:
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "vide.csv", b";;;\r\n ; ; \r\n"))
    assert caught.value.message == "The file vide.csv has no header row."


def test_header_only(tmp_path: Path) -> None:
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "entete.csv", "Nom;Prénom;Courriel\r\n".encode("cp1252")))
    assert caught.value.message == "The file entete.csv has a header row but no data rows."


def test_binary_junk(tmp_path: Path) -> None:
    junk = bytes((i * 37 + 11) % 256 for i in range(4096))
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "photo.csv", junk))
    assert caught.value.message == (
        "The file photo.csv is not a spreadsheet. Save it as CSV or Excel (.xlsx)."
    )


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    junk = bytes(b for b in ((i * 37 + 11) % 256 for i in range(4096)) if b) * 2
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "bruit.csv", junk))
    assert "is not a spreadsheet" in caught.value.message
    assert "bruit.csv" in caught.value.message


def test_old_excel_format(tmp_path: Path) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "membres.xls", data))
    assert caught.value.message == (
        "The file membres.xls is in the old Excel format (.xls) or is password-protected. "
        "Save it as Excel (.xlsx) or CSV, without a password."
    )


def test_pdf_is_not_a_spreadsheet(tmp_path: Path) -> None:
    with pytest.raises(Invalid) as caught:
        read_table(write(tmp_path, "membres.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
    assert caught.value.message == (
        "The file membres.pdf is not a spreadsheet. Save it as CSV or Excel (.xlsx)."
    )


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        read_table(tmp_path / "absent.csv")


# --- Round trip ------------------------------------------------------------------------------

CP1252_TEXT = "".join(
    ch
    for ch in bytes(range(0x20, 0x100)).decode("cp1252", errors="ignore")
    if unicodedata.category(ch) != "Cc"
)


def canonical(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def cell_text(alphabet: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.text(alphabet, max_size=12).map(canonical)


@st.composite
def csv_cases(draw: st.DrawFn) -> tuple[str, str, list[str], list[list[str]]]:
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    if encoding == "cp1252":
        letters: st.SearchStrategy[str] = st.sampled_from(CP1252_TEXT)
    else:
        letters = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    cell_letters = st.one_of(letters, st.sampled_from(',;\t"\n\r '))
    width = draw(st.integers(2, 5))
    # Headers are labels: no delimiter characters, quotes or line breaks in them.
    header_letters = letters.filter(lambda ch: ch not in ',;\t"\n\r')
    headers = draw(
        st.lists(
            cell_text(header_letters).filter(bool), min_size=width, max_size=width, unique=True
        )
    )
    rows = draw(
        st.lists(
            st.lists(cell_text(cell_letters), min_size=width, max_size=width).filter(any),
            min_size=1,
            max_size=6,
        )
    )
    return encoding, delimiter, headers, rows


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=csv_cases())
def test_any_table_reads_back_identically(
    tmp_path: Path, case: tuple[str, str, list[str], list[list[str]]]
) -> None:
    encoding, delimiter, headers, rows = case
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    if encoding == "cp1252":
        # Any non-ASCII line that is valid UTF-8 makes the file UTF-8, by design: only files
        # with no such line are cp1252 (real accented cp1252 text never is valid UTF-8).
        assume(not any(_is_utf8(line) for line in data.splitlines() if not line.isascii()))
    # A header that reads as UTF-8 shown in cp1252 (“Ã€”) is refused as garbled, by design.
    assume(all(_ungarbled(h) is None for h in headers))
    # A quoted cell whose later line holds a whole row's separators reads as a quote left
    # open (it swallowed a row): refused by design, naming the row.
    assume(
        not any(
            line.count(delimiter) >= len(headers) - 1
            for row in rows
            for cell in row
            for line in cell.splitlines()[1:]
        )
    )

    table = read_table(write(tmp_path, "round-trip.csv", data))

    assert table.headers == tuple(headers)
    assert [[row.cells[h] for h in headers] for row in table.rows] == rows
