"""Opening a desk on a shared server: its link, its replica's path, and the session factory
that follows the link (the server while shared, the replica while offline)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.engine import data_directory
from desktop_app.services.sync.link import DeskLink


class LinkSessions(sessionmaker[Session]):
    """A session factory that follows the link: the server while shared, else the replica.

    Services call ``sessions()`` and ``sessions.begin()``; both ask the link at each call,
    so a desk part built while shared keeps working when the link goes offline.
    """

    def __init__(self, link: DeskLink) -> None:
        super().__init__()
        self.link = link

    def __call__(self, **local_kw: Any) -> Session:
        return self.link.sessions(**local_kw)


@dataclass(frozen=True)
class SharedDatabase:
    """What the composition root holds for a shared desk (the ``Database`` of local mode)."""

    link: DeskLink
    url: str  # the server URL, with its password (for the ChangeListener)
    sessions: LinkSessions

    @property
    def is_sqlite(self) -> bool:
        """Never: the data's home is the server (the replica is a copy)."""
        return False

    @property
    def location(self) -> str:
        """The server, without the password, for the header's tooltip."""
        return str(make_url(self.url).render_as_string(hide_password=True))

    def dispose(self) -> None:
        """Close the server and replica connections."""
        self.link.close()


def replica_path(desk: str, slug: str | None, folder: Path | None = None) -> Path:
    """Where this desk keeps its copy of an event: one SQLite file per desk and event."""

    def key(text: str) -> str:
        return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "desk"

    base = folder if folder is not None else data_directory() / "replicas"
    base.mkdir(parents=True, exist_ok=True)
    return base / f"{key(slug or 'all-events')}--{key(desk)}.sqlite3"


def open_shared(
    server_url: str, desk: str, slug: str | None, *, folder: Path | None = None
) -> SharedDatabase:
    """Open the desk's link (on a worker): connect, replay, copy; offline if unreachable.

    An empty server database gets Passerelle's tables (the first desk creates them).
    """
    link = DeskLink(desk, replica_path(desk, slug, folder), server_url, slug=slug)
    return SharedDatabase(link, server_url, LinkSessions(link))


# -- on screen --------------------------------------------------------------------------


__all__ = ["LinkSessions", "SharedDatabase", "open_shared", "replica_path"]
