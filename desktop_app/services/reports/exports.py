"""Writing a report to CSV or XLSX: safe against formula injection, owner-only, audited.

- CSV is UTF-8 with a byte-order mark (so Excel opens accents right); a report with several
  tables writes them one after the other, each under its title.
- XLSX is written with XlsxWriter in constant-memory mode (100,000 rows in a few seconds and
  little memory), one sheet per table, headings bold and frozen.
- A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (after
  leading spaces) is never a formula (OWASP, "CSV injection"): in CSV it gets a leading
  apostrophe, in XLSX it is written as a text cell (its text unchanged).
- Files hold personal information: written to a temporary file in the same folder with mode
  0600, then renamed into place, so a reader never sees half a file; only regular files, and
  an existing one only with ``force`` (``db.private_files.output_file``).
- Every export is audited: who, which report, how many rows, which file.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.private_files import output_file, write_output
from desktop_app.documents.report_data import Cell, Language, Pair, ReportDocument, label
from desktop_app.services.admin import audit

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportFormat(StrEnum):
    """The file formats of an export."""

    CSV = "csv"
    XLSX = "xlsx"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula."""
    return text.lstrip(" ").startswith(_FORMULA_STARTS)


def csv_text(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs: a leading apostrophe when it could."""
    return "'" + text if looks_like_formula(text) else text


def _plain(
    cell: Cell, column: int, labelled: frozenset[int], document: ReportDocument, language: Language
) -> str | int | Decimal | datetime | None:
    if isinstance(cell, Pair):
        return cell.text(language)
    if isinstance(cell, str) and column in labelled:
        return label(cell, language)
    if isinstance(cell, datetime):
        local = cell.astimezone(ZoneInfo(document.timezone))
        return local.replace(tzinfo=None, microsecond=0)
    return cell


def plain_cell(
    cell: Cell, column: int, labelled: frozenset[int], document: ReportDocument, language: Language
) -> str:
    """A cell as text for the terminal (money with two decimals, times in the venue's zone)."""
    value = _plain(cell, column, labelled, document, language)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def _csv_bytes(document: ReportDocument, language: Language) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    several = sum(s.output != "pdf" for s in document.sections) > 1
    sections = [s for s in document.sections if s.output != "pdf"]
    for index, section in enumerate(sections):
        if several:
            if index:
                writer.writerow([])
            writer.writerow([csv_text(label(section.title, language))])
        writer.writerow([csv_text(label(column, language)) for column in section.columns])
        for row in section.rows:
            cells = []
            for i, cell in enumerate(row):
                value = _plain(cell, i, section.labelled, document, language)
                if value is None:
                    cells.append("")
                elif isinstance(value, datetime):
                    cells.append(value.strftime("%Y-%m-%d %H:%M"))
                elif isinstance(value, Decimal):
                    cells.append(f"{value:.2f}")
                elif isinstance(value, int):
                    cells.append(str(value))
                else:
                    cells.append(csv_text(str(value)))
            writer.writerow(cells)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sheet_title(text: str, used: set[str]) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in text)[:31] or "Sheet"
    title, n = cleaned, 2
    while title.casefold() in used:
        suffix = f" ({n})"
        title = cleaned[: 31 - len(suffix)] + suffix
        n += 1
    used.add(title.casefold())
    return title


def _write_xlsx(document: ReportDocument, language: Language, path: Path, *, force: bool) -> None:
    """XlsxWriter in constant-memory mode: one row in memory at a time, 100,000 rows in a
    few seconds (openpyxl's write-only mode took twice as long). Every text goes through
    ``write_string``: a cell that starts with "=" stays text, never a formula."""
    import xlsxwriter

    with output_file(path, force=force) as handle:
        workbook = xlsxwriter.Workbook(handle, {"constant_memory": True, "in_memory": False})
        bold = workbook.add_format({"bold": True})
        money_format = workbook.add_format({"num_format": "#,##0.00"})
        time_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        used: set[str] = set()
        for section in document.sections:
            if section.output == "pdf":
                continue
            sheet = workbook.add_worksheet(_sheet_title(label(section.title, language), used))
            widths = [len(label(column, language)) for column in section.columns]
            for column, title in enumerate(section.columns):
                sheet.write_string(0, column, label(title, language), bold)
            for number, row in enumerate(section.rows, start=1):
                for column, raw in enumerate(row):
                    value = _plain(raw, column, section.labelled, document, language)
                    if value is None:
                        continue
                    if isinstance(value, str):
                        sheet.write_string(number, column, value)
                        if number <= 200:
                            widths[column] = max(widths[column], len(value))
                    elif isinstance(value, Decimal):
                        sheet.write_number(number, column, float(value), money_format)
                    elif isinstance(value, datetime):
                        sheet.write_datetime(number, column, value, time_format)
                    else:
                        sheet.write_number(number, column, value)
            for column, width in enumerate(widths):
                sheet.set_column(column, column, min(max(width, 8), 60) + 2)
            sheet.freeze_panes(1, 0)
        workbook.close()


def write_export(
    document: ReportDocument,
    path: Path,
    export_format: ExportFormat,
    language: Language,
    *,
    force: bool = False,
) -> int:
    """Write ``document`` to ``path``; returns the number of data rows written.

    ``path`` must be a regular file to create, or to replace with ``force`` (the desk's save
    dialog asked; the CLI's ``--force``): see ``db.private_files.output_target``.
    """
    if export_format is ExportFormat.CSV:
        write_output(path, _csv_bytes(document, language), force=force)
    else:
        _write_xlsx(document, language, path, force=force)
    return document.row_count()


def export_report(
    sessions: sessionmaker[Session],
    document: ReportDocument,
    path: Path,
    export_format: ExportFormat,
    language: Language,
    *,
    staff: str,
    desk: str | None = None,
    subject: str | None = None,
    force: bool = False,
) -> int:
    """Write the export, then audit it (who, what, how many rows, where)."""
    rows = write_export(document, path, export_format, language, force=force)
    with sessions.begin() as session:
        record_export(
            session, document, path, export_format, rows, staff=staff, desk=desk, subject=subject
        )
    return rows


def record_export(
    session: Session,
    document: ReportDocument,
    path: Path,
    export_format: str,
    rows: int,
    *,
    staff: str,
    desk: str | None = None,
    subject: str | None = None,
) -> None:
    """The audit entry of one export (also for PDFs)."""
    audit.record(
        session,
        "report.export",
        desk=desk,
        staff=staff,
        subject=subject or document.kind,
        detail={
            "report": document.kind,
            "format": str(export_format),
            "rows": rows,
            "file": str(path),
            "reference": document.reference,
        },
    )
