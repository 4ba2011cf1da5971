"""``passerelle --self-test``: prove, offline and without a display, that this install works.

Each check exercises one thing the desk needs at run time, through the same code the app uses:
the packaged resources (fonts, translations, badge stocks, example events, migrations), Qt's
platform plugins, a temporary SQLite database at the newest schema filled with demo data, a
membership verdict, a search as staff type it, a check-in (and the same badge scanned again), a
badge and a receipt as PDF, a page rasterised by PDFium, the French translation, the printer
list (none is fine), the PostgreSQL driver, spreadsheets, and a staff account signing in with
its PIN (argon2). It is what a packaged build is smoke-tested with, so a resource the bundle
forgot shows up here as one FAILED line rather than at a desk during an event.

Nothing outside a temporary folder is read or written, no network is used, and the user's own
database is never opened. Qt runs on the ``offscreen`` platform; the native platform plugin is
only loaded as a library, to prove it and its system libraries are present.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from desktop_app.selftest.checks import (
    State,
    check_badge,
    check_checking_in,
    check_database,
    check_membership,
    check_pin,
    check_postgresql,
    check_printers,
    check_qt,
    check_rasterise,
    check_receipt,
    check_resources,
    check_search,
    check_search_process,
    check_spreadsheet,
    check_translation,
)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: its name, whether it passed, how long it took, what it saw."""

    name: str
    ok: bool
    seconds: float
    detail: str

    def line(self) -> str:
        """One line of the report, e.g. ``ok      badge PDF          35 ms  1 badge, 1 page``."""
        status = "ok" if self.ok else "FAILED"
        return f"{status:<7} {self.name:<20} {self.seconds * 1000:>6.0f} ms  {self.detail}"


Check = Callable[[State], str]

CHECKS: tuple[tuple[str, Check], ...] = (
    ("resources", check_resources),
    ("qt platform", check_qt),
    ("database", check_database),
    ("membership", check_membership),
    ("search", check_search),
    ("own search process", check_search_process),
    ("check-in", check_checking_in),
    ("badge PDF", check_badge),
    ("receipt PDF", check_receipt),
    ("rasterise", check_rasterise),
    ("French translation", check_translation),
    ("printers", check_printers),
    ("postgresql driver", check_postgresql),
    ("spreadsheet", check_spreadsheet),
    ("staff PIN", check_pin),
)


def run_checks(
    checks: Sequence[tuple[str, Check]] = CHECKS,
    report: Callable[[CheckResult], None] | None = None,
) -> list[CheckResult]:
    """Run ``checks`` in order in a temporary folder; a failure never stops the later ones.

    ``report`` is called with each result as soon as it is known.
    """
    results: list[CheckResult] = []
    with tempfile.TemporaryDirectory(prefix="passerelle-self-test-") as folder:
        state = State(Path(folder))
        try:
            for name, check in checks:
                started = time.perf_counter()
                try:
                    detail = check(state)
                    ok = True
                except Exception as error:  # a self-test reports every failure, it never crashes
                    detail = f"{type(error).__name__}: {error}"
                    ok = False
                    if os.environ.get("PASSERELLE_SELF_TEST_TRACE"):
                        traceback.print_exc()
                result = CheckResult(name, ok, time.perf_counter() - started, detail)
                results.append(result)
                if report is not None:
                    report(result)
        finally:
            if state.database is not None:
                state.database.dispose()
    return results


def main(out: TextIO | None = None) -> int:
    """Print one line per check and a summary; 0 only if every check passed."""
    stream = out or sys.stdout
    from desktop_app import __version__

    started = time.perf_counter()
    stream.write(
        f"Passerelle {__version__} self-test ({sys.platform}, Python {platform.python_version()})\n"
    )

    def report(result: CheckResult) -> None:
        stream.write(result.line() + "\n")
        stream.flush()

    results = run_checks(CHECKS, report=report)
    failed = [r for r in results if not r.ok]
    elapsed = time.perf_counter() - started
    if failed:
        stream.write(
            f"self-test FAILED: {len(failed)} of {len(results)} checks ({elapsed:.1f} s)\n"
        )
        return 1
    stream.write(f"self-test passed: {len(results)} checks in {elapsed:.1f} s\n")
    return 0
