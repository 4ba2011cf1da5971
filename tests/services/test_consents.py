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


def walk_in(
    database: Database, email: str, consents: tuple[tuple[str, bool], ...], *, now: bool = False
) -> int:
    """A walk-in on the event's morning (or today, at today's non-member rate)."""
    category = "non-member" if now else "on-site"
    price = total(MONTREAL, category, database.sessions)
    result = register_walk_in(
        database.sessions,
        MONTREAL,
        WalkInForm("Nadia", "Non-membre", email, "Zeta", category, "fr", consents=consents),
        PaymentInput("cash", price, tendered=price),
        desk="Desk 1",
        staff="Marie",
        action_id=email,
        at=None if now else montreal(9, 30),
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


def test_f2_records_only_the_answers_that_changed(database: Database) -> None:
    from desktop_app.db.models import Consent
    from desktop_app.services.desk.attendees import attendee_card
    from desktop_app.services.desk.person_changes import edit_person

    setup_money_desk(database.sessions)
    registration_id = walk_in(database, "edit@example.org", (("photos", True),), now=True)
    card = attendee_card(database.sessions, registration_id)
    assert [p.code for p in card.purposes] == ["share-partner", "photos"]
    assert card.answers == (("photos", True),)

    def edit(consents: dict[str, bool]) -> None:
        edit_person(
            database.sessions,
            registration_id,
            first_name=card.first_name,
            last_name=card.last_name,
            email=card.email,
            organization=card.organization,
            notes=None,
            desk="Desk 3",
            staff="Luc",
            consents=consents,
        )

    edit({"photos": True, "share-partner": False})  # nothing new: photos yes, share unasked
    with database.sessions() as session:
        assert len(session.scalars(select(Consent)).all()) == 1  # only the walk-in's answer
    edit({"photos": False, "share-partner": True})  # withdrawn, and given
    card = attendee_card(database.sessions, registration_id)
    assert dict(card.answers) == {"photos": False, "share-partner": True}
    with database.sessions() as session:
        rows = session.scalars(select(Consent).where(Consent.desk == "Desk 3")).all()
        assert sorted((r.purpose, r.granted, r.staff) for r in rows) == [
            ("photos", False, "Luc"),
            ("share-partner", True, "Luc"),
        ]


def test_the_edit_dialog_shows_the_answers_given(qtbot: object, database: Database) -> None:
    from desktop_app.services.desk.attendees import attendee_card
    from desktop_app.ui.desk.forms import PersonDialog

    setup_money_desk(database.sessions)
    registration_id = walk_in(database, "dialog@example.org", (("photos", True),))
    card = attendee_card(database.sessions, registration_id)
    dialog = PersonDialog(None, card, substitute=False)
    try:
        boxes = dialog.consent_box.boxes
        assert boxes["photos"].isChecked() and not boxes["share-partner"].isChecked()
        boxes["share-partner"].setChecked(True)
        assert dict(dialog.form().consents) == {"share-partner": True, "photos": True}
        substitute = PersonDialog(None, card, substitute=True)
        assert substitute.consent_box.boxes == {} and substitute.form().consents == ()
        substitute.deleteLater()
    finally:
        dialog.deleteLater()
