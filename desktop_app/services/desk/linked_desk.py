"""A desk on the shared server, through its link (:class:`~desktop_app.services.sync.DeskLink`).

It is the local desk's unit of work on the link's sessions (the server while it answers, else
the desk's replica), with the actions the link journals offline going through the link
(check-ins, walk-ins, payments, add-on sales), and those it does not keep
(``desk.NOT_JOURNALED``: undo, corrections, refunds...) refused offline with
``desk.WAITS_FOR_SERVER``: they come back with the server.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.domain.errors import Conflict, Message
from desktop_app.services.admin.staff import Override, StaffMember
from desktop_app.services.desk.addon_sale import AddOnResult
from desktop_app.services.desk.checkin import CheckInResult
from desktop_app.services.desk.desk import (
    NOT_JOURNALED,
    WAITS_FOR_SERVER,
    DeskAction,
    SessionsDesk,
)
from desktop_app.services.desk.walkin import WalkInForm, WalkInResult
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.services.sync import DeskLink


@dataclass(frozen=True)
class LinkedDesk(SessionsDesk):
    """A desk on the shared server through its link; reads follow the link (``sessions`` is
    the link's: the server while shared, the replica while offline)."""

    link: DeskLink | None = None
    leaving: bool = False  # Exit mode, as at a local desk

    @classmethod
    def on(
        cls,
        link: DeskLink,
        slug: str,
        who: StaffMember,
        admits: str | None = None,
        *,
        leaving: bool = False,
    ) -> LinkedDesk:
        """The desk of ``link`` for event ``slug`` (at session ``admits``' door)."""
        return cls(
            _LinkSessions(link), slug, link.desk, who, admits=admits, link=link, leaving=leaving
        )

    @property
    def _link(self) -> DeskLink:
        assert self.link is not None
        return self.link

    def signed_in(self, member: StaffMember) -> LinkedDesk:
        return replace(self, who=member)

    def allows(self, action: DeskAction) -> Message | None:
        if action in NOT_JOURNALED and self._link.mode == "offline":
            return Message(WAITS_FOR_SERVER)
        return None

    def check_in(
        self, code: str, *, action_id: str, override: Override | None = None
    ) -> CheckInResult:
        return self._link.check_in(
            self.slug,
            code,
            staff=self.who.name,
            action_id=action_id,
            override=override,
            session_code=self.admits,
            leaving=self.leaving,
        )

    def collect_balance(
        self, registration_id: int, payment: PaymentInput, *, action_id: str
    ) -> IssuedReceipt:
        return self._link.collect_balance(
            registration_id, payment, staff=self.who.name, action_id=action_id
        )

    def refund_credit(
        self, registration_id: int, *, method: str, reason: str
    ) -> tuple[IssuedReceipt, ...]:
        if self._link.mode == "offline":  # the replica's credit note would be lost
            raise Conflict(WAITS_FOR_SERVER)
        return super().refund_credit(registration_id, method=method, reason=reason)

    def sell_addons(
        self,
        registration_id: int,
        codes: tuple[str, ...],
        payment: PaymentInput | None,
        *,
        action_id: str,
        override: Override | None = None,
    ) -> AddOnResult:
        # Offline from the replica's seats, journaled by the payment (the link's).
        return self._link.sell_addons(
            registration_id,
            codes,
            payment,
            staff=self.who.name,
            action_id=action_id,
            override=override,
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
        return self._link.register_walk_in(
            self.slug,
            form,
            payment,
            staff=self.who.name,
            action_id=action_id,
            override=override,
            allow_duplicate_email=allow_duplicate_email,
            at=at,
        )


class _LinkSessions(sessionmaker[Session]):
    """A session factory that asks the link at each call: the server while shared, else the
    replica, so a desk built while shared keeps working when the link goes offline."""

    def __init__(self, link: DeskLink) -> None:
        super().__init__()
        self.link = link

    def __call__(self, **local_kw: object) -> Session:
        return self.link.sessions(**local_kw)


__all__ = ["LinkedDesk"]
