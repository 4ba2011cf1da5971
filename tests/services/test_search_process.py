"""The desk's search in a process of its own: the same answers as the desk's own search, up
to date after a check-in, and the desk's own search whenever that process cannot answer."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from desktop_app.db.database import Database
from desktop_app.domain.errors import NotFound
from desktop_app.services.desk.attendees import AttendeeCard, attendee_card
from desktop_app.services.desk.checkin import check_in
from desktop_app.services.desk.search import SearchHit, search_registrations
from desktop_app.services.desk.search.process import SearchProcess
from tests.ui.desk.desk_harness import SLUG, fill, paid_up


def ready(process: SearchProcess) -> SearchProcess:
    """Wait until the child has its database open and answers."""
    deadline = time.monotonic() + 60
    while not process.in_use:
        assert time.monotonic() < deadline, "the search process never answered"
        process.search("warm up")
        time.sleep(0.05)
    return process


@pytest.fixture
def filled(database: Database) -> Database:
    fill(database)
    return database


@pytest.fixture
def process(filled: Database) -> Iterator[SearchProcess]:
    made = SearchProcess.beside(filled.url, filled.sessions, SLUG)
    yield made
    made.close()


def test_it_answers_as_the_desk_would_and_sees_a_check_in_made_after_it_started(
    filled: Database, process: SearchProcess
) -> None:
    with filled.sessions() as session:
        _id, code, first, last = session.execute(paid_up().limit(1)).one()
    ready(process)
    misspelled = last[:-2] + "x" + last[-1] if len(last) > 3 else last
    for query in (first, last, f"{first} {last[:3]}", misspelled, code, code.lower(), "zzzzqqq"):
        expected = search_registrations(filled.sessions, SLUG, query)
        assert process.search(query) == expected, query
    hit = process.search(code)[0]
    assert hit.code == code and not hit.checked_in

    result = check_in(filled.sessions, SLUG, code, desk="Desk 1", staff="Test")
    assert result.at is not None, result.outcome

    again = process.search(code)[0]
    assert again.code == code and again.checked_in and again.checked_in_at is not None
    assert process.in_use


def test_if_the_process_dies_the_desk_searches_itself_and_still_finds_the_person(
    filled: Database, process: SearchProcess
) -> None:
    with filled.sessions() as session:
        code = session.execute(paid_up().limit(1)).one().code
    ready(process)
    process._process.kill()  # as if the operating system ended it
    process._process.join(10)
    hits = process.search(code)
    assert hits and hits[0].code == code
    assert not process.in_use


def test_a_database_the_process_cannot_open_leaves_the_search_to_the_desk(
    filled: Database,
) -> None:
    with filled.sessions() as session:
        code = session.execute(paid_up().limit(1)).one().code
    asked: list[str] = []

    def fallback(query: str) -> list[SearchHit]:
        asked.append(query)
        return search_registrations(filled.sessions, SLUG, query)

    missing = "sqlite:////nonexistent-folder-passerelle/none.sqlite3"
    process = SearchProcess(missing, SLUG, fallback)
    try:
        deadline = time.monotonic() + 60
        while process._process.is_alive() and time.monotonic() < deadline:
            process.search(code)
            time.sleep(0.05)
        hits = process.search(code)
        assert hits and hits[0].code == code
        assert asked and not process.in_use
    finally:
        process.close()


def shown(card: AttendeeCard) -> tuple[object, ...]:
    """What the card shows, its evidence as the sentences staff read."""
    return (
        card.registration_id, card.code, card.first_name, card.last_name, card.status,
        card.balance_due, card.marking, card.membership_flag, card.checked_in_at,
        card.checked_in_desk, tuple(str(line.text) for line in card.evidence),
    )  # fmt: skip


def test_cards_read_there_are_the_desks_own_and_up_to_date(
    filled: Database, process: SearchProcess
) -> None:
    with filled.sessions() as session:
        rows = [(row.id, row.code) for row in session.execute(paid_up().limit(5))]
    ready(process)
    for registration_id, _code in rows:
        assert shown(process.card(registration_id)) == shown(
            attendee_card(filled.sessions, registration_id)
        )
    registration_id, code = rows[0]
    check_in(filled.sessions, SLUG, code, desk="Desk 3", staff="Test")
    card = process.card(registration_id)
    assert card.checked_in_at is not None and card.checked_in_desk == "Desk 3"
    with pytest.raises(NotFound):  # the desk's own read says why
        process.card(10**9)
    assert process.in_use
