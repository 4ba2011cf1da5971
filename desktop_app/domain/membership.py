"""Membership verdict: who holds an active BIOQuébec or LSO membership on an event's date, and why.

A ``MemberDirectory`` indexes the member lists once; ``verdict()`` then answers for one person in
well under a millisecond with exact-key lookups, and a bounded fuzzy search on organization names
only when nothing exact was found. Evidence, in order of strength: a staff decision, the member
number, the personal email on an individual membership, the email's domain belonging to a member
organization, and the organization's name. A doubtful name gives ranked candidates, never a guess.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any, Literal

from rapidfuzz import fuzz, process

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.domain.freemail import is_free_mail
from desktop_app.domain.names import (
    member_number_key,
    normalize_domain,
    normalize_email,
    organization_key,
    person_key,
)

BIOQUEBEC = "bioquebec"
LSO = "lso"
ASSOCIATIONS: tuple[str, ...] = (BIOQUEBEC, LSO)
ASSOCIATION_NAMES: Mapping[str, str] = MappingProxyType({BIOQUEBEC: "BIOQuébec", LSO: "LSO"})

Holder = Literal["organization", "person"]
Status = Literal["active", "expired", "not-found", "ambiguous"]
EvidenceKind = Literal[
    "member-number", "personal-email", "email-domain", "organization-name", "staff-decision"
]
DecisionKind = Literal["member", "not-member", "confirmed-candidate"]
Marking = Literal["both", "bioquebec", "lso", "guest"]

STRENGTH: Mapping[str, int] = MappingProxyType(
    {
        "staff-decision": 100,
        "member-number": 80,
        "personal-email": 60,
        "email-domain": 40,
        "organization-name": 20,
    }
)
MATCH_SCORE = 92.0
"""A fuzzy organization-name score from which the name counts as a match."""
CANDIDATE_SCORE = 80.0
"""A fuzzy score from which an organization is shown to staff as a candidate."""
TIE_MARGIN = 2.0
"""Two different organizations scoring within this many points tie: staff choose."""
MAX_CANDIDATES = 5
_FUZZY_BUDGET = 1500  # names scored at most per fuzzy search (about 0.1 ms)
_FUZZY_CACHE_SIZE = 10_000
UNLINKED_DECISION_VALIDITY = timedelta(days=366)
"""How long a staff decision that names no membership is reused: one membership year. A decision
tied to a membership needs no such limit, since that membership's own dates govern."""

_CTX = "MembershipVerdict"
_T_NUMBER = QT_TRANSLATE_NOOP("MembershipVerdict", "member no. {number}")
_T_NUMBER_CONTRADICTS = QT_TRANSLATE_NOOP(
    "MembershipVerdict",
    "member no. {number} of '{holder}', not '{typed}' as typed: the number wins",
)
_T_EMAIL = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "personal email {email} on an individual membership"
)
_T_DOMAIN = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "via the organization's domain {domain} ({organization})"
)
_T_NAME = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "organization name '{typed}' matched '{organization}'"
)
_T_FUZZY = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "organization name '{typed}' matched '{organization}' (score {score})"
)
_T_STAFF = QT_TRANSLATE_NOOP("MembershipVerdict", "{decision} by {who} on {when}: {reason}")
_T_VALID_UNTIL = QT_TRANSLATE_NOOP("MembershipVerdict", "valid until {date}")
_T_VALID_FROM = QT_TRANSLATE_NOOP("MembershipVerdict", "valid from {date}")
_T_NO_END = QT_TRANSLATE_NOOP("MembershipVerdict", "no end date")


@dataclass(frozen=True, slots=True)
class MembershipRecord:
    """One membership from an association's list, held by an organization or by a person."""

    id: int
    association: str
    member_number: str | None
    category: str | None
    valid_from: date | None
    valid_until: date | None
    holder: Holder
    organization_name: str | None = None
    organization_aliases: tuple[str, ...] = ()
    organization_domains: tuple[str, ...] = ()
    person_name: str | None = None
    person_email: str | None = None

    def __post_init__(self) -> None:
        if self.association not in ASSOCIATIONS:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Unknown association '{association}'."),
                association=self.association,
            )
        if self.holder not in ("organization", "person"):
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Unknown kind of member '{holder}'."),
                holder=self.holder,
            )
        if self.holder == "organization" and not (self.organization_name or "").strip():
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Membership {id} has no organization name."),
                id=self.id,
            )
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Membership {id} ends before it starts."),
                id=self.id,
            )

    def is_active_on(self, day: date) -> bool:
        """Tell whether the membership is valid on ``day`` (both ends inclusive)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    @property
    def label(self) -> str:
        """The holder's name as staff know it."""
        return self.organization_name or self.person_name or f"#{self.id}"


