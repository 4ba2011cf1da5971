"""Membership verdicts for registrations, and the flags the desk acts on when a price is wrong.

Every active registration carries the membership verdict of its person on the event's date
(``Registration.verdict``, :meth:`MembershipVerdict.to_json` plus a ``basis`` entry, below) and
a ``membership_flag`` comparing that verdict with the category paid:

- ``"balance-due"``: a member category was paid without an active membership in a partner
  association. ``amount_due`` becomes the total, taxes included, of the best non-member
  category on sale when the person registered; the balance is ``amount_due - amount_paid``.
- ``"credit-due"``: a non-member category was paid by an active member. ``amount_due``
  becomes the total of the best member category on sale then; ``amount_paid - amount_due``
  is owed back.
- ``"doubt"``: a member category was paid, no membership is decided, but the verdict ranks
  candidates (an organization name close to a member's): staff must confirm or reject.
- ``None``: nothing to settle. Unpaid registrations are not flagged: their balance is simply
  ``amount_due - amount_paid``.

Registrations in categories open to anyone (student) or complimentary are never flagged.
Paying a non-member rate with only *candidate* memberships is not flagged either: a possible
refund is settled later, and the queue at the desk is not stopped for it.

``verdict["basis"]`` keeps what a later reassessment needs and the tables do not hold: the
amount due before any flag adjusted it (what the ticketing system charged) and the member
number the registration file gave. The registration's ``created_at`` is when the person
registered (the order date of an imported file), which decides the categories on sale.

:class:`Assessor` loads nothing itself: one :class:`MemberDirectory` is loaded per event and
each registration then costs one in-memory verdict (well under a millisecond).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from desktop_app.db.models import Event, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.membership import MemberDirectory, MembershipVerdict, PersonQuery, verdict
from desktop_app.domain.money import to_money
from desktop_app.domain.names import display_name
from desktop_app.domain.pricing import Eligibility, EventPricing, best_category, list_price_total
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import get_event
from desktop_app.services.membership.directory import event_date, event_pricing, load_directory

BALANCE_DUE = "balance-due"
CREDIT_DUE = "credit-due"
DOUBT = "doubt"
MEMBERSHIP_FLAGS = (BALANCE_DUE, CREDIT_DUE, DOUBT)
BASIS = "basis"


@dataclass(frozen=True)
class RegistrationFacts:
    """What an assessment reads about one registration."""

    first_name: str
    last_name: str
    email: str | None
    organization: str | None
    category_code: str
    amount_paid: Decimal
    base_amount_due: Decimal
    registered_at: datetime
    member_number: str | None = None
    # A supervisor who approved the price (a walk-in given the member rate by override):
    # reassessments keep that price instead of flagging a balance.
    price_approved_by: str | None = None


@dataclass(frozen=True)
class Assessment:
    """The verdict to store, the flag and the amount due it implies."""

    verdict: dict[str, Any]
    membership_flag: str | None
    amount_due: Decimal
    marking: str


def query_of(facts: RegistrationFacts) -> PersonQuery:
    """The membership question a registration asks."""
    return PersonQuery.typed(
        name=display_name(facts.first_name, facts.last_name),
        email=facts.email,
        organization=facts.organization,
        member_number=facts.member_number,
    )


class Assessor:
    """Verdicts and flags for the registrations of one event, against one member directory."""

    def __init__(self, event: Event, directory: MemberDirectory) -> None:
        self.pricing: EventPricing = event_pricing(event)
        self.day = event_date(event)
        self.directory = directory
        self.categories = {c.code: c for c in self.pricing.categories}
        self._best: dict[tuple[bool, tuple[bool, ...]], Decimal | None] = {}
        self._list_totals: dict[str, Decimal] = {}

    def base_amount_due(self, category_code: str) -> Decimal:
        """The total, taxes included, of a category at its list price."""
        if category_code not in self._list_totals:
            category = self.categories[category_code]
            self._list_totals[category_code] = list_price_total(self.pricing.province, category)
        return self._list_totals[category_code]

    def assess(
        self, facts: RegistrationFacts, found: MembershipVerdict | None = None
    ) -> Assessment:
        """The verdict of the registration's person (``found`` when the caller judged them
        already, as a walk-in's form did), and the flag and amount due it implies."""
        if found is None:
            found = verdict(self.directory, query_of(facts), self.day)
        if facts.price_approved_by:
            flag, due = None, facts.base_amount_due
        else:
            flag, due = self._flag(found, facts)
        stored = found.to_json()
        stored[BASIS] = {
            "amount_due": str(to_money(facts.base_amount_due)),
            "member_number": facts.member_number or None,
        }
        if facts.price_approved_by:
            stored[BASIS]["price_approved_by"] = facts.price_approved_by
        return Assessment(stored, flag, due, found.marking)

    def _flag(
        self, found: MembershipVerdict, facts: RegistrationFacts
    ) -> tuple[str | None, Decimal]:
        base = facts.base_amount_due
        category = self.categories[facts.category_code]
        member = bool(found.associations & self.pricing.partners)
        at = _aware(facts.registered_at)
        if category.eligibility is Eligibility.MEMBER and not member:
            if any(
                status.status == "ambiguous"
                for code, status in found.per_association.items()
                if code in self.pricing.partners
            ):
                return DOUBT, base
            non_member = self._best_total(False, at)
            if non_member is None or non_member <= base:
                return None, base
            return (BALANCE_DUE if non_member > facts.amount_paid else None), non_member
        if category.eligibility is Eligibility.NON_MEMBER and member:
            member_total = self._best_total(True, at)
            if member_total is None or member_total >= base:
                return None, base
            return (CREDIT_DUE if facts.amount_paid > member_total else None), member_total
        return None, base

    def _best_total(self, member: bool, at: datetime) -> Decimal | None:
        """The best member (or non-member) total on sale at ``at``; cached by sale windows."""
        window = tuple(c.in_window(at) for c in self.pricing.categories)
        key = (member, window)
        if key not in self._best:
            active = self.pricing.partners if member else frozenset()
            best = best_category(self.pricing, active, at)
            wanted = Eligibility.MEMBER if member else Eligibility.NON_MEMBER
            if best is not None and best.eligibility is wanted:
                self._best[key] = best.total
            elif member:
                self._best[key] = None
            else:
                # Nothing on sale then (a registration made after every window closed): the
                # cheapest non-member rate of the event, whatever its window.
                totals = [
                    list_price_total(self.pricing.province, c)
                    for c in self.pricing.categories
                    if c.eligibility is Eligibility.NON_MEMBER
                ]
                self._best[key] = min(totals) if totals else None
        return self._best[key]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def stored_basis(registration: Registration) -> tuple[Decimal | None, str | None]:
    """The amount due before any flag and the member number kept in a stored verdict."""
    basis = (registration.verdict or {}).get(BASIS) or {}
    amount = basis.get("amount_due")
    return (to_money(amount) if amount is not None else None), basis.get("member_number")


