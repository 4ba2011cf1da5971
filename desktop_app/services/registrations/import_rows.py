"""What a registration import writes for one row: a new registration queued for a bulk insert,
or an existing one brought in line with the file (and nothing touched that already is)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy.orm import Session

from desktop_app.db.models import Event, Person, PriceCategory, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.stored_verdict import entitlement_of
from desktop_app.importing.registration_rows import ParsedRow, order_moment
from desktop_app.services.membership.verdicts import Assessment, stored_basis


class NewRegistrations:
    """New people and registrations, queued row by row and inserted in two statements."""

    def __init__(self, moment: datetime, source: str) -> None:
        self.moment = moment
        self.source = source
        self.people: list[dict[str, Any]] = []
        self.registrations: list[dict[str, Any]] = []

    def queue(
        self,
        event: Event,
        category: PriceCategory,
        parsed: ParsedRow,
        code: str,
        paid: Decimal,
        assessment: Assessment,
        *,
        cancelled: bool,
    ) -> None:
        """Queue the row's person and registration. A ``cancelled`` one (an order cancelled
        before the import) owes nothing and carries no flag."""
        self.people.append(
            {
                "first_name": parsed.first_name,
                "last_name": parsed.last_name,
                "email": parsed.email,
                "organization_name": parsed.organization,
                "organization_id": None,
                "preferred_language": parsed.language,
                "created_at": self.moment,
                "anonymized_at": None,
            }
        )
        self.registrations.append(
            {
                "event_id": event.id,
                "person_id": None,
                "category_id": category.id,
                "code": code,
                "amount_due": Decimal("0.00") if cancelled else assessment.amount_due,
                "amount_paid": paid,
                "status": RegistrationStatus.CANCELLED if cancelled else RegistrationStatus.ACTIVE,
                "source": self.source,
                "preferred_language": parsed.language,
                "role": category.role,
                "notes": None,
                "verdict": assessment.verdict,
                # A Core insert: the model's validator that keeps entitled_by does not run.
                "entitled_by": entitlement_of(assessment.verdict),
                "membership_flag": None if cancelled else assessment.membership_flag,
                "created_at": order_moment(parsed.ordered_on, event.timezone, self.moment),
            }
        )

    def insert(self, session: Session) -> None:
        """Insert the queued people and registrations: two multi-row statements."""
        if not self.people:
            return
        people = cast(SqlTable, Person.__table__)
        statement = people.insert().returning(people.c.id, sort_by_parameter_order=True)
        ids = session.execute(statement, self.people).scalars().all()
        for registration, person_id in zip(self.registrations, ids, strict=True):
            registration["person_id"] = person_id
        session.execute(cast(SqlTable, Registration.__table__).insert(), self.registrations)


def update_registration(
    registration: Registration,
    category: PriceCategory,
    parsed: ParsedRow,
    due: Decimal,
    paid: Decimal,
    *,
    keep_person: bool,
    moment: datetime,
) -> bool:
    """Bring ``registration`` (and its person, unless ``keep_person``: edited at the desk) in
    line with the row; whether anything differed. Equal values are not set again."""
    changed = False
    if registration.category_id != category.id:
        registration.category = category
        changed = True
    wanted: dict[str, Any] = {
        "amount_paid": paid,
        "status": RegistrationStatus.ACTIVE,
        "role": category.role,
    }
    if parsed.language is not None:
        wanted["preferred_language"] = parsed.language
    if parsed.ordered_on is not None:
        wanted["created_at"] = order_moment(parsed.ordered_on, registration.event.timezone, moment)
    changed |= _set(registration, wanted)
    base, member_number = stored_basis(registration)
    changed |= base != due or (member_number or None) != parsed.member_number
    person = registration.person
    if not keep_person and person.anonymized_at is None:
        person_wanted: dict[str, Any] = {
            "first_name": parsed.first_name,
            "last_name": parsed.last_name,
            "email": parsed.email,
            "organization_name": parsed.organization,
        }
        if parsed.language is not None:
            person_wanted["preferred_language"] = parsed.language
        changed |= _set(person, person_wanted)
    return changed


def cancel_registration(registration: Registration) -> None:
    """The file now says the order is cancelled: no flag, and due what its basis says."""
    registration.status = RegistrationStatus.CANCELLED
    registration.membership_flag = None
    base, _ = stored_basis(registration)
    registration.amount_due = base if base is not None else registration.amount_due


def _set(target: object, wanted: Mapping[str, Any]) -> bool:
    changed = False
    for name, value in wanted.items():
        if getattr(target, name) != value:
            setattr(target, name, value)
            changed = True
    return changed
