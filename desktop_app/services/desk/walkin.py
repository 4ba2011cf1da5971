"""Walk-ins: price a person who registers at the door, then register, pay, receipt and check
them in, all in one transaction.

As staff type the form, :func:`quote_walk_in` gives the membership verdict, the categories
the desk may sell (best first), the chosen one's price with its taxes, and whether the email
is already registered at this event. :func:`register_walk_in` then creates the person, the
registration (source ``walk-in``, with its verdict), the payment, the receipt (cash or card;
an invoice leaves the balance due and gets no receipt, a complimentary admission costs
nothing), the check-in and the audit entries -- all or nothing.

A supervisor's override is needed, and recorded, for a member rate without an active
membership in a partner association, a category not on sale now, a complimentary category
or a complimentary payment.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import (
    CheckIn,
    Event,
    Payment,
    Person,
    Receipt,
    Registration,
)
from desktop_app.documents.receipt import render_receipt
from desktop_app.domain.accounts import RegistrationStatus, counts_as_paid
from desktop_app.domain.codes import new_registration_code
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid
from desktop_app.domain.membership import MemberDirectory, MembershipVerdict, PersonQuery, verdict
from desktop_app.domain.money import ZERO
from desktop_app.domain.names import looks_like_email
from desktop_app.domain.pricing import (
    PriceQuote,
    SupervisorReason,
    best_category,
    offered,
    quote,
    supervisor_needed,
)
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import get_event
from desktop_app.services.admin.staff import Override, StaffMember
from desktop_app.services.desk.addons import (
    PAID_AT_THE_DESK,
    SOLD_FOR,
    AddOnOffer,
    AddOnSale,
    combine,
    offers_in,
    price_of,
    sell_in,
)
from desktop_app.services.desk.checkin import add_check_in
from desktop_app.services.desk.directory_cache import recent_directory
from desktop_app.services.desk.search import SearchHit, find_by_code
from desktop_app.services.membership.directory import event_date, event_pricing
from desktop_app.services.membership.verdicts import (
    Assessor,
    RegistrationFacts,
    apply,
)
from desktop_app.services.money.payments import PaymentInput, approve, new_payment
from desktop_app.services.money.receipt_store import IssuedReceipt, issued, receipt_data
from desktop_app.services.money.receipts import (
    RECEIPTED_METHODS,
    issue_receipt,
    registration_item,
)
from desktop_app.services.privacy.consents import Purpose, purposes, record_answers

_WHY_NOT_MEMBER = QT_TRANSLATE_NOOP(
    "AppError", "The member rate needs an active membership in a partner association"
)
_WHY_NOT_ON_SALE = QT_TRANSLATE_NOOP("AppError", "This category is not on sale now")
_WHY_COMP = QT_TRANSLATE_NOOP("AppError", "A complimentary admission")


@dataclass(frozen=True)
class WalkInForm:
    """The walk-in form as staff typed it."""

    first_name: str
    last_name: str
    email: str | None
    organization: str | None
    category_code: str | None  # None: the best member or non-member rate for this person
    language: str | None  # "fr" | "en" | None
    member_number: str | None = None
    # The person's answers for the event's consent purposes (code, yes/no); boxes left
    # unticked are a no only when the form says so (the person was asked).
    consents: tuple[tuple[str, bool], ...] = ()
    addons: tuple[str, ...] = ()  # the sessions sold with the admission (codes)


@dataclass(frozen=True)
class WalkInQuote:
    """What the form comes to: verdict, categories on offer, the chosen one's price."""

    verdict: MembershipVerdict
    category_code: str | None
    offered: tuple[PriceQuote, ...]  # best first
    quote: PriceQuote | None
    already_registered: SearchHit | None  # an active registration here with the same email
    purposes: tuple[Purpose, ...] = ()  # what the event asks consent for (its boxes)
    addons: tuple[AddOnOffer, ...] = ()  # the add-ons on sale, with their seats left


@dataclass(frozen=True)
class WalkInResult:
    """What registering a walk-in created."""

    registration_id: int
    code: str
    receipt: IssuedReceipt | None
    checked_in_at: datetime
    change_due: Decimal | None


def _clean(value: str | None) -> str | None:
    cleaned = " ".join((value or "").split())
    return cleaned or None


