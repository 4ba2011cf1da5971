"""The core of a desk's link to the shared server: its modes (``local``, ``shared``,
``offline``), its replica for when the server is gone, going offline and back (replaying the
journal, refreshing the replica), and running an action where it can (:meth:`LinkCore._run`).
The actions themselves, and what each mode means for them, are in ``link`` (``DeskLink``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.database import Database, open_database
from desktop_app.db.engine import normalise_url, sqlite_url
from desktop_app.db.models import Event, JournalEntry, Registration
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, StorageUnavailable
from desktop_app.services.sync import mirror, replica
from desktop_app.services.sync.follower import ReplicaFollower
from desktop_app.services.sync.replay import ReplayItem, ReplayReport, replay_journal

T = TypeVar("T")
log = logging.getLogger(__name__)

# Fail fast when the server is gone: connect within 3 s, notice a dead link within ~10 s.
_LIBPQ_OPTIONS = {
    "connect_timeout": "3",
    "keepalives": "1",
    "keepalives_idle": "5",
    "keepalives_interval": "2",
    "keepalives_count": "2",
    "tcp_user_timeout": "8000",
}


def server_url(url: str) -> str:
    """The server URL with the timeouts a desk needs (explicit ones in ``url`` are kept)."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "postgresql":
        return str(parsed.render_as_string(hide_password=False))
    query = {**_LIBPQ_OPTIONS, **dict(parsed.query)}
    return parsed.set(query=query).render_as_string(hide_password=False)


@dataclass(frozen=True)
class LinkStatus:
    """What the desk header shows: the mode, and how many actions wait to be sent."""

    mode: str  # "local" | "shared" | "offline"
    pending: int
    failed: int
    server: str | None  # the server URL without its password
    last_error: str | None
    last_refresh: datetime | None


