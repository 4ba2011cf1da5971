"""A row of a spreadsheet that was not imported, and why: one shape for member lists and
registration exports alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.domain.errors import Message


@dataclass(frozen=True)
class RowError:
    """A rejected row: its number as the spreadsheet shows it, and why (translatable)."""

    row: int
    message: Message

    @property
    def reason(self) -> str:
        """The reason in English (the command line, JSON)."""
        return self.message.render()

    def to_json(self) -> dict[str, Any]:
        """``{"row": n, "reason": "English text"}``."""
        return {"row": self.row, "reason": self.reason}


__all__ = ["RowError"]
