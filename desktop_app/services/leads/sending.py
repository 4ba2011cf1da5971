"""Sending what a lead station kept while the shared server was out of reach.

Decided as pretixSCAN and zkipster do with their offline queues: what the server answers
ends the wait, whatever the answer; only a server that cannot be reached keeps a lead
waiting for the next try. A lead the server saves leaves the journal; one it refuses
because the person withdrew their consent leaves it too, kept nowhere; one it refuses for a
reason retrying cannot fix (the badge was cancelled or is unknown, the exhibitor was
removed, the account disabled) moves to the station's "not sent" list with that reason,
and the server's audit log records it (``lead.not_sent``: the exhibitor, the account, the
reason; no one's name). The anonymous audit entries of scans refused offline are sent
first, each once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import AuditEntry
from desktop_app.domain.errors import AppError, Message, StorageUnavailable
from desktop_app.services.admin import audit
from desktop_app.services.leads.offline import LeadJournal
from desktop_app.services.leads.station import ScanOutcome, scan_lead


@dataclass(frozen=True)
class Sent:
    """What sending the waiting leads did."""

    saved: int  # now on the server (a lead replayed twice is saved once)
    refused: int  # the person withdrew their consent meanwhile: dropped, kept nowhere
    not_sent: int  # refused for good (their badge cancelled...): on the "not sent" list
    refusals: int  # audit entries of scans refused offline, now on the server


def send_waiting(
    server: sessionmaker[Session], journal: LeadJournal, slug: str, exhibitor: str
) -> Sent:
    """Send the exhibitor's waiting refusals, then its waiting leads, oldest first, each
    with its action id and time; each leaves the journal once the server answered. A
    server that goes away stops the sending (``DBAPIError`` or ``StorageUnavailable``):
    what is left waits for the next try."""
    refusals = 0
    for refusal in journal.refusals(slug, exhibitor):
        _record_refusal(server, refusal)
        journal.drop_refusal(int(str(refusal["id"])))
        refusals += 1
    saved = refused = not_sent = 0
    for entry in journal.pending(slug, exhibitor):
        try:
            result = scan_lead(
                server,
                slug,
                exhibitor,
                str(entry["code"]),
                str(entry["staff"]),
                entry["rating"],  # type: ignore[arg-type]
                entry["note"],  # type: ignore[arg-type]
                desk=entry["desk"],  # type: ignore[arg-type]
                action_id=str(entry["action_id"]),
                at=datetime.fromisoformat(str(entry["scanned_at"])),
            )
        except StorageUnavailable:
            raise  # the server went away again: it waits
        except AppError as error:
            # Its audit entry first: a crash before the journal moves it sends it again,
            # refused again (at worst recorded twice, never lost).
            reason = Message(error.template, **error.params)
            _record_not_sent(server, entry, reason)
            journal.set_aside(entry, reason)
            not_sent += 1
            continue
        if result.outcome is ScanOutcome.REFUSED:
            refused += 1
        else:
            saved += 1
        journal.drop(int(str(entry["id"])))
    return Sent(saved, refused, not_sent, refusals)


def _record_refusal(server: sessionmaker[Session], refusal: dict[str, object]) -> None:
    """The anonymous ``lead.refused`` entry of a scan refused offline (once per scan)."""
    subject = f"action:{refusal['action_id']}"
    with server.begin() as session:
        already = session.scalar(
            select(AuditEntry.id).where(
                AuditEntry.action == "lead.refused", AuditEntry.subject == subject
            )
        )
        if already is not None:
            return  # sent before a crash dropped it from the journal
        audit.record(
            session,
            "lead.refused",
            desk=_text(refusal["desk"]),
            staff=str(refusal["staff"]),
            subject=subject,  # the scan's action id: anonymous, and replayed once
            detail={"exhibitor": str(refusal["exhibitor"]), "offline": True},
            at=datetime.fromisoformat(str(refusal["refused_at"])),
        )


def _record_not_sent(
    server: sessionmaker[Session], entry: dict[str, object], reason: Message
) -> None:
    with server.begin() as session:
        audit.record(
            session,
            "lead.not_sent",
            desk=_text(entry["desk"]),
            staff=str(entry["staff"]),
            subject=f"action:{entry['action_id']}",
            detail={"exhibitor": str(entry["exhibitor"]), "reason": reason.template},
        )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
