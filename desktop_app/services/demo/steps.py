"""The steps of a demo fill: organizations, memberships, people and registrations, drawn
from one seeded generator in a fixed order (the same seed, the same data)."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from desktop_app.db import search_index
from desktop_app.db.models import (
    Event,
    Organization,
    OrganizationAlias,
    OrganizationDomain,
    Person,
    PriceCategory,
    Registration,
)
from desktop_app.domain.codes import new_registration_code
from desktop_app.domain.names import organization_key
from desktop_app.domain.pricing import list_price_total
from desktop_app.domain.stored_verdict import entitlement_of
from desktop_app.domain.taxes import Province
from desktop_app.resources import as_path
from desktop_app.services.admin.events import ensure_associations, read_event_file, save_event
from desktop_app.services.demo import names as words
from desktop_app.services.membership.directory import event_date, load_directory
from desktop_app.services.membership.verdicts import Assessor, RegistrationFacts

EXAMPLE_EVENTS = ("forum-montreal-2027.toml", "partnering-toronto-2027.toml")
BIOQUEBEC_MEMBER_ORGANIZATIONS = 270
# A fixed clock for demo rows, so that the same seed gives byte-identical data.
DEMO_CLOCK = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


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


INDIVIDUAL = ("Individual", "Student")
"""LSO's individual membership categories in the demo."""


