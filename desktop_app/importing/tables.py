"""Read the spreadsheets associations and ticketing systems send into plain rows of text.

One entry point, :func:`read_table`, takes a CSV or XLSX file and returns a :class:`Table`:
headers, and rows of stripped, NFC-normalised strings, each row with the number a spreadsheet
user would see. No database, no Qt: interpreting the columns is :mod:`.columns`' job.

**Streamed.** The file is never held whole: :func:`read_table` reads it once to check it and
find its header and columns (every fatal problem is raised there, before an importer opens a
transaction), and :meth:`Table.iter_rows` reads it again, yielding one row at a time (CSV
through :mod:`csv`, XLSX through openpyxl's read-only mode). :attr:`Table.rows` keeps every row
for callers that want a sequence.

What is detected rather than asked:

- **Format** by content, not by extension: a ZIP container is read as an XLSX workbook; known
  binary formats (old ``.xls``, PDF, images, archives) and files full of control characters are
  refused with a message naming the file.
- **Encoding** of a CSV, from the whole file (see :mod:`.csv_source`): a byte-order mark, else
  UTF-8 when its non-ASCII lines are UTF-8, a few stray bytes rejecting only their rows (the
  bytes shown), else Windows cp1252 when no line is UTF-8. A header that reads like UTF-8
  decoded as another encoding (``PrÃ©nom``) refuses the file, naming the problem.
- **Delimiter** among comma, semicolon and tab (French-locale Excel writes semicolons); an
  Excel ``sep=;`` first line is honoured. A quote left open refuses the file (see
  :mod:`.csv_source`).

Row numbers are those Excel shows: the header is row 1 when it is the first line, and each CSV
*record* counts as one row even when a quoted cell spans several lines (Excel shows such a
record as one row). Blank rows are skipped but still counted, so numbers stay those of the file.
The header is the first non-blank row.

Oversized cells (more than :data:`MAX_CELL_CHARS`) and undecodable bytes are kept, not refused
here: the importer rejects the row (:meth:`TableRow.problem`), so one bad row never stops a
file.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from operator import itemgetter
from pathlib import Path

from desktop_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    Invalid,
    Message,
    NotFound,
    StorageUnavailable,
)
from desktop_app.importing.csv_source import (
    DELIMITERS,
    CsvFormat,
    csv_format,
    csv_records,
    not_a_spreadsheet,
)

__all__ = ["DELIMITERS", "MAX_CELL_CHARS", "Table", "TableRow", "read_table"]

MAX_CELL_CHARS = 1000
"""Longest cell an importer accepts; longer ones reject their row, not the file."""

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls (and password-protected .xlsx)
_BINARY_MAGICS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"PK\x05\x06")
_KEEP_BYTES = 8 * 1024 * 1024  # CSV files up to this size are parsed once, not twice
_SURROGATES = re.compile("[\udc80-\udcff]")

_T_OVERSIZED = QT_TRANSLATE_NOOP(
    "AppError",
    "Row {row}: the “{column}” cell is {length} characters long; at most {limit} are accepted.",
)
_T_UNDECODABLE = QT_TRANSLATE_NOOP(
    "AppError",
    "The row holds bytes that are not UTF-8 text (“{cell}”) while the rest of the file is "
    "UTF-8: correct them, or save the file again as “CSV UTF-8”.",
)


_T_UNCOMPUTED = QT_TRANSLATE_NOOP(
    "AppError",
    "A cell holds the formula “{formula}” but the workbook does not hold its value (it was "
    "never opened in a spreadsheet): open and save the file in Excel or LibreOffice, or type "
    "the value.",
)


class _Uncomputed(str):
    """An XLSX cell's formula, standing in for the value the workbook does not hold."""


