"""Badges of a two-day forum with a gala (for member-early holders and add-on buyers), a paid
workshop and an open one: each badge shows the sessions its person holds and the days."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.database import Database
from desktop_app.db.models import EventSession, Registration, RegistrationSession
from desktop_app.services.desk.badge_entitlements import entitlements
from desktop_app.services.desk.badges import badge_data, render_batch
from tests.documents.pdf_reading import decode_qr_codes, flat, pdf_text
from tests.services.desk_data import CLOCK, MONTREAL, add_registration, setup_desk
from tests.services.sessions_data import SESSIONS, declare_sessions

PAID_WORKSHOP = """
[[sessions]]
code = "workshop-b"
name_fr = "Atelier B"
name_en = "Workshop B"
starts = 2027-03-24T11:00:00
ends = 2027-03-24T12:00:00
price = "40.00"
"""


@pytest.fixture
def forum(database: Database) -> Database:
    setup_desk(database.sessions)
    declare_sessions(database.sessions, SESSIONS + PAID_WORKSHOP)
    return database


def _hold(sessions: sessionmaker[Session], registration_id: int, code: str) -> None:
    with sessions.begin() as session:
        held = session.scalars(select(EventSession).where(EventSession.code == code)).one()
        session.add(
            RegistrationSession(
                registration_id=registration_id, session_id=held.id, source="import", added_at=CLOCK
            )
        )


def _set_language(sessions: sessionmaker[Session], registration_id: int, language: str) -> None:
    with sessions.begin() as session:
        registration = session.get(Registration, registration_id)
        assert registration is not None
        registration.preferred_language = language


def _badge_text(database: Database, code: str) -> str:
    batch = render_batch(database.sessions, MONTREAL, "avery-5392", codes=[code])
    assert batch.pdf is not None
    return flat(pdf_text(batch.pdf))


def test_a_badge_shows_the_sessions_held_and_the_days(forum: Database) -> None:
    # The gala comes with the member-early category; workshop B was bought as an add-on.
    member = add_registration(forum.sessions, "MEMBER0000000001", category="member-early")
    _hold(forum.sessions, member, "workshop-b")
    text = _badge_text(forum, "MEMBER0000000001")
    for words in ("Souper gala", "Atelier B", "mar. 23 mars", "mer. 24 mars"):
        assert words in text
    # The open workshop is everyone's: no chip says so.
    assert "Atelier A" not in text


def test_an_english_badge_names_its_add_on_in_english(forum: Database) -> None:
    buyer = add_registration(forum.sessions, "BUYER00000000001", category="non-member")
    _hold(forum.sessions, buyer, "gala")
    _set_language(forum.sessions, buyer, "en")
    text = _badge_text(forum, "BUYER00000000001")
    for words in ("Gala dinner", "Tue Mar 23", "Wed Mar 24"):
        assert words in text
    assert "Souper gala" not in text and "Workshop B" not in text


def test_a_person_without_sessions_gets_no_session_chip(forum: Database) -> None:
    add_registration(forum.sessions, "PLAIN00000000001", category="non-member")
    with forum.sessions() as session:
        registration = session.scalars(
            select(Registration).where(Registration.code == "PLAIN00000000001")
        ).one()
        held = entitlements(session, registration.event_id, [registration.id])
        badge = badge_data(registration, held=held)
    assert [chip.kind for chip in badge.chips] == ["day", "day"]
    text = _badge_text(forum, "PLAIN00000000001")
    for words in ("Souper gala", "Gala dinner", "Atelier", "Workshop"):
        assert words not in text


def test_an_event_without_sessions_or_days_prints_badges_as_before(database: Database) -> None:
    setup_desk(database.sessions)
    add_registration(database.sessions, "PLAIN00000000002", category="member-early")
    with database.sessions() as session:
        registration = session.scalars(select(Registration)).one()
        held = entitlements(session, registration.event_id, [registration.id])
        badge = badge_data(registration, held=held)
    assert badge.chips == () and not badge.chip_row


def test_every_qr_code_of_a_batch_with_chips_scans(forum: Database) -> None:
    codes = [f"SCAN{n:012d}" for n in range(6)]
    for index, code in enumerate(codes):
        registration = add_registration(
            forum.sessions, code, category="member-early" if index % 2 else "non-member"
        )
        if index % 3 == 0:
            _hold(forum.sessions, registration, "workshop-b")
    batch = render_batch(forum.sessions, MONTREAL, "avery-5392", codes=codes)
    assert batch.pdf is not None and batch.pages == 1
    assert sorted(decode_qr_codes(batch.pdf, 203)) == sorted(codes)
    assert flat(pdf_text(batch.pdf)).count("Souper gala") == 3
