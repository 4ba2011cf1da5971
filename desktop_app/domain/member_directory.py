"""The member lists of both associations indexed for matching: exact-key lookups by member
number, personal email, person key, email domain and organization name, a blocked fuzzy search on
organization names, and the staff decisions reused for the same person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.domain.freemail import is_free_mail
from desktop_app.domain.membership_records import (
    MembershipRecord,
    StaffDecision,
)
from desktop_app.domain.names import (
    member_number_key,
    normalize_domain,
    normalize_email,
    organization_key,
    person_key,
)

CANDIDATE_SCORE = 80.0
"""A fuzzy score from which an organization is shown to staff as a candidate."""
TIE_MARGIN = 2.0
"""Two different organizations scoring within this many points tie: staff choose."""
MAX_CANDIDATES = 5
_FUZZY_BUDGET = 1500  # names scored at most per fuzzy search (about 0.1 ms)
_FUZZY_CACHE_SIZE = 10_000


def _sorted_tokens(key: str) -> str:
    return " ".join(sorted(key.split()))


def _block_terms(sorted_key: str) -> set[str]:
    # A fuzzy match of 80 or more almost always keeps the start or the end of some word intact,
    # so names sharing a 4-letter word prefix or suffix are the only ones worth scoring.
    terms = set()
    for token in sorted_key.split():
        if len(token) < 4:
            terms.add("=" + token)
        else:
            terms.add("<" + token[:4])
            terms.add(">" + token[-4:])
    return terms


class MemberDirectory:
    """The member lists of both associations, indexed for matching, plus staff decisions."""

    def __init__(
        self, records: Iterable[MembershipRecord], decisions: Iterable[StaffDecision] = ()
    ) -> None:
        """Index ``records`` (ids must be unique) and ``decisions``."""
        self._records: dict[int, MembershipRecord] = {}
        self._identity: dict[int, str] = {}
        self._by_number: defaultdict[str, list[int]] = defaultdict(list)
        self._by_email: defaultdict[str, list[int]] = defaultdict(list)
        self._by_person: defaultdict[str, list[int]] = defaultdict(list)
        self._by_domain: defaultdict[str, list[int]] = defaultdict(list)
        self._by_name: defaultdict[str, list[int]] = defaultdict(list)
        self._decisions_by_email: defaultdict[str, list[StaffDecision]] = defaultdict(list)
        self._decisions_by_person: defaultdict[str, list[StaffDecision]] = defaultdict(list)
        for record in records:
            self._add(record)
        self._build_fuzzy_index()
        for decision in decisions:
            self.record_decision(decision)

    def _add(self, r: MembershipRecord) -> None:
        if r.id in self._records:
            raise Invalid(QT_TRANSLATE_NOOP("AppError", "Membership {id} appears twice."), id=r.id)
        self._records[r.id] = r
        number = member_number_key(r.member_number)
        if number:
            self._by_number[number].append(r.id)
        if r.holder == "person":
            email = normalize_email(r.person_email)
            pkey = person_key(r.person_name, None) if r.person_name else ""
            if email:
                self._by_email[email].append(r.id)
            if pkey:
                self._by_person[pkey].append(r.id)
            self._identity[r.id] = f"{r.association}:person:{email or pkey or r.id}"
            return
        main_key = organization_key(r.organization_name or "")
        keys = {main_key, *(organization_key(alias) for alias in r.organization_aliases)} - {""}
        for key in keys:
            self._by_name[key].append(r.id)
        domains = {normalize_domain(d) for d in r.organization_domains}
        for domain in domains:
            if domain and not is_free_mail(domain):
                self._by_domain[domain].append(r.id)
        # Records of one organization (renewals, re-imports) share an identity, so they are one
        # candidate, never a tie with themselves.
        self._identity[r.id] = f"{r.association}:org:{main_key}"

    def _build_fuzzy_index(self) -> None:
        by_sorted: defaultdict[str, list[int]] = defaultdict(list)
        for key, ids in self._by_name.items():
            by_sorted[_sorted_tokens(key)].extend(ids)
        self._fuzzy_keys: list[str] = list(by_sorted)
        self._fuzzy_ids: list[tuple[int, ...]] = [tuple(by_sorted[k]) for k in self._fuzzy_keys]
        blocks: defaultdict[str, tuple[list[int], list[str]]] = defaultdict(lambda: ([], []))
        for index, key in enumerate(self._fuzzy_keys):
            for term in _block_terms(key):
                indexes, keys = blocks[term]
                indexes.append(index)
                keys.append(key)
        self._blocks: dict[str, tuple[list[int], list[str]]] = dict(blocks)
        # Colleagues register together: the same organization is typed again and again.
        self._fuzzy_cache: dict[str, list[tuple[int, float]]] = {}

    def __len__(self) -> int:
        return len(self._records)

    def get(self, membership_id: int) -> MembershipRecord | None:
        """The membership with this id, if any."""
        return self._records.get(membership_id)

    def identity(self, membership_id: int) -> str:
        """A key shared by all memberships of one holder in one association."""
        return self._identity[membership_id]

    def record_decision(self, decision: StaffDecision) -> None:
        """Add a staff decision, reused from now on for the same email or person key."""
        email = normalize_email(decision.email)
        if email:
            self._decisions_by_email[email].append(decision)
        if decision.person_key:
            self._decisions_by_person[decision.person_key].append(decision)

    def decisions_for(self, email: str | None, pkey: str | None) -> list[StaffDecision]:
        """Decisions about this person, oldest first.

        When both the decision and the person have an email, the emails decide; the person key
        is used only otherwise, because two people can share a name but not an address.
        """
        found: dict[int, StaffDecision] = {}
        if email:
            for d in self._decisions_by_email.get(email, ()):
                found[id(d)] = d
        if pkey:
            for d in self._decisions_by_person.get(pkey, ()):
                if not (email and normalize_email(d.email)):
                    found[id(d)] = d
        return sorted(found.values(), key=lambda d: d.when)

    def by_number(self, number_key: str) -> list[MembershipRecord]:
        """Memberships with this member number key, in either association."""
        return [self._records[i] for i in self._by_number.get(number_key, ())]

    def by_personal_email(self, email: str) -> list[MembershipRecord]:
        """Individual memberships held with this (normalised) email."""
        return [self._records[i] for i in self._by_email.get(email, ())]

    def by_person_key(self, pkey: str) -> list[MembershipRecord]:
        """Individual memberships held by someone with this person key."""
        return [self._records[i] for i in self._by_person.get(pkey, ())]

    def by_domain(self, domain: str) -> tuple[str, list[MembershipRecord]]:
        """Organization memberships owning ``domain`` or its nearest parent, with that domain."""
        labels = domain.split(".")
        for start in range(len(labels) - 1):
            candidate = ".".join(labels[start:])
            ids = self._by_domain.get(candidate)
            if ids:
                return candidate, [self._records[i] for i in ids]
        return domain, []

    def by_organization_key(self, key: str) -> list[MembershipRecord]:
        """Organization memberships whose name or an alias has this organization key."""
        return [self._records[i] for i in self._by_name.get(key, ())]

    def fuzzy_organizations(self, key: str) -> list[tuple[MembershipRecord, float]]:
        """Organization memberships whose name is close to ``key``, with scores >= 80, best first.

        The scorer is the ratio of the sorted words (word order does not matter), computed only
        over names sharing a word's first or last four letters with ``key``, rarest words first.
        """
        cached = self._fuzzy_cache.get(key)
        if cached is None:
            cached = self._fuzzy_search(_sorted_tokens(key))
            if len(self._fuzzy_cache) >= _FUZZY_CACHE_SIZE:
                self._fuzzy_cache.clear()
            self._fuzzy_cache[key] = cached
        return [(self._records[record_id], score) for record_id, score in cached]

    def _fuzzy_search(self, query: str) -> list[tuple[int, float]]:
        # Rarest blocks first, up to a budget: the words that tell names apart ("mcgill") are
        # scored, the words every third name has ("universite", "pharma") only add to the pool
        # while it stays small. A whole-directory scan costs about 1 ms for 20,000 names.
        blocks = sorted(
            (block for term in _block_terms(query) if (block := self._blocks.get(term))),
            key=lambda block: len(block[0]),
        )
        best: dict[int, float] = {}
        scored = 0
        for indexes, keys in blocks:
            if scored and scored + len(indexes) > _FUZZY_BUDGET:
                break
            scored += len(indexes)
            # Each block keeps its own list of names, so scoring runs entirely inside rapidfuzz;
            # a name in two blocks is scored twice, which costs less than merging the blocks.
            hits = process.extract(
                query,
                keys,
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=CANDIDATE_SCORE,
                limit=4 * MAX_CANDIDATES,
            )
            for _, score, position in hits:
                best[indexes[position]] = score
        ranked = sorted(best.items(), key=lambda hit: -hit[1])[: 4 * MAX_CANDIDATES]
        return [
            (record_id, score) for index, score in ranked for record_id in self._fuzzy_ids[index]
        ]