def facts_of(assessor: Assessor, registration: Registration) -> RegistrationFacts:
    """The facts of an ORM registration (its person and category loaded)."""
    person = registration.person
    base, member_number = stored_basis(registration)
    code = registration.category.code
    return RegistrationFacts(
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
        organization=person.organization_name,
        category_code=code,
        amount_paid=registration.amount_paid,
        base_amount_due=base if base is not None else assessor.base_amount_due(code),
        registered_at=registration.created_at,
        member_number=member_number,
        price_approved_by=((registration.verdict or {}).get(BASIS) or {}).get("price_approved_by"),
    )


def apply(registration: Registration, assessment: Assessment) -> bool:
    """Store an assessment on a registration; whether anything changed."""
    changed = False
    if registration.verdict != assessment.verdict:
        registration.verdict = assessment.verdict
        changed = True
    if registration.membership_flag != assessment.membership_flag:
        registration.membership_flag = assessment.membership_flag
        changed = True
    if registration.amount_due != assessment.amount_due:
        registration.amount_due = assessment.amount_due
        changed = True
    return changed


def assess_registrations(
    session: Session,
    event: Event,
    registrations: Sequence[Registration],
    directory: MemberDirectory | None = None,
) -> None:
    """Set the verdict, membership flag and amount due of ``registrations`` in place.

    Loads the member directory once when ``directory`` is not given. Cancelled registrations
    get their verdict recomputed but no flag.
    """
    if not registrations:
        return
    assessor = Assessor(event, directory or load_directory(session, event_date(event)))
    for registration in registrations:
        facts = facts_of(assessor, registration)
        assessment = assessor.assess(facts)
        if registration.status != RegistrationStatus.ACTIVE:
            assessment = replace(assessment, membership_flag=None, amount_due=facts.base_amount_due)
        apply(registration, assessment)


