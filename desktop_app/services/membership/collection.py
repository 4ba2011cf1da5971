"""An import's tens of thousands of rows, held while it runs, without full garbage collections.

Python's cyclic collector runs a full collection each time the objects that survived earlier
ones grow by a quarter; an import keeps its parsed rows and plans (about five objects a row),
so a 20,000-row list set off two full collections that walked every object of the process,
SQLAlchemy's and the models' included: 0.15 s of its 1.2 s (issue #16). Mercurial pauses the
collector around such work (``util.nogc``) for the same reason.

Paused, not run by hand: on the desk the collector is already off and collects on the GUI
thread only (ui/collector.py), so a service must never collect on a worker; when the
collector is off, this leaves it off. The rows and plans hold no reference cycles, so nothing
piles up meanwhile; whatever cycles a batch's database work leaves are collected afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def without_automatic_collection(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with the automatic cyclic collector paused (if it was running)."""

    @wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        running = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if running:
                gc.enable()

    return paused
