"""``passerelle report …`` and ``passerelle desk …`` on demo data with a morning of activity,
run as a user runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.cli import main
from tests.documents.pdf_reading import pdf_text

MONTREAL = "forum-montreal-2027"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("reports") / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--registrations", "300", "--activity"]) == 0
    return str(path)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_attendance_json_adds_up(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    report = run_json(capsys, "report", "attendance", "--event", MONTREAL, "--db", demo_db)
    assert isinstance(report, dict)
    assert report["registered"] == report["checked_in"] + report["no_show"]
    assert report["checked_in"] > 0
    assert [row["association"] for row in report["by_association"]] == [
        "bioquebec",
        "lso",
        "both",
        "none",
    ]
    assert sum(row["checked_in"] for row in report["by_association"]) == report["checked_in"]
    assert sum(row["checked_in"] for row in report["arrivals"]) == report["checked_in"]
    assert report["arrivals"][0]["from"].endswith("-04:00")  # Montréal's time in March


def test_partnership_and_sales_json(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    partnership = run_json(capsys, "report", "partnership", "--db", demo_db)
    assert isinstance(partnership, dict)
    assert {row["slug"] for row in partnership["events"]} == {MONTREAL, "partnering-toronto-2027"}
    totals = partnership["totals"]
    assert totals["checked_in"] == sum(row["checked_in"] for row in partnership["events"])
    sales = run_json(capsys, "report", "sales", "--event", MONTREAL, "--db", demo_db)
    assert isinstance(sales, dict)
    assert sales["totals"]["credit_notes"] == 1
    assert sales["receipt_numbers"][0]["count"] == (
        sales["totals"]["receipts"] + sales["totals"]["credit_notes"]
    )


def test_exports_and_pdf_are_written_and_read_back(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path, xlsx_path, pdf_path = tmp_path / "a.csv", tmp_path / "a.xlsx", tmp_path / "a.pdf"
    argv = ["report", "attendees", "--event", MONTREAL, "--no-show", "--db", demo_db]
    assert (
        main(
            [
                *argv,
                "--csv",
                str(csv_path),
                "--xlsx",
                str(xlsx_path),
                "--pdf",
                str(pdf_path),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    rows = list(csv.reader(csv_path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == [
        "Name",
        "Organization",
        "Email",
        "Category",
        "Membership",
        "Checked in at",
        "Desk",
    ]
    assert all(row[5] == "" for row in rows[1:])  # no-shows have no check-in time
    sheet = load_workbook(xlsx_path).active
    assert sheet is not None and sheet.max_row == len(rows)
    text = pdf_text(pdf_path.read_bytes())
    assert "Participants" in text and "Attendees" in text
    assert "wrote" in capsys.readouterr().err


def test_desk_close_then_reprint_as_a_copy(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "closing.pdf"
    closing = run_json(
        capsys,
        "desk",
        "close",
        "--event",
        MONTREAL,
        "--desk",
        "Desk 2",
        "--staff",
        "Luc",
        "--counted-cash",
        "1 234,50",
        "--float",
        "150",
        "--pdf",
        str(pdf),
        "--db",
        demo_db,
    )
    assert isinstance(closing, dict)
    assert closing["counted_cash"] == "1234.50" and closing["opening_float"] == "150.00"
    expected = 150 + float(closing["cash_taken"]) - float(closing["cash_refunded"])
    assert float(closing["expected_cash"]) == pytest.approx(expected)
    assert "COPY" not in pdf_text(pdf.read_bytes())
    copy = tmp_path / "copy.pdf"
    number = str(closing["number"])
    assert (
        main(
            [
                "desk",
                "reprint",
                "--event",
                MONTREAL,
                "--desk",
                "Desk 2",
                "--number",
                number,
                "--pdf",
                str(copy),
                "--db",
                demo_db,
            ]
        )
        == 0
    )
    assert "COPIE / COPY" in pdf_text(copy.read_bytes())
    listed = run_json(capsys, "desk", "closings", "--event", MONTREAL, "--db", demo_db)
    assert isinstance(listed, list) and listed[-1]["number"] == closing["number"]


def test_errors_are_one_clear_line(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "sales", "--event", "nope", "--db", demo_db]) == 1
    assert "There is no event 'nope'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as raised:
        main(
            [
                "desk",
                "close",
                "--event",
                MONTREAL,
                "--desk",
                "D",
                "--staff",
                "S",
                "--counted-cash",
                "lots",
                "--db",
                demo_db,
            ]
        )
    assert raised.value.code == 2
    assert "'lots' is not an amount" in capsys.readouterr().err
