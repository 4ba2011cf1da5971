"""Search as you type at the desk: registrations by name, organization, email or code.

The database's own index finds candidates (FTS5 on SQLite, a btree-indexed table of
``unaccent``-ed words on PostgreSQL, kept current by triggers: see
``desktop_app.db.search_index``); a small Python ranking (``search_rank``) then orders them
identically on both back ends. Accents, case and word order do not matter; words match by
their beginning; from four letters on, a small typo is forgiven when the words as typed find
nothing (corrected against the index's vocabulary on both back ends). An exact
registration code comes first, then the exact email typed, then active registrations best
first, then cancelled ones; equal scores are in alphabetical order (last name, first name), so
the list does not jump between keystrokes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from desktop_app.db.models import CheckIn, Event, Person, PriceCategory, Registration
from desktop_app.domain.accounts import RegistrationStatus, balance_owed
from desktop_app.domain.codes import code_forms
from desktop_app.services.admin.events import get_event
from desktop_app.services.desk.search import backend as search_backend
from desktop_app.services.desk.search.backend import Candidate
from desktop_app.services.desk.search.rank import Query, score, sort_key

MIN_CANDIDATES = 100
"""Rows the index hands over for ranking (at least; twice the limit when larger)."""


@dataclass(frozen=True)
class SearchHit:
    """One registration in the desk's result list."""

    registration_id: int
    code: str
    first_name: str
    last_name: str
    organization: str | None
    email: str | None
    category_code: str
    category_name_fr: str
    category_name_en: str
    status: str  # "active" | "cancelled"
    checked_in: bool
    checked_in_at: datetime | None
    marking: str | None  # "bioquebec" | "lso" | "both" | "guest", from the stored verdict
    membership_flag: str | None
    balance_due: Decimal  # max(amount_due - amount_paid, 0)
    exact_code: bool  # the query was this registration's code
    score: float = 0.0  # how well it answered (search_rank.score); 0 for a code lookup

    def to_json(self) -> dict[str, object]:
        """The JSON shape of ``passerelle search --json`` (amounts as strings)."""
        return {
            "registration_id": self.registration_id,
            "code": self.code,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "organization": self.organization,
            "email": self.email,
            "category": self.category_code,
            "category_name_fr": self.category_name_fr,
            "category_name_en": self.category_name_en,
            "status": self.status,
            "checked_in": self.checked_in,
            "checked_in_at": self.checked_in_at.isoformat() if self.checked_in_at else None,
            "marking": self.marking,
            "membership_flag": self.membership_flag,
            "balance_due": str(self.balance_due),
            "exact_code": self.exact_code,
        }


def _latest_entrance_check_in() -> Any:
    """The id of a registration's latest active entrance check-in (one a day at a
    multi-day event; a session's door is not the entrance)."""
    earlier = aliased(CheckIn)
    return (
        select(func.max(earlier.id))
        .where(
            earlier.registration_id == Registration.id,
            earlier.undone_at.is_(None),
            earlier.session_id.is_(None),
        )
        .correlate(Registration)
        .scalar_subquery()
    )


def search_registrations(
    sessions: sessionmaker[Session], slug: str, query: str, limit: int = 50
) -> list[SearchHit]:
    """Registrations of the event ``slug`` that answer ``query``, best first (at most ``limit``).

    An exact registration code comes first; then active registrations, then cancelled ones,
    each best first and alphabetical among equals. An empty query gives an empty list.
    Raises ``NotFound`` for an unknown event.
    """
    parsed = Query.parse(query)
    if not parsed.text or limit <= 0:
        return []
    cap = max(MIN_CANDIDATES, 2 * limit)
    with sessions.begin() as session:
        event_id, exact = _event_and_code(session, slug, parsed.text)
        index = search_backend.for_session(session)
        ranked = _rank(parsed, index.word_candidates(session, event_id, parsed, cap), typos=False)
        if not ranked and parsed.typo_words:
            ranked = _rank(
                parsed, index.typo_candidates(session, event_id, parsed, cap), typos=True
            )
        scores = {c.registration_id: c.score for c in ranked}
        ids = [c.registration_id for c in ranked if c.registration_id != exact]
        if exact is not None:
            ids.insert(0, exact)
        ids = ids[:limit]
        # The candidates came with their details; only an exact code the words did not find
        # needs reading.
        dialect = session.get_bind().dialect
        shown = set(ids)
        rows = {
            c.registration_id: search_backend.typed_details(c.details, dialect)
            for c in ranked
            if c.registration_id in shown
        }
        if exact is not None and exact not in rows:
            rows.update(_details(session, [exact]))
    return [_hit(rows[i], scores.get(i, 0.0), i == exact) for i in ids if i in rows]


