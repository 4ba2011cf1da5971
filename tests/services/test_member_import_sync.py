"""What a member-list import does to the stored memberships: add, update, keep, end, reject.

Idempotence, history, organization and individual rows, email domains, remembered mappings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import AuditEntry, Membership, Organization, Person, Setting
from desktop_app.domain.errors import Invalid
from desktop_app.domain.membership import PersonQuery, verdict
from desktop_app.services.membership.directory import load_directory
from desktop_app.services.membership.importing import (
    MemberImportReport,
    forget_mapping,
    import_members,
    mapping_setting_key,
    remembered_mapping,
)
from tests.services.member_lists import (
    AT,
    FRENCH_HEADER,
    LATER,
    ROWS,
    by_number,
    csv_text,
    memberships,
    snapshot,
    write,
)

DAY = date(2027, 3, 23)


def run(
    database: Database,
    tmp_path: Path,
    rows: list[list[str]],
    association: str = "bioquebec",
    name: str = "m.csv",
    **options: Any,
) -> MemberImportReport:
    path = write(tmp_path, name, csv_text(rows))
    return import_members(database.sessions, association, path, **options)


def active_in(database: Database, query: PersonQuery) -> frozenset[str]:
    with database.sessions() as session:
        directory = load_directory(session)
    return verdict(directory, query, DAY).associations


def test_same_file_twice_changes_nothing(database: Database, tmp_path: Path) -> None:
    first = run(database, tmp_path, [FRENCH_HEADER, *ROWS], at=AT)
    assert (first.added, first.updated, first.unchanged, first.ended) == (3, 0, 0, 0)
    before = snapshot(database)
    second = run(database, tmp_path, [FRENCH_HEADER, *ROWS], at=LATER)
    assert (second.added, second.updated, second.unchanged, second.ended) == (0, 0, 3, 0)
    assert snapshot(database) == before  # not even an audit entry or an imported_at


def test_import_is_audited(database: Database, tmp_path: Path) -> None:
    run(database, tmp_path, [FRENCH_HEADER, *ROWS], at=AT, staff="M. Roy")
    with database.sessions() as session:
        entry = session.scalars(select(AuditEntry)).one()
    assert (entry.action, entry.staff, entry.subject) == ("members.import", "M. Roy", "bioquebec")
    assert entry.detail is not None and entry.detail["added"] == 3


def test_newer_list_updates_adds_and_ends_keeping_history(
    database: Database, tmp_path: Path
) -> None:
    run(database, tmp_path, [FRENCH_HEADER, *ROWS], at=AT)
    renewed = [*ROWS[0][:5], "31/03/2028"]
    newcomer = ["BQ-0004", "Neurolumi diagnostics inc.", "Mélanie", "Bouchard",
                "m.bouchard@neurolumi.ca", "2027-12-31"]  # fmt: skip
    report = run(database, tmp_path, [FRENCH_HEADER, renewed, ROWS[1], newcomer], at=LATER)
    assert (report.added, report.updated, report.unchanged, report.ended) == (1, 1, 1, 1)

    rows = memberships(database, "bioquebec")
    assert len(rows) == 4  # nothing deleted
    ended = [m for m in rows if m["ended_at"] is not None]
    assert [m["number"] for m in ended] == ["BQ-0003"]
    assert ended[0]["ended_at"] == LATER
    assert by_number(database, "bioquebec")["BQ-0001"]["until"] == date(2028, 3, 31)
    # The ended membership no longer counts.
    assert active_in(database, PersonQuery(organization="Société Zéphyr")) == frozenset()

    # The member comes back: a new membership; the old one stays ended as history.
    back = run(database, tmp_path, [FRENCH_HEADER, renewed, ROWS[1], ROWS[2], newcomer], at=LATER)
    assert (back.added, back.ended, back.unchanged) == (1, 0, 3)
    zephyr = [m for m in memberships(database, "bioquebec") if m["number"] == "BQ-0003"]
    assert [m["ended_at"] is None for m in zephyr] == [False, True]


def test_dry_run_reports_and_writes_nothing(database: Database, tmp_path: Path) -> None:
    run(database, tmp_path, [FRENCH_HEADER, *ROWS], at=AT)
    before = snapshot(database)
    report = run(database, tmp_path, [FRENCH_HEADER, ROWS[0]], dry_run=True, mapping={"phone": ""})
    assert (report.dry_run, report.unchanged, report.ended) == (True, 1, 2)
    assert snapshot(database) == before


def test_rejected_rows_are_reported_and_the_others_imported(
    database: Database, tmp_path: Path
) -> None:
    run(database, tmp_path, [FRENCH_HEADER, *ROWS], at=AT)
    rows = [
        FRENCH_HEADER,
        ROWS[0],
        [*ROWS[1][:5], "31/02/2027"],  # impossible date: BQ-0002 must not be ended
        ["BQ-0001", "Autre inc.", "A", "B", "a@autre.ca", "2027-12-31"],  # repeated number
        ["BQ-0005", "Bonne inc.", "C", "D", "pas-un-courriel", "2027-12-31"],
        ["", "", "", "", "", "2027-12-31"],
        ["BQ-0006", "Valide inc.", "E", "F", "e@valide.ca", "2027-12-31"],
    ]
    report = run(database, tmp_path, rows, at=LATER)
    reasons = {e.row: e.reason for e in report.errors}
    assert set(reasons) == {3, 4, 5, 6} and report.rejected == 4
    assert "31/02/2027" in reasons[3] and "Date d'expiration" in reasons[3]
    assert "already appears on row 2" in reasons[4]
    assert "pas-un-courriel" in reasons[5]
    assert "neither an organization name nor a person's name" in reasons[6]
    assert (report.added, report.unchanged, report.ended) == (1, 1, 1)
    current = by_number(database, "bioquebec")
    assert set(current) == {"BQ-0001", "BQ-0002", "BQ-0006"}  # BQ-0003 ended, BQ-0002 kept


def test_individual_and_organization_rows(database: Database, tmp_path: Path) -> None:
    rows = [
        ["Member #", "Member type", "Organization", "First name", "Last name", "Email",
         "Category", "Expiry date"],
        ["10001", "Corporate", "Lakeshore Biosciences Inc.", "Sarah", "Mitchell",
         "sarah.mitchell@lakeshorebio.com", "Gold", "2027-12-31"],
        ["50001", "Individual", "", "Robert", "Taylor", "RTaylor@Gmail.com", "", "2027-12-31"],
        ["50002", "", "Trillium Inc.", "Laura", "Nguyen", "laura@trillium.ca", "Student",
         "2027-12-31"],
        ["50003", "", "", "Ana", "Roy", "ana.roy@outlook.com", "", "2027-12-31"],
        ["10002", "", "Muskoka Medical ULC", "", "", "", "", "2027-12-31"],
        ["50004", "", "Rideau Dx", "Tom", "White", "tom@rideaudx.com", "", "2027-12-31"],
    ]  # fmt: skip
    report = run(database, tmp_path, rows, association="lso", at=AT)
    assert (report.added, report.rejected) == (6, 0)
    members = by_number(database, "lso")
    holders = {number: m["holder"] for number, m in members.items()}
    assert holders == {
        "10001": "organization", "50001": "person", "50002": "person", "50003": "person",
        "10002": "organization", "50004": "person",
    }  # fmt: skip
    assert members["50001"]["email"] == "rtaylor@gmail.com"
    assert active_in(database, PersonQuery(email="rtaylor@gmail.com")) == {"lso"}
    assert active_in(database, PersonQuery(email="someone.else@lakeshorebio.com")) == {"lso"}


def test_bioquebec_rows_with_a_contact_are_organizations(
    database: Database, tmp_path: Path
) -> None:
    run(database, tmp_path, [FRENCH_HEADER, *ROWS], at=AT)
    assert {m["holder"] for m in memberships(database, "bioquebec")} == {"organization"}


def test_domains_come_from_members_emails_but_never_free_mail(
    database: Database, tmp_path: Path
) -> None:
    rows = [
        ["Member #", "Member type", "Organization", "First name", "Last name", "Email",
         "Domains", "Expiry date"],
        ["10001", "Corporate", "Acme Bio Inc.", "Sarah", "M", "sarah@acmebio.com",
         "acme-bio.ca; gmail.com", "2027-12-31"],
        ["10002", "Corporate", "Garage Start-up Inc.", "Joe", "G", "joe.garage@gmail.com", "",
         "2027-12-31"],
        ["50001", "Individual", "ACME BIO", "Lou", "P", "lou@research.acmebio.com", "",
         "2027-12-31"],
        ["50002", "Individual", "Acme Bio", "Max", "Q", "max@hotmail.com", "", "2027-12-31"],
    ]  # fmt: skip
    report = run(database, tmp_path, rows, association="lso", at=AT)
    assert report.rejected == 0
    members = by_number(database, "lso")
    assert members["10001"]["domains"] == ["acme-bio.ca", "acmebio.com", "research.acmebio.com"]
    assert members["10002"]["domains"] == []
    assert active_in(database, PersonQuery(email="someone@gmail.com")) == frozenset()
    assert active_in(database, PersonQuery(email="new.hire@acmebio.com")) == {"lso"}


def test_organization_in_both_lists_is_one_organization(database: Database, tmp_path: Path) -> None:
    bq_rows = [["Entreprise", "Autre nom"], ["Université McGill", "McGill University"]]
    run(database, tmp_path, bq_rows, at=AT)
    lso_rows = [["Organization"], ["McGill University"]]
    run(database, tmp_path, lso_rows, association="lso", name="lso.csv", at=AT)
    (bq,) = memberships(database, "bioquebec")
    (lso,) = memberships(database, "lso")
    assert bq["organization"] == lso["organization"] == "Université McGill"
    assert active_in(database, PersonQuery(organization="McGill University")) == {
        "bioquebec",
        "lso",
    }


def test_absent_columns_keep_stored_values(database: Database, tmp_path: Path) -> None:
    run(database, tmp_path, [["Entreprise", "Catégorie"], ["Acme inc.", "PME"]], at=AT)
    report = run(database, tmp_path, [["Entreprise"], ["Acme inc."]], at=LATER)
    assert report.unchanged == 1
    assert memberships(database, "bioquebec")[0]["category"] == "PME"


def test_explicit_mapping_is_remembered_per_association(database: Database, tmp_path: Path) -> None:
    header = ["Raison", "Adr. pro", "Échéance"]
    rows = [header, ["Acme inc.", "info@acme.ca", "2027-12-31"]]
    # Without a mapping, "Raison" is no name column: the file is refused.
    with pytest.raises(Exception, match="no name column"):
        run(database, tmp_path, rows)
    mapping = {"organization": "Raison", "email": "Adr. pro"}
    report = run(database, tmp_path, rows, mapping=mapping, dry_run=True)
    assert report.added == 1 and remembered_mapping(database.sessions, "bioquebec") == {}
    report = run(database, tmp_path, rows, mapping=mapping, at=AT)
    assert report.mapping_remembered
    with database.sessions() as session:
        setting = session.get(Setting, mapping_setting_key("bioquebec"))
        assert setting is not None
        assert setting.value == {"mapping": {"organization": "Raison", "email": "Adr. pro"}}

    # Next time the same kind of file needs no mapping; another association's does.
    again = [header, ["Acme inc.", "info@acme.ca", "2027-12-31"], ["Beta inc.", "", "2027-12-31"]]
    report = run(database, tmp_path, again, at=LATER)
    assert (report.added, report.unchanged, report.mapping_remembered) == (1, 1, False)
    assert [m["domains"] for m in memberships(database, "bioquebec")] == [["acme.ca"], []]
    with pytest.raises(Exception, match="no name column"):
        run(database, tmp_path, again, association="lso")

    # A remembered column the file lacks is left out; a file with its own columns still works.
    other = run(database, tmp_path, [["Entreprise"], ["Acme inc."], ["Beta inc."]], at=LATER)
    assert other.unchanged == 2
    assert forget_mapping(database.sessions, "bioquebec")
    assert remembered_mapping(database.sessions, "bioquebec") == {}


def test_many_rows_in_one_go(database: Database, tmp_path: Path) -> None:
    rows = [["Member #", "Organization", "Email", "Expiry date"]]
    rows += [[str(n), f"Company {n} Inc.", f"x@company{n}.ca", "2027-12-31"] for n in range(2500)]
    assert run(database, tmp_path, rows, association="lso", at=AT).added == 2500
    rows[1:] = rows[1:1500]
    report = run(database, tmp_path, rows, association="lso", at=LATER)
    assert (report.unchanged, report.ended) == (1499, 1001)
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 2


def test_rows_added_later_get_fresh_ids(database: Database, tmp_path: Path) -> None:
    rows = [["Member #", "Member type", "Organization", "First name", "Last name", "Email"]]
    rows += [[str(n), "Individual", "", f"P{n}", "Q", f"p{n}@q.ca"] for n in range(30)]
    rows += [["900", "Corporate", "Acme Inc.", "", "", ""]]
    run(database, tmp_path, rows, association="lso", at=AT)
    with database.sessions.begin() as session:  # the usual ORM way, after the bulk inserts
        session.add(Person(first_name="A", last_name="B", email=None, created_at=AT))
        session.add(Organization(name="Zeta", name_key="zeta"))
    assert len(memberships(database, "lso")) == 31


def test_unclear_kind_long_cells_and_reversed_periods_are_rejected(
    database: Database, tmp_path: Path
) -> None:
    rows = [
        ["Member #", "Holder type", "Organization", "Last name", "Member since", "Expiry date"],
        ["1", "Gold", "Acme Inc.", "", "2026-01-01", "2027-01-01"],
        ["2", "Corporate", "", "Roy", "2026-01-01", "2027-01-01"],
        ["3", "Individual", "Beta Inc.", "", "2026-01-01", "2027-01-01"],
        ["4", "Corporate", "B" * 1001, "", "2026-01-01", "2027-01-01"],
        ["5", "Corporate", "C" * 301, "", "2026-01-01", "2027-01-01"],
        ["6", "Corporate", "Delta Inc.", "", "2027-01-01", "2026-01-01"],
        ["7", "Corporate", "Epsilon Inc.", "", "2026-01-01", "2027-01-01"],
    ]
    report = run(database, tmp_path, rows, association="lso", at=AT)
    reasons = {e.row: e.reason for e in report.errors}
    assert "Unrecognised kind of member “Gold”" in reasons[2]
    assert "needs the organization's name" in reasons[3]
    assert "needs the person's name" in reasons[4]
    assert "1001 characters long; at most 1000" in reasons[5]
    assert "organization name “CCCC" in reasons[6] and "longer than 300" in reasons[6]
    assert "ends (2026-01-01) before it starts (2027-01-01)" in reasons[7]
    assert (report.added, report.rejected) == (1, 6)


def test_a_member_number_that_changes_holder_kind(database: Database, tmp_path: Path) -> None:
    header = ["Member #", "Member type", "Organization", "First name", "Last name", "Email"]
    first = [
        header,
        ["1", "Corporate", "Acme Inc.", "", "", ""],
        ["2", "Individual", "", "Ana", "Roy", "ana@roy.ca"],
    ]
    run(database, tmp_path, first, at=AT)
    swapped = [
        header,
        ["1", "Individual", "", "Bob", "Lee", "bob@lee.ca"],
        ["2", "Corporate", "Roy Conseil Inc.", "", "", ""],
    ]
    report = run(database, tmp_path, swapped, association="bioquebec", at=LATER)
    assert (report.updated, report.added, report.ended) == (2, 0, 0)
    members = by_number(database, "bioquebec")
    assert (members["1"]["holder"], members["1"]["person"], members["1"]["organization"]) == (
        "person",
        "Bob Lee",
        None,
    )
    assert (members["2"]["holder"], members["2"]["organization"]) == (
        "organization",
        "Roy Conseil Inc.",
    )
    assert active_in(database, PersonQuery(email="bob@lee.ca")) == {"bioquebec"}


def test_a_holder_only_change_stamps_the_membership(database: Database, tmp_path: Path) -> None:
    header = ["Member #", "Member type", "First name", "Last name", "Email"]
    run(database, tmp_path, [header, ["7", "Individual", "Ana", "Roy", "ana@roy.ca"]], at=AT)
    report = run(
        database, tmp_path, [header, ["7", "Individual", "Ana", "Roy", "ana@new.ca"]], at=LATER
    )
    assert report.updated == 1
    with database.sessions() as session:
        membership = session.scalars(select(Membership)).one()
        assert membership.imported_at == LATER
        assert membership.person is not None and membership.person.email == "ana@new.ca"


def _many_rows(count: int) -> list[list[str]]:
    return [
        [f"BQ-{n:04d}", f"Entreprise {n} inc.", "Ana", f"Membre{n}", f"a{n}@entreprise{n}.ca",
         "2027-12-31"]
        for n in range(1, count + 1)
    ]  # fmt: skip


def test_a_partial_list_that_would_end_most_members_is_refused(
    database: Database, tmp_path: Path
) -> None:
    everyone = _many_rows(12)
    run(database, tmp_path, [FRENCH_HEADER, *everyone], at=AT)
    before = snapshot(database)
    partial = [FRENCH_HEADER, *everyone[:5]]  # a regional export, say

    with pytest.raises(Invalid, match="would end 7 of the 12 current memberships"):
        run(database, tmp_path, partial, at=LATER)
    assert snapshot(database) == before
    preview = run(database, tmp_path, partial, at=LATER, dry_run=True)
    assert preview.ended == 7  # the dry run still says what would happen

    report = run(database, tmp_path, partial, at=LATER, allow_ending_most=True)
    assert report.ended == 7
    # Under ten current memberships, a list may end any of them.
    assert run(database, tmp_path, [FRENCH_HEADER, *everyone[:4]], at=LATER).ended == 1