class _DemoFill:
    """The steps of a demo fill, sharing the session, the generator and what came before."""

    def __init__(self, session: Session, builder: _Builder) -> None:
        self.session = session
        self.builder = builder
        self.rng = builder.rng
        self.associations = ensure_associations(session)
        self.all_events: list[Event] = []
        self.all_orgs: list[_Org] = []
        self.bq_members: list[_Org] = []
        self.lso_corporate: list[_Org] = []
        self.outsiders: list[_Org] = []
        self.membership_rows: list[dict[str, Any]] = []
        self.individual_people: list[dict[str, Any]] = []
        self.individual_ids: list[int] = []

    def events(self) -> None:
        """The two example events."""
        for name in EXAMPLE_EVENTS:
            spec = read_event_file(as_path("examples", name))
            save_event(self.session, spec)
            event = self.session.scalars(select(Event).where(Event.slug == spec.slug)).one()
            self.all_events.append(event)

    def organizations(self) -> None:
        """BIOQuébec's 270 members (Québec institutions and companies), LSO's corporate
        members (Ontario ones, plus some Québec members of both associations), and
        non-member companies that people work for."""
        builder, rng, session = self.builder, self.rng, self.session
        qc_institutions = [_Org(fr, dom, en, "QC") for fr, en, dom in words.INSTITUTIONS[:9]]
        on_institutions = [_Org(en or fr, dom, fr, "ON") for fr, en, dom in words.INSTITUTIONS[9:]]
        bq_companies = [builder.company("QC") for _ in range(BIOQUEBEC_MEMBER_ORGANIZATIONS - 9)]
        on_companies = [builder.company("ON") for _ in range(115)]
        self.outsiders = [builder.company(rng.choice(("QC", "ON"))) for _ in range(160)]
        self.all_orgs = (
            qc_institutions + on_institutions + bq_companies + on_companies + self.outsiders
        )
        org_ids = _bulk(
            session,
            Organization,
            [{"name": o.name, "name_key": organization_key(o.name)} for o in self.all_orgs],
        )
        for org, org_id in zip(self.all_orgs, org_ids, strict=True):
            org.id = org_id
        session.execute(
            insert(OrganizationDomain),
            [{"organization_id": o.id, "domain": o.domain} for o in self.all_orgs],
        )
        aliases = [o for o in self.all_orgs if o.alias]
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
        self.bq_members = qc_institutions + bq_companies
        both = rng.sample(bq_companies, 30) + qc_institutions[:2]
        self.lso_corporate = on_institutions + on_companies + both

    def _period(self) -> tuple[date, date]:
        roll = self.rng.random()
        if roll < 0.06:
            return date(2026, 1, 1), date(2026, 12, 31)  # lapsed before both events
        if roll < 0.09:
            return date(2026, 3, 23), date(2027, 3, 22)  # ends the day before Montréal
        if roll < 0.15:
            return date(2026, 4, 1), date(2027, 3, 31)  # valid in Montréal, not Toronto
        return date(2026, 1, 1), date(2027, 12, 31)

    def _membership(
        self,
        association: str,
        holder_kind: str,
        holder: int,
        number: str,
        categories: Sequence[str],
    ) -> None:
        """A membership: its period, then its category, drawn in that order."""
        start, end = self._period()
        self.membership_rows.append(
            {
                "association_id": self.associations[association].id,
                "holder_kind": holder_kind,
                "organization_id": holder if holder_kind == "organization" else None,
                "person_id": holder if holder_kind == "person" else None,
                "member_number": number,
                "category": self.rng.choice(categories),
                "valid_from": start,
                "valid_until": end,
                "ended_at": None,
                "imported_at": DEMO_CLOCK,
            }
        )

    def corporate_memberships(self) -> None:
        """Every member organization's membership, some lapsed or ending early."""
        bq, lso = words.CATEGORIES_BIOQUEBEC, words.CATEGORIES_LSO[:3]
        for number, org in enumerate(self.bq_members, start=1):
            self._membership("bioquebec", "organization", org.id, f"BQ-{number:04d}", bq)
        for number, org in enumerate(self.lso_corporate, start=1):
            self._membership("lso", "organization", org.id, f"{10000 + number}", lso)

    def individual_members(self) -> None:
        """LSO individual members: some at free-mail addresses, some working for BIOQuébec
        member organizations (so they are members of both)."""
        builder, rng = self.builder, self.rng
        for _ in range(400):
            first, last, language = builder.person_name()
            if rng.random() < 0.3:
                org = rng.choice(self.bq_members)
                email = builder.email(first, last, org.domain)
                org_name: str | None = org.name
            else:
                email = builder.email(first, last, rng.choice(words.FREE_MAIL))
                org_name = rng.choice(self.outsiders).name if rng.random() < 0.5 else None
            self.individual_people.append(
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
        self.individual_ids = _bulk(self.session, Person, self.individual_people)
        for number, person_id in enumerate(self.individual_ids, start=1):
            self._membership("lso", "person", person_id, f"{50000 + number}", INDIVIDUAL)

    def _person(self) -> tuple[str, str, str | None, str | None, str | None, bool]:
        """Who registers: first, last, language, email, organization, and whether a member
        is behind it (members with their corporate email, individual members, outsiders)."""
        builder, rng = self.builder, self.rng
        roll = rng.random()
        if roll < 0.55:
            org = rng.choice(self.bq_members + self.lso_corporate)
            first, last, language = builder.person_name()
            email = builder.email(first, last, org.domain)
            org_name = org.name if rng.random() < 0.8 else (org.alias or org.name.upper())
            return first, last, language, email, org_name, True
        if roll < 0.57:
            # A member's employee at a free-mail address, the company typed in a hurry.
            org = rng.choice(self.bq_members)
            first, last, language = builder.person_name()
            email = builder.email(first, last, rng.choice(words.FREE_MAIL))
            return first, last, language, email, misspelled(org.name, rng), True
        if roll < 0.62 and self.individual_people:
            individual = rng.choice(self.individual_people)
            return (
                individual["first_name"],
                individual["last_name"],
                individual["preferred_language"],
                individual["email"],
                individual["organization_name"],
                True,
            )
        if roll < 0.9:
            org = rng.choice(self.outsiders)
            first, last, language = builder.person_name()
            return first, last, language, builder.email(first, last, org.domain), org.name, False
        first, last, language = builder.person_name()
        email = builder.email(first, last, rng.choice(words.FREE_MAIL))
        return first, last, language, email, None, False

    def _category(self, categories: dict[str, PriceCategory], is_member: bool) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.03:
            return "speaker"
        if kind < 0.05:
            return "sponsor" if "sponsor" in categories else "staff"
        if kind < 0.06:
            return "press" if "press" in categories else "staff"
        if kind < 0.11:
            return "student"
        if is_member and rng.random() < 0.04:  # members who paid the non-member rate
            return "non-member"
        if is_member or rng.random() < 0.04:  # a few outsiders claim the member rate
            return "member-early" if rng.random() < 0.5 else "member"
        return "non-member"

    def _paid(self, due: Decimal) -> tuple[Decimal, str]:
        state = self.rng.random()
        if state < 0.80:
            return due, "active"
        if state < 0.92:
            return Decimal("0.00"), "active"
        if state < 0.95:
            return (due / 2).quantize(Decimal("0.01")), "active"
        return due, "cancelled"

    def registrations(self, count: int) -> int:
        """``count`` registrations across the two events, each assessed as an import would
        be; returns how many people were added for them."""
        rng, events = self.rng, self.all_events
        directory = load_directory(self.session, event_date(events[0]))
        assessors = {event.slug: Assessor(event, directory) for event in events}
        categories = {
            event.slug: {category.code: category for category in event.prices} for event in events
        }
        people_rows: list[dict[str, Any]] = []
        registration_rows: list[dict[str, Any]] = []
        for index in range(count):
            event = events[0] if rng.random() < 0.6 else events[1]
            first, last, language, email, org_name, is_member = self._person()
            code = self._category(categories[event.slug], is_member)
            category = categories[event.slug][code]
            due = list_price_total(Province(event.province), category)
            paid, status = self._paid(due)
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
                    "entitled_by": entitlement_of(assessment.verdict),
                    "membership_flag": assessment.membership_flag if active else None,
                    "created_at": created_at,
                }
            )
        person_ids = _bulk(self.session, Person, people_rows)
        for row, person_id in zip(registration_rows, person_ids, strict=True):
            row["person_id"] = person_id
        if registration_rows:  # an empty executemany would insert one blank row
            # The search index is rebuilt once at the end instead of row by row (2x faster).
            with search_index.bulk_load(self.session.connection()):
                self.session.execute(insert(Registration), registration_rows)
        return len(person_ids)