def _query(form: WalkInForm) -> PersonQuery:
    return PersonQuery.typed(
        name=f"{form.first_name or ''} {form.last_name or ''}",
        email=form.email,
        organization=form.organization,
        member_number=form.member_number,
    )


def _registered_code(session: Session, event: Event, email: str | None) -> str | None:
    """The code of an active registration at ``event`` whose person has ``email``."""
    wanted = _clean(email)
    if wanted is None:
        return None
    return session.scalars(
        select(Registration.code)
        .join(Person, Person.id == Registration.person_id)
        .where(
            Registration.event_id == event.id,
            Registration.status == RegistrationStatus.ACTIVE,
            func.lower(Person.email) == wanted.lower(),
        )
        .order_by(Registration.id)
        .limit(1)
    ).first()


def _chosen(form: WalkInForm, found: MembershipVerdict, event: Event, at: datetime) -> str | None:
    if form.category_code:
        return form.category_code
    best = best_category(event_pricing(event), found.associations, at)
    return best.category if best else None


def quote_walk_in(
    sessions: sessionmaker[Session], slug: str, form: WalkInForm, at: datetime | None = None
) -> WalkInQuote:
    """The membership verdict, the offer and the price for a walk-in at event ``slug``.

    ``form.category_code`` None picks the best member or non-member rate this person may
    pay at ``at`` (default: now). ``already_registered`` is the active registration at this
    event with the same email, if any. Writes nothing.
    """
    at = at or datetime.now(UTC)
    with sessions() as session:
        event = get_event(session, slug)
        day = event_date(event)
        found = verdict(recent_directory(session, day), _query(form), day)
        pricing = event_pricing(event)
        code = _chosen(form, found, event, at)
        duplicate = _registered_code(session, event, form.email)
        asked = purposes(session, event.id)
        on_sale = offers_in(session, event)
    chosen = quote(pricing, code, found.associations, at) if code else None
    return WalkInQuote(
        verdict=found,
        category_code=code,
        offered=tuple(offered(pricing, found.associations, at)),
        quote=chosen,
        already_registered=find_by_code(sessions, slug, duplicate) if duplicate else None,
        purposes=asked,
        addons=on_sale,
    )


def _check_form(form: WalkInForm) -> None:
    if not (_clean(form.first_name) or _clean(form.last_name)):
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "Enter the person's name."))
    email = _clean(form.email)
    if email is not None and not looks_like_email(email):
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{email}' is not an email address."), email=email
        )
    if form.language not in (None, "fr", "en"):
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{value}' is not a language (fr or en)."),
            value=form.language,
        )


_WHY = {
    SupervisorReason.NOT_ELIGIBLE: _WHY_NOT_MEMBER,
    SupervisorReason.NOT_ON_SALE: _WHY_NOT_ON_SALE,
    SupervisorReason.COMPLIMENTARY: _WHY_COMP,
}


def _needs_supervisor(chosen: PriceQuote, payment: PaymentInput) -> str | None:
    reason = supervisor_needed(chosen, payment.method)
    return _WHY[reason] if reason is not None else None


def _check_amount(chosen: PriceQuote, payment: PaymentInput, addons: Decimal = ZERO) -> None:
    if payment.method == "complimentary":
        return
    if chosen.total + addons == 0:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "The category '{code}' costs nothing: choose complimentary."
            ),
            code=chosen.category,
        )
    if payment.amount != chosen.total + addons:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "The amount {amount} is not the price of '{code}' ({total})."
            ),
            amount=str(payment.amount),
            code=chosen.category,
            total=str(chosen.total + addons),
        )


def _replayed(session: Session, action_id: str) -> WalkInResult | None:
    payment = session.scalars(select(Payment).where(Payment.action_id == action_id)).first()
    if payment is None:
        return None
    registration = session.get(Registration, payment.registration_id)
    check_in = session.scalars(select(CheckIn).where(CheckIn.action_id == action_id)).first()
    if registration is None or registration.source != "walk-in" or check_in is None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "AppError", "The desk action {action} was already used for something else."
            ),
            action=action_id,
        )
    row = session.scalars(select(Receipt).where(Receipt.payment_id == payment.id)).first()
    return WalkInResult(
        registration_id=registration.id,
        code=registration.code,
        receipt=issued(row, render_receipt(receipt_data(row, copy=False))) if row else None,
        checked_in_at=check_in.checked_in_at,
        change_due=payment.change_due,
    )


