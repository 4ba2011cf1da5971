"""Which price a person may pay at an event, at a given moment, and what it comes to with taxes.

Eligibility, as the desk applies it:

- ``member``: needs an active membership in one of the event's partner associations (at a
  partnered event, BIOQuébec or LSO).
- ``non-member``: the general rate; anyone may pay it, members included (a member who paid it
  is owed a credit, which the registration checks flag elsewhere).
- ``any``: open to anyone regardless of membership, on a condition staff check by eye (a
  student card). Offered, but never picked automatically for a walk-in.
- ``comp``: complimentary (speaker, sponsor, press, staff), always 0.00, and only with a
  supervisor at the desk.

Sale windows: ``available_from`` and ``available_until`` are both inclusive. A category with
no start (regular or early-bird) is *replaced* while a category of the same eligibility
whose window has started is on sale: at the door, the on-site non-member rate replaces the
regular non-member rate, so a walk-in is not sold the cheaper advance price by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound
from desktop_app.domain.money import to_money
from desktop_app.domain.taxes import Province, TaxBreakdown, TaxLine, compute_taxes

ASSOCIATIONS = frozenset({"bioquebec", "lso"})

# Reasons shown on the desk; English templates, translated in the "pricing" context.
REASON_MEMBER = QT_TRANSLATE_NOOP("pricing", "Active member of a partner association")
REASON_NOT_MEMBER = QT_TRANSLATE_NOOP(
    "pricing", "Requires an active membership in a partner association of this event"
)
REASON_NOT_PARTNER = QT_TRANSLATE_NOOP(
    "pricing", "The membership held is not with a partner association of this event"
)
REASON_NON_MEMBER = QT_TRANSLATE_NOOP("pricing", "Open to everyone")
REASON_NON_MEMBER_FOR_MEMBER = QT_TRANSLATE_NOOP(
    "pricing", "Open to everyone; this person is an active member of a partner association"
)
REASON_CONDITIONAL = QT_TRANSLATE_NOOP(
    "pricing", "Open to anyone who meets this category's condition; staff check it"
)
REASON_COMP = QT_TRANSLATE_NOOP("pricing", "Complimentary; needs a supervisor")
REASON_NOT_YET = QT_TRANSLATE_NOOP("pricing", "Not on sale yet")
REASON_ENDED = QT_TRANSLATE_NOOP("pricing", "No longer on sale")
REASON_REPLACED = QT_TRANSLATE_NOOP("pricing", "Replaced by a rate for the current period")


class Eligibility(StrEnum):
    """Who may pay a price category."""

    MEMBER = "member"
    NON_MEMBER = "non-member"
    ANY = "any"
    COMP = "comp"


def _require_aware(moment: datetime, what: str) -> None:
    # Desks in Montréal and Toronto share one clock zone today, but a naive time compared
    # with an aware one is either a TypeError or a silent hour off; refuse it up front.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "The time '{value}' ({what}) has no time zone."),
            value=moment.isoformat(),
            what=what,
        )


@dataclass(frozen=True)
class PriceCategorySpec:
    """One price category of an event: who may pay it, how much, and when it is on sale."""

    code: str
    name_fr: str
    name_en: str
    eligibility: Eligibility
    amount: Decimal
    taxes_included: bool
    available_from: datetime | None = None
    available_until: datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "eligibility", Eligibility(self.eligibility))
        object.__setattr__(self, "amount", to_money(self.amount))
        if self.eligibility is Eligibility.COMP and self.amount != 0:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "The complimentary category '{code}' must cost 0."),
                code=self.code,
            )
        if self.available_from is not None:
            _require_aware(self.available_from, f"{self.code}: available_from")
        if self.available_until is not None:
            _require_aware(self.available_until, f"{self.code}: available_until")
        if (
            self.available_from is not None
            and self.available_until is not None
            and self.available_until < self.available_from
        ):
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "The sale of '{code}' ends before it starts."),
                code=self.code,
            )

    def in_window(self, at: datetime) -> bool:
        """Whether ``at`` falls inside this category's sale window (both ends inclusive)."""
        starts_ok = self.available_from is None or self.available_from <= at
        return starts_ok and (self.available_until is None or at <= self.available_until)


@dataclass(frozen=True)
class EventPricing:
    """An event's price categories, its province (for taxes) and its partner associations."""

    slug: str
    province: Province
    partners: frozenset[str]
    categories: tuple[PriceCategorySpec, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "province", Province(self.province))
        unknown = sorted(set(self.partners) - ASSOCIATIONS)
        if unknown:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Unknown partner association: {codes}."),
                codes=", ".join(unknown),
            )
        codes = [category.code for category in self.categories]
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        if duplicates:
            raise Invalid(
                QT_TRANSLATE_NOOP("AppError", "Price category defined twice: {codes}."),
                codes=", ".join(duplicates),
            )

    def category(self, code: str) -> PriceCategorySpec:
        """The category ``code``, or :class:`NotFound`."""
        for category in self.categories:
            if category.code == code:
                return category
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "No price category '{code}' at event '{event}'."),
            code=code,
            event=self.slug,
        )


