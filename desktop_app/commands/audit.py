"""``passerelle audit verify``: check that no audit entry was changed, removed or inserted."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.commands import add_db_option, add_json_option, opened, print_json


def register(subparsers: Any) -> None:
    """Add the ``audit`` command."""
    audit = subparsers.add_parser("audit", help="the audit log")
    actions = audit.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check every link of the audit log's hash chain")
    add_db_option(verify)
    add_json_option(verify)
    verify.set_defaults(handler=_run_verify)


def _run_verify(args: argparse.Namespace) -> int:
    from desktop_app.db.audit_chain import verify

    with opened(args) as db, db.sessions() as session:
        check = verify(session)
    if args.json:
        print_json(check.to_json())
    elif check.intact:
        print(f"The audit log is intact: {check.entries} entries, every link holds.")
    else:
        print(f"The audit log was tampered with at entry {check.first_broken}: {check.reason}.")
    return 0 if check.intact else 1
