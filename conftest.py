"""Root test configuration, for every test on any machine:

- Qt runs headless (offscreen);
- the per-user data, config and state folders (platformdirs, QSettings) point into a
  temporary folder, so no test ever writes into the real user's Passerelle folders (their
  backups rotation, their desk settings); ``REAL_USER_FOLDERS`` are the real ones, for the
  test that checks it;
- garbage is collected on the main thread only, as the application does;
- the command line speaks English whatever the machine's locale (tests that check French
  say ``--lang fr``).
"""

import gc
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
os.environ["PASSERELLE_LANG"] = "en"

_HOME = Path.home()
REAL_USER_FOLDERS = tuple(
    Path(os.environ.get(variable) or _HOME / default) / "Passerelle"
    for variable, default in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
    )
)
TEST_USER_ROOT = Path(tempfile.mkdtemp(prefix="passerelle-test-user-"))
for _variable, _folder in (
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_STATE_HOME", "state"),
):
    os.environ[_variable] = str(TEST_USER_ROOT / _folder)


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    """No automatic collection, which could free a Qt object on a worker thread and crash
    (desktop_app/ui/collector.py); the main thread collects between tests."""
    gc.disable()
    yield
    from desktop_app.ui.collector import collect_due

    collect_due()
