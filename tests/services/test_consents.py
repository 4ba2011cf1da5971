"""Consent per purpose: declared by the event, asked at the walk-in, stored with its wording's
version and where it was taken, withdrawn by a later no, and honoured by the exports."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Consent, Registration
from desktop_app.services.desk.walkin import WalkInForm, quote_walk_in, register_walk_in
from desktop_app.services.money.payments import PaymentInput
from desktop_app.services.privacy.consents import latest_answers, record_answers
from desktop_app.services.reports.attendees import Presence, attendee_list
from tests.services.money_desk import MONTREAL, setup_money_desk, total
from tests.services.reports_data import montreal


def walk_in(database: Database, email: str, consents: tuple[tuple[str, bool], ...]) -> int:
    price = total(MONTREAL, "on-site", database.sessions)
    result = register_walk_in(
        database.sessions,
        MONTREAL,
        WalkInForm("Nadia", "Non-membre", email, "Zeta", "on-site", "fr", consents=consents),
        PaymentInput("cash", price, tendered=price),
        desk="Desk 1",
        staff="Marie",
        action_id=email,
        at=montreal(9, 30),
    )
    return result.registration_id


def test_the_event_file_declares_the_purposes_and_the_walk_in_asks_them(
    database: Database,
) -> None:
    setup_money_desk(database.sessions)
    form = WalkInForm("Nadia", "Non-membre", "nadia@example.org", None, None, "fr")
    asked = quote_walk_in(database.sessions, MONTREAL, form, at=montreal(9, 0)).purposes
    assert [p.code for p in asked] == ["share-partner", "photos"]
    assert asked[0].wording("fr").startswith("J'accepte") and asked[0].version == "2027-01"
    assert asked[1].badge_mark == "NO PHOTO · PAS DE PHOTO"

    registration_id = walk_in(
        database, "nadia@example.org", (("share-partner", True), ("photos", False))
    )
    with database.sessions() as session:
        registration = session.get(Registration, registration_id)
        assert registration is not None
        rows = session.scalars(select(Consent).order_by(Consent.purpose)).all()
        assert [
            (r.purpose, r.granted, r.wording_version, r.source, r.desk, r.staff) for r in rows
        ] == [
            ("photos", False, "2027-01", "desk", "Desk 1", "Marie"),
            ("share-partner", True, "2027-01", "desk", "Desk 1", "Marie"),
        ]
        answers = latest_answers(session, registration.person_id, registration.event_id)
    assert {a.purpose.code: a.granted for a in answers} == {"share-partner": True, "photos": False}


def test_a_withdrawal_is_a_later_no_and_the_partners_export_follows_it(
    database: Database,
) -> None:
    setup_money_desk(database.sessions)
    consenting = walk_in(database, "oui@example.org", (("share-partner", True),))
    walk_in(database, "non@example.org", (("share-partner", False),))
    lso = attendee_list(database.sessions, MONTREAL, presence=Presence.ALL, association="lso")
    assert [row.email for row in lso.rows] == ["oui@example.org"]  # LSO is Montréal's partner
    with database.sessions.begin() as session:
        registration = session.get(Registration, consenting)
        assert registration is not None
        later = montreal(10, 0)  # after the walk-in at 9:30
        record_answers(
            session,
            registration.person_id,
            registration.event_id,
            {"share-partner": False},
            source="desk",
            desk="Desk 2",
            staff="Luc",
            at=later,
        )
    lso = attendee_list(database.sessions, MONTREAL, presence=Presence.ALL, association="lso")
    assert lso.rows == ()
    with database.sessions() as session:
        assert session.scalar(select(Consent.id).where(Consent.granted.is_(True))) is not None


def test_a_badge_says_no_photo_unless_the_person_said_yes(database: Database) -> None:
    from desktop_app.services.desk.badges import render_batch
    from tests.documents.pdf_reading import pdf_text

    setup_money_desk(database.sessions)
    yes = walk_in(database, "yes@example.org", (("photos", True),))
    no = walk_in(database, "no@example.org", (("photos", False),))
    with database.sessions() as session:
        codes = {
            rid: session.get(Registration, rid).code  # type: ignore[union-attr]
            for rid in (yes, no)
        }
    for registration_id, marked in ((yes, False), (no, True)):
        batch = render_batch(
            database.sessions, MONTREAL, "badge-4x6", codes=[codes[registration_id]]
        )
        assert batch.pdf is not None
        assert ("PAS DE PHOTO" in pdf_text(batch.pdf)) is marked
