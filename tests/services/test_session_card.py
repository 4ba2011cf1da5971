"""The card at a session's door: the session's status first (entitled, in, seats left), the
entrance's check-in kept apart."""

from __future__ import annotations

import pytest

from desktop_app.db.database import Database
from desktop_app.domain.errors import NotFound
from desktop_app.services.desk.attendees import attendee_card
from desktop_app.services.desk.checkin import check_in
from tests.services.desk_data import MONTREAL, add_registration, setup_desk
from tests.services.sessions_data import SESSIONS, declare_sessions

ONLY_SESSIONS = SESSIONS[SESSIONS.index("[[sessions]]") :]  # no [[days]]: any today will do


@pytest.fixture
def forum(database: Database) -> Database:
    setup_desk(database.sessions)
    declare_sessions(database.sessions, ONLY_SESSIONS)
    return database


def test_the_card_at_the_gala_door_tells_the_gala_from_the_entrance(forum: Database) -> None:
    member = add_registration(forum.sessions, "MEMBER0000000001", category="member-early")
    outsider = add_registration(forum.sessions, "OUTSIDE000000001", due="0.00")
    check_in(forum.sessions, MONTREAL, "OUTSIDE000000001", desk="Entrance", staff="Ann")

    card = attendee_card(forum.sessions, member, admits="gala")
    assert card.door is not None
    assert (card.door.entitled, card.door.checked_in_at, card.door.seats_left) == (True, None, 2)
    assert not card.checked_in_here

    check_in(
        forum.sessions, MONTREAL, "MEMBER0000000001", desk="Gala", staff="Bo", session_code="gala"
    )
    card = attendee_card(forum.sessions, member, admits="gala")
    assert card.door is not None
    assert card.door.checked_in_at is not None and card.door.checked_in_desk == "Gala"
    assert card.door.seats_left == 1
    assert card.checked_in_here and card.checked_in_at is None  # not at the entrance

    other = attendee_card(forum.sessions, outsider, admits="gala")
    assert other.door is not None and not other.door.entitled
    assert other.checked_in_at is not None and not other.checked_in_here
    # At the entrance the card is as it always was.
    assert attendee_card(forum.sessions, outsider).door is None


def test_a_card_for_a_session_the_event_lacks_is_refused(forum: Database) -> None:
    member = add_registration(forum.sessions, "MEMBER0000000002", category="member-early")
    with pytest.raises(NotFound):
        attendee_card(forum.sessions, member, admits="cruise")


def test_the_card_names_the_sessions_held_beyond_the_admission(forum: Database) -> None:
    """Included by the category (member-early's gala) or bought as an add-on; the open
    workshop is everyone's and is not named; an event without sessions names none."""
    from sqlalchemy import select

    from desktop_app.db.models import EventSession, RegistrationSession
    from tests.services.money_desk import BEFORE_MONTREAL

    member = add_registration(forum.sessions, "MEMBER0000000001", category="member-early")
    buyer = add_registration(forum.sessions, "BUYER00000000001", due="0.00")
    plain = add_registration(forum.sessions, "PLAIN00000000001", due="0.00")
    with forum.sessions.begin() as session:
        gala = session.scalars(select(EventSession).where(EventSession.code == "gala")).one()
        session.add(
            RegistrationSession(
                registration_id=buyer, session_id=gala.id, source="desk", added_at=BEFORE_MONTREAL
            )
        )
    assert attendee_card(forum.sessions, member).holds == (("Souper gala", "Gala dinner"),)
    assert attendee_card(forum.sessions, buyer).holds == (("Souper gala", "Gala dinner"),)
    assert attendee_card(forum.sessions, plain).holds == ()
