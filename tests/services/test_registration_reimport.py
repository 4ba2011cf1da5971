"""Importing the same registration file again writes nothing at all (#15 item 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.services.registrations.importing import import_registrations
from tests.services.registration_data import (
    CLOCK,
    EVENTBRITE_EXAMPLE,
    MONTREAL,
    PRETIX_EXAMPLE,
    add_members,
    setup_events,
    snapshot,
    write,
)


@pytest.fixture
def montreal(database: Database) -> Database:
    setup_events(database)
    add_members(database)
    return database


@pytest.mark.parametrize("example", [PRETIX_EXAMPLE, EVENTBRITE_EXAMPLE], ids=["pretix", "eb"])
def test_the_same_export_again_writes_nothing(montreal: Database, example: Path) -> None:
    first = import_registrations(montreal.sessions, MONTREAL, example, at=CLOCK)
    assert first.added > 0 and first.written
    before = snapshot(montreal)
    again = import_registrations(montreal.sessions, MONTREAL, example, at=CLOCK.replace(hour=15))
    assert (again.added, again.updated, again.cancelled) == (0, 0, 0)
    assert again.unchanged == first.added and not again.written
    assert not again.to_json()["written"]
    assert snapshot(montreal) == before  # no audit entry, no setting's time, no row


def test_a_remembered_mapping_and_consents_given_again_write_nothing(
    montreal: Database, tmp_path: Path
) -> None:

    from desktop_app.db.models import AuditEntry, Consent, Setting

    path = write(
        tmp_path,
        "list.csv",
        "Code,First name,Last name,Ticket type,Photos OK\n"
        "V-1,Ana,Silva,Passe VIP,yes\nV-2,Bo,Chen,Member,no\n",
    )
    options = {"category_map": {"Passe VIP": "sponsor"}, "consent_map": {"Photos OK": "photos"}}
    first = import_registrations(montreal.sessions, MONTREAL, path, at=CLOCK, **options)  # type: ignore[arg-type]
    assert (first.added, first.rejected) == (2, 0)
    before = snapshot(montreal)
    with montreal.sessions() as session:
        audits = session.scalar(select(func.count()).select_from(AuditEntry))
        consents = session.scalar(select(func.count()).select_from(Consent))
        stamp = session.get(Setting, f"registration-import-categories:{MONTREAL}")
        assert stamp is not None
        stamped = stamp.updated_at
    later = CLOCK.replace(hour=18)
    again = import_registrations(montreal.sessions, MONTREAL, path, at=later, **options)  # type: ignore[arg-type]
    assert (again.unchanged, again.written) == (2, False)
    assert snapshot(montreal) == before
    with montreal.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == audits
        assert session.scalar(select(func.count()).select_from(Consent)) == consents
        stamp = session.get(Setting, f"registration-import-categories:{MONTREAL}")
        assert stamp is not None and stamp.updated_at == stamped

    # A changed answer is news: recorded, audited.
    changed = write(tmp_path, "list.csv", path.read_text("utf-8").replace(",no\n", ",yes\n"))
    third = import_registrations(montreal.sessions, MONTREAL, changed, at=later, **options)  # type: ignore[arg-type]
    assert third.written
    with montreal.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Consent)) == consents + 1
        assert session.scalar(select(func.count()).select_from(AuditEntry)) > audits


def test_the_command_says_nothing_changed(
    montreal: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app.cli import main

    command = [
        "registrations",
        "import",
        "--event",
        MONTREAL,
        str(PRETIX_EXAMPLE),
        "--db",
        montreal.url,
    ]
    assert main(command) == 0
    capsys.readouterr()
    assert main(command) == 0
    assert capsys.readouterr().out.startswith(
        "Nothing changed, nothing written: 0 added, 0 updated"
    )
