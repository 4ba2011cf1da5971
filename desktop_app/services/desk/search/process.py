"""The desk's search, and its cards, read in a process of its own.

In the desk's process a search (ranking in Python, typo correction) holds the interpreter lock
for milliseconds at a time, and on a loaded laptop the operating system may pause it while it
holds the lock: the GUI thread then waits, a stall of 60-100 ms under load 4 at 100,000
registrations (bench/bench_desk.py). In a process of its own the search cannot hold the desk's
lock; the desk's reader thread only sends the text and reads back about fifty small records.
The card of the person chosen (read 60 ms after each selection settles) is read there too.

The child opens the same database read-only in spirit (no upgrade, nothing created) and
answers one query at a time. Any failure there (it died, it could not open the database, the
search raised) makes the desk search in its own process again, as before, so a person is
never "not found" because of this process.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from desktop_app.services.desk.attendees import AttendeeCard
    from desktop_app.services.desk.search import SearchHit

log = logging.getLogger(__name__)

_STOP = None  # sent to the child: finish


def _serve(connection: Connection, url: str, slug: str) -> None:  # pragma: no cover (child)
    """The child's loop: ``("search", text)`` or ``("card", id, admits)`` in, ``("done",
    answer)`` or ``("failed", None)`` out."""
    from desktop_app.db.database import open_database
    from desktop_app.services.desk.attendees import attendee_card
    from desktop_app.services.desk.search import search_registrations

    try:
        database = open_database(url, upgrade=False, create=False)
    except Exception:  # the desk searches itself, and says why if it cannot either
        connection.send(("failed", None))
        return
    connection.send(("ready", None))
    try:
        while True:
            try:
                request = connection.recv()
            except EOFError:
                return
            if request is _STOP:
                return
            answer: tuple[str, Any] = ("failed", None)
            try:
                if request[0] == "search":
                    answer = ("done", search_registrations(database.sessions, slug, request[1]))
                elif request[0] == "card":
                    answer = ("done", attendee_card(database.sessions, request[1], request[2]))
            except Exception:
                answer = ("failed", None)
            connection.send(answer)
    finally:
        database.dispose()


class SearchProcess:
    """``search(query)`` and ``card(id, admits)`` answered by a child process; ``fallback`` and
    ``card_fallback`` (the desk's own reads) when it cannot answer.

    Thread-safe: one request at a time goes through the pipe. ``close`` stops the child.
    """

    def __init__(
        self,
        url: str,
        slug: str,
        fallback: Callable[[str], list[SearchHit]],
        card_fallback: Callable[[int, str | None], AttendeeCard] | None = None,
    ) -> None:
        self._fallback = fallback
        self._card_fallback = card_fallback
        self._lock = threading.Lock()
        self._ready = False
        self._broken = False
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, url, slug), name="passerelle-search", daemon=True
        )
        self._process.start()
        child.close()

    @classmethod
    def beside(cls, url: str, sessions: sessionmaker[Session], slug: str) -> SearchProcess:
        """The reads of the desk of event ``slug`` on ``url``, with the desk's own reads on
        ``sessions`` to fall back on."""
        from desktop_app.services.desk.attendees import attendee_card
        from desktop_app.services.desk.search import search_registrations

        return cls(
            url,
            slug,
            lambda query: search_registrations(sessions, slug, query),
            lambda registration_id, admits: attendee_card(sessions, registration_id, admits),
        )

    @property
    def in_use(self) -> bool:
        """Whether searches go to the child (it started, answered and never failed)."""
        return self._ready and not self._broken

    def search(self, query: str) -> list[SearchHit]:
        """The registrations ``query`` finds, best first."""
        hits: list[SearchHit] | None = self._ask(("search", query))
        return hits if hits is not None else self._fallback(query)

    def card(self, registration_id: int, admits: str | None = None) -> AttendeeCard:
        """The card of ``registration_id`` (at session ``admits``' door)."""
        card: AttendeeCard | None = self._ask(("card", registration_id, admits))
        if card is not None:
            return card
        if self._card_fallback is None:
            raise RuntimeError("SearchProcess.card needs a card_fallback")
        return self._card_fallback(registration_id, admits)

    def _ask(self, request: tuple[Any, ...]) -> Any:
        """The child's answer to ``request``, or ``None`` if it cannot give one."""
        with self._lock:
            if self._broken:
                return None
            return self._exchange(request)

    def _exchange(self, request: tuple[Any, ...]) -> Any:
        try:
            if not self._ready:
                # Until the child has its database open, the desk searches itself.
                if not self._connection.poll():
                    return None
                kind, _ = self._connection.recv()
                if kind != "ready":
                    raise EOFError
                self._ready = True
            self._connection.send(request)
            kind, payload = self._connection.recv()
        except (EOFError, OSError, ValueError):
            log.warning("The search process stopped; the desk reads in its own process")
            self._broken = True
            return None
        if kind != "done":
            return None  # that read failed there: the desk's own says why
        return payload

    def close(self) -> None:
        """Stop the child (at most a second's wait, then it is ended)."""
        with self._lock:
            self._broken = True
            with contextlib.suppress(OSError, ValueError):  # it stopped already
                self._connection.send(_STOP)
            self._connection.close()
        self._process.join(1.0)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(1.0)
