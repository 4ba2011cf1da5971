"""The check-in desk screen: header, search, attendee card, outcome panel and actions."""

from desktop_app.ui.desk.context import DeskContext
from desktop_app.ui.desk.window import DeskWindow

__all__ = ["DeskContext", "DeskWindow"]
