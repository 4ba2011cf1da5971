"""Demo data: the two associations' members, two partnered events and their registrations.

Deterministic: the same seed gives the same rows (codes included). Fast enough to make
100,000 registrations for benchmarks: rows go in through bulk Core inserts, and each
registration's membership verdict and flag come from one member directory loaded once.

The desk sees every outcome: members and guests, unpaid and part-paid registrations,
cancelled ones, members who paid the non-member rate (credit due), people who claimed the
member rate without a membership or whose membership lapsed (balance due), and people whose
company is spelled close to a member's at a free-mail address (doubt).
"""

from __future__ import annotations

import random
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db import search_index
from desktop_app.db.models import (
    Event,
    Membership,
    Organization,
    OrganizationAlias,
    OrganizationDomain,
    Person,
    Registration,
)
from desktop_app.domain.codes import new_registration_code
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict
from desktop_app.domain.names import organization_key
from desktop_app.domain.taxes import Province, compute_taxes
from desktop_app.resources import as_path
from desktop_app.services import audit
from desktop_app.services import demo_names as words
from desktop_app.services.events import ensure_associations, read_event_file, save_event
from desktop_app.services.membership import event_date, load_directory
from desktop_app.services.registration_verdicts import Assessor, RegistrationFacts

EXAMPLE_EVENTS = ("forum-montreal-2027.toml", "partnering-toronto-2027.toml")
BIOQUEBEC_MEMBER_ORGANIZATIONS = 270
# A fixed clock for demo rows, so that the same seed gives byte-identical data.
DEMO_CLOCK = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class DemoResult:
    """What the demo filled in."""

    events: tuple[str, ...]
    organizations: int
    memberships: int
    people: int
    registrations: int
    seconds: float

    def to_json(self) -> dict[str, object]:
        """The JSON shape of ``passerelle demo --json``."""
        return {
            "events": list(self.events),
            "organizations": self.organizations,
            "memberships": self.memberships,
            "people": self.people,
            "registrations": self.registrations,
            "seconds": round(self.seconds, 3),
        }


def ascii_slug(text: str, separator: str = "") -> str:
    """Letters and digits only, accents removed (for demo email addresses and domains)."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = [
        c.lower() if c.isascii() and c.isalnum() else " "
        for c in decomposed
        if not unicodedata.combining(c)
    ]
    return separator.join("".join(kept).split())


def misspelled(name: str, rng: random.Random) -> str:
    """``name`` with two letters of its longest word dropped, as people type in a hurry."""
    words_ = name.split(" ")
    longest = max(range(len(words_)), key=lambda i: len(words_[i]))
    word = words_[longest]
    if len(word) > 6:
        at = rng.randrange(2, len(word) - 3)
        words_[longest] = word[:at] + word[at + 2 :]
    return " ".join(words_)


@dataclass
class _Org:
    name: str
    domain: str
    alias: str | None
    province: str
    id: int = 0


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.used_names: set[str] = set()
        self.used_emails: dict[str, int] = {}

    def company(self, province: str) -> _Org:
        rng = self.rng
        while True:
            stem = rng.choice(words.COMPANY_STEMS)
            if province == "QC":
                tail = rng.choice(words.COMPANY_TAILS_FR)
                base = (
                    f"{stem}{tail}"
                    if rng.random() < 0.6
                    else f"{rng.choice(words.LABS_FR)} {stem}{tail}"
                )
                suffix = rng.choice(words.LEGAL_SUFFIXES_QC)
                english = f"{stem} {rng.choice(words.COMPANY_TAILS_EN)}"
            else:
                tail = rng.choice(words.COMPANY_TAILS_EN)
                base = f"{stem} {tail}" if rng.random() < 0.7 else f"{stem}{tail.lower()}"
                suffix = rng.choice(words.LEGAL_SUFFIXES_ON)
                english = ""
            key = ascii_slug(base)
            if key in self.used_names:
                continue
            self.used_names.add(key)
            name = f"{base} {suffix}".strip()
            domain = f"{key}.{'ca' if rng.random() < 0.7 else 'com'}"
            alias = english if province == "QC" and rng.random() < 0.15 else None
            return _Org(name=name, domain=domain, alias=alias, province=province)

    def person_name(self) -> tuple[str, str, str]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.5:
            return rng.choice(words.FIRST_NAMES_FR), rng.choice(words.LAST_NAMES_FR), "fr"
        if roll < 0.9:
            return rng.choice(words.FIRST_NAMES_EN), rng.choice(words.LAST_NAMES_EN), "en"
        return rng.choice(words.FIRST_NAMES_WORLD), rng.choice(words.LAST_NAMES_WORLD), "en"

    def email(self, first: str, last: str, domain: str) -> str:
        local = f"{ascii_slug(first, '')}.{ascii_slug(last, '')}".strip(".") or "contact"
        # A counter per address keeps this linear: 100,000 people share few name pairs.
        base = f"{local}@{domain}"
        number = self.used_emails.get(base, 0) + 1
        self.used_emails[base] = number
        return base if number == 1 else f"{local}{number}@{domain}"


def _bulk(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows with ids we choose, and return those ids in order.

    Explicit ids and a plain Core executemany keep 100,000 rows fast (RETURNING through
    the ORM's bulk path is quadratic here); PostgreSQL's sequence is moved past them.
    """
    if not rows:
        return []
    table = model.__table__
    start = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    ids = list(range(start, start + len(rows)))
    for row, new_id in zip(rows, ids, strict=True):
        row["id"] = new_id
    session.execute(table.insert(), rows)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), :last)"),
            {"last": ids[-1]},
        )
    return ids


