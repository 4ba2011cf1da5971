"""Scans are taken wherever the focus is; typing reaches the focused widget untouched."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.scanner import ScanDetector, is_taking_back

CODE = "P27-7K3QX9"


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.search = QLineEdit()
        self.other = QLineEdit()
        self.button = QPushButton("OK")
        self.enter_presses = 0
        self.search.returnPressed.connect(self._entered)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.other, self.button):
            layout.addWidget(widget)

    def _entered(self) -> None:
        self.enter_presses += 1


class StepClock:
    """Advances by ``step`` seconds each time it is read: one read per keystroke."""

    def __init__(self, step: float) -> None:
        self.step = step
        self.now = 1000.0

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[Form]:
    widget = Form()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.search.setFocus()
    yield widget


def install(detector: ScanDetector) -> Iterator[list[str]]:
    seen: list[str] = []
    detector.scanned.connect(seen.append)
    detector.install()
    yield seen
    detector.uninstall()


@pytest.fixture
def real_time() -> Iterator[tuple[ScanDetector, list[str]]]:
    # A roomier gap than the default keeps the test steady on a loaded machine; typing at
    # 150 ms a key is still far slower.
    detector = ScanDetector(max_gap=0.1)
    for seen in install(detector):
        yield detector, seen


def test_fast_keystrokes_ending_in_enter_are_a_scan(
    qtbot: QtBot, form: Form, real_time: tuple[ScanDetector, list[str]]
) -> None:
    _, seen = real_time
    form.search.setText("ben")
    qtbot.keyClicks(form.search, CODE, delay=5)
    qtbot.keyClick(form.search, Qt.Key.Key_Return, delay=5)
    assert seen == [CODE]
    assert form.search.text() == "ben"  # nothing of the code reached the field
    assert form.enter_presses == 0


def test_scan_is_taken_whatever_has_focus(
    qtbot: QtBot, form: Form, real_time: tuple[ScanDetector, list[str]]
) -> None:
    _, seen = real_time
    form.other.setFocus()
    qtbot.keyClicks(form.other, CODE, delay=5)
    qtbot.keyClick(form.other, Qt.Key.Key_Tab, delay=5)
    assert seen == [CODE]
    assert form.other.text() == ""
    assert form.other.hasFocus() or QApplication.focusWidget() is None  # Tab was swallowed too


def test_slow_typing_passes_through(
    qtbot: QtBot, form: Form, real_time: tuple[ScanDetector, list[str]]
) -> None:
    _, seen = real_time
    qtbot.keyClicks(form.search, "larose", delay=150)
    qtbot.waitUntil(lambda: form.search.text() == "larose", timeout=2000)
    qtbot.keyClick(form.search, Qt.Key.Key_Return, delay=150)
    assert seen == []
    assert form.enter_presses == 1


def test_held_keys_are_replayed_in_order_with_editing_keys(qtbot: QtBot, form: Form) -> None:
    detector = ScanDetector(clock=StepClock(0.005))
    for seen in install(detector):
        # Fast, but too short for a code: a quick typist's "ab", then Backspace.
        qtbot.keyClicks(form.search, "ab")
        assert detector.pending == "ab"
        qtbot.keyClick(form.search, Qt.Key.Key_Backspace)
        assert form.search.text() == "a"
        qtbot.keyClicks(form.search, "xy")
        qtbot.waitUntil(lambda: form.search.text() == "axy", timeout=2000)
        assert seen == []


def test_short_fast_run_with_enter_is_typing(qtbot: QtBot, form: Form) -> None:
    detector = ScanDetector(clock=StepClock(0.005))
    for seen in install(detector):
        qtbot.keyClicks(form.search, "abc")
        qtbot.keyClick(form.search, Qt.Key.Key_Return)
        assert seen == []
        assert form.search.text() == "abc"
        assert form.enter_presses == 1


def test_gaps_like_typing_are_not_a_scan_even_with_a_fake_clock(qtbot: QtBot, form: Form) -> None:
    detector = ScanDetector(clock=StepClock(0.150))
    for seen in install(detector):
        qtbot.keyClicks(form.search, "lachance")
        qtbot.keyClick(form.search, Qt.Key.Key_Return)
        assert seen == []
        assert form.search.text() == "lachance"
        assert form.enter_presses == 1


def test_a_scan_slower_than_the_whole_code_limit_is_typing(qtbot: QtBot, form: Form) -> None:
    # 40 ms a key is scanner-fast, but 60 keys take 2.4 s: longer than any scan.
    detector = ScanDetector(clock=StepClock(0.040))
    for seen in install(detector):
        qtbot.keyClicks(form.search, "x" * 60)
        qtbot.keyClick(form.search, Qt.Key.Key_Return)
        assert seen == []
        assert form.search.text() == "x" * 60


def test_enter_of_a_scan_does_not_press_the_default_button(qtbot: QtBot, form: Form) -> None:
    detector = ScanDetector(clock=StepClock(0.004))
    clicks: list[bool] = []
    form.button.clicked.connect(lambda: clicks.append(True))
    form.button.setShortcut(Qt.Key.Key_Return)
    for seen in install(detector):
        qtbot.keyClicks(form.search, CODE)
        qtbot.keyClick(form.search, Qt.Key.Key_Return)
        assert seen == [CODE]
        assert clicks == []
        assert form.search.text() == ""


def test_disabled_detector_lets_everything_through(qtbot: QtBot, form: Form) -> None:
    detector = ScanDetector(clock=StepClock(0.004))
    detector.enabled = False
    for seen in install(detector):
        qtbot.keyClicks(form.search, CODE)
        qtbot.keyClick(form.search, Qt.Key.Key_Return)
        assert seen == []
        assert form.search.text() == CODE


def shift_keys(qtbot: QtBot, target: QWidget, text: str) -> None:
    """Capitals as a keyboard (and a scanner) sends them: Shift press, key, release, Shift up."""
    from PySide6.QtTest import QTest

    shift = Qt.KeyboardModifier.ShiftModifier
    for character in text:
        if character.isupper():
            QTest.keyPress(target, Qt.Key.Key_Shift, shift)
            QTest.keyPress(target, character, shift)
            QTest.keyRelease(target, character, shift)
            QTest.keyRelease(target, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
        else:
            qtbot.keyClick(target, character)


def test_shift_around_every_capital_does_not_break_the_scan(qtbot: QtBot, form: Form) -> None:
    detector = ScanDetector(clock=StepClock(0.004))
    for seen in install(detector):
        form.search.setText("tremblai")
        shift_keys(qtbot, form.search, "XHW4A2EOAQO4MFY7")
        qtbot.keyClick(form.search, Qt.Key.Key_Return)
        assert seen == ["XHW4A2EOAQO4MFY7"]
        assert form.search.text() == "tremblai"
        assert form.enter_presses == 0


def test_altgr_and_caps_lock_keep_the_run_going(qtbot: QtBot, form: Form) -> None:
    from PySide6.QtTest import QTest

    detector = ScanDetector(clock=StepClock(0.004))
    altgr = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    for seen in install(detector):
        QTest.keyClick(form.search, Qt.Key.Key_CapsLock)
        qtbot.keyClicks(form.search, "ABC")
        QTest.keyClick(form.search, Qt.Key.Key_AltGr)
        # Windows reports AltGr as Ctrl+Alt, with the character it made as the text.
        QTest.keyClick(form.search, "@", altgr)
        QTest.keyClick(form.search, Qt.Key.Key_CapsLock)
        qtbot.keyClicks(form.search, "def")
        qtbot.keyClick(form.search, Qt.Key.Key_Return)
        assert seen == ["ABC@def"]
        assert form.search.text() == ""


def test_a_pin_field_is_never_held_or_taken_for_a_scan(qtbot: QtBot, form: Form) -> None:
    detector = ScanDetector(clock=StepClock(0.004))
    form.other.setEchoMode(QLineEdit.EchoMode.Password)
    form.other.setFocus()
    for seen in install(detector):
        qtbot.keyClicks(form.other, "246813")
        assert detector.pending == ""
        qtbot.keyClick(form.other, Qt.Key.Key_Return)
        assert seen == []
        assert form.other.text() == "246813"


# -- let through, then take back (issue #16) ------------------------------------------------


def test_typed_keys_reach_the_field_at_once_not_after_the_scan_gap(
    qtbot: QtBot, form: Form
) -> None:
    detector = ScanDetector(clock=StepClock(0.004))
    changes: list[str] = []
    form.search.textChanged.connect(changes.append)
    for seen in install(detector):
        qtbot.keyClicks(form.search, "ben")
        # No event loop has run: the keys were not held for the gap, the search can start.
        assert form.search.text() == "ben"
        assert changes == ["b", "be", "ben"]
        assert detector.pending == "ben"  # still watched: it could be the start of a scan
        assert seen == []


def test_a_scan_takes_its_keys_back_and_leaves_the_field_as_it_was(
    qtbot: QtBot, form: Form
) -> None:
    detector = ScanDetector(clock=StepClock(0.004))
    form.search.setText("tremblay")
    form.search.setCursorPosition(4)
    during: list[tuple[str, bool]] = []
    form.search.textChanged.connect(lambda text: during.append((text, is_taking_back(form.search))))
    for seen in install(detector):
        shift_keys(qtbot, form.search, "XHw4A2")
        assert form.search.text() == "tremXHw4A2blay"  # let through as they came
        shift_keys(qtbot, form.search, "EOaqO4")
        qtbot.keyClick(form.search, Qt.Key.Key_Return)
        assert seen == ["XHw4A2EOaqO4"]
        assert form.search.text() == "tremblay"
        assert form.search.cursorPosition() == 4
        assert form.enter_presses == 0
        # The owner of the field is told the last change is the take-back, not typing.
        assert during[-1] == ("tremblay", True)
        assert all(not taking_back for _text, taking_back in during[:-1])
        assert not is_taking_back(form.search)


def test_a_scan_over_selected_text_puts_the_selection_back(qtbot: QtBot, form: Form) -> None:
    detector = ScanDetector(clock=StepClock(0.004))
    form.search.setText("lachance")
    form.search.selectAll()
    for seen in install(detector):
        qtbot.keyClicks(form.search, CODE)
        assert form.search.text() == CODE  # the first key replaced the selection
        qtbot.keyClick(form.search, Qt.Key.Key_Return)
        assert seen == [CODE]
        assert form.search.text() == "lachance"
        assert form.search.selectedText() == "lachance"


def test_fast_typing_without_enter_is_typing_and_stays(qtbot: QtBot, form: Form) -> None:
    # A quick typist: eight keys 4 ms apart, long enough for a code, but no Enter follows.
    detector = ScanDetector(clock=StepClock(0.004), max_gap=0.05)
    for seen in install(detector):
        qtbot.keyClicks(form.search, "lachance")
        assert form.search.text() == "lachance"
        qtbot.waitUntil(lambda: detector.pending == "", timeout=2000)  # the run is over
        qtbot.keyClick(form.search, Qt.Key.Key_Return)
        assert seen == []
        assert form.search.text() == "lachance"
        assert form.enter_presses == 1


def test_keys_for_a_list_are_still_held_and_replayed(qtbot: QtBot, form: Form) -> None:
    # A key let through to a list would pick a row, which cannot be taken back: held instead.
    from PySide6.QtWidgets import QListWidget

    listing = QListWidget()
    listing.addItems(["alpha", "bravo", "charlie"])
    form.layout().addWidget(listing)
    listing.setCurrentRow(0)
    listing.setFocus()
    qtbot.waitUntil(listing.hasFocus, timeout=2000)
    detector = ScanDetector(clock=StepClock(0.004))
    for seen in install(detector):
        qtbot.keyClicks(listing, "c")
        assert listing.currentRow() == 0  # held for now
        qtbot.waitUntil(lambda: listing.currentRow() == 2, timeout=2000)  # then replayed
        listing.setCurrentRow(0)
        qtbot.keyClicks(listing, "bravo1")
        qtbot.keyClick(listing, Qt.Key.Key_Return)
        assert seen == ["bravo1"]
        assert listing.currentRow() == 0  # the scan moved nothing
