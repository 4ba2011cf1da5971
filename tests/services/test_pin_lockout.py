"""Guessing PINs: free tries, then a growing wait, then a lock only a supervisor lifts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.db.database import Database
from desktop_app.domain.errors import Invalid
from desktop_app.services.admin import staff as staff_module
from desktop_app.services.admin.staff import (
    DELAYS_S,
    FREE_ATTEMPTS,
    LOCK_AFTER,
    create_staff,
    list_staff,
    sign_in,
    unlock,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2027, 3, 23, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(staff_module, "_now", fake)
    return fake


def wrong(database: Database, name: str = "Paul") -> str:
    with pytest.raises(Invalid) as raised:
        sign_in(database.sessions, name, "000000")
    return raised.value.message


def test_five_free_tries_then_a_growing_wait_then_a_lock(
    database: Database, clock: FakeClock
) -> None:
    boss = create_staff(database.sessions, "Sophie", "246813", "supervisor", by=None)
    paul = create_staff(database.sessions, "Paul", "135799", "desk", by=boss)
    for _ in range(FREE_ATTEMPTS):
        assert wrong(database) == "The name or PIN is wrong."
    # The sixth try comes at once: refused without even checking the PIN, with the wait.
    assert "wait 30 s" in wrong(database)
    with pytest.raises(Invalid):
        sign_in(database.sessions, "Paul", "135799")  # even the right PIN waits
    clock.advance(DELAYS_S[0])
    assert wrong(database) == "The name or PIN is wrong."  # 6th wrong PIN
    assert f"wait {DELAYS_S[1]} s" in wrong(database)
    for delay in DELAYS_S[1:]:
        clock.advance(delay)
        wrong(database)
    # Ten wrong PINs in a row: locked, whatever the wait.
    clock.advance(3600)
    assert "locked after 10 wrong PINs" in wrong(database)
    clock.advance(86400)
    with pytest.raises(Invalid, match="locked"):
        sign_in(database.sessions, "Paul", "135799")
    assert [a.locked for a in list_staff(database.sessions) if a.name == "Paul"] == [True]
    unlock(database.sessions, paul.id, by=boss)
    assert sign_in(database.sessions, "Paul", "135799").name == "Paul"
    assert LOCK_AFTER == 10


def test_a_right_pin_resets_the_count(database: Database, clock: FakeClock) -> None:
    create_staff(database.sessions, "Sophie", "246813", "supervisor", by=None)
    for _ in range(FREE_ATTEMPTS - 1):
        wrong(database, "Sophie")
    sign_in(database.sessions, "Sophie", "246813")
    for _ in range(FREE_ATTEMPTS):
        assert wrong(database, "Sophie") == "The name or PIN is wrong."


def test_one_accounts_lock_does_not_touch_another(database: Database, clock: FakeClock) -> None:
    boss = create_staff(database.sessions, "Sophie", "246813", "supervisor", by=None)
    create_staff(database.sessions, "Paul", "135799", "desk", by=boss)
    for _ in range(FREE_ATTEMPTS + 1):
        wrong(database, "Paul")
    assert sign_in(database.sessions, "Sophie", "246813").name == "Sophie"


def test_new_pins_have_six_digits_and_the_demo_keeps_its_four(database: Database) -> None:
    with pytest.raises(Invalid, match="6 to 8 digits; this one has 4"):
        create_staff(database.sessions, "Sophie", "2468", "supervisor", by=None)
    create_staff(database.sessions, "Demo", "1234", "supervisor", by=None, demo=True)
    assert sign_in(database.sessions, "Demo", "1234").name == "Demo"


def test_guessing_a_supervisor_pin_through_an_override_counts_too(
    database: Database, clock: FakeClock
) -> None:
    from desktop_app.services.admin.staff import Override, approve_override

    create_staff(database.sessions, "Sophie", "246813", "supervisor", by=None)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(Invalid, match="supervisor name or PIN is wrong"):
            approve_override(database.sessions, Override("Sophie", "000000", "guess"))
    with pytest.raises(Invalid, match="wait 30 s"):
        approve_override(database.sessions, Override("Sophie", "246813", "right, but too soon"))
    assert "wait" in wrong(database, "Sophie")  # the sign-in shares the count
    clock.advance(DELAYS_S[0])
    assert (
        approve_override(database.sessions, Override("Sophie", "246813", "late speaker")).name
        == "Sophie"
    )
