"""An event's price categories as the desk lists them (the walk-in form's category choice)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.services.admin.events import get_event
from desktop_app.services.membership.directory import event_pricing


@dataclass(frozen=True)
class CategoryChoice:
    """One price category of an event, in both languages, with its price and who may pay it."""

    code: str
    name_fr: str
    name_en: str
    eligibility: str  # a domain.pricing.Eligibility value: "member", "non-member", "any", "comp"
    amount: Decimal
    taxes_included: bool
    available_from: datetime | None = None
    available_until: datetime | None = None

    def name(self, language: str) -> str:
        """The category's name in ``language`` ("fr" or "en")."""
        return self.name_fr if language == "fr" else self.name_en


def event_categories(sessions: sessionmaker[Session], slug: str) -> list[CategoryChoice]:
    """The price categories of the event ``slug``, in the event's order.

    Raises ``NotFound`` when there is no such event.
    """
    with sessions() as session:
        pricing = event_pricing(get_event(session, slug))
    return [
        CategoryChoice(
            code=spec.code,
            name_fr=spec.name_fr,
            name_en=spec.name_en,
            eligibility=str(spec.eligibility.value),
            amount=spec.amount,
            taxes_included=spec.taxes_included,
            available_from=spec.available_from,
            available_until=spec.available_until,
        )
        for spec in pricing.categories
    ]
