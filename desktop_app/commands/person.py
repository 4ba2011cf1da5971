"""Options and lines shared by the commands about one person (``members check``, ``price``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.domain.membership import MembershipVerdict


def add_person_options(parser: argparse.ArgumentParser) -> None:
    """``--event`` and the ways a person is known: name, email, organization, member number."""
    parser.add_argument("--event", required=True, metavar="SLUG", help="the event's slug")
    parser.add_argument("--name", metavar="N", help="the person's full name")
    parser.add_argument("--email", metavar="E", help="the person's email address")
    parser.add_argument("--organization", metavar="O", help="the organization as typed")
    parser.add_argument("--member-number", metavar="M", help="a member number")


def verdict_lines(verdict: MembershipVerdict) -> list[str]:
    """One readable line per association: its status and the evidence behind it."""
    from desktop_app.domain.membership import ASSOCIATION_NAMES

    lines = []
    for code, status in verdict.per_association.items():
        label = ASSOCIATION_NAMES.get(code, code)
        state = "no membership found" if status.status == "not-found" else str(status.status)
        if status.status == "expired" and status.expired_on is not None:
            state = f"expired on {status.expired_on.isoformat()}"
        details = [e.detail for e in status.evidence]
        details += [
            f"candidate {c.organization_name or c.person_name or c.membership_id} (score {c.score})"
            for c in status.candidates
        ]
        lines.append(f"{label}: {state}" + (f" — {'; '.join(details)}" if details else ""))
    return lines
