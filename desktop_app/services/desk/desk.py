"""One desk, whatever its database: what the desk screen asks for and does.

The screen talks to a :class:`Desk` and never to sessions or links. The composition root
chooses the implementation once: :class:`LocalDesk` on this machine's own database,
:class:`~desktop_app.services.desk.linked_desk.LinkedDesk` on a shared server through its
:class:`~desktop_app.services.sync.DeskLink` (the server while it answers; offline, the desk's
replica, with check-ins, walk-ins and payments journaled and their receipts numbered in the
desk's offline series).

Every method does one unit of work and may take time: the screen calls them on its workers.
``who`` is the staff member acting (the desk audits in their name); it changes at sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Message
from desktop_app.services.admin import staff as staff_accounts
from desktop_app.services.admin.staff import Override, StaffMember
from desktop_app.services.desk import (
    addon_sale,
    addons,
    attendees,
    badges,
    checkin,
    person_changes,
    search,
    walkin,
)
from desktop_app.services.desk.addon_sale import AddOnResult
from desktop_app.services.desk.addons import AddOnOffer
from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.services.desk.checkin import CheckInResult, EventCounts
from desktop_app.services.desk.counts import CountKeeper
from desktop_app.services.desk.search import SearchHit
from desktop_app.services.desk.walkin import WalkInForm, WalkInQuote, WalkInResult
from desktop_app.services.membership import decision_records
from desktop_app.services.money import payments, refunds
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.services.registrations.categories import CategoryChoice, event_categories
from desktop_app.services.reports.sessions import session_attendance


class DeskAction(StrEnum):
    """What staff can do at a desk (the keys of the desk screen)."""

    CHECK_IN = "check_in"
    UNDO = "undo"
    EDIT = "edit"
    SUBSTITUTE = "substitute"
    COLLECT = "collect"
    WALK_IN = "walk_in"
    REPRINT = "reprint"
    MEMBERSHIP = "membership"
    STAFF = "staff"
    REFUND = "refund"


NOT_JOURNALED = frozenset(
    {
        DeskAction.UNDO,
        DeskAction.EDIT,
        DeskAction.SUBSTITUTE,
        DeskAction.MEMBERSHIP,
        DeskAction.STAFF,
        DeskAction.REFUND,
    }
)
"""Not kept offline (undo, corrections, membership decisions, staff accounts, refunds): the
next copy from the server would erase them, so they wait for it."""

WAITS_FOR_SERVER = QT_TRANSLATE_NOOP(
    "SharedDesk",
    "Not while offline: only check-ins, walk-ins, payments, add-on sales and badges are"
    " kept to be sent to the server. This comes back with the server.",
)


@dataclass(frozen=True)
class PersonChange:
    """A correction of the person (F2) or the colleague who comes instead (F3)."""

    first_name: str
    last_name: str
    email: str | None
    organization: str | None
    notes: str | None = None
    consents: tuple[tuple[str, bool], ...] = ()  # answers given at the desk (F2)


class Desk(Protocol):
    """What a desk does; see the module's docstring."""

    @property
    def slug(self) -> str: ...

    @property
    def desk(self) -> str: ...

    @property
    def who(self) -> StaffMember: ...

    def signed_in(self, member: StaffMember) -> Desk:
        """The same desk with ``member`` acting from now on."""
        ...

    def allows(self, action: DeskAction) -> Message | None:
        """``None`` when ``action`` can be done now, else why not (offline)."""
        ...

    # -- reading ------------------------------------------------------------------------
    def search(self, query: str) -> list[SearchHit]: ...
    def find_by_code(self, code: str) -> SearchHit | None: ...
    def card(self, registration_id: int) -> AttendeeCard: ...
    def counts(self) -> EventCounts: ...
    def categories(self) -> list[CategoryChoice]: ...
    def quote_walk_in(self, form: WalkInForm, at: datetime | None = None) -> WalkInQuote: ...
    def addon_offers(self, registration_id: int) -> tuple[AddOnOffer, ...]: ...

    # -- changing -------------------------------------------------------------------------
    def check_in(
        self, code: str, *, action_id: str, override: Override | None = None
    ) -> CheckInResult: ...
    def undo_check_in(self, registration_id: int, *, reason: str) -> None: ...
    def collect_balance(
        self, registration_id: int, payment: PaymentInput, *, action_id: str
    ) -> IssuedReceipt: ...
    def register_walk_in(
        self,
        form: WalkInForm,
        payment: PaymentInput,
        *,
        action_id: str,
        override: Override | None = None,
        allow_duplicate_email: bool = False,
        at: datetime | None = None,
    ) -> WalkInResult: ...
    def refund_credit(
        self, registration_id: int, *, method: str, reason: str
    ) -> tuple[IssuedReceipt, ...]:
        """Pay back a credit due with credit notes on the desk's receipts."""
        ...

    def sell_addons(
        self,
        registration_id: int,
        codes: tuple[str, ...],
        payment: PaymentInput | None,
        *,
        action_id: str,
        override: Override | None = None,
    ) -> AddOnResult:
        """Sell add-ons to a registered person (F4), with a receipt for them alone."""
        ...

    def edit_person(self, registration_id: int, change: PersonChange) -> AttendeeCard: ...
    def substitute(self, registration_id: int, change: PersonChange) -> AttendeeCard: ...
    def decide_membership(
        self,
        registration_id: int,
        *,
        association: str,
        decision: str,
        membership_id: int | None,
        reason: str,
    ) -> AttendeeCard: ...
    def record_badges(self, codes: list[str], *, stock: str, destination: str) -> int: ...
    def sign_out(self) -> None: ...


