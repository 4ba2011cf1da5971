"""Where this desk's shared PostgreSQL server is: host, port, database, user — and its password.

The address is kept with the other per-machine settings (``QSettings``, keys under
``server/``). The password never goes there: it is stored in the operating system's keyring
(Windows Credential Manager, macOS Keychain, the Secret Service on Linux) through the
``keyring`` package. Where no keyring exists (a headless Linux, CI), the password is kept in
memory for this session only and :attr:`ServerSettings.password_saved` says so; the person
types it again after a restart.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import quote

import keyring
import keyring.errors
from PySide6.QtCore import QSettings

from desktop_app.ui.machine_settings import MachineSettings

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Passerelle shared database"
DEFAULT_PORT = 5432

_HOST = "server/host"
_PORT = "server/port"
_DATABASE = "server/database"
_USER = "server/user"
_ENABLED = "server/enabled"

# Passwords typed this session on a machine without a keyring: memory only, never on disk.
_session_passwords: dict[str, str] = {}


@dataclass(frozen=True)
class ServerAddress:
    """Where the shared server is, without its password."""

    host: str
    port: int
    database: str
    user: str

    @property
    def complete(self) -> bool:
        """Whether host, database and user are all given."""
        return bool(self.host and self.database and self.user)

    @property
    def account(self) -> str:
        """The keyring entry's name: ``user@host:port/database``."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None) -> str:
        """``postgresql://user:password@host:port/database``, each part URL-quoted."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        credentials = quote(self.user, safe="")
        if password:
            credentials += ":" + quote(password, safe="")
        return f"postgresql://{credentials}@{host}:{self.port}/{quote(self.database, safe='')}"


class ServerSettings:
    """The shared-server part of a desk's settings, over the same ``QSettings`` store."""

    def __init__(self, settings: QSettings | MachineSettings | None = None) -> None:
        if isinstance(settings, MachineSettings):
            settings = settings.qsettings
        self._settings = settings if settings is not None else MachineSettings().qsettings
        self.last_keyring_error: str | None = None

    def _text(self, key: str) -> str:
        value = self._settings.value(key)
        return str(value).strip() if value is not None else ""

    @property
    def address(self) -> ServerAddress:
        """The server's address as saved (empty fields when never set)."""
        try:
            port = int(self._text(_PORT) or DEFAULT_PORT)
        except ValueError:
            port = DEFAULT_PORT
        if not 0 < port < 65536:
            port = DEFAULT_PORT
        return ServerAddress(self._text(_HOST), port, self._text(_DATABASE), self._text(_USER))

    @address.setter
    def address(self, value: ServerAddress) -> None:
        self._settings.setValue(_HOST, value.host.strip())
        self._settings.setValue(_PORT, int(value.port))
        self._settings.setValue(_DATABASE, value.database.strip())
        self._settings.setValue(_USER, value.user.strip())

    @property
    def enabled(self) -> bool:
        """Whether the desk works on the shared server (else on its own local database)."""
        return str(self._settings.value(_ENABLED, "false")).strip().lower() in ("true", "1")

    @enabled.setter
    def enabled(self, value: bool) -> None:
        self._settings.setValue(_ENABLED, bool(value))

    def sync(self) -> None:
        """Write pending changes to permanent storage now."""
        self._settings.sync()

    # -- password -------------------------------------------------------------------------

    def password(self, address: ServerAddress | None = None) -> str | None:
        """The password for ``address`` (default: the saved one): keyring, else this session."""
        account = (address or self.address).account
        try:
            stored = keyring.get_password(KEYRING_SERVICE, account)
        except keyring.errors.KeyringError as error:
            self.last_keyring_error = str(error)
            stored = None
        return stored if stored is not None else _session_passwords.get(account)

    def set_password(self, password: str, address: ServerAddress | None = None) -> bool:
        """Keep ``password`` for ``address``; ``True`` when the OS keyring stored it.

        ``False``: no keyring on this machine, so it is kept for this session only
        (never written to the settings file).
        """
        account = (address or self.address).account
        try:
            if password:
                keyring.set_password(KEYRING_SERVICE, account, password)
            else:
                keyring.delete_password(KEYRING_SERVICE, account)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            self.last_keyring_error = str(error)
            log.info("no keyring (%s): the server password is kept for this session", error)
            if password:
                _session_passwords[account] = password
            else:
                _session_passwords.pop(account, None)
            return False
        _session_passwords.pop(account, None)
        self.last_keyring_error = None
        return True

    # -- what the desk opens --------------------------------------------------------------

    def url(self) -> str | None:
        """The server URL (with its password) when shared mode is on and complete."""
        address = self.address
        if not self.enabled or not address.complete:
            return None
        return address.url(self.password(address))


def keyring_available() -> bool:
    """Whether this machine has an OS keyring to keep passwords in."""
    try:
        backend = keyring.get_keyring()
    except keyring.errors.KeyringError:
        return False
    return float(getattr(backend, "priority", 0)) > 0


__all__ = [
    "DEFAULT_PORT",
    "KEYRING_SERVICE",
    "ServerAddress",
    "ServerSettings",
    "keyring_available",
]
