"""What one journal entry did on the desk: the rows its action wrote in the replica (registration,
person, check-in, payment, receipt, badge print, audit entries), read back as plain values so the
replay can write them on the server exactly as they happened.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db.models import (
    AuditEntry,
    BadgePrint,
    CheckIn,
    Consent,
    JournalEntry,
    Payment,
    Registration,
)
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desktop_app.services.sync.replica import audit_of_action, receipt_of_payment


def row_values(obj: Any, *skip: str) -> dict[str, Any]:
    """An ORM row's column values by key, without the ``skip`` columns."""
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns if c.key not in skip}


@dataclass
class ActionFacts:
    """The rows one action wrote in the replica, detached as plain values."""

    kind: str
    slug: str = ""
    registration: dict[str, Any] = field(default_factory=dict)
    person: dict[str, Any] = field(default_factory=dict)
    category_code: str = ""
    check_in: dict[str, Any] | None = None
    payment: dict[str, Any] | None = None
    receipt: dict[str, Any] | None = None
    series: str | None = None
    badge: dict[str, Any] | None = None
    audit: list[dict[str, Any]] = field(default_factory=list)
    consents: list[dict[str, Any]] = field(default_factory=list)  # a walk-in's answers

    @property
    def name(self) -> str:
        """The person's first and last name."""
        return f"{self.person.get('first_name', '')} {self.person.get('last_name', '')}".strip()


def gather_facts(
    local: Session, entry: JournalEntry, audit: list[AuditEntry] | None = None
) -> ActionFacts:
    """The replica's rows for ``entry``'s action; ``NotFound`` when it wrote none. ``audit``:
    its audit entries when the caller read them already (a batch's, in one pass)."""
    action = entry.action_id
    check_in = local.scalars(select(CheckIn).where(CheckIn.action_id == action)).first()
    payment = local.scalars(select(Payment).where(Payment.action_id == action)).first()
    badge = None
    if entry.kind == "badge_print" and entry.outcome:
        badge = local.get(BadgePrint, int(entry.outcome["badge_print_id"]))
    anchor = check_in or payment or badge
    if anchor is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "The desk's copy has no rows for action {action}."),
            action=action,
        )
    registration = local.get(Registration, anchor.registration_id)
    assert registration is not None
    if badge is not None:
        kind = "badge_print"
    elif check_in is not None and payment is not None:
        kind = "walk_in"
    else:
        kind = "payment" if payment is not None else "check_in"
    facts = ActionFacts(
        kind=kind,
        slug=registration.event.slug,
        registration=row_values(registration),
        person=row_values(registration.person),
        category_code=registration.category.code,
        check_in=row_values(check_in) if check_in is not None else None,
        payment=row_values(payment) if payment is not None else None,
        badge=row_values(badge) if badge is not None else None,
    )
    if payment is not None:
        receipt = receipt_of_payment(local, payment.id)
        if receipt is not None:
            facts.receipt = row_values(receipt)
            facts.series = receipt.series.code
    if audit is None:
        audit = audit_of_action(local, action)
    facts.audit = [row_values(row, "id") for row in audit]
    if kind == "walk_in":  # the person was made by this action: their answers came with it
        facts.consents = [
            row_values(row, "id", "person_id", "event_id")
            for row in local.scalars(
                select(Consent).where(Consent.person_id == registration.person_id)
            )
        ]
    return facts
