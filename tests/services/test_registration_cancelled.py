"""Orders cancelled before an import are kept as cancelled registrations, so the desk tells
staff "cancelled", not "not found"; a later cancellation never undoes a check-in (#15 item 15)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.db.database import Database
from desktop_app.services.desk.checkin import CheckInOutcome, check_in
from desktop_app.services.desk.search import search_registrations
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
EVENTBRITE_HEADER = (
    "Order #,Order Date,First Name,Last Name,Email,Ticket Type,Attendee #,Barcode #,"
    "Attendee Status,Total Paid,Fees Paid\n"
)


def pretix_row(secret: str, status: str, last: str) -> str:
    return (
        f"forum-montreal-2027,O{secret[:4].upper()},1,{status},c@x.ca,2027-01-10,Non-membre,,"
        f"833.57,Cy {last},Cy,{last},cy.{last.lower()}@example.org,,P9,{secret},fr\n"
    )


@pytest.fixture
def montreal(database: Database) -> Database:
    setup_events(database)
    add_members(database)
    return database


@pytest.mark.parametrize("status", ["c", "canceled", "cancelled", "e"])
def test_a_pretix_order_cancelled_before_the_import_scans_as_cancelled(
    montreal: Database, tmp_path: Path, status: str
) -> None:
    path = write(
        tmp_path,
        "pretix.csv",
        PRETIX_HEADER
        + pretix_row("cancelsecret01", status, "Gone")
        + pretix_row("paidsecret01", "p", "Here"),
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (report.added, report.skipped, report.kept_cancelled, report.rejected) == (1, 1, 1, 0)
    kept = registrations(montreal)["cancelsecret01"]
    assert kept.status == "cancelled" and kept.membership_flag is None
    assert kept.amount_paid == kept.amount_due == Decimal("0.00")  # no balance shown

    scanned = check_in(montreal.sessions, MONTREAL, "cancelsecret01", desk="Desk 1", staff="Ana")
    assert scanned.outcome is CheckInOutcome.CANCELLED  # not NOT_FOUND
    hits = search_registrations(montreal.sessions, MONTREAL, "Cy Gone")
    assert [(h.code, h.status) for h in hits][:1] == [("cancelsecret01", "cancelled")]
    assert all(f.code != "cancelsecret01" for f in report.flagged)  # owes nothing


def test_pretix_pending_code_is_unpaid_and_active(montreal: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "pretix.csv", PRETIX_HEADER + pretix_row("pendsecret01", "n", "Later"))
    import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    pending = registrations(montreal)["pendsecret01"]
    assert (pending.status, pending.amount_paid) == ("active", Decimal("0.00"))


@pytest.mark.parametrize("status", ["Cancelled", "Refunded", "Not Attending"])
def test_eventbrite_cancelled_attendees_are_kept_as_cancelled(
    montreal: Database, tmp_path: Path, status: str
) -> None:
    path = write(
        tmp_path,
        "eventbrite.csv",
        EVENTBRITE_HEADER
        + f"1001,2027-01-05,Ana,Silva,ana@example.org,Non-membre,1,EB0001,{status},833.57,0\n"
        + "1002,2027-01-05,Bo,Chen,bo@example.org,Non-membre,2,EB0002,Attending,833.57,0\n",
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (report.layout, report.added, report.kept_cancelled) == ("eventbrite", 1, 1)
    found = registrations(montreal)
    assert (found["EB0001"].status, found["EB0002"].status) == ("cancelled", "active")
    scanned = check_in(montreal.sessions, MONTREAL, "EB0001", desk="Desk 1", staff="Ana")
    assert scanned.outcome is CheckInOutcome.CANCELLED


def test_a_ticket_active_on_another_row_is_not_cancelled(
    montreal: Database, tmp_path: Path
) -> None:
    """An Eventbrite transfer lists the old attendee as Transferred and the new one active;
    if both carry the same barcode, the active row wins."""
    path = write(
        tmp_path,
        "eventbrite.csv",
        EVENTBRITE_HEADER
        + "1001,2027-01-05,Ana,Silva,ana@example.org,Non-membre,1,EB0001,Transferred,833.57,0\n"
        + "1001,2027-01-05,Bo,Chen,bo@example.org,Non-membre,2,EB0001,Attending,833.57,0\n",
    )
    report = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK)
    assert (report.added, report.kept_cancelled, report.rejected) == (1, 0, 0)
    registration = registrations(montreal)["EB0001"]
    assert (registration.status, registration.person.first_name) == ("active", "Bo")


def test_a_later_cancellation_never_undoes_a_check_in(montreal: Database, tmp_path: Path) -> None:
    first = write(
        tmp_path,
        "first.csv",
        PRETIX_HEADER
        + pretix_row("arrivedsecret1", "p", "Arrived")
        + pretix_row("homesecret1", "p", "Home"),
    )
    import_registrations(montreal.sessions, MONTREAL, first, at=CLOCK)
    arrived = check_in(montreal.sessions, MONTREAL, "arrivedsecret1", desk="Desk 1", staff="Ana")
    assert arrived.outcome is CheckInOutcome.CHECKED_IN

    later = write(
        tmp_path,
        "later.csv",
        PRETIX_HEADER
        + pretix_row("arrivedsecret1", "c", "Arrived")
        + pretix_row("homesecret1", "c", "Home"),
    )
    report = import_registrations(montreal.sessions, MONTREAL, later, at=CLOCK)
    assert (report.cancelled, report.rejected) == (1, 1)
    assert report.errors[0].row == 2
    assert "checked in" in report.errors[0].reason and "arrivedsecret1" in report.errors[0].reason
    found = registrations(montreal)
    assert (found["arrivedsecret1"].status, found["homesecret1"].status) == ("active", "cancelled")
    again = check_in(montreal.sessions, MONTREAL, "arrivedsecret1", desk="Desk 2", staff="Bob")
    assert again.outcome is CheckInOutcome.ALREADY


def test_a_kept_cancelled_order_paid_later_becomes_active(
    montreal: Database, tmp_path: Path
) -> None:
    cancelled = write(tmp_path, "a.csv", PRETIX_HEADER + pretix_row("backsecret01", "c", "Back"))
    import_registrations(montreal.sessions, MONTREAL, cancelled, at=CLOCK)
    again = import_registrations(montreal.sessions, MONTREAL, cancelled, at=CLOCK)
    assert (again.kept_cancelled, again.written) == (0, False)  # kept once, then nothing new
    paid = write(tmp_path, "b.csv", PRETIX_HEADER + pretix_row("backsecret01", "p", "Back"))
    report = import_registrations(montreal.sessions, MONTREAL, paid, at=CLOCK)
    assert report.updated == 1
    registration = registrations(montreal)["backsecret01"]
    assert (registration.status, registration.amount_paid) == ("active", Decimal("833.57"))
    assert registration.amount_due == Decimal("833.57")
    scanned = check_in(montreal.sessions, MONTREAL, "backsecret01", desk="Desk 1", staff="Ana")
    assert scanned.outcome is not CheckInOutcome.CANCELLED
