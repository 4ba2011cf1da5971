"""An event file's coded arrays of tables saved as rows: ``[[consents]]``, ``[[exhibitors]]``,
``[[sessions]]`` become the event's rows of one model, matched by code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import Event


class Declared(Protocol):
    """An entry of the file: its code is what matches it to a stored row."""

    @property
    def code(self) -> str: ...


D = TypeVar("D", bound=Declared)


def save_by_code(
    session: Session,
    model: type[Any],
    event: Event,
    declared: Sequence[D],
    fill: Callable[[Any, D, int], None],
    *,
    before_removal: Callable[[Any], None] = lambda row: None,
) -> None:
    """Make the event's ``model`` rows what the file declares: a row whose code the file no
    longer has is deleted (``before_removal`` raises to refuse it, e.g. a session someone
    was checked in to), the others are updated, and new ones added; ``fill(row, entry,
    position)`` copies an entry's values, in the file's order."""
    existing = {
        row.code: row for row in session.scalars(select(model).where(model.event_id == event.id))
    }
    wanted = {entry.code for entry in declared}
    for code, row in existing.items():
        if code not in wanted:
            before_removal(row)
            session.delete(row)
    for position, entry in enumerate(declared):
        row = existing.get(entry.code) or model(event_id=event.id, code=entry.code)
        fill(row, entry, position)
        session.add(row)
