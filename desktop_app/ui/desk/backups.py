"""Automatic backups of the desk's local SQLite database: every few minutes and at close.

The copy runs on the writer worker (never on the GUI thread), after the desk's own writes,
with SQLite's online backup API (``services.backup.backup_database``). A failure — the USB
key was pulled out — is remembered and shown in the header, never as a dialog: the next
backup tries again. A shared PostgreSQL database is backed up on its server, not here.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.domain.errors import AppError
from desktop_app.services.admin.backup import (
    BackupResult,
    backup_database,
    default_backup_directory,
)
from desktop_app.ui.machine_settings import MachineSettings
from desktop_app.ui.printing import translated_message
from desktop_app.ui.worker import Worker

log = logging.getLogger(__name__)
MS_PER_MINUTE = 60_000


class BackupScheduler(QObject):
    """Takes a backup every ``settings.backup_interval_minutes`` and when asked (at close).

    ``interval_ms`` overrides the settings' interval (tests inject a short one).
    """

    changed = Signal()  # a backup succeeded or failed: the header redraws its line

    def __init__(
        self,
        url: str | None,
        settings: MachineSettings,
        writer: Worker,
        parent: QObject | None = None,
        *,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = url
        self.settings = settings
        if self.enabled and url is not None:
            # Until a folder is chosen, backups stay next to the database they copy.
            settings.database_backups = default_backup_directory(url)
        self.writer = writer
        self._interval_ms = interval_ms
        self.last_success: BackupResult | None = None
        self.last_error: BaseException | None = None  # the last attempt failed with this
        self.last_folder: Path | None = None
        self.running = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.backup_now)

    @property
    def enabled(self) -> bool:
        """Whether this desk backs up its database (a local SQLite file only)."""
        return bool(self.url) and str(self.url).startswith("sqlite")

    def interval_ms(self) -> int:
        """Milliseconds between two automatic backups."""
        if self._interval_ms is not None:
            return self._interval_ms
        return self.settings.backup_interval_minutes * MS_PER_MINUTE

    def start(self) -> None:
        """Back up every interval from now on (nothing for a shared database)."""
        if not self.enabled:
            return
        self.timer.start(self.interval_ms())

    def stop(self) -> None:
        """No more automatic backups."""
        self.timer.stop()

    def settings_changed(self) -> None:
        """The interval may have changed: restart the timer with it."""
        if self.timer.isActive():
            self.timer.start(self.interval_ms())

    def backup_now(self) -> bool:
        """Queue a backup on the writer worker; ``False`` when there is nothing to do."""
        if not self.enabled or self.running or self.url is None:
            return False
        self.running = True
        url = self.url
        folder = self.settings.backup_folder
        keep = self.settings.backup_keep
        self.last_folder = folder
        self.writer.submit(
            lambda: backup_database(url, folder, keep=keep), self._done, self._failed, owner=self
        )
        return True

    def _done(self, result: BackupResult) -> None:
        self.running = False
        self.last_success = result
        self.last_error = None
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.last_error = error
        log.warning("backup to %s failed: %s", self.last_folder, error, exc_info=error)
        self.changed.emit()

    def error_text(self) -> str | None:
        """Why the last backup failed, in the interface language; ``None`` when it worked."""
        error = self.last_error
        if error is None:
            return None
        return translated_message(error) if isinstance(error, AppError) else str(error)

    @property
    def last_success_at(self) -> datetime | None:
        """When the last good backup was taken (aware UTC)."""
        return self.last_success.taken_at if self.last_success is not None else None
