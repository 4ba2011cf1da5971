"""Registrations: imports from pretix, Eventbrite and spreadsheets, lookups, categories."""
