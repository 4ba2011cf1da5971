"""The text and records of a CSV file, read as a stream: its encoding, delimiter and quoting.

Nothing here holds the whole file: the encoding is decided by one pass over its bytes, line by
line, and records are parsed from a text stream. :mod:`.tables` turns the records into rows.

**Encoding, decided from the whole file with evidence** (never from its first bytes alone):

- a UTF-8 or UTF-16 byte-order mark says it (Excel's "CSV UTF-8" and "Unicode text");
- otherwise every line holding a byte above 127 is tried as UTF-8. No such line fails: UTF-8.
  Some fail and more succeed: UTF-8 still, and the records holding the bad bytes are kept
  with those bytes escaped (``\\xff``) so that the importer rejects exactly those rows, naming
  them; a stray byte never turns the whole file into mojibake. More fail than succeed: the file
  mixes encodings and is refused. None succeeds: Windows cp1252 text (what French-locale Excel
  writes when told "CSV"), read as such only if every line is valid cp1252.

**Quoting.** A quoted cell may span lines (an address), but a cell that swallows a line
holding as many separators as a row (a quote left open: the next row would vanish into the
cell) or that runs unclosed to the end of the file refuses the file, naming the row where the
quote opens. The whole file rather than the row: the rows it swallowed are neither imported
nor reported, and a member list would then end their memberships without a word.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid

DELIMITERS = (",", ";", "\t")
_SNIFF_RECORDS = 50
_SNIFF_CHARS = 256 * 1024
# csv refuses fields over 128 KiB by default; a huge cell should reject its row, not the file.
_CSV_FIELD_LIMIT = 16 * 1024 * 1024


def not_a_spreadsheet(name: str) -> Invalid:
    """The refusal of a file that is no spreadsheet at all."""
    return Invalid(
        QT_TRANSLATE_NOOP(
            "AppError", "The file {file} is not a spreadsheet. Save it as CSV or Excel (.xlsx)."
        ),
        file=name,
    )


@dataclass(frozen=True)
class CsvFormat:
    """How to read a CSV file's text: encoding, delimiter, and whether a ``sep=`` line leads."""

    encoding: str
    delimiter: str
    sep_line: bool
    width: int
    """The header's width (its first non-blank record's)."""


def csv_format(path: Path, name: str) -> CsvFormat:
    """The encoding (see the module docstring) and delimiter of the CSV file at ``path``."""
    encoding = _encoding(path, name)
    with _text(path, encoding) as stream:
        sample = stream.read(_SNIFF_CHARS)
        if len(sample) == _SNIFF_CHARS and "\n" in sample:
            sample = sample[: sample.rindex("\n") + 1]  # whole lines only
    if _looks_binary(sample):
        raise not_a_spreadsheet(name)
    delimiter, sep_line = _delimiter(sample)
    text = sample.partition("\n")[2] if sep_line else sample
    try:
        records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = next((r for r in records if any(c.strip() for c in r)), [])
    except csv.Error:
        header = []
    return CsvFormat(encoding, delimiter, sep_line, len(header))


def csv_records(path: Path, name: str, fmt: CsvFormat) -> Iterator[list[str]]:
    """The records of the file, in order (``sep=`` line consumed, blank records included).

    A multi-line cell holding a line with as many separators as the header is a quote left
    open (see the module docstring).
    """
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    with _text(path, fmt.encoding) as stream:
        if fmt.sep_line:
            stream.readline()
        lines = _Lines(stream)
        reader = csv.reader(lines, delimiter=fmt.delimiter)
        number = 0
        last: list[str] = []
        try:
            for record in reader:
                number += 1
                if lines.count > 1:
                    _check_multiline(record, number, name, fmt.delimiter, fmt.width)
                last = lines.taken
                lines.start_record()
                yield record
        except csv.Error as error:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Row {row} of {file} cannot be read: {reason}"),
                row=number + 1,
                file=name,
                reason=str(error),
            ) from error
        except UnicodeDecodeError as error:  # only if the file changed since it was checked
            raise _undecodable(name) from error
        _check_closed(last, number, name, fmt.delimiter)


