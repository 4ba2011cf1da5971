"""What the user is told when the storage fails during work (see ``db.failures``)."""

from __future__ import annotations

from desktop_app.db.failures import storage_failure


def explained(error: BaseException) -> BaseException:
    """``error`` as the user should meet it: an environment failure becomes its
    :class:`~desktop_app.domain.errors.AppError` (the original kept as its cause); a bug
    stays as it is."""
    known = storage_failure(error)
    if known is None or known is error:
        return error
    known.__cause__ = error
    return known


__all__ = ["explained", "storage_failure"]
