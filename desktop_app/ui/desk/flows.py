"""What the desk's keys and scans do: check in, override, undo, edit, substitute, pay, reprint.

Every database call runs on the context's serial writer (changes) or reader (card loads);
the GUI thread only asks and shows. Each action carries a fresh ``action_id`` so a retry can
never do it twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.services.admin.staff import Override
from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.services.desk.checkin import CheckInOutcome, CheckInResult
from desktop_app.services.desk.search import SearchHit
from desktop_app.services.money.receipt_store import IssuedReceipt
from desktop_app.ui.desk.addon_sale import sell_addons
from desktop_app.ui.desk.badge_jobs import BadgeJobs
from desktop_app.ui.desk.balance import collect_balance
from desktop_app.ui.desk.card import AttendeeCardView
from desktop_app.ui.desk.changes import DeskChange
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.desk.decision import decide_membership, doubt_hint
from desktop_app.ui.desk.forms import ReasonDialog
from desktop_app.ui.desk.outcome import OutcomePanel, Tone
from desktop_app.ui.desk.person_edit import change_person
from desktop_app.ui.desk.receipt_output import ReceiptOutput
from desktop_app.ui.desk.refund import refund_credit
from desktop_app.ui.desk.search import SearchPanel
from desktop_app.ui.desk.text import money
from desktop_app.ui.dialogs.override import OverrideDialog
from desktop_app.ui.errors import error_text

CARD_SETTLE_MS = 60  # ms the selection must stay on one person before their card is read

T = TypeVar("T")
_BLOCKING = (
    CheckInOutcome.PAYMENT_DUE,
    CheckInOutcome.MEMBERSHIP_DOUBT,
    CheckInOutcome.SESSION_FULL,
)
_CHANGED = (CheckInOutcome.CHECKED_IN, CheckInOutcome.EXITED, CheckInOutcome.REENTERED)


def confirm_reprint(parent: QWidget, name: str, count: int) -> bool:
    """Asks before a badge is printed again (a lost badge is fine; a second person is not)."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("DeskFlows", "Reprint the badge?"),
        QCoreApplication.translate(
            "DeskFlows",
            "The badge of {name} was already printed (badges printed: {count}). Print it again?",
        ).format(name=name, count=count),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class DeskFlows(QObject):
    """The desk's use cases, wired to its widgets."""

    card_changed = Signal(object)  # AttendeeCard | None
    blocked_changed = Signal(bool)  # the last check-in was refused for payment or doubt
    desk_changed = Signal(object)  # DeskChange: every view that shows it refreshes, once
    recent = Signal(object)  # CheckInResult: someone was just checked in at this desk

    def __init__(
        self,
        context: DeskContext,
        window: QWidget,
        search: SearchPanel,
        card_view: AttendeeCardView,
        outcome: OutcomePanel,
        badges: BadgeJobs,
    ) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.search = search
        self.card_view = card_view
        self.outcome = outcome
        self.badges = badges
        self.card: AttendeeCard | None = None
        self.blocked: CheckInResult | None = None
        self._wanted_card: int | None = None
        # While staff type, the selection changes with every answer: read the card once it
        # has stayed on one person for a moment, so typing does not queue card reads.
        self._card_timer = QTimer(self)
        self._card_timer.setSingleShot(True)
        self._card_timer.setInterval(CARD_SETTLE_MS)
        self._card_timer.timeout.connect(self._load_settled_card)
        self._settling: int | None = None
        self._checking: set[str] = set()
        self._scanned_over: str | None = None  # the field's text when a scan showed its card
        self._notes: dict[str, Callable[[], str]] = {}  # per badge code: printing, sent, failed
        # Where each receipt went; the band reads it (so does the walk-in result).
        self.receipts = ReceiptOutput(
            context.settings, context.print_queue, context.reader, context.office, self
        )
        self.receipts.changed.connect(lambda _delivery: self.outcome.refresh())
        badges.sent.connect(self._badge_sent)
        badges.recorded.connect(self._badge_recorded)
        badges.failed.connect(self.badge_failed)

    # -- plumbing -----------------------------------------------------------------------

    def write(self, function: Callable[[], T], done: Callable[[T], Any]) -> None:
        """``function`` on the desk's serial writer, ``done`` with its result on the GUI
        thread; a failure is said in the band."""
        self.context.writer.submit(function, done, self._failed, owner=self.window)

    def set_card(self, card: AttendeeCard | None) -> None:
        """Show ``card`` (the one an edit returned)."""
        self._set_card(card)

    def _failed(self, error: BaseException) -> None:
        self.outcome.show_message(
            Tone.PROBLEM,
            lambda: QCoreApplication.translate("DeskFlows", "That did not go through"),
            lambda: error_text(error),
        )

    @property
    def staff(self) -> str:
        """The signed-in staff member's name, as the audit log records it."""
        return self.context.staff.name

    # -- the card -----------------------------------------------------------------------

    def show_hit(self, hit: SearchHit | None) -> None:
        """The search selection moved: load that person's card (a newer choice wins)."""
        if hit is None:
            self._card_timer.stop()
            return
        if self.card is not None and self.card.registration_id == hit.registration_id:
            self._card_timer.stop()  # already on the card; actions reload it themselves
            self._wanted_card = hit.registration_id
            return
        self._settling = hit.registration_id
        self._card_timer.start()

    def _load_settled_card(self) -> None:
        if self._settling is not None:
            self.load_card(self._settling)

    def load_card(self, registration_id: int) -> None:
        """Read the card of ``registration_id`` in the background and show it."""
        self._wanted_card = registration_id
        read = self.context.card_reader()

        def loaded(card: AttendeeCard) -> None:
            if card.registration_id == self._wanted_card:
                self._set_card(card)

        self.context.reader.submit(
            lambda: read(registration_id),
            loaded,
            self._failed,
            owner=self.window,
        )

    def _set_card(self, card: AttendeeCard | None) -> None:
        self.card = card
        self._wanted_card = card.registration_id if card else None
        self.card_view.show_card(card)
        self.card_changed.emit(card)

    def keep_card_over_text(self) -> None:
        """The card about to show was chosen by a scan or a click, not by the field's text:
        a text that finds no one does not take it away until the text changes."""
        self._scanned_over = self.search.query

    def nobody_matches(self) -> None:
        """The field's text finds no one: no card may stay for Enter, unless it is the card
        of a scan made after that text was typed (the scan is the newer word)."""
        if self._scanned_over is not None and self._scanned_over == self.search.query:
            return
        self.clear()

    def clear(self) -> None:
        """Esc: the card goes; the outcome of the last scan stays until the next one."""
        self._card_timer.stop()
        self._settling = None
        self._wanted_card = None
        self._set_card(None)

    # -- check-in -----------------------------------------------------------------------

    def scan(self, code: str) -> None:
        """A badge or confirmation was scanned: check the code in at once."""
        self.check_in(code.strip())

    def check_in_selected(self) -> None:
        """Enter: check in the person the field's text designates: the card, or the selected row.

        If the text changed since the list and card were shown, nobody on screen was chosen
        for it: Enter searches first. A text that is exactly a registration's code (a slow
        scanner, a code typed by hand) is checked in as a scan would be; anything else only
        shows its results, and the next Enter acts on them.
        """
        if not self.search.is_current():
            self._settling = None
            self._card_timer.stop()
            self.search.search_now(self._entered_after_search)
            return
        hit = self.search.current_hit()
        if self.card is not None and (
            hit is None or hit.registration_id == self.card.registration_id
        ):
            self.check_in(self.card.code)
        elif hit is not None:
            self.check_in(hit.code)

    def _entered_after_search(self, hits: list[SearchHit]) -> None:
        if hits and hits[0].exact_code:
            self.check_in(hits[0].code)
        elif hits:
            self.search.hint(
                QCoreApplication.translate(
                    "DeskFlows", "{count} found. Choose the person, then press Enter."
                ).format(count=len(hits))
            )

    def scan_refused_while_busy(self) -> None:
        """A scan came while a dialog was open: nothing is done, and staff are told why."""
        self.outcome.show_message(
            Tone.PROBLEM,
            lambda: QCoreApplication.translate("DeskFlows", "Scan not taken"),
            lambda: QCoreApplication.translate(
                "DeskFlows", "A window is open. Finish or close it, then scan again."
            ),
        )

    def check_in(
        self,
        code: str,
        override: Override | None = None,
        *,
        first: Callable[[], str] | None = None,
    ) -> None:
        """Check ``code`` in following the desk rules, and print the badge when set to.

        ``first`` is said before the outcome (a payment's receipt and change due)."""
        if not code or code in self._checking:
            return  # a second Enter while the first is on its way changes nothing
        self._checking.add(code)
        context, action = self.context, uuid.uuid4().hex

        def run() -> CheckInResult:
            # Through the shared server's link when there is one (journaled offline).
            return context.service.check_in(code, action_id=action, override=override)

        def done(result: CheckInResult) -> None:
            self._checking.discard(code)
            self._checked(result, first)

        def failed(error: BaseException) -> None:
            self._checking.discard(code)
            self._failed(error)

        context.writer.submit(run, done, failed, owner=self.window)

    def _checked(self, result: CheckInResult, first: Callable[[], str] | None = None) -> None:
        self.blocked = result if result.outcome in _BLOCKING else None
        self.blocked_changed.emit(self.blocked is not None)
        extra: Callable[[], str] | None = None
        if result.outcome is CheckInOutcome.CHECKED_IN and self.context.settings.print_on_check_in:
            self.start_badge(result.code)
            extra = self.badge_note(result.code)
        elif result.outcome is CheckInOutcome.MEMBERSHIP_DOUBT:
            extra = doubt_hint  # F7 settles it; F8 lets it through
        self.keep_card_over_text()  # the card below is the scan's, not the text's
        self.outcome.show_result(result, extra, first=first)
        if result.outcome is CheckInOutcome.CHECKED_IN and result.registration_id is not None:
            self.recent.emit(result)
        if result.registration_id is not None:
            if not self.search.select_registration(result.registration_id):
                self.search.clear_selection()  # Enter must not mean the row chosen before
            if result.outcome in _CHANGED:  # the header's counts too (inside now)
                self.desk_changed.emit(DeskChange(result.registration_id))
            else:
                self.load_card(result.registration_id)  # a refusal changed nothing
        else:  # not found: nobody's card stays on screen for Enter to check in
            self.search.clear_selection()
            self.clear()

    def override(self) -> None:
        """A supervisor lets a refused check-in through (PIN and reason, audited)."""
        blocked = self.blocked
        if blocked is None:
            return
        if blocked.outcome is CheckInOutcome.PAYMENT_DUE:
            why = QCoreApplication.translate(
                "DeskFlows", "{name} owes {amount}. Check in without collecting it?"
            ).format(name=blocked.name or "", amount=money(blocked.balance_due))
        elif blocked.outcome is CheckInOutcome.SESSION_FULL:
            why = QCoreApplication.translate(
                "DeskFlows", "Every seat is taken ({taken} of {capacity}). Let {name} in anyway?"
            ).format(name=blocked.name or "", taken=blocked.seats_taken, capacity=blocked.capacity)
        else:
            why = QCoreApplication.translate(
                "DeskFlows", "{name}'s membership is in doubt. Check in at the price paid?"
            ).format(name=blocked.name or "")
        granted = OverrideDialog.ask(self.window, self.context.writer, self.context.office, why)
        if granted is not None:
            self.check_in(blocked.code, override=granted)

    def decide_membership(self) -> None:
        """F7: staff decide the card's membership (a candidate, proof shown, not a member)."""
        decide_membership(self)

    def undo(self) -> None:
        """Undo the card's check-in, with a reason (audited)."""
        card = self.card
        if card is None or not card.checked_in_here:  # at a session's door, its check-in
            return
        reason = ReasonDialog.ask(
            self.window,
            QCoreApplication.translate("DeskFlows", "Why undo the check-in of {name}?").format(
                name=card.name
            ),
        )
        if reason is None:
            return
        context = self.context

        def done(_none: None) -> None:
            self.outcome.show_message(
                Tone.INFO,
                lambda: QCoreApplication.translate("DeskFlows", "Check-in undone"),
                lambda: QCoreApplication.translate(
                    "DeskFlows", "{name} is no longer checked in ({reason})."
                ).format(name=card.name, reason=reason),
            )
            self.desk_changed.emit(DeskChange(card.registration_id))

        self.write(
            lambda: context.service.undo_check_in(card.registration_id, reason=reason),
            done,
        )

    # -- the person ---------------------------------------------------------------------

    def edit(self) -> None:
        """Correct the person's details (audited)."""
        change_person(self, substitute=False)

    def substitute(self) -> None:
        """A colleague comes instead of the registered person."""
        change_person(self, substitute=True)

    # -- money --------------------------------------------------------------------------

    def collect_balance(self) -> None:
        """Take the balance in cash or by card; the receipt prints on request. F4 on a card
        that is owed money refunds it with a credit note instead (ui/desk/refund.py); on one
        with nothing owed, it sells add-ons (ui/desk/addon_sale.py)."""
        card = self.card
        if card is not None and card.credit_due > 0:
            refund_credit(self)
            return
        if card is None:
            return
        if card.balance_due <= 0:  # nothing owed: F4 sells add-ons (ui/desk/addon_sale.py)
            if card.status == RegistrationStatus.ACTIVE:
                sell_addons(self)
            return
        collect_balance(self)

    def print_receipt(self, receipt: IssuedReceipt) -> None:
        """Print the receipt, or save it as PDF (no printer chosen, or it failed); the band
        says which, with the printer or the file."""
        self.receipts.send_issued(receipt)
        number = receipt.number
        self.outcome.add_detail(lambda: self.receipts.text(number))

    # -- badges -------------------------------------------------------------------------

    def reprint(self) -> None:
        """Print the card's badge again (counted; asks first once it was printed)."""
        card = self.card
        if card is None or card.status != RegistrationStatus.ACTIVE:
            return
        if card.badges_printed >= 1 and not confirm_reprint(
            self.window, card.name, card.badges_printed
        ):
            return
        printing = self.start_badge(card.code)
        note = self.badge_note(card.code)
        self.outcome.show_message(
            Tone.INFO if printing else Tone.PROBLEM,
            lambda: QCoreApplication.translate("DeskFlows", "Reprint: {name}").format(
                name=card.name
            ),
            note,
        )

    def start_badge(self, code: str) -> bool:
        """Queue the badge of ``code``; its note says how it goes."""
        if self.badges.print_badge(code):
            self._notes[code] = lambda: QCoreApplication.translate(
                "DeskFlows", "Printing the badge…"
            )
            return True
        self._notes[code] = lambda: QCoreApplication.translate(
            "DeskFlows", "No badge printer is chosen (settings, F10): badge not printed."
        )
        return False

    def badge_note(self, code: str) -> Callable[[], str]:
        return lambda: self._notes.get(code, lambda: "")()

    def _badge_sent(self, code: str, destination: str) -> None:
        self._notes[code] = lambda: QCoreApplication.translate(
            "DeskFlows", "Badge sent to {printer}."
        ).format(printer=destination)
        self.outcome.refresh()

    def _badge_recorded(self, code: str) -> None:
        if self.card is not None and self.card.code == code:
            self.load_card(self.card.registration_id)

    def badge_failed(self, code: str, message: str) -> None:
        self._notes[code] = lambda: QCoreApplication.translate(
            "DeskFlows", "Badge not printed: {message}"
        ).format(message=message)
        self.outcome.refresh()
