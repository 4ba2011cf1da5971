"""Writing the audit log: who did what, at which desk, when."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.db.models import AuditEntry


def record(
    session: Session,
    action: str,
    *,
    desk: str | None = None,
    staff: str | None = None,
    subject: str | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Add an audit entry to the current unit of work (committed with it, or not at all)."""
    session.add(
        AuditEntry(
            at=at or datetime.now(UTC),
            desk=desk,
            staff=staff,
            action=action,
            subject=subject,
            detail=detail,
        )
    )