@dataclass(frozen=True)
class _Sale:
    """What a walk-in is sold, decided before anything is written."""

    event: Event
    directory: MemberDirectory
    query: PersonQuery
    found: MembershipVerdict
    duplicate: str | None
    code: str
    chosen: PriceQuote
    why: str | None  # why a supervisor approved it
    supervisor: StaffMember | None


def _decide(
    session: Session,
    slug: str,
    form: WalkInForm,
    payment: PaymentInput,
    *,
    override: Override | None,
    allow_duplicate_email: bool,
    at: datetime,
) -> _Sale:
    """The verdict, the category, its price and the supervisor's approval when needed."""
    event = get_event(session, slug)
    day = event_date(event)
    directory = recent_directory(session, day)
    query = _query(form)
    found = verdict(directory, query, day)
    duplicate = _registered_code(session, event, form.email)
    if duplicate is not None and not allow_duplicate_email:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "AppError",
                "{email} is already registered to this event; find that registration, or"
                " confirm that this is another person.",
            ),
            email=_clean(form.email),
        )
    code = _chosen(form, found, event, at)
    if code is None:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "No price category is on sale now."))
    chosen = quote(event_pricing(event), code, found.associations, at)
    if form.addons and payment.method not in SOLD_FOR:
        raise Invalid(PAID_AT_THE_DESK)
    _check_amount(chosen, payment, price_of(session, event, form.addons) if form.addons else ZERO)
    why = _needs_supervisor(chosen, payment)
    supervisor = approve(session, override, why=why) if why else None
    return _Sale(event, directory, query, found, duplicate, code, chosen, why, supervisor)


def _new_registration(
    session: Session, sale: _Sale, form: WalkInForm, payment: PaymentInput, at: datetime
) -> Registration:
    """The walk-in's person and registration, assessed like any registration."""
    event, query, code, chosen, supervisor = (
        sale.event,
        sale.query,
        sale.code,
        sale.chosen,
        sale.supervisor,
    )
    category = next(c for c in event.prices if c.code == code)

    person = Person(
        first_name=_clean(form.first_name) or "",
        last_name=_clean(form.last_name) or "",
        email=query.email,
        organization_name=query.organization,
        preferred_language=form.language,
        created_at=at,
    )
    session.add(person)
    session.flush()  # starts the write transaction on SQLite before the rest is decided
    complimentary = payment.method == "complimentary"
    received = counts_as_paid(payment.method)
    registration = Registration(
        event_id=event.id,
        person_id=person.id,
        category_id=category.id,
        code=new_registration_code(),
        amount_due=chosen.total,
        amount_paid=chosen.total if received else ZERO,
        status=RegistrationStatus.ACTIVE,
        source="walk-in",
        preferred_language=form.language,
        role=category.role,
        notes=None,
        verdict=None,
        membership_flag=None,
        created_at=at,
    )
    registration.event, registration.person, registration.category = event, person, category
    assessor = Assessor(event, sale.directory)
    facts = RegistrationFacts(
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
        organization=person.organization_name,
        category_code=code,
        amount_paid=registration.amount_paid,
        base_amount_due=chosen.total,
        registered_at=at,
        member_number=query.member_number,
        # The supervisor decided the price: nothing is left to settle, now or at a
        # reassessment after the member lists change.
        price_approved_by=supervisor.name if supervisor is not None else None,
    )
    assessment = assessor.assess(facts, sale.found)  # judged once, in _decide
    if complimentary:
        assessment = replace(assessment, membership_flag=None, amount_due=chosen.total)
    apply(registration, assessment)
    if complimentary:
        registration.amount_due = ZERO
    session.add(registration)
    session.flush()

    return registration


