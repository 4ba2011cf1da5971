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
    database_url,
    opened,
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
    export.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="FILE.json or FILE.pdf"
    )
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

    with opened(args) as db:
        report = access_report(
            db.sessions, args.email, name=args.name, staff=acting_staff(db, args.staff)
        )
    if args.out.suffix.lower() == ".pdf":
        from desktop_app.documents.access_pdf import render_access_pdf

        language = args.lang or _language(report)
        data = render_access_pdf(report, language)
    else:
        data = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_atomically(args.out, data)
    people = len(report["people"])
    sys.stderr.write(f"passerelle: wrote what is held about {people} person(s) to {args.out}\n")
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
