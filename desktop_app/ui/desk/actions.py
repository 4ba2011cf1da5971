"""The desk's actions: each with its key, its label in the interface language, its menu entry
or button, and whether it may act now (who is signed in, the card, the search, offline).

``DeskWindow`` lays the buttons out and calls :meth:`DeskActions.refresh` whenever what they
depend on changes; the main button says what Enter will do there, in that outcome's colour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QPushButton

from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.ui.desk.main_button import (
    enter_outcome,
    main_button_style,
    main_button_words,
    relabel_in_ms,
)
from desktop_app.ui.desk.outcome import Tone

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar

    from desktop_app.ui.desk.context import DeskContext
    from desktop_app.ui.desk.flows import DeskFlows
    from desktop_app.ui.desk.search import SearchPanel
    from desktop_app.ui.desk.shared_mode import SharedDesk


class ActionHost(Protocol):
    """What the actions need of the desk window (a narrow view of it, no import of it)."""

    context: DeskContext
    flows: DeskFlows
    search: SearchPanel
    shared_desk: SharedDesk | None
    signed_out: bool

    def addAction(self, action: QAction, /) -> None: ...
    def menuBar(self) -> QMenuBar: ...
    def walk_in(self) -> None: ...
    def open_settings(self) -> None: ...
    def open_staff(self) -> None: ...
    def open_conflicts(self) -> None: ...
    def open_receipts(self) -> None: ...
    def open_reports(self) -> None: ...
    def open_leads(self) -> None: ...
    def open_closing(self) -> None: ...
    def open_incidents(self) -> None: ...
    def clear_search(self) -> None: ...
    def sign_out(self) -> None: ...


@dataclass
class ActionSpec:
    """One action: its ``QAction`` (key and menu entry), its label, its keys."""

    action: QAction
    label: Callable[[], str]
    keys: tuple[str, ...]


class DeskActions(QObject):
    """The desk's actions and buttons, kept enabled, labelled and coloured as the desk is."""

    def __init__(self, window: ActionHost, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window
        self._owner = parent
        self.enter_will: Tone | None = None  # what Enter would do to the designated person
        self.specs: dict[str, ActionSpec] = {}
        self.buttons: dict[str, QPushButton] = {}
        self._build()

    def _action(
        self, name: str, label: Callable[[], str], keys: tuple[str, ...], slot: Callable[[], None]
    ) -> QAction:
        action = QAction(self._owner)  # the window: its shortcuts work wherever the focus is
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        self.specs[name] = ActionSpec(action, label, keys)
        return action

    def _build(self) -> None:
        window = self._window
        flows = window.flows
        self._action(
            "check_in",
            lambda: (
                self.tr("Check in + print")
                if window.context.settings.print_on_check_in
                else self.tr("Check in")
            ),
            ("Return", "Enter"),
            flows.check_in_selected,
        )
        self._action("override", lambda: self.tr("Override"), ("F8",), flows.override)
        self._action("edit", lambda: self.tr("Edit"), ("F2",), flows.edit)
        self._action("substitute", lambda: self.tr("Substitute"), ("F3",), flows.substitute)
        self._action(
            "collect",
            lambda: (
                self.tr("Refund")
                if flows.card is not None and flows.card.credit_due > 0
                else self.tr("Collect balance")
                if flows.card is None
                or flows.card.balance_due > 0
                or not window.context.event_sessions
                else self.tr("Sell add-ons")
            ),
            ("F4",),
            flows.collect_balance,
        )
        self._action("walk_in", lambda: self.tr("Walk-in"), ("F5",), window.walk_in)
        self._action("reprint", lambda: self.tr("Reprint badge"), ("F6",), flows.reprint)
        self._action("membership", lambda: self.tr("Membership…"), ("F7",), flows.decide_membership)
        self._action("undo", lambda: self.tr("Undo check-in"), ("F9",), flows.undo)
        self._action("settings", lambda: self.tr("Settings"), ("F10",), window.open_settings)
        self._action("staff", lambda: self.tr("Staff"), ("F11",), window.open_staff)
        self._action("clear", lambda: self.tr("Clear"), ("Esc",), window.clear_search)
        self._action(
            "conflicts",
            lambda: self.tr("Sync conflicts…"),
            ("Ctrl+Shift+K",),
            window.open_conflicts,
        )
        self._action(
            "receipts", lambda: self.tr("Receipts…"), ("Ctrl+Shift+R",), window.open_receipts
        )
        self._action("reports", lambda: self.tr("Reports…"), ("Ctrl+R",), window.open_reports)
        self._action(
            "leads", lambda: self.tr("Lead scanning…"), ("Ctrl+Shift+L",), window.open_leads
        )
        self._action(
            "close_day",
            lambda: self.tr("Close the day…"),
            ("Ctrl+Shift+E",),
            window.open_closing,
        )
        self._action(
            "incidents",
            lambda: self.tr("Privacy incidents…"),
            ("Ctrl+Shift+I",),
            window.open_incidents,
        )
        self._action(
            "sign_out",
            lambda: self.tr("Sign in") if window.signed_out else self.tr("Sign out"),
            ("F12",),
            window.sign_out,
        )
        menu = window.menuBar().addMenu("")
        self.menu = menu
        for name in (
            "settings",
            "staff",
            "receipts",
            "reports",
            "close_day",
            "conflicts",
            "leads",
            "sign_out",
        ):
            menu.addAction(self.specs[name].action)
        for name, spec in self.specs.items():
            if name in (
                "clear",
                "conflicts",
                "receipts",
                "reports",
                "close_day",
                "incidents",
                "leads",
            ):
                continue
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the search
            button.setMinimumHeight(46)
            font = QFont(button.font())
            font.setPointSizeF(font.pointSizeF() * 1.15)
            font.setBold(name == "check_in")
            button.setFont(font)
            button.clicked.connect(spec.action.trigger)
            self.buttons[name] = button
        self._paint_main_button(Tone.CHECKED_IN)
        self.buttons["override"].setStyleSheet(
            "QPushButton:enabled { background:#0d47a1; color:#ffffff; border-radius:6px;"
            " padding:6px 14px; }"
        )
        self.buttons["walk_in"].setStyleSheet(
            "QPushButton { background:#102a43; color:#ffffff; border-radius:6px;"
            " padding:6px 14px; }"
        )
        self.show_role()

    def show_role(self) -> None:
        supervisor = self._window.context.staff.role == "supervisor"
        self.buttons["staff"].setVisible(supervisor)
        self.specs["staff"].action.setVisible(supervisor)
        self.specs["staff"].action.setEnabled(supervisor and not self._window.signed_out)
        self.specs["conflicts"].action.setVisible(
            supervisor and self._window.shared_desk is not None
        )

    def refresh(self) -> None:
        if self._window.signed_out:
            for name, spec in self.specs.items():
                spec.action.setEnabled(name == "sign_out")
            for name, button in self.buttons.items():
                button.setEnabled(name == "sign_out")  # F12's button says "Sign in"
            self.enter_will = None  # no one designated: the plain words, greyed
            self.label_main_button()
            return
        card = self._window.flows.card
        hit = self._window.search.current_hit()
        specs = self.specs
        # Enter checks in the selected row, or the card when it shows that row (flows).
        target = (
            hit
            if hit is not None and (card is None or card.registration_id != hit.registration_id)
            else card
        )
        # A text typed since the list was shown: Enter searches it first (flows).
        stale = bool(self._window.search.query) and not self._window.search.is_current()
        specs["check_in"].action.setEnabled(
            stale or (target is not None and target.status == RegistrationStatus.ACTIVE)
        )
        at_session = self._window.context.admits is not None
        leaving = self._window.context.exit_mode
        will = enter_outcome(target, at_session=at_session, leaving=leaving)
        self.enter_will = None if stale else will
        # Once a scan would no longer be a double scan, the button says "Record the exit".
        if (wait := relabel_in_ms(target, at_session=at_session)) is not None:
            QTimer.singleShot(wait, self, self.refresh)
        self.label_main_button()
        specs["override"].action.setEnabled(self._window.flows.blocked is not None)
        specs["edit"].action.setEnabled(card is not None)
        specs["substitute"].action.setEnabled(
            card is not None
            and card.status == RegistrationStatus.ACTIVE
            and card.checked_in_at is None
        )
        owed = card is not None and card.credit_due > 0  # F4 then refunds (ui/desk/refund.py)
        # Nothing owed: F4 sells add-ons to an active registration, at an event with sessions.
        active = card is not None and card.status == RegistrationStatus.ACTIVE
        active = active and bool(self._window.context.event_sessions)
        specs["collect"].action.setEnabled(
            card is not None and (card.balance_due > 0 or owed or active)
        )
        self._name_collect()
        specs["reprint"].action.setEnabled(
            card is not None and card.status == RegistrationStatus.ACTIVE
        )
        specs["undo"].action.setEnabled(card is not None and card.checked_in_here)
        specs["membership"].action.setEnabled(card is not None)
        for name in ("settings", "clear", "sign_out", "leads"):
            specs[name].action.setEnabled(True)
        supervisor = self._window.context.staff.role == "supervisor"
        for name in ("staff", "reports", "close_day", "incidents"):
            specs[name].action.setEnabled(supervisor)
        specs["conflicts"].action.setEnabled(
            self._window.context.staff.role == "supervisor" and self._window.shared_desk is not None
        )
        for name, button in self.buttons.items():
            button.setEnabled(specs[name].action.isEnabled())
        self.restrict_offline()

    def _name_collect(self) -> None:
        """F4's button says whether it collects a balance or refunds a credit (the card's)."""
        label = self.specs["collect"].label()
        self.specs["collect"].action.setText(label)
        self.buttons["collect"].setText(f"{label}   F4")

    def label_main_button(self) -> None:
        """The main button says what Enter will do, in that outcome's colour."""
        button = self.buttons["check_in"]
        will = self.enter_will
        if will is None or will is Tone.CHECKED_IN:
            label = self.specs["check_in"].label()
        else:
            label = main_button_words(will)
        button.setText(f"{label}   ⏎")
        self._paint_main_button(will or Tone.CHECKED_IN)

    def _paint_main_button(self, tone: Tone) -> None:
        self.buttons["check_in"].setStyleSheet(main_button_style(tone))

    def restrict_offline(self) -> None:
        """Offline, what is not journaled waits for the server (disabled, saying why)."""
        if self._window.shared_desk is not None and not self._window.signed_out:
            actions = {name: spec.action for name, spec in self.specs.items()}
            self._window.shared_desk.restrict(actions, self.buttons)

    def retranslate(self) -> None:
        """The menu's title and each action's label (with its key on its button)."""
        self.menu.setTitle(self.tr("&Desk"))
        for name, spec in self.specs.items():
            text = spec.label()
            spec.action.setText(text)
            key = "⏎" if spec.keys[0] == "Return" else spec.keys[0]
            if name in self.buttons:
                self.buttons[name].setText(f"{text}   {key}")
                self.buttons[name].setToolTip(
                    self.tr("{action} — key {key}").format(action=text, key=key)
                )
        self.label_main_button()
        self.restrict_offline()
