"""Read the spreadsheets associations and ticketing systems send into plain rows of text.

One entry point, :func:`read_table`, takes a CSV or XLSX file and returns a :class:`Table`:
headers and rows of stripped, NFC-normalised strings, each row with the number a spreadsheet
user would see. No database, no Qt: interpreting the columns is :mod:`.columns`' job.

What is detected rather than asked:

- **Format** by content, not by extension: a ZIP container is read as an XLSX workbook; known
  binary formats (old ``.xls``, PDF, images, archives) and files full of control characters are
  refused with a message naming the file.
- **Encoding** of a CSV: UTF-8 with BOM, UTF-16 with BOM (Excel's "Unicode text"), UTF-8, else
  Windows cp1252 (what French-locale Excel writes). Bytes valid in none of these are refused.
  A cp1252 file whose bytes happen to be valid UTF-8 reads as UTF-8; with real accented text
  this does not happen.
- **Delimiter** among comma, semicolon and tab (French-locale Excel writes semicolons). An
  Excel ``sep=;`` first line is honoured. Otherwise each candidate parses the first records and
  the one giving a header of two or more columns and the most records of the header's width
  wins; :class:`csv.Sniffer` breaks ties.

Row numbers are those Excel shows: the header is row 1 when it is the first line, and each CSV
*record* counts as one row even when a quoted cell spans several lines (Excel shows such a
record as one row). Blank rows are skipped but still counted, so numbers stay those of the file.
The header is the first non-blank row.

Oversized cells (more than :data:`MAX_CELL_CHARS`) are kept, not refused here: the importer
rejects the row with :meth:`TableRow.ensure_cells_fit`, so one bad row never stops a file.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from itertools import islice
from pathlib import Path

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound, StorageUnavailable

MAX_CELL_CHARS = 1000
"""Longest cell an importer accepts; longer ones reject their row, not the file."""

DELIMITERS = (",", ";", "\t")
_SNIFF_RECORDS = 50
# csv refuses fields over 128 KiB by default; a huge cell should reject its row, not the file.
_CSV_FIELD_LIMIT = 16 * 1024 * 1024

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls (and password-protected .xlsx)
_BINARY_MAGICS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"PK\x05\x06")


@dataclass(frozen=True)
class TableRow:
    """One data row: its number as a spreadsheet shows it, and its cells by header."""

    number: int
    cells: dict[str, str]

    def get(self, header: str) -> str:
        """The cell under ``header``, or ``""`` when the row or the table lacks it."""
        return self.cells.get(header, "")

    def oversized_columns(self) -> tuple[str, ...]:
        """Headers whose cell in this row is longer than :data:`MAX_CELL_CHARS`."""
        return tuple(h for h, v in self.cells.items() if len(v) > MAX_CELL_CHARS)

    def ensure_cells_fit(self) -> None:
        """Raise :class:`Invalid` naming the row and column when a cell is too long."""
        for header in self.oversized_columns():
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "Row {row}: the “{column}” cell is {length} characters long; "
                    "at most {limit} are accepted.",
                ),
                row=self.number,
                column=header,
                length=len(self.cells[header]),
                limit=MAX_CELL_CHARS,
            )


@dataclass(frozen=True)
class Table:
    """A sheet's headers (unique, in file order), its non-blank rows, and where it came from."""

    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    source: str


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read a CSV or XLSX file into a :class:`Table`.

    ``sheet`` names the XLSX worksheet to read (default: the first); it is ignored for CSV.
    Raises :class:`NotFound` for a missing file, :class:`StorageUnavailable` when it cannot be
    read, and :class:`Invalid` for an empty, headerless, header-only, undecodable or
    non-spreadsheet file, or a damaged workbook; each message names the file.
    """
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "The file {file} does not exist."), file=str(path)
        ) from error
    except OSError as error:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("AppError", "Cannot read the file {file}: {reason}"),
            file=str(path),
            reason=error.strerror or str(error),
        ) from error

    if not data.strip():
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "The file {file} is empty."), file=name)
    if data.startswith(_ZIP_MAGIC):
        records = _xlsx_records(data, name, sheet)
    else:
        if data.startswith(_OLE2_MAGIC):
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "The file {file} is in the old Excel format (.xls) or is password-protected. "
                    "Save it as Excel (.xlsx) or CSV, without a password.",
                ),
                file=name,
            )
        if data.startswith(_BINARY_MAGICS):
            raise _not_a_spreadsheet(name)
        records = _csv_records(_decode(data, name), name)
    return _build_table(records, name)


def _not_a_spreadsheet(name: str) -> Invalid:
    return Invalid(
        QT_TRANSLATE_NOOP(
            "AppError", "The file {file} is not a spreadsheet. Save it as CSV or Excel (.xlsx)."
        ),
        file=name,
    )


# --- CSV -------------------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    """The text of a CSV file in whichever supported encoding its bytes are valid."""
    if data.startswith(codecs.BOM_UTF8):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    elif b"\x00" in data:
        raise _not_a_spreadsheet(name)
    else:
        candidates = ("utf-8", "cp1252")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise _not_a_spreadsheet(name)
        return text
    if _looks_binary(data[:8192].decode("ascii", errors="ignore")):
        raise _not_a_spreadsheet(name)
    raise Invalid(
        QT_TRANSLATE_NOOP(
            "AppError",
            "Cannot read the text of {file}: it is neither UTF-8 nor Windows (cp1252) text. "
            "Save it again as “CSV UTF-8”.",
        ),
        file=name,
    )


def _looks_binary(text: str) -> bool:
    """Whether control characters (other than tab, newlines, form feed) abound in ``text``."""
    sample = text[:8192]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    return controls > 0 and controls * 100 >= len(sample)


def _csv_records(text: str, name: str) -> Iterator[tuple[int, list[object]]]:
    """Numbered records of a CSV text; ``sep=`` lines are consumed, not counted."""
    delimiter, text = _delimiter(text)
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for record in reader:
            number += 1
            yield number, list(record)
    except csv.Error as error:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "Row {row} of {file} cannot be read: {reason}"),
            row=number + 1,
            file=name,
            reason=str(error),
        ) from error


def _delimiter(text: str) -> tuple[str, str]:
    """The delimiter of ``text`` and the text to parse (without an Excel ``sep=`` line)."""
    first_line, _, rest = text.partition("\n")
    stripped = first_line.strip().lstrip("\ufeff")
    if len(stripped) == 5 and stripped.lower().startswith("sep=") and stripped[4] in DELIMITERS:
        return stripped[4], rest

    candidates = [d for d in DELIMITERS if d in text]
    if not candidates:
        return ",", text
    scores: dict[str, tuple[int, int, int]] = {}
    for delimiter in candidates:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            records = [r for r in islice(reader, _SNIFF_RECORDS) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not records:
            continue
        width = len(records[0])
        consistent = sum(1 for r in records[1:] if len(r) == width)
        scores[delimiter] = (int(width >= 2), consistent, width)
    if not scores:  # nothing but blank records: the most frequent candidate
        return max(candidates, key=text.count), text
    best = max(scores.values())
    tied = [d for d in candidates if scores.get(d) == best]
    if len(tied) > 1:
        try:
            sniffed = csv.Sniffer().sniff(text[:65536], delimiters="".join(tied)).delimiter
        except csv.Error:
            sniffed = ""
        if sniffed in tied:
            return sniffed, text
        # French-locale files are the usual ambiguous case; prefer ; then tab then comma.
        for preferred in (";", "\t", ","):
            if preferred in tied:
                return preferred, text
    return tied[0], text


# --- XLSX ------------------------------------------------------------------------------------


def _xlsx_records(data: bytes, name: str, sheet: str | None) -> Iterator[tuple[int, list[object]]]:
    """Numbered rows of one worksheet, read completely before returning."""
    import openpyxl  # imported here: CSV-only imports need not pay for it

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, styles): not our concern.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # zipfile, XML and openpyxl errors alike mean a damaged file
        raise _damaged_workbook(name, error) from error
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0] if workbook.worksheets else None
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError", "The workbook {file} has no sheet “{sheet}”. Its sheets: {sheets}."
                ),
                file=name,
                sheet=sheet,
                sheets=", ".join(workbook.sheetnames),
            )
        if worksheet is None or not hasattr(worksheet, "iter_rows"):
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "The workbook {file} has no worksheet."), file=name
            )
        if hasattr(worksheet, "reset_dimensions"):
            # Some generators write a wrong dimension; without this, rows would be lost.
            worksheet.reset_dimensions()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rows = [
                (number, list(values))
                for number, values in enumerate(worksheet.iter_rows(min_row=1, values_only=True), 1)
            ]
    except Invalid:
        raise
    except Exception as error:  # a damaged sheet part fails only when it is read
        raise _damaged_workbook(name, error) from error
    finally:
        workbook.close()
    return iter(rows)


def _damaged_workbook(name: str, error: Exception) -> Invalid:
    return Invalid(
        QT_TRANSLATE_NOOP(
            "AppError",
            "The file {file} is not a readable Excel workbook (it may be truncated or "
            "damaged): {reason}",
        ),
        file=name,
        reason=str(error) or type(error).__name__,
    )


def _cell_text(value: object) -> str:
    """A cell value as the text an importer reads (dates as ISO, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time() else value.isoformat()
    elif isinstance(value, date | time):
        text = value.isoformat()
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    else:
        text = str(value)
    return unicodedata.normalize("NFC", text).strip()


# --- Assembling the table --------------------------------------------------------------------


def _build_table(records: Iterable[tuple[int, Sequence[object]]], name: str) -> Table:
    header: list[str] | None = None
    body: list[tuple[int, list[str]]] = []
    for number, raw in records:
        cells = [_cell_text(value) for value in raw]
        if not any(cells):
            continue
        if header is None:
            header = cells
        else:
            body.append((number, cells))
    if header is None:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "The file {file} has no header row."), file=name
        )

    width = max([len(header), *(len(cells) for _, cells in body)])
    used = [
        (i < len(header) and bool(header[i])) or any(i < len(c) and c[i] for _, c in body)
        for i in range(width)
    ]
    headers = _unique_headers([header[i] if i < len(header) else "" for i in range(width)], used)
    if not headers:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "The file {file} has no header row."), file=name
        )
    if not body:
        # A list without rows is a mistake (a wrong sheet, an empty export); importing it would
        # end every membership, so it is refused like an empty file.
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "The file {file} has a header row but no data rows."),
            file=name,
        )
    rows = tuple(
        TableRow(
            number=number,
            cells={title: cells[i] if i < len(cells) else "" for i, title in headers.items()},
        )
        for number, cells in body
    )
    return Table(headers=tuple(headers.values()), rows=rows, source=name)


def _unique_headers(header: list[str], used: list[bool]) -> dict[int, str]:
    """Column index → unique title; blank titles become “Column N”, repeats get “(2)”."""
    titles: dict[int, str] = {}
    seen: set[str] = set()
    for index, title in enumerate(header):
        if not used[index]:
            continue
        base = title or f"Column {index + 1}"
        candidate, copy = base, 1
        while candidate in seen:
            copy += 1
            candidate = f"{base} ({copy})"
        seen.add(candidate)
        titles[index] = candidate
    return titles