@dataclass(frozen=True, slots=True)
class TableRow:
    """One data row: its number as a spreadsheet shows it, and its cells by header.

    ``undecodable`` is a cell holding bytes that are not text in the file's encoding, shown
    with those bytes escaped (``Caf\\xff Inc``; the cell itself holds the same escaped text).
    """

    number: int
    cells: dict[str, str]
    undecodable: str = ""
    uncomputed: str = ""  # a formula whose value the workbook does not hold (no cached value)

    def get(self, header: str) -> str:
        """The cell under ``header``, or ``""`` when the row or the table lacks it."""
        return self.cells.get(header, "")

    def oversized_columns(self) -> tuple[str, ...]:
        """Headers whose cell in this row is longer than :data:`MAX_CELL_CHARS`."""
        if max(map(len, self.cells.values()), default=0) <= MAX_CELL_CHARS:
            return ()  # every row is asked: the usual answer in one pass, in C
        return tuple(h for h, v in self.cells.items() if len(v) > MAX_CELL_CHARS)

    def problem(self) -> Message | None:
        """Why an importer cannot read this row at all (undecodable bytes), if so."""
        if self.undecodable:
            return Message(_T_UNDECODABLE, cell=self.undecodable)
        if self.uncomputed:
            return Message(_T_UNCOMPUTED, formula=self.uncomputed)
        return None

    def ensure_cells_fit(self) -> None:
        """Raise :class:`Invalid` naming the row when its bytes or a cell's length are wrong."""
        problem = self.problem()
        if problem is not None:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Row {row}: {problem}"),
                row=self.number,
                problem=problem,
            )
        for header in self.oversized_columns():
            raise Invalid(
                _T_OVERSIZED,
                row=self.number,
                column=header,
                length=len(self.cells[header]),
                limit=MAX_CELL_CHARS,
            )


Records = Callable[[], Iterator[list[object]]]


class Table:
    """A sheet's headers (unique, in file order), its non-blank rows, and where it came from.

    The rows are read from the file again at each :meth:`iter_rows`; :attr:`rows` keeps them.
    """

    def __init__(
        self,
        headers: tuple[str, ...],
        source: str,
        rows: Callable[[], Iterator[TableRow]],
        count: int,
    ) -> None:
        self.headers = headers
        self.source = source
        self.count = count
        """How many non-blank data rows the file has."""
        self._rows = rows
        self._kept: tuple[TableRow, ...] | None = None

    def iter_rows(self) -> Iterator[TableRow]:
        """The data rows, one at a time, read from the file (constant memory)."""
        if self._kept is not None:
            return iter(self._kept)
        return self._rows()

    @property
    def rows(self) -> tuple[TableRow, ...]:
        """Every data row, read once and kept (for small files and callers wanting a list)."""
        if self._kept is None:
            self._kept = tuple(self._rows())
        return self._kept

    def with_rows(self, rows: tuple[TableRow, ...]) -> Table:
        """The same table holding only ``rows`` (e.g. without the add-on rows)."""
        kept = Table(self.headers, self.source, lambda: iter(rows), len(rows))
        kept._kept = rows
        return kept


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read a CSV or XLSX file into a :class:`Table`.

    ``sheet`` names the XLSX worksheet to read (default: the first); it is ignored for CSV.
    Raises :class:`NotFound` for a missing file, :class:`StorageUnavailable` when it cannot be
    read, and :class:`Invalid` for an empty, headerless, header-only, undecodable or
    non-spreadsheet file, a quote left open, a garbled header, or a damaged workbook; each
    message names the file.
    """
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
            empty = not head.strip() and not handle.read(1)
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

    if empty:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "The file {file} is empty."), file=name)
    if head.startswith(_ZIP_MAGIC):
        return _build_table(lambda: _xlsx_records(path, name, sheet), name, xlsx=True)
    if head.startswith(_OLE2_MAGIC):
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "The file {file} is in the old Excel format (.xls) or is password-protected. "
                "Save it as Excel (.xlsx) or CSV, without a password.",
            ),
            file=name,
        )
    if head.startswith(_BINARY_MAGICS):
        raise not_a_spreadsheet(name)
    fmt = csv_format(path, name)
    small = path.stat().st_size <= _KEEP_BYTES
    return _build_table(lambda: _csv_texts(path, name, fmt), name, xlsx=False, keep=small)


def _csv_texts(path: Path, name: str, fmt: CsvFormat) -> Iterator[list[object]]:
    # A generator's list[str] is a list[object] to the table builder (lists are invariant).
    records: Iterator[list[object]] = csv_records(path, name, fmt)  # type: ignore[assignment]
    return records


# --- XLSX ------------------------------------------------------------------------------------


def _xlsx_records(path: Path, name: str, sheet: str | None) -> Iterator[list[object]]:
    """The rows of one worksheet, streamed by openpyxl's read-only mode."""
    import openpyxl  # imported here: CSV-only imports need not pay for it

    # A file object, not the path: openpyxl judges a path by its extension, not its content.
    handle = path.open("rb")
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation, styles): not our concern.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # zipfile, XML and openpyxl errors alike mean a damaged file
        handle.close()
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
        formulas = _formula_rows(path, worksheet.title) if _has_formulas(path) else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for values in worksheet.iter_rows(min_row=1, values_only=True):
                row = list(values)
                written = next(formulas, ()) if formulas is not None else ()
                for index, (value, formula) in enumerate(zip(row, written, strict=False)):
                    # data_only gives None both for a blank cell and for a formula the file
                    # holds no value of (written by a program, never opened in Excel).
                    if value is None and isinstance(formula, str) and formula.startswith("="):
                        row[index] = _Uncomputed(formula)
                yield row
    except Invalid:
        raise
    except Exception as error:  # a damaged sheet part fails only when it is read
        raise _damaged_workbook(name, error) from error
    finally:
        workbook.close()
        handle.close()


