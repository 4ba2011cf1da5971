"""Comparing a member list with the stored memberships: what to add, update, keep and end.

:meth:`CurrentState.load` reads what an import needs in a few whole-table queries (no query
per row); :func:`plan_sync` compares it with the list's rows and returns a :class:`SyncPlan`
that :mod:`.member_import` writes with bulk statements. See that module for the rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import (
    Membership,
    Organization,
    OrganizationAlias,
    OrganizationDomain,
    Person,
)
from desktop_app.domain.names import member_number_key, person_key
from desktop_app.importing.member_rows import Identity, MemberRow
from desktop_app.importing.member_scan import DomainSet, as_set

_number_key = lru_cache(maxsize=65536)(member_number_key)

OrganizationRef = int | str
"""An organization's id, or the name key of one the import is about to create."""


@dataclass(slots=True)
class StoredMembership:
    """A current (not ended) membership of the association, as stored."""

    id: int
    holder_kind: str
    organization_id: int | None
    person_id: int | None
    member_number: str | None
    category: str | None
    valid_from: date | None
    valid_until: date | None


@dataclass(slots=True)
class StoredPerson:
    """The holder of an individual membership, as stored."""

    first_name: str
    last_name: str
    email: str | None
    organization_name: str | None


@dataclass
class CurrentState:
    """The association's current memberships and every organization, indexed for matching."""

    memberships: list[StoredMembership]
    people: dict[int, StoredPerson]
    org_by_key: dict[str, int]
    org_by_alias: dict[str, int]
    org_key_of: dict[int, str]
    org_alias_keys: defaultdict[int, set[str]]
    org_domains: defaultdict[int, DomainSet]
    """Organization id → its email domains (one, or a set; shared, never changed in place)."""

    @classmethod
    def load(cls, session: Session, association_id: int) -> CurrentState:
        """Read the state in six queries, whatever the size of the lists."""
        memberships = [
            StoredMembership(*row)
            for row in session.execute(
                select(
                    Membership.id,
                    Membership.holder_kind,
                    Membership.organization_id,
                    Membership.person_id,
                    Membership.member_number,
                    Membership.category,
                    Membership.valid_from,
                    Membership.valid_until,
                )
                .where(Membership.association_id == association_id, Membership.ended_at.is_(None))
                .order_by(Membership.id)
            )
        ]
        people = {
            row[0]: StoredPerson(*row[1:])
            for row in session.execute(
                select(
                    Person.id,
                    Person.first_name,
                    Person.last_name,
                    Person.email,
                    Person.organization_name,
                ).where(
                    Person.id.in_(
                        select(Membership.person_id).where(
                            Membership.association_id == association_id,
                            Membership.ended_at.is_(None),
                        )
                    )
                )
            )
        }
        org_by_key: dict[str, int] = {}
        org_key_of: dict[int, str] = {}
        for org_id, key in session.execute(
            select(Organization.id, Organization.name_key).order_by(Organization.id)
        ):
            org_key_of[org_id] = key
            org_by_key.setdefault(key, org_id)
        org_by_alias: dict[str, int] = {}
        org_alias_keys: defaultdict[int, set[str]] = defaultdict(set)
        for org_id, key in session.execute(
            select(OrganizationAlias.organization_id, OrganizationAlias.alias_key).order_by(
                OrganizationAlias.id
            )
        ):
            org_alias_keys[org_id].add(key)
            org_by_alias.setdefault(key, org_id)
        org_domains: defaultdict[int, DomainSet] = defaultdict(set)
        for org_id, domain in session.execute(
            select(OrganizationDomain.organization_id, OrganizationDomain.domain)
        ):
            known = org_domains[org_id]
            assert isinstance(known, set)  # built here as sets
            known.add(domain)
        return cls(
            memberships, people, org_by_key, org_by_alias, org_key_of, org_alias_keys, org_domains
        )

    def identities(self, m: StoredMembership) -> list[Identity]:
        """Every identity under which a row of a list may name this membership."""
        found: list[Identity] = []
        number = _number_key(m.member_number)
        if number:
            found.append(("number", number))
        if m.holder_kind == "organization" and m.organization_id is not None:
            found.append(("org", self.org_key_of.get(m.organization_id, "")))
            found += [("org", key) for key in self.org_alias_keys.get(m.organization_id, ())]
        elif m.person_id is not None and m.person_id in self.people:
            person = self.people[m.person_id]
            if person.email:
                found.append(("email", person.email.lower()))
            found.append(("person", person_key(person.first_name, person.last_name)))
        return found


