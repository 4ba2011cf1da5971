"""Staff accounts: first run, PIN rules, sign-in, overrides, activation and PIN changes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import StaffAccount
from desktop_app.domain.errors import Conflict, Invalid
from desktop_app.services.admin.staff import (
    Override,
    StaffMember,
    change_pin,
    create_staff,
    has_staff,
    list_staff,
    set_active,
    sign_in,
    validate_pin,
    verify_override,
)
from tests.services.desk_data import audit_entries


@pytest.fixture
def supervisor(database: Database) -> StaffMember:
    return create_staff(database.sessions, "Marie Roy", "246810", "supervisor", by=None)


def test_first_run_creates_a_supervisor_and_only_then_without_sign_in(database: Database) -> None:
    assert not has_staff(database.sessions)
    with pytest.raises(Invalid, match="first staff account must be a supervisor"):
        create_staff(database.sessions, "Ana", "123456", "desk", by=None)
    assert not has_staff(database.sessions)
    marie = create_staff(database.sessions, "  Marie   Roy ", "246810", "supervisor", by=None)
    assert (marie.name, marie.role) == ("Marie Roy", "supervisor")
    assert has_staff(database.sessions)
    with pytest.raises(Invalid, match="supervisor must sign in"):
        create_staff(database.sessions, "Intruder", "999988", "supervisor", by=None)
    entry = audit_entries(database.sessions, "staff.created")[0]
    assert entry.detail == {"name": "Marie Roy", "role": "supervisor", "first_run": True}


def test_only_an_active_supervisor_creates_accounts(
    database: Database, supervisor: StaffMember
) -> None:
    ana = create_staff(database.sessions, "Ana", "123456", "desk", by=supervisor)
    with pytest.raises(Invalid, match="Only an active supervisor"):
        create_staff(database.sessions, "Bob", "123456", "desk", by=ana)
    # A member claiming to be a supervisor is checked against the database, not trusted.
    forged = StaffMember(id=ana.id, name="Ana", role="supervisor")
    with pytest.raises(Invalid, match="Only an active supervisor"):
        create_staff(database.sessions, "Bob", "123456", "desk", by=forged)
    with pytest.raises(Conflict, match="already a staff member named 'ANA'"):
        create_staff(database.sessions, "ANA", "555566", "desk", by=supervisor)
    with pytest.raises(Invalid, match="Unknown role 'boss'"):
        create_staff(database.sessions, "Bob", "123456", "boss", by=supervisor)
    assert [s.name for s in list_staff(database.sessions)] == ["Ana", "Marie Roy"]


@pytest.mark.parametrize(
    ("pin", "message"),
    [
        ("123", "6 to 8 digits; this one has 3"),
        ("123456789", "6 to 8 digits; this one has 9"),
        ("12a4", "digits only"),
        ("", "digits only"),
        ("12 34", "digits only"),
        ("١٢٣٤", "digits only"),  # Arabic-Indic digits are digits to Python, not to a keypad
    ],
)
def test_pin_must_be_4_to_8_ascii_digits(pin: str, message: str) -> None:
    with pytest.raises(Invalid, match=message):
        validate_pin(pin)


def test_pin_is_stored_only_as_an_argon2_hash(database: Database, supervisor: StaffMember) -> None:
    with database.sessions() as session:
        stored = session.scalars(select(StaffAccount.pin_hash)).one()
    assert stored.startswith("$argon2id$") and "246810" not in stored


def test_sign_in_accepts_the_right_pin_and_refuses_with_one_generic_message(
    database: Database, supervisor: StaffMember
) -> None:
    assert sign_in(database.sessions, "marie roy", "246810") == supervisor
    with pytest.raises(Invalid) as wrong_pin:
        sign_in(database.sessions, "Marie Roy", "0000")
    with pytest.raises(Invalid) as wrong_name:
        sign_in(database.sessions, "Nobody", "246810")
    assert wrong_pin.value.message == wrong_name.value.message == "The name or PIN is wrong."
    failures = audit_entries(database.sessions, "staff.sign_in_failed")
    assert [f.staff for f in failures] == ["Marie Roy", "Nobody"]
    assert failures[0].subject == f"staff:{supervisor.id}" and failures[1].subject is None
    assert len(audit_entries(database.sessions, "staff.signed_in")) == 1


def test_an_inactive_account_cannot_sign_in_and_the_last_supervisor_stays(
    database: Database, supervisor: StaffMember
) -> None:
    ana = create_staff(database.sessions, "Ana", "123456", "desk", by=supervisor)
    info = set_active(database.sessions, ana.id, False, by=supervisor)
    assert not info.active
    with pytest.raises(Invalid, match="name or PIN is wrong"):
        sign_in(database.sessions, "Ana", "123456")
    with pytest.raises(Conflict, match="last active supervisor"):
        set_active(database.sessions, supervisor.id, False, by=supervisor)
    set_active(database.sessions, ana.id, True, by=supervisor)
    assert sign_in(database.sessions, "Ana", "123456") == ana
    assert [e.action for e in audit_entries(database.sessions, "staff.deactivated")] == [
        "staff.deactivated"
    ]


def test_verify_override_needs_an_active_supervisor_the_right_pin_and_a_reason(
    database: Database, supervisor: StaffMember
) -> None:
    create_staff(database.sessions, "Ana", "123456", "desk", by=supervisor)
    with database.sessions() as session:
        assert verify_override(session, Override("Marie Roy", "246810", "VIP")) == supervisor
        with pytest.raises(Invalid, match="needs a reason"):
            verify_override(session, Override("Marie Roy", "246810", "   "))
        with pytest.raises(Invalid, match="supervisor name or PIN is wrong"):
            verify_override(session, Override("Marie Roy", "111122", "VIP"))
        with pytest.raises(Invalid, match="supervisor name or PIN is wrong"):
            verify_override(session, Override("Ghost", "246810", "VIP"))
        with pytest.raises(Invalid, match="Ana is not an active supervisor"):
            verify_override(session, Override("Ana", "123456", "VIP"))


def test_change_pin_own_with_current_pin_or_reset_by_a_supervisor(
    database: Database, supervisor: StaffMember
) -> None:
    ana = create_staff(database.sessions, "Ana", "123456", "desk", by=supervisor)
    with pytest.raises(Invalid, match="current PIN is wrong"):
        change_pin(database.sessions, ana.id, "567890", by=ana, old_pin="0000")
    with pytest.raises(Invalid, match="6 to 8 digits"):
        change_pin(database.sessions, ana.id, "56", by=ana, old_pin="123456")
    change_pin(database.sessions, ana.id, "567890", by=ana, old_pin="123456")
    assert sign_in(database.sessions, "Ana", "567890") == ana
    with pytest.raises(Invalid, match="Only an active supervisor"):
        change_pin(database.sessions, supervisor.id, "000000", by=ana)
    change_pin(database.sessions, ana.id, "135791", by=supervisor)
    assert sign_in(database.sessions, "Ana", "135791") == ana
    resets = audit_entries(database.sessions, "staff.pin_changed")
    assert [e.detail["reset_by_supervisor"] for e in resets if e.detail] == [False, True]


def test_sign_out_is_audited_with_desk_and_staff(
    database: Database, supervisor: StaffMember
) -> None:
    from desktop_app.services.admin.staff import sign_out

    sign_out(database.sessions, supervisor, "Desk 2")
    [entry] = audit_entries(database.sessions, "staff.signed_out")
    assert (entry.staff, entry.desk, entry.subject) == (
        "Marie Roy",
        "Desk 2",
        f"staff:{supervisor.id}",
    )
