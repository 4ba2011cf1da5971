"""Barcode scans taken wherever the focus is, told apart from typing.

A USB scanner is a keyboard: the code arrives as printable keystrokes a few ms to ~60 ms apart,
the whole code within ~1.5 s, then Enter (sometimes Tab). People type slower than that, so a
keystroke is held back for at most ``max_gap`` seconds: if the next key follows faster, it is
held too; when the run ends in Enter or Tab, is long enough and fast enough overall, it is a
scan — ``scanned(code)`` is emitted and the keys never reach the focused widget. Otherwise the
held keys are replayed, in order, to the widget that had the focus, and typing goes on as if
nothing happened (a keystroke is at most ``max_gap`` late).

A real scanner is a keyboard in every way: it presses Shift (and on a French-Canadian layout
AltGr, or toggles Caps Lock) around the characters that need it, each press and release an
event of its own with no text. Those keys neither end nor start a run: they pass through to
the focused widget untouched, and the run goes on. A password field (a PIN) is never watched.
While a dialog is open its fields keep their typing, but a scan is still taken here (its keys
and Enter never reach the dialog, which would accept itself or hold a code in a name); the
desk decides what a scan means then.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

Clock = Callable[[], float]

MAX_GAP_S = 0.07
"""Keystrokes further apart than this are typing (scanners send every few ms, at most ~60)."""
MAX_TOTAL_S = 1.5
"""A scan, terminator included, arrives within this."""
MIN_LENGTH = 6
"""Shorter runs are typing even if fast (registration codes are longer)."""

_TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_ALT_GR = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
"""How Windows reports AltGr: Ctrl+Alt together, with the character it made as the text."""
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_Mode_switch,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
    }
)
_DEAD_KEYS = frozenset(
    member.value for name, member in Qt.Key.__members__.items() if name.startswith("Key_Dead_")
)
"""Dead keys (a French-Canadian layout's ^ and ¨) make no text until the next key."""


def is_modifier_key(event: QKeyEvent) -> bool:
    """A key that only changes what the next one types (Shift, AltGr, Caps Lock, a dead key)."""
    key = event.key()
    return key in _MODIFIER_KEYS or key in _DEAD_KEYS


def is_command(event: QKeyEvent) -> bool:
    """Ctrl, Alt or Meta with a key, as a shortcut; not AltGr (Ctrl+Alt) making a character."""
    modifiers = event.modifiers()
    if not modifiers & _COMMAND_MODIFIERS:
        return False
    text = event.text()
    altgr_character = (modifiers & _ALT_GR) == _ALT_GR and bool(text) and text.isprintable()
    return not altgr_character


@dataclass
class _Held:
    """One keystroke held back, with what is needed to replay it."""

    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class ScanDetector(QObject):
    """An application-wide event filter that turns fast keystroke runs into ``scanned``.

    Install with ``app.installEventFilter(detector)`` (or ``install()``). ``clock`` returns
    seconds (monotonic); tests pass their own.
    """

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Clock = time.monotonic,
        max_gap: float = MAX_GAP_S,
        max_total: float = MAX_TOTAL_S,
        min_length: int = MIN_LENGTH,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.max_gap = max_gap
        self.max_total = max_total
        self.min_length = min_length
        self.enabled = True
        self._held: list[_Held] = []
        self._first_at = 0.0
        self._last_at = 0.0
        self._replaying = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(max(1, round(max_gap * 1000)))
        self._flush_timer.timeout.connect(self.flush)

    def install(self, app: QCoreApplication | None = None) -> None:
        """Watch every key event of ``app`` (the running application by default)."""
        (app or QCoreApplication.instance()).installEventFilter(self)  # type: ignore[union-attr]

    def uninstall(self, app: QCoreApplication | None = None) -> None:
        """Stop watching; held keys are replayed first."""
        self.flush()
        target = app or QCoreApplication.instance()
        if target is not None:
            target.removeEventFilter(self)

    @property
    def pending(self) -> str:
        """The keys held back right now (for tests and diagnostics)."""
        return "".join(held.text for held in self._held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if self._replaying or not self.enabled or not isinstance(event, QKeyEvent):
            return False
        if is_modifier_key(event):
            # Shift, AltGr, Caps Lock around a capital: part of the run, never its end.
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # A scan's Enter must not trigger the window's Enter shortcut: claim it for the
            # focused widget, so the key press comes through and is taken here.
            if self._held and event.key() in _TERMINATORS and self._would_be_scan():
                event.accept()
                return True
            if self._held and (event.key() in _TERMINATORS or is_command(event)):
                # A shortcut is about to act (Enter checks in): the keys typed before it
                # reach their widget first, so it acts on the whole text.
                self.flush()
            return False
        # Qt hands one press to the window, then to the focus widget (then to its parents
        # while ignored), and the filter sees each hand-over. A key that could start a scan is
        # held at its first sighting, so it is never seen twice; the keys let through are
        # harmless to see again (nothing is held then).
        return self._key_pressed(watched, event)

    def _key_pressed(self, watched: QObject, event: QKeyEvent) -> bool:
        now = self.clock()
        text = event.text()
        key = event.key()
        command = is_command(event)
        if self._held and now - self._last_at > self.max_gap:
            self.flush()
        if key in _TERMINATORS and not command:
            if self._held and self._would_be_scan(now):
                code = self.pending
                self._held.clear()
                self._flush_timer.stop()
                self.scanned.emit(code)
                return True
            self.flush()
            return False
        if command or not text or not text.isprintable() or event.isAutoRepeat():
            self.flush()
            return False
        target = self._target(watched)
        if target is None or _is_secret(target):
            self.flush()
            return False
        if not self._held:
            self._first_at = now
        self._last_at = now
        self._held.append(_Held(target, int(key), event.modifiers(), text))
        self._flush_timer.start()
        return True

    def _would_be_scan(self, now: float | None = None) -> bool:
        at = self.clock() if now is None else now
        return (
            len(self.pending) >= self.min_length
            and at - self._last_at <= self.max_gap
            and at - self._first_at <= self.max_total
        )

    @staticmethod
    def _target(watched: QObject) -> QObject | None:
        """The widget the key was meant for (the focus widget when Qt handed it to a window)."""
        if isinstance(watched, QWidget):
            return watched
        return QApplication.focusWidget() or QApplication.activeWindow()

    def flush(self) -> None:
        """Replay the held keystrokes, in order, to the widgets they were meant for."""
        self._flush_timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for item in held:
                if not shiboken6.isValid(item.target):
                    continue
                press = QKeyEvent(QEvent.Type.KeyPress, item.key, item.modifiers, item.text)
                QCoreApplication.sendEvent(item.target, press)
        finally:
            self._replaying = False


def _is_secret(target: QObject) -> bool:
    """A PIN or password field: its keys are the person's, never held or taken as a scan."""
    return isinstance(target, QLineEdit) and target.echoMode() != QLineEdit.EchoMode.Normal
