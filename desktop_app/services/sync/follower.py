"""A thread that keeps a desk's replica following the server, off the actions' path.

Asked after each of the desk's own actions and each change heard from another desk, it runs
the refresh at most once every ``REFRESH_EVERY`` seconds while requests keep coming: the first
request after a pause is served at once, a burst shares one refresh. A refresh costs about as
much CPU as a check-in itself (a dozen statements on each side); four desks sharing a server's
two cores that refreshed after every check-in spent two thirds of their CPU there.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

REFRESH_EVERY = 0.25
"""Seconds between two refreshes while requests keep coming."""


class ReplicaFollower:
    """Runs ``refresh`` in its own thread when asked (coalesced); started on first use."""

    def __init__(self, name: str, refresh: Callable[[], None]) -> None:
        self._name = name
        self._refresh = refresh
        self._cv = threading.Condition()
        self._asked = self._done = 0
        self._thread: threading.Thread | None = None
        self._closing = False

    def ask(self) -> None:
        """Have the refresh run soon. Never waits: callable from the GUI thread."""
        with self._cv:
            self._asked += 1
            self._cv.notify_all()
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
                self._thread.start()

    def wait(self, timeout: float) -> bool:
        """Wait until every request so far was served; whether they were."""
        with self._cv:
            return self._cv.wait_for(lambda: self._done >= self._asked, timeout)

    def close(self) -> None:
        """Stop the thread (requests not served yet are dropped)."""
        with self._cv:
            self._closing = True
            self._cv.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=5.0)

    def _loop(self) -> None:
        last = -REFRESH_EVERY
        while True:
            with self._cv:
                self._cv.wait_for(lambda: self._closing or self._done < self._asked)
                # The rest of the interval since the last refresh: the requests made
                # meanwhile are served together.
                pause = last + REFRESH_EVERY - time.monotonic()
                if pause > 0:
                    self._cv.wait_for(lambda: self._closing, pause)
                if self._closing:
                    return
                target = self._asked
            last = time.monotonic()
            self._refresh()
            with self._cv:
                self._done = target
                self._cv.notify_all()
