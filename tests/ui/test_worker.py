"""The one background helper: results and errors come back on the GUI thread, only while
the widget that asked still exists, and an unhandled error is shown over it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app.domain.errors import Invalid
from desktop_app.ui import errors
from desktop_app.ui.worker import Worker


def test_the_result_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    worker = Worker()
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[tuple[int, str]] = []
    worker.submit(
        lambda: 41 + 1,
        lambda value: seen.append((value, threading.current_thread().name)),
        owner=owner,
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(42, threading.main_thread().name)]
    worker.wait(5000)


def test_a_closed_window_is_not_called_back(qtbot: QtBot) -> None:
    worker = Worker(serial=True)
    gate = threading.Event()
    owner = QWidget()
    called: list[object] = []
    worker.submit(lambda: gate.wait(5), called.append, called.append, owner=owner)
    worker.submit(lambda: 1 / 0, called.append, called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    gate.set()
    worker.wait(5000)
    qtbot.wait(100)  # the queued callbacks would have run by now
    assert called == []


def test_an_unhandled_error_is_shown_over_its_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[QWidget | None, BaseException]] = []
    monkeypatch.setattr(
        errors, "show_exception", lambda parent, error: shown.append((parent, error))
    )
    worker = Worker()
    owner = QWidget()
    qtbot.addWidget(owner)

    def fails() -> None:
        raise Invalid("Enter the person's name.")

    worker.submit(fails, owner=owner)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[0][0] is owner and isinstance(shown[0][1], Invalid)
    worker.wait(5000)


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
