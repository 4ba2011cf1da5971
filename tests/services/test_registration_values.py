"""Registration rows whose values cannot be right are refused with row and field (#15 items
4, 5): amounts past the event's ceiling, exponents, bad emails, impossible order dates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from desktop_app.resources import as_path

from desktop_app.db.database import Database
from desktop_app.services.admin.events import import_event_file
from desktop_app.services.registrations.importing import import_registrations
from tests.services.registration_data import (
    CLOCK,
    MONTREAL,
    add_members,
    registrations,
    setup_events,
    write,
)

PRETIX_HEADER = (
    "Event slug,Order code,Position ID,Status,Email,Order date,Product,Variation,Price,"
    "Attendee name,Attendee name: Given name,Attendee name: Family name,Attendee email,"
    "Company,Pseudonymization ID,Ticket secret,Order locale\n"
)


def pretix_row(
    secret: str,
    price: str = "833.57",
    *,
    email: str = "cy@example.org",
    ordered: str = "2027-01-10",
    status: str = "paid",
) -> str:
    return (
        f"forum-montreal-2027,O{secret[:4].upper()},1,{status},c@x.ca,{ordered},Non-membre,,"
        f'"{price}",Cy Ray,Cy,Ray,{email},,P9,{secret},fr\n'
    )


@pytest.fixture
def montreal(database: Database) -> Database:
    setup_events(database)
    add_members(database)
    return database


@pytest.mark.parametrize(
    "price",
    ["999999999999999999999.99", "45,000,000,000.00", "999999999999.99", "1e3", "NaN", "12.345"],
)
def test_an_impossible_price_rejects_its_row_naming_the_column(
    montreal: Database, tmp_path: Path, price: str
) -> None:
    path = write(
        tmp_path,
        "pretix.csv",
        PRETIX_HEADER + pretix_row("goodsecret") + pretix_row("badsecret", price),
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (report.added, report.rejected) == (1, 1)
    assert report.errors[0].row == 3
    assert "Price" in report.errors[0].reason
    assert set(registrations(montreal)) == {"goodsecret"}


def test_the_event_file_raises_the_ceiling_of_a_line(montreal: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "pretix.csv", PRETIX_HEADER + pretix_row("bigsecret", "150000.00"))
    refused = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert refused.rejected == 1 and "100000.00" in refused.errors[0].reason

    source = as_path("examples", "forum-montreal-2027.toml").read_text("utf-8")
    raised = tmp_path / "event.toml"
    raised.write_text(
        source.replace("[seller]", 'max_line_amount = "250000.00"\n\n[seller]', 1), "utf-8"
    )
    import_event_file(montreal.sessions, raised)
    accepted = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (accepted.added, accepted.rejected) == (1, 0)
    assert registrations(montreal)["bigsecret"].amount_paid == Decimal("150000.00")


def test_a_registration_email_is_checked_as_a_member_email_is(
    montreal: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "pretix.csv",
        PRETIX_HEADER
        + pretix_row("goodsecret", email="Cy Ray <CY@Example.org>")
        + pretix_row("badsecret", email="not an email <script>"),
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (report.added, report.rejected) == (1, 1)
    assert report.errors[0].row == 3
    assert "Attendee email" in report.errors[0].reason
    assert "not an email <script>" in report.errors[0].reason
    assert registrations(montreal)["goodsecret"].person.email == "cy@example.org"


def test_the_member_import_uses_the_same_email_validator(tmp_path: Path) -> None:
    from desktop_app.importing.columns import MEMBER_LIST, map_columns
    from desktop_app.importing.member_rows import RowRejected, parse_member_row
    from desktop_app.importing.tables import read_table

    path = write(
        tmp_path,
        "members.csv",
        "Organisation,Courriel,Numéro de membre,Catégorie\n"
        "Acme inc.,not an email <script>,BQ-1,Corporatif\n",
    )
    table = read_table(path, None)
    (row,) = table.rows
    with pytest.raises(RowRejected) as rejected:
        parse_member_row(row, map_columns(table.headers, MEMBER_LIST), "bioquebec")
    assert str(rejected.value.reason).startswith("Courriel: “not an email <script>”")


def test_an_impossible_order_date_rejects_its_row(montreal: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "pretix.csv",
        PRETIX_HEADER
        + pretix_row("goodsecret", ordered="")
        + pretix_row("badsecret", ordered="2026-02-31"),
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (report.added, report.rejected) == (1, 1)
    assert report.errors[0].row == 3
    assert "Order date" in report.errors[0].reason and "2026-02-31" in report.errors[0].reason
    # No order date at all: registered at the import time, as README says.
    assert registrations(montreal)["goodsecret"].created_at == CLOCK
