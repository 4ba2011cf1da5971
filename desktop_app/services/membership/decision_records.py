"""Settling a membership doubt at the desk: staff decide, the registration is judged again.

A decision about the person on a registration (this candidate is their membership; they
showed proof of membership; they are not a member) is stored through
:func:`~.decisions.save_decision`, so it is audited and reused for the same person at later
events, and the registration's verdict, flag and amount due are recomputed at once against a
freshly loaded member directory that includes it. All of it is one unit of work.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Registration
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, NotFound
from desktop_app.domain.names import display_name, person_key
from desktop_app.services.admin import audit
from desktop_app.services.desk.attendees import AttendeeCard, build_card
from desktop_app.services.membership.decisions import save_decision
from desktop_app.services.membership.verdicts import assess_registrations


def decide_for_registration(
    sessions: sessionmaker[Session],
    registration_id: int,
    *,
    association: str,
    decision: str,
    membership_id: int | None = None,
    reason: str,
    staff: str,
    desk: str | None,
) -> AttendeeCard:
    """Record ``staff``'s decision about the person of ``registration_id`` and judge again.

    ``decision`` is "confirmed-candidate" (with the ``membership_id`` of one of the ranked
    candidates), "member" (proof shown, no particular membership in the list) or
    "not-member". The person is known by their email, else by their name. The verdict then
    shows the staff decision as evidence: a confirmed member who paid a member rate owes
    nothing more; a non-member who paid it gets the balance due. Raises :class:`Invalid` for
    a blank reason or an impossible decision and :class:`NotFound` for an unknown
    registration or membership; nothing is written then. Audited as
    ``membership.decision`` and ``registration.membership-decided``. Returns the new card.
    """
    with sessions.begin() as session:
        registration = session.get(Registration, registration_id)
        if registration is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("AppError", "There is no registration {id}."),
                id=registration_id,
            )
        person = registration.person
        before = (registration.membership_flag, registration.amount_due)
        saved = save_decision(
            session,
            association,
            decision=decision,
            reason=reason,
            staff=staff,
            email=person.email,
            key=person_key(person.first_name, person.last_name) or None,
            name=display_name(person.first_name, person.last_name),
            membership_id=membership_id,
            desk=desk,
        )
        session.flush()  # the fresh directory below reads the decision back
        assess_registrations(session, registration.event, [registration])
        audit.record(
            session,
            "registration.membership-decided",
            desk=desk,
            staff=saved.who,
            subject=f"registration:{registration.id}",
            detail={
                "code": registration.code,
                "association": association,
                "decision": decision,
                "membership_id": saved.membership_id,
                "reason": saved.reason,
                "flag": [before[0], registration.membership_flag],
                "amount_due": [str(before[1]), str(registration.amount_due)],
            },
        )
        session.flush()
        return build_card(session, registration)
