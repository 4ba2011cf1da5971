"""The money desk's Montréal forum with its days and sessions, for the add-on tests: a gala of
2 seats at 95.00 (for member-early holders and add-on buyers), an open workshop, and the
event's tax numbers (receipts need them); the member who walks in, and the prices."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from desktop_app.db.database import Database
from desktop_app.db.models import Event
from desktop_app.services.desk.walkin import WalkInForm
from tests.services.money_desk import GST_NO, MEMBER_EMAIL, MONTREAL, QST_NO, setup_money_desk
from tests.services.sessions_data import SESSIONS, declare_sessions

D = Decimal
# The member rate 525.00 + GST 26.25 + QST 52.37 = 603.62; the gala 95.00 + GST 4.75 + QST
# 9.48 (9.47625 rounded on its own) = 109.23.
ADMISSION, GALA = D("603.62"), D("109.23")
MEMBER = WalkInForm(
    first_name="Camille",
    last_name="Tremblay",
    email=MEMBER_EMAIL,
    organization="Université de Montréal",
    category_code=None,
    language="fr",
)


def with_free_workshop(capacity: int) -> str:
    """The sessions, and a free workshop B (0.00) of ``capacity`` seats."""
    return (
        SESSIONS
        + f"""
[[sessions]]
code = "workshop-b"
name_fr = "Atelier B"
name_en = "Workshop B"
starts = 2027-03-24T09:00:00
ends = 2027-03-24T10:30:00
capacity = {capacity}
price = "0.00"
"""
    )


def addon_forum(database: Database, sessions: str = SESSIONS) -> Database:
    """``database`` with the money desk, the forum's ``sessions`` and its tax numbers."""
    setup_money_desk(database.sessions)
    declare_sessions(database.sessions, sessions)
    with database.sessions.begin() as session:  # the event file's own numbers are blank
        event = session.scalars(select(Event).where(Event.slug == MONTREAL)).one()
        event.gst_hst_number, event.qst_number = GST_NO, QST_NO
    return database
