"""The column mapping remembered per association for member-list imports.

An explicit mapping (field → header) given to an import is stored in the ``settings`` table
under ``member-import-mapping:<association>``, shared by every desk of the database, and applied
to that association's later lists wherever their columns exist.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Setting
from desktop_app.importing.columns import MEMBER_LIST, normalise_header


def mapping_setting_key(association: str) -> str:
    """The ``settings`` key under which an association's column mapping is remembered."""
    return f"member-import-mapping:{association}"


def remembered_mapping_in(session: Session, association: str) -> dict[str, str]:
    """The column mapping remembered for ``association`` (empty when none), in a session."""
    setting = session.get(Setting, mapping_setting_key(association))
    stored = (setting.value or {}).get("mapping") if setting is not None else None
    if not isinstance(stored, dict):
        return {}
    return {str(k): str(v) for k, v in stored.items() if k in MEMBER_LIST.fields}


def remembered_mapping(sessions: sessionmaker[Session], association: str) -> dict[str, str]:
    """The column mapping remembered for ``association`` (field → header)."""
    with sessions() as session:
        return remembered_mapping_in(session, association)


def forget_mapping(sessions: sessionmaker[Session], association: str) -> bool:
    """Forget ``association``'s remembered column mapping; tell whether there was one."""
    with sessions.begin() as session:
        return drop_mapping(session, association)


def drop_mapping(session: Session, association: str) -> bool:
    """Forget the remembered mapping inside the caller's unit of work; tell if there was one."""
    setting = session.get(Setting, mapping_setting_key(association))
    if setting is None:
        return False
    session.delete(setting)
    return True


def effective_mapping(
    remembered: Mapping[str, str], explicit: Mapping[str, str], headers: Sequence[str]
) -> dict[str, str]:
    """The explicit mapping, plus remembered entries whose column this file has.

    An explicit entry naming a missing column is an error (``map_columns`` says so); a
    remembered one is silently left out, since it was made for another file.
    """
    present = {normalise_header(h) for h in headers}
    kept = {
        name: header
        for name, header in remembered.items()
        if name not in explicit and (not header.strip() or normalise_header(header) in present)
    }
    return {**kept, **explicit}


def store_mapping(
    session: Session, association: str, mapping: Mapping[str, str], at: datetime
) -> None:
    """Remember ``mapping`` for ``association`` inside the caller's unit of work."""
    key = mapping_setting_key(association)
    setting = session.get(Setting, key)
    value: dict[str, Any] = {"mapping": dict(mapping)}
    if setting is None:
        session.add(Setting(key=key, value=value, updated_at=at))
    else:
        setting.value = value
        setting.updated_at = at
