"""Root test configuration: Qt runs headless on any machine; garbage is collected on the
main thread only, as the application does."""

import gc
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    """No automatic collection, which could free a Qt object on a worker thread and crash
    (desktop_app/ui/collector.py); the main thread collects between tests."""
    gc.disable()
    yield
    from desktop_app.ui.collector import collect_due

    collect_due()
