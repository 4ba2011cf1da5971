"""Closing a desk's day on the known scenario (tests/services/reports_data.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, DeskClosing
from desktop_app.domain.errors import Invalid
from desktop_app.services.reports.closing import (
    close_desk,
    counted_from,
    desk_closing,
    desk_closings,
)
from tests.services.money_desk import MONTREAL
from tests.services.reports_data import Scenario, build

D = Decimal
EVENING = datetime(2027, 3, 23, 23, 0, tzinfo=UTC)


@pytest.fixture
def scenario(database: Database, monkeypatch: pytest.MonkeyPatch) -> Scenario:
    return build(database.sessions, monkeypatch)


def test_desk_one_closes_with_the_cash_it_should_hold(
    database: Database, scenario: Scenario
) -> None:
    counted = D("150.00") + scenario.walk_in_total - scenario.credit_amount - D("5.00")
    closing = close_desk(
        database.sessions,
        MONTREAL,
        desk="Desk 1",
        staff="Sophie",
        counted_cash=counted,
        opening_float=D("150.00"),
        note="Short by a five",
        now=EVENING,
    )
    # Float + the walk-in's cash − the cash refunded with the credit note.
    assert closing.expected_cash == D("150.00") + scenario.walk_in_total - scenario.credit_amount
    assert closing.difference == D("-5.00")
    summary = closing.to_json()
    assert summary["number"] == 1 and summary["opened_at"] is None
    assert summary["cash_taken"] == f"{scenario.walk_in_total:.2f}"
    assert summary["cash_refunded"] == "100.00"
    assert summary["card_total"] == "0.00"  # the card payment was at Desk 2
    assert (summary["invoices"], summary["complimentary"]) == (1, 1)
    # R1, R3, R4, R7 (cancelled later, but checked in here) and three walk-ins; R5 undone.
    assert (summary["check_ins"], summary["walk_ins"], summary["undone_check_ins"]) == (7, 3, 1)
    [series] = summary["receipt_series"]
    assert (series["receipts"], series["credit_notes"]) == (1, 1)
    assert [row["staff"] for row in summary["by_staff"]] == ["Marie"]


def test_desk_two_lists_its_card_payment_with_the_reference(
    database: Database, scenario: Scenario
) -> None:
    closing = close_desk(
        database.sessions, MONTREAL, desk="Desk 2", staff="Luc", counted_cash=D(0), now=EVENING
    )
    summary = closing.to_json()
    assert summary["card_total"] == "100.00"
    assert [card["reference"] for card in summary["card_payments"]] == ["VISA 4242"]
    assert closing.expected_cash == 0 and closing.difference == 0


def test_the_next_closing_starts_where_the_last_ended_and_both_stay(
    database: Database, scenario: Scenario
) -> None:
    first = close_desk(
        database.sessions, MONTREAL, desk="Desk 1", staff="Sophie", counted_cash=D(0), now=EVENING
    )
    later = datetime(2027, 3, 24, 23, 0, tzinfo=UTC)
    second = close_desk(
        database.sessions, MONTREAL, desk="Desk 1", staff="Sophie", counted_cash=D(0), now=later
    )
    assert second.number == 2 and second.opened_at == first.closed_at
    assert second.summary["check_ins"] == 0 and second.summary["cash_taken"] == "0.00"
    assert [c.number for c in desk_closings(database.sessions, MONTREAL, "Desk 1")] == [1, 2]
    assert desk_closing(database.sessions, MONTREAL, "Desk 1", 1).closed_at == first.closed_at
    with database.sessions() as session:
        actions = session.scalars(
            select(AuditEntry.subject).where(AuditEntry.action == "desk.close")
        ).all()
    assert actions == [f"{MONTREAL}#1", f"{MONTREAL}#2"]


def test_a_stored_closing_cannot_be_changed_or_deleted(
    database: Database, scenario: Scenario
) -> None:
    close_desk(
        database.sessions, MONTREAL, desk="Desk 1", staff="Sophie", counted_cash=D(1), now=EVENING
    )
    with pytest.raises(DBAPIError), database.sessions.begin() as session:
        session.execute(update(DeskClosing).values(counted_cash=D(999)))
    with pytest.raises(DBAPIError), database.sessions.begin() as session:
        session.execute(text("DELETE FROM desk_closings"))
    assert desk_closings(database.sessions, MONTREAL)[0].counted_cash == D(1)


def test_counting_by_denomination_and_refusing_bad_amounts() -> None:
    assert counted_from({"20": 3, "0.25": 4, "100": 0}) == D("61.00")
    with pytest.raises(Invalid):
        counted_from({"0.01": 3})  # no pennies in Canada since 2013


def test_a_negative_count_is_refused(database: Database, scenario: Scenario) -> None:
    with pytest.raises(Invalid):
        close_desk(
            database.sessions, MONTREAL, desk="Desk 1", staff="S", counted_cash=D(-1), now=EVENING
        )
    assert desk_closings(database.sessions, MONTREAL) == []
