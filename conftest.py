"""Root test configuration, for every test on any machine:

- Qt runs headless (offscreen);
- the per-user data, config and state folders (platformdirs, QSettings) point into a
  temporary folder, so no test ever writes into the real user's Passerelle folders (their
  backups rotation, their desk settings); ``REAL_USER_FOLDERS`` are the real ones, for the
  test that checks it;
- garbage is collected on the main thread only, as the application does;
- the command line speaks English whatever the machine's locale (tests that check French
  say ``--lang fr``);
- under pytest-xdist (the suite runs on every core, ``-n auto`` in pyproject.toml) each worker
  gets its own PostgreSQL test database, ``<name>_<worker>``, created here before any test
  module reads ``PASSERELLE_TEST_PG``: two workers emptying one schema would wipe each
  other's tables mid-test.
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


def _worker_database(url: str, worker: str) -> str:
    """A fresh database for this xdist worker on the server of ``url``; its URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    name = f"{parsed.database}_{worker}"
    admin = parsed.set(drivername="postgresql", database="postgres")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as link:
        link.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        link.execute(f'CREATE DATABASE "{name}"')
    return parsed.set(database=name).render_as_string(hide_password=False)


WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if WORKER and os.environ.get("PASSERELLE_TEST_PG"):
    os.environ["PASSERELLE_TEST_PG"] = _worker_database(os.environ["PASSERELLE_TEST_PG"], WORKER)

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


def _settings_in_the_test_folder() -> None:
    """Qt reads the settings folder once per process, from whatever ``XDG_CONFIG_HOME`` holds
    when the first ``QSettings`` is made: a test that points it at its own folder must not
    decide it for every later test on the same worker."""
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(
            settings_format, QSettings.Scope.UserScope, str(TEST_USER_ROOT / "config")
        )


_settings_in_the_test_folder()


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    """No automatic collection, which could free a Qt object on a worker thread and crash
    (desktop_app/ui/collector.py); the main thread collects between tests."""
    gc.disable()
    yield
    from desktop_app.ui.collector import collect_due

    collect_due()
    gc.unfreeze()  # what a test kept alive is not frozen for the rest of the run


# Files whose tests print to the one real CUPS queue: one of them switches the queue off and
# on, so under xdist they all run on the same worker, one after the other.
_CUPS_FILES = frozenset(
    {
        "tests/ui/test_printing.py",
        "tests/ui/desk/test_desk_receipts.py",
        "tests/ui/desk/test_desk_continuous.py",
    }
)


def _work_unit(nodeid: str) -> str:
    """The unit of work a worker takes whole: a test's file (its module fixtures are built
    once), or ``cups`` for the files that print to the one CUPS queue."""
    path = nodeid.split("::", 1)[0]
    return "cups" if path in _CUPS_FILES else path


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Hand each worker whole files (the CUPS files together), in collection order.

    Not ``--dist loadgroup`` with ``xdist_group`` marks: pytest-xdist 3.8 names a group by
    rewriting ``item._nodeid``, which pytest 9 no longer reads, so every test went its own
    way and two workers printed to, paused and resumed the one CUPS queue at once.
    """
    from xdist.scheduler import LoadScopeScheduling

    class FileGroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _work_unit(nodeid)

    return FileGroupScheduling(config, log)  # type: ignore[arg-type]