@dataclass(slots=True)
class Change:
    """A membership to add or update: the row, the membership columns to set, its holder."""

    row: MemberRow
    membership_id: int | None
    values: dict[str, Any]
    organization: OrganizationRef | None = None
    new_person: bool = False


@dataclass
class SyncPlan:
    """What one batch of rows writes."""

    added: list[Change] = field(default_factory=list)
    updated: list[Change] = field(default_factory=list)
    unchanged: int = 0
    new_organizations: dict[str, str] = field(default_factory=dict)  # key -> name
    new_aliases: defaultdict[OrganizationRef, dict[str, str]] = field(
        default_factory=lambda: defaultdict(dict)
    )  # org -> alias key -> alias
    new_domains: defaultdict[OrganizationRef, set[str]] = field(
        default_factory=lambda: defaultdict(set)
    )
    person_updates: list[dict[str, Any]] = field(default_factory=list)


class Planner:
    """Compares the list's valid rows with the stored state, batch after batch.

    ``present`` are the fields the file has a column for (others keep their stored values);
    ``domains`` each organization's email domains from the whole list (see :mod:`.member_scan`).
    """

    def __init__(
        self, state: CurrentState, present: frozenset[str], domains: dict[str, DomainSet]
    ) -> None:
        self.state = state
        self.present = present
        self.domains = domains
        self.plan = SyncPlan()
        self.matched: set[int] = set()
        self.by_identity: defaultdict[Identity, list[StoredMembership]] = defaultdict(list)
        self.identities: dict[int, list[Identity]] = {}
        for m in state.memberships:
            self.identities[m.id] = state.identities(m)
            for identity in self.identities[m.id]:
                self.by_identity[identity].append(m)

    def add(self, row: MemberRow) -> None:
        """Plan one row."""
        self._row(row, self.domains)

    def take(self) -> SyncPlan:
        """The plan of the rows added since the last call."""
        plan, self.plan = self.plan, SyncPlan()
        return plan

    def written(self, plan: SyncPlan, org_ids: dict[str, int]) -> None:
        """Record that ``plan`` is written, its new organizations under ``org_ids``."""
        state = self.state
        for key, org_id in org_ids.items():
            state.org_by_key.setdefault(key, org_id)
            state.org_key_of[org_id] = key
        for ref, found in plan.new_domains.items():
            if not found:
                continue
            if isinstance(ref, str):
                # A new organization got every domain the list gives it: share that value
                # rather than copy it (a million-row list creates 200,000 organizations).
                state.org_domains[org_ids[ref]] = self.domains.get(ref, found)
            else:
                state.org_domains[ref] = set(as_set(state.org_domains.get(ref))) | found
        for ref, aliases in plan.new_aliases.items():
            org_id = org_ids[ref] if isinstance(ref, str) else ref
            for alias_key in aliases:
                state.org_alias_keys[org_id].add(alias_key)
                state.org_by_alias.setdefault(alias_key, org_id)

    def ended(self, protected: Iterable[Identity]) -> set[int]:
        """Current memberships no row matched, except those a rejected row may name."""
        named = frozenset(protected)
        return {
            m.id
            for m in self.state.memberships
            if m.id not in self.matched
            and not any(identity in named for identity in self.identities[m.id])
        }

    def _match(self, row: MemberRow) -> StoredMembership | None:
        number = row.number_key
        if number:
            for m in self.by_identity.get(("number", number), ()):
                if m.id not in self.matched:
                    return m
        holders = [row.holder_identity]
        if row.holder == "organization":
            holders += [("org", alias_key) for _, alias_key in row.aliases]
        elif row.email:
            holders.append(("person", row.person_key))  # the stored one may lack the email
        for holder in holders:
            for m in self.by_identity.get(holder, ()):
                if m.id in self.matched or (m.holder_kind == "organization") != (
                    row.holder == "organization"
                ):
                    continue
                stored_number = _number_key(m.member_number)
                if number and stored_number and stored_number != number:
                    continue  # another membership of the same holder
                if holder[0] == "person" and holder != row.holder_identity:
                    stored = self.state.people.get(m.person_id or 0)
                    if stored is not None and stored.email:
                        continue
                return m
        return None

    def _organization(self, row: MemberRow, stored: StoredMembership | None) -> OrganizationRef:
        key = row.organization_key
        keys = [key, *(alias_key for _, alias_key in row.aliases)]
        state = self.state
        if stored is not None and stored.organization_id is not None:
            own = {state.org_key_of.get(stored.organization_id, "")}
            own |= state.org_alias_keys.get(stored.organization_id, set())
            if key in own:
                return stored.organization_id
        for candidate in keys:
            found = state.org_by_key.get(candidate) or state.org_by_alias.get(candidate)
            if found is not None:
                return found
        self.plan.new_organizations.setdefault(key, row.organization or key)
        return key

    def _organization_additions(
        self, row: MemberRow, ref: OrganizationRef, domains: dict[str, DomainSet]
    ) -> bool:
        """Plan the row's new aliases and domains for organization ``ref``; tell if any."""
        state, plan = self.state, self.plan
        known_domains = as_set(state.org_domains.get(ref)) if isinstance(ref, int) else set()
        given = as_set(domains.get(row.organization_key))
        fresh = set(given) - known_domains - plan.new_domains[ref]
        plan.new_domains[ref] |= fresh
        if isinstance(ref, int):
            known_aliases = state.org_alias_keys.get(ref, set()) | {state.org_key_of.get(ref, "")}
        else:
            known_aliases = {ref}
        new_aliases = {
            key: alias
            for alias, key in row.aliases
            if key not in known_aliases and key not in plan.new_aliases[ref]
        }
        plan.new_aliases[ref].update(new_aliases)
        return bool(fresh or new_aliases)

    def _row(self, row: MemberRow, domains: dict[str, DomainSet]) -> None:
        stored = self._match(row)
        ref = self._organization(row, stored) if row.holder == "organization" else None
        extra = ref is not None and self._organization_additions(row, ref, domains)
        if stored is None:
            self.plan.added.append(
                Change(
                    row,
                    None,
                    {
                        "holder_kind": row.holder,
                        "person_id": None,
                        "member_number": row.member_number,
                        "category": row.category,
                        "valid_from": row.valid_from,
                        "valid_until": row.valid_until,
                    },
                    organization=ref,
                    new_person=row.holder == "person",
                )
            )
            return
        self.matched.add(stored.id)
        change = Change(row, stored.id, {}, organization=ref)
        values = change.values
        if stored.holder_kind != row.holder:
            values["holder_kind"] = row.holder
        if row.holder == "organization":
            if stored.organization_id != ref:
                values["organization_id"] = ref
            if stored.person_id is not None:
                values["person_id"] = None
        else:
            if stored.organization_id is not None:
                values["organization_id"] = None
            person = self.state.people.get(stored.person_id or 0)
            if stored.holder_kind != "person" or person is None:
                change.new_person = True
                values["person_id"] = None
            else:
                extra |= self._person_changes(row, stored.person_id or 0, person)
        if row.member_number and row.member_number != stored.member_number:
            values["member_number"] = row.member_number
        for name in ("category", "valid_from", "valid_until"):
            if name in self.present and getattr(row, name) != getattr(stored, name):
                values[name] = getattr(row, name)
        if values or extra or change.new_person:
            self.plan.updated.append(change)
        else:
            self.plan.unchanged += 1

    def _person_changes(self, row: MemberRow, person_id: int, person: StoredPerson) -> bool:
        wanted: dict[str, Any] = {}
        if "person_name" in self.present:
            wanted["first_name"] = row.first_name
            wanted["last_name"] = row.last_name
        if "email" in self.present:
            wanted["email"] = row.email
        if "organization" in self.present:
            wanted["organization_name"] = row.organization
        changed = {k: v for k, v in wanted.items() if getattr(person, k) != v}
        if changed:
            self.plan.person_updates.append({"id": person_id, **changed})
        return bool(changed)