@dataclass(frozen=True)
class PriceQuote:
    """What a category costs this person at this moment, and whether the desk may sell it.

    ``reason`` is an English template (context "pricing"), to translate before showing:
    the first thing that stops the sale, or why the person is eligible.
    """

    category: str
    eligible: bool
    reason: str
    available: bool
    breakdown: TaxBreakdown
    eligibility: Eligibility
    needs_supervisor: bool = False

    @property
    def sellable(self) -> bool:
        """Eligible and on sale now."""
        return self.eligible and self.available

    @property
    def subtotal(self) -> Decimal:
        """The price before taxes."""
        return self.breakdown.subtotal

    @property
    def taxes(self) -> tuple[TaxLine, ...]:
        """One line per tax of the event's province."""
        return self.breakdown.taxes

    @property
    def total(self) -> Decimal:
        """What the person pays."""
        return self.breakdown.total


class ListPriced(Protocol):
    """A price category as stored or declared: its list amount and how taxes apply to it."""

    @property
    def amount(self) -> Decimal: ...

    @property
    def taxes_included(self) -> bool: ...


def list_price_total(province: Province, category: ListPriced) -> Decimal:
    """What ``category`` costs at its list price, taxes included, where the event is."""
    return compute_taxes(province, category.amount, category.taxes_included).total


def _eligibility(
    event: EventPricing, category: PriceCategorySpec, active: frozenset[str]
) -> tuple[bool, str]:
    is_partner_member = bool(active & event.partners)
    match category.eligibility:
        case Eligibility.MEMBER:
            if is_partner_member:
                return True, REASON_MEMBER
            return False, REASON_NOT_PARTNER if active else REASON_NOT_MEMBER
        case Eligibility.NON_MEMBER:
            return True, REASON_NON_MEMBER_FOR_MEMBER if is_partner_member else REASON_NON_MEMBER
        case Eligibility.ANY:
            return True, REASON_CONDITIONAL
        case Eligibility.COMP:
            return True, REASON_COMP


def _availability(
    event: EventPricing, category: PriceCategorySpec, at: datetime
) -> tuple[bool, str | None]:
    if category.available_from is not None and at < category.available_from:
        return False, REASON_NOT_YET
    if category.available_until is not None and at > category.available_until:
        return False, REASON_ENDED
    if category.available_from is None and any(
        other.eligibility == category.eligibility
        and other.available_from is not None
        and other.in_window(at)
        for other in event.categories
    ):
        return False, REASON_REPLACED
    return True, None


def quote(
    event: EventPricing, category_code: str, active_associations: frozenset[str], at: datetime
) -> PriceQuote:
    """Price ``category_code`` for a person holding ``active_associations`` at moment ``at``.

    ``active_associations`` are the association codes in which the person's membership is
    active on the event's date. ``at`` must be timezone-aware. The quote is given even when
    the person is not eligible or the category is not on sale, with the reason.
    """
    _require_aware(at, "at")
    category = event.category(category_code)
    eligible, reason = _eligibility(event, category, frozenset(active_associations))
    available, unavailable_reason = _availability(event, category, at)
    if eligible and unavailable_reason is not None:
        reason = unavailable_reason
    return PriceQuote(
        category=category.code,
        eligible=eligible,
        reason=reason,
        available=available,
        breakdown=compute_taxes(event.province, category.amount, category.taxes_included),
        eligibility=category.eligibility,
        needs_supervisor=category.eligibility is Eligibility.COMP,
    )


# Offer order: the rates membership decides, then those staff must check, then comps.
_OFFER_GROUP = {
    Eligibility.MEMBER: 0,
    Eligibility.NON_MEMBER: 0,
    Eligibility.ANY: 1,
    Eligibility.COMP: 2,
}


def offered(
    event: EventPricing, active_associations: frozenset[str], at: datetime
) -> list[PriceQuote]:
    """The categories the desk may sell this person now, best price first.

    Membership-decided rates (member, non-member) come first, cheapest first; then the
    categories staff must check (``any``, e.g. student), cheapest first; then the
    complimentary ones, which need a supervisor. Ties keep the event's order.
    """
    quotes = [quote(event, c.code, active_associations, at) for c in event.categories]
    sellable = [q for q in quotes if q.sellable]
    return sorted(sellable, key=lambda q: (_OFFER_GROUP[q.eligibility], q.total))


def best_category(
    event: EventPricing, active_associations: frozenset[str], at: datetime
) -> PriceQuote | None:
    """The cheapest member or non-member rate this person may pay now, for a walk-in.

    Conditional (``any``) and complimentary categories are never chosen automatically: they
    need staff to check a condition or a supervisor. ``None`` when nothing is on sale.
    """
    for candidate in offered(event, active_associations, at):
        if _OFFER_GROUP[candidate.eligibility] == 0:
            return candidate
    return None


class SupervisorReason(StrEnum):
    """Why a sale at the desk needs a supervisor's PIN."""

    NOT_ELIGIBLE = "not-eligible"  # a member rate without an active partner membership
    NOT_ON_SALE = "not-on-sale"  # outside its sale window
    COMPLIMENTARY = "complimentary"  # free admission


def supervisor_needed(quote: PriceQuote, method: str) -> SupervisorReason | None:
    """The one rule, for the walk-in service and its form alike: why ``quote`` paid by
    ``method`` needs a supervisor, or None."""
    if not quote.eligible:
        return SupervisorReason.NOT_ELIGIBLE
    if not quote.available:
        return SupervisorReason.NOT_ON_SALE
    if quote.needs_supervisor or method == "complimentary":
        return SupervisorReason.COMPLIMENTARY
    return None
