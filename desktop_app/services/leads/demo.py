"""The demo's lead station (``passerelle --demo --leads``): the demo event asks the
networking consent, two people in three said yes, and one exhibitor's account signs in
with a known PIN, so anyone can try scanning at once."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import Consent, ConsentPurpose, Exhibitor, Registration
from desktop_app.services.admin.events import get_event
from desktop_app.services.admin.staff import EXHIBITOR, StaffMember, create_staff
from desktop_app.services.leads.access import NETWORKING

DEMO_EXHIBITOR = "demo-booth"
DEMO_STAFF = "Booth"
DEMO_PIN = "2468"
_VERSION = "demo"


def add_demo_station(sessions: sessionmaker[Session], slug: str, *, by: StaffMember) -> None:
    """Add the networking purpose, the exhibitor, its account (made ``by`` the demo's
    supervisor) and the answers to event ``slug``."""
    with sessions.begin() as session:
        event = get_event(session, slug)
        session.add(
            ConsentPurpose(
                event_id=event.id,
                position=99,
                code=NETWORKING,
                wording_fr="J'accepte que les exposants lisent mon badge et que mon nom figure"
                " sur la liste de réseautage.",
                wording_en="I agree that exhibitors scan my badge and that my name appears on"
                " the networking list.",
                version=_VERSION,
                label_fr="Réseautage",
                label_en="Networking",
            )
        )
        session.add(
            Exhibitor(
                event_id=event.id, code=DEMO_EXHIBITOR, name="BioDémo inc.", association="lso"
            )
        )
        people = session.scalars(
            select(Registration.person_id).where(Registration.event_id == event.id)
        ).all()
        at = datetime.now(UTC)
        rows = [
            {
                "person_id": person_id,
                "purpose": NETWORKING,
                "wording_version": _VERSION,
                "granted": person_id % 3 != 0,
                "recorded_at": at,
                "event_id": event.id,
                "source": "import",
            }
            for person_id in people
        ]
        if rows:
            session.execute(insert(Consent), rows)
    create_staff(
        sessions, DEMO_STAFF, DEMO_PIN, EXHIBITOR, by=by, demo=True, exhibitor_code=DEMO_EXHIBITOR
    )
