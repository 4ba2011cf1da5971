"""A lead station that keeps scanning while the shared server is out of reach.

On a shared server the station works through a desk's :class:`DeskLink` (the desk's own
when opened from Desk → Lead scanning…, its own for ``passerelle --leads``): while the link
is ``shared`` a scan goes to the server; once the server is gone, a scan is judged on the
link's replica (the event's registrations, people and consents, the staff accounts and the
exhibitors, refreshed by the link) and, only when the person agreed to networking, written
to the station's journal: a small SQLite file of its own next to the replica, owner-only.
Nothing is written for a person who did not agree, not even locally.

A scan refused offline (no consent) keeps nothing about the person, but its anonymous
``lead.refused`` audit entry (the exhibitor, the account, the time: no one's name) waits in
the journal too, sent with the leads.

When the link is back, :func:`desktop_app.services.leads.sending.send_waiting` replays each
waiting lead with ``scan_lead`` and its action id (a replayed lead is saved once), at the
time it was scanned, then drops it from the journal. The server judges consent again: a
person who withdrew meanwhile is refused there and the waiting lead is dropped, kept
nowhere. A lead the server refuses for a reason retrying cannot fix (badge cancelled,
exhibitor removed, account disabled) leaves the waiting list for the "not sent" list, with
the reason, until the staff dismisses it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.engine import make_engine, sqlite_path, sqlite_url
from desktop_app.db.failures import storage_failure
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Message, StorageUnavailable
from desktop_app.services.admin.backup_companions import companion_path
from desktop_app.services.leads.station import (
    LeadLine,
    ScanOutcome,
    ScanResult,
    judge_scan,
    refused,
)

_metadata = MetaData()
_waiting = Table(
    "waiting_leads",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("action_id", String(64), nullable=False, unique=True),
    Column("slug", String(80), nullable=False),
    Column("exhibitor", String(64), nullable=False),
    Column("code", String(120), nullable=False),  # to replay; never shown nor exported
    Column("staff", String(120), nullable=False),
    Column("desk", String(80)),
    Column("scanned_at", String(40), nullable=False),  # ISO 8601 with its offset
    Column("name", String(300), nullable=False),
    Column("organization", String(300)),
    Column("email", String(320)),
    Column("association", String(16), nullable=False),
    Column("rating", Integer),
    Column("note", Text),
)
# Leads the server refused for good, shown as "not sent" until the staff dismisses them.
_unsent = Table(
    "unsent_leads",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(80), nullable=False),
    Column("exhibitor", String(64), nullable=False),
    Column("scanned_at", String(40), nullable=False),
    Column("name", String(300), nullable=False),
    Column("organization", String(300)),
    Column("email", String(320)),
    Column("association", String(16), nullable=False),
    Column("rating", Integer),
    Column("note", Text),
    Column("reason", Text, nullable=False),  # the server's message template (translated)
    Column("reason_params", Text, nullable=False),  # its parameters, JSON
)
# Anonymous audit entries of scans refused offline (no consent), to send with the leads.
_refusals = Table(
    "waiting_refusals",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("action_id", String(64), nullable=False, unique=True),
    Column("slug", String(80), nullable=False),
    Column("exhibitor", String(64), nullable=False),
    Column("staff", String(120), nullable=False),
    Column("desk", String(80)),
    Column("refused_at", String(40), nullable=False),
)


def is_server_gone(error: BaseException) -> bool:
    """Whether ``error`` says the server (or the network to it) went away, not a bug."""
    return isinstance(error, DBAPIError | StorageUnavailable) and isinstance(
        storage_failure(error), StorageUnavailable
    )


class LeadJournal:
    """The leads a station scanned offline, waiting for the server."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine: Engine = make_engine(sqlite_url(path))  # owner-only, WAL, FULL sync
        _metadata.create_all(self.engine)
        self.sessions = sessionmaker(self.engine)

    @classmethod
    def beside(cls, replica_url: str) -> LeadJournal:
        """The journal next to a desk link's replica (one per desk and event)."""
        replica = sqlite_path(replica_url)
        assert replica is not None, "a link's replica is a SQLite file"
        # Backed up and restored with the replica (services/admin/backup_companions.py).
        return cls(companion_path(replica, "leads"))

    def close(self) -> None:
        """Close its connections."""
        self.engine.dispose()

    def count(self, slug: str, exhibitor: str) -> int:
        """How many of the exhibitor's leads wait for the server."""
        with self.sessions() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(_waiting)
                    .where(_waiting.c.slug == slug, _waiting.c.exhibitor == exhibitor)
                )
                or 0
            )

    def lines(self, slug: str, exhibitor: str) -> tuple[LeadLine, ...]:
        """The exhibitor's waiting leads, newest first."""
        with self.sessions() as session:
            rows = session.execute(
                select(_waiting)
                .where(_waiting.c.slug == slug, _waiting.c.exhibitor == exhibitor)
                .order_by(_waiting.c.id.desc())
            ).all()
        return tuple(_line(row) for row in rows)

    def keep(self, judged_line: LeadLine, **entry: object) -> ScanResult:
        """Add a consented lead (a badge already waiting is the same lead)."""
        with self.sessions.begin() as session:
            already = session.execute(
                select(_waiting).where(
                    _waiting.c.slug == entry["slug"],
                    _waiting.c.exhibitor == entry["exhibitor"],
                    _waiting.c.code == entry["code"],
                )
            ).first()
            if already is not None:
                return ScanResult(ScanOutcome.UPDATED, _line(already))
            row = {
                **entry,
                "scanned_at": judged_line.scanned_at.isoformat(),
                "name": judged_line.name,
                "organization": judged_line.organization,
                "email": judged_line.email,
                "association": judged_line.association,
            }
            kept = session.execute(insert(_waiting).values(row).returning(*_waiting.c)).one()
            return ScanResult(ScanOutcome.SAVED, _line(kept))

    def annotate(self, entry_id: int, rating: int | None, note: str | None) -> LeadLine:
        """Set a waiting lead's rating and note (sent with it)."""
        with self.sessions.begin() as session:
            changed = session.execute(
                update(_waiting)
                .where(_waiting.c.id == entry_id)
                .values(rating=rating, note=note)
                .returning(*_waiting.c)
            ).first()
        if changed is None:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "This lead has just been sent to the server: pick it again in the list"
                    " to change its rating or note.",
                )
            )
        return _line(changed)

    def _rows(self, table: Table, slug: str, exhibitor: str) -> list[dict[str, object]]:
        """The exhibitor's rows of a journal table, oldest first."""
        with self.sessions() as session:
            rows = session.execute(
                select(table)
                .where(table.c.slug == slug, table.c.exhibitor == exhibitor)
                .order_by(table.c.id)
            ).all()
        return [dict(row._mapping) for row in rows]

    def _drop(self, table: Table, entry_id: int) -> None:
        with self.sessions.begin() as session:
            session.execute(delete(table).where(table.c.id == entry_id))

    def pending(self, slug: str, exhibitor: str) -> list[dict[str, object]]:
        """The exhibitor's waiting leads as stored, oldest first (for the replay)."""
        return self._rows(_waiting, slug, exhibitor)

    def drop(self, entry_id: int) -> None:
        """Forget a waiting lead (sent, or refused by the server)."""
        self._drop(_waiting, entry_id)

    # -- leads the server refused for good ---------------------------------------------------

    def set_aside(self, entry: dict[str, object], reason: Message) -> None:
        """Move a waiting lead to the "not sent" list with the server's reason (one
        transaction: it is in one list or the other, never both, never neither)."""
        kept = ("slug", "exhibitor", "scanned_at", "name", "organization", "email")
        with self.sessions.begin() as session:
            session.execute(
                insert(_unsent).values(
                    **{key: entry[key] for key in kept},
                    association=entry["association"],
                    rating=entry["rating"],
                    note=entry["note"],
                    reason=reason.template,
                    reason_params=json.dumps(reason.params, default=str),
                )
            )
            session.execute(delete(_waiting).where(_waiting.c.id == entry["id"]))

    def unsent(self, slug: str, exhibitor: str) -> tuple[LeadLine, ...]:
        """The exhibitor's leads the server refused, newest first, each with its reason."""
        with self.sessions() as session:
            rows = session.execute(
                select(_unsent)
                .where(_unsent.c.slug == slug, _unsent.c.exhibitor == exhibitor)
                .order_by(_unsent.c.id.desc())
            ).all()
        return tuple(_unsent_line(row) for row in rows)

    def count_unsent(self, slug: str, exhibitor: str) -> int:
        """How many of the exhibitor's leads are shown as "not sent"."""
        with self.sessions() as session:
            return int(
                session.scalar(
                    select(func.count())
                    .select_from(_unsent)
                    .where(_unsent.c.slug == slug, _unsent.c.exhibitor == exhibitor)
                )
                or 0
            )

    def dismiss(self, entry_id: int) -> None:
        """The staff has seen a "not sent" lead: forget it."""
        with self.sessions.begin() as session:
            session.execute(delete(_unsent).where(_unsent.c.id == entry_id))

    # -- scans refused offline ---------------------------------------------------------------

    def refused_offline(self, **entry: str | None) -> None:
        """Keep the anonymous audit entry of a scan refused offline, to send later."""
        with self.sessions.begin() as session:
            session.execute(
                insert(_refusals).values(**entry, refused_at=datetime.now(UTC).isoformat())
            )

    def refusals(self, slug: str, exhibitor: str) -> list[dict[str, object]]:
        """The exhibitor's refusals waiting for the server, oldest first."""
        return self._rows(_refusals, slug, exhibitor)

    def drop_refusal(self, entry_id: int) -> None:
        """Forget a refusal the server has recorded."""
        self._drop(_refusals, entry_id)