def _register(
    session: Session,
    slug: str,
    form: WalkInForm,
    payment: PaymentInput,
    *,
    desk: str,
    staff: str,
    action_id: str,
    override: Override | None,
    allow_duplicate_email: bool,
    at: datetime,
    receipt_series: str | None = None,
) -> tuple[WalkInResult, Receipt | None]:
    sale = _decide(
        session,
        slug,
        form,
        payment,
        override=override,
        allow_duplicate_email=allow_duplicate_email,
        at=at,
    )
    registration = _new_registration(session, sale, form, payment, at)
    query, found, duplicate, code, chosen, why, supervisor = (
        sale.query,
        sale.found,
        sale.duplicate,
        sale.code,
        sale.chosen,
        sale.why,
        sale.supervisor,
    )

    row = new_payment(
        registration,
        payment,
        desk=desk,
        staff=staff,
        action_id=action_id,
        organization=query.organization,
    )
    row.received_at = at  # the walk-in's moment, for the payment and the check-in alike
    session.add(row)
    session.flush()
    extras: AddOnSale | None = None
    if form.addons:  # within each session's seats, locked as its door locks them
        extras = sell_in(
            session,
            registration,
            form.addons,
            override=override,
            desk=desk,
            staff=staff,
            action_id=action_id,
            at=at,
        )
    receipt = None
    if row.method in RECEIPTED_METHODS and row.amount > 0:
        receipt = issue_receipt(
            session,
            registration,
            row,
            desk=desk,
            staff=staff,
            breakdown=combine((chosen.breakdown, extras.breakdown)) if extras else chosen.breakdown,
            series=receipt_series,
            lines=(
                registration_item(registration, chosen.breakdown, with_taxes=True),
                *extras.lines,
            )
            if extras
            else (),
            taxes_included=False if extras else None,
        )
    record_answers(
        session,
        registration.person_id,
        registration.event_id,
        dict(form.consents),
        source="desk",
        desk=desk,
        staff=staff,
        at=at,
    )
    check_in = add_check_in(
        session,
        registration,
        desk=desk,
        staff=staff,
        action_id=action_id,
        at=at,
        detail={"walk_in": True},
    )
    audit.record(
        session,
        "walkin.registered",
        desk=desk,
        staff=staff,
        subject=f"registration:{registration.id}",
        detail={
            "action_id": action_id,
            "category": code,
            "method": row.method,
            "amount": str(row.amount),
            "amount_due": str(registration.amount_due),
            "marking": found.marking,
            "membership_flag": registration.membership_flag,
            "duplicate_email": duplicate is not None,
            "supervisor": supervisor.name if supervisor else None,
            "override_reason": override.reason if supervisor and override else None,
            "override_for": why if supervisor else None,
            "addons": [offer.code for offer in extras.sold] if extras else [],
        },
    )
    result = WalkInResult(
        registration_id=registration.id,
        code=registration.code,
        receipt=None,
        checked_in_at=check_in.checked_in_at,
        change_due=row.change_due,
    )
    return result, receipt


def register_walk_in(
    sessions: sessionmaker[Session],
    slug: str,
    form: WalkInForm,
    payment: PaymentInput,
    *,
    desk: str,
    staff: str,
    action_id: str,
    override: Override | None = None,
    allow_duplicate_email: bool = False,
    at: datetime | None = None,
    receipt_series: str | None = None,
) -> WalkInResult:
    """Register, pay, receipt and check in a walk-in at event ``slug``, in one transaction.

    The category is ``form.category_code`` or the best rate for the person's verdict; the
    payment must be its price (cash tendered may be more: the change is returned). Needs
    ``override`` (a supervisor's PIN and reason) for a member rate without an active partner
    membership, a category not on sale, or anything complimentary. An email already
    registered at this event is a :class:`Conflict` unless ``allow_duplicate_email``.
    Replaying ``action_id`` returns the first result and creates nothing more. ``at`` (for
    tests and replays) is the moment prices are taken at; default now. ``receipt_series``
    numbers the receipt in another series than the event's (a desk's offline series).
    """
    _check_form(form)
    at = at or datetime.now(UTC)
    try:
        with sessions.begin() as session:
            replayed = _replayed(session, action_id)
            if replayed is not None:
                return replayed
            result, receipt = _register(
                session,
                slug,
                form,
                payment,
                desk=desk,
                staff=staff,
                action_id=action_id,
                override=override,
                allow_duplicate_email=allow_duplicate_email,
                at=at,
                receipt_series=receipt_series,
            )
            data = receipt_data(receipt, copy=False) if receipt else None
            view = issued(receipt, b"") if receipt else None
    except IntegrityError:
        # The same action committed by a retry on another connection: report it.
        with sessions() as session:
            replayed = _replayed(session, action_id)
        if replayed is None:
            raise
        return replayed
    if data is None or view is None:
        return result
    pdf = render_receipt(data)
    return replace(result, receipt=replace(view, pdf=pdf))
