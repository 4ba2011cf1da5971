"""Badge batches: which registrations get a badge, the PDF, and the print log.

A badge counts as printed only once its PDF was written or its print job succeeded, so
:func:`render_batch` changes nothing in the database; the caller writes the file (or
prints) and only then calls :func:`record_printed`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from desktop_app.db.models import BadgePrint, Consent, Registration
from desktop_app.documents.badge import (
    MARKINGS,
    ROLES,
    BadgeData,
    Language,
    Marking,
    Role,
    render_badges,
)
from desktop_app.documents.stocks import load_stock
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desktop_app.domain.names import fold
from desktop_app.domain.taxes import badge_language
from desktop_app.services.admin.audit import record
from desktop_app.services.admin.events import get_event
from desktop_app.services.desk.badge_entitlements import Entitlements, entitlements
from desktop_app.services.privacy.consents import purposes

SortOrder = Literal["name", "organization"]
SORT_ORDERS: tuple[SortOrder, ...] = ("name", "organization")


@dataclass(frozen=True)
class BatchResult:
    """A rendered batch: ``pdf`` is None when no registration needed a badge."""

    pdf: bytes | None
    count: int
    pages: int
    warnings: tuple[str, ...]
    codes: tuple[str, ...]
    incomplete: Mapping[str, str] = field(default_factory=dict)  # code: characters no font has

    @property
    def complete_codes(self) -> tuple[str, ...]:
        """The badges that print whole (those counted as printed without asking)."""
        return tuple(code for code in self.codes if code not in self.incomplete)


def consent_marks(session: Session, event_id: int, person_ids: Sequence[int]) -> dict[int, str]:
    """The badge marks of the event's purposes that have one (``badge_mark``: "no photos"),
    for each person whose latest answer is not a yes (consent is opt-in: no answer is no)."""
    marked = [p for p in purposes(session, event_id) if p.badge_mark]
    if not marked or not person_ids:
        return {}
    latest: dict[tuple[int, str], bool] = {}
    for person_id, code, granted in session.execute(
        select(Consent.person_id, Consent.purpose, Consent.granted)
        .where(
            Consent.person_id.in_(list(person_ids)),
            Consent.purpose.in_([p.code for p in marked]),
        )
        .order_by(Consent.recorded_at, Consent.id)
    ):
        latest[(person_id, code)] = bool(granted)
    marks: dict[int, str] = {}
    for person_id in person_ids:
        shown = [str(p.badge_mark) for p in marked if not latest.get((person_id, p.code), False)]
        if shown:
            marks[person_id] = " · ".join(shown)
    return marks


def badge_data(
    registration: Registration, mark: str | None = None, held: Entitlements | None = None
) -> BadgeData:
    """What the badge of ``registration`` shows (``mark``: a consent not given; ``held``:
    the event's entitlements, for the chips of the sessions and days)."""
    person = registration.person
    event = registration.event
    language = registration.preferred_language or person.preferred_language
    if language not in ("fr", "en"):
        language = badge_language(event.province)
    verdict = registration.verdict or {}
    marking = verdict.get("marking") if isinstance(verdict, dict) else None
    if marking not in MARKINGS:
        marking = "guest"
    role = registration.role or registration.category.role
    if role not in ROLES:
        role = None
    return BadgeData(
        code=registration.code,
        first_name=person.first_name,
        last_name=person.last_name,
        organization=person.organization_name,
        marking=cast(Marking, marking),
        role=cast(Role | None, role),
        event_name_fr=event.name_fr,
        event_name_en=event.name_en,
        language=cast(Language, language),
        mark=mark,
        chips=held.chips(registration, language) if held is not None else (),
        chip_row=held.chip_row if held is not None else False,
    )


def _sort_key(order: SortOrder) -> Callable[[Registration], tuple[str, ...]]:
    # Alphabetical as a reader files them: accents and case ignored ("Étienne" with the E's,
    # "Dépatie" before "Dubois"); the exact spelling only breaks ties.
    def by_name(r: Registration) -> tuple[str, ...]:
        p = r.person
        last, first = p.last_name, p.first_name
        return (fold(last), fold(first), last.casefold(), first.casefold(), r.code)

    def by_organization(r: Registration) -> tuple[str, ...]:
        organization = fold(r.person.organization_name or "")
        # People without an organization come last.
        return (("1" if not organization else "0") + organization, *by_name(r))

    return by_name if order == "name" else by_organization


def _printed_ids(session: Session, ids: Sequence[int]) -> set[int]:
    if not ids:
        return set()
    rows = session.scalars(
        select(BadgePrint.registration_id).where(BadgePrint.registration_id.in_(ids))
    )
    return set(rows)


def render_batch(
    sessions: sessionmaker[Session],
    slug: str,
    stock_name: str,
    *,
    only_unprinted: bool = False,
    codes: Sequence[str] | None = None,
    start_cell: int = 1,
    sort: SortOrder = "name",
) -> BatchResult:
    """Badges of the event's active registrations (or of ``codes``) as one PDF on a stock.

    Raises :class:`NotFound` for an unknown event or stock, or for codes that are not active
    registrations of the event (all of them named). Writes nothing to the database.
    """
    stock = load_stock(stock_name)
    with sessions() as session:
        event = get_event(session, slug)
        query = (
            select(Registration)
            .where(
                Registration.event_id == event.id, Registration.status == RegistrationStatus.ACTIVE
            )
            .options(
                selectinload(Registration.person),
                selectinload(Registration.category),
                selectinload(Registration.event),
            )
        )
        if codes is not None:
            wanted = list(dict.fromkeys(code.strip() for code in codes if code.strip()))
            query = query.where(Registration.code.in_(wanted))
        registrations = list(session.scalars(query))
        if codes is not None:
            found = {r.code for r in registrations}
            unknown = [code for code in wanted if code not in found]
            if unknown:
                raise NotFound(
                    QT_TRANSLATE_NOOP(
                        "AppError",
                        "No active registration of {slug} has the code(s): {codes}.",
                    ),
                    slug=slug,
                    codes=", ".join(unknown),
                )
        if only_unprinted:
            printed = _printed_ids(session, [r.id for r in registrations])
            registrations = [r for r in registrations if r.id not in printed]
        registrations.sort(key=_sort_key(sort))
        marks = consent_marks(session, event.id, [r.person_id for r in registrations])
        held = entitlements(session, event.id, [r.id for r in registrations])
        badges = [badge_data(r, marks.get(r.person_id), held) for r in registrations]
    if not badges:
        return BatchResult(None, 0, 0, (), ())
    rendered = render_badges(badges, stock, start_cell)
    return BatchResult(
        rendered.pdf,
        len(badges),
        rendered.pages,
        rendered.warnings,
        tuple(badge.code for badge in badges),
        dict(rendered.incomplete),
    )


def record_printed(
    sessions: sessionmaker[Session],
    codes: Sequence[str],
    *,
    desk: str,
    staff: str,
    stock: str,
    destination: str,
) -> int:
    """Log the badges of ``codes`` as printed to ``destination``; call only after success.

    One :class:`BadgePrint` per registration and one audit entry, in one transaction.
    Returns how many badges were logged.
    """
    if not codes:
        return 0
    now = datetime.now(UTC)
    with sessions.begin() as session:
        rows = session.execute(
            select(Registration.id, Registration.code).where(Registration.code.in_(list(codes)))
        ).all()
        ids = {code: registration_id for registration_id, code in rows}
        unknown = [code for code in codes if code not in ids]
        if unknown:
            raise NotFound(
                QT_TRANSLATE_NOOP("AppError", "No registration has the code(s): {codes}."),
                codes=", ".join(unknown),
            )
        for code in codes:
            session.add(
                BadgePrint(
                    registration_id=ids[code],
                    printed_at=now,
                    desk=desk,
                    staff=staff,
                    stock=stock,
                    destination=destination,
                )
            )
        record(
            session,
            "badges.printed",
            desk=desk,
            staff=staff,
            subject=f"{len(codes)} badges",
            detail={"count": len(codes), "stock": stock, "destination": destination},
            at=now,
        )
    return len(codes)
