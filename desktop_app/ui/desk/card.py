"""The attendee card: who this is, what they paid, why they are (or are not) a member."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.times import venue_time
from desktop_app.services.desk.attendees import AttendeeCard
from desktop_app.services.desk.session_card import SessionDoorStatus
from desktop_app.ui.desk.results_model import marking_text
from desktop_app.ui.desk.text import credit_advice, money
from desktop_app.ui.dialogs.common import interface_language
from desktop_app.ui.evidence import Chip


class AttendeeCardView(QFrame):
    """Shows one ``AttendeeCard``; re-renders itself when the interface language changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: AttendeeCard | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("attendeeCard")
        self.setStyleSheet("#attendeeCard, #attendeeCardContent { background:#ffffff; }")

        self.name = QLabel()
        name_font = QFont(self.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 2.0)
        name_font.setBold(True)
        self.name.setFont(name_font)
        self.name.setWordWrap(True)
        # Accents above capitals ("CÔTÉ") rise above the font's ascent: room for them, or the
        # label cuts the top of the circumflex.
        metrics = QFontMetrics(name_font)
        above = -metrics.tightBoundingRect("ÂÊÎÔÛÉÈÀÇŸ").top() - metrics.ascent()
        self.name.setContentsMargins(0, max(above, 0) + 2, 0, 0)
        self.organization = QLabel()
        org_font = QFont(self.font())
        org_font.setPointSizeF(org_font.pointSizeF() * 1.35)
        self.organization.setFont(org_font)
        self.organization.setWordWrap(True)
        self.status = QLabel()  # "CANCELLED", in red, only then
        self.status.setStyleSheet("color:#b71c1c; font-weight:bold;")
        self.chips = QVBoxLayout()
        self.chips.setSpacing(6)
        self.money = QLabel()
        self.money.setWordWrap(True)
        # Owed money: a band of its own under the amounts, saying how much and what to do.
        self.credit = QLabel()
        self.credit.setObjectName("creditDue")
        self.credit.setWordWrap(True)
        self.credit.setStyleSheet(
            "#creditDue { background:#e3f2fd; color:#0d2c54; border:2px solid #0d47a1;"
            " border-radius:6px; padding:4px 8px; font-weight:bold; }"
        )
        self.checked = QLabel()
        self.checked.setWordWrap(True)
        # At a session's door the line above is the session's; the entrance's comes second.
        self.entrance = QLabel()
        self.entrance.setWordWrap(True)
        self.entrance.setStyleSheet("color:#444444;")
        self.holds = QLabel()  # the add-ons held (and sessions the category includes)
        self.holds.setWordWrap(True)
        self.holds.setTextFormat(Qt.TextFormat.PlainText)  # session names as written
        self.badges = QLabel()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.consents = QLabel()  # the person's consent answers at a glance
        self.consents.setWordWrap(True)
        self.code = QLabel()
        self.code.setStyleSheet("color:#444444;")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color:#444444;")

        body = QVBoxLayout()
        for label in (
            self.money,
            self.credit,
            self.checked,
            self.entrance,
            self.holds,
            self.badges,
            self.notes,
            self.consents,
            self.code,
        ):
            label.setFont(org_font)
        # On a short screen (1366 x 768) a card with many chips scrolls instead of cutting lines.
        content = QWidget()
        content.setObjectName("attendeeCardContent")
        content.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.scroller = QScrollArea()
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.empty)
        layout.addWidget(self.name)
        layout.addWidget(self.organization)
        layout.addWidget(self.status)
        layout.addLayout(self.chips)
        layout.addLayout(body)
        for label in (
            self.money,
            self.credit,
            self.checked,
            self.entrance,
            self.holds,
            self.badges,
            self.notes,
            self.consents,
        ):
            body.addWidget(label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.code)
        layout.addStretch(1)
        layout.addLayout(row)
        self.scroller.setWidget(content)
        self.show_card(None)

    def show_card(self, card: AttendeeCard | None) -> None:
        """Show ``card`` (or the hint to search or scan)."""
        self.card = card
        self.retranslate()

    def chip_texts(self) -> list[str]:
        """The texts of the membership chips, top to bottom (for tests and screenshots)."""
        texts = []
        for index in range(self.chips.count()):
            item = self.chips.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                texts.append(widget.text())
        return texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Render the card's texts in the interface language."""
        card = self.card
        filled = card is not None
        for widget in (self.name, self.organization, self.money, self.checked, self.code):
            widget.setVisible(filled)
        self.empty.setVisible(not filled)
        self._clear_chips()
        if card is None:
            self.empty.setText(
                self.tr("Type a name, company, email or code, or scan a badge or a confirmation.")
            )
            for widget in (
                self.status,
                self.badges,
                self.notes,
                self.consents,
                self.credit,
                self.entrance,
                self.holds,
            ):
                widget.hide()
            return
        language = interface_language()
        self.name.setText(f"{card.first_name} {card.last_name.upper()}".strip())
        self.organization.setText(card.organization or self.tr("No organization"))
        self.status.setVisible(card.status == RegistrationStatus.CANCELLED)
        self.status.setText(self.tr("CANCELLED registration"))
        self._fill_chips(card)
        category = card.category_name_fr if language == "fr" else card.category_name_en
        amounts = self.tr("{category} · due {due} · paid {paid}").format(
            category=category,
            due=money(card.amount_due),
            paid=money(card.amount_paid),
        )
        if card.balance_due > 0:
            balance = money(card.balance_due)
            amounts += " · " + self.tr("<b style='color:#b71c1c'>balance due {amount}</b>").format(
                amount=balance
            )
        elif card.credit_due > 0:
            credit = money(card.credit_due)
            amounts += " · " + self.tr("<b>owed back {amount}</b>").format(amount=credit)
        self.money.setText(amounts)
        owed = card.credit_due > 0 and card.status == RegistrationStatus.ACTIVE
        self.credit.setVisible(owed)
        self.credit.setText(
            credit_advice(card.name, card.credit_due, card.credit_refundable) if owed else ""
        )
        entrance = self._entrance_text(card)
        self.entrance.setVisible(card.door is not None)
        if card.door is None:
            self.checked.setText(entrance)
        else:
            self.checked.setText(self._door_text(card.door, card.timezone, language))
            self.entrance.setText(self.tr("Entrance: {status}").format(status=entrance))
        held = " · ".join(fr if language == "fr" else en for fr, en in card.holds)
        self.holds.setVisible(bool(card.holds))
        self.holds.setText(self.tr("Sessions: {sessions}").format(sessions=held))
        self.badges.setVisible(True)
        self.badges.setText(self.tr("Badges printed: {count}").format(count=card.badges_printed))
        self.notes.setVisible(bool(card.notes))
        self.notes.setText(self.tr("Notes: {notes}").format(notes=card.notes or ""))
        french = interface_language() == "fr"
        answers = " · ".join(
            f"{label_fr if french else label_en} {'✓' if granted else '✗'}"
            for label_fr, label_en, granted in card.consents
        )
        self.consents.setVisible(bool(card.consents))
        self.consents.setText(self.tr("Consents: {answers}").format(answers=answers))
        self.code.setText(card.code)

    def _entrance_text(self, card: AttendeeCard) -> str:
        if card.checked_in_at is None:
            return self.tr("Not checked in")
        return self.tr(
            "<b style='color:#1b5e20'>✔ Checked in</b> at {time}, desk {desk}, by {staff}"
        ).format(
            time=venue_time(card.checked_in_at, card.timezone),
            desk=card.checked_in_desk or "?",
            staff=card.checked_in_by or "?",
        )

    def _door_text(self, door: SessionDoorStatus, timezone: str | None, language: str) -> str:
        """The person at this desk's session: entitled or not, in or not, the seats left."""
        session = html.escape(door.name(language))
        if door.checked_in_at is not None and door.left_at is not None:
            text = self.tr("<b>⇤ Went out of {session}</b> at {time} (came in at {first})").format(
                session=session,
                time=venue_time(door.left_at, timezone),
                first=venue_time(door.checked_in_at, timezone),
            )
        elif door.checked_in_at is not None:
            text = self.tr(
                "<b style='color:#1b5e20'>✔ Checked in to {session}</b> at {time},"
                " desk {desk}, by {staff}"
            ).format(
                session=session,
                time=venue_time(door.checked_in_at, timezone),
                desk=door.checked_in_desk or "?",
                staff=door.checked_in_by or "?",
            )
        elif door.entitled:
            text = self.tr("<b>Registered for {session}</b> · not in yet").format(session=session)
        else:
            text = self.tr("<b style='color:#b71c1c'>✖ Not registered for {session}</b>").format(
                session=session
            )
        if door.seats_left is not None:
            text += " · " + self.tr("{left} of {capacity} seats left").format(
                left=door.seats_left, capacity=door.capacity
            )
        return text

    def _clear_chips(self) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _fill_chips(self, card: AttendeeCard) -> None:
        self._fill_chip_texts(card)
        chip_font = QFont(self.font())
        chip_font.setPointSizeF(chip_font.pointSizeF() * 1.15)  # read from a step back
        for index in range(self.chips.count()):
            item = self.chips.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setFont(chip_font)

    def _fill_chip_texts(self, card: AttendeeCard) -> None:
        for line in card.evidence:
            self.chips.addWidget(Chip.of(line))
        if card.membership_flag == "doubt":
            self.chips.addWidget(
                Chip(self.tr("Membership doubt: confirm before check-in"), "candidate")
            )
        elif card.membership_flag == "balance-due":
            self.chips.addWidget(
                Chip(self.tr("Paid a member rate without an active membership"), "expired")
            )
        if not card.evidence and card.membership_flag is None:
            marking = marking_text(card.marking)
            text = (
                self.tr("Member: {associations}").format(associations=marking)
                if card.marking in ("bioquebec", "lso", "both")
                else self.tr("Not a member of BIOQuébec or LSO")
            )
            self.chips.addWidget(Chip(text, "member" if marking != "—" else "none"))
