"""The Qt binding the desk runs on keeps Python's reference counts right.

PySide6 6.12.0 drops one reference to ``True`` at every signal emission. On Python 3.11,
where ``True`` is an ordinary object, its count reaches zero after some thousands of
signals (every background task emits one) and the desk dies with "Fatal Python error:
bool_dealloc". The stress test of the Settings preview found it; pyproject.toml keeps that
release out, and this test fails if a broken binding comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from desktop_app.ui.worker import Worker


class _Relay(QObject):
    happened = Signal(object)


def test_emitting_signals_does_not_lose_references_to_true(qtbot: QtBot) -> None:
    relay = _Relay()
    received: list[object] = []
    relay.happened.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(200):
        relay.happened.emit(number)
    assert received == list(range(200))
    # Other code may take or drop a few references meanwhile; the broken binding drops 200.
    assert sys.getrefcount(True) > before - 20


def test_background_tasks_do_not_lose_references_to_true(qtbot: QtBot) -> None:
    worker = Worker()
    results: list[int] = []
    for number in range(100):
        worker.submit(lambda n=number: n, results.append)
    worker.wait(10_000)
    qtbot.waitUntil(lambda: len(results) == 100, timeout=10_000)
    before = sys.getrefcount(True)
    for number in range(100):
        worker.submit(lambda n=number: n, results.append)
    worker.wait(10_000)
    qtbot.waitUntil(lambda: len(results) == 200, timeout=10_000)
    assert sys.getrefcount(True) > before - 20