class LinkCore:
    """One desk's way to the data: the shared server, or its replica while offline (the
    desk's actions through it are :class:`~desktop_app.services.sync.link.DeskLink`'s)."""

    def __init__(
        self,
        desk: str,
        replica_path: Path,
        server: str | None = None,
        *,
        slug: str | None = None,
    ) -> None:
        """Open the replica (created if needed) and, when ``server`` is given, connect.

        ``slug`` limits the replica to one event's registrations. An unreachable server
        leaves the link ``offline`` (it does not raise).
        """
        self.desk = desk
        self.slug = slug
        self._lock = threading.RLock()
        self.replica_url = sqlite_url(replica_path)  # backed up like a local desk's database
        self._replica = open_database(self.replica_url)
        self._server_url = server_url(server) if server else None
        self._server: Database | None = None
        self._mode = "local" if server is None else "offline"
        self._clean = False  # the replica holds exactly server rows (ids included)
        self._event_id: int | None = None  # the slug's event on the server, once read
        # After an action on the server the replica is brought up to date by a thread of the
        # link, off the action's path (coalesced: see ``follower``).
        self._follower = ReplicaFollower(f"replica refresh ({desk})", self._follow)
        # Every entry replayed through this link (connecting replays too), for reports.
        self._replayed: list[ReplayItem] = []
        self.last_error: str | None = None
        self.last_refresh: datetime | None = None
        if server is not None:
            replica.install_journal(self._replica.sessions)
            self._replica.sessions.configure(info={"desk": desk})
            self.reconnect()

    # -- state -----------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        """``local``, ``shared`` or ``offline``."""
        return self._mode

    @property
    def sessions(self) -> sessionmaker[Session]:
        """Where to read now: the server when shared, else the replica."""
        if self._mode == "shared" and self._server is not None:
            return self._server.sessions
        return self._replica.sessions

    @property
    def replica_sessions(self) -> sessionmaker[Session]:
        """The local replica (or the local database in ``local`` mode)."""
        return self._replica.sessions

    @property
    def server_sessions(self) -> sessionmaker[Session] | None:
        """The shared server's sessions, once connected."""
        return self._server.sessions if self._server is not None else None

    def pending(self) -> int:
        """Journal entries waiting to be sent to the server."""
        return replica.pending_count(self._replica.sessions)

    def status(self) -> LinkStatus:
        """Mode, pending and failed counts, for the desk header."""
        with self._replica.sessions() as session:
            statuses = list(session.scalars(select(JournalEntry.status)))
        server = None
        if self._server_url:
            server = make_url(self._server_url).set(query={}).render_as_string(hide_password=True)
        return LinkStatus(
            mode=self._mode,
            pending=statuses.count("pending"),
            failed=statuses.count("failed"),
            server=server,
            last_error=self.last_error,
            last_refresh=self.last_refresh,
        )

    # -- connection ------------------------------------------------------------------------

    def _reachable(self) -> bool:
        if self._server is None:
            return False
        try:
            with self._server.engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
        except DBAPIError as error:
            self.last_error = str(error.orig or error)
            return False
        return True

    def _connect(self) -> bool:
        if self._server is not None:
            return self._reachable()
        assert self._server_url is not None
        try:
            self._server = open_database(self._server_url)
        except StorageUnavailable as error:
            self.last_error = str(error.message)
            return False
        except DBAPIError as error:
            self.last_error = str(error.orig or error)
            return False
        return True

    def _go_offline(self, error: Exception) -> None:
        self._mode = "offline"
        self._clean = False
        self.last_error = str(getattr(error, "orig", None) or error)

    def work_offline(self, reason: str = "") -> None:
        """Stop using the server until :meth:`reconnect` (e.g. a network known to be flaky);
        this desk's last actions reach the replica first (a few seconds at most)."""
        if self._server_url is not None:
            self.wait_for_replica(5.0)
            self._go_offline(Exception(reason or "offline by choice"))

    def reconnect(self) -> LinkStatus:
        """Try the server: replay the journal, refresh the replica, go back to ``shared``.

        Stays ``offline`` (without raising) while the server cannot be reached or actions
        are still pending. Call it every few seconds from a worker while offline.
        """
        with self._lock:
            if self._server_url is None:
                return self.status()
            if not self._connect():
                self._mode = "offline"
                return self.status()
            report = self.replay()
            if report.interrupted or report.pending:
                self._mode = "offline"
                return self.status()
            try:
                self.refresh_replica(full=True)
            except DBAPIError as error:
                self._go_offline(error)
                return self.status()
            self._mode = "shared"
            self.last_error = None
            return self.status()

    def close(self) -> None:
        """Close every connection (server and replica)."""
        self._follower.close()
        if self._server is not None:
            self._server.dispose()
        self._replica.dispose()

    # -- replica ---------------------------------------------------------------------------

    def refresh_replica(self, *, full: bool = False) -> replica.RefreshReport | int:
        """Bring the replica up to date with the server.

        A full copy the first time, after being offline, or with ``full``; otherwise only
        what is new since (returns the number of registrations copied again).
        """
        with self._lock:
            if self._server is None:
                raise StorageUnavailable(
                    QT_TRANSLATE_NOOP("AppError", "No shared server is connected.")
                )
            if full or not self._clean:
                report = replica.copy_from_server(
                    self._server.engine, self._replica.engine, self.slug
                )
                self._clean = True
                self.last_refresh = report.refreshed_at
                return report
            if self.slug is not None and self._event_id is None:
                with self._server.sessions() as session:
                    self._event_id = session.scalar(select(Event.id).where(Event.slug == self.slug))
            return mirror.refresh_incremental(
                self._server.engine, self._replica.engine, self._event_id
            )

    def replay(self) -> ReplayReport:
        """Send the pending journal to the server (in order, idempotently); the report."""
        with self._lock:
            if self._server is None and not self._connect():
                return ReplayReport(interrupted=True, error=self.last_error, pending=self.pending())
            assert self._server is not None
            report = replay_journal(self._replica.sessions, self._server.sessions)
            self._replayed.extend(report.items)
            return report

    @property
    def replayed(self) -> tuple[ReplayItem, ...]:
        """Every journal entry this link has replayed since it opened, with its outcome --
        the replays made while connecting (:meth:`reconnect`) included, so a caller can
        say what it sent even when connecting sent it all."""
        with self._lock:
            return tuple(self._replayed)

    # -- actions ---------------------------------------------------------------------------

    def _run(
        self,
        call: Callable[[sessionmaker[Session], str | None], T],
        offline_series: Callable[[], str | None] = lambda: None,
    ) -> T:
        """``call(sessions, receipt_series)`` on the server, or offline on the replica.

        Online the receipt series is the event's (``None``); offline it is this desk's
        offline series, given by ``offline_series`` (receipts cannot collide).
        """
        if self._mode == "shared" and self._server is not None:
            try:
                result = call(self._server.sessions, None)
            except DBAPIError as error:
                if self._reachable():
                    raise
                self._go_offline(error)
            else:
                self._after_online()
                return result
        if self._mode == "offline":
            return call(self._replica.sessions, offline_series())
        return call(self._replica.sessions, None)

    def _offline_series_for(self, registration_id: int) -> str | None:
        """This desk's offline series for the event of ``registration_id`` (replica)."""
        with self._replica.sessions() as session:
            slug = session.scalar(
                select(Event.slug)
                .join(Registration, Registration.event_id == Event.id)
                .where(Registration.id == registration_id)
            )
        return replica.offline_series_code(self.desk, slug) if slug is not None else None

    def _after_online(self) -> None:
        """Keep the replica current with this desk's own action (best effort), off the
        action's path: the link's follower thread copies it within milliseconds, and the
        actions of a burst share one refresh (``follower.REFRESH_EVERY``)."""
        if self._clean:
            self._follower.ask()

    def follow_server(self) -> None:
        """Another desk changed something (heard or polled): the follower thread copies it
        into the replica soon, with this desk's own actions; a burst of changes heard
        shares one copy. Never waits: callable from the GUI thread. A replica no longer
        clean (a refresh failed) is copied whole."""
        self._follower.ask()

    def _follow(self) -> None:
        """One refresh, in the follower's thread."""
        try:
            if self._mode == "shared":
                self.refresh_replica()  # whole when no longer clean
        except DBAPIError:
            self._clean = False  # the next reconnect copies it whole
        except Exception:  # a bug: logged, and the next reconnect copies it whole
            log.exception("replica refresh failed")
            self._clean = False

    def wait_for_replica(self, timeout: float = 10.0) -> bool:
        """Wait until the replica holds this desk's actions so far; whether it does."""
        return self._follower.wait(timeout)


__all__ = ["LinkCore", "LinkStatus", "server_url"]
