"""The header's counts, kept up to date between refreshes (#16): always what a full count says."""

from __future__ import annotations

import pytest

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import Registration
from desktop_app.services.desk import counts as counts_module
from desktop_app.services.desk.checkin import EventCounts, check_in, event_counts, undo_check_in
from desktop_app.services.desk.counts import CountKeeper
from tests.services.desk_data import MONTREAL, TORONTO, add_registration, setup_desk

CODES = [letter * 16 for letter in "DEFGH"]


@pytest.fixture
def desk(database: Database) -> Database:
    setup_desk(database.sessions)
    return database


@pytest.fixture
def full_counts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs counted in full, one entry per full count."""
    counted: list[str] = []
    real = counts_module._count

    def counting(*args: object) -> object:
        counted.append(str(args[2]))
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(counts_module, "_count", counting)
    return counted


def test_check_ins_are_added_and_anything_else_is_counted_again(
    desk: Database, full_counts: list[str]
) -> None:
    keeper = CountKeeper()

    def kept() -> EventCounts:
        figures = keeper.counts(desk.sessions, MONTREAL)
        assert figures == event_counts(desk.sessions, MONTREAL)
        return figures

    ids = [add_registration(desk.sessions, code) for code in CODES]
    add_registration(desk.sessions, "T" * 16, slug=TORONTO)
    assert kept() == EventCounts(0, 5)
    assert kept() == EventCounts(0, 5)
    assert len(full_counts) == 1  # nothing changed: not counted again

    for number, code in enumerate(CODES[:3], start=1):
        check_in(desk.sessions, MONTREAL, code, desk="d", staff="s")
        assert kept() == EventCounts(number, 5)
    check_in(desk.sessions, TORONTO, "T" * 16, desk="d", staff="s")
    check_in(desk.sessions, MONTREAL, CODES[0], desk="d", staff="s")  # already: no new row
    assert kept() == EventCounts(3, 5)
    assert len(full_counts) == 1  # the door's traffic is added, not counted again

    undo_check_in(desk.sessions, ids[1], desk="d", staff="s", reason="left at once")
    assert kept() == EventCounts(2, 5)
    assert len(full_counts) == 2  # an undo: counted again

    add_registration(desk.sessions, "W" * 16)  # a walk-in: a new registration
    assert kept() == EventCounts(2, 6)
    assert len(full_counts) == 3


def test_a_change_without_an_audit_entry_shows_within_the_full_count_time(
    desk: Database, full_counts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A replica brought up to date from the server writes no audit entry of its own.
    keeper = CountKeeper()
    rid = add_registration(desk.sessions, CODES[0])
    check_in(desk.sessions, MONTREAL, CODES[0], desk="d", staff="s")
    assert keeper.counts(desk.sessions, MONTREAL) == EventCounts(1, 1)
    with desk.sessions.begin() as session:
        registration = session.get(Registration, rid)
        assert registration is not None
        registration.status = "cancelled"
    assert keeper.counts(desk.sessions, MONTREAL) == EventCounts(1, 1)  # kept, for now
    monkeypatch.setattr(counts_module, "FULL_COUNT_SECONDS", 0.0)
    assert keeper.counts(desk.sessions, MONTREAL) == EventCounts(0, 0)


def test_another_database_or_event_is_counted_afresh(
    desk: Database, database_url: str, full_counts: list[str]
) -> None:
    keeper = CountKeeper()
    add_registration(desk.sessions, CODES[0])
    add_registration(desk.sessions, "T" * 16, slug=TORONTO)
    add_registration(desk.sessions, "U" * 16, slug=TORONTO)
    assert keeper.counts(desk.sessions, MONTREAL) == EventCounts(0, 1)
    assert keeper.counts(desk.sessions, TORONTO) == EventCounts(0, 2)
    other = open_database(database_url.replace("passerelle.sqlite3", "other.sqlite3"))
    if other.url == desk.url:  # PostgreSQL: one test database, nothing to switch to
        other.dispose()
        return
    try:
        setup_desk(other.sessions)
        assert keeper.counts(other.sessions, MONTREAL) == EventCounts(0, 0)
    finally:
        other.dispose()
    assert full_counts == [MONTREAL, TORONTO, MONTREAL]
