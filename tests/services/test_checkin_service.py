"""Check-in rules: each outcome, overrides, undo, races between desks, replays and counts."""

from __future__ import annotations

import threading
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database, open_database
from desktop_app.db.models import CheckIn, Registration
from desktop_app.domain.errors import Conflict, Invalid, NotFound
from desktop_app.services.admin.staff import Override, create_staff
from desktop_app.services.desk import checkin as checkin_module
from desktop_app.services.desk.checkin import (
    CheckInOutcome,
    CheckInResult,
    check_in,
    event_counts,
    undo_check_in,
)
from tests.services.desk_data import (
    MONTREAL,
    TORONTO,
    add_registration,
    audit_entries,
    check_in_rows,
    setup_desk,
)

CODE = "ABCDEFGH23456789"


@pytest.fixture
def desk(database: Database) -> Database:
    setup_desk(database.sessions)
    create_staff(database.sessions, "Marie Roy", "246810", "supervisor", by=None)
    return database


def test_a_scan_checks_in_and_a_second_scan_changes_nothing(desk: Database) -> None:
    rid = add_registration(desk.sessions, CODE)
    first = check_in(desk.sessions, MONTREAL, CODE.lower() + "\n", desk="Desk 1", staff="Ana")
    assert first.outcome is CheckInOutcome.CHECKED_IN
    assert (first.registration_id, first.name, first.desk, first.staff) == (
        rid,
        "Benoît Lachance",
        "Desk 1",
        "Ana",
    )
    assert first.at is not None
    second = check_in(desk.sessions, MONTREAL, CODE, desk="Desk 2", staff="Bob")
    assert second.outcome is CheckInOutcome.ALREADY
    assert (second.at, second.desk, second.staff) == (first.at, "Desk 1", "Ana")
    assert "Already checked in: Benoît Lachance" in second.message.render()
    assert "desk Desk 1 by Ana" in second.message.render()
    # The time is the venue's (Montréal), whatever the laptop's time zone: today's, as the
    # card and the list show it (the date only for another day).
    local = first.at.astimezone(ZoneInfo("America/Toronto")).strftime("%H:%M")
    assert f"at {local} at desk" in second.message.render()
    assert check_in_rows(desk.sessions) == 1
    assert len(audit_entries(desk.sessions, "checkin.created")) == 1


def test_imported_codes_are_matched_exactly_as_stored(desk: Database) -> None:
    add_registration(desk.sessions, "pretix-Ab12x")
    assert (
        check_in(desk.sessions, MONTREAL, "PRETIX-AB12X", desk="d", staff="s").outcome
        is CheckInOutcome.NOT_FOUND
    )
    result = check_in(desk.sessions, MONTREAL, "  pretix-Ab12x ", desk="d", staff="s")
    assert result.outcome is CheckInOutcome.CHECKED_IN


def test_a_pretix_secret_typed_in_capitals_is_found_and_an_exact_code_wins(
    desk: Database,
) -> None:
    secret = "wfjkywcxymkcj9358x6jqthf27m5n9hp"
    rid = add_registration(desk.sessions, secret)
    result = check_in(desk.sessions, MONTREAL, secret.upper() + "\n", desk="d", staff="s")
    assert (result.outcome, result.registration_id) == (CheckInOutcome.CHECKED_IN, rid)
    # Two registrations whose codes differ only by case: the one typed exactly is the one.
    lower = add_registration(desk.sessions, "pretix-lower", first_name="Lucie")
    upper = add_registration(desk.sessions, "PRETIX-LOWER", first_name="Ulysse")
    exact = check_in(desk.sessions, MONTREAL, "PRETIX-LOWER", desk="d", staff="s")
    assert exact.registration_id == upper
    folded = check_in(desk.sessions, MONTREAL, "pretix-lower", desk="d", staff="s")
    assert folded.registration_id == lower


def test_not_found_including_a_code_of_another_event(desk: Database) -> None:
    add_registration(desk.sessions, CODE, slug=TORONTO, category="non-member")
    missing = check_in(desk.sessions, MONTREAL, "ZZZZZZZZZZZZZZZZ", desk="d", staff="s")
    assert missing.outcome is CheckInOutcome.NOT_FOUND and missing.other_event is None
    elsewhere = check_in(desk.sessions, MONTREAL, CODE, desk="d", staff="s")
    assert elsewhere.outcome is CheckInOutcome.NOT_FOUND
    assert elsewhere.other_event == TORONTO
    assert elsewhere.registration_id is None and elsewhere.name is None
    # Named as people know it, in the language asked; the slug stays in the result (JSON).
    assert elsewhere.other_event_names is not None
    name_fr, name_en = elsewhere.other_event_names
    assert name_en in elsewhere.message.render() and TORONTO not in elsewhere.message.render()
    assert name_fr in elsewhere.message_for("fr").render()
    assert check_in_rows(desk.sessions) == 0
    with pytest.raises(NotFound, match="no event 'nope'"):
        check_in(desk.sessions, "nope", CODE, desk="d", staff="s")


