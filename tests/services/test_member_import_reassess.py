"""A member import and the reassessment of coming events are one unit of work (#15 item 1).

A failure after the list is written but before the flags are recomputed (a crash, a kill)
leaves nothing half-applied; importing again gives the right flags; and a database whose flags
went stale anyway (an older version, two transactions) is repaired by importing the same list.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from desktop_app.db.database import Database
from desktop_app.db.models import Registration
from desktop_app.services.membership import verdicts
from desktop_app.services.membership.importing import import_members
from desktop_app.services.registrations.importing import import_registrations
from tests.services.member_lists import AT, csv_text, snapshot
from tests.services.registration_data import (
    CLOCK,
    MONTREAL,
    add_members,
    by_name,
    setup_events,
    write,
)

REGISTRATIONS = (
    "Code,First name,Last name,Email,Company,Category,Amount paid,Registration date\n"
    "R-1,Ines,Haddad,ines@newco-bio.ca,NewCo Bio,Membre — tarif hâtif,517.39,2027-01-20\n"
    "R-2,Yan,Li,yan@newco-bio.ca,NewCo Bio,Non-membre,833.57,2027-01-20\n"
)
# BIOQuébec's list with NewCo Bio joining: its people become members.
HEADER = ["No de membre", "Entreprise", "Prénom", "Nom", "Courriel", "Date d'expiration"]
NEWCO = ["BQ-0999", "NewCo Bio inc.", "Ines", "Haddad", "ines@newco-bio.ca", "2027-12-31"]


@pytest.fixture
def registered(database: Database, tmp_path: Path) -> Database:
    setup_events(database)
    add_members(database)
    path = write(tmp_path, "regs.csv", REGISTRATIONS)
    import_registrations(database.sessions, MONTREAL, path, at=CLOCK)
    assert flags(database) == {"Ines": "balance-due", "Yan": None}
    return database


def flags(database: Database) -> dict[str, str | None]:
    return {
        first: by_name(database, first, last).membership_flag
        for first, last in (("Ines", "Haddad"), ("Yan", "Li"))
    }


def newco_list(tmp_path: Path) -> Path:
    return write(tmp_path, "bq.csv", csv_text([HEADER, NEWCO]))


def test_the_import_reassesses_coming_events_in_its_own_transaction(
    registered: Database, tmp_path: Path
) -> None:
    report = import_members(registered.sessions, "bioquebec", newco_list(tmp_path), at=AT)

    assert report.added == 1
    (montreal,) = [r for r in report.reassessed if r.event == MONTREAL]
    assert (montreal.changed, montreal.credit_due) == (2, 1)
    assert flags(registered) == {"Ines": None, "Yan": "credit-due"}
    assert by_name(registered, "Yan", "Li").amount_due == Decimal("517.39")
    assert report.to_json()["reassessed"] == [r.to_json() for r in report.reassessed]


def test_a_failure_before_the_reassessment_leaves_nothing_half_applied(
    registered: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(registered)

    def killed(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("killed between the import and the reassessment")

    with monkeypatch.context() as patched:
        patched.setattr(verdicts, "load_directory", killed)
        with pytest.raises(RuntimeError, match="killed"):
            import_members(registered.sessions, "bioquebec", newco_list(tmp_path), at=AT)

    assert snapshot(registered) == before  # the list is not stored without its flags
    assert flags(registered) == {"Ines": "balance-due", "Yan": None}

    report = import_members(registered.sessions, "bioquebec", newco_list(tmp_path), at=AT)
    assert report.added == 1
    assert flags(registered) == {"Ines": None, "Yan": "credit-due"}


def test_importing_the_same_list_repairs_stale_flags_and_otherwise_writes_nothing(
    registered: Database, tmp_path: Path
) -> None:
    import_members(registered.sessions, "bioquebec", newco_list(tmp_path), at=AT)
    # Flags left stale by a crash of an older version, which committed the list first.
    with registered.sessions.begin() as session:
        session.execute(
            update(Registration)
            .where(Registration.code == "R-2")
            .values(membership_flag=None, amount_due=Decimal("833.57"))
        )

    repaired = import_members(registered.sessions, "bioquebec", newco_list(tmp_path), at=AT)
    assert (repaired.added, repaired.updated, repaired.changed) == (0, 0, False)
    assert [r.changed for r in repaired.reassessed if r.event == MONTREAL] == [1]
    assert flags(registered) == {"Ines": None, "Yan": "credit-due"}

    before = snapshot(registered)
    again = import_members(registered.sessions, "bioquebec", newco_list(tmp_path), at=AT)
    assert [r.changed for r in again.reassessed] == [0] * len(again.reassessed)
    assert snapshot(registered) == before  # nothing to do: no write, no audit entry
