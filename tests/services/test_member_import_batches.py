"""Large member lists are streamed: read twice, compared and written in batches (#15 item 13).

The same lists imported the small way (rows kept between the passes, one batch) and the large
way (rows parsed again, batches of two) give the same reports and the same database; a report
lists a bounded number of rejected rows and counts the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import sqlite_url
from desktop_app.db.models import Organization, OrganizationDomain
from desktop_app.importing import member_scan, tables
from desktop_app.services.membership import import_writes, importing
from desktop_app.services.membership.importing import import_members
from tests.services.member_lists import AT, LATER, csv_text, memberships, snapshot, write

HEADER = ["Member #", "Member Type", "Organization", "First Name", "Last Name", "Email", "Alias",
          "Expiry Date"]  # fmt: skip
FIRST = [
    HEADER,
    ["1", "Individual", "Acme Bio", "Ann", "Roy", "ann@acme-bio.ca", "", "2027-12-31"],
    ["2", "Corporate", "Acme Bio inc.", "Bob", "Lee", "bob@gmail.com", "Acme", "2027-12-31"],
    ["3", "Individual", "Acme Bio", "Cy", "Fox", "cy@acmebio.com", "", "2027-12-31"],
    ["4", "Corporate", "Beta Labs", "Di", "Ng", "di@betalabs.ca", "", "2027-06-30"],
    ["2", "Corporate", "Gamma", "Ed", "Orr", "ed@gamma.ca", "", "2027-12-31"],  # repeated number
    ["5", "Individual", "", "Flo", "Poe", "not an email", "", "2027-12-31"],  # rejected
    ["6", "Individual", "Beta Labs", "Gus", "Qi", "gus@betalabs.ca", "", "2027-12-31"],
    ["7", "Corporate", "Delta", "Hu", "Ro", "hu@delta.ca", "", "2027-12-31"],
    ["8", "Corporate", "Delta", "Io", "Su", "io@delta.ca", "", "2027-12-31"],  # same org again
]
SECOND = [
    HEADER,
    FIRST[1],
    FIRST[2],
    ["4", "Corporate", "Beta Labs", "Di", "Ng", "di@betalabs.ca", "", "2028-06-30"],  # renewed
    ["6", "Individual", "Beta Labs", "Gus", "Qi", "gus@beta-labs.com", "", "2027-12-31"],
    ["9", "Corporate", "Epsilon", "Jo", "Tu", "jo@epsilon.ca", "", "2027-12-31"],  # new
    ["5", "Individual", "", "Flo", "Poe", "flo@", "", "2027-12-31"],  # rejected: not ended
    FIRST[8],
]  # 3 and 8 gone: ended


def counts(report: importing.MemberImportReport) -> tuple[Any, ...]:
    return (
        report.added, report.updated, report.unchanged, report.ended, report.rejected,
        report.organizations_added, report.domains_added, [e.row for e in report.errors],
    )  # fmt: skip


def state(database: Database) -> tuple[Any, ...]:
    found = [{k: v for k, v in m.items() if k != "id"} for m in memberships(database, "lso")]
    with database.sessions() as session:
        organizations = sorted(session.scalars(select(Organization.name)))
        domains = sorted(
            session.execute(
                select(Organization.name, OrganizationDomain.domain).join(
                    OrganizationDomain.organization
                )
            ).all()
        )
    return found, organizations, domains


def scenario(database: Database, tmp_path: Path) -> list[tuple[Any, ...]]:
    results = []
    for name, rows, at in (("first.csv", FIRST, AT), ("second.csv", SECOND, LATER)):
        path = write(tmp_path, name, csv_text(rows, ","))
        dry = import_members(database.sessions, "lso", path, at=at, dry_run=True)
        done = import_members(database.sessions, "lso", path, at=at, allow_ending_most=True)
        assert counts(dry) == counts(done)  # the dry run counts what the import does
        results.append(counts(done))
    return [*results, state(database)]


class _Imagines:
    """A filter that believes it has seen every identity: every row must then be settled."""

    def __init__(self, rows: int) -> None:
        pass

    def add(self, digest: int) -> bool:
        return True


@pytest.mark.parametrize("imagined", [False, True], ids=["filter", "every-row-a-candidate"])
def test_streamed_batches_give_what_one_batch_gives(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, imagined: bool
) -> None:
    reference = open_database(sqlite_url(tmp_path / "reference.sqlite3"))
    try:
        expected = scenario(reference, tmp_path)
    finally:
        reference.dispose()
    assert expected[0][:5] == (7, 0, 0, 0, 2)  # the scenario means something
    assert expected[1][:5] == (1, 2, 3, 2, 1)

    monkeypatch.setattr(member_scan, "KEEP_ROWS_UP_TO", 0)  # rows parsed again
    monkeypatch.setattr(importing, "_BATCH", 2)  # an organization created in an earlier batch
    if imagined:  # the Bloom filter's false positives are settled, not rejected
        monkeypatch.setattr(member_scan, "_Seen", _Imagines)
    assert scenario(database, tmp_path) == expected


def test_a_report_lists_a_bounded_number_of_rejected_rows(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(member_scan, "MAX_LISTED_ERRORS", 3)
    bad = [[str(n), "Individual", "", "A", "B", "nope", "", "2027-12-31"] for n in range(10, 20)]
    path = write(tmp_path, "m.csv", csv_text([HEADER, FIRST[1], *bad], ","))
    report = import_members(database.sessions, "lso", path, at=AT)
    assert (report.added, report.rejected) == (1, 10)
    assert [e.row for e in report.errors] == [3, 4, 5]
    assert report.to_json()["errors_not_listed"] == 7


def test_a_refused_streamed_import_writes_nothing(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(member_scan, "KEEP_ROWS_UP_TO", 0)
    monkeypatch.setattr(importing, "_BATCH", 2)
    rows = [HEADER, *([str(n), "Individual", "", f"P{n}", "X", "", "", ""] for n in range(20))]
    assert (
        import_members(
            database.sessions, "lso", write(tmp_path, "a.csv", csv_text(rows, ",")), at=AT
        ).added
        == 20
    )
    before = snapshot(database)
    # Batches are written as they come; the refusal at the end (most memberships ended) must
    # still leave the database as it was.
    few = [HEADER, *([str(n), "Individual", "", f"Q{n}", "Y", "", "", ""] for n in range(30, 36))]
    with pytest.raises(importing.Invalid, match="would end"):
        import_members(database.sessions, "lso", write(tmp_path, "b.csv", csv_text(few, ",")))
    assert snapshot(database) == before


def test_sqlite_direct_inserts_store_what_sqlalchemy_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SQLite fast path (parameters converted once per value) writes the same bytes,
    dates and times included, as SQLAlchemy's own insert."""
    path = write(tmp_path, "first.csv", csv_text(FIRST, ","))
    tables = ("memberships", "people", "organizations", "organization_domains")

    def stored(name: str) -> list[list[tuple[Any, ...]]]:
        database = open_database(sqlite_url(tmp_path / name))
        try:
            import_members(database.sessions, "lso", path, at=AT)  # whole seconds: .000000
            with database.engine.connect() as connection:
                return [
                    list(connection.exec_driver_sql(f"SELECT * FROM {table}")) for table in tables
                ]
        finally:
            database.dispose()

    direct = stored("direct.sqlite3")
    with monkeypatch.context() as patched:
        patched.setattr(
            import_writes,
            "_insert_many",
            lambda session, table, rows: session.execute(table.insert(), rows),
        )
        through_sqlalchemy = stored("sqlalchemy.sqlite3")
    assert all(direct)  # every table written
    assert direct == through_sqlalchemy


@pytest.mark.parametrize(
    "edited",
    [
        [HEADER, FIRST[1], [*FIRST[2][:5], "not an email", *FIRST[2][6:]]],  # a row now bad
        [HEADER, *FIRST[1:3], FIRST[3]],  # a row added
    ],
    ids=["row-now-bad", "row-added"],
)
def test_a_list_saved_again_between_its_readings_is_refused(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edited: list[list[str]]
) -> None:
    monkeypatch.setattr(member_scan, "KEEP_ROWS_UP_TO", 0)  # the rows are read twice,
    monkeypatch.setattr(tables, "_KEEP_BYTES", 0)  # from the file each time
    path = write(tmp_path, "m.csv", csv_text([HEADER, *FIRST[1:3]], ","))
    load = importing.CurrentState.load

    def saved_meanwhile(session: Any, association_id: int) -> Any:
        path.write_text(csv_text(edited, ","), encoding="utf-8")
        return load(session, association_id)

    monkeypatch.setattr(importing.CurrentState, "load", saved_meanwhile)
    before = snapshot(database)
    with pytest.raises(importing.Invalid, match="changed while it was being imported"):
        import_members(database.sessions, "lso", path, at=AT)
    assert snapshot(database) == before