def test_cancelled_registration_is_refused(desk: Database) -> None:
    add_registration(desk.sessions, CODE, status="cancelled")
    result = check_in(desk.sessions, MONTREAL, CODE, desk="d", staff="s")
    assert result.outcome is CheckInOutcome.CANCELLED
    assert "cancelled" in result.message.render()
    assert check_in_rows(desk.sessions) == 0


def test_payment_due_blocks_until_a_supervisor_overrides_with_pin_and_reason(
    desk: Database,
) -> None:
    rid = add_registration(desk.sessions, CODE, due="517.39", paid="0.00")
    blocked = check_in(desk.sessions, MONTREAL, CODE, desk="d1", staff="Ana")
    assert blocked.outcome is CheckInOutcome.PAYMENT_DUE
    assert str(blocked.balance_due) == "517.39"
    assert "owes $517.39" in blocked.message.render()
    with pytest.raises(Invalid, match="supervisor name or PIN is wrong"):
        check_in(
            desk.sessions,
            MONTREAL,
            CODE,
            desk="d1",
            staff="Ana",
            override=Override("Marie Roy", "0000", "paying later"),
        )
    with pytest.raises(Invalid, match="needs a reason"):
        check_in(
            desk.sessions,
            MONTREAL,
            CODE,
            desk="d1",
            staff="Ana",
            override=Override("Marie Roy", "246810", ""),
        )
    assert check_in_rows(desk.sessions) == 0
    refused = audit_entries(desk.sessions, "checkin.override_refused")
    assert len(refused) == 2 and refused[0].subject == f"registration:{rid}"

    passed = check_in(
        desk.sessions,
        MONTREAL,
        CODE,
        desk="d1",
        staff="Ana",
        override=Override("marie roy", "246810", "Invoice to the employer"),
    )
    assert passed.outcome is CheckInOutcome.CHECKED_IN
    assert passed.overridden_by == "Marie Roy"
    assert check_in_rows(desk.sessions) == 1
    (granted,) = audit_entries(desk.sessions, "checkin.override")
    assert granted.detail is not None
    assert granted.detail["supervisor"] == "Marie Roy"
    assert granted.detail["reason"] == "Invoice to the employer"
    assert granted.detail["blocked"] == ["payment_due"]
    assert (granted.desk, granted.staff) == ("d1", "Ana")


def test_balance_due_flag_and_membership_doubt_block(desk: Database) -> None:
    add_registration(desk.sessions, "A" * 16, due="300.00", paid="200.00", flag="balance-due")
    add_registration(desk.sessions, "B" * 16, flag="doubt")
    add_registration(desk.sessions, "C" * 16, due="120.00", paid="150.00", flag="credit-due")
    outcomes = [
        check_in(desk.sessions, MONTREAL, code * 16, desk="d", staff="s").outcome for code in "ABC"
    ]
    assert outcomes == [
        CheckInOutcome.PAYMENT_DUE,
        CheckInOutcome.MEMBERSHIP_DOUBT,
        CheckInOutcome.CHECKED_IN,  # money owed *to* the person never blocks
    ]
    doubt = check_in(
        desk.sessions,
        MONTREAL,
        "B" * 16,
        desk="d",
        staff="s",
        override=Override("Marie Roy", "246810", "Member card shown"),
    )
    assert doubt.outcome is CheckInOutcome.CHECKED_IN


def test_undo_needs_a_reason_keeps_the_row_and_allows_a_new_check_in(desk: Database) -> None:
    rid = add_registration(desk.sessions, CODE)
    check_in(desk.sessions, MONTREAL, CODE, desk="d1", staff="Ana")
    with pytest.raises(Invalid, match="reason"):
        undo_check_in(desk.sessions, rid, desk="d1", staff="Marie Roy", reason="  ")
    undo_check_in(desk.sessions, rid, desk="d1", staff="Marie Roy", reason="wrong person")
    with pytest.raises(Conflict, match="not checked in"):
        undo_check_in(desk.sessions, rid, desk="d1", staff="Marie Roy", reason="again")
    assert event_counts(desk.sessions, MONTREAL).checked_in == 0
    again = check_in(desk.sessions, MONTREAL, CODE, desk="d2", staff="Bob")
    assert again.outcome is CheckInOutcome.CHECKED_IN and again.desk == "d2"
    with desk.sessions() as session:
        rows = session.scalars(select(CheckIn).order_by(CheckIn.id)).all()
        assert [(r.desk, r.undone_by, r.undo_reason) for r in rows] == [
            ("d1", "Marie Roy", "wrong person"),
            ("d2", None, None),
        ]
    (undone,) = audit_entries(desk.sessions, "checkin.undone")
    assert undone.detail is not None and undone.detail["reason"] == "wrong person"


