"""Garbage holding Qt objects is freed on the GUI thread, never on a worker that allocates."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import ClassVar

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.ui.collector import MainThreadCollector, collect_due


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


def test_after_a_full_collection_the_survivors_are_frozen_and_young_cycles_still_die() -> None:
    # With 100,000 registrations open a full collection visits ~150,000 objects (80-100 ms
    # between two keys); frozen, the long-lived ones are skipped by the collections after.
    kept = [[] for _ in range(50_000)]
    thresholds = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(1, 1, 1)
    try:
        held: list[list[list[object]]] = []
        for _ in range(40):
            held.append([[] for _ in range(10)])  # new objects since the last collection
            collect_due()
            if gc.get_freeze_count():
                break
        assert gc.get_freeze_count() >= len(kept)
        young = weakref.ref(_Cycle())
        for _ in range(5):
            held.append([[] for _ in range(10)])
            collect_due()
        assert young() is None
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def test_a_cycle_that_died_after_it_was_frozen_is_freed_once_nobody_has_typed_for_a_while(
    qtbot: QtBot,
) -> None:
    now = [0.0]
    collector = MainThreadCollector(interval_ms=10, idle_s=20, every_s=300, clock=lambda: now[0])
    field = QLineEdit()
    qtbot.addWidget(field)
    try:
        cycle = _Cycle()
        frozen = weakref.ref(cycle)
        gc.freeze()
        del cycle
        now[0] = 100.0  # idle, but the last full pass (the start) is recent
        qtbot.wait(60)
        assert frozen() is not None
        now[0] = 390.0
        qtbot.keyClick(field, "a")  # staff are typing: no full pass for 20 s
        now[0] = 400.0
        qtbot.wait(60)
        assert frozen() is not None
        now[0] = 411.0
        qtbot.waitUntil(lambda: frozen() is None, timeout=2000)
        assert collector.last_full_pass == 411.0
    finally:
        collector.stop()
        gc.disable()
