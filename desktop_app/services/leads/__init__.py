"""Lead scanning: an exhibitor's station scans badges and keeps the people who agreed.

A lead is kept only when the person's latest answer to the event's ``networking`` consent
purpose is yes; otherwise the scan is refused, nothing about the person is stored (the audit
log gets an anonymous entry naming only the exhibitor) and the station shows nothing but the
refusal. An exhibitor sees and exports its own leads only, never the admission code.
"""

from __future__ import annotations

from desktop_app.services.leads.station import (
    LeadLine,
    ScanOutcome,
    ScanResult,
    exhibitor_leads,
    scan_lead,
    station_exhibitor,
    update_lead,
)

__all__ = [
    "LeadLine",
    "ScanOutcome",
    "ScanResult",
    "exhibitor_leads",
    "scan_lead",
    "station_exhibitor",
    "update_lead",
]
