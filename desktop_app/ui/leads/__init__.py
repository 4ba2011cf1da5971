"""The lead station: an exhibitor scans badges and keeps the people who agreed to it."""

from desktop_app.ui.leads.window import LeadStationWindow

__all__ = ["LeadStationWindow"]
