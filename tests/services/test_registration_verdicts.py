"""Verdicts and flags follow the member lists: reassessment after a list changes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import (
    AuditEntry,
    Membership,
    Organization,
    OrganizationDomain,
    Registration,
)
from desktop_app.domain.errors import NotFound
from desktop_app.domain.names import organization_key
from desktop_app.services.admin.events import ensure_associations
from desktop_app.services.membership.verdicts import (
    assess_registrations,
    reassess,
    reassess_event,
)
from desktop_app.services.registrations.importing import import_registrations
from tests.services.registration_data import (
    CLOCK,
    MONTREAL,
    add_members,
    by_name,
    setup_events,
    write,
)

FILE = (
    "Code,First name,Last name,Email,Company,Category,Amount paid,Registration date\n"
    "R-1,Ines,Haddad,ines@newco-bio.ca,NewCo Bio,Membre — tarif hâtif,517.39,2027-01-20\n"
    "R-2,Yan,Li,yan@newco-bio.ca,NewCo Bio,Non-membre,833.57,2027-01-20\n"
    "R-3,Zoe,Ray,zoe@newco-bio.ca,NewCo Bio,Non-membre,0,2027-01-20\n"
    "R-4,Al,Ng,al@newco-bio.ca,NewCo Bio,Étudiant·e,95,2027-01-20\n"
)


@pytest.fixture
def imported(database: Database, tmp_path: Path) -> Database:
    setup_events(database)
    add_members(database)
    import_registrations(database.sessions, MONTREAL, write(tmp_path, "f.csv", FILE), at=CLOCK)
    return database


def _join_bioquebec(database: Database) -> None:
    with database.sessions.begin() as session:
        organization = Organization(name="NewCo Bio inc.", name_key=organization_key("NewCo Bio"))
        organization.domains.append(OrganizationDomain(domain="newco-bio.ca"))
        session.add(
            Membership(
                association=ensure_associations(session)["bioquebec"],
                holder_kind="organization",
                organization=organization,
                member_number="BQ-0999",
                valid_from=date(2027, 1, 1),
                valid_until=date(2027, 12, 31),
                imported_at=datetime(2027, 3, 1, tzinfo=UTC),
            )
        )


def test_reassessment_follows_a_new_member_list(imported: Database) -> None:
    ines = by_name(imported, "Ines", "Haddad")
    assert (ines.membership_flag, ines.amount_due) == ("balance-due", Decimal("833.57"))
    assert by_name(imported, "Yan", "Li").membership_flag is None

    _join_bioquebec(imported)
    report = reassess(imported.sessions, MONTREAL)
    assert (report.reassessed, report.changed) == (4, 4)  # every verdict now shows BIOQuébec
    assert (report.balance_due, report.credit_due, report.doubt) == (0, 1, 0)

    ines = by_name(imported, "Ines", "Haddad")
    assert ines.membership_flag is None
    assert ines.amount_due == ines.amount_paid == Decimal("517.39")  # back to what was charged
    assert ines.verdict is not None and ines.verdict["marking"] == "bioquebec"
    # A member paid the non-member rate in January: owed the early member rate back.
    yan = by_name(imported, "Yan", "Li")
    assert (yan.membership_flag, yan.amount_due) == ("credit-due", Decimal("517.39"))
    # Nothing paid yet: the member rate is simply what is due, no flag.
    zoe = by_name(imported, "Zoe", "Ray")
    assert (zoe.membership_flag, zoe.amount_due) == (None, Decimal("517.39"))
    al = by_name(imported, "Al", "Ng")  # a student rate is never flagged
    assert (al.membership_flag, al.amount_due) == (None, Decimal("95.00"))

    assert reassess_event(imported.sessions, MONTREAL) == 4
    with imported.sessions() as session:
        audited = session.scalar(select(func.count()).select_from(AuditEntry))
    assert reassess(imported.sessions, MONTREAL).changed == 0
    with imported.sessions() as session:  # nothing changed: nothing written, not even audit
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == audited


def test_assess_one_registration_in_the_callers_unit_of_work(imported: Database) -> None:
    _join_bioquebec(imported)
    with imported.sessions.begin() as session:
        registration = session.scalars(select(Registration).where(Registration.code == "R-1")).one()
        assess_registrations(session, registration.event, [registration])
    assert by_name(imported, "Ines", "Haddad").membership_flag is None
    assert by_name(imported, "Yan", "Li").membership_flag is None  # not reassessed


def test_cancelled_registrations_are_not_reassessed(imported: Database, tmp_path: Path) -> None:
    cancel = FILE.replace("2027-01-20\n", "2027-01-20,Cancelled\n", 1).replace(
        "Registration date\n", "Registration date,Status\n"
    )
    report = import_registrations(
        imported.sessions, MONTREAL, write(tmp_path, "c.csv", cancel), at=CLOCK
    )
    assert report.cancelled == 1
    ines = by_name(imported, "Ines", "Haddad")
    assert (ines.status, ines.membership_flag) == ("cancelled", None)
    assert ines.amount_due == Decimal("517.39")  # what was charged, no balance to collect
    assert reassess(imported.sessions, MONTREAL).reassessed == 3


def test_reassess_unknown_event(imported: Database) -> None:
    with pytest.raises(NotFound):
        reassess(imported.sessions, "no-such-event")


def test_import_stores_member_number_for_later_reassessment(
    database: Database, tmp_path: Path
) -> None:
    setup_events(database)
    add_members(database)
    path = write(
        tmp_path,
        "n.csv",
        "Code,Name,Email,Member number,Category\nN-1,Pat Doe,pat.doe@gmail.com,50002,Member\n",
    )
    import_registrations(database.sessions, MONTREAL, path, at=CLOCK)
    pat = by_name(database, "Pat", "Doe")
    assert pat.verdict is not None and pat.verdict["basis"]["member_number"] == "50002"
    assert "lso" in pat.verdict["associations"]
    reassess(database.sessions, MONTREAL)
    pat = by_name(database, "Pat", "Doe")
    assert pat.verdict is not None and "lso" in pat.verdict["associations"]
