"""Waking a desk when another desk writes: LISTEN/NOTIFY, with polling as the fallback.

:class:`ChangeListener` runs one thread. On PostgreSQL it holds its own connection and
``LISTEN passerelle_changes`` (the triggers of ``db.change_notify`` send the event id when
registrations, check-ins or payments change); the callback gets the event id within a
moment of the other desk's commit. When LISTEN is impossible (connection lost, SQLite, a
pooler that drops notifications) it polls a cheap fingerprint of those tables every
``poll_interval`` seconds and calls back with ``None`` when it changed, retrying LISTEN
meanwhile.

The callback runs in the listener's thread: a Qt desk emits a signal from it (queued to the
GUI thread) and refreshes there. Pure Python, no Qt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from desktop_app.db.change_notify import CHANNEL
from desktop_app.db.engine import make_engine, normalise_url

log = logging.getLogger(__name__)

_FINGERPRINT = text(
    "SELECT (SELECT max(id) FROM registrations), (SELECT max(id) FROM check_ins),"
    " (SELECT count(undone_at) FROM check_ins), (SELECT max(id) FROM payments),"
    " (SELECT sum(amount_paid) FROM registrations)"
)

Callback = Callable[[int | None], None]


def _conninfo(url: str) -> str | None:
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "postgresql":
        return None
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """Calls ``callback(event_id)`` when another desk changes registrations, check-ins or
    payments (``callback(None)``: something changed, event unknown -- from polling)."""

    def __init__(
        self,
        url: str,
        callback: Callback,
        *,
        poll_interval: float = 2.0,
        retry_interval: float = 5.0,
    ) -> None:
        """Listen on the database at ``url`` (PostgreSQL: LISTEN; otherwise polling)."""
        self.url = normalise_url(url)
        self.callback = callback
        self.poll_interval = poll_interval
        self.retry_interval = retry_interval
        self._conninfo = _conninfo(url)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = False  # True while LISTEN is active (else polling)

    def start(self) -> ChangeListener:
        """Start the listener thread (daemon); returns self."""
        self._thread = threading.Thread(target=self._run, name="passerelle-changes", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread and close its connections."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def __enter__(self) -> ChangeListener:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _notify(self, event_id: int | None) -> None:
        try:
            self.callback(event_id)
        except Exception:  # a failing callback must not kill the listener
            log.exception("change callback failed")

    def _run(self) -> None:
        while not self._stop.is_set():
            if self._conninfo is not None and self._listen():
                continue
            self._poll(until_retry=self._conninfo is not None)

    def _listen(self) -> bool:
        """LISTEN until stopped or the connection fails; False if it could not start."""
        assert self._conninfo is not None
        import psycopg  # here, not at import: a desk on SQLite never loads the driver (#16)

        try:
            connection = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=3)
        except psycopg.Error as error:
            log.info("LISTEN unavailable (%s); polling", error)
            return False
        try:
            connection.execute(f"LISTEN {CHANNEL}")
            self.listening = True
            while not self._stop.is_set():
                for note in connection.notifies(timeout=0.5):
                    payload = note.payload.strip()
                    self._notify(int(payload) if payload.isdigit() else None)
                    if self._stop.is_set():
                        break
        except psycopg.Error as error:
            log.info("LISTEN connection lost (%s); polling", error)
        finally:
            self.listening = False
            connection.close()
        return True

    def _poll(self, *, until_retry: bool) -> None:
        """Poll the fingerprint; return after ``retry_interval`` to try LISTEN again."""
        engine = make_engine(self.url)
        try:
            previous: object = None
            waited = 0.0
            while not self._stop.wait(self.poll_interval if previous is not None else 0):
                waited += self.poll_interval
                try:
                    with engine.connect() as connection:
                        current = tuple(connection.execute(_FINGERPRINT).one())
                except DBAPIError:
                    current = None
                if previous is not None and current is not None and current != previous:
                    self._notify(None)
                previous = current if current is not None else previous or ()
                if until_retry and waited >= self.retry_interval:
                    return
        finally:
            engine.dispose()
