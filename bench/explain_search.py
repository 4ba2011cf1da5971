"""The server's share of search latency on PostgreSQL: EXPLAIN ANALYZE of what the search sends.

Run: ``python bench/explain_search.py URL [--people 10] [--plans 3]`` on a demo database (the
one ``bench_search.py`` leaves in ``PASSERELLE_TEST_PG``, say). Types the benchmark's queries
keystroke by keystroke, captures every statement the search runs, and runs each again under
``EXPLAIN (ANALYZE, BUFFERS)``. Prints, per query kind, p50/p95/max of the server's planning
plus execution time per keystroke, then the slowest statements with their plans.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
from typing import Any

from bench_search import QUERIES, SLUG, pct, targets
from sqlalchemy import event

from desktop_app.db.database import open_database
from desktop_app.services.desk.search import search_registrations

_MS = re.compile(r"(Planning|Execution) Time: ([\d.]+) ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--people", type=int, default=10)
    parser.add_argument("--plans", type=int, default=3, help="slowest plans shown")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    database = open_database(args.url)
    captured: list[tuple[str, Any]] = []

    @event.listens_for(database.engine, "before_cursor_execute")
    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        captured.append((statement, parameters))

    picked = targets(database, args.people, args.seed)
    rng = random.Random(args.seed)
    slowest: list[tuple[float, str, str, str]] = []
    with database.engine.connect() as connection:
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        for kind, make in QUERIES.items():
            times = []
            for target in picked:
                query = make(target, rng) or ""
                for end in range(1, len(query) + 1):
                    captured.clear()
                    search_registrations(database.sessions, SLUG, query[:end])
                    total = 0.0
                    for statement, parameters in captured:
                        if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                            continue
                        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
                        plan = "\n".join(row[0] for row in cursor.fetchall())
                        ms = sum(float(m.group(2)) for m in _MS.finditer(plan))
                        total += ms
                        slowest.append((ms, f"{kind}: {query[:end]!r}", statement, plan))
                    times.append(total)
            print(
                f"{kind:25s} {len(times):5d} keystrokes  p50 {statistics.median(times):6.2f}"
                f"  p95 {pct(times, 95):6.2f}  max {max(times):6.2f} ms (server)"
            )
    slowest.sort(key=lambda item: -item[0])
    for ms, where, statement, plan in slowest[: args.plans]:
        print(f"\n#### {ms:.1f} ms  {where}\n{statement}\n{plan}")
    database.dispose()


if __name__ == "__main__":
    main()
