"""Reading a stored verdict back: the evidence, expiries and candidates a registration keeps
(``Registration.verdict``, written by ``MembershipVerdict.to_json``) as translatable lines.

The one presentation of a verdict, for the card and the walk-in form alike; pure (no
database), so it lives in the domain.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from desktop_app.domain import membership as vocabulary
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Message
from desktop_app.domain.membership import ASSOCIATION_NAMES
from desktop_app.domain.membership_records import ASSOCIATIONS, BIOQUEBEC, LSO

_CTX = "MembershipVerdict"
_T_WITH_VALIDITY = QT_TRANSLATE_NOOP("MembershipVerdict", "{evidence}, {validity}")
_T_LINE = QT_TRANSLATE_NOOP("MembershipVerdict", "{association} — {evidence}")
_T_EXPIRED = QT_TRANSLATE_NOOP("MembershipVerdict", "membership expired on {date}")
_T_CANDIDATE = QT_TRANSLATE_NOOP(
    "MembershipVerdict", "possibly '{name}' ({likeness}): staff must confirm"
)
# How close a candidate's name is, in words a volunteer reads (not a score out of 100).
_T_SAME_NAME = QT_TRANSLATE_NOOP("MembershipVerdict", "same name")
_T_CLOSE_MATCH = QT_TRANSLATE_NOOP("MembershipVerdict", "close match")
_T_POSSIBLE_MATCH = QT_TRANSLATE_NOOP("MembershipVerdict", "possible match")
_T_AS_STORED = "{detail}"  # evidence in a shape this version does not know: shown as stored

# Which sentences each kind of evidence may have been written with (most specific first).
_TEMPLATES: Mapping[str, tuple[str, ...]] = {
    "member-number": (vocabulary.T_NUMBER_CONTRADICTS, vocabulary.T_NUMBER),
    "personal-email": (vocabulary.T_EMAIL,),
    "email-domain": (vocabulary.T_DOMAIN,),
    "organization-name": (vocabulary.T_FUZZY, vocabulary.T_NAME),
    "staff-decision": (*vocabulary.STAFF_SENTENCES.values(), vocabulary.T_STAFF),
}
_VALIDITY = (
    r"(?:, (?:valid until (?P<v_until>\d{4}-\d{2}-\d{2})"
    r"|valid from (?P<v_from>\d{4}-\d{2}-\d{2})|(?P<v_none>no end date)"
    r"|expired on (?P<v_expired>\d{4}-\d{2}-\d{2})))?"
)


@dataclass(frozen=True)
class EvidenceLine:
    """One reason for (or against) a membership, as a translatable sentence.

    ``association`` is "bioquebec" or "lso"; ``kind`` is the evidence kind of
    ``domain.membership`` ("member-number", "email-domain", ...) or "expired" / "candidate".
    ``text`` does not name the association; ``line()`` does ("LSO — member no. 1234, ...").
    """

    association: str
    kind: str
    text: Message

    def line(self) -> Message:
        """The sentence prefixed with the association's name."""
        return Message(
            _T_LINE,
            association=ASSOCIATION_NAMES.get(self.association, self.association),
            evidence=self.text,
        )


@dataclass(frozen=True)
class CandidateLine:
    """A membership the verdict could not decide on: staff confirm or reject it.

    Ranked best first within an association; ``score`` is the name match (0-100).
    """

    association: str
    membership_id: int
    organization_name: str | None
    person_name: str | None
    score: int
    # What tells namesakes apart (read from the membership itself, when it still exists).
    member_number: str | None = None
    email: str | None = None
    organization: str | None = None  # the member organization, or an individual's employer
    valid_until: date | None = None

    @property
    def likeness(self) -> Message:
        """How close the name is, in words."""
        return likeness(self.score)

    @property
    def label(self) -> str:
        """The organization's name, else the member's."""
        return self.organization_name or self.person_name or ""


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>.*?)"
        for index, part in enumerate(parts)
    )
    return re.compile(f"^{regex}{_VALIDITY}$", re.DOTALL)


def _validity(match: re.Match[str]) -> Message | None:
    if match.group("v_until"):
        return Message(vocabulary.T_VALID_UNTIL, date=match.group("v_until"))
    if match.group("v_from"):
        return Message(vocabulary.T_VALID_FROM, date=match.group("v_from"))
    if match.group("v_none"):
        return Message(vocabulary.T_NO_END)
    if match.group("v_expired"):
        return Message(vocabulary.T_EXPIRED_ON, date=match.group("v_expired"))
    return None


def evidence_message(item: Mapping[str, Any]) -> Message:
    """The translatable sentence for one stored evidence item (``_evidence_json`` shape).

    A stored ``template`` with ``params`` is used as is; otherwise the English ``detail`` is
    read back against the sentences of ``domain.membership`` for its kind. Unknown text is
    shown as stored.
    """
    detail = str(item.get("detail") or "")
    template = item.get("template")
    params = item.get("params")
    if isinstance(template, str) and template and isinstance(params, Mapping):
        sentence = Message(template, **{str(k): v for k, v in params.items()})
        suffix = detail[len(sentence.render()) :].removeprefix(", ")
        match = _pattern("").match(", " + suffix if suffix else "")
        validity = _validity(match) if match else None
    else:
        for candidate in _TEMPLATES.get(str(item.get("kind")), ()):
            match = _pattern(candidate).match(detail)
            if match:
                values = {
                    key: value
                    for key, value in match.groupdict().items()
                    if not key.startswith("v_")
                }
                sentence = Message(candidate, **values)
                validity = _validity(match)
                break
        else:
            return Message(_T_AS_STORED, detail=detail)
    if validity is None:
        return sentence
    return Message(_T_WITH_VALIDITY, evidence=sentence, validity=validity)


