"""Consent answers read from a registration file (``--map-consent "Question=purpose"``).

Each answer is stored with source ``import``, unless it is the person's latest answer for that
purpose and wording already: importing the same file again records nothing new.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import Consent, ConsentPurpose, Event, Registration
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.importing.column_values import parse_yes_no
from desktop_app.importing.tables import Table, TableRow
from desktop_app.services.privacy.consents import purposes, record_answers

_T_BAD_CONSENT = QT_TRANSLATE_NOOP(
    "AppError", "The event asks no consent '{code}' (its purposes: {purposes})."
)
_T_NO_CONSENT_COLUMN = QT_TRANSLATE_NOOP(
    "AppError", "There is no column “{header}” in the file (its columns: {headers})."
)
_CHUNK = 500


def consent_columns(
    session: Session, event: Event, table: Table, mapping: Mapping[str, str]
) -> dict[str, str]:
    """The consent columns (header as the file writes it -> purpose): each header in the
    file, each purpose the event's; :class:`Invalid` otherwise."""
    if not mapping:
        return {}
    known = {purpose.code for purpose in purposes(session, event.id)}
    found: dict[str, str] = {}
    by_name = {h.strip(): h for h in table.headers}
    for header, code in mapping.items():
        if code.strip() not in known:
            raise Invalid(_T_BAD_CONSENT, code=code, purposes=", ".join(sorted(known)) or "—")
        if header.strip() not in by_name:
            raise Invalid(
                _T_NO_CONSENT_COLUMN,
                header=header,
                headers=", ".join(f"“{h}”" for h in table.headers),
            )
        found[by_name[header.strip()]] = code.strip()
    return found


def consent_answers(row: TableRow, columns: Mapping[str, str]) -> dict[str, bool]:
    """The row's answers for the mapped consent columns (blank: no answer)."""
    answers: dict[str, bool] = {}
    for header, code in columns.items():
        answer = parse_yes_no(row.get(header))
        if answer is not None:
            answers[code] = answer
    return answers


def record_consents(
    session: Session, event: Event, answers: Mapping[str, dict[str, bool]], moment: datetime
) -> int:
    """Store the answers (registration code -> purpose -> yes/no) that differ from each
    person's latest answer to the same wording; how many people got new answers."""
    if not answers:
        return 0
    people = {
        code: person_id
        for code, person_id in session.execute(
            select(Registration.code, Registration.person_id).where(
                Registration.event_id == event.id, Registration.code.in_(list(answers))
            )
        )
    }
    latest = _latest(session, event, list(people.values()))
    recorded = 0
    for code, given in answers.items():
        person_id = people.get(code)
        if person_id is None:
            continue
        new = {p: g for p, g in given.items() if latest.get((person_id, p)) != g}
        if new:
            record_answers(
                session, person_id, event.id, new, source="import", desk=None, staff=None, at=moment
            )
            recorded += 1
    return recorded


def _latest(session: Session, event: Event, people: list[int]) -> dict[tuple[int, str], bool]:
    """(person, purpose) -> the latest answer given to the purpose's current wording."""
    versions: dict[str, str] = {
        code: version
        for code, version in session.execute(
            select(ConsentPurpose.code, ConsentPurpose.version).where(
                ConsentPurpose.event_id == event.id
            )
        )
    }
    latest: dict[tuple[int, str], bool] = {}
    for start in range(0, len(people), _CHUNK):
        rows = session.execute(
            select(Consent.person_id, Consent.purpose, Consent.wording_version, Consent.granted)
            .where(
                Consent.person_id.in_(people[start : start + _CHUNK]),
                Consent.purpose.in_(list(versions)),
            )
            .order_by(Consent.recorded_at, Consent.id)
        )
        for person_id, purpose, version, granted in rows:
            if versions.get(purpose) == version:
                latest[(person_id, purpose)] = granted
            else:  # an answer to an older wording: the import's answer is news
                latest.pop((person_id, purpose), None)
    return latest
