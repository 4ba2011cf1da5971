"""Use cases for memberships: load the member lists, check a person, price an admission."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    Association,
    Event,
    Membership,
    MembershipDecision,
    Organization,
    OrganizationAlias,
    OrganizationDomain,
    Person,
)
from desktop_app.domain.membership import (
    MemberDirectory,
    MembershipRecord,
    MembershipVerdict,
    PersonQuery,
    StaffDecision,
    verdict,
)
from desktop_app.domain.names import display_name
from desktop_app.domain.pricing import EventPricing, PriceCategorySpec
from desktop_app.services.admin.events import get_event


def load_directory(session: Session, event_date: date | None = None) -> MemberDirectory:
    """The member lists and staff decisions in the database, indexed for matching.

    Memberships a newer list ended are left out. ``event_date`` is accepted for symmetry
    with :func:`check_person`: expired memberships are kept so the verdict can say when a
    membership expired.
    """
    del event_date
    codes: dict[int, str] = {a.id: a.code for a in session.scalars(select(Association))}
    aliases: defaultdict[int, list[str]] = defaultdict(list)
    for org_id, alias in session.execute(
        select(OrganizationAlias.organization_id, OrganizationAlias.alias)
    ):
        aliases[org_id].append(alias)
    domains: defaultdict[int, list[str]] = defaultdict(list)
    for org_id, domain in session.execute(
        select(OrganizationDomain.organization_id, OrganizationDomain.domain)
    ):
        domains[org_id].append(domain)
    names: dict[int, str] = {
        org_id: name
        for org_id, name in session.execute(
            select(Organization.id, Organization.name).where(
                Organization.id.in_(
                    select(Membership.organization_id).where(Membership.ended_at.is_(None))
                )
            )
        )
    }
    # Plain columns, not ORM objects: this runs for every walk-in quote and reassessment,
    # and building 20,000 Membership + Person objects cost ten times the matching index.
    rows = session.execute(
        select(
            Membership.id,
            Membership.association_id,
            Membership.member_number,
            Membership.category,
            Membership.valid_from,
            Membership.valid_until,
            Membership.holder_kind,
            Membership.organization_id,
            Person.first_name,
            Person.last_name,
            Person.email,
        )
        .outerjoin(Person, Person.id == Membership.person_id)
        .where(Membership.ended_at.is_(None))
        .order_by(Membership.id)
    )
    records: list[MembershipRecord] = []
    for (
        membership_id,
        association_id,
        member_number,
        category,
        valid_from,
        valid_until,
        holder_kind,
        holder_org,
        first_name,
        last_name,
        email,
    ) in rows:
        individual = holder_kind == "person" and first_name is not None
        records.append(
            MembershipRecord(
                id=membership_id,
                association=codes[association_id],
                member_number=member_number,
                category=category,
                valid_from=valid_from,
                valid_until=valid_until,
                holder="person" if holder_kind == "person" else "organization",
                organization_name=names.get(holder_org) if holder_org is not None else None,
                organization_aliases=tuple(aliases.get(holder_org, ())) if holder_org else (),
                organization_domains=tuple(domains.get(holder_org, ())) if holder_org else (),
                person_name=display_name(first_name, last_name) if individual else None,
                person_email=email if individual else None,
            )
        )
    decisions = [
        StaffDecision(
            association=codes[d.association_id],
            decision=d.decision,  # type: ignore[arg-type]
            who=d.decided_by,
            when=d.decided_at,
            reason=d.reason,
            person_key=d.person_key,
            email=d.email,
            membership_id=d.membership_id,
        )
        for d in session.scalars(select(MembershipDecision).order_by(MembershipDecision.id))
    ]
    return MemberDirectory(records, decisions)


def event_date(event: Event) -> date:
    """The local date on which the event starts."""
    starts = event.starts_at
    if starts.tzinfo is None:
        starts = starts.replace(tzinfo=UTC)
    return starts.astimezone(ZoneInfo(event.timezone)).date()


def check_person(
    sessions: sessionmaker[Session],
    slug: str,
    name: str | None = None,
    email: str | None = None,
    organization: str | None = None,
    member_number: str | None = None,
) -> MembershipVerdict:
    """The membership verdict for a person at event ``slug`` (on the event's first day)."""
    query = PersonQuery.typed(
        name=name, email=email, organization=organization, member_number=member_number
    )
    with sessions() as session:
        return verdict_at(session, get_event(session, slug), query)


def verdict_at(session: Session, event: Event, query: PersonQuery) -> MembershipVerdict:
    """The one membership pipeline: the directory as of the event's first day, judged for
    ``query`` (the walk-in form keeps its own recent copy of the directory, for speed)."""
    day = event_date(event)
    return verdict(load_directory(session, day), query, day)


def event_pricing(event: Event) -> EventPricing:
    """The pricing view of an event row: province, partners and price categories."""
    return EventPricing(
        slug=event.slug,
        province=event.province,  # type: ignore[arg-type]
        partners=frozenset(p.code for p in event.partners),
        categories=tuple(
            PriceCategorySpec(
                code=p.code,
                name_fr=p.name_fr,
                name_en=p.name_en,
                eligibility=p.eligibility,  # type: ignore[arg-type]
                amount=p.amount,
                taxes_included=p.taxes_included,
                available_from=p.available_from,
                available_until=p.available_until,
            )
            for p in event.prices
        ),
    )


def now() -> datetime:
    """The current moment, timezone-aware."""
    return datetime.now(UTC)