def evidence_lines(stored: Mapping[str, Any] | None) -> tuple[EvidenceLine, ...]:
    """Evidence, expiries and candidates of a stored verdict, strongest evidence first.

    The one presentation of a verdict, for the card and the walk-in form alike. An evidence
    line proves a membership only where the verdict found the association *active*;
    elsewhere it found a membership that had ended by the event (or had not begun): that
    line is of kind "expired" and says so, never "valid until".
    """
    if not stored:
        return ()
    statuses = stored.get("status") or {}
    lines: list[EvidenceLine] = []
    lapsed: set[str] = set()
    for item in stored.get("evidence") or ():
        association = str(item.get("association"))
        status = statuses.get(association) or {}
        message = evidence_message(item)
        if status.get("status") not in (None, "active") and item.get("kind") != "staff-decision":
            lapsed.add(association)
            lines.append(EvidenceLine(association, "expired", _as_lapsed(message, item)))
        else:
            lines.append(EvidenceLine(association, str(item.get("kind")), message))
    for association in sorted(statuses):
        status = statuses[association] or {}
        expired_on = status.get("expired_on")
        if status.get("status") == "expired" and expired_on and association not in lapsed:
            lines.append(EvidenceLine(association, "expired", Message(_T_EXPIRED, date=expired_on)))
        if status.get("status") == "ambiguous":
            seen: set[str] = set()
            for c in status.get("candidates") or ():
                name = c.get("organization_name") or c.get("person_name") or ""
                if name in seen:  # namesakes: one line; F7 tells them apart
                    continue
                seen.add(name)
                lines.append(
                    EvidenceLine(
                        association,
                        "candidate",
                        Message(_T_CANDIDATE, name=name, likeness=likeness(c.get("score"))),
                    )
                )
    return tuple(lines)


def likeness(score: object) -> Message:
    """How close a candidate's name is, in words: same name, close or possible match."""
    value = score if isinstance(score, int | float) else 0
    if value >= 95:
        return Message(_T_SAME_NAME)
    if value >= 85:
        return Message(_T_CLOSE_MATCH)
    return Message(_T_POSSIBLE_MATCH)


def _as_lapsed(message: Message, item: Mapping[str, Any]) -> Message:
    """``message`` for a membership no longer valid: its "valid until" (written by older
    versions before the event's date had passed it) reads "expired on"."""
    validity = message.params.get("validity") if message.template == _T_WITH_VALIDITY else None
    until = item.get("valid_until")
    if isinstance(validity, Message) and validity.template == vocabulary.T_VALID_UNTIL and until:
        return Message(
            _T_WITH_VALIDITY,
            evidence=message.params["evidence"],
            validity=Message(vocabulary.T_EXPIRED_ON, date=until),
        )
    return message


def candidate_lines(stored: Mapping[str, Any] | None) -> tuple[CandidateLine, ...]:
    """The ranked candidates of a stored verdict's undecided ("ambiguous") associations."""
    if not stored:
        return ()
    lines = []
    statuses = stored.get("status") or {}
    for association in sorted(statuses):
        status = statuses[association] or {}
        if status.get("status") != "ambiguous":
            continue
        seen: set[int] = set()
        for c in status.get("candidates") or ():
            if c.get("membership_id") is None or int(c["membership_id"]) in seen:
                continue
            seen.add(int(c["membership_id"]))
            lines.append(
                CandidateLine(
                    association=association,
                    membership_id=int(c["membership_id"]),
                    organization_name=c.get("organization_name") or None,
                    person_name=c.get("person_name") or None,
                    score=round(float(c.get("score") or 0)),
                )
            )
    return tuple(lines)


__all__ = [
    "CandidateLine",
    "EvidenceLine",
    "candidate_lines",
    "evidence_lines",
    "evidence_message",
    "likeness",
]


ENTITLED_BOTH = "both"
ENTITLED_NONE = "none"
ENTITLEMENTS: tuple[str, ...] = (BIOQUEBEC, LSO, ENTITLED_BOTH, ENTITLED_NONE)
"""Which membership entitles a registration to the member rate, as reports count it."""


def entitlement_of(verdict: Mapping[str, Any] | None) -> str:
    """``bioquebec``, ``lso``, ``both`` or ``none``: the associations of a stored verdict.

    The verdict kept on a registration already folds in staff decisions (a confirmed match
    counts, a rejected one does not); a registration never assessed counts as ``none``.
    """
    held = {str(code) for code in (verdict or {}).get("associations") or () if code in ASSOCIATIONS}
    if len(held) > 1:
        return ENTITLED_BOTH
    if held:
        return held.pop()
    return ENTITLED_NONE
