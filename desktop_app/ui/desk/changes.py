"""What a desk action changed, announced once (as Anki's OpChanges) by ``desk_changed``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DeskChange:
    """The data changed: the counts and the list are read again, and the card of
    ``registration_id`` (when given) once."""

    registration_id: int | None


__all__ = ["DeskChange"]
