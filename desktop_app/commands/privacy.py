"""``passerelle privacy …``: retention and purge, access requests, erasure on request."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop_app.commands import (
    acting_staff,
    add_db_option,
    add_force_option,
    database_url,
    opened,
    output_path,
    print_json,
    write_atomically,
)


def register(subparsers: Any) -> None:
    """Add the ``privacy`` command."""
    privacy = subparsers.add_parser("privacy", help="retention and purge, access requests")
    actions = privacy.add_subparsers(dest="privacy_action", metavar="ACTION", required=True)

    purge = actions.add_parser(
        "purge", help="de-identify the people of events whose retention has passed"
    )
    purge.add_argument("--event", metavar="SLUG", help="only this event (if it is due)")
    purge.add_argument("--dry-run", action="store_true", help="say what would be done, do nothing")
    purge.add_argument("--staff", metavar="NAME", help="who purges (a staff account's name)")
    purge.add_argument("--json", action="store_true")
    add_db_option(purge)
    purge.set_defaults(handler=_run_purge)

    export = actions.add_parser("export", help="everything held about a person (access request)")
    export.add_argument("--email", required=True, metavar="EMAIL")
    export.add_argument("--name", metavar="NAME", help="when several people share the email")
    export.add_argument("--out", required=True, metavar="FILE", help="FILE.json or FILE.pdf")
    add_force_option(export)
    export.add_argument("--lang", choices=("fr", "en"), help="the PDF's language")
    export.add_argument("--staff", metavar="NAME", help="who answers the request")
    add_db_option(export)
    export.set_defaults(handler=_run_export)

    erase = actions.add_parser("erase", help="de-identify one person now, at their request")
    erase.add_argument("--email", required=True, metavar="EMAIL")
    erase.add_argument("--name", metavar="NAME")
    erase.add_argument("--reason", required=True, metavar="TEXT", help="the request")
    erase.add_argument("--staff", metavar="NAME")
    add_db_option(erase)
    erase.set_defaults(handler=_run_erase)

    incident = actions.add_parser("incident", help="the register of confidentiality incidents")
    steps = incident.add_subparsers(dest="incident_action", metavar="STEP", required=True)
    add = steps.add_parser("add", help="record an incident")
    _incident_fields(add, required=True)
    add.add_argument("--staff", metavar="NAME")
    add.add_argument("--json", action="store_true")
    add_db_option(add)
    add.set_defaults(handler=_run_incident_add)
    amend = steps.add_parser("amend", help="a new version of an incident (the earlier stay)")
    amend.add_argument("number", type=int, metavar="N")
    _incident_fields(amend, required=False)
    amend.add_argument("--reason", required=True, metavar="TEXT", help="why it is amended")
    amend.add_argument("--staff", metavar="NAME")
    amend.add_argument("--json", action="store_true")
    add_db_option(amend)
    amend.set_defaults(handler=_run_incident_amend)
    listing = steps.add_parser("list", help="the register, with each incident's history")
    listing.add_argument("--json", action="store_true")
    add_db_option(listing)
    listing.set_defaults(handler=_run_incident_list)
    export = steps.add_parser(
        "export", help="the register, every version, as FILE.csv, FILE.xlsx or FILE.json"
    )
    export.add_argument("--out", required=True, metavar="FILE")
    add_force_option(export)
    add_db_option(export)
    export.set_defaults(handler=_run_incident_export)


def _day(text: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


_FIELD_OPTIONS = (
    ("--description", "description", str, "the personal information concerned"),
    ("--circumstances", "circumstances", str, "what happened"),
    ("--from", "period_start", _day, "when it began (YYYY-MM-DD)"),
    ("--to", "period_end", _day, "when it ended, if it did"),
    ("--learned", "learned_on", _day, "when the organization learned of it"),
    ("--people", "people_count", int, "how many people are concerned (an estimate will do)"),
    ("--risk", "risk", str, "the assessment of the risk of serious injury"),
    ("--cai-notified", "cai_notified_on", _day, "when the Commission was notified"),
    ("--people-notified", "people_notified_on", _day, "when the people were notified"),
    ("--measures", "measures", str, "what was done to reduce the risk"),
)
_REQUIRED = {"description", "circumstances", "period_start", "learned_on", "risk"}


def _incident_fields(parser: argparse.ArgumentParser, *, required: bool) -> None:
    for option, dest, kind, text in _FIELD_OPTIONS:
        parser.add_argument(
            option,
            dest=dest,
            type=kind,
            metavar="VALUE",
            help=text,
            required=required and dest in _REQUIRED,
        )
    parser.add_argument(
        "--serious",
        dest="serious_risk",
        action="store_const",
        const=True,
        help="the risk of serious injury is real (notify the Commission and the people)",
    )


def _given(args: argparse.Namespace) -> dict[str, Any]:
    names = [dest for _, dest, _, _ in _FIELD_OPTIONS] + ["serious_risk"]
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def _run_incident_add(args: argparse.Namespace) -> int:
    from desktop_app.services.privacy.incidents import IncidentFields, record_incident

    with opened(args) as db:
        incident = record_incident(
            db.sessions, IncidentFields(**_given(args)), staff=acting_staff(db, args.staff)
        )
    if args.json:
        print_json(incident.to_json())
    else:
        print(f"Incident {incident.number} recorded.")
    return 0


def _run_incident_amend(args: argparse.Namespace) -> int:
    from desktop_app.services.privacy.incidents import amend_incident

    with opened(args) as db:
        incident = amend_incident(
            db.sessions,
            args.number,
            _given(args),
            reason=args.reason,
            staff=acting_staff(db, args.staff),
        )
    if args.json:
        print_json(incident.to_json())
    else:
        print(f"Incident {incident.number} amended (version {len(incident.history)}).")
    return 0


def _run_incident_list(args: argparse.Namespace) -> int:
    from desktop_app.services.privacy.incidents import list_incidents

    with opened(args) as db:
        incidents = list_incidents(db.sessions)
    if args.json:
        print_json([incident.to_json() for incident in incidents])
        return 0
    for incident in incidents:
        fields = incident.current
        print(
            f"#{incident.number}  {fields.period_start}  people: {fields.people_count or '?'}"
            f"  serious: {'yes' if fields.serious_risk else 'no'}"
            f"  CAI: {fields.cai_notified_on or '—'}  {fields.description}"
            f"  ({len(incident.history)} version(s))"
        )
    if not incidents:
        print("No incident recorded.")
    return 0


def _run_incident_export(args: argparse.Namespace) -> int:
    from desktop_app.documents.report_data import ReportDocument, Section
    from desktop_app.services.privacy.incidents import list_incidents
    from desktop_app.services.reports.exports import ExportFormat, write_export

    out = output_path(args)
    with opened(args) as db:
        incidents = list_incidents(db.sessions)
    if out.suffix.lower() == ".json":
        data = json.dumps([i.to_json() for i in incidents], ensure_ascii=False, indent=2) + "\n"
        write_atomically(out, data.encode("utf-8"), force=args.force)
        return 0
    # One row per version: the register's whole history, written as every export is
    # (UTF-8 with BOM, never a formula, owner-only, whole or absent).
    rows = tuple(
        (
            incident.number,
            version.version,
            version.at,
            version.by,
            version.reason or "",
            *(_cell(version.fields.to_json()[name]) for name in IncidentColumns),
        )
        for incident in incidents
        for version in incident.history
    )
    document = ReportDocument(
        kind="incidents",
        event_names=None,
        province=None,
        timezone="America/Toronto",
        sections=(
            Section(
                "incidents", ("number", "version", "at", "by", "reason", *IncidentColumns), rows
            ),
        ),
    )
    export_format = ExportFormat.XLSX if out.suffix.lower() == ".xlsx" else ExportFormat.CSV
    write_export(document, out, export_format, "en", force=args.force)
    return 0


def _cell(value: Any) -> Any:
    """A register value as an export cell (yes/no for booleans, text for the rest)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else value


