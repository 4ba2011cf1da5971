"""Barcode scans taken wherever the focus is, told apart from typing.

A USB scanner is a keyboard: the code arrives as printable keystrokes a few ms to ~60 ms apart,
the whole code within ~1.5 s, then Enter (sometimes Tab). People type slower than that. A run
of keystrokes each within ``max_gap`` seconds of the one before is watched: when it ends in
Enter or Tab, is long enough and fast enough overall, it is a scan — ``scanned(code)`` is
emitted, and neither its keys nor its Enter stay in the focused widget.

"Let through, then take back" (issue #16): a key bound for an editable text field (the desk's
search above all) reaches it at once, so a search starts on the first key and typing is never
late. The filter notes the field's text, cursor and selection before the run's first key; if
the run turns out to be a scan, the field is put back as it was (``is_taking_back`` tells the
field's owner that this change is the take-back, not typing) and the keys are gone. A key bound
for anything else (a list, a button, the card, a spin box) could do something there that cannot
be undone (pick a row, change a value), so it is held back as before — for at most ``max_gap``
— and replayed, in order, to the widget it was meant for if the run is typing.

A real scanner is a keyboard in every way: it presses Shift (and on a French-Canadian layout
AltGr, or toggles Caps Lock) around the characters that need it, each press and release an
event of its own with no text. Those keys neither end nor start a run: they pass through to
the focused widget untouched, and the run goes on. A password field (a PIN) is never watched.
While a dialog is open its fields keep their typing, but a scan is still taken here (its keys
and Enter never stay in the dialog, which would accept itself or hold a code in a name); the
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

_TAKING_BACK = "passerelleScanTakingBack"
"""A field's dynamic property, true while a scan's keys are being taken back out of it."""

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


def is_taking_back(field: QObject) -> bool:
    """Whether ``field``'s text is changing because a scan's keys are being taken back out."""
    return bool(field.property(_TAKING_BACK))


@dataclass
class _Key:
    """One keystroke of the run: let through to its field, or held back to be replayed."""

    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    let_through: bool


@dataclass
class _Before:
    """A field as it was before the run's first key reached it: what a take-back restores."""

    field: QLineEdit
    text: str
    cursor: int
    selection_start: int
    selection_length: int
    modified: bool

    @classmethod
    def of(cls, field: QLineEdit) -> _Before:
        return cls(
            field,
            field.text(),
            field.cursorPosition(),
            field.selectionStart(),
            field.selectionLength(),
            field.isModified(),
        )

    def restore(self) -> None:
        field = self.field
        if not shiboken6.isValid(field):
            return
        field.setProperty(_TAKING_BACK, True)
        try:
            if field.text() != self.text:
                field.setText(self.text)
            if self.selection_length > 0:
                field.setSelection(self.selection_start, self.selection_length)
            else:
                field.setCursorPosition(self.cursor)
            field.setModified(self.modified)
        finally:
            field.setProperty(_TAKING_BACK, False)


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
        self._run: list[_Key] = []
        self._before: list[_Before] = []
        self._first_at = 0.0
        self._last_at = 0.0
        self._replaying = False
        # Ends the run once the keys stop: held keys are replayed, let-through ones stay.
        self._end_timer = QTimer(self)
        self._end_timer.setSingleShot(True)
        self._end_timer.timeout.connect(self.flush)

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
        """The run's keys so far, let through or held (for tests and diagnostics)."""
        return "".join(key.text for key in self._run)

    @property
    def holding(self) -> bool:
        """Whether keys of this run are held back (then every later key of the run is too,
        so that they replay in order)."""
        return any(not key.let_through for key in self._run)

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
            if self._run and event.key() in _TERMINATORS and self._would_be_scan():
                event.accept()
                return True
            if self._run and (event.key() in _TERMINATORS or is_command(event)):
                # A shortcut is about to act (Enter checks in): the keys typed before it
                # reach their widget first, so it acts on the whole text.
                self.flush()
            return False
        return self._key_pressed(watched, event)

    def _key_pressed(self, watched: QObject, event: QKeyEvent) -> bool:
        text = event.text()
        key = event.key()
        command = is_command(event)
        typed = (
            key not in _TERMINATORS
            and not command
            and bool(text)
            and text.isprintable()
            and not event.isAutoRepeat()
        )
        # Qt hands one press to the window, then to the focus widget (then to its parents
        # while ignored), and the filter sees each hand-over. A key for a field is counted
        # when the field gets it; a key held is held at its first sighting; so none is
        # counted twice.
        if typed and self._seen_on_its_way(watched, key, text):
            return False
        now = self.clock()
        if self._run and now - self._last_at > self.max_gap:
            self.flush()
        if key in _TERMINATORS and not command:
            if self._run and self._would_be_scan(now):
                code = self.pending
                self._take_back()
                self.scanned.emit(code)
                return True
            self.flush()
            return False
        if not typed:
            self.flush()
            return False
        target = self._target(watched)
        if target is None or _is_secret(target):
            self.flush()
            return False
        if not self._run:
            self._first_at = now
        self._last_at = now
        self._end_timer.start(max(1, round(self.max_gap * 1000)))
        field = None if self.holding else _field(target)
        if field is not None:
            if not any(before.field is field for before in self._before):
                self._before.append(_Before.of(field))
            self._run.append(_Key(target, int(key), event.modifiers(), text, True))
            return False
        self._run.append(_Key(target, int(key), event.modifiers(), text, False))
        return True

    def _seen_on_its_way(self, watched: QObject, key: int, text: str) -> bool:
        """The window's sighting of a key bound for a field that lets it through, or a
        parent's sighting of a key the field ignored: counted (or not) by the field's own."""
        if not isinstance(watched, QWidget):
            return not self.holding and _field(QApplication.focusWidget()) is not None
        last = self._run[-1] if self._run else None
        return (
            last is not None
            and last.let_through
            and last.key == key
            and last.text == text
            and isinstance(last.target, QWidget)
            and watched is not last.target
            and watched.isAncestorOf(last.target)
        )

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

    def _take_back(self) -> None:
        """The run was a scan: its held keys are dropped, its fields put back as they were."""
        self._end_timer.stop()
        before, self._before, self._run = self._before, [], []
        for field in before:
            field.restore()

    def flush(self) -> None:
        """The run is typing: held keys are replayed, in order, to the widgets they were
        meant for (keys let through are already there)."""
        self._end_timer.stop()
        run, self._run, self._before = self._run, [], []
        held = [key for key in run if not key.let_through]
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


def _field(target: QObject | None) -> QLineEdit | None:
    """``target`` if a key can be let through to it and taken back: an editable text field."""
    if (
        isinstance(target, QLineEdit)
        and not target.isReadOnly()
        and target.echoMode() == QLineEdit.EchoMode.Normal
    ):
        return target
    return None


def _is_secret(target: QObject) -> bool:
    """A PIN or password field: its keys are the person's, never held or taken as a scan."""
    return isinstance(target, QLineEdit) and target.echoMode() != QLineEdit.EchoMode.Normal
