"""Helpers for the multi-desk tests: a TCP proxy whose link can be cut, and databases.

The proxy stands between desks and the PostgreSQL test server: cutting it closes every
connection and refuses new ones, as a venue network failing would, without touching the
server other tests share.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Iterator

import psycopg
from sqlalchemy.engine import make_url

from desktop_app.db.engine import normalise_url

PG_URL = os.environ.get("PASSERELLE_TEST_PG")


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a server; :meth:`cut` and :meth:`restore` the link."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.port = 0
        self._listener: socket.socket | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.restore()

    def restore(self) -> None:
        """Accept connections again (on the same port)."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        """Refuse new connections and drop every open one."""
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def own_database(name: str) -> str:
    """A fresh database ``name`` on the PostgreSQL test server (dropped and created); under
    pytest-xdist the worker's id is appended, so two workers never share one."""
    assert PG_URL is not None
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    name = f"{name}_{worker}" if worker else name
    url = make_url(normalise_url(PG_URL))
    admin = url.set(drivername="postgresql", database="postgres").render_as_string(
        hide_password=False
    )
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)


@contextlib.contextmanager
def proxied(url: str) -> Iterator[tuple[TcpProxy, str]]:
    """A proxy to the server of ``url`` and the URL that goes through it."""
    parsed = make_url(url)
    proxy = TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432)
    try:
        yield (
            proxy,
            parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False),
        )
    finally:
        proxy.cut()
