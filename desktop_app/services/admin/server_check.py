"""Trying a shared PostgreSQL server before a desk relies on it ("Test connection").

:func:`check_server` connects once (3 s at most), reads the server's version and whether
the database already holds Passerelle's tables, and turns every way a connection can fail
into a sentence the person at the desk can act on (wrong password, nothing listening on the
port, a firewall, a database that does not exist, ``pg_hba.conf``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from desktop_app.domain.errors import QT_TRANSLATE_NOOP, StorageUnavailable

if TYPE_CHECKING:  # the driver loads when a server is tried, not with the desk (#16)
    import psycopg

CONNECT_TIMEOUT_SECONDS = 3


@dataclass(frozen=True)
class ServerCheck:
    """What a successful test connection found."""

    version: str  # e.g. "16.4"
    state: str  # "empty" (no tables), "passerelle" (our tables), "other" (someone else's)


def _where(url: str) -> tuple[str, str, str, str]:
    parsed = make_url(url)
    return (
        parsed.host or "localhost",
        str(parsed.port or 5432),
        parsed.database or "",
        parsed.username or "",
    )


def _failure(error: psycopg.Error, url: str) -> StorageUnavailable:
    host, port, database, user = _where(url)
    text = str(error)
    lowered = text.lower()
    state = getattr(error, "sqlstate", None)
    if "pg_hba" in lowered:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "AppError",
                "The server {host} does not accept connections from this computer for user"
                " {user} and database {database}: add the venue network to pg_hba.conf.",
            ),
            host=host,
            user=user,
            database=database,
        )
    role_missing = "role" in lowered and "does not exist" in lowered
    bad_password = "password authentication failed" in lowered or "no password" in lowered
    if state in ("28P01", "28000") or bad_password or role_missing:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "AppError", "The server refused the user name {user} or its password."
            ),
            user=user,
        )
    if state == "3D000" or ("database" in lowered and "does not exist" in lowered):
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "AppError",
                "There is no database {database} on the server {host}: create it first"
                " (see the venue server guide).",
            ),
            database=database,
            host=host,
        )
    if "timeout" in lowered or "timed out" in lowered:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "AppError",
                "The server {host} did not answer within {seconds} seconds: check the host"
                " name, the network, and the firewall on the server.",
            ),
            host=host,
            seconds=CONNECT_TIMEOUT_SECONDS,
        )
    if "connection refused" in lowered:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "AppError",
                "Nothing answers on {host} port {port}: is PostgreSQL running there, and"
                " listening on the network (listen_addresses)?",
            ),
            host=host,
            port=port,
        )
    if "translate host name" in lowered or "name or service not known" in lowered:
        return StorageUnavailable(
            QT_TRANSLATE_NOOP("AppError", "The host name {host} is unknown on this network."),
            host=host,
        )
    return StorageUnavailable(
        QT_TRANSLATE_NOOP("AppError", "Could not connect to the server {host}: {detail}"),
        host=host,
        detail=text.strip().splitlines()[-1] if text.strip() else type(error).__name__,
    )


def check_server(url: str, *, timeout: int = CONNECT_TIMEOUT_SECONDS) -> ServerCheck:
    """Connect to the PostgreSQL server at ``url`` once and report what is there.

    Raises :class:`StorageUnavailable` with a sentence saying what to fix when the server
    cannot be reached or refuses the connection. Writes nothing.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("AppError", "A shared database must be a PostgreSQL server.")
        )
    conninfo = parsed.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    import psycopg

    try:
        with psycopg.connect(conninfo, connect_timeout=timeout) as connection:
            row = connection.execute("SHOW server_version").fetchone()
            version = str(row[0]) if row is not None else "?"
            tables = {
                str(table[0])
                for table in connection.execute(
                    "SELECT table_name FROM information_schema.tables"
                    " WHERE table_schema = current_schema()"
                )
            }
    except psycopg.Error as error:
        raise _failure(error, url) from error
    if not tables:
        state = "empty"
    elif "events" in tables and "registrations" in tables:
        state = "passerelle"
    else:
        state = "other"
    return ServerCheck(version=version.split()[0], state=state)


__all__ = ["CONNECT_TIMEOUT_SECONDS", "ServerCheck", "check_server"]
