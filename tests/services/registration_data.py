"""A Montréal event and the members the example registration files refer to.

The memberships mirror resources/examples/bioquebec-members.csv and lso-members.csv for the
people in the example pretix and Eventbrite files, inserted directly so these tests do not
depend on the member-list importer.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

from desktop_app.resources import as_path
from sqlalchemy import func, select

from desktop_app.db.database import Database
from desktop_app.db.models import (
    AuditEntry,
    Base,
    Membership,
    Organization,
    OrganizationAlias,
    OrganizationDomain,
    Person,
    Registration,
)
from desktop_app.domain.names import organization_key
from desktop_app.services.admin.events import ensure_associations, import_event_file

MONTREAL = "forum-montreal-2027"
TORONTO = "partnering-toronto-2027"
PRETIX_EXAMPLE = as_path("examples", "registrations-pretix-forum-montreal-2027.csv")
EVENTBRITE_EXAMPLE = as_path("examples", "registrations-eventbrite-forum-montreal-2027.csv")
CLOCK = datetime(2027, 3, 10, 12, 0, tzinfo=UTC)
ALWAYS = (date(2026, 1, 1), date(2027, 12, 31))
APRIL = (date(2026, 4, 1), date(2027, 3, 31))
EVE = (date(2026, 3, 23), date(2027, 3, 22))  # ends the day before the Montréal event
SCHOOL = (date(2026, 9, 1), date(2027, 8, 31))

# association, organization, aliases, domain, valid from/until
ORGANIZATIONS = (
    ("bioquebec", "Géno-Boréal génomique inc.", (), "genoboreal.ca", APRIL),
    ("lso", "Géno-Boréal génomique inc.", (), "genoboreal.ca", ALWAYS),
    ("bioquebec", "Université McGill", ("McGill University",), "mcgill.ca", ALWAYS),
    ("lso", "Université McGill", (), "mcgill.ca", ALWAYS),
    ("bioquebec", "Laboratoires Théravie S.E.N.C.", (), "theravie.com", ALWAYS),
    ("bioquebec", "Neurolumi diagnostics inc.", (), "neurolumi.ca", APRIL),
    ("bioquebec", "Dermo-Laurentie cliniques inc.", (), "dermolaurentie.ca", EVE),
    ("bioquebec", "Lakeshore Biosciences Inc.", (), "lakeshorebio.com", ALWAYS),
    ("lso", "Lakeshore Biosciences Inc.", (), "lakeshorebio.com", ALWAYS),
    ("lso", "University of Toronto", (), "utoronto.ca", ALWAYS),
    ("lso", "Frontenac Analytics Corporation", (), "frontenacanalytics.ca", ALWAYS),
    ("lso", "Niagara Genomics, Corp.", (), "niagaragenomics.com", APRIL),
    ("lso", "University of Waterloo", (), "uwaterloo.ca", ALWAYS),
)  # fmt: skip

# LSO individual members: first, last, email, number, valid from/until
INDIVIDUALS = (
    ("Aisha", "Khan", "aisha.khan@utoronto.ca", "50001", ALWAYS),
    ("Robert", "Taylor", "rtaylor.bio@gmail.com", "50002", ALWAYS),
    ("Emma", "Campbell", "emma.campbell@queensu.ca", "50004", SCHOOL),
    ("Ryan", "Murphy", "ryan.murphy@outlook.com", "50005", (date(2026, 1, 1), date(2026, 12, 31))),
    ("Mark", "Anderson", "mark@andersonbioconsulting.ca", "50007", EVE),
    ("Chloé", "Dubois", "chloe.dubois@sympatico.ca", "50008", SCHOOL),
)  # fmt: skip


def setup_events(database: Database, *slugs: str) -> None:
    """Import the example events (default: Montréal)."""
    for slug in slugs or (MONTREAL,):
        import_event_file(database.sessions, as_path("examples", f"{slug}.toml"))


def add_members(database: Database) -> None:
    """The memberships above, in both associations."""
    with database.sessions.begin() as session:
        associations = ensure_associations(session)
        organizations: dict[str, Organization] = {}
        for number, (code, name, aliases, domain, (start, end)) in enumerate(ORGANIZATIONS, 1):
            organization = organizations.get(name)
            if organization is None:
                organization = Organization(name=name, name_key=organization_key(name))
                organization.domains.append(OrganizationDomain(domain=domain))
                for alias in aliases:
                    organization.aliases.append(
                        OrganizationAlias(alias=alias, alias_key=organization_key(alias))
                    )
                organizations[name] = organization
            session.add(
                Membership(
                    association=associations[code],
                    holder_kind="organization",
                    organization=organization,
                    member_number=f"{code[:2].upper()}-{number:04d}",
                    valid_from=start,
                    valid_until=end,
                    imported_at=CLOCK,
                )
            )
        for first, last, email, member_number, (start, end) in INDIVIDUALS:
            person = Person(first_name=first, last_name=last, email=email, created_at=CLOCK)
            session.add(
                Membership(
                    association=associations["lso"],
                    holder_kind="person",
                    person=person,
                    member_number=member_number,
                    valid_from=start,
                    valid_until=end,
                    imported_at=CLOCK,
                )
            )


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """A file in ``tmp_path`` with this text."""
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def registrations(database: Database) -> dict[str, Registration]:
    """Every registration by code, with person and category loaded."""
    with database.sessions() as session:
        rows = session.scalars(select(Registration)).all()
        for row in rows:
            _ = row.person.first_name, row.category.code, row.event.slug
        session.expunge_all()
    return {r.code: r for r in rows}


def by_name(database: Database, first: str, last: str) -> Registration:
    """The registration of the person with this name."""
    found = [
        r
        for r in registrations(database).values()
        if (r.person.first_name, r.person.last_name) == (first, last)
    ]
    assert len(found) == 1, found
    return found[0]


def counts(database: Database) -> tuple[int, int, int]:
    """(registrations, people, audit entries): to check that nothing was written."""
    with database.sessions() as session:
        return (
            session.scalar(select(func.count()).select_from(Registration)) or 0,
            session.scalar(select(func.count()).select_from(Person)) or 0,
            session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


def snapshot(database: Database) -> tuple[object, ...]:
    """Every table's rows (in full), and for SQLite the file's bytes too."""
    tables: list[object] = []
    with database.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            rows = connection.execute(select(table)).all()
            tables.append((table.name, sorted(repr(tuple(row)) for row in rows)))
    url = database.engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        database.engine.dispose()  # every change checkpointed into the file itself
        tables.append(hashlib.sha256(Path(url.database).read_bytes()).hexdigest())
    return tuple(tables)
