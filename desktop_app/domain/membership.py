"""Membership verdict: who holds an active BIOQuébec or LSO membership on an event's date, and why.

A ``MemberDirectory`` indexes the member lists once; ``verdict()`` then answers for one person in
well under a millisecond with exact-key lookups, and a bounded fuzzy search on organization names
only when nothing exact was found. Evidence, in order of strength: a staff decision, the member
number, the personal email on an individual membership, the email's domain belonging to a member
organization, and the organization's name. A doubtful name gives ranked candidates, never a guess.

This module is the public face of three: ``membership_records`` (the values and the evidence
sentences), ``member_directory`` (the index) and ``membership_judgement`` (the verdict itself).
"""

from __future__ import annotations

from desktop_app.domain.member_directory import (
    CANDIDATE_SCORE,
    MAX_CANDIDATES,
    MemberDirectory,
)
from desktop_app.domain.membership_judgement import MATCH_SCORE, TIE_MARGIN, verdict
from desktop_app.domain.membership_records import (
    ASSOCIATION_NAMES,
    ASSOCIATIONS,
    BIOQUEBEC,
    LSO,
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
    DecisionKind,
    Evidence,
    EvidenceKind,
    Holder,
    Marking,
    MembershipRecord,
    MembershipVerdict,
    PersonQuery,
    StaffDecision,
    Status,
)

__all__ = [
    "ASSOCIATIONS",
    "ASSOCIATION_NAMES",
    "BIOQUEBEC",
    "CANDIDATE_SCORE",
    "LSO",
    "MATCH_SCORE",
    "MAX_CANDIDATES",
    "STAFF_SENTENCES",
    "STRENGTH",
    "TIE_MARGIN",
    "T_DOMAIN",
    "T_EMAIL",
    "T_EXPIRED_ON",
    "T_FUZZY",
    "T_NAME",
    "T_NO_END",
    "T_NUMBER",
    "T_NUMBER_CONTRADICTS",
    "T_STAFF",
    "T_VALID_FROM",
    "T_VALID_UNTIL",
    "UNLINKED_DECISION_VALIDITY",
    "AssociationStatus",
    "Candidate",
    "DecisionKind",
    "Evidence",
    "EvidenceKind",
    "Holder",
    "Marking",
    "MemberDirectory",
    "MembershipRecord",
    "MembershipVerdict",
    "PersonQuery",
    "StaffDecision",
    "Status",
    "verdict",
]