def fill_demo(
    sessions: sessionmaker[Session], *, registrations: int = 2000, seed: int = 1
) -> DemoResult:
    """Fill an empty database with demo members, two events and ``registrations`` people."""
    started = time.perf_counter()
    builder = _Builder(seed)
    rng = builder.rng
    with sessions.begin() as session:
        if session.scalar(select(func.count()).select_from(Registration)):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "This database already has registrations; demo data goes into an empty"
                    " database (use --db with a new file).",
                )
            )
        associations = ensure_associations(session)
        events: list[Event] = []
        for name in EXAMPLE_EVENTS:
            spec = read_event_file(as_path("examples", name))
            save_event(session, spec)
            event = session.scalars(select(Event).where(Event.slug == spec.slug)).one()
            events.append(event)

        # Organizations: BIOQuébec's 270 members (Québec institutions and companies), LSO's
        # corporate members (Ontario ones, plus some Québec members of both associations),
        # and non-member companies that people work for.
        qc_institutions = [_Org(fr, dom, en, "QC") for fr, en, dom in words.INSTITUTIONS[:9]]
        on_institutions = [_Org(en or fr, dom, fr, "ON") for fr, en, dom in words.INSTITUTIONS[9:]]
        bq_companies = [builder.company("QC") for _ in range(BIOQUEBEC_MEMBER_ORGANIZATIONS - 9)]
        on_companies = [builder.company("ON") for _ in range(115)]
        outsiders = [builder.company(rng.choice(("QC", "ON"))) for _ in range(160)]
        all_orgs = qc_institutions + on_institutions + bq_companies + on_companies + outsiders
        org_ids = _bulk(
            session,
            Organization,
            [{"name": o.name, "name_key": organization_key(o.name)} for o in all_orgs],
        )
        for org, org_id in zip(all_orgs, org_ids, strict=True):
            org.id = org_id
        session.execute(
            insert(OrganizationDomain),
            [{"organization_id": o.id, "domain": o.domain} for o in all_orgs],
        )
        aliases = [o for o in all_orgs if o.alias]
        if aliases:
            session.execute(
                insert(OrganizationAlias),
                [
                    {
                        "organization_id": o.id,
                        "alias": o.alias,
                        "alias_key": organization_key(o.alias or ""),
                    }
                    for o in aliases
                ],
            )

        bq_members = qc_institutions + bq_companies
        both = rng.sample(bq_companies, 30) + qc_institutions[:2]
        lso_corporate = on_institutions + on_companies + both
        membership_rows: list[dict[str, Any]] = []

        def period() -> tuple[date, date]:
            roll = rng.random()
            if roll < 0.06:
                return date(2026, 1, 1), date(2026, 12, 31)  # lapsed before both events
            if roll < 0.09:
                return date(2026, 3, 23), date(2027, 3, 22)  # ends the day before Montréal
            if roll < 0.15:
                return date(2026, 4, 1), date(2027, 3, 31)  # valid in Montréal, not Toronto
            return date(2026, 1, 1), date(2027, 12, 31)

        for number, org in enumerate(bq_members, start=1):
            start, end = period()
            membership_rows.append(
                {
                    "association_id": associations["bioquebec"].id,
                    "holder_kind": "organization",
                    "organization_id": org.id,
                    "person_id": None,
                    "member_number": f"BQ-{number:04d}",
                    "category": rng.choice(words.CATEGORIES_BIOQUEBEC),
                    "valid_from": start,
                    "valid_until": end,
                    "ended_at": None,
                    "imported_at": DEMO_CLOCK,
                }
            )
        for number, org in enumerate(lso_corporate, start=1):
            start, end = period()
            membership_rows.append(
                {
                    "association_id": associations["lso"].id,
                    "holder_kind": "organization",
                    "organization_id": org.id,
                    "person_id": None,
                    "member_number": f"{10000 + number}",
                    "category": rng.choice(words.CATEGORIES_LSO[:3]),
                    "valid_from": start,
                    "valid_until": end,
                    "ended_at": None,
                    "imported_at": DEMO_CLOCK,
                }
            )

        # LSO individual members: some at free-mail addresses, some working for BIOQuébec
        # member organizations (so they are members of both).
        individual_people: list[dict[str, Any]] = []
        for _ in range(400):
            first, last, language = builder.person_name()
            if rng.random() < 0.3:
                org = rng.choice(bq_members)
                email = builder.email(first, last, org.domain)
                org_name: str | None = org.name
            else:
                email = builder.email(first, last, rng.choice(words.FREE_MAIL))
                org_name = rng.choice(outsiders).name if rng.random() < 0.5 else None
            individual_people.append(
                {
                    "first_name": first,
                    "last_name": last,
                    "email": email,
                    "organization_name": org_name,
                    "organization_id": None,
                    "preferred_language": language,
                    "created_at": DEMO_CLOCK,
                    "anonymized_at": None,
                }
            )
        individual_ids = _bulk(session, Person, individual_people)
        for number, person_id in enumerate(individual_ids, start=1):
            start, end = period()
            membership_rows.append(
                {
                    "association_id": associations["lso"].id,
                    "holder_kind": "person",
                    "organization_id": None,
                    "person_id": person_id,
                    "member_number": f"{50000 + number}",
                    "category": rng.choice(("Individual", "Student")),
                    "valid_from": start,
                    "valid_until": end,
                    "ended_at": None,
                    "imported_at": DEMO_CLOCK,
                }
            )
        session.execute(insert(Membership), membership_rows)
        directory = load_directory(session, event_date(events[0]))
        assessors = {event.slug: Assessor(event, directory) for event in events}

        # Registrations: members with their corporate email, individual members, outsiders.
        categories = {
            event.slug: {category.code: category for category in event.prices} for event in events
        }
        people_rows: list[dict[str, Any]] = []
        registration_rows: list[dict[str, Any]] = []
        member_orgs = bq_members + lso_corporate
        for index in range(registrations):
            event = events[0] if rng.random() < 0.6 else events[1]
            province = Province(event.province)
            roll = rng.random()
            is_member = True
            individual: dict[str, Any] | None = None
            if roll < 0.55:
                org = rng.choice(member_orgs)
                first, last, language = builder.person_name()
                email = builder.email(first, last, org.domain)
                org_name = org.name if rng.random() < 0.8 else (org.alias or org.name.upper())
            elif roll < 0.57:
                # A member's employee at a free-mail address, the company typed in a hurry.
                org = rng.choice(bq_members)
                first, last, language = builder.person_name()
                email = builder.email(first, last, rng.choice(words.FREE_MAIL))
                org_name = misspelled(org.name, rng)
            elif roll < 0.62 and individual_people:
                individual = rng.choice(individual_people)
                first, last = individual["first_name"], individual["last_name"]
                language = individual["preferred_language"]
                email = individual["email"]
                org_name = individual["organization_name"]
            elif roll < 0.9:
                org = rng.choice(outsiders)
                first, last, language = builder.person_name()
                email = builder.email(first, last, org.domain)
                org_name = org.name
                is_member = False
            else:
                first, last, language = builder.person_name()
                email = builder.email(first, last, rng.choice(words.FREE_MAIL))
                org_name = None
                is_member = False
            kind = rng.random()
            if kind < 0.03:
                code = "speaker"
            elif kind < 0.05:
                code = "sponsor" if "sponsor" in categories[event.slug] else "staff"
            elif kind < 0.06:
                code = "press" if "press" in categories[event.slug] else "staff"
            elif kind < 0.11:
                code = "student"
            elif is_member and rng.random() < 0.04:  # members who paid the non-member rate
                code = "non-member"
            elif is_member or rng.random() < 0.04:  # a few outsiders claim the member rate
                code = "member-early" if rng.random() < 0.5 else "member"
            else:
                code = "non-member"
            category = categories[event.slug][code]
            breakdown = compute_taxes(province, category.amount, category.taxes_included)
            due = breakdown.total
            state = rng.random()
            status = "active"
            if state < 0.80:
                paid = due
            elif state < 0.92:
                paid = Decimal("0.00")
            elif state < 0.95:
                paid = (due / 2).quantize(Decimal("0.01"))
            else:
                paid = due
                status = "cancelled"
            created_at = DEMO_CLOCK - timedelta(minutes=index)
            assessment = assessors[event.slug].assess(
                RegistrationFacts(
                    first_name=first,
                    last_name=last,
                    email=email,
                    organization=org_name,
                    category_code=code,
                    amount_paid=paid,
                    base_amount_due=due,
                    registered_at=created_at,
                )
            )
            active = status == "active"
            people_rows.append(
                {
                    "first_name": first,
                    "last_name": last,
                    "email": email,
                    "organization_name": org_name,
                    "organization_id": None,
                    "preferred_language": language if rng.random() < 0.3 else None,
                    "created_at": DEMO_CLOCK,
                    "anonymized_at": None,
                }
            )
            registration_rows.append(
                {
                    "event_id": event.id,
                    "person_id": 0,
                    "category_id": category.id,
                    "code": new_registration_code(rng),
                    "amount_due": assessment.amount_due if active else due,
                    "amount_paid": paid,
                    "status": status,
                    "source": "demo",
                    "preferred_language": None,
                    "role": category.role,
                    "notes": None,
                    "verdict": assessment.verdict,
                    "membership_flag": assessment.membership_flag if active else None,
                    "created_at": created_at,
                }
            )
        person_ids = _bulk(session, Person, people_rows)
        for row, person_id in zip(registration_rows, person_ids, strict=True):
            row["person_id"] = person_id
        if registration_rows:  # an empty executemany would insert one blank row
            # The search index is rebuilt once at the end instead of row by row (2x faster).
            with search_index.bulk_load(session.connection()):
                session.execute(insert(Registration), registration_rows)
        audit.record(session, "demo.filled", detail={"registrations": registrations, "seed": seed})
        result = DemoResult(
            events=tuple(event.slug for event in events),
            organizations=len(all_orgs),
            memberships=len(membership_rows),
            people=len(individual_ids) + len(person_ids),
            registrations=registrations,
            seconds=0.0,
        )
    return DemoResult(**{**result.__dict__, "seconds": time.perf_counter() - started})