def test_the_same_action_replayed_gives_the_same_result_and_one_row(desk: Database) -> None:
    add_registration(desk.sessions, CODE)
    first = check_in(desk.sessions, MONTREAL, CODE, desk="d1", staff="Ana", action_id="act-1")
    replay = check_in(desk.sessions, MONTREAL, CODE, desk="d1", staff="Ana", action_id="act-1")
    assert replay == first and replay.outcome is CheckInOutcome.CHECKED_IN
    assert check_in_rows(desk.sessions) == 1
    # A different action for the same person is a second scan: already checked in.
    other = check_in(desk.sessions, MONTREAL, CODE, desk="d2", staff="Bob", action_id="act-2")
    assert other.outcome is CheckInOutcome.ALREADY
    assert check_in_rows(desk.sessions) == 1
    # The same id for someone else is refused, not taken as done.
    add_registration(desk.sessions, "Q" * 16)
    with pytest.raises(Conflict, match="act-1 was already used for another registration"):
        check_in(desk.sessions, MONTREAL, "Q" * 16, desk="d1", staff="Ana", action_id="act-1")
    assert check_in_rows(desk.sessions) == 1


def test_a_lost_race_is_reported_as_already_checked_in(
    desk: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other desk committed between our read and our insert: the index refuses ours."""
    rid = add_registration(desk.sessions, CODE)
    winner = check_in(desk.sessions, MONTREAL, CODE, desk="d1", staff="Ana")
    real = checkin_module.active_check_in
    calls: list[int] = []

    def stale_first_read(
        session: object, registration_id: int, door: object = None
    ) -> CheckIn | None:
        calls.append(registration_id)
        return None if len(calls) == 1 else real(session, registration_id, door)  # type: ignore[arg-type]

    monkeypatch.setattr(checkin_module, "active_check_in", stale_first_read)
    loser = check_in(desk.sessions, MONTREAL, CODE, desk="d2", staff="Bob")
    assert loser.outcome is CheckInOutcome.ALREADY
    assert (loser.at, loser.desk) == (winner.at, "d1")
    assert check_in_rows(desk.sessions, rid) == 1
    assert len(audit_entries(desk.sessions, "checkin.created")) == 1


def test_two_desks_scanning_at_once_make_exactly_one_check_in(desk: Database) -> None:
    rid = add_registration(desk.sessions, CODE)
    # Each desk has its own connection pool, as two machines would.
    desks = [open_database(desk.url), open_database(desk.url)]
    barrier = threading.Barrier(2)
    results: list[CheckInResult] = []
    errors: list[BaseException] = []

    def scan(index: int) -> None:
        try:
            barrier.wait()
            results.append(
                check_in(desks[index].sessions, MONTREAL, CODE, desk=f"d{index}", staff="s")
            )
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=scan, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for db in desks:
        db.dispose()
    assert not errors
    assert sorted(r.outcome.value for r in results) == ["already_checked_in", "checked_in"]
    assert len({(r.at, r.desk) for r in results}) == 1  # both name the winning check-in
    assert check_in_rows(desk.sessions, rid) == 1


def test_counts_are_active_check_ins_of_active_registrations(desk: Database) -> None:
    assert event_counts(desk.sessions, MONTREAL) == checkin_module.EventCounts(0, 0)
    codes = [f"{letter}" * 16 for letter in "DEFGH"]
    for code in codes[:4]:
        add_registration(desk.sessions, code)
    cancelled = add_registration(desk.sessions, codes[4], status="cancelled")
    add_registration(desk.sessions, "T" * 16, slug=TORONTO)
    for code in codes[:4]:
        check_in(desk.sessions, MONTREAL, code, desk="d", staff="s")
    undone = check_in(desk.sessions, MONTREAL, codes[3], desk="d", staff="s").registration_id
    assert undone is not None
    undo_check_in(desk.sessions, undone, desk="d", staff="s", reason="left at once")
    check_in(desk.sessions, TORONTO, "T" * 16, desk="d", staff="s")
    counts = event_counts(desk.sessions, MONTREAL)
    assert (counts.checked_in, counts.expected) == (3, 4)
    assert event_counts(desk.sessions, TORONTO) == checkin_module.EventCounts(1, 1)
    # A check-in of a registration later cancelled no longer counts.
    with desk.sessions.begin() as session:
        registration = session.get(Registration, cancelled)
        assert registration is not None
        session.add(
            CheckIn(
                registration_id=cancelled,
                checked_in_at=registration.created_at + timedelta(days=1),
                desk="d",
                staff="s",
                action_id="old",
            )
        )
    assert event_counts(desk.sessions, MONTREAL) == checkin_module.EventCounts(3, 4)
    with pytest.raises(NotFound):
        event_counts(desk.sessions, "nope")


def test_refusals_need_a_code_desk_and_staff(desk: Database) -> None:
    with pytest.raises(Invalid, match="Scan or type"):
        check_in(desk.sessions, MONTREAL, "  ", desk="d", staff="s")
    with pytest.raises(Invalid, match="desk and a staff"):
        check_in(desk.sessions, MONTREAL, CODE, desk="", staff="s")
