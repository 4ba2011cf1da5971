"""The edits made from the attendee card: correct a person (F2), substitute one (F3).

Both change the person behind a registration in one unit of work, audited with what changed,
reassess the membership verdict when the name, e-mail or organization changed, and return the
card as it now reads (``attendees.build_card``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Person, Registration
from desktop_app.domain.accounts import RegistrationStatus
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid
from desktop_app.domain.names import display_name, looks_like_email
from desktop_app.services.admin import audit
from desktop_app.services.desk.attendees import (
    EMAIL_MAX_LENGTH,
    NAME_MAX_LENGTH,
    ORGANIZATION_MAX_LENGTH,
    AttendeeCard,
    build_card,
    registration_by_id,
)
from desktop_app.services.desk.checkin import active_check_in
from desktop_app.services.membership.verdicts import assess_registrations
from desktop_app.services.privacy.consents import latest_answers, record_answers

_T_FIRST_NAME = QT_TRANSLATE_NOOP("AppError", "Enter the first name.")
_T_LAST_NAME = QT_TRANSLATE_NOOP("AppError", "Enter the last name.")


def _required(value: str, empty: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise Invalid(empty)
    return _optional(cleaned, NAME_MAX_LENGTH) or cleaned


def _optional(value: str | None, limit: int) -> str | None:
    cleaned = " ".join((value or "").split())
    if len(cleaned) > limit:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{text}…' is longer than {count} characters."),
            text=cleaned[:30],
            count=limit,
        )
    return cleaned or None


def clean_email(value: str | None) -> str | None:
    """The email trimmed, or ``None`` if blank; ``Invalid`` if it cannot be an address."""
    email = _optional(value, EMAIL_MAX_LENGTH)
    if email is not None and not looks_like_email(email):
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "'{email}' is not an email address."), email=email
        )
    return email


def _reassess(session: Session, registration: Registration) -> None:
    """Recompute the registration's verdict, membership flag and amount due for its person."""
    assess_registrations(session, registration.event, [registration])


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    return {key: [before[key], after[key]] for key in after if before[key] != after[key]}


def edit_person(
    sessions: sessionmaker[Session],
    registration_id: int,
    *,
    first_name: str,
    last_name: str,
    email: str | None,
    organization: str | None,
    notes: str | None,
    desk: str,
    staff: str,
    consents: Mapping[str, bool] | None = None,
) -> AttendeeCard:
    """Correct the person's name, email or organization and the registration's notes (audited).

    ``consents``: answers given at the desk; those that differ from the person's latest are
    recorded (source ``desk``), a withdrawal as a new no.

    The audit entry keeps each changed field before and after. A new email or organization
    can change the membership: the verdict is then recomputed.
    """
    wanted = {
        "first_name": _required(first_name, _T_FIRST_NAME),
        "last_name": _required(last_name, _T_LAST_NAME),
        "email": clean_email(email),
        "organization": _optional(organization, ORGANIZATION_MAX_LENGTH),
        "notes": (notes or "").strip() or None,
    }
    with sessions.begin() as session:
        registration = registration_by_id(session, registration_id)
        person = registration.person
        before = {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "organization": person.organization_name,
            "notes": registration.notes,
        }
        changes = _changes(before, wanted)
        latest = {
            a.purpose.code: a.granted
            for a in latest_answers(session, person.id, registration.event_id)
        }
        answered = {
            code: granted
            for code, granted in (consents or {}).items()
            if latest.get(code) != granted and (code in latest or granted)
        }
        if answered:
            record_answers(
                session,
                person.id,
                registration.event_id,
                answered,
                source="desk",
                desk=desk,
                staff=staff,
            )
        if not changes:
            session.flush()
            return build_card(session, registration)
        person.first_name = str(wanted["first_name"])
        person.last_name = str(wanted["last_name"])
        person.email = wanted["email"]
        person.organization_name = wanted["organization"]
        registration.notes = wanted["notes"]
        if "email" in changes or "organization" in changes:
            _reassess(session, registration)
        audit.record(
            session,
            "person.edited",
            desk=desk,
            staff=staff,
            subject=f"registration:{registration.id}",
            detail={"person_id": person.id, "code": registration.code, "changes": changes},
        )
        session.flush()
        return build_card(session, registration)


def substitute(
    sessions: sessionmaker[Session],
    registration_id: int,
    *,
    first_name: str,
    last_name: str,
    email: str | None,
    organization: str | None,
    desk: str,
    staff: str,
) -> AttendeeCard:
    """Move the registration to a colleague who comes instead (audited); return the new card.

    The original person is kept (their history stays theirs). The membership verdict is
    recomputed for the newcomer. A cancelled or checked-in registration cannot be
    substituted (undo the check-in first).
    """
    first = _required(first_name, _T_FIRST_NAME)
    last = _required(last_name, _T_LAST_NAME)
    clean = clean_email(email)
    org = _optional(organization, ORGANIZATION_MAX_LENGTH)
    with sessions.begin() as session:
        registration = registration_by_id(session, registration_id)
        old = registration.person
        if registration.status != RegistrationStatus.ACTIVE:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError", "The registration of {name} is cancelled; it cannot be transferred."
                ),
                name=display_name(old.first_name, old.last_name),
            )
        if active_check_in(session, registration.id) is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "{name} is already checked in; undo the check-in before substituting.",
                ),
                name=display_name(old.first_name, old.last_name),
            )
        newcomer = Person(
            first_name=first,
            last_name=last,
            email=clean,
            organization_name=org,
            organization_id=None,
            preferred_language=None,
            created_at=datetime.now(UTC),
            anonymized_at=None,
        )
        session.add(newcomer)
        session.flush()
        before_verdict = (registration.verdict or {}).get("marking")
        registration.person = newcomer
        registration.person_id = newcomer.id
        registration.verdict = _without_member_number(registration.verdict)
        _reassess(session, registration)
        audit.record(
            session,
            "registration.substituted",
            desk=desk,
            staff=staff,
            subject=f"registration:{registration.id}",
            detail={
                "code": registration.code,
                "from": _person_detail(old),
                "to": _person_detail(newcomer),
                "marking": [before_verdict, (registration.verdict or {}).get("marking")],
            },
        )
        session.flush()
        return build_card(session, registration)


def _without_member_number(stored: dict[str, Any] | None) -> dict[str, Any] | None:
    """The stored verdict minus the member number the registration file gave.

    That number was the original person's; kept, it would vouch for the newcomer.
    """
    if not stored or not isinstance(stored.get("basis"), dict):
        return stored
    basis = {k: v for k, v in stored["basis"].items() if k != "member_number"}
    return {**stored, "basis": basis}


def _person_detail(person: Person) -> dict[str, Any]:
    return {
        "person_id": person.id,
        "name": display_name(person.first_name, person.last_name),
        "email": person.email,
        "organization": person.organization_name,
    }


__all__: Sequence[str] = ("clean_email", "edit_person", "substitute")