def _has_formulas(path: Path) -> bool:
    """Whether a worksheet of the workbook holds a formula (an ``<f>`` element), read from
    the zip without parsing: most lists have none and are then read once only."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if not member.startswith("xl/worksheets/"):
                continue
            with archive.open(member) as part:
                tail = b""
                while chunk := part.read(1 << 20):
                    if re.search(rb"<(?:\w+:)?f[ >]", tail + chunk):
                        return True
                    tail = chunk[-8:]
    return False


def _formula_rows(path: Path, title: str) -> Iterator[tuple[object, ...]]:
    """The sheet's cells as written (formulas as text), row by row, beside the values."""
    import openpyxl

    with path.open("rb") as handle, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=False)
        try:
            sheet = workbook[title]
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            yield from sheet.iter_rows(min_row=1, values_only=True)
        finally:
            workbook.close()


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


def _texts(raw: list[object]) -> tuple[list[str], str]:
    """A record's cells as text, and the first cell holding undecodable bytes (escaped)."""
    cells = [_cell_text(value) for value in raw]
    return _checked(cells)


def _csv_cells(raw: list[object]) -> tuple[list[str], str]:
    """:func:`_texts` for a CSV record, whose cells are all text already: the same cells
    (NFC, stripped), without a call per cell (an import reads every cell of every row)."""
    texts: list[str] = raw  # type: ignore[assignment]  # csv.reader gives str only
    cells = [
        text.strip() if text.isascii() else unicodedata.normalize("NFC", text).strip()
        for text in texts
    ]
    return _checked(cells)


def _checked(cells: list[str]) -> tuple[list[str], str]:
    joined = "".join(cells)
    if joined.isascii() or not _SURROGATES.search(joined):
        return cells, ""
    escaped = [
        c.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") for c in cells
    ]
    bad = next(e for c, e in zip(cells, escaped, strict=True) if _SURROGATES.search(c))
    return escaped, bad