def find_by_code(sessions: sessionmaker[Session], slug: str, code: str) -> SearchHit | None:
    """The registration of event ``slug`` with exactly this code (as a scanner reads it)."""
    with sessions.begin() as session:
        found = _event_and_code(session, slug, code)[1]
        rows = _details(session, [found]) if found is not None else {}
    return _hit(rows[found], 0.0, True) if found in rows else None


def _rank(query: Query, candidates: Iterable[Candidate], *, typos: bool) -> list[Candidate]:
    """Candidates that answer every typed word, in display order."""
    answering = []
    for candidate in candidates:
        value = score(query, candidate.fields, typos=typos)
        if value > 0:
            answering.append(candidate.scored(value))
    answering.sort(
        key=lambda c: (
            c.status != RegistrationStatus.ACTIVE,
            -round(c.score, 6),
            sort_key(c.fields),
            c.registration_id,
        )
    )
    return answering


_EVENT_AND_CODE = select(
    Event.id,
    select(Registration.id)
    .where(Registration.event_id == Event.id, Registration.code == bindparam("code"))
    .scalar_subquery(),
).where(Event.slug == bindparam("slug"))
"""Built once: building it cost every keystroke more than running it."""


def _event_and_code(session: Session, slug: str, typed: str) -> tuple[int, int | None]:
    """The event's id and the registration of that event whose code was typed, if any.

    One query (the unique index on codes): every keystroke runs it.
    """
    code = _stored_code(session, slug, typed)
    # Core, not the ORM's execute: columns only, and every keystroke pays the difference.
    row = session.connection().execute(_EVENT_AND_CODE, {"slug": slug, "code": code}).first()
    if row is None:
        return get_event(session, slug).id, None  # NotFound
    return row[0], row[1] if code else None


def _stored_code(session: Session, slug: str, typed: str) -> str:
    """The first of the forms a typed code may be stored in that this event has, else the last.

    Only text with no lower-case letter has a second form to try (a pretix secret typed
    with Caps Lock on), so a name typed as usual still costs one query.
    """
    forms = code_forms(typed)
    for form in forms[:-1]:
        row = session.connection().execute(_EVENT_AND_CODE, {"slug": slug, "code": form}).first()
        if row is not None and row[1] is not None:
            return form
    return forms[-1] if forms else ""


def _details(session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """Everything a hit shows, for these registrations."""
    if not ids:
        return {}
    statement = (
        select(
            Registration.id,
            Registration.code,
            Person.first_name,
            Person.last_name,
            Person.organization_name,
            Person.email,
            PriceCategory.code,
            PriceCategory.name_fr,
            PriceCategory.name_en,
            Registration.status,
            CheckIn.checked_in_at,
            Registration.verdict,
            Registration.membership_flag,
            Registration.amount_due,
            Registration.amount_paid,
        )
        .join(Person, Person.id == Registration.person_id)
        .join(PriceCategory, PriceCategory.id == Registration.category_id)
        .outerjoin(CheckIn, CheckIn.id == _latest_entrance_check_in())
        .where(Registration.id.in_(list(ids)))
    )
    return {row[0]: tuple(row) for row in session.connection().execute(statement)}


def _hit(row: tuple[Any, ...], hit_score: float, exact: bool) -> SearchHit:
    (reg_id, code, first, last, org, email, cat_code, cat_fr, cat_en, status) = row[:10]
    checked_in_at, verdict, flag, due, paid = row[10:]
    return SearchHit(
        registration_id=reg_id,
        code=code,
        first_name=first,
        last_name=last,
        organization=org,
        email=email,
        category_code=cat_code,
        category_name_fr=cat_fr,
        category_name_en=cat_en,
        status=status,
        checked_in=checked_in_at is not None,
        checked_in_at=checked_in_at,
        marking=_marking(verdict),
        membership_flag=flag,
        balance_due=balance_owed(due, paid),
        exact_code=exact,
        score=hit_score,
    )


def _marking(verdict: dict[str, Any] | str | None) -> str | None:
    """The marking, from the whole verdict or (from the candidates' query) already read."""
    if not verdict:
        return None
    marking = verdict.get("marking") if isinstance(verdict, dict) else verdict
    return str(marking) if marking else None


__all__ = ["SearchHit", "find_by_code", "search_registrations"]
