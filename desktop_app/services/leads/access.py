"""Who may work a lead station, and whose networking consent holds (shared by the station,
its export and the networking list)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import Consent, ConsentPurpose, Event, Exhibitor, StaffAccount
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound
from desktop_app.services.admin.staff import EXHIBITOR

NETWORKING = "networking"
"""The consent purpose (``[[consents]] code = "networking"``) a lead and the list need."""


def exhibitor_of(session: Session, event: Event, code: str) -> Exhibitor:
    """The event's exhibitor with this code, or a clear ``NotFound``."""
    exhibitor = session.scalars(
        select(Exhibitor).where(Exhibitor.event_id == event.id, Exhibitor.code == code.strip())
    ).one_or_none()
    if exhibitor is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "AppError",
                "The event {event} has no exhibitor '{code}' (see [[exhibitors]] in its file).",
            ),
            event=event.slug,
            code=code,
        )
    return exhibitor


def require_station(session: Session, staff: str, exhibitor: Exhibitor) -> str:
    """The account name working ``exhibitor``'s station: its own exhibitor account, or a
    supervisor; anyone else (a desk account, another exhibitor) is refused."""
    wanted = " ".join(staff.split()).casefold()
    account = next(
        (a for a in session.scalars(select(StaffAccount)) if a.name.casefold() == wanted), None
    )
    allowed = (
        account is not None
        and account.active
        and (
            account.role == "supervisor"
            or (account.role == EXHIBITOR and account.exhibitor_code == exhibitor.code)
        )
    )
    if account is None or not allowed:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "Only {exhibitor}'s own account (or a supervisor) works its lead station;"
                " '{name}' is not one.",
            ),
            exhibitor=exhibitor.name,
            name=staff,
        )
    return account.name


def require_networking_purpose(session: Session, event: Event) -> None:
    """Refuse when the event does not ask the networking consent: no one could agree."""
    declared = session.scalar(
        select(ConsentPurpose.id).where(
            ConsentPurpose.event_id == event.id, ConsentPurpose.code == NETWORKING
        )
    )
    if declared is None:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "The event {event} does not ask the networking consent ([[consents]] with"
                ' code = "networking"): no lead can be kept and no list made.',
            ),
            event=event.slug,
        )


def consenting(session: Session, person_ids: Iterable[int]) -> set[int]:
    """The people whose latest networking answer is yes (no answer is a no: opt-in)."""
    ids = sorted(set(person_ids))
    latest: dict[int, bool] = {}
    for start in range(0, len(ids), 500):
        for person_id, granted in session.execute(
            select(Consent.person_id, Consent.granted)
            .where(Consent.purpose == NETWORKING, Consent.person_id.in_(ids[start : start + 500]))
            .order_by(Consent.recorded_at, Consent.id)
        ):
            latest[person_id] = bool(granted)
    return {person_id for person_id, granted in latest.items() if granted}
