"""Leads per exhibitor, and the cross-association leads the partnership counts: a member of
one association (LSO, say) scanned at the booth of a member company of the other
(BIOQuébec), either way. A person member of both, or of neither, never crosses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Exhibitor, Lead, Registration
from desktop_app.services.admin.events import get_event


@dataclass(frozen=True)
class ExhibitorLeads:
    """One exhibitor's count of leads, and how many came from the other association."""

    code: str
    name: str
    association: str | None
    leads: int
    cross_association: int

    def to_json(self) -> dict[str, object]:
        """The JSON shape of one row of ``passerelle leads report --json``."""
        return {
            "exhibitor": self.code,
            "name": self.name,
            "association": self.association,
            "leads": self.leads,
            "cross_association_leads": self.cross_association,
        }


def _crossing() -> ColumnElement[bool]:
    return or_(
        and_(Exhibitor.association == "bioquebec", Registration.entitled_by == "lso"),
        and_(Exhibitor.association == "lso", Registration.entitled_by == "bioquebec"),
    )


def leads_by_exhibitor(sessions: sessionmaker[Session], slug: str) -> tuple[ExhibitorLeads, ...]:
    """Every exhibitor of event ``slug`` (those with no lead too), by code."""
    with sessions() as session:
        event = get_event(session, slug)
        counts = {
            exhibitor_id: (int(total), int(crossing or 0))
            for exhibitor_id, total, crossing in session.execute(
                select(
                    Lead.exhibitor_id,
                    func.count(),
                    func.sum(case((_crossing(), 1), else_=0)),
                )
                .join(Exhibitor, Exhibitor.id == Lead.exhibitor_id)
                .join(Registration, Registration.id == Lead.registration_id)
                .where(Lead.event_id == event.id)
                .group_by(Lead.exhibitor_id)
            )
        }
        return tuple(
            ExhibitorLeads(e.code, e.name, e.association, *counts.get(e.id, (0, 0)))
            for e in session.scalars(
                select(Exhibitor).where(Exhibitor.event_id == event.id).order_by(Exhibitor.code)
            )
        )


def cross_association_leads(session: Session, event_ids: Sequence[int]) -> dict[int, int]:
    """Cross-association leads by event (for the partnership report)."""
    if not event_ids:
        return {}
    return {
        event_id: int(n)
        for event_id, n in session.execute(
            select(Lead.event_id, func.count())
            .join(Exhibitor, Exhibitor.id == Lead.exhibitor_id)
            .join(Registration, Registration.id == Lead.registration_id)
            .where(Lead.event_id.in_(event_ids), _crossing())
            .group_by(Lead.event_id)
        )
    }
