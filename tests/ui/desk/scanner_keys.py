"""Key events as a USB keyboard-wedge scanner sends them.

A scanner is a keyboard: every capital letter comes with a Shift press before it and a Shift
release after it, each an event of its own with no text (``qtbot.keyClicks`` sends none of
those). The code then ends with Enter (or Tab).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    """Where a real keyboard's keys go: the focus widget, else the active window."""
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None, "nothing has the keyboard"
    return widget


def scanner_keys(code: str, *, terminator: Qt.Key = Qt.Key.Key_Return) -> None:
    """Send ``code`` as a scanner does (Shift around capitals), to whatever has the focus."""
    for character in code:
        target = focused()
        if character.isupper():
            QTest.keyPress(target, Qt.Key.Key_Shift, SHIFT)
            QTest.keyPress(target, character, SHIFT)
            QTest.keyRelease(target, character, SHIFT)
            QTest.keyRelease(focused(), Qt.Key.Key_Shift, NONE)
        else:
            QTest.keyPress(target, character, NONE)
            QTest.keyRelease(target, character, NONE)
    target = focused()
    QTest.keyPress(target, terminator, NONE)
    QTest.keyRelease(target, terminator, NONE)