class _Lines:
    """The stream's lines, keeping those of the record being parsed (for the quote checks)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.taken: list[str] = []
        self.count = 0

    def start_record(self) -> None:
        self.taken = []
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self.stream)
        self.count += 1
        if len(self.taken) < 64:  # enough to tell whether the last record's quote closes
            self.taken.append(line)
        return line


_T_UNCLOSED = QT_TRANSLATE_NOOP(
    "AppError",
    "Row {row} of {file}: a quoted cell is never closed, it runs to the end of the file. "
    'A quote (") is missing; correct the file. Nothing was imported.',
)
_T_SWALLOWED = QT_TRANSLATE_NOOP(
    "AppError",
    "Row {row} of {file}: a quoted cell runs over the next lines and swallows a whole row "
    '(“{line}”). A quote (") is missing; correct the file. Nothing was imported.',
)


def _check_multiline(record: list[str], number: int, name: str, delimiter: str, width: int) -> None:
    """Refuse a record whose multi-line cell holds a line that looks like a whole row."""
    if width < 2:
        return
    for cell in record:
        if "\n" not in cell and "\r" not in cell:
            continue
        for line in cell.splitlines()[1:]:
            if line.count(delimiter) >= width - 1:
                raise Invalid(_T_SWALLOWED, row=number, file=name, line=line[:80])


def _check_closed(lines: list[str], number: int, name: str, delimiter: str) -> None:
    """Refuse a file whose last record ends inside a quoted cell (csv accepts it silently)."""
    if not lines or '"' not in "".join(lines):
        return
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        if "end of data" in str(error):
            raise Invalid(_T_UNCLOSED, row=number, file=name) from None


@contextmanager
def _text(path: Path, encoding: str) -> Iterator[IO[str]]:
    # surrogateescape: a UTF-8 line with a stray byte reads as text whose bad bytes are lone
    # surrogates, which :mod:`.tables` reports as that row's problem.
    errors = "surrogateescape" if encoding.startswith("utf-8") else "strict"
    with path.open(encoding=encoding, errors=errors, newline="") as stream:
        yield stream


def _encoding(path: Path, name: str) -> str:
    with path.open("rb") as raw:
        head = raw.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        raw.seek(0)
        valid = invalid = 0
        cp1252 = True
        for line in raw:
            if b"\x00" in line:
                raise not_a_spreadsheet(name)
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                invalid += 1
                if cp1252:
                    try:
                        line.decode("cp1252")
                    except UnicodeDecodeError:
                        cp1252 = False
            else:
                valid += 1
    if invalid == 0 or (valid and invalid <= valid):
        return "utf-8"
    if valid:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "The text of {file} mixes encodings: {valid} lines are UTF-8 and {invalid} are "
                "not. Save it again as “CSV UTF-8”.",
            ),
            file=name,
            valid=valid,
            invalid=invalid,
        )
    if cp1252:
        return "cp1252"
    with path.open("rb") as raw:
        if _looks_binary(raw.read(8192).decode("ascii", errors="ignore")):
            raise not_a_spreadsheet(name)
    raise _undecodable(name)


def _undecodable(name: str) -> Invalid:
    return Invalid(
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


def _delimiter(text: str) -> tuple[str, bool]:
    """The delimiter of ``text`` (the file's first lines), and whether a ``sep=`` line leads.

    An Excel ``sep=;`` first line is honoured. Otherwise each candidate parses the first
    records and the one giving a header of two or more columns and the most records of the
    header's width wins; :class:`csv.Sniffer` breaks ties.
    """
    first_line = text.partition("\n")[0]
    stripped = first_line.strip().lstrip("\ufeff")
    if len(stripped) == 5 and stripped.lower().startswith("sep=") and stripped[4] in DELIMITERS:
        return stripped[4], True

    candidates = [d for d in DELIMITERS if d in text]
    if not candidates:
        return ",", False
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
        return max(candidates, key=text.count), False
    best = max(scores.values())
    tied = [d for d in candidates if scores.get(d) == best]
    if len(tied) > 1:
        try:
            sniffed = csv.Sniffer().sniff(text[:65536], delimiters="".join(tied)).delimiter
        except csv.Error:
            sniffed = ""
        if sniffed in tied:
            return sniffed, False
        # French-locale files are the usual ambiguous case; prefer ; then tab then comma.
        for preferred in (";", "\t", ","):
            if preferred in tied:
                return preferred, False
    return tied[0], False