@dataclass(frozen=True, slots=True)
class PersonQuery:
    """A person as typed at the desk or found in a registration."""

    name: str | None = None
    email: str | None = None
    organization: str | None = None
    member_number: str | None = None
    person_key: str | None = None

    def key(self) -> str | None:
        """The person key used to find staff decisions: the given one, else from the name."""
        return self.person_key or (person_key(self.name, None) if self.name else None) or None


@dataclass(frozen=True, slots=True, kw_only=True)
class StaffDecision:
    """A manual decision about one person in one association, with who, when and why.

    ``membership_id`` ties the decision to a membership: "confirmed-candidate" (or "member")
    says it is this person's, "not-member" says it is not. Without it, the decision overrides
    the verdict for that association for ``UNLINKED_DECISION_VALIDITY`` around its date.
    """

    association: str
    decision: DecisionKind
    who: str
    when: datetime
    reason: str
    person_key: str | None = None
    email: str | None = None
    membership_id: int | None = None

    def __post_init__(self) -> None:
        if self.association not in ASSOCIATIONS:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Unknown association '{association}'."),
                association=self.association,
            )
        if not (self.person_key or normalize_email(self.email)):
            raise Invalid(QT_TRANSLATE_NOOP("AppError", "A decision needs a person or an email."))
        if self.decision == "confirmed-candidate" and self.membership_id is None:
            raise Invalid(QT_TRANSLATE_NOOP("AppError", "Confirm which membership."))
        if self.decision not in ("member", "not-member", "confirmed-candidate"):
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Unknown decision '{decision}'."),
                decision=self.decision,
            )


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a membership was found: its kind, a readable detail and its strength.

    ``detail`` is English; ``template`` and ``params`` let the interface translate the main
    sentence (context "MembershipVerdict") and show ``valid_until`` in its own way.
    """

    association: str
    kind: EvidenceKind
    detail: str
    strength: int
    membership_id: int | None
    valid_until: date | None
    template: str = ""
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A membership that may be the person's, for staff to confirm or reject."""

    membership_id: int
    organization_name: str | None
    score: int
    person_name: str | None = None