@dataclass(frozen=True)
class ReassessReport:
    """What :func:`reassess` did: registrations reassessed, changed, and flags now set."""

    event: str
    reassessed: int
    changed: int
    balance_due: int
    credit_due: int
    doubt: int

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``passerelle registrations reassess --json``."""
        return {
            "event": self.event,
            "reassessed": self.reassessed,
            "changed": self.changed,
            "flags": {
                "balance_due": self.balance_due,
                "credit_due": self.credit_due,
                "doubt": self.doubt,
            },
        }


def reassess(sessions: sessionmaker[Session], slug: str) -> ReassessReport:
    """Recompute verdict, flag and amount due of every active registration of event ``slug``.

    Run after a member list changed. One unit of work; audited when it changed something
    (a reassessment that finds every verdict as it was writes nothing).
    """
    with sessions.begin() as session:
        return reassess_in(session, slug, audit_unchanged=False)


def reassess_in(session: Session, slug: str, *, audit_unchanged: bool = True) -> ReassessReport:
    """:func:`reassess` in the caller's unit of work (a member import's, so that the list and
    the flags it implies are committed together or not at all).

    ``audit_unchanged=False`` records the audit entry only when a registration changed: a
    re-import that changes nothing writes nothing.
    """
    event = get_event(session, slug)
    registrations = session.scalars(
        select(Registration)
        .where(Registration.event_id == event.id, Registration.status == RegistrationStatus.ACTIVE)
        .options(selectinload(Registration.person), selectinload(Registration.category))
        .order_by(Registration.id)
    ).all()
    assessor = Assessor(event, load_directory(session, event_date(event)))
    changed = 0
    flags = dict.fromkeys(MEMBERSHIP_FLAGS, 0)
    for registration in registrations:
        changed += apply(registration, assessor.assess(facts_of(assessor, registration)))
        if registration.membership_flag in flags:
            flags[registration.membership_flag] += 1
    report = ReassessReport(
        event=slug,
        reassessed=len(registrations),
        changed=changed,
        balance_due=flags[BALANCE_DUE],
        credit_due=flags[CREDIT_DUE],
        doubt=flags[DOUBT],
    )
    if audit_unchanged or changed:
        audit.record(
            session, "registrations.reassessed", subject=f"event:{slug}", detail=report.to_json()
        )
    return report


def upcoming_events(session: Session, moment: datetime) -> list[str]:
    """Slugs of the events that have not ended at ``moment``, in order."""
    return list(
        session.scalars(select(Event.slug).where(Event.ends_at >= moment).order_by(Event.slug))
    )


def reassess_event(sessions: sessionmaker[Session], slug: str) -> int:
    """Recompute every active registration of event ``slug``; how many were reassessed."""
    return reassess(sessions, slug).reassessed


def reassess_upcoming(
    sessions: sessionmaker[Session], now: datetime | None = None
) -> list[ReassessReport]:
    """Reassess every event that has not ended yet (after a member list changed)."""
    moment = now or datetime.now(UTC)
    with sessions() as session:
        slugs = upcoming_events(session, moment)
    return [reassess(sessions, slug) for slug in slugs]
