"""Add-ons in registration imports: pretix positions that are add-ons to a ticket, and
products mapped to sessions with ``--map-session``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import EventSession, Registration, RegistrationSession
from desktop_app.domain.errors import Invalid
from desktop_app.services.desk.checkin import CheckInOutcome, check_in
from desktop_app.services.registrations.importing import import_registrations
from tests.services.registration_data import CLOCK, MONTREAL, setup_events, write
from tests.services.sessions_data import declare_sessions

GALA_DAY = date(2027, 3, 23)
PRETIX_HEADER = (
    "Event slug,Order code,Position ID,Add-on to position ID,Status,Email,Order date,Product,"
    "Variation,Price,Attendee name: Given name,Attendee name: Family name,Attendee email,"
    "Company,Ticket secret,Order locale\n"
)
# KX7PQ: a non-member ticket with the gala as an add-on; M3R9T: a ticket with workshop A
# (named in French) and parking, which is no session.
PRETIX = PRETIX_HEADER + (
    "forum-montreal-2027,KX7PQ,1,,paid,lea@example.org,2026-11-18,Non-member,,834.08,Léa,Roy,"
    "lea@example.org,Exemple inc.,leasecret23456789,fr\n"
    "forum-montreal-2027,KX7PQ,2,1,paid,lea@example.org,2026-11-18,Gala dinner,,109.23,,,,,"
    "galasecret2345678,fr\n"
    "forum-montreal-2027,M3R9T,1,,paid,sam@example.org,2026-12-02,Non-member,,834.08,Sam,Lee,"
    "sam@example.org,,samsecret23456789,en\n"
    "forum-montreal-2027,M3R9T,2,1,paid,sam@example.org,2026-12-02,Atelier A,,0.00,,,,,"
    "worksecret2345678,en\n"
    "forum-montreal-2027,M3R9T,3,1,paid,sam@example.org,2026-12-02,Parking,,20.00,,,,,"
    "parksecret2345678,en\n"
)
EVENTBRITE = (
    "Order #,Order Date,First Name,Last Name,Email,Ticket Type,Attendee #,Barcode #,"
    "Total Paid,Attendee Status,Company\n"
    "881,2026-12-14 10:22:31-05:00,Sarah,Mitchell,sarah@example.org,Non-member,1101,"
    "884120773111205433101001,834.08,Attending,Lakeshore\n"
    "881,2026-12-14 10:22:31-05:00,Sarah,Mitchell,sarah@example.org,Gala dinner (add-on),1102,"
    "884120773111205433102001,109.23,Attending,Lakeshore\n"
)


@pytest.fixture
def forum(database: Database) -> Database:
    setup_events(database)
    declare_sessions(database.sessions)
    return database


def _held(database: Database) -> list[tuple[str, str, str]]:
    with database.sessions() as session:
        rows = session.execute(
            select(Registration.code, EventSession.code, RegistrationSession.source)
            .join(Registration, Registration.id == RegistrationSession.registration_id)
            .join(EventSession, EventSession.id == RegistrationSession.session_id)
            .order_by(Registration.code)
        )
        return [(a, b, c) for a, b, c in rows]


def _registrations(database: Database) -> int:
    with database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(Registration)) or 0)


def test_pretix_add_ons_give_their_parent_ticket_a_session(forum: Database, tmp_path: Path) -> None:
    path = write(tmp_path, "pretix.csv", PRETIX)
    report = import_registrations(forum.sessions, MONTREAL, path, at=CLOCK)
    assert (report.layout, report.added, report.sessions_added) == ("pretix", 2, 2)
    assert [(e.row, e.reason) for e in report.errors] == [
        (
            6,
            "The add-on “Parking” is not a session of this event. Map it with --map-session"
            " “Parking=CODE” (sessions: gala, workshop-a).",
        )
    ]
    assert _registrations(forum) == 2  # add-ons are not registrations
    assert _held(forum) == [
        ("leasecret23456789", "gala", "import"),
        ("samsecret23456789", "workshop-a", "import"),
    ]
    # The gala door admits Léa (a non-member who bought the add-on), not Sam.
    lea, sam = (
        check_in(
            forum.sessions, MONTREAL, code, desk="g", staff="s", session_code="gala", day=GALA_DAY
        )
        for code in ("leasecret23456789", "samsecret23456789")
    )
    assert (lea.outcome, sam.outcome) == (CheckInOutcome.CHECKED_IN, CheckInOutcome.NOT_ENTITLED)
    # The same file again gives nothing more.
    again = import_registrations(forum.sessions, MONTREAL, path, at=CLOCK)
    assert (again.sessions_added, len(_held(forum))) == (0, 2)


def test_a_mapped_ticket_type_gives_the_session_to_the_same_email(
    forum: Database, tmp_path: Path
) -> None:
    path = write(tmp_path, "eventbrite.csv", EVENTBRITE)
    mapping = {"Gala dinner (add-on)": "gala"}
    report = import_registrations(forum.sessions, MONTREAL, path, at=CLOCK, session_map=mapping)
    assert (report.layout, report.added, report.sessions_added, report.rejected) == (
        "eventbrite",
        1,
        1,
        0,
    )
    assert _held(forum) == [("884120773111205433101001", "gala", "import")]


def test_a_map_to_an_unknown_session_is_refused_and_nothing_is_written(
    forum: Database, tmp_path: Path
) -> None:
    path = write(tmp_path, "eventbrite.csv", EVENTBRITE)
    with pytest.raises(Invalid, match="--map-session: galla is not a session of this event"):
        import_registrations(
            forum.sessions, MONTREAL, path, at=CLOCK, session_map={"Gala dinner (add-on)": "galla"}
        )
    assert _registrations(forum) == 0


def test_a_generic_file_lists_the_sessions_each_person_holds(
    forum: Database, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "generic.csv",
        "Prénom,Nom,Courriel,Catégorie,Séances\n"
        "Léa,Roy,lea@example.org,non-member,Souper gala; workshop-a\n"
        "Sam,Lee,sam@example.org,non-member,\n"
        "Ana,Diaz,ana@example.org,non-member,Croisière\n",
    )
    report = import_registrations(forum.sessions, MONTREAL, path, at=CLOCK)
    assert (report.layout, report.added, report.sessions_added) == ("generic", 3, 2)
    assert [(e.row, e.reason.split(".")[0]) for e in report.errors] == [
        (4, "The add-on “Croisière” is not a session of this event")
    ]
    with forum.sessions() as session:
        held = session.execute(
            select(Registration.person_id, EventSession.code)
            .select_from(RegistrationSession)
            .join(Registration, Registration.id == RegistrationSession.registration_id)
            .join(EventSession, EventSession.id == RegistrationSession.session_id)
            .order_by(EventSession.code)
        ).all()
        lea = session.scalars(
            select(Registration.person_id).order_by(Registration.id).limit(1)
        ).one()
    assert held == [(lea, "gala"), (lea, "workshop-a")]