@dataclass(frozen=True, slots=True)
class AssociationStatus:
    """The verdict in one association."""

    status: Status
    expired_on: date | None = None
    evidence: tuple[Evidence, ...] = ()
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class MembershipVerdict:
    """The associations in which a person is an active member on the event's date, and why."""

    associations: frozenset[str]
    per_association: Mapping[str, AssociationStatus]

    @property
    def marking(self) -> Marking:
        """The badge marking: "both", "bioquebec", "lso" or "guest"."""
        if {BIOQUEBEC, LSO} <= self.associations:
            return "both"
        if BIOQUEBEC in self.associations:
            return "bioquebec"
        return "lso" if LSO in self.associations else "guest"

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """All evidence, strongest first."""
        every = (e for s in self.per_association.values() for e in s.evidence)
        return tuple(sorted(every, key=lambda e: -e.strength))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: ``associations``, ``marking``, ``status`` and flat ``evidence``."""
        return {
            "associations": sorted(self.associations),
            "marking": self.marking,
            "status": {
                code: {
                    "status": s.status,
                    "expired_on": _iso(s.expired_on),
                    "evidence": [_evidence_json(e) for e in s.evidence],
                    "candidates": [
                        {
                            "membership_id": c.membership_id,
                            "organization_name": c.organization_name,
                            "person_name": c.person_name,
                            "score": c.score,
                        }
                        for c in s.candidates
                    ],
                }
                for code, s in self.per_association.items()
            },
            "evidence": [_evidence_json(e) for e in self.evidence],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _evidence_json(e: Evidence) -> dict[str, Any]:
    return {
        "association": e.association,
        "kind": e.kind,
        "detail": e.detail,
        "strength": e.strength,
        "membership_id": e.membership_id,
        "valid_until": _iso(e.valid_until),
        "template": e.template,
        "params": dict(e.params),
    }


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

    def verdict(self, query: PersonQuery, event_date: date) -> MembershipVerdict:
        """Shorthand for ``verdict(self, query, event_date)``."""
        return verdict(self, query, event_date)


def verdict(directory: MemberDirectory, query: PersonQuery, event_date: date) -> MembershipVerdict:
    """Decide in which associations ``query`` holds a membership active on ``event_date``."""
    return _Judgement(directory, query, event_date).run()


class _Judgement:
    """The working state of one verdict: evidence and candidates gathered per association."""

    def __init__(self, directory: MemberDirectory, query: PersonQuery, event_date: date) -> None:
        self.directory = directory
        self.query = query
        self.day = event_date
        self.email = normalize_email(query.email)
        self.person = query.key()
        self.org_key = organization_key(query.organization) if query.organization else ""
        self.evidence: dict[str, list[Evidence]] = {a: [] for a in ASSOCIATIONS}
        self.candidates: dict[str, dict[str, Candidate]] = {a: {} for a in ASSOCIATIONS}
        self.rejected: set[int] = set()
        self.overrides: dict[str, tuple[StaffDecision, Evidence]] = {}
        self.fuzzy_hits: list[tuple[MembershipRecord, float]] | None = None

    def run(self) -> MembershipVerdict:
        self._staff_decisions()
        number_settled = self._member_number()
        for association in ASSOCIATIONS:
            if association in number_settled:
                continue
            # Each weaker method still runs: an expired individual membership does not hide an
            # active one through the employer.
            self._personal_email(association)
            self._email_domain(association)
            self._organization_name(association)
            self._person_name(association)
        statuses = {a: self._status(a) for a in ASSOCIATIONS}
        active = frozenset(a for a, s in statuses.items() if s.status == "active")
        return MembershipVerdict(active, MappingProxyType(statuses))

    # --- gathering -----------------------------------------------------------------------------

    def _add(self, r: MembershipRecord, kind: EvidenceKind, template: str, **params: str) -> None:
        if r.id in self.rejected or any(
            e.membership_id == r.id and e.kind == kind for e in self.evidence[r.association]
        ):
            return
        self.evidence[r.association].append(
            _evidence(r.association, kind, r, self.day, template, params)
        )

    def _candidate(self, r: MembershipRecord, score: float) -> None:
        if r.id in self.rejected:
            return
        identity = self.directory.identity(r.id)
        known = self.candidates[r.association].get(identity)
        if (
            known is None
            or score > known.score
            or (score == known.score and r.is_active_on(self.day))
        ):
            name = r.organization_name
            person = r.person_name if r.holder == "person" else None
            self.candidates[r.association][identity] = Candidate(r.id, name, round(score), person)

    def _has_active(self, association: str) -> bool:
        return any(self._record_active(e) for e in self.evidence[association])

    def _staff_decisions(self) -> None:
        for d in self.directory.decisions_for(self.email, self.person):
            params = {
                "decision": d.decision,
                "who": d.who,
                "when": d.when.date().isoformat(),
                "reason": d.reason,
            }
            record = self.directory.get(d.membership_id) if d.membership_id is not None else None
            if record is not None:
                # Later decisions win: a confirmation after a rejection lifts it, and vice versa.
                if d.decision == "not-member":
                    self.rejected.add(record.id)
                    self.evidence[record.association] = [
                        e for e in self.evidence[record.association] if e.membership_id != record.id
                    ]
                else:
                    self.rejected.discard(record.id)
                    self._add(record, "staff-decision", _T_STAFF, **params)
            elif abs(self.day - d.when.date()) <= UNLINKED_DECISION_VALIDITY:
                staff = _evidence(d.association, "staff-decision", None, self.day, _T_STAFF, params)
                self.overrides[d.association] = (d, staff)

    def _member_number(self) -> set[str]:
        """Gather member-number evidence; return the associations it settles (active there)."""
        number = member_number_key(self.query.member_number)
        if not number:
            return set()
        records = [r for r in self.directory.by_number(number) if r.id not in self.rejected]
        if len({r.association for r in records}) > 1:
            # The same number in both lists is a coincidence unless something else agrees.
            corroborated = [r for r in records if self._corroborates(r)]
            if not corroborated:
                for r in records:
                    self._candidate(r, 100)
                return set()
            records = corroborated
        for r in records:
            shown = self.query.member_number or ""
            if r.holder == "organization" and self.org_key and not self._names_match(r):
                self._add(
                    r,
                    "member-number",
                    _T_NUMBER_CONTRADICTS,
                    number=shown,
                    holder=r.label,
                    typed=self.query.organization or "",
                )
            else:
                self._add(r, "member-number", _T_NUMBER, number=shown)
        return {r.association for r in records if r.is_active_on(self.day)}

    def _names_match(self, r: MembershipRecord) -> bool:
        return r.id in {m.id for m in self.directory.by_organization_key(self.org_key)}

    def _corroborates(self, r: MembershipRecord) -> bool:
        if r.holder == "person":
            key = self.person
            return bool(
                (self.email and normalize_email(r.person_email) == self.email)
                or (key and r.person_name and person_key(r.person_name, None) == key)
            )
        domain = self.email.rpartition("@")[2] if self.email else ""
        by_domain = self.directory.by_domain(domain)[1] if domain else []
        return self._names_match(r) or r in by_domain

    def _personal_email(self, association: str) -> None:
        if not self.email:
            return
        for r in self.directory.by_personal_email(self.email):
            if r.association == association:
                self._add(r, "personal-email", _T_EMAIL, email=self.email)

    def _email_domain(self, association: str) -> None:
        domain = self.email.rpartition("@")[2] if self.email else ""
        if not domain or is_free_mail(domain):
            return
        owner, records = self.directory.by_domain(domain)
        for r in records:
            if r.association == association:
                self._add(r, "email-domain", _T_DOMAIN, domain=owner, organization=r.label)

    def _organization_name(self, association: str) -> None:
        if not self.org_key or self._has_active(association):
            return
        typed = self.query.organization or ""
        exact = [
            r
            for r in self.directory.by_organization_key(self.org_key)
            if r.association == association and r.id not in self.rejected
        ]
        if exact:
            scored = [(r, 100.0) for r in exact]
        else:
            scored = [(r, s) for r, s in self._fuzzy() if r.association == association]
        best: dict[str, float] = {}
        for r, score in scored:
            identity = self.directory.identity(r.id)
            best[identity] = max(score, best.get(identity, 0.0))
        if not best:
            return
        ranked = sorted(best.values(), reverse=True)
        top = ranked[0]
        tie = len(ranked) > 1 and ranked[1] >= top - TIE_MARGIN
        if top >= MATCH_SCORE and not tie:
            winner = max(best, key=lambda i: best[i])
            for r, score in scored:
                if self.directory.identity(r.id) == winner and score == top:
                    if score >= 100:
                        self._add(
                            r, "organization-name", _T_NAME, typed=typed, organization=r.label
                        )
                    else:
                        self._add(
                            r,
                            "organization-name",
                            _T_FUZZY,
                            typed=typed,
                            organization=r.label,
                            score=str(round(score)),
                        )
            return
        for r, score in scored:
            self._candidate(r, score)

    def _fuzzy(self) -> list[tuple[MembershipRecord, float]]:
        # Computed once for both associations, and only when some association needs it.
        if self.fuzzy_hits is None:
            hits = self.directory.fuzzy_organizations(self.org_key)
            self.fuzzy_hits = [(r, s) for r, s in hits if r.id not in self.rejected]
        return self.fuzzy_hits

    def _person_name(self, association: str) -> None:
        # A namesake with an individual membership is worth showing, never worth trusting.
        key = self.person
        if not key or self._has_active(association):
            return
        namesakes = [r for r in self.directory.by_person_key(key) if r.association == association]
        if len(namesakes) > MAX_CANDIDATES:  # a name this common says nothing
            return
        for r in namesakes:
            if not any(e.membership_id == r.id for e in self.evidence[association]):
                self._candidate(r, 100)

    # --- concluding ----------------------------------------------------------------------------

    def _status(self, association: str) -> AssociationStatus:
        found = sorted(self.evidence[association], key=lambda e: -e.strength)
        override = self.overrides.get(association)
        if override is not None:
            decision, staff = override
            if decision.decision == "not-member":
                return AssociationStatus("not-found", None, (staff,))
            return AssociationStatus("active", None, (staff, *found))
        active = [e for e in found if self._record_active(e)]
        if active:
            return AssociationStatus("active", None, tuple(active))
        ended = [e.valid_until for e in found if e.valid_until and e.valid_until < self.day]
        expired_on = max(ended) if ended else None
        candidates = sorted(
            self.candidates[association].values(),
            key=lambda c: (-c.score, c.organization_name or c.person_name or ""),
        )[:MAX_CANDIDATES]
        if candidates:
            return AssociationStatus("ambiguous", expired_on, tuple(found), tuple(candidates))
        if expired_on:
            return AssociationStatus("expired", expired_on, tuple(found))
        return AssociationStatus("not-found", None, tuple(found))

    def _record_active(self, e: Evidence) -> bool:
        record = self.directory.get(e.membership_id) if e.membership_id is not None else None
        return record is not None and record.is_active_on(self.day)


def _evidence(
    association: str,
    kind: EvidenceKind,
    record: MembershipRecord | None,
    day: date,
    template: str,
    params: Mapping[str, str],
) -> Evidence:
    detail = template.format(**params)
    if record is not None:
        if record.valid_from and record.valid_from > day:
            detail += ", " + _T_VALID_FROM.format(date=record.valid_from.isoformat())
        elif record.valid_until:
            detail += ", " + _T_VALID_UNTIL.format(date=record.valid_until.isoformat())
        else:
            detail += ", " + _T_NO_END
    return Evidence(
        association,
        kind,
        detail,
        STRENGTH[kind],
        record.id if record else None,
        record.valid_until if record else None,
        template,
        tuple(params.items()),
    )
