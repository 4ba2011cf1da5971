"""The desk does not keep every imported module's source in memory (shiboken's import hook)."""

from __future__ import annotations

import subprocess
import sys

from desktop_app.ui import module_sources

PROBE = """
import linecache
import PySide6  # shiboken's import hook from here on, whoever imports Qt first
import desktop_app.ui
import desktop_app.domain.pricing, desktop_app.ui.evidence
print([path for path in linecache.cache if "/desktop_app/domain/" in path.replace("\\\\", "/")])
"""


def test_imported_modules_leave_no_source_lines_behind() -> None:
    held = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout
    assert held.strip() == "[]"


def test_the_question_gets_the_answer_inspect_gave() -> None:
    import desktop_app.domain.pricing
    import desktop_app.ui.evidence

    assert module_sources._mentions_pyside(desktop_app.ui.evidence)
    assert not module_sources._mentions_pyside(desktop_app.domain.pricing)
    assert not module_sources._mentions_pyside(sys)  # built in: no file
