"""Days and sessions: the event file, entitlements, check-in per day and per session,
capacity with overrides, and capacity under desks racing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import EventDay, EventSession
from desktop_app.domain.event_keys import UnknownKey
from desktop_app.domain.event_reader import EventFileError
from desktop_app.domain.events import parse_event_file
from desktop_app.services.admin.staff import create_staff
from tests.services.desk_data import setup_desk
from tests.services.sessions_data import SESSIONS, declare_sessions, forum_source


@pytest.fixture
def desk(database: Database) -> Database:
    setup_desk(database.sessions)
    create_staff(database.sessions, "Marie Roy", "246810", "supervisor", by=None)
    declare_sessions(database.sessions)
    return database


def test_the_event_file_declares_days_and_sessions() -> None:
    spec = parse_event_file(forum_source(), "forum.toml")
    assert spec.days == (date(2027, 3, 23), date(2027, 3, 24))
    gala, workshop = spec.sessions
    assert (gala.code, gala.name_en, gala.room, gala.capacity) == (
        "gala",
        "Gala dinner",
        "Salle 710",
        2,
    )
    assert (gala.requires, gala.price) == ("member-early", Decimal("95.00"))
    assert gala.starts.hour == 19 and gala.starts.utcoffset() is not None
    assert (workshop.capacity, workshop.requires, workshop.price, workshop.room) == (
        None,
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("date = 2027-03-24", "date = 2027-03-25", "days[2].date"),  # not a day of the event
        ("date = 2027-03-24", "date = 2027-03-23", "days[2].date"),  # twice
        ("date = 2027-03-24", 'date = "tomorrow"', "days[2].date"),
        ("capacity = 2", "capacity = 0", "sessions[1].capacity"),
        ("capacity = 2", 'capacity = "2"', "sessions[1].capacity"),
        ('requires = "member-early"', 'requires = "vip"', "sessions[1].requires"),
        ('price = "95.00"', "price = 95.5", "sessions[1].price"),
        ("ends = 2027-03-23T23:00:00", "ends = 2027-03-23T18:00:00", "sessions[1].ends"),
        ('code = "workshop-a"', 'code = "gala"', "sessions[2].code"),
    ],
)
def test_a_bad_day_or_session_is_refused_naming_key_and_line(old: str, new: str, key: str) -> None:
    source = forum_source(SESSIONS.replace(old, new))
    lines = source.splitlines()
    line = len(lines) - lines[::-1].index(new)  # the last one: the entry refused
    with pytest.raises(EventFileError) as refused:
        parse_event_file(source, "forum.toml")
    assert f"line {line}, key {key}:" in refused.value.message, refused.value.message


def test_an_unknown_session_key_is_refused_with_the_closest_one() -> None:
    with pytest.raises(UnknownKey) as refused:
        parse_event_file(forum_source(SESSIONS.replace("room =", "rom =")), "forum.toml")
    assert "“rom”" in refused.value.message
    assert "“room”" in refused.value.message


def test_saving_the_file_stores_days_and_sessions_and_a_new_import_updates_them(
    desk: Database,
) -> None:
    with desk.sessions() as session:
        assert [d.day for d in session.scalars(select(EventDay).order_by(EventDay.day))] == [
            date(2027, 3, 23),
            date(2027, 3, 24),
        ]
        gala = session.scalars(select(EventSession).where(EventSession.code == "gala")).one()
        assert (gala.capacity, gala.requires, gala.price) == (2, "member-early", Decimal("95.00"))
    declare_sessions(
        desk.sessions,
        SESSIONS.replace("capacity = 2", "capacity = 150")
        .split('[[sessions]]\ncode = "workshop-a"')[0]
        .replace("[[days]]\ndate = 2027-03-24\n", ""),
    )
    with desk.sessions() as session:
        assert [d.day for d in session.scalars(select(EventDay))] == [date(2027, 3, 23)]
        assert [(s.code, s.capacity) for s in session.scalars(select(EventSession))] == [
            ("gala", 150)
        ]
