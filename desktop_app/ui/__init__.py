"""The desk's user interface (PySide6); the only layer that imports Qt."""

import PySide6  # noqa: F401  (shiboken's import hook is in place from here on)

from desktop_app.ui.module_sources import keep_module_sources_out_of_memory

keep_module_sources_out_of_memory()  # before the desk's thousand modules load
