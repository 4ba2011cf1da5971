"""What a check-in request came to: its outcome and the one-line account staff read (context
"CheckIn"), the session's name and seats at a session's door."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Message
from desktop_app.domain.money import ZERO, format_money
from desktop_app.domain.times import venue_time

_CTX = "CheckIn"
_T_CHECKED_IN = QT_TRANSLATE_NOOP("CheckIn", "Checked in: {name}")
_T_ALREADY = QT_TRANSLATE_NOOP(
    "CheckIn", "Already checked in: {name}, at {at} at desk {desk} by {staff}. Nothing changed."
)
_T_NOT_FOUND = QT_TRANSLATE_NOOP("CheckIn", "Not found: no registration {code} at this event.")
_T_OTHER_EVENT = QT_TRANSLATE_NOOP(
    "CheckIn", "Not found: {code} is a registration for another event ({event})."
)
_T_CANCELLED = QT_TRANSLATE_NOOP("CheckIn", "Cancelled: the registration of {name} was cancelled.")
_T_PAYMENT_DUE = QT_TRANSLATE_NOOP(
    "CheckIn", "Payment due: {name} owes {balance}. Collect it or ask a supervisor."
)
_T_DOUBT = QT_TRANSLATE_NOOP(
    "CheckIn", "Membership doubt: confirm {name}'s membership or ask a supervisor."
)
_T_SESSION_IN = QT_TRANSLATE_NOOP("CheckIn", "Checked in to {session}: {name}")
_T_NOT_ENTITLED = QT_TRANSLATE_NOOP(
    "CheckIn", "Not registered for {session}: {name} does not hold it. Nothing changed."
)
_T_FULL = QT_TRANSLATE_NOOP(
    "CheckIn", "{session} is full: {taken} of {capacity}. A supervisor may override."
)
_T_EXITED = QT_TRANSLATE_NOOP("CheckIn", "Left {session}: {name}")
_T_REENTERED = QT_TRANSLATE_NOOP("CheckIn", "Back in {session}: {name}")
_T_NOT_INSIDE = QT_TRANSLATE_NOOP(
    "CheckIn", "Not inside {session}: {name} has not come in or has gone out. Nothing changed."
)
_T_CREDIT_HERE = QT_TRANSLATE_NOOP(
    "CheckIn", "{name} is owed {amount}: refund it with a credit note on the desk's receipt."
)
_T_CREDIT_PART = QT_TRANSLATE_NOOP(
    "CheckIn",
    "{name} is owed {amount}: refund {here} with a credit note on the desk's receipt, the"
    " rest where it was paid (the online store).",
)
_T_CREDIT_ELSEWHERE = QT_TRANSLATE_NOOP(
    "CheckIn", "{name} is owed {amount}: refund it where it was paid (the online store)."
)


class CheckInOutcome(StrEnum):
    """What a scan or a check-in request came to."""

    CHECKED_IN = "checked_in"
    ALREADY = "already_checked_in"
    NOT_FOUND = "not_found"
    CANCELLED = "cancelled"
    PAYMENT_DUE = "payment_due"
    MEMBERSHIP_DOUBT = "membership_doubt"
    NOT_ENTITLED = "not_entitled"  # at a session's door: the registration does not hold it
    SESSION_FULL = "session_full"  # at a session's door: every seat is taken
    EXITED = "exited"  # at a door with exit scans: went out
    REENTERED = "reentered"  # at a door with exit scans: came back in (the seat is theirs)
    NOT_INSIDE = "not_inside"  # an exit asked for someone who is not inside

    @property
    def ok(self) -> bool:
        """Whether the desk did what was asked or the person may go in (checked in now or
        before, or an exit or re-entry recorded)."""
        return self in (
            CheckInOutcome.CHECKED_IN,
            CheckInOutcome.ALREADY,
            CheckInOutcome.EXITED,
            CheckInOutcome.REENTERED,
        )


@dataclass(frozen=True)
class CheckInResult:
    """The outcome of one check-in request, with the check-in it found or made."""

    outcome: CheckInOutcome
    code: str
    registration_id: int | None
    name: str | None
    at: datetime | None  # of the (existing or new) check-in
    desk: str | None
    staff: str | None
    balance_due: Decimal
    other_event: str | None = None  # NOT_FOUND: the code belongs to this other event's slug
    overridden_by: str | None = None  # the supervisor whose override let this check-in pass
    action_id: str | None = None  # of the check-in row, when there is one
    timezone: str | None = None  # the event's, in which times are shown
    other_event_names: tuple[str, str] | None = None  # NOT_FOUND: that event's (fr, en) names
    # Paid more than the registration costs: owed back to the person, and how much of it
    # the desk's own receipts can be credited (the rest was paid online).
    credit_due: Decimal = ZERO
    credit_refundable: Decimal = ZERO
    # At a session's door: its (fr, en) names, seats taken (this check-in included) and
    # capacity (None: no limit). The day the check-in counts for, for an event with days.
    session_names: tuple[str, str] | None = None
    seats_taken: int | None = None
    capacity: int | None = None
    day: date | None = None
    moved_at: datetime | None = None  # of the exit or re-entry recorded (doors with exits)

    @property
    def message(self) -> Message:
        """A one-line, translatable account of the outcome (context "CheckIn"), in English."""
        return self.message_for("en")

    def message_for(self, language: str) -> Message:
        """The account of the outcome, naming another event in ``language`` ("fr" or "en")."""
        name = self.name or ""
        door = self.session_names[0 if language == "fr" else 1] if self.session_names else None
        if self.outcome is CheckInOutcome.CHECKED_IN:
            if door is not None:
                return Message(_T_SESSION_IN, session=door, name=name)
            return Message(_T_CHECKED_IN, name=name)
        if self.outcome is CheckInOutcome.EXITED:
            return Message(_T_EXITED, session=door, name=name)
        if self.outcome is CheckInOutcome.REENTERED:
            return Message(_T_REENTERED, session=door, name=name)
        if self.outcome is CheckInOutcome.NOT_INSIDE:
            return Message(_T_NOT_INSIDE, session=door, name=name)
        if self.outcome is CheckInOutcome.NOT_ENTITLED:
            return Message(_T_NOT_ENTITLED, session=door, name=name)
        if self.outcome is CheckInOutcome.SESSION_FULL:
            return Message(_T_FULL, session=door, taken=self.seats_taken, capacity=self.capacity)
        if self.outcome is CheckInOutcome.ALREADY:
            at = venue_time(self.at, self.timezone) if self.at else ""
            return Message(_T_ALREADY, name=name, at=at, desk=self.desk, staff=self.staff)
        if self.outcome is CheckInOutcome.NOT_FOUND:
            if self.other_event:
                names = self.other_event_names
                event = (names[0] if language == "fr" else names[1]) if names else None
                return Message(_T_OTHER_EVENT, code=self.code, event=event or self.other_event)
            return Message(_T_NOT_FOUND, code=self.code)
        if self.outcome is CheckInOutcome.CANCELLED:
            return Message(_T_CANCELLED, name=name)
        if self.outcome is CheckInOutcome.PAYMENT_DUE:
            return Message(_T_PAYMENT_DUE, name=name, balance=format_money(self.balance_due, "en"))
        return Message(_T_DOUBT, name=name)

    def credit_message(self, amount: str | None = None, here: str | None = None) -> Message | None:
        """What staff must do about a credit due (context "CheckIn"), or ``None`` without one.

        ``amount`` and ``here`` are the sums as the reader writes money (default: plain).
        """
        if self.credit_due <= 0:
            return None
        name = self.name or ""
        amount = amount or f"{self.credit_due:.2f}"
        if self.credit_refundable >= self.credit_due:
            return Message(_T_CREDIT_HERE, name=name, amount=amount)
        if self.credit_refundable > 0:
            here = here or f"{self.credit_refundable:.2f}"
            return Message(_T_CREDIT_PART, name=name, amount=amount, here=here)
        return Message(_T_CREDIT_ELSEWHERE, name=name, amount=amount)
