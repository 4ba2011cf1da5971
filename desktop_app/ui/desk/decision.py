"""Settling a membership doubt at the desk (F7): choose a candidate, proof shown, or not a member.

``MembershipDecisionDialog`` only asks; :func:`decide_membership` runs the decision on the
desk's writer, shows the new card, and lets a check-in that was refused for the doubt go
through once the doubt is settled (as a paid balance does in ``DeskFlows.collect_balance``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.membership import ASSOCIATION_NAMES, ASSOCIATIONS
from desktop_app.domain.stored_verdict import CandidateLine
from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.services.desk.checkin import CheckInOutcome, CheckInResult
from desktop_app.ui.desk.changes import DeskChange
from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.desk.outcome import OutcomePanel, Tone
from desktop_app.ui.errors import error_text
from desktop_app.ui.evidence import verdict_text


class DecisionHost(Protocol):
    """What F7 needs from the desk (the flows), and nothing more: no import circle."""

    card: AttendeeCard | None
    blocked: CheckInResult | None
    window: QWidget
    context: DeskContext
    outcome: OutcomePanel
    desk_changed: Any  # the signal that announces a DeskChange

    @property
    def staff(self) -> str: ...

    def check_in(self, code: str) -> None: ...


_CONTEXT = "DeskDecision"


@dataclass(frozen=True)
class Decision:
    """What staff decided about one association's membership, and why."""

    association: str
    decision: str  # "confirmed-candidate" | "member" | "not-member"
    reason: str
    membership_id: int | None = None


def doubt_hint() -> str:
    """The line under a "membership doubt" outcome: what staff can do now."""
    return QCoreApplication.translate(
        "DeskDecision", "F7: decide the membership; F8: supervisor override."
    )


class MembershipDecisionDialog(QDialog):
    """Per partner association: its ranked candidates, "proof shown" and "not a member".

    One choice and a reason; OK stays disabled until both are given. Keyboard: Tab moves
    between the associations and the reason, the arrow keys between choices, Enter accepts.
    """

    def __init__(self, parent: QWidget | None, card: AttendeeCard) -> None:
        super().__init__(parent)
        self.card = card
        self.setWindowTitle(self.tr("Membership of {name}").format(name=card.name))
        self.choices = QButtonGroup(self)
        self.choices.setExclusive(True)
        self._decisions: dict[QRadioButton, Decision] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Which membership entitles {name} ({organization}) to the member rate?").format(
                name=card.name, organization=card.organization or self.tr("no organization")
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        doubtful = {c.association for c in card.candidates}
        partners = card.partners or ASSOCIATIONS
        # The association in doubt first: its best candidate is the first choice.
        for association in sorted(partners, key=lambda code: code not in doubtful):
            layout.addWidget(self._association_box(association))
        reason_label = QLabel(self.tr("&Reason (required):"))
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("e.g. showed a 2026 membership card"))
        reason_label.setBuddy(self.reason)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Record the decision"))
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choices.buttonToggled.connect(lambda _button, _on: self._update())
        self.reason.textChanged.connect(lambda _text: self._update())
        self._update()
        first = next(iter(self._decisions), None)
        if first is not None:
            first.setFocus()
        self.setMinimumWidth(780)  # a candidate's details on one line at 1280 px

    def _association_box(self, association: str) -> QGroupBox:
        name = ASSOCIATION_NAMES.get(association, association)
        box = QGroupBox(name)
        column = QVBoxLayout(box)
        for candidate in self.card.candidates:
            if candidate.association == association:
                self._add(
                    column,
                    self.candidate_text(candidate),
                    Decision(association, "confirmed-candidate", "", candidate.membership_id),
                )
        self._add(
            column,
            self.tr("Member of {association}: proof shown (e.g. membership card)").format(
                association=name
            ),
            Decision(association, "member", ""),
        )
        self._add(
            column,
            self.tr("Not a member of {association}").format(association=name),
            Decision(association, "not-member", ""),
        )
        return box

    def candidate_text(self, candidate: CandidateLine) -> str:
        """The candidate's name and likeness, then what tells namesakes apart: member number,
        email, organization, and until when the membership is valid (or since when expired)."""
        first = self.tr("This is their membership: {name} ({likeness})").format(
            name=candidate.label, likeness=verdict_text(candidate.likeness)
        )
        details = []
        if candidate.member_number:
            details.append(self.tr("member no. {number}").format(number=candidate.member_number))
        if candidate.email:
            details.append(candidate.email)
        if candidate.organization and candidate.organization != candidate.label:
            details.append(candidate.organization)
        until = candidate.valid_until
        if until is not None:
            event_day = self.card.event_date
            if event_day is not None and until < event_day:
                details.append(self.tr("expired on {date}").format(date=until.isoformat()))
            else:
                details.append(self.tr("valid until {date}").format(date=until.isoformat()))
        return first + ("\n" + " · ".join(details) if details else "")

    def _add(self, column: QVBoxLayout, text: str, decision: Decision) -> None:
        button = QRadioButton(text)
        self.choices.addButton(button)
        self._decisions[button] = decision
        column.addWidget(button)

    def options(self) -> list[tuple[str, Decision]]:
        """The choices offered, top to bottom (text and the decision it stands for)."""
        return [(button.text(), decision) for button, decision in self._decisions.items()]

    def choose(self, index: int) -> None:
        """Pick the ``index``-th choice (as a click would)."""
        list(self._decisions)[index].setChecked(True)

    def decision(self) -> Decision | None:
        """The choice with the reason given, or ``None`` while either is missing."""
        button = self.choices.checkedButton()
        reason = " ".join(self.reason.text().split())
        if not isinstance(button, QRadioButton) or not reason:
            return None
        chosen = self._decisions[button]
        return Decision(chosen.association, chosen.decision, reason, chosen.membership_id)

    def _update(self) -> None:
        self.ok.setEnabled(self.decision() is not None)

    @classmethod
    def ask(cls, parent: QWidget | None, card: AttendeeCard) -> Decision | None:
        """The decision taken, or ``None`` if cancelled (tests replace this)."""
        dialog = cls(parent, card)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.decision()
        finally:
            dialog.deleteLater()


