"""The reports on a known scenario (tests/services/reports_data.py), against numbers worked
out by hand here, on both back ends."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Receipt
from desktop_app.domain.errors import NotFound
from desktop_app.services.reports import (
    Presence,
    attendance_report,
    attendee_list,
    partnership_report,
    sales_report,
)
from tests.services.money_desk import MONTREAL, TORONTO
from tests.services.reports_data import Scenario, build

D = Decimal


@pytest.fixture
def scenario(database: Database, monkeypatch: pytest.MonkeyPatch) -> Scenario:
    return build(database.sessions, monkeypatch)


def test_attendance_counts_who_came_through_which_membership(
    database: Database, scenario: Scenario
) -> None:
    report = attendance_report(database.sessions, MONTREAL).to_json()
    # R1–R6 and three walk-ins are active; R7 was cancelled (its check-in does not count).
    assert (report["registered"], report["checked_in"], report["no_show"]) == (9, 7, 2)
    assert report["cancelled"] == 1
    assert report["by_association"] == [
        {"association": "bioquebec", "registered": 1, "checked_in": 1},
        {"association": "lso", "registered": 2, "checked_in": 2},
        {"association": "both", "registered": 1, "checked_in": 1},
        # R5 (undone), R6 (never came), and the three walk-ins.
        {"association": "none", "registered": 5, "checked_in": 3},
    ]
    categories = {row["category"]: row for row in report["by_category"]}
    assert categories["member"] == {"category": "member", "registered": 4, "checked_in": 4}
    assert categories["non-member"]["registered"] == 2
    assert categories["non-member"]["checked_in"] == 0
    assert categories["on-site"] == {"category": "on-site", "registered": 2, "checked_in": 2}
    organizations = {row["organization"]: row for row in report["by_organization"]}
    assert organizations["Alpha"] == {"organization": "Alpha", "registered": 1, "checked_in": 1}
    # Quarter hours in Montréal's time (EDT): 08:05; 08:20 and 08:22; 08:40; 09:10–09:14.
    assert report["arrivals"] == [
        {"from": "2027-03-23T08:00:00-04:00", "checked_in": 1},
        {"from": "2027-03-23T08:15:00-04:00", "checked_in": 2},
        {"from": "2027-03-23T08:30:00-04:00", "checked_in": 1},
        {"from": "2027-03-23T09:00:00-04:00", "checked_in": 3},
    ]
    split = attendance_report(database.sessions, MONTREAL).arrivals
    # bioquebec, lso, both, none: R1; R2 and R3; R4; the three walk-ins.
    assert [a.by_association for a in split] == [
        (1, 0, 0, 0),
        (0, 2, 0, 0),
        (0, 0, 1, 0),
        (0, 0, 0, 3),
    ]


def test_partnership_counts_members_of_one_association_at_the_others_events(
    database: Database, scenario: Scenario
) -> None:
    report = partnership_report(database.sessions).to_json()
    events = {row["slug"]: row for row in report["events"]}
    assert events[MONTREAL] == {
        "slug": MONTREAL,
        "host": "bioquebec",
        "province": "QC",
        "checked_in": 7,
        "host_members": 1,
        "partner_members": 2,  # R2 and R3, LSO members at BIOQuébec's event
        "both": 1,
        "non_members": 3,
        "partner_organizations": 1,  # "Beta Inc" and " beta inc" are one
        "member_rate_savings": "800.00",  # four on the member rate: 725 − 525 each
        "cross_association_leads": 0,
    }
    assert events[TORONTO]["partner_members"] == 1  # T1, a BIOQuébec member at LSO's
    assert events[TORONTO]["host_members"] == 1
    assert events[TORONTO]["member_rate_savings"] == "300.00"  # two × (499 − 349)
    assert report["totals"] == {
        "checked_in": 9,
        "host_members": 2,
        "partner_members": 3,
        "both": 1,
        "non_members": 3,
        "partner_organizations": 2,  # Beta (Montréal) and Alpha (Toronto)
        "member_rate_savings": "1100.00",
        "cross_association_leads": 0,
        "people_at_both_provinces": 1,  # alice@ and ALICE@ are one person
    }


def test_partnership_keeps_to_the_period(database: Database, scenario: Scenario) -> None:
    from datetime import date

    report = partnership_report(database.sessions, date(2027, 4, 1), date(2027, 12, 31))
    assert [item.event.slug for item in report.events] == [TORONTO]
    assert report.people_at_both_provinces == 0


def test_sales_reconcile_with_the_receipts_to_the_cent(
    database: Database, scenario: Scenario
) -> None:
    report = sales_report(database.sessions, MONTREAL)
    with database.sessions() as session:
        rows = session.scalars(select(Receipt)).all()
        issued_total = sum((row.total for row in rows), D("0"))
        issued_taxes: dict[str, Decimal] = {}
        for row in rows:
            for line in row.taxes["lines"]:
                issued_taxes[line["code"]] = issued_taxes.get(line["code"], D("0")) + D(
                    line["amount"]
                )
    # The walk-in's on-site rate, plus the card balance, minus the credit note.
    expected = scenario.walk_in_total + scenario.card_amount - scenario.credit_amount
    assert report.totals.total == issued_total == expected
    assert dict(report.totals.taxes) == issued_taxes
    assert set(report.tax_codes) == {"GST", "QST"}
    methods = {row.key: row for row in report.by_method}
    assert methods["cash"].total == scenario.walk_in_total - scenario.credit_amount
    assert methods["cash"].count == 1
    assert methods["card"].total == scenario.card_amount
    assert methods["invoice"].count == 1 and methods["invoice"].total == scenario.walk_in_total
    assert methods["complimentary"].count == 1 and methods["complimentary"].total == 0
    assert sum((row.total for row in report.by_category), D("0")) == report.totals.total
    assert (report.receipts, report.credit_notes) == (2, 1)
    [series] = report.series
    assert (series.first, series.last, series.receipts, series.credit_notes) == (1, 3, 2, 1)


def test_attendee_lists_filter_presence_and_what_an_association_may_receive(
    database: Database, scenario: Scenario
) -> None:
    no_shows = attendee_list(database.sessions, MONTREAL, presence=Presence.NO_SHOW)
    assert sorted(row.name for row in no_shows.rows) == ["Test R5", "Test R6"]
    came = attendee_list(database.sessions, MONTREAL, presence=Presence.CHECKED_IN)
    first = next(row for row in came.rows if row.name == "Test R1")
    assert first.checked_in_at is not None and first.checked_in_at.isoformat().startswith(
        "2027-03-23T08:05:00-04:00"
    )
    assert first.desk == "Desk 1" and first.association == "bioquebec"
    lso = attendee_list(database.sessions, MONTREAL, association="lso")
    # LSO receives its own members (R2, R3) and members of both (R4), nobody else.
    assert sorted(row.name for row in lso.rows) == ["Test R2", "Test R3", "Test R4"]


def test_an_unknown_event_is_said_plainly(database: Database) -> None:
    with pytest.raises(NotFound):
        attendance_report(database.sessions, "no-such-event")


def test_the_live_view_agrees_with_the_full_reports(database: Database, scenario: Scenario) -> None:
    from desktop_app.services.office import Office

    live = Office(database.sessions).reports.dashboard(MONTREAL)
    full = sales_report(database.sessions, MONTREAL)
    assert live.sales.total == full.totals.total and live.sales.subtotal == full.totals.subtotal
    assert live.sales.taxes == sum((amount for _, amount in full.totals.taxes), Decimal(0))
    assert (live.sales.receipts, live.sales.credit_notes) == (full.receipts, full.credit_notes)
    methods = {row.key: row for row in full.by_method}
    for line in live.sales.by_method:
        assert (line.count, line.total) == (methods[line.method].count, methods[line.method].total)
    attendance = attendance_report(database.sessions, MONTREAL)
    assert live.attendance.by_association == attendance.by_association
    assert live.attendance.arrivals == attendance.arrivals
    assert live.attendance.by_organization == ()  # the live view does without them


def test_the_live_view_adds_check_ins_and_recounts_after_anything_else(
    database: Database, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services.desk import checkin as checkin_module
    from desktop_app.services.desk.checkin import check_in, undo_check_in
    from desktop_app.services.office import Office
    from tests.services.reports_data import montreal

    reports = Office(database.sessions).reports
    first = reports.dashboard(MONTREAL)
    assert first is not None
    assert reports.dashboard(MONTREAL, first) is None  # nothing new: nothing recomputed
    monkeypatch.setattr(checkin_module, "_now", lambda: montreal(10, 20))
    result = check_in(database.sessions, MONTREAL, "R6", desk="Desk 3", staff="Aïcha")
    added = reports.dashboard(MONTREAL, first)  # the check-in added to what was there
    counted = reports.dashboard(MONTREAL)  # everything counted again
    assert added is not None and counted is not None
    assert added.attendance == counted.attendance
    assert added.attendance.checked_in == first.attendance.checked_in + 1
    assert added.attendance.arrivals[-1].start.isoformat() == "2027-03-23T10:15:00-04:00"
    assert added.sales == first.sales
    # An undo is not a check-in to add: the figures are counted again, and right.
    assert result.registration_id is not None
    undo_check_in(
        database.sessions,
        result.registration_id,
        desk="Desk 3",
        staff="Aïcha",
        reason="wrong person",
    )
    after_undo = reports.dashboard(MONTREAL, added)
    assert after_undo is not None
    assert after_undo.attendance == first.attendance
