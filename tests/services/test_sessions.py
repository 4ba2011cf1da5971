"""Days and sessions: the event file, entitlements, check-in per day and per session,
capacity with overrides, and capacity under desks racing."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import (
    CheckIn,
    EventDay,
    EventSession,
    Registration,
    RegistrationSession,
)
from desktop_app.domain.errors import Conflict, Invalid, NotFound
from desktop_app.domain.event_keys import UnknownKey
from desktop_app.domain.event_reader import EventFileError
from desktop_app.domain.events import parse_event_file
from desktop_app.services.admin.events import list_events
from desktop_app.services.admin.staff import Override, create_staff
from desktop_app.services.desk import checkin as checkin_module
from desktop_app.services.desk import doors
from desktop_app.services.desk.attendees import attendee_card
from desktop_app.services.desk.checkin import (
    CheckInOutcome,
    CheckInResult,
    check_in,
    undo_check_in,
)
from desktop_app.services.desk.doors import Door
from desktop_app.services.office import Office
from desktop_app.services.reports.attendance import attendance_report
from tests.services.desk_data import (
    CLOCK,
    MONTREAL,
    TORONTO,
    add_registration,
    audit_entries,
    check_in_rows,
    setup_desk,
)
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


DAY_1, DAY_2 = date(2027, 3, 23), date(2027, 3, 24)


def _hold(sessions: sessionmaker[Session], registration_id: int, code: str) -> None:
    with sessions.begin() as session:
        held = session.scalars(select(EventSession).where(EventSession.code == code)).one()
        session.add(
            RegistrationSession(
                registration_id=registration_id, session_id=held.id, source="import", added_at=CLOCK
            )
        )


def test_the_entrance_checks_in_once_a_day(desk: Database) -> None:
    add_registration(desk.sessions, "A" * 16)
    first = check_in(desk.sessions, MONTREAL, "A" * 16, desk="d", staff="s", day=DAY_1)
    again = check_in(desk.sessions, MONTREAL, "A" * 16, desk="d2", staff="s", day=DAY_1)
    second_day = check_in(desk.sessions, MONTREAL, "A" * 16, desk="d", staff="s", day=DAY_2)
    assert [r.outcome for r in (first, again, second_day)] == [
        CheckInOutcome.CHECKED_IN,
        CheckInOutcome.ALREADY,
        CheckInOutcome.CHECKED_IN,
    ]
    assert (again.desk, second_day.day) == ("d", DAY_2)
    assert check_in_rows(desk.sessions) == 2
    with pytest.raises(Invalid, match=r"2027-03-25 is not a day of this event"):
        check_in(desk.sessions, MONTREAL, "A" * 16, desk="d", staff="s", day=date(2027, 3, 25))


def test_an_event_without_days_refuses_a_day(desk: Database) -> None:
    add_registration(desk.sessions, "T" * 16, slug=TORONTO)
    with pytest.raises(Invalid, match="no \\[\\[days\\]\\]"):
        check_in(desk.sessions, TORONTO, "T" * 16, desk="d", staff="s", day=DAY_1)
    assert check_in_rows(desk.sessions) == 0


def test_a_session_admits_only_those_entitled(desk: Database) -> None:
    outsider = add_registration(desk.sessions, "B" * 16, category="non-member")
    member = add_registration(desk.sessions, "C" * 16, category="member-early")
    buyer = add_registration(desk.sessions, "D" * 16, category="non-member")
    _hold(desk.sessions, buyer, "gala")

    def gala(code: str) -> CheckInResult:
        return check_in(
            desk.sessions, MONTREAL, code, desk="gala", staff="s", session_code="gala", day=DAY_1
        )

    refused = gala("B" * 16)
    assert refused.outcome is CheckInOutcome.NOT_ENTITLED
    assert refused.message_for("en").render().startswith("Not registered for Gala dinner")
    assert gala("C" * 16).outcome is CheckInOutcome.CHECKED_IN
    assert gala("D" * 16).message_for("en").render() == "Checked in to Gala dinner: Benoît Lachance"
    assert gala("D" * 16).outcome is CheckInOutcome.ALREADY
    # The open workshop takes anyone; a session check-in is not the entrance's.
    workshop = check_in(
        desk.sessions, MONTREAL, "B" * 16, desk="w", staff="s", session_code="workshop-a", day=DAY_2
    )
    assert workshop.outcome is CheckInOutcome.CHECKED_IN
    entrance = check_in(desk.sessions, MONTREAL, "B" * 16, desk="d", staff="s", day=DAY_2)
    assert entrance.outcome is CheckInOutcome.CHECKED_IN
    assert check_in_rows(desk.sessions, outsider) == 2
    assert check_in_rows(desk.sessions, member) == 1
    with pytest.raises(NotFound, match=r"no session 'galla'.*gala, workshop-a"):
        check_in(
            desk.sessions, MONTREAL, "B" * 16, desk="d", staff="s", session_code="galla", day=DAY_1
        )


def test_a_full_session_refuses_with_the_count_and_a_supervisor_overrides(desk: Database) -> None:
    for code in ("E" * 16, "F" * 16, "G" * 16):
        add_registration(desk.sessions, code, category="member-early")

    def gala(code: str, override: Override | None = None) -> CheckInResult:
        return check_in(
            desk.sessions,
            MONTREAL,
            code,
            desk="gala",
            staff="s",
            session_code="gala",
            day=DAY_1,
            override=override,
        )

    assert [gala(c).seats_taken for c in ("E" * 16, "F" * 16)] == [1, 2]
    full = gala("G" * 16)
    assert full.outcome is CheckInOutcome.SESSION_FULL
    assert full.message_for("en").render().startswith("Gala dinner is full: 2 of 2.")
    assert check_in_rows(desk.sessions) == 2
    with pytest.raises(Invalid):
        gala("G" * 16, Override("Marie Roy", "000000", "VIP guest"))
    passed = gala("G" * 16, Override("Marie Roy", "246810", "VIP guest"))
    assert (passed.outcome, passed.overridden_by, passed.seats_taken) == (
        CheckInOutcome.CHECKED_IN,
        "Marie Roy",
        3,
    )
    granted = audit_entries(desk.sessions, "checkin.override")[-1].detail
    assert (granted["session"], granted["reason"], granted["blocked"]) == (
        "gala",
        "VIP guest",
        ["session_full"],
    )


def test_a_session_with_check_ins_stays_in_the_event_file(desk: Database) -> None:
    add_registration(desk.sessions, "H" * 16)
    check_in(
        desk.sessions, MONTREAL, "H" * 16, desk="w", staff="s", session_code="workshop-a", day=DAY_2
    )
    without_workshop = SESSIONS.split('[[sessions]]\ncode = "workshop-a"')[0]
    with pytest.raises(Conflict, match="The session workshop-a has 1 check-ins"):
        declare_sessions(desk.sessions, without_workshop)
    with desk.sessions() as session:
        assert len(session.scalars(select(EventSession)).all()) == 2


def test_four_desks_at_the_gala_door_never_exceed_its_capacity(
    desk: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs on both back ends (PostgreSQL with PASSERELLE_TEST_PG). Each desk counts the
    seats, then waits a little before writing, so that without the session's lock all four
    would see a free seat."""
    codes = [letter * 16 for letter in "JKLM"]
    for code in codes:
        add_registration(desk.sessions, code, category="member-early")
    counted = checkin_module.registrations_by_code

    def slow_count(
        session: Session, codes: Sequence[str], door: Door | None = None
    ) -> dict[str, tuple[Registration, tuple[int, int | None] | None]]:
        found = counted(session, codes, door)  # the registration with the seats taken
        time.sleep(0.2)
        return found

    monkeypatch.setattr(checkin_module, "registrations_by_code", slow_count)
    desks = [open_database(desk.url) for _ in codes]
    barrier = threading.Barrier(len(codes))
    results: list[CheckInResult] = []
    errors: list[BaseException] = []

    def scan(index: int) -> None:
        try:
            barrier.wait()
            results.append(
                check_in(
                    desks[index].sessions,
                    MONTREAL,
                    codes[index],
                    desk=f"gala-{index}",
                    staff="s",
                    session_code="gala",
                    day=DAY_1,
                )
            )
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=scan, args=(i,)) for i in range(len(codes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for db in desks:
        db.dispose()
    assert not errors, errors
    assert sorted(r.outcome.value for r in results) == [
        "checked_in",
        "checked_in",
        "session_full",
        "session_full",
    ]
    assert check_in_rows(desk.sessions) == 2


def test_the_attendance_report_counts_people_once_and_gives_days_and_sessions(
    desk: Database,
) -> None:
    add_registration(desk.sessions, "R" * 16, category="member-early")
    add_registration(desk.sessions, "S" * 16)
    for day in (DAY_1, DAY_2):
        check_in(desk.sessions, MONTREAL, "R" * 16, desk="d", staff="s", day=day)
    check_in(desk.sessions, MONTREAL, "S" * 16, desk="d", staff="s", day=DAY_2)
    check_in(desk.sessions, MONTREAL, "R" * 16, desk="g", staff="s", session_code="gala", day=DAY_1)
    report = attendance_report(desk.sessions, MONTREAL)
    assert (report.registered, report.checked_in, report.no_show) == (2, 2, 0)
    assert report.by_day == ((DAY_1, 1), (DAY_2, 2))
    assert [(s.code, s.entitled, s.checked_in, s.capacity) for s in report.by_session] == [
        ("gala", 1, 1, 2),
        ("workshop-a", 2, 0, None),
    ]
    assert report.to_json()["by_day"] == [
        {"day": "2027-03-23", "checked_in": 1},
        {"day": "2027-03-24", "checked_in": 2},
    ]
    # The first day's arrival is the one that counts.
    assert sum(a.checked_in for a in report.arrivals) == 2


def test_the_live_dashboard_does_not_count_a_second_day_as_a_new_arrival(
    desk: Database,
) -> None:
    add_registration(desk.sessions, "V" * 16)
    reports = Office(desk.sessions).reports
    check_in(desk.sessions, MONTREAL, "V" * 16, desk="d", staff="s", day=DAY_1)
    first = reports.dashboard(MONTREAL)
    assert first is not None and first.attendance.checked_in == 1
    check_in(desk.sessions, MONTREAL, "V" * 16, desk="d", staff="s", day=DAY_2)
    later = reports.dashboard(MONTREAL, first)
    assert later is not None
    assert later.attendance.checked_in == 1
    assert later.attendance.by_day == ((DAY_1, 1), (DAY_2, 1))


def test_the_event_list_counts_people_not_days_or_sessions(desk: Database) -> None:
    add_registration(desk.sessions, "W" * 16, category="member-early")
    for day in (DAY_1, DAY_2):
        check_in(desk.sessions, MONTREAL, "W" * 16, desk="d", staff="s", day=day)
    check_in(desk.sessions, MONTREAL, "W" * 16, desk="g", staff="s", session_code="gala", day=DAY_1)
    forum = next(e for e in list_events(desk.sessions) if e.slug == MONTREAL)
    assert (forum.registrations, forum.checked_in) == (1, 1)
    assert [code for code, _, _ in forum.sessions] == ["gala", "workshop-a"]


def test_undo_at_a_session_door_undoes_that_check_in_not_the_entrance(desk: Database) -> None:
    rid = add_registration(desk.sessions, "Y" * 16, category="member-early")
    check_in(desk.sessions, MONTREAL, "Y" * 16, desk="d", staff="s", day=DAY_1)
    check_in(desk.sessions, MONTREAL, "Y" * 16, desk="g", staff="s", session_code="gala", day=DAY_1)
    undo_check_in(
        desk.sessions, rid, desk="g", staff="s", reason="wrong badge", session_code="gala"
    )
    with desk.sessions() as session:
        active = session.scalars(
            select(CheckIn).where(CheckIn.registration_id == rid, CheckIn.undone_at.is_(None))
        ).all()
        assert [(c.day, c.session_id) for c in active] == [(DAY_1, None)]
    with pytest.raises(Conflict, match="nothing to undo"):
        undo_check_in(desk.sessions, rid, desk="g", staff="s", reason="again", session_code="gala")
    # The seat is free again.
    again = check_in(
        desk.sessions, MONTREAL, "Y" * 16, desk="g", staff="s", session_code="gala", day=DAY_1
    )
    assert (again.outcome, again.seats_taken) == (CheckInOutcome.CHECKED_IN, 1)


def test_the_card_shows_todays_check_in_of_a_two_day_event(
    desk: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    rid = add_registration(desk.sessions, "Z" * 16)
    check_in(desk.sessions, MONTREAL, "Z" * 16, desk="d", staff="s", day=DAY_1)
    monkeypatch.setattr(doors, "venue_today", lambda _event, now=None: DAY_1)
    assert attendee_card(desk.sessions, rid).checked_in_at is not None
    monkeypatch.setattr(doors, "venue_today", lambda _event, now=None: DAY_2)
    assert attendee_card(desk.sessions, rid).checked_in_at is None  # not yet today
    assert check_in(desk.sessions, MONTREAL, "Z" * 16, desk="d", staff="s").day == DAY_2
    assert attendee_card(desk.sessions, rid).checked_in_at is not None


def test_the_desk_header_counts_a_person_once_whatever_the_days_and_doors(
    desk: Database,
) -> None:
    """The header's kept counts (added to after each check-in) and a full count agree: a
    second day and a session's door add nobody."""
    from desktop_app.services.desk.checkin import event_counts
    from desktop_app.services.desk.counts import CountKeeper

    add_registration(desk.sessions, "X" * 16, category="member-early")
    add_registration(desk.sessions, "Y" * 16)
    keeper = CountKeeper()
    before = keeper.counts(desk.sessions, MONTREAL).checked_in
    check_in(desk.sessions, MONTREAL, "X" * 16, desk="d", staff="s", day=DAY_1)
    assert keeper.counts(desk.sessions, MONTREAL).checked_in == before + 1
    check_in(desk.sessions, MONTREAL, "X" * 16, desk="d", staff="s", day=DAY_2)
    check_in(desk.sessions, MONTREAL, "X" * 16, desk="g", staff="s", session_code="gala", day=DAY_1)
    check_in(desk.sessions, MONTREAL, "Y" * 16, desk="d", staff="s", day=DAY_2)
    kept = keeper.counts(desk.sessions, MONTREAL)
    assert kept.checked_in == before + 2
    assert kept == event_counts(desk.sessions, MONTREAL)


def test_search_lists_a_person_once_with_their_latest_entrance_check_in(desk: Database) -> None:
    """Two days and a gala: three check-ins, one line in the results, today's time."""
    from desktop_app.services.desk.search import search_registrations

    add_registration(desk.sessions, "Z" * 16, category="member-early")
    check_in(desk.sessions, MONTREAL, "Z" * 16, desk="d", staff="s", day=DAY_1)
    second = check_in(desk.sessions, MONTREAL, "Z" * 16, desk="d", staff="s", day=DAY_2)
    check_in(desk.sessions, MONTREAL, "Z" * 16, desk="g", staff="s", session_code="gala", day=DAY_2)
    hits = search_registrations(desk.sessions, MONTREAL, "Z" * 16)
    assert len(hits) == 1
    assert hits[0].checked_in_at == second.at
