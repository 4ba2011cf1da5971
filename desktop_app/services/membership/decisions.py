"""Staff decisions about a person's membership: stored with who, when and why, and reused.

A decision is kept in ``membership_decisions`` and audited in the same unit of work.
:func:`~.membership.load_directory` reads every decision back, so the verdict for the same
person (same email, else same name) at any later event shows it as ``staff-decision``
evidence. A decision tied to a membership ("this is their membership" / "this is not") lasts
as long as that membership; one without lasts a membership year around its date.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Association, Membership, MembershipDecision
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Invalid, NotFound
from desktop_app.domain.membership import ASSOCIATIONS, DecisionKind, StaffDecision
from desktop_app.domain.names import member_number_key, normalize_email, person_key
from desktop_app.services.admin import audit
from desktop_app.services.admin.events import ensure_associations

DECISIONS: tuple[DecisionKind, ...] = ("member", "not-member", "confirmed-candidate")


def record_decision(
    sessions: sessionmaker[Session],
    association: str,
    *,
    decision: str,
    reason: str,
    staff: str,
    email: str | None = None,
    name: str | None = None,
    key: str | None = None,
    membership_id: int | None = None,
    membership_number: str | None = None,
    desk: str | None = None,
    at: datetime | None = None,
) -> StaffDecision:
    """Record a staff decision in its own unit of work; see :func:`save_decision`."""
    with sessions.begin() as session:
        return save_decision(
            session,
            association,
            decision=decision,
            reason=reason,
            staff=staff,
            email=email,
            name=name,
            key=key,
            membership_id=membership_id,
            membership_number=membership_number,
            desk=desk,
            at=at,
        )


def save_decision(
    session: Session,
    association: str,
    *,
    decision: str,
    reason: str,
    staff: str,
    email: str | None = None,
    name: str | None = None,
    key: str | None = None,
    membership_id: int | None = None,
    membership_number: str | None = None,
    desk: str | None = None,
    at: datetime | None = None,
) -> StaffDecision:
    """Record that ``staff`` decided ``decision`` about a person in ``association``, and why.

    The person is known by ``email`` and/or ``name`` (or a ready-made person ``key``). A
    membership may be named by id or by its member number (among the association's current
    memberships); "confirmed-candidate" requires one. Raises :class:`Invalid` for a blank
    reason or staff name, an unknown association or decision, a malformed email or no person,
    and :class:`NotFound` for an unknown membership. Audited as ``membership.decision``.

    Runs in the caller's unit of work (``session``): :func:`record_decision` opens its own.
    """
    if association not in ASSOCIATIONS:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "Unknown association “{association}”. Choose one of: {choices}."
            ),
            association=association,
            choices=", ".join(ASSOCIATIONS),
        )
    if decision not in DECISIONS:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "Unknown decision “{decision}”. Choose one of: {choices}."
            ),
            decision=decision,
            choices=", ".join(DECISIONS),
        )
    why = " ".join(reason.split())
    if not why:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "Give the reason for the decision."))
    who = " ".join(staff.split())
    if not who:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "Say who made the decision."))
    address = normalize_email(email) if email and email.strip() else None
    if email and email.strip() and address is None:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "“{value}” is not an email address."), value=email
        )
    pkey = key or (person_key(name, None) if name else "") or None
    moment = at or datetime.now(UTC)

    ensure_associations(session)
    association_id = session.execute(
        select(Association.id).where(Association.code == association)
    ).scalar_one()
    if membership_number and membership_id is None:
        membership_id = _membership_by_number(session, association_id, membership_number)
    elif membership_id is not None:
        stored = session.get(Membership, membership_id)
        if stored is None or stored.association_id != association_id:
            raise NotFound(
                QT_TRANSLATE_NOOP("AppError", "No membership {id} in {association}'s list."),
                id=membership_id,
                association=association,
            )
    result = StaffDecision(  # validates the combination before anything is written
        association=association,
        decision=decision,
        who=who,
        when=moment,
        reason=why,
        person_key=pkey,
        email=address,
        membership_id=membership_id,
    )
    session.add(
        MembershipDecision(
            association_id=association_id,
            person_key=pkey,
            email=address,
            decision=decision,
            membership_id=membership_id,
            decided_by=who,
            decided_at=moment,
            reason=why,
        )
    )
    audit.record(
        session,
        "membership.decision",
        desk=desk,
        staff=who,
        subject=address or name or pkey,
        detail={
            "association": association,
            "decision": decision,
            "email": address,
            "person_key": pkey,
            "membership_id": membership_id,
            "reason": why,
        },
        at=moment,
    )
    return result


def _membership_by_number(session: Session, association_id: int, number: str) -> int:
    wanted = member_number_key(number)
    rows = session.execute(
        select(Membership.id, Membership.member_number)
        .where(
            Membership.association_id == association_id,
            Membership.ended_at.is_(None),
            Membership.member_number.is_not(None),
        )
        .order_by(Membership.id)
    )
    for membership_id, stored in rows:
        if member_number_key(stored) == wanted:
            return int(membership_id)
    raise NotFound(
        QT_TRANSLATE_NOOP("AppError", "No current membership with number {number}."),
        number=number,
    )


def decisions_about(
    sessions: sessionmaker[Session], *, email: str | None = None, name: str | None = None
) -> list[StaffDecision]:
    """The recorded decisions about a person (by email, else by name), oldest first."""
    address = normalize_email(email)
    pkey = person_key(name, None) if name else ""
    with sessions() as session:
        codes = {a.id: a.code for a in session.scalars(select(Association))}
        query = select(MembershipDecision).order_by(MembershipDecision.decided_at)
        if address:
            query = query.where(MembershipDecision.email == address)
        elif pkey:
            query = query.where(MembershipDecision.person_key == pkey)
        else:
            return []
        return [
            StaffDecision(
                association=codes[d.association_id],
                decision=d.decision,  # type: ignore[arg-type]
                who=d.decided_by,
                when=d.decided_at,
                reason=d.reason,
                person_key=d.person_key,
                email=d.email,
                membership_id=d.membership_id,
            )
            for d in session.scalars(query)
        ]