@dataclass(frozen=True)
class SessionsDesk:
    """The reads and the writes that are the same on either kind of desk."""

    sessions: sessionmaker[Session]
    slug: str
    desk: str
    who: StaffMember
    admits: str | None = None  # the session whose door this desk is (None: the entrance)
    # The header's last counts, brought up to date rather than counted at every refresh
    # (issue #16); shared by the copies ``signed_in`` makes.
    count_keeper: CountKeeper = field(
        default_factory=CountKeeper, compare=False, repr=False, kw_only=True
    )

    def search(self, query: str) -> list[SearchHit]:
        return search.search_registrations(self.sessions, self.slug, query)

    def find_by_code(self, code: str) -> SearchHit | None:
        return search.find_by_code(self.sessions, self.slug, code)

    def card(self, registration_id: int) -> AttendeeCard:
        return attendees.attendee_card(self.sessions, registration_id, self.admits)

    def _at_door(self, card: AttendeeCard) -> AttendeeCard:
        """``card`` read again with its session's status, at a session's door."""
        return card if self.admits is None else self.card(card.registration_id)

    def counts(self) -> EventCounts:
        if self.admits is not None:
            # A session's door counts its own: who came in of its seats (or of those who
            # may come, for a session without a capacity).
            door = session_attendance(self.sessions, self.slug, self.admits)
            expected = door.capacity if door.capacity is not None else door.entitled
            return EventCounts(door.checked_in, expected, inside=door.inside)
        return self.count_keeper.counts(self.sessions, self.slug)

    def categories(self) -> list[CategoryChoice]:
        return event_categories(self.sessions, self.slug)

    def quote_walk_in(self, form: WalkInForm, at: datetime | None = None) -> WalkInQuote:
        return walkin.quote_walk_in(self.sessions, self.slug, form, at)

    def addon_offers(self, registration_id: int) -> tuple[AddOnOffer, ...]:
        return addons.addon_offers(self.sessions, registration_id)

    def sell_addons(
        self,
        registration_id: int,
        codes: tuple[str, ...],
        payment: PaymentInput | None,
        *,
        action_id: str,
        override: Override | None = None,
    ) -> AddOnResult:
        return addon_sale.sell_addons(
            self.sessions,
            registration_id,
            codes,
            payment,
            desk=self.desk,
            staff=self.who.name,
            action_id=action_id,
            override=override,
        )

    def undo_check_in(self, registration_id: int, *, reason: str) -> None:
        checkin.undo_check_in(
            self.sessions,
            registration_id,
            desk=self.desk,
            staff=self.who.name,
            reason=reason,
            session_code=self.admits,
        )

    def refund_credit(
        self, registration_id: int, *, method: str, reason: str
    ) -> tuple[IssuedReceipt, ...]:
        return refunds.refund_credit_due(
            self.sessions,
            registration_id,
            method=method,
            reason=reason,
            desk=self.desk,
            staff=self.who.name,
        )

    def edit_person(self, registration_id: int, change: PersonChange) -> AttendeeCard:
        return self._at_door(
            person_changes.edit_person(
                self.sessions,
                registration_id,
                first_name=change.first_name,
                last_name=change.last_name,
                email=change.email,
                organization=change.organization,
                notes=change.notes,
                desk=self.desk,
                staff=self.who.name,
                consents=dict(change.consents),
            )
        )

    def substitute(self, registration_id: int, change: PersonChange) -> AttendeeCard:
        return self._at_door(
            person_changes.substitute(
                self.sessions,
                registration_id,
                first_name=change.first_name,
                last_name=change.last_name,
                email=change.email,
                organization=change.organization,
                desk=self.desk,
                staff=self.who.name,
            )
        )

    def decide_membership(
        self,
        registration_id: int,
        *,
        association: str,
        decision: str,
        membership_id: int | None,
        reason: str,
    ) -> AttendeeCard:
        return self._at_door(
            decision_records.decide_for_registration(
                self.sessions,
                registration_id,
                association=association,
                decision=decision,
                membership_id=membership_id,
                reason=reason,
                staff=self.who.name,
                desk=self.desk,
            )
        )

    def record_badges(self, codes: list[str], *, stock: str, destination: str) -> int:
        return badges.record_printed(
            self.sessions,
            codes,
            desk=self.desk,
            staff=self.who.name,
            stock=stock,
            destination=destination,
        )

    def sign_out(self) -> None:
        staff_accounts.sign_out(self.sessions, self.who, self.desk)