def _decided_text(card: AttendeeCard, chosen: Decision) -> str:
    name = ASSOCIATION_NAMES.get(chosen.association, chosen.association)
    if chosen.decision == "not-member":
        text = QCoreApplication.translate("DeskDecision", "{name}: not a member of {association}.")
    elif chosen.decision == "member":
        text = QCoreApplication.translate(
            "DeskDecision", "{name}: member of {association} (proof shown)."
        )
    else:
        text = QCoreApplication.translate(
            "DeskDecision", "{name}: member of {association} through {membership}."
        )
    membership = next(
        (c.label for c in card.candidates if c.membership_id == chosen.membership_id), ""
    )
    return text.format(name=card.name, association=name, membership=membership)


def decide_membership(flows: DecisionHost) -> None:
    """F7: ask staff's decision about the card's person, record it, show the new card.

    A check-in refused for this person's membership doubt goes through once the doubt is
    settled (a balance that the decision creates is then asked for, as for any check-in).
    """
    card = flows.card
    if card is None:
        return
    chosen = MembershipDecisionDialog.ask(flows.window, card)
    if chosen is None:
        return
    context = flows.context
    blocked = flows.blocked
    was_blocked = (
        blocked is not None
        and blocked.outcome is CheckInOutcome.MEMBERSHIP_DOUBT
        and blocked.registration_id == card.registration_id
    )

    def run() -> AttendeeCard:
        return context.service.decide_membership(
            card.registration_id,
            association=chosen.association,
            decision=chosen.decision,
            membership_id=chosen.membership_id,
            reason=chosen.reason,
        )

    def done(new: AttendeeCard) -> None:
        flows.outcome.show_message(
            Tone.INFO,
            lambda: QCoreApplication.translate("DeskDecision", "Membership decided"),
            lambda: _decided_text(card, chosen),
        )
        flows.desk_changed.emit(DeskChange(new.registration_id))
        if was_blocked and new.membership_flag != "doubt":
            flows.check_in(new.code)  # settled: the refused check-in goes through now

    def failed(error: BaseException) -> None:
        flows.outcome.show_message(
            Tone.PROBLEM,
            lambda: QCoreApplication.translate("DeskDecision", "The decision was not recorded"),
            lambda: error_text(error),
        )

    context.writer.submit(run, done, failed, owner=flows.window)


__all__ = [
    "CandidateLine",
    "Decision",
    "MembershipDecisionDialog",
    "decide_membership",
    "doubt_hint",
]
