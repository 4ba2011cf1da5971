"""The database itself refuses what must never happen, on every back end."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from desktop_app.resources import as_path
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from desktop_app.db.database import Database
from desktop_app.db.models import (
    CheckIn,
    Event,
    Person,
    Receipt,
    ReceiptSeries,
    Registration,
)
from desktop_app.services.admin.events import import_event_file

NOW = datetime(2027, 3, 23, 13, 0, tzinfo=UTC)


def _registration(session: Session, code: str = "ABCDEFGHIJKLMNOP") -> Registration:
    event = session.scalars(select(Event)).first()
    assert event is not None
    person = Person(
        first_name="Benoît", last_name="Lachance", email="b@theratech.com", created_at=NOW
    )
    registration = Registration(
        event=event,
        person=person,
        category=event.prices[0],
        code=code,
        amount_due=Decimal("517.39"),
        amount_paid=Decimal("517.39"),
        status="active",
        source="test",
        created_at=NOW,
    )
    session.add(registration)
    session.flush()
    return registration


@pytest.fixture
def with_event(database: Database) -> Database:
    import_event_file(database.sessions, as_path("examples", "forum-montreal-2027.toml"))
    return database


def test_round_trip_keeps_money_and_times_exact(with_event: Database) -> None:
    with with_event.sessions.begin() as session:
        registration_id = _registration(session).id
    with with_event.sessions() as session:
        registration = session.get(Registration, registration_id)
        assert registration is not None
        assert registration.amount_due == Decimal("517.39")
        assert registration.created_at == NOW
        assert registration.person.first_name == "Benoît"
        assert registration.event.prices[0].code == "member-early"


def test_two_active_check_ins_for_one_registration_are_refused(with_event: Database) -> None:
    with with_event.sessions.begin() as session:
        registration = _registration(session)
        session.add(
            CheckIn(
                registration=registration,
                checked_in_at=NOW,
                desk="Desk 1",
                staff="M. Roy",
                action_id="a1",
            )
        )
    with pytest.raises(IntegrityError), with_event.sessions.begin() as session:
        session.add(
            CheckIn(
                registration_id=registration.id,
                checked_in_at=NOW,
                desk="Desk 2",
                staff="A. Smith",
                action_id="a2",
            )
        )
    # Once undone (with a reason), a new check-in is allowed.
    with with_event.sessions.begin() as session:
        first = session.scalars(select(CheckIn)).one()
        first.undone_at = NOW
        first.undone_by = "M. Roy"
        first.undo_reason = "wrong person"
        session.flush()
        session.add(
            CheckIn(
                registration_id=registration.id,
                checked_in_at=NOW,
                desk="Desk 2",
                staff="A. Smith",
                action_id="a3",
            )
        )


def test_two_registrations_with_one_code_are_refused(with_event: Database) -> None:
    with with_event.sessions.begin() as session:
        _registration(session, code="SAMECODE")
    with pytest.raises(IntegrityError), with_event.sessions.begin() as session:
        _registration(session, code="SAMECODE")


def _receipt(series: ReceiptSeries, registration: Registration, number: int) -> Receipt:
    return Receipt(
        series=series,
        number=number,
        kind="receipt",
        issued_at=NOW,
        registration_id=registration.id,
        buyer_name="Benoît Lachance",
        seller={},
        lines={"items": []},
        taxes={"items": []},
        subtotal=Decimal("450.00"),
        total=Decimal("517.39"),
        taxes_included=False,
        desk="Desk 1",
        staff="M. Roy",
    )


def test_two_receipts_with_one_number_in_a_series_are_refused(with_event: Database) -> None:
    with with_event.sessions.begin() as session:
        registration = _registration(session)
        series = ReceiptSeries(code="FORUM-A", next_number=2)
        session.add(_receipt(series, registration, 1))
    with pytest.raises(IntegrityError), with_event.sessions.begin() as session:
        series = session.scalars(select(ReceiptSeries)).one()
        session.add(_receipt(series, registration, 1))


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE receipts SET total = 0",
        "DELETE FROM receipts",
    ],
)
def test_issued_receipts_cannot_change(with_event: Database, statement: str) -> None:
    with with_event.sessions.begin() as session:
        registration = _registration(session)
        session.add(_receipt(ReceiptSeries(code="FORUM-A", next_number=2), registration, 1))
    with pytest.raises(DBAPIError, match="immutable"), with_event.engine.begin() as connection:
        connection.execute(text(statement))
    with with_event.sessions() as session:
        assert session.scalars(select(Receipt)).one().total == Decimal("517.39")


def test_check_in_undone_without_reason_is_refused(with_event: Database) -> None:
    with pytest.raises(IntegrityError), with_event.sessions.begin() as session:
        registration = _registration(session)
        session.add(
            CheckIn(
                registration=registration,
                checked_in_at=NOW,
                desk="Desk 1",
                staff="M. Roy",
                action_id="a1",
                undone_at=NOW,
            )
        )
