"""A desk's link to the shared server, with its local replica for when the server is gone.

The desk calls :class:`DeskLink` instead of the services' ``sessions`` for its actions
(check-in, walk-in, collecting a balance, selling add-ons) and reads through
:attr:`DeskLink.sessions`.

- ``local`` -- no server configured: the desk's own SQLite database, as before.
- ``shared`` -- actions go to the server; the replica is kept current (after each action of
  this desk, and by :meth:`DeskLink.refresh_replica` when others change things).
- ``offline`` -- the server could not be reached: actions go to the replica, each with its
  journal entry in the same transaction, receipts from the desk's offline series. The
  desk retries with :meth:`DeskLink.reconnect`, which replays the journal, refreshes the
  replica and goes back to ``shared`` once nothing is pending.

An action that failed on a lost connection is retried on the replica with the *same*
``action_id``: if the server had committed it after all, the replay finds it there and
writes nothing twice.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Registration
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict
from desktop_app.services.admin.staff import Override
from desktop_app.services.desk import addon_sale, addons, checkin, walkin
from desktop_app.services.desk.addon_sale import AddOnResult
from desktop_app.services.desk.checkin import CheckInResult
from desktop_app.services.desk.walkin import WalkInForm, WalkInResult
from desktop_app.services.money import payments
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.services.sync import replica
from desktop_app.services.sync.link_core import LinkCore, LinkStatus, server_url

_T_FREE_WAITS = QT_TRANSLATE_NOOP(
    "SharedDesk",
    "Free add-ons are reserved on the server only: this waits for it. Add-ons with a price"
    " are sold offline too.",
)


class DeskLink(LinkCore):
    """A desk's actions through its link: on the server while it answers, else on the
    replica with their journal entries (see the module)."""

    def check_in(
        self,
        slug: str,
        code: str,
        *,
        staff: str,
        action_id: str | None = None,
        override: Override | None = None,
        session_code: str | None = None,
        day: date | None = None,
        leaving: bool = False,
    ) -> CheckInResult:
        """:func:`services.checkin.check_in` at this desk, on the server or offline, at its
        door: ``session_code`` (a session's door) and ``day`` (default: the venue's today);
        ``leaving``: Exit mode (offline, exits and re-entries are journaled too)."""
        action = action_id or uuid.uuid4().hex
        return self._run(
            lambda sessions, _series: checkin.check_in(
                sessions,
                slug,
                code,
                desk=self.desk,
                staff=staff,
                action_id=action,
                override=override,
                session_code=session_code,
                day=day,
                leaving=leaving,
            )
        )

    def register_walk_in(
        self,
        slug: str,
        form: WalkInForm,
        payment: PaymentInput,
        *,
        staff: str,
        action_id: str | None = None,
        override: Override | None = None,
        allow_duplicate_email: bool = False,
        at: datetime | None = None,
    ) -> WalkInResult:
        """:func:`services.walkin.register_walk_in` at this desk, on the server or offline."""
        action = action_id or uuid.uuid4().hex
        return self._run(
            lambda sessions, series: walkin.register_walk_in(
                sessions,
                slug,
                form,
                payment,
                desk=self.desk,
                staff=staff,
                action_id=action,
                override=override,
                allow_duplicate_email=allow_duplicate_email,
                at=at,
                receipt_series=series,
            ),
            lambda: replica.offline_series_code(self.desk, slug),
        )

    def collect_balance(
        self,
        registration_id: int,
        payment: PaymentInput,
        *,
        staff: str,
        action_id: str | None = None,
        override: Override | None = None,
    ) -> IssuedReceipt:
        """:func:`services.payments.collect_balance` at this desk, on the server or offline.

        Offline, the receipt is numbered in the desk's offline series
        (``replica.offline_series_code``) and keeps that number on the server.
        """
        action = action_id or uuid.uuid4().hex
        return self._run(
            lambda sessions, series: payments.collect_balance(
                sessions,
                registration_id,
                payment,
                desk=self.desk,
                staff=staff,
                action_id=action,
                override=override,
                receipt_series=series,
            ),
            lambda: self._offline_series_for(registration_id),
        )

    def sell_addons(
        self,
        registration_id: int,
        codes: tuple[str, ...],
        payment: PaymentInput | None,
        *,
        staff: str,
        action_id: str | None = None,
        override: Override | None = None,
    ) -> AddOnResult:
        """:func:`services.desk.addon_sale.sell_addons` at this desk, on the server or
        offline: there on the replica's seats, journaled by its payment, its receipt in the
        desk's offline series; the replay gives the seats on the server (``replay_addons``)."""
        action = action_id or uuid.uuid4().hex

        def sell(sessions: sessionmaker[Session], series: str | None) -> AddOnResult:
            if self._mode == "offline":
                with sessions() as session:
                    registration = session.get(Registration, registration_id)
                    free = registration is not None and not addons.price_of(
                        session, registration.event, codes
                    )
                if free:  # no payment to journal it by: reserved on the server only
                    raise Conflict(_T_FREE_WAITS)
            return addon_sale.sell_addons(
                sessions,
                registration_id,
                codes,
                payment,
                desk=self.desk,
                staff=staff,
                action_id=action,
                override=override,
                receipt_series=series,
            )

        return self._run(sell, lambda: self._offline_series_for(registration_id))


__all__ = ["DeskLink", "LinkStatus", "server_url"]
