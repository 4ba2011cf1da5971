"""The outcome panel: the result of the last scan or action, until the next one.

Each check-in outcome has its own colour, symbol, words and sound, so staff can tell them
apart from a step back, without reading, and with their eyes on the person in front of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Message
from desktop_app.services.desk.checkin import CheckInOutcome, CheckInResult
from desktop_app.ui.desk.text import credit_advice, money
from desktop_app.ui.dialogs.common import interface_language

_CONTEXT = "OutcomePanel"


class Tone(StrEnum):
    """The look of the panel. The first six are the check-in outcomes."""

    CHECKED_IN = "checked_in"
    ALREADY = "already_checked_in"
    NOT_FOUND = "not_found"
    CANCELLED = "cancelled"
    PAYMENT_DUE = "payment_due"
    MEMBERSHIP_DOUBT = "membership_doubt"
    NOT_ENTITLED = "not_entitled"  # at a session's door
    SESSION_FULL = "session_full"
    EXITED = "exited"  # at a session's door with exit scans
    REENTERED = "reentered"
    NOT_INSIDE = "not_inside"
    INFO = "info"  # an action went through (undone, paid, badge sent)
    PROBLEM = "problem"  # an action failed (printer, database)
    IDLE = "idle"


@dataclass(frozen=True)
class _Look:
    symbol: str
    background: str
    foreground: str
    beeps: int


_LOOKS = {
    Tone.CHECKED_IN: _Look("✔", "#1b5e20", "#ffffff", 1),
    Tone.ALREADY: _Look("⚠", "#ffb300", "#000000", 2),
    Tone.NOT_FOUND: _Look("?", "#37474f", "#ffffff", 3),
    Tone.CANCELLED: _Look("✖", "#4a148c", "#ffffff", 3),
    Tone.PAYMENT_DUE: _Look("$", "#b71c1c", "#ffffff", 3),
    Tone.MEMBERSHIP_DOUBT: _Look("≟", "#0d47a1", "#ffffff", 3),
    Tone.NOT_ENTITLED: _Look("⊘", "#4e342e", "#ffffff", 3),
    Tone.SESSION_FULL: _Look("▣", "#bf360c", "#ffffff", 3),
    Tone.EXITED: _Look("⇤", "#263238", "#ffffff", 1),
    Tone.REENTERED: _Look("⇥", "#1b5e20", "#ffffff", 1),
    Tone.NOT_INSIDE: _Look("⊘", "#4e342e", "#ffffff", 3),
    Tone.INFO: _Look("ℹ", "#e8eaf6", "#1a237e", 0),
    Tone.PROBLEM: _Look("!", "#fbe9e7", "#8b1a00", 2),
    Tone.IDLE: _Look("", "#f5f5f5", "#333333", 0),
}

_HEADLINES = {
    Tone.CHECKED_IN: QT_TRANSLATE_NOOP("OutcomePanel", "Checked in"),
    Tone.ALREADY: QT_TRANSLATE_NOOP("OutcomePanel", "Already checked in"),
    Tone.NOT_FOUND: QT_TRANSLATE_NOOP("OutcomePanel", "Not found"),
    Tone.CANCELLED: QT_TRANSLATE_NOOP("OutcomePanel", "Cancelled registration"),
    Tone.PAYMENT_DUE: QT_TRANSLATE_NOOP("OutcomePanel", "Payment due — not checked in"),
    Tone.MEMBERSHIP_DOUBT: QT_TRANSLATE_NOOP("OutcomePanel", "Membership doubt — not checked in"),
    Tone.NOT_ENTITLED: QT_TRANSLATE_NOOP("OutcomePanel", "Not registered for this session"),
    Tone.SESSION_FULL: QT_TRANSLATE_NOOP("OutcomePanel", "Session full — not checked in"),
    Tone.EXITED: QT_TRANSLATE_NOOP("OutcomePanel", "Went out"),
    Tone.REENTERED: QT_TRANSLATE_NOOP("OutcomePanel", "Back in"),
    Tone.NOT_INSIDE: QT_TRANSLATE_NOOP("OutcomePanel", "Not inside — nothing recorded"),
}


def tone_colours(tone: Tone) -> tuple[str, str]:
    """The background and text colours of ``tone`` (the main button speaks in them too)."""
    look = _LOOKS[tone]
    return look.background, look.foreground


class Sound:
    """The outcome's sound: one beep for a check-in, two for a warning, three for a refusal.

    QtMultimedia is not part of the essentials wheel; the system beep is always there.
    ``enabled`` is read each time (the machine setting can change during a shift).
    """

    def __init__(self, enabled: Callable[[], bool]) -> None:
        self.enabled = enabled
        self.played: list[Tone] = []  # what was played, for tests

    def play(self, tone: Tone) -> None:
        """Beep for ``tone`` (nothing when sounds are off or the tone is silent)."""
        beeps = _LOOKS[tone].beeps
        if not beeps or not self.enabled():
            return
        self.played.append(tone)
        for index in range(beeps):
            QTimer.singleShot(index * 180, QApplication.beep)


class OutcomePanel(QFrame):
    """A wide band: symbol, headline and detail, coloured by outcome; it stays until replaced.

    Texts are kept as functions of the interface language, so a language switch re-renders
    the last outcome instead of losing it.
    """

    def __init__(self, sound: Sound, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sound = sound
        self.tone = Tone.IDLE
        self.result: CheckInResult | None = None
        self._headline: Callable[[], str] = lambda: ""
        self._detail: Callable[[], str] = lambda: ""
        self.setObjectName("outcomePanel")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.symbol = QLabel()
        self.symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.symbol.setMinimumWidth(64)
        symbol_font = QFont(self.font())
        symbol_font.setPointSizeF(symbol_font.pointSizeF() * 3.0)
        symbol_font.setBold(True)
        self.symbol.setFont(symbol_font)
        self.headline = QLabel()
        headline_font = QFont(self.font())
        headline_font.setPointSizeF(headline_font.pointSizeF() * 1.9)
        headline_font.setBold(True)
        self.headline.setFont(headline_font)
        self.headline.setWordWrap(True)
        self.detail = QLabel()
        detail_font = QFont(self.font())
        detail_font.setPointSizeF(detail_font.pointSizeF() * 1.3)
        self.detail.setFont(detail_font)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.headline)
        texts.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.symbol)
        layout.addLayout(texts, 1)
        self.setMinimumHeight(96)
        self._apply()

    def show_result(
        self,
        result: CheckInResult,
        extra: Callable[[], str] | None = None,
        *,
        first: Callable[[], str] | None = None,
    ) -> None:
        """Show a check-in outcome (and play its sound); ``extra`` adds a line (printing);
        ``first`` comes before the outcome's own words (the change due of the payment that
        led to this check-in: the cashier still needs it)."""
        tone = Tone(result.outcome.value)
        self.result = result

        def headline() -> str:
            text = QCoreApplication.translate(_CONTEXT, _HEADLINES[tone])
            return f"{text} — {result.name}" if result.name else text

        def detail() -> str:
            if result.outcome is CheckInOutcome.CHECKED_IN:
                text = ""  # the headline says it all
                if result.overridden_by:
                    text = QCoreApplication.translate(
                        "OutcomePanel", "Override by {supervisor}."
                    ).format(supervisor=result.overridden_by)
            else:
                message = result.message_for(interface_language())
                if "balance" in message.params:  # dollars as the interface language writes them
                    message = Message(
                        message.template, **{**message.params, "balance": money(result.balance_due)}
                    )
                text = message.render(
                    lambda template: QCoreApplication.translate("CheckIn", template)
                )
            more = extra() if extra is not None else ""
            before = first() if first is not None else ""
            # Owed money: said on every outcome that shows the person, with what to do.
            owed = (
                credit_advice(result.name or "", result.credit_due, result.credit_refundable)
                if result.credit_due > 0
                else ""
            )
            return " ".join(part for part in (before, text, owed, more) if part)

        self.show_message(tone, headline, detail, keep_result=True)

    def show_message(
        self,
        tone: Tone,
        headline: Callable[[], str],
        detail: Callable[[], str] = lambda: "",
        *,
        keep_result: bool = False,
    ) -> None:
        """Show any outcome; ``headline`` and ``detail`` are asked again on a language switch."""
        if not keep_result:
            self.result = None
        self.tone = tone
        self._headline = headline
        self._detail = detail
        self._apply()
        self.sound.play(tone)

    def add_detail(self, more: Callable[[], str]) -> None:
        """Append to the current detail (e.g. "badge sent to …" once the printer took it)."""
        before = self._detail
        self._detail = lambda: f"{before()} {more()}".strip()
        self._apply()

    @property
    def detail_text(self) -> Callable[[], str]:
        """The current detail, as a function of the interface language (to carry it on)."""
        return self._detail

    def refresh(self) -> None:
        """Ask the texts again (a note they include changed)."""
        self._apply()

    def clear(self) -> None:
        """Back to the quiet look."""
        self.show_message(Tone.IDLE, lambda: "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._apply()
        super().changeEvent(event)

    def _apply(self) -> None:
        look = _LOOKS[self.tone]
        self.setStyleSheet(
            f"#outcomePanel {{ background:{look.background}; border-radius:6px; }}"
            f"#outcomePanel QLabel {{ color:{look.foreground}; background:transparent; }}"
        )
        self.symbol.setText(look.symbol)
        headline = self._headline()
        if self.tone is Tone.IDLE and not headline:
            headline = QCoreApplication.translate(
                "OutcomePanel", "Ready — scan a badge or type a name."
            )
        self.headline.setText(headline)
        detail = self._detail()
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
