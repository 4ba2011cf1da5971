"""Several desks on one shared PostgreSQL server: offline fallback, journal and catch-up.

See docs/multi-desk.md. :class:`DeskLink` is what a desk uses; :func:`list_conflicts` is
what a supervisor reviews; :class:`ChangeListener` wakes a desk when another one writes.
"""

from desktop_app.services.sync.conflicts import SyncConflict, list_conflicts
from desktop_app.services.sync.link import DeskLink, LinkStatus
from desktop_app.services.sync.notify import ChangeListener
from desktop_app.services.sync.replay import (
    ReplayItem,
    ReplayReport,
    ReplaySummary,
    replay_journal,
)
from desktop_app.services.sync.replica import RefreshReport, offline_series_code

__all__ = [
    "ChangeListener",
    "DeskLink",
    "LinkStatus",
    "RefreshReport",
    "ReplayItem",
    "ReplayReport",
    "ReplaySummary",
    "SyncConflict",
    "list_conflicts",
    "offline_series_code",
    "replay_journal",
]
