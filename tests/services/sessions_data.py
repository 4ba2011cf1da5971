"""A two-day forum with a capped gala (for member-early holders and add-on buyers) and an
open workshop: the Montréal example event with [[days]] and [[sessions]] added."""

from __future__ import annotations

from desktop_app.resources import as_path
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.domain.events import parse_event_file
from desktop_app.services.admin.events import save_event

SESSIONS = """
[[days]]
date = 2027-03-23

[[days]]
date = 2027-03-24

[[sessions]]
code = "gala"
name_fr = "Souper gala"
name_en = "Gala dinner"
starts = 2027-03-23T19:00:00
ends = 2027-03-23T23:00:00
room = "Salle 710"
capacity = 2
requires = "member-early"
price = "95.00"

[[sessions]]
code = "workshop-a"
name_fr = "Atelier A"
name_en = "Workshop A"
starts = 2027-03-24T09:00:00
ends = 2027-03-24T10:30:00
"""


def forum_source(extra: str = SESSIONS) -> str:
    """The Montréal example event file with ``extra`` appended."""
    return as_path("examples", "forum-montreal-2027.toml").read_text("utf-8") + extra


def declare_sessions(sessions: sessionmaker[Session], extra: str = SESSIONS) -> None:
    """Give the (already saved) Montréal event its days and sessions."""
    with sessions.begin() as session:
        save_event(session, parse_event_file(forum_source(extra), "forum.toml"))