def _build_table(records: Records, name: str, *, xlsx: bool, keep: bool = False) -> Table:
    """Check the whole file once (header, width, used columns), then stream its rows.

    ``keep``: a small file's records are kept from the check, not read again.
    """
    kept: list[tuple[int, list[object]]] = []
    header: list[str] | None = None
    header_index = 0
    width = count = 0
    used: list[bool] = []
    for index, raw in enumerate(records(), 1):
        if header is None:
            cells, bad = _texts(raw)
            if not any(cells):
                continue
            if bad:
                raise Invalid(
                    QT_TRANSLATE_NOOP(
                        "AppError",
                        "The header row of {file} holds bytes that are not UTF-8 text "
                        "(“{cell}”). Save the file again as “CSV UTF-8”.",
                    ),
                    file=name,
                    cell=bad,
                )
            header, header_index, width = cells, index, len(cells)
            used = [bool(c) for c in cells]
            continue
        # Emptiness does not depend on normalisation: CSV cells are tested as read.
        texts = [_cell_text(v) for v in raw] if xlsx else [str(v).strip() for v in raw]
        if not any(texts):
            continue
        count += 1
        if keep:
            kept.append((index, raw))
        if len(texts) > width:
            used += [False] * (len(texts) - width)
            width = len(texts)
        for i, text in enumerate(texts):
            if text and not used[i]:
                used[i] = True
    if header is None:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "The file {file} has no header row."), file=name
        )
    header += [""] * (width - len(header))
    headers = _unique_headers(header, used)
    if not headers:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "The file {file} has no header row."), file=name
        )
    _refuse_garbled(headers.values(), name)
    if not count:
        # A list without rows is a mistake (a wrong sheet, an empty export); importing it would
        # end every membership, so it is refused like an empty file.
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "The file {file} has a header row but no data rows."),
            file=name,
        )
    columns = list(headers.items())
    titles = [title for _, title in columns]
    pick = itemgetter(*(i for i, _ in columns)) if len(columns) > 1 else None
    last = max(i for i, _ in columns)

    def rows() -> Iterator[TableRow]:
        numbered = kept if keep else enumerate(records(), 1)
        for index, raw in numbered:
            if index <= header_index:
                continue
            # CSV records hold text only (no formula); a workbook's cells may be anything.
            cells, bad = _texts(raw) if xlsx else _csv_cells(raw)
            formula = (
                next((value for value in raw if isinstance(value, _Uncomputed)), "") if xlsx else ""
            )
            if not any(cells) and not formula:
                continue
            if pick is not None and len(cells) > last:  # a full record: its used columns
                values = dict(zip(titles, pick(cells), strict=True))
            else:
                values = {title: cells[i] if i < len(cells) else "" for i, title in columns}
            yield TableRow(number=index, cells=values, undecodable=bad, uncomputed=formula)

    return Table(headers=tuple(headers.values()), source=name, rows=rows, count=count)


def _refuse_garbled(headers: Iterable[str], name: str) -> None:
    """Refuse a header that reads like UTF-8 decoded as cp1252 or Latin-1 (``PrÃ©nom``)."""
    for title in headers:
        fixed = _ungarbled(title)
        if fixed is not None:
            raise Invalid(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "The header of {file} looks garbled: “{header}” reads “{fixed}” as UTF-8. "
                    "The file's text went through the wrong encoding (UTF-8 read as Windows "
                    "text); export it again as “CSV UTF-8” from the original.",
                ),
                file=name,
                header=title,
                fixed=fixed,
            )


def _ungarbled(text: str) -> str | None:
    """``text`` repaired when it is UTF-8 bytes shown as cp1252 or Latin-1 (mojibake), else None.

    Real accented text never qualifies: “Prénom” in cp1252 is not valid UTF-8, while “PrÃ©nom”
    is exactly the UTF-8 of “Prénom”.
    """
    if text.isascii():
        return None
    for encoding in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != text:
            return fixed
    return None


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
