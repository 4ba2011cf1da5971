"""Exhibitors' lead-station accounts, made by a supervisor in the staff dialog (the command
line's ``passerelle leads account`` makes the same): an account bound to one exhibitor the
event files declare, with the PIN rules of every account."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Event, Exhibitor
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid
from desktop_app.services.admin.staff import EXHIBITOR, StaffMember, create_staff


@dataclass(frozen=True)
class ExhibitorChoice:
    """An exhibitor an account can be made for: its code and the name its event gives it."""

    code: str
    name: str


def exhibitor_choices(sessions: sessionmaker[Session]) -> tuple[ExhibitorChoice, ...]:
    """Every exhibitor code the events declare, by name; a code declared by several events
    appears once, with the name of the latest event (an account is bound to the code)."""
    with sessions() as session:
        rows = session.execute(
            select(Exhibitor.code, Exhibitor.name)
            .join(Event, Event.id == Exhibitor.event_id)
            # Latest event first, so its name is the one kept for a code seen again.
            .order_by(Event.starts_at.desc(), Event.id.desc())
        ).all()
    named: dict[str, str] = {}
    for code, name in rows:
        named.setdefault(code, name)
    return tuple(
        sorted(
            (ExhibitorChoice(code, name) for code, name in named.items()),
            key=lambda choice: (choice.name.casefold(), choice.code),
        )
    )


def create_exhibitor_account(
    sessions: sessionmaker[Session], exhibitor: str, name: str, pin: str, *, by: StaffMember
) -> StaffMember:
    """A lead-station account for ``exhibitor`` (a code an event declares), made by the
    supervisor ``by``; the name and PIN rules are every account's."""
    code = exhibitor.strip()
    with sessions() as session:
        declared = session.scalar(select(Exhibitor.id).where(Exhibitor.code == code).limit(1))
    if declared is None:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "No event declares the exhibitor '{code}': add it to [[exhibitors]] in the"
                " event file first.",
            ),
            code=exhibitor,
        )
    return create_staff(sessions, name, pin, EXHIBITOR, by=by, exhibitor_code=code)
