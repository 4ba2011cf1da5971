"""The register of confidentiality incidents (Québec's Regulation respecting confidentiality
incidents, s. 11; PIPEDA's breach records).

Each incident records what the regulation lists: a description of the personal information
concerned, the circumstances, the date or period of the incident, the date the organization
learned of it, the number of people concerned (or an estimate), the assessment of the risk of
serious injury (and whether it is serious), the dates the Commission d'accès à l'information
and the people concerned were notified, and the measures taken. An incident is numbered,
never deleted, and amended only by a new version (who, when, why): the register shows its
whole history. Kept at least five years (PIPEDA asks for 24 months).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import PrivacyIncident, PrivacyIncidentVersion
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound
from desktop_app.services.admin import audit

_T_NEEDS = {
    "description": QT_TRANSLATE_NOOP(
        "AppError", "An incident needs a description of the information concerned."
    ),
    "circumstances": QT_TRANSLATE_NOOP("AppError", "An incident needs its circumstances."),
    "risk": QT_TRANSLATE_NOOP(
        "AppError", "An incident needs the assessment of the risk of serious injury."
    ),
}
_T_ORDER = QT_TRANSLATE_NOOP(
    "AppError", "The incident cannot end ({end}) before it began ({start})."
)
_T_PEOPLE = QT_TRANSLATE_NOOP("AppError", "The number of people concerned cannot be negative.")
_T_NO_INCIDENT = QT_TRANSLATE_NOOP("AppError", "There is no incident number {number}.")
_T_NO_REASON = QT_TRANSLATE_NOOP("AppError", "An amendment needs its reason.")
_T_UNKNOWN = QT_TRANSLATE_NOOP("AppError", "An incident has no field '{field}'.")

DATE_FIELDS = ("period_start", "period_end", "learned_on", "cai_notified_on", "people_notified_on")


@dataclass(frozen=True)
class IncidentFields:
    """What the register holds for one incident."""

    description: str  # the personal information concerned
    circumstances: str
    period_start: date
    learned_on: date
    risk: str  # the assessment of the risk of serious injury
    serious_risk: bool = False
    period_end: date | None = None
    people_count: int | None = None  # None: not known yet
    cai_notified_on: date | None = None  # the Commission d'accès à l'information
    people_notified_on: date | None = None
    measures: str = ""

    def checked(self) -> IncidentFields:
        """The fields, tidied, or ``Invalid`` naming what is missing or wrong."""
        tidy = replace(
            self,
            description=" ".join(self.description.split()),
            circumstances=self.circumstances.strip(),
            risk=self.risk.strip(),
            measures=self.measures.strip(),
        )
        for name, message in _T_NEEDS.items():
            if not getattr(tidy, name):
                raise Invalid(message)
        if tidy.period_end is not None and tidy.period_end < tidy.period_start:
            raise Invalid(_T_ORDER, start=str(tidy.period_start), end=str(tidy.period_end))
        if tidy.people_count is not None and tidy.people_count < 0:
            raise Invalid(_T_PEOPLE)
        return tidy

    def to_json(self) -> dict[str, Any]:
        """Plain values (dates as ISO strings)."""
        values = asdict(self)
        for name in DATE_FIELDS:
            if values[name] is not None:
                values[name] = values[name].isoformat()
        return values

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> IncidentFields:
        """Read back what ``to_json`` wrote."""
        data = dict(values)
        for name in DATE_FIELDS:
            if data.get(name):
                data[name] = date.fromisoformat(data[name])
        return cls(**data)


@dataclass(frozen=True)
class IncidentVersion:
    """One state of an incident with who wrote it, when, and why (amendments)."""

    version: int
    at: datetime
    by: str
    reason: str | None
    fields: IncidentFields


@dataclass(frozen=True)
class Incident:
    """A registered incident: its current fields and its whole history."""

    number: int
    recorded_at: datetime
    recorded_by: str
    history: tuple[IncidentVersion, ...]

    @property
    def current(self) -> IncidentFields:
        """The latest version's fields."""
        return self.history[-1].fields

    def to_json(self) -> dict[str, Any]:
        """For ``passerelle privacy incident list --json``."""
        return {
            "number": self.number,
            "recorded_at": self.recorded_at.isoformat(),
            "recorded_by": self.recorded_by,
            **self.current.to_json(),
            "history": [
                {
                    "version": v.version,
                    "at": v.at.isoformat(),
                    "by": v.by,
                    "reason": v.reason,
                    "fields": v.fields.to_json(),
                }
                for v in self.history
            ],
        }


def record_incident(
    sessions: sessionmaker[Session], fields: IncidentFields, *, staff: str
) -> Incident:
    """Add an incident to the register (audited, without its content)."""
    fields = fields.checked()
    now = datetime.now(UTC)
    with sessions.begin() as session:
        number = int(session.scalar(select(func.max(PrivacyIncident.number))) or 0) + 1
        row = PrivacyIncident(number=number, recorded_at=now, recorded_by=staff)
        session.add(row)
        session.flush()
        session.add(
            PrivacyIncidentVersion(
                incident_id=row.id,
                version=1,
                at=now,
                by=staff,
                reason=None,
                fields=fields.to_json(),
            )
        )
        audit.record(
            session, "privacy.incident_recorded", staff=staff, subject=f"incident:{number}"
        )
        session.flush()
        return _load(session, row)


def amend_incident(
    sessions: sessionmaker[Session],
    number: int,
    changes: dict[str, Any],
    *,
    reason: str,
    staff: str,
) -> Incident:
    """A new version of incident ``number`` with ``changes``; the earlier ones stay."""
    reason = " ".join(reason.split())
    if not reason:
        raise Invalid(_T_NO_REASON)
    known = set(IncidentFields.__dataclass_fields__)
    for name in changes:
        if name not in known:
            raise Invalid(_T_UNKNOWN, field=name)
    now = datetime.now(UTC)
    with sessions.begin() as session:
        row = _get(session, number)
        incident = _load(session, row)
        fields = replace(incident.current, **changes).checked()
        session.add(
            PrivacyIncidentVersion(
                incident_id=row.id,
                version=len(incident.history) + 1,
                at=now,
                by=staff,
                reason=reason,
                fields=fields.to_json(),
            )
        )
        audit.record(
            session,
            "privacy.incident_amended",
            staff=staff,
            subject=f"incident:{number}",
            detail={"fields": sorted(changes), "reason": reason},
        )
        session.flush()
        return _load(session, row)


def list_incidents(sessions: sessionmaker[Session]) -> list[Incident]:
    """Every incident, oldest first, with its history."""
    with sessions() as session:
        rows = session.scalars(select(PrivacyIncident).order_by(PrivacyIncident.number))
        return [_load(session, row) for row in rows]


def _get(session: Session, number: int) -> PrivacyIncident:
    row = session.scalars(select(PrivacyIncident).where(PrivacyIncident.number == number)).first()
    if row is None:
        raise NotFound(_T_NO_INCIDENT, number=number)
    return row


def _load(session: Session, row: PrivacyIncident) -> Incident:
    versions = session.scalars(
        select(PrivacyIncidentVersion)
        .where(PrivacyIncidentVersion.incident_id == row.id)
        .order_by(PrivacyIncidentVersion.version)
    ).all()
    return Incident(
        number=row.number,
        recorded_at=row.recorded_at,
        recorded_by=row.recorded_by,
        history=tuple(
            IncidentVersion(v.version, v.at, v.by, v.reason, IncidentFields.from_json(v.fields))
            for v in versions
        ),
    )
