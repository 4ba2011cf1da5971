"""Consent, per purpose: express and opt-in.

An event declares its purposes in its file (``[[consents]]``: sharing contact details with the
partner association, photos, the networking list). At the desk each purpose is an unticked box
with its wording; the person's answer is stored with the purpose, the wording's version, the
time, the event, the desk and the staff member, and its source (``desk`` or ``import``). A
withdrawal is a new answer saying no; answers are never deleted (except by a purge). The
latest answer for a purpose counts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import Consent, ConsentPurpose
from desktop_app.services.admin import audit

SOURCES = ("desk", "import")


@dataclass(frozen=True)
class Purpose:
    """A purpose an event asks consent for, as the desk shows it."""

    code: str
    wording_fr: str
    wording_en: str
    version: str
    label_fr: str
    label_en: str
    badge_mark: str | None = None

    def wording(self, language: str) -> str:
        """The wording in ``language``."""
        return self.wording_fr if language == "fr" else self.wording_en

    def label(self, language: str) -> str:
        """The short name in ``language``."""
        return self.label_fr if language == "fr" else self.label_en


@dataclass(frozen=True)
class Answer:
    """A person's latest answer for one purpose."""

    purpose: Purpose
    granted: bool
    at: datetime


def purposes(session: Session, event_id: int) -> tuple[Purpose, ...]:
    """The purposes event ``event_id`` asks consent for, in the file's order."""
    return tuple(
        Purpose(
            p.code,
            p.wording_fr,
            p.wording_en,
            p.version,
            p.label_fr or p.code,
            p.label_en or p.code,
            p.badge_mark,
        )
        for p in session.scalars(
            select(ConsentPurpose)
            .where(ConsentPurpose.event_id == event_id)
            .order_by(ConsentPurpose.position)
        )
    )


def record_answers(
    session: Session,
    person_id: int,
    event_id: int,
    answers: Mapping[str, bool],
    *,
    source: str,
    desk: str | None,
    staff: str | None,
    at: datetime | None = None,
) -> int:
    """Store the answers given for the event's purposes (unknown codes are ignored); one
    row per answer, in the caller's unit of work. Returns how many were stored."""
    if not answers:
        return 0
    known = {purpose.code: purpose for purpose in purposes(session, event_id)}
    at = at or datetime.now(UTC)
    stored = 0
    for code, granted in answers.items():
        purpose = known.get(code)
        if purpose is None:
            continue
        session.add(
            Consent(
                person_id=person_id,
                purpose=code,
                wording_version=purpose.version,
                granted=bool(granted),
                recorded_at=at,
                event_id=event_id,
                source=source,
                desk=desk,
                staff=staff,
            )
        )
        stored += 1
    if stored:
        audit.record(
            session,
            "consent.recorded",
            desk=desk,
            staff=staff,
            subject=f"person:{person_id}",
            detail={
                "answers": {c: bool(g) for c, g in answers.items() if c in known},
                "source": source,
            },
            at=at,
        )
    return stored


def latest_answers(session: Session, person_id: int, event_id: int) -> tuple[Answer, ...]:
    """The person's latest answer for each of the event's purposes they answered."""
    known = {purpose.code: purpose for purpose in purposes(session, event_id)}
    latest: dict[str, Consent] = {}
    for row in session.scalars(
        select(Consent)
        .where(Consent.person_id == person_id, Consent.purpose.in_(list(known)))
        .order_by(Consent.recorded_at, Consent.id)
    ):
        latest[row.purpose] = row
    return tuple(
        Answer(known[code], latest[code].granted, latest[code].recorded_at)
        for code in known
        if code in latest
    )