@dataclass(frozen=True)
class LocalDesk(SessionsDesk):
    """A desk on this machine's own database."""

    leaving: bool = False  # Exit mode: every scan records an exit (a door with exits)

    def signed_in(self, member: StaffMember) -> LocalDesk:
        return replace(self, who=member)

    def allows(self, action: DeskAction) -> Message | None:
        return None

    def check_in(
        self, code: str, *, action_id: str, override: Override | None = None
    ) -> CheckInResult:
        return checkin.check_in(
            self.sessions,
            self.slug,
            code,
            desk=self.desk,
            staff=self.who.name,
            action_id=action_id,
            override=override,
            session_code=self.admits,
            leaving=self.leaving,
        )

    def collect_balance(
        self, registration_id: int, payment: PaymentInput, *, action_id: str
    ) -> IssuedReceipt:
        return payments.collect_balance(
            self.sessions,
            registration_id,
            payment,
            desk=self.desk,
            staff=self.who.name,
            action_id=action_id,
        )

    def register_walk_in(
        self,
        form: WalkInForm,
        payment: PaymentInput,
        *,
        action_id: str,
        override: Override | None = None,
        allow_duplicate_email: bool = False,
        at: datetime | None = None,
    ) -> WalkInResult:
        return walkin.register_walk_in(
            self.sessions,
            self.slug,
            form,
            payment,
            desk=self.desk,
            staff=self.who.name,
            action_id=action_id,
            override=override,
            allow_duplicate_email=allow_duplicate_email,
            at=at,
        )


__all__ = [
    "NOT_JOURNALED",
    "WAITS_FOR_SERVER",
    "Desk",
    "DeskAction",
    "LocalDesk",
    "PersonChange",
]
