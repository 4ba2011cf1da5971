"""The desk's main button says what Enter will do to the person on screen, in the colour of
that outcome: green to check in, red when a payment is due (F4), blue for a membership doubt
(F7), amber when already checked in, purple for a cancelled registration; at a session's
door, what the card says of that session (not registered, already in, or at a door with exit
scans: out, or back in)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.errors import QT_TRANSLATE_NOOP
from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.ui.desk.outcome import Tone, tone_colours


class _Designated(Protocol):
    """What the list's row and the card both know of a person (read-only)."""

    @property
    def status(self) -> str: ...

    @property
    def balance_due(self) -> Decimal: ...

    @property
    def membership_flag(self) -> str | None: ...

    @property
    def checked_in(self) -> bool: ...


def enter_outcome(
    target: _Designated | None,
    *,
    at_session: bool = False,
    now: datetime | None = None,
    leaving: bool = False,
) -> Tone | None:
    """What Enter would show for ``target`` (the desk's rules, in their order); at a
    session's door the card's entrance check-in says nothing about the session. Just after
    someone came in at a door with exits, Enter is a double scan ("already checked in")."""
    if target is None:
        return None
    if target.status != RegistrationStatus.ACTIVE:
        return Tone.CANCELLED
    door = target.door if at_session and isinstance(target, AttendeeCard) else None
    if leaving and door is not None:  # Exit mode: Enter records an exit, nothing else
        inside = door.checked_in_at is not None and door.left_at is None
        return Tone.EXITED if inside else Tone.NOT_INSIDE
    if target.checked_in and not at_session:
        return Tone.ALREADY
    if door is not None and door.checked_in_at is not None:
        until = door.double_scan_until()
        if until is not None and (now or datetime.now(UTC)) < until:
            return Tone.ALREADY
        if door.exits:
            return Tone.EXITED if door.left_at is None else Tone.REENTERED
        return Tone.ALREADY
    if door is not None and not door.entitled:
        return Tone.NOT_ENTITLED
    if target.balance_due > 0:
        return Tone.PAYMENT_DUE
    if target.membership_flag == "doubt":
        return Tone.MEMBERSHIP_DOUBT
    return Tone.CHECKED_IN


def relabel_in_ms(target: _Designated | None, *, at_session: bool) -> int | None:
    """In how many milliseconds a scan of ``target`` stops being a double scan (the button's
    words change then), or ``None``."""
    door = target.door if at_session and isinstance(target, AttendeeCard) else None
    until = door.double_scan_until() if door is not None else None
    left = (until - datetime.now(UTC)).total_seconds() if until is not None else 0
    return int(left * 1000) + 50 if left > 0 else None


def main_button_words(tone: Tone) -> str:
    """The button's words for an outcome other than a plain check-in."""
    words = {
        Tone.CANCELLED: QT_TRANSLATE_NOOP("DeskWindow", "Cancelled registration"),
        Tone.ALREADY: QT_TRANSLATE_NOOP("DeskWindow", "Already checked in"),
        Tone.PAYMENT_DUE: QT_TRANSLATE_NOOP("DeskWindow", "Payment due — F4"),
        Tone.MEMBERSHIP_DOUBT: QT_TRANSLATE_NOOP("DeskWindow", "Membership doubt — F7"),
        Tone.NOT_ENTITLED: QT_TRANSLATE_NOOP("DeskWindow", "Not registered for this session"),
        Tone.EXITED: QT_TRANSLATE_NOOP("DeskWindow", "Record the exit"),
        Tone.REENTERED: QT_TRANSLATE_NOOP("DeskWindow", "Back in"),
        Tone.NOT_INSIDE: QT_TRANSLATE_NOOP("DeskWindow", "Not inside"),
    }
    return QCoreApplication.translate("DeskWindow", words[tone])


def main_button_style(tone: Tone) -> str:
    """The main button's style sheet in ``tone``'s colours (grey when disabled)."""
    background, foreground = tone_colours(tone)
    return (
        f"QPushButton {{ background:{background}; color:{foreground}; border-radius:6px;"
        " padding:6px 14px; }"
        "QPushButton:disabled { background:#9e9e9e; color:#eeeeee; }"
    )
