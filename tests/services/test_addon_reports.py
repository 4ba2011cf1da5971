"""Add-ons in the money reports: the sales report and a desk's closing give each add-on its
own line (its session's name, count sold, before taxes, each tax, total), the categories
count admissions only, and every figure still adds up to the receipts and the payments
(both back ends: the tests take ``database``)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Payment, Receipt, Registration
from desktop_app.documents.report_pdf import render_report_pdf
from desktop_app.services.desk.addon_sale import sell_addons
from desktop_app.services.desk.walkin import WalkInForm, register_walk_in
from desktop_app.services.money.credit_notes import issue_credit_note
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.reports.attendance import attendance_report
from desktop_app.services.reports.closing import close_desk
from desktop_app.services.reports.document import (
    attendance_document,
    closing_document,
    sales_document,
)
from desktop_app.services.reports.exports import ExportFormat, write_export
from desktop_app.services.reports.sales import SalesReport, sales_report
from tests.documents.pdf_reading import flat, pdf_text
from tests.services.addons_data import ADMISSION, GALA, MEMBER, addon_forum
from tests.services.money_desk import (
    BEFORE_MONTREAL,
    MONTREAL,
    add_registration,
)

D = Decimal
GALA_TAXES = {"GST": D("4.75"), "QST": D("9.48")}
REFUND = D("100.00")  # a partial credit on the walk-in's receipt, paid back in cash


@pytest.fixture
def db(database: Database) -> Database:
    addon_forum(database)  # a gala at 95.00 (2 seats), an open workshop
    # A member walks in with the gala (cash); a registered non-member buys it at F4 by card,
    # then gets it credited back whole; the walk-in gets 100.00 back on the admission.
    walk_in = register_walk_in(
        database.sessions,
        MONTREAL,
        WalkInForm(**{**MEMBER.__dict__, "addons": ("gala",)}),
        PaymentInput("cash", ADMISSION + GALA, tendered=D("720.00")),
        desk="Desk 2",
        staff="Marie",
        action_id="walk-gala",
        at=BEFORE_MONTREAL,
    )
    guest = add_registration(
        database.sessions, "G" * 16, category="non-member", due=D("833.56"), paid=D("833.56")
    )
    sold = sell_addons(
        database.sessions,
        guest,
        ("gala",),
        PaymentInput("card", GALA, reference="VISA 4242"),
        desk="Desk 2",
        staff="Marie",
        action_id="f4-gala",
        at=BEFORE_MONTREAL,
    )
    assert walk_in.receipt is not None and sold.receipt is not None
    for receipt_id, amount, refund in (
        (sold.receipt.receipt_id, None, "card"),
        (walk_in.receipt.receipt_id, REFUND, "cash"),
    ):
        issue_credit_note(
            database.sessions,
            receipt_id,
            amount=amount,
            reason="Annulé",
            desk="Desk 2",
            staff="Marie",
            refund=refund,
        )
    return database


def _stored(db: Database) -> tuple[Decimal, dict[str, Decimal], Decimal]:
    """What the receipts and credit notes printed, and what the desk took in cash and card."""
    with db.sessions() as session:
        rows = session.scalars(select(Receipt)).all()
        taxes: dict[str, Decimal] = {}
        for row in rows:
            for line in row.taxes["lines"]:
                taxes[line["code"]] = taxes.get(line["code"], D(0)) + D(line["amount"])
        paid = session.scalars(
            select(Payment.amount).where(Payment.method.in_(("cash", "card")))
        ).all()
        return sum((row.total for row in rows), D(0)), taxes, sum(paid, D(0))


def _sums(rows: tuple[object, ...], codes: tuple[str, ...]) -> tuple[Decimal, dict[str, Decimal]]:
    from desktop_app.services.reports.sales import SalesRow

    lines = [row for row in rows if isinstance(row, SalesRow)]
    return (
        sum((row.total for row in lines), D(0)),
        {code: sum((row.tax(code) for row in lines), D(0)) for code in codes},
    )


def test_the_sales_report_gives_each_add_on_its_line_and_still_adds_up(db: Database) -> None:
    report = sales_report(db.sessions, MONTREAL)
    (gala,) = report.by_addon
    # Sold twice (the walk-in's and F4's), the F4 one credited back whole.
    assert (gala.key, gala.label("fr"), gala.label("en")) == ("gala", "Souper gala", "Gala dinner")
    assert (gala.count, gala.subtotal, dict(gala.taxes), gala.total) == (
        2,
        D("95.00"),
        GALA_TAXES,
        GALA,
    )
    # The categories count admissions only: the F4 buyer's category sold no admission here,
    # and the member's line is the admission less its partial credit.
    categories = {row.key: row for row in report.by_category}
    assert set(categories) == {"member"}
    assert (categories["member"].count, categories["member"].total) == (1, ADMISSION - REFUND)
    issued, issued_taxes, paid = _stored(db)
    total, taxes = _sums((*report.by_category, *report.by_addon), report.tax_codes)
    assert total == report.totals.total == issued == paid == ADMISSION + GALA - REFUND
    assert taxes == dict(report.totals.taxes) == issued_taxes
    assert report.to_json()["by_addon"] == [
        {
            "session": "gala",
            "count": 2,
            "subtotal": "95.00",
            "taxes": {"GST": "4.75", "QST": "9.48"},
            "total": "109.23",
        }
    ]


def _tables(report: SalesReport, tmp_path: Path) -> tuple[str, dict[str, list[tuple[object, ...]]]]:
    document = sales_document(report)
    pdf = render_report_pdf(document, generated_at=datetime(2027, 3, 24, tzinfo=UTC))
    path = tmp_path / "sales.xlsx"
    write_export(document, path, ExportFormat.XLSX, "en")
    book = load_workbook(path, read_only=True)
    sheets = {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    return flat(pdf_text(pdf)), sheets


def test_the_sales_pdf_and_xlsx_show_the_add_ons_apart(db: Database, tmp_path: Path) -> None:
    text, sheets = _tables(sales_report(db.sessions, MONTREAL), tmp_path)
    assert "Suppléments vendus" in text and "Souper gala" in text  # French first at Montréal
    assert "Admissions par catégorie" in text
    (addons,) = [rows for name, rows in sheets.items() if name.startswith("Add-ons")]
    assert addons[0] == ("Add-on", "Count", "Before taxes", "GST", "QST", "Total")
    assert [tuple(str(c) for c in row) for row in addons[1:]] == [
        ("Gala dinner", "2", "95", "4.75", "9.48", "109.23")
    ]


def test_a_desk_closing_lists_admissions_and_each_add_on_against_its_drawer(
    db: Database,
) -> None:
    closing = close_desk(db.sessions, MONTREAL, desk="Desk 2", staff="Sophie", counted_cash=D(0))
    summary = closing.to_json()
    sales = summary["sales"]
    admissions, gala = sales["lines"]
    assert (admissions["key"], admissions["count"], admissions["total"]) == (
        "admissions",
        1,
        f"{ADMISSION - REFUND:.2f}",
    )
    assert (gala["name_fr"], gala["count"], gala["subtotal"], gala["taxes"], gala["total"]) == (
        "Souper gala",
        2,
        "95.00",
        {"GST": "4.75", "QST": "9.48"},
        "109.23",
    )
    # The lines add up to the total, and the total is the drawer's cash and the card slips.
    lines_total = sum((D(line["total"]) for line in sales["lines"]), D(0))
    drawer = D(summary["cash_taken"]) - D(summary["cash_refunded"]) + D(summary["card_total"])
    assert lines_total == D(sales["total"]["total"]) == drawer == _stored(db)[2]
    for code in ("GST", "QST"):
        assert sum(D(line["taxes"][code]) for line in sales["lines"]) == D(
            sales["total"]["taxes"][code]
        )
    document = closing_document(closing)
    pdf = render_report_pdf(document, generated_at=datetime(2027, 3, 24, tzinfo=UTC))
    text = flat(pdf_text(pdf))
    assert "Ventes du poste" in text and "Souper gala" in text


def test_the_attendance_report_counts_the_seats_sold_at_the_desk(
    db: Database, tmp_path: Path
) -> None:
    # The gala was bought at the desk twice (walk-in and F4), but the F4 one was refunded
    # whole, which gave its seat back: one holder left; the workshop sold none.
    add_registration(db.sessions, "M" * 16, category="member-early", due=D(0), paid=D(0))
    report = attendance_report(db.sessions, MONTREAL)
    sessions = {row["session"]: row for row in report.to_json()["by_session"]}
    assert (sessions["gala"]["entitled"], sessions["gala"]["sold_at_desk"]) == (2, 1)
    assert sessions["workshop-a"]["sold_at_desk"] == 0
    path = tmp_path / "attendance.xlsx"
    write_export(attendance_document(report), path, ExportFormat.XLSX, "en")
    book = load_workbook(path, read_only=True)
    rows = list(book["By session"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Session", "Entitled", "Sold at the desk")
    assert rows[1][:3] == ("Gala dinner", 2, 1)


def test_refunding_an_add_on_leaves_what_was_paid_for_the_admission(db: Database) -> None:
    # The F4 gala credited back whole and refunded on the card: the guest still owes nothing
    # for the admission (paid 833.56), and the card slip of the refund is the gala's price.
    with db.sessions() as session:
        guest = session.scalars(select(Registration).where(Registration.code == "G" * 16)).one()
        refunds = session.scalars(
            select(Payment.amount).where(Payment.registration_id == guest.id, Payment.amount < D(0))
        ).all()
        assert (guest.amount_paid, guest.amount_due, refunds) == (
            D("833.56"),
            D("833.56"),
            [-GALA],
        )
