"""Garbage holding Qt objects is freed on the GUI thread, never on a worker that allocates."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from pytestqt.qtbot import QtBot

from desktop_app.ui.collector import MainThreadCollector


class _Cycle:
    """A reference cycle (like a widget captured in its own lambda) that records where it dies."""

    died_on: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.died_on.append(threading.current_thread().name)


def test_cycles_are_collected_on_the_gui_thread_while_a_worker_allocates(qtbot: QtBot) -> None:
    gc.enable()  # as a plain interpreter starts (the test suite turns it off itself)
    collector = MainThreadCollector(interval_ms=20)
    try:
        _Cycle.died_on.clear()
        for _ in range(1000):
            _Cycle()

        def allocate() -> None:  # a worker reading cards builds many objects
            kept = [[] for _ in range(20_000)]
            assert len(kept) == 20_000

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert _Cycle.died_on == []  # the worker's allocations did not run the collector
        qtbot.waitUntil(lambda: len(_Cycle.died_on) == 1000, timeout=5000)
        assert set(_Cycle.died_on) == {threading.main_thread().name}
    finally:
        collector.stop()
        gc.disable()