def _line(row: object) -> LeadLine:
    values = row._mapping  # type: ignore[attr-defined]
    return LeadLine(
        lead_id=int(values["id"]),
        name=str(values["name"]),
        organization=values["organization"],
        email=values["email"],
        association=str(values["association"]),
        rating=values["rating"],
        note=values["note"],
        scanned_at=datetime.fromisoformat(str(values["scanned_at"])),
        waiting=True,
    )


def _unsent_line(row: object) -> LeadLine:
    values = row._mapping  # type: ignore[attr-defined]
    return LeadLine(
        lead_id=int(values["id"]),
        name=str(values["name"]),
        organization=values["organization"],
        email=values["email"],
        association=str(values["association"]),
        rating=values["rating"],
        note=values["note"],
        scanned_at=datetime.fromisoformat(str(values["scanned_at"])),
        unsent=Message(str(values["reason"]), **json.loads(str(values["reason_params"]))),
    )


def scan_offline(
    copy: sessionmaker[Session],
    journal: LeadJournal,
    slug: str,
    exhibitor: str,
    code: str,
    staff: str,
    *,
    desk: str | None,
    action_id: str,
) -> ScanResult:
    """Judge ``code`` on the local copy; keep the lead in the journal only with consent."""
    with copy() as session:
        judged = judge_scan(session, slug, exhibitor, code, staff)
        if not judged.consents:
            # Nothing about the person is written, not even here; the refusal's anonymous
            # audit entry (as the server writes it online) waits to be sent.
            journal.refused_offline(
                action_id=action_id, slug=slug, exhibitor=exhibitor, staff=judged.staff, desk=desk
            )
            return refused()
        person = judged.registration.person
        line = LeadLine(
            lead_id=0,
            name=f"{person.first_name} {person.last_name}".strip(),
            organization=person.organization_name,
            email=person.email,
            association=judged.registration.entitled_by,
            rating=None,
            note=None,
            scanned_at=datetime.now(UTC),
            waiting=True,
        )
        staff = judged.staff
    return journal.keep(
        line,
        action_id=action_id,
        slug=slug,
        exhibitor=exhibitor,
        code=code.strip(),
        staff=staff,
        desk=desk,
    )
