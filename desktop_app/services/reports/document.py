"""Each report as a ``ReportDocument`` (``documents.report_data``): the one source of its PDF,
CSV and XLSX, so all three say the same thing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from desktop_app.documents.report_data import Cell, Chart, Pair, ReportDocument, Section, label
from desktop_app.services.reports.addon_sales import desk_sales_sections
from desktop_app.services.reports.attendance import AttendanceReport
from desktop_app.services.reports.attendees import AttendeeList, Presence
from desktop_app.services.reports.closing import DeskClosingReport
from desktop_app.services.reports.partnership import PartnershipReport
from desktop_app.services.reports.sales import SalesReport


def _counts(rows: Sequence[tuple[str, int, int]]) -> tuple[tuple[Cell, ...], ...]:
    return tuple((key, registered, checked) for key, registered, checked in rows)


def _days_and_sessions(report: AttendanceReport) -> tuple[Section, ...]:
    """The per-day and per-session tables, for an event that has days or sessions."""
    sections: list[Section] = []
    if report.by_day:
        sections.append(
            Section(
                "by_day", ("day", "checked_in"), tuple((d.isoformat(), n) for d, n in report.by_day)
            )
        )
    if report.by_session:
        # Entries (re-entries included) and inside now only where exits are scanned.
        exits = any(s.inside is not None for s in report.by_session)
        moves: tuple[str, ...] = ("entries", "inside_now") if exits else ()
        sections.append(
            Section(
                "by_session",
                ("session", "entitled", "sold_at_desk", "checked_in", *moves, "capacity"),
                tuple(
                    (
                        Pair(s.name_fr, s.name_en),
                        s.entitled,
                        dict(report.sold_at_desk).get(s.code, 0),
                        s.checked_in,
                        *((s.entries, s.inside) if exits else ()),
                        s.capacity,
                    )
                    for s in report.by_session
                ),
            )
        )
    return tuple(sections)


def attendance_document(report: AttendanceReport) -> ReportDocument:
    """Report 1 as tables and an arrivals chart."""
    event = report.event
    return ReportDocument(
        kind="attendance",
        event_names=(event.name_fr, event.name_en),
        province=event.province,
        timezone=event.timezone,
        sections=(
            Section(
                "summary",
                ("what", "count"),
                (
                    ("registered", report.registered),
                    ("checked_in", report.checked_in),
                    ("no_show", report.no_show),
                    ("cancelled", report.cancelled),
                ),
                frozenset({0}),
            ),
            Section(
                "by_association",
                ("association", "registered", "checked_in"),
                _counts([(r.key, r.registered, r.checked_in) for r in report.by_association]),
                frozenset({0}),
            ),
            Section(
                "by_category",
                ("category", "registered", "checked_in"),
                tuple(
                    (Pair(r.label("fr"), r.label("en")), r.registered, r.checked_in)
                    for r in report.by_category
                ),
            ),
            Section(
                "by_organization",
                ("organization", "registered", "checked_in"),
                _counts(
                    [
                        (r.key or "no_organization", r.registered, r.checked_in)
                        for r in report.by_organization
                    ]
                ),
                frozenset({0}),
                pdf_rows=30,
            ),
            Section(
                "arrivals",
                ("from", "checked_in"),
                tuple((a.start, a.checked_in) for a in report.arrivals),
            ),
            *_days_and_sessions(report),
        ),
        charts=(
            Chart(
                "arrivals",
                tuple(f"{a.start:%H:%M}" for a in report.arrivals),
                (("checked_in", tuple(a.checked_in for a in report.arrivals)),),
            ),
        )
        if report.arrivals
        else (),
    )


_PARTNERSHIP_COLUMNS = (
    "checked_in",
    "host_members",
    "partner_members",
    "both",
    "non_members",
    "partner_organizations",
    "member_rate_savings",
    "cross_association_leads",
)


def partnership_document(report: PartnershipReport) -> ReportDocument:
    """Report 2 as one table per event and the totals, with a chart per event."""
    period = (
        " – ".join(
            value.isoformat() if value is not None else "…" for value in (report.start, report.end)
        )
        if report.start is not None or report.end is not None
        else "all_dates"
    )
    events = tuple(
        (
            item.event.slug,
            item.event.host,
            item.event.province,
            item.numbers.checked_in,
            item.numbers.host_members,
            item.numbers.partner_members,
            item.numbers.both,
            item.numbers.non_members,
            item.numbers.partner_organizations,
            item.numbers.member_rate_savings,
        )
        for item in report.events
    )
    totals = report.totals
    return ReportDocument(
        kind="partnership",
        event_names=None,
        province=None,
        timezone="America/Toronto",
        reference=period,
        sections=(
            Section(
                "events",
                ("event", "host", "province", *_PARTNERSHIP_COLUMNS),
                events,
                frozenset({1}),
                output="exports",
            ),
            Section(  # the board's reading: one column per event
                "events",
                ("what", *(item.event.slug for item in report.events)),
                tuple(
                    (
                        key,
                        *(getattr(item.numbers, key) for item in report.events),
                    )
                    for key in _PARTNERSHIP_COLUMNS
                ),
                frozenset({0}),
                output="pdf",
            ),
            Section(
                "totals",
                ("what", "count"),
                (
                    ("checked_in", totals.checked_in),
                    ("host_members", totals.host_members),
                    ("partner_members", totals.partner_members),
                    ("both", totals.both),
                    ("non_members", totals.non_members),
                    ("partner_organizations", totals.partner_organizations),
                    ("member_rate_savings", totals.member_rate_savings),
                    ("cross_association_leads", totals.cross_association_leads),
                    ("people_at_both_provinces", report.people_at_both_provinces),
                ),
                frozenset({0}),
            ),
        ),
        compact_charts=True,
        charts=tuple(
            Chart(
                Pair(item.event.name_fr, item.event.name_en),
                ("host_short", "partner_short", "both_short", "none_short"),
                (
                    (
                        "checked_in",
                        (
                            item.numbers.host_members,
                            item.numbers.partner_members,
                            item.numbers.both,
                            item.numbers.non_members,
                        ),
                    ),
                ),
            )
            for item in report.events
        ),
    )


def sales_document(report: SalesReport) -> ReportDocument:
    """Report 3: by category, by payment method, the receipt numbers."""
    event = report.event
    money_columns = ("count", "subtotal", *report.tax_codes, "total")

    def money_row(key: str | Pair, row: object) -> tuple[Cell, ...]:
        from desktop_app.services.reports.sales import SalesRow

        assert isinstance(row, SalesRow)
        return (key, row.count, row.subtotal, *(row.tax(c) for c in report.tax_codes), row.total)

    return ReportDocument(
        kind="sales",
        notes=("sales_note",),
        event_names=(event.name_fr, event.name_en),
        province=event.province,
        timezone=event.timezone,
        sections=(
            Section(
                "admissions_by_category",
                ("category", *money_columns),
                tuple(
                    money_row(Pair(row.label("fr"), row.label("en")), row)
                    for row in report.by_category
                ),
            ),
            *(
                (
                    Section(
                        "addons_sold",
                        ("addon", *money_columns),
                        tuple(
                            money_row(Pair(row.label("fr"), row.label("en")), row)
                            for row in report.by_addon
                        ),
                    ),
                )
                if report.by_addon
                else ()
            ),
            Section(
                "by_method",
                ("method", *money_columns),
                tuple(money_row(row.key, row) for row in report.by_method),
                frozenset({0}),
            ),
            Section(
                "totals",
                ("what", *money_columns),
                (money_row("receipted", report.totals),),
                frozenset({0}),
            ),
            Section(
                "receipt_numbers",
                ("series", "first", "last", "receipts", "credit_notes"),
                tuple(
                    (s.series, s.first, s.last, s.receipts, s.credit_notes) for s in report.series
                ),
            ),
        ),
    )


def attendees_document(report: AttendeeList) -> ReportDocument:
    """Report 5: the list, one row per person."""
    event = report.event
    notes: tuple[str, ...] = ()
    values: dict[str, str] = {}
    if report.association is not None:
        notes = ("only_members",)
        values = {"association": label(report.association, "en")}
    return ReportDocument(
        kind="attendees",
        event_names=(event.name_fr, event.name_en),
        province=event.province,
        timezone=event.timezone,
        reference=report.presence.value if report.presence is not Presence.ALL else "",
        notes=notes,
        note_values=values,
        sections=(
            Section(
                "attendees",
                (
                    "name",
                    "organization",
                    "email",
                    "category",
                    "association",
                    "checked_in_at",
                    "desk",
                ),
                tuple(
                    (
                        row.name,
                        row.organization,
                        row.email,
                        Pair(row.category_name("fr"), row.category_name("en")),
                        row.association,
                        row.checked_in_at,
                        row.desk,
                    )
                    for row in report.rows
                ),
                frozenset({4}),
            ),
        ),
    )


def closing_document(closing: DeskClosingReport, *, copy: bool = False) -> ReportDocument:
    """Report 4: what the supervisor signs and puts in the cash bag."""
    event = closing.event
    summary = closing.summary

    def money(key: str) -> Decimal:
        return Decimal(str(summary.get(key, "0")))

    cash_rows: list[tuple[Cell, ...]] = [
        ("opening_float", closing.opening_float),
        ("cash_taken", money("cash_taken")),
        ("cash_refunded", -money("cash_refunded")),
        ("expected_cash", closing.expected_cash),
        ("counted_cash", closing.counted_cash),
        ("difference", closing.difference),
    ]
    sections = [
        Section(
            "summary",
            ("what", "value"),
            (
                ("desk", closing.desk),
                ("number", closing.number),
                ("opened_at", closing.opened_at or "—"),
                ("closed_at", closing.closed_at),
                ("staff", closing.staff),
            ),
            frozenset({0}),
        ),
        Section("cash_drawer", ("what", "amount"), tuple(cash_rows), frozenset({0})),
    ]
    denominations = summary.get("denominations") or {}
    if denominations:
        sections.append(
            Section(
                "denominations",
                ("amount", "count", "total"),
                tuple(
                    (Decimal(value), int(n), Decimal(value) * int(n))
                    for value, n in sorted(
                        denominations.items(), key=lambda item: -Decimal(item[0])
                    )
                ),
            )
        )
    sections += [
        Section(
            "cards",
            ("at", "reference", "amount"),
            (
                *(
                    (datetime.fromisoformat(c["at"]), c["reference"], Decimal(c["amount"]))
                    for c in summary.get("card_payments", [])
                ),
                (None, "card_total", money("card_total")),
            ),
            frozenset({1}),
        ),
        Section(
            "activity",
            ("what", "count"),
            (
                ("check_ins", summary.get("check_ins", 0)),
                ("walk_ins", summary.get("walk_ins", 0)),
                ("undone_check_ins", summary.get("undone_check_ins", 0)),
                ("invoices", summary.get("invoices", 0)),
                ("invoice_total", money("invoice_total")),
                ("complimentary", summary.get("complimentary", 0)),
            ),
            frozenset({0}),
        ),
        Section(
            "receipt_numbers",
            ("series", "first", "last", "receipts", "credit_notes"),
            tuple(
                (s["series"], s["first"], s["last"], s["receipts"], s["credit_notes"])
                for s in summary.get("receipt_series", [])
            ),
        ),
        *desk_sales_sections(summary.get("sales")),
        Section(
            "by_staff",
            ("staff", "check_ins", "walk_ins", "payments", "cash", "card"),
            tuple(
                (
                    s["staff"],
                    s["check_ins"],
                    s["walk_ins"],
                    s["payments"],
                    Decimal(s["cash"]),
                    Decimal(s["card"]),
                )
                for s in summary.get("by_staff", [])
            ),
        ),
    ]
    if closing.note:
        sections.append(Section("note", ("note",), ((closing.note,),)))
    return ReportDocument(
        kind="closing",
        event_names=(event.name_fr, event.name_en),
        province=event.province,
        timezone=event.timezone,
        reference=f"{closing.desk} #{closing.number}",
        sections=tuple(sections),
        copy=copy,
    )
