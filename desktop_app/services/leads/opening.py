"""Opening a lead station on a shared server (``passerelle --leads``), as a desk opens.

The station's link is opened for the station's name and event (its copy of the event and
its journal of leads beside it). When the server is out of reach at start-up, the link
stays offline and the station works from the copy an earlier session left on this
computer, as a desk does; without such a copy there is nothing to scan against, and the
station says so in one sentence instead of opening on an empty copy.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop_app.db.models import Event, Exhibitor
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, StorageUnavailable
from desktop_app.services.sync import DeskLink
from desktop_app.services.sync.shared_database import SharedDatabase, open_shared

_T_NO_COPY = QT_TRANSLATE_NOOP(
    "AppError",
    "The shared server cannot be reached, and this computer has no copy of the event for the"
    " lead station “{desk}” yet: start the station once while the server answers (check the"
    " venue's network and the server settings).",
)


def has_station_copy(link: DeskLink, slug: str | None) -> bool:
    """Whether the link's replica holds the event (``slug``; any event when None) and its
    exhibitors: what an offline station scans against."""
    with link.replica_sessions() as session:
        query = select(Exhibitor.id).join(Event, Event.id == Exhibitor.event_id)
        if slug is not None:
            query = query.where(Event.slug == slug)
        return session.scalar(query.limit(1)) is not None


def open_station_link(
    server_url: str, desk: str, slug: str | None, *, folder: Path | None = None
) -> SharedDatabase:
    """The station's link to the shared server (on a worker: seconds). Offline at once when
    the server is out of reach, if this computer has the station's copy from an earlier
    session; otherwise :class:`StorageUnavailable` saying so."""
    database = open_shared(server_url, desk, slug, folder=folder)
    if database.link.mode == "offline" and not has_station_copy(database.link, slug):
        database.dispose()
        raise StorageUnavailable(_T_NO_COPY, desk=desk)
    return database