IncidentColumns = (
    "description",
    "circumstances",
    "period_start",
    "period_end",
    "learned_on",
    "people_count",
    "risk",
    "serious_risk",
    "cai_notified_on",
    "people_notified_on",
    "measures",
)


def _backups(args: argparse.Namespace) -> list[Path]:
    from desktop_app.db.engine import is_sqlite
    from desktop_app.services.admin.backup import default_backup_directory, list_backups

    url = database_url(args)
    return list_backups(default_backup_directory(url)) if is_sqlite(url) else []


def _run_purge(args: argparse.Namespace) -> int:
    from desktop_app.services.privacy.purge import plan_purge, purge

    with opened(args) as db:
        if args.dry_run:
            plan = plan_purge(db.sessions, slug=args.event, backups=_backups(args))
        else:
            staff = acting_staff(db, args.staff)
            plan = purge(db.sessions, staff=staff, slug=args.event, backups=_backups(args))
    if args.json:
        print_json(plan.to_json())
        return 0
    verb = "Would de-identify" if args.dry_run else "De-identified"
    print(
        f"{verb} {plan.people} people of {len(plan.events)} event(s) past retention"
        f" ({', '.join(plan.events) or 'none'}); {plan.kept_people} kept for a later event;"
        f" {plan.registrations} registrations, {plan.consents} consents,"
        f" {plan.decisions} membership decisions; {plan.receipts} receipts past the tax"
        f" retention lose their buyer's name, {plan.receipts_kept} receipts kept as issued."
    )
    for backup in plan.backups:
        print(f"Backup taken before the purge (destroy it, see README, Privacy): {backup}")
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from desktop_app.services.privacy.access import access_report

    out = output_path(args)  # before the access request is answered and audited
    with opened(args) as db:
        report = access_report(
            db.sessions, args.email, name=args.name, staff=acting_staff(db, args.staff)
        )
    if out.suffix.lower() == ".pdf":
        from desktop_app.documents.access_pdf import render_access_pdf

        language = args.lang or _language(report)
        data = render_access_pdf(report, language)
    else:
        data = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_atomically(out, data, force=args.force)
    people = len(report["people"])
    sys.stderr.write(f"passerelle: wrote what is held about {people} person(s) to {out}\n")
    return 0


def _language(report: dict[str, Any]) -> str:
    for person in report["people"]:
        language = person["person"].get("preferred_language")
        if language in ("fr", "en"):
            return str(language)
    return "fr"


def _run_erase(args: argparse.Namespace) -> int:
    from desktop_app.services.privacy.purge import erase_person

    with opened(args) as db:
        count = erase_person(
            db.sessions,
            args.email,
            reason=args.reason,
            name=args.name,
            staff=acting_staff(db, args.staff),
        )
    print(f"De-identified {count} person(s); receipts are kept as tax law requires.")
    return 0
