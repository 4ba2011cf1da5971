"""The membership judgement: gather evidence for one person from a ``MemberDirectory``, strongest
first (staff decision, member number, personal email, email domain, organization name), then
conclude per association: active, expired, ambiguous with ranked candidates, or not found.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from desktop_app.domain.freemail import is_free_mail
from desktop_app.domain.member_directory import MAX_CANDIDATES, MemberDirectory
from desktop_app.domain.membership_records import (
    ASSOCIATIONS,
    STAFF_SENTENCES,
    STRENGTH,
    T_DOMAIN,
    T_EMAIL,
    T_EXPIRED_ON,
    T_FUZZY,
    T_NAME,
    T_NO_END,
    T_NUMBER,
    T_NUMBER_CONTRADICTS,
    T_STAFF,
    T_VALID_FROM,
    T_VALID_UNTIL,
    UNLINKED_DECISION_VALIDITY,
    AssociationStatus,
    Candidate,
    Evidence,
    EvidenceKind,
    MembershipRecord,
    MembershipVerdict,
    PersonQuery,
    StaffDecision,
)
from desktop_app.domain.names import (
    member_number_key,
    normalize_email,
    organization_key,
    person_key,
)

MATCH_SCORE = 92.0
"""A fuzzy organization-name score from which the name counts as a match."""
TIE_MARGIN = 2.0
"""Two different organizations scoring within this many points tie: staff choose."""


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
                    sentence = STAFF_SENTENCES.get(d.decision, T_STAFF)
                    self._add(record, "staff-decision", sentence, **params)
            elif abs(self.day - d.when.date()) <= UNLINKED_DECISION_VALIDITY:
                sentence = STAFF_SENTENCES.get(d.decision, T_STAFF)
                staff = _evidence(d.association, "staff-decision", None, self.day, sentence, params)
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
                    T_NUMBER_CONTRADICTS,
                    number=shown,
                    holder=r.label,
                    typed=self.query.organization or "",
                )
            else:
                self._add(r, "member-number", T_NUMBER, number=shown)
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
                self._add(r, "personal-email", T_EMAIL, email=self.email)

    def _email_domain(self, association: str) -> None:
        domain = self.email.rpartition("@")[2] if self.email else ""
        if not domain or is_free_mail(domain):
            return
        owner, records = self.directory.by_domain(domain)
        for r in records:
            if r.association == association:
                self._add(r, "email-domain", T_DOMAIN, domain=owner, organization=r.label)

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
                        self._add(r, "organization-name", T_NAME, typed=typed, organization=r.label)
                    else:
                        self._add(
                            r,
                            "organization-name",
                            T_FUZZY,
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
            detail += ", " + T_VALID_FROM.format(date=record.valid_from.isoformat())
        elif record.valid_until and record.valid_until < day:
            # Found, but no longer valid on the event's date: never "valid until".
            detail += ", " + T_EXPIRED_ON.format(date=record.valid_until.isoformat())
        elif record.valid_until:
            detail += ", " + T_VALID_UNTIL.format(date=record.valid_until.isoformat())
        else:
            detail += ", " + T_NO_END
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
