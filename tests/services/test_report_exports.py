"""Exports read back as a spreadsheet user would see them: hostile cells stay text, files are
private and whole, every export is audited; PDFs read back with their numbers."""

from __future__ import annotations

import csv
import io
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, Person
from desktop_app.documents.report_pdf import render_report_pdf
from desktop_app.services.reports import Presence, attendance_report, attendee_list, sales_report
from desktop_app.services.reports.document import (
    attendance_document,
    attendees_document,
    sales_document,
)
from desktop_app.services.reports.exports import (
    ExportFormat,
    csv_text,
    export_report,
    looks_like_formula,
)
from tests.documents.pdf_reading import flat, pdf_text
from tests.services.money_desk import MONTREAL
from tests.services.reports_data import Scenario, build

HOSTILE = '=HYPERLINK("http://x","y")'


@pytest.fixture
def scenario(database: Database, monkeypatch: pytest.MonkeyPatch) -> Scenario:
    made = build(database.sessions, monkeypatch)
    with database.sessions.begin() as session:
        person = session.scalars(select(Person).where(Person.last_name == "R1")).one()
        person.first_name = HOSTILE
        person.organization_name = "  +1 Dose inc."
    return made


def test_a_hostile_name_comes_back_as_text_from_csv_and_xlsx(
    database: Database, scenario: Scenario, tmp_path: Path
) -> None:
    document = attendees_document(
        attendee_list(database.sessions, MONTREAL, presence=Presence.CHECKED_IN)
    )
    csv_path, xlsx_path = tmp_path / "came.csv", tmp_path / "came.xlsx"
    rows = export_report(
        database.sessions, document, csv_path, ExportFormat.CSV, "fr", staff="Sophie"
    )
    export_report(database.sessions, document, xlsx_path, ExportFormat.XLSX, "en", staff="Sophie")
    assert rows == 7

    data = csv_path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0][:3] == ["Nom", "Organisation", "Courriel"]
    names = [row[0] for row in table[1:]]
    assert f"'{HOSTILE} R1" in names  # an apostrophe first: no spreadsheet runs it
    assert "'  +1 Dose inc." in [row[1] for row in table[1:]]

    sheet = load_workbook(xlsx_path).active
    assert sheet is not None
    assert [cell.value for cell in sheet[1]][:2] == ["Name", "Organization"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    hostile = next(cell for cell in cells if str(cell.value).startswith("="))
    assert hostile.value == f"{HOSTILE} R1" and hostile.data_type == "s"  # text, not formula

    for path in (csv_path, xlsx_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.part"))
    with database.sessions() as session:
        details = [
            entry.detail
            for entry in session.scalars(
                select(AuditEntry).where(AuditEntry.action == "report.export")
            )
        ]
    assert [(d["report"], d["format"], d["rows"]) for d in details if d] == [
        ("attendees", "csv", 7),
        ("attendees", "xlsx", 7),
    ]


def test_an_export_to_a_folder_that_cannot_be_written_is_said_and_leaves_nothing(
    database: Database, scenario: Scenario, tmp_path: Path
) -> None:
    from desktop_app.domain.errors import StorageUnavailable

    not_a_folder = tmp_path / "notes.txt"  # a file where the folder should be (root ignores modes)
    not_a_folder.write_text("x")
    document = attendance_document(attendance_report(database.sessions, MONTREAL))
    with pytest.raises(StorageUnavailable) as raised:
        export_report(
            database.sessions, document, not_a_folder / "x.csv", ExportFormat.CSV, "en", staff="S"
        )
    assert "x.csv" in raised.value.message
    assert not [p for p in tmp_path.iterdir() if "x.csv" in p.name]


@given(st.text(max_size=12))
@settings(max_examples=200, deadline=None)
def test_no_csv_cell_can_start_a_formula(text: str) -> None:
    written = csv_text(text)
    assert not looks_like_formula(written)
    assert written in (text, "'" + text)


def test_the_attendance_pdf_has_the_numbers_french_first(
    database: Database, scenario: Scenario
) -> None:
    from datetime import UTC, datetime

    report = attendance_report(database.sessions, MONTREAL)
    text = pdf_text(render_report_pdf(attendance_document(report), generated_at=datetime.now(UTC)))
    assert text.index("Présences") < text.index("Attendance")  # a Québec event: French first
    assert "Membres des deux / Members of both" in text
    assert "Arrivées par quart d'heure" in text


def test_the_sales_pdf_prints_the_tax_totals_of_the_receipts(
    database: Database, scenario: Scenario
) -> None:
    from datetime import UTC, datetime

    from desktop_app.domain.money import format_money

    report = sales_report(database.sessions, MONTREAL)
    text = flat(pdf_text(render_report_pdf(sales_document(report), generated_at=datetime.now(UTC))))
    assert flat(format_money(report.totals.total, "fr")) in text
    assert flat(format_money(report.totals.tax("QST"), "fr")) in text
    assert "TVQ" in text and "QST" in text
    assert report.totals.total == scenario.walk_in_total + Decimal("0.00")


@given(
    sales=st.lists(
        st.tuples(
            st.sampled_from(["cash", "card"]),
            st.sampled_from(["on-site", "student"]),
            st.one_of(st.none(), st.decimals(min_value="0.01", max_value="90.00", places=2)),
        ),
        min_size=1,
        max_size=4,
    )
)
@settings(max_examples=12, deadline=None)
def test_sales_taxes_equal_the_receipts_minus_the_credit_notes(
    sales: list[tuple[str, str, Decimal | None]],
) -> None:
    """Whatever was sold and credited, the report's taxes are the receipts' to the cent."""
    import tempfile
    import uuid

    from desktop_app.db.database import open_database
    from desktop_app.db.engine import sqlite_url
    from desktop_app.db.models import Receipt
    from desktop_app.services.desk.walkin import WalkInForm, register_walk_in
    from desktop_app.services.money.credit_notes import issue_credit_note
    from desktop_app.services.money.payments import PaymentInput
    from tests.services.money_desk import setup_money_desk, total
    from tests.services.reports_data import montreal

    with tempfile.TemporaryDirectory() as folder:
        database = open_database(sqlite_url(Path(folder) / "h.sqlite3"))
        try:
            sessions = database.sessions
            setup_money_desk(sessions)
            for number, (method, category, credit) in enumerate(sales):
                price = total(MONTREAL, category, sessions)
                payment = (
                    PaymentInput("cash", price, tendered=price)
                    if method == "cash"
                    else PaymentInput("card", price, reference=f"REF{number}")
                )
                result = register_walk_in(
                    sessions,
                    MONTREAL,
                    WalkInForm(
                        "Hy", f"Pothesis{number}", f"h{number}@example.org", None, category, "fr"
                    ),
                    payment,
                    desk="D",
                    staff="S",
                    action_id=uuid.uuid4().hex,
                    at=montreal(9, number),
                )
                if credit is not None and result.receipt is not None:
                    issue_credit_note(
                        sessions,
                        result.receipt.receipt_id,
                        amount=min(credit, price),
                        reason="test",
                        desk="D",
                        staff="S",
                    )
            report = sales_report(sessions, MONTREAL)
            with sessions() as session:
                rows = session.scalars(select(Receipt)).all()
            taxes: dict[str, Decimal] = {}
            for row in rows:
                for line in row.taxes["lines"]:
                    taxes[line["code"]] = taxes.get(line["code"], Decimal(0)) + Decimal(
                        line["amount"]
                    )
            assert report.totals.total == sum((row.total for row in rows), Decimal(0))
            assert report.totals.subtotal == sum((row.subtotal for row in rows), Decimal(0))
            assert dict(report.totals.taxes) == {
                code: taxes.get(code, Decimal(0)) for code in report.tax_codes
            }
            assert report.totals.subtotal + sum(taxes.values(), Decimal(0)) == report.totals.total
            by_method = sum((row.total for row in report.by_method[:2]), Decimal(0))
            assert by_method == report.totals.total
        finally:
            database.dispose()
