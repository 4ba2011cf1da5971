"""Faults injected for real into a database: a lock held by another connection, a disk
that is full (test helpers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from desktop_app.db import engine as engine_module


def also_on_connect(engine: Engine, pragma: str) -> None:
    """Every new connection of ``engine`` runs ``pragma`` after the app's own settings."""

    def run(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(pragma)

    event.listen(engine, "connect", run)
    engine.dispose()


def pragmas_for_new_engines(monkeypatch: pytest.MonkeyPatch, pragma: Callable[[], str]) -> None:
    """The engines the command line makes run ``pragma()`` on every connection too."""
    original = engine_module._sqlite_pragmas

    def with_fault(dbapi_connection: Any, record: Any) -> None:
        original(dbapi_connection, record)
        dbapi_connection.execute(pragma())

    monkeypatch.setattr(engine_module, "_sqlite_pragmas", with_fault)
