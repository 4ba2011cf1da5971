"""The membership vocabulary: associations, member records, person queries, staff decisions,
evidence and the verdict itself, plus the evidence sentences (context "MembershipVerdict").

Plain frozen values with their own validation; the index lives in ``member_directory`` and the
judgement that turns a query into a verdict in ``membership_judgement``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any, Literal

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.domain.names import normalize_email, person_key

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
UNLINKED_DECISION_VALIDITY = timedelta(days=366)
"""How long a staff decision that names no membership is reused: one membership year. A decision
tied to a membership needs no such limit, since that membership's own dates govern."""

_CTX = "MembershipVerdict"
T_NUMBER = QT_TRANSLATE_NOOP("MembershipVerdict", "member no. {number}")
T_NUMBER_CONTRADICTS = QT_TRANSLATE_NOOP(
    "MembershipVerdict",
    "member no. {number} of '{holder}', not '{typed}' as typed: the number wins",
)
T_EMAIL = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "personal email {email} on an individual membership"
)
T_DOMAIN = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "via the organization's domain {domain} ({organization})"
)
T_NAME = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "organization name '{typed}' matched '{organization}'"
)
T_FUZZY = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "organization name '{typed}' matched '{organization}' (score {score})"
)
T_STAFF = QT_TRANSLATE_NOOP("MembershipVerdict", "{decision} by {who} on {when}: {reason}")
_T_STAFF_MEMBER = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "decided a member by {who} on {when}: {reason}"
)
_T_STAFF_NOT_MEMBER = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "decided not a member by {who} on {when}: {reason}"
)
_T_STAFF_CONFIRMED = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "membership confirmed by {who} on {when}: {reason}"
)
# One sentence per decision, so the decision itself is translated, not shown as a code.
STAFF_SENTENCES = {
    "member": _T_STAFF_MEMBER,
    "not-member": _T_STAFF_NOT_MEMBER,
    "confirmed-candidate": _T_STAFF_CONFIRMED,
}
T_VALID_UNTIL = QT_TRANSLATE_NOOP("MembershipVerdict", "valid until {date}")
T_EXPIRED_ON = QT_TRANSLATE_NOOP("MembershipVerdict", "expired on {date}")
T_VALID_FROM = QT_TRANSLATE_NOOP("MembershipVerdict", "valid from {date}")
T_NO_END = QT_TRANSLATE_NOOP("MembershipVerdict", "no end date")


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

    @classmethod
    def typed(
        cls,
        *,
        name: str | None = None,
        email: str | None = None,
        organization: str | None = None,
        member_number: str | None = None,
    ) -> PersonQuery:
        """A person as typed anywhere (a form, a file, a command): blanks are absent and
        spaces are folded, so every caller asks the same question."""

        def clean(text: str | None) -> str | None:
            folded = " ".join((text or "").split())
            return folded or None

        return cls(
            name=clean(name),
            email=clean(email),
            organization=clean(organization),
            member_number=clean(member_number),
        )

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
