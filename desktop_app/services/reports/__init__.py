"""What the associations get back: attendance, the partnership's numbers, sales and taxes,
desk closings and attendee lists; each a frozen dataclass with ``to_json``, computed in SQL.

Exports (CSV, XLSX) are in ``exports``; the PDFs in ``documents.report_pdf``.
"""

from desktop_app.services.reports.attendance import AttendanceReport, attendance_report
from desktop_app.services.reports.attendees import AttendeeList, Presence, attendee_list
from desktop_app.services.reports.closing import DeskClosingReport, close_desk
from desktop_app.services.reports.partnership import PartnershipReport, partnership_report
from desktop_app.services.reports.sales import SalesReport, sales_report

__all__ = [
    "AttendanceReport",
    "AttendeeList",
    "DeskClosingReport",
    "PartnershipReport",
    "Presence",
    "SalesReport",
    "attendance_report",
    "attendee_list",
    "close_desk",
    "partnership_report",
    "sales_report",
]
