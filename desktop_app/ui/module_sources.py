"""Keep PySide6 from holding the source text of every module the desk imports.

shiboken6 replaces ``__import__`` and asks, for each module imported after PySide6, whether
its source mentions PySide6 (``shibokensupport.feature._mod_uses_pyside``, for the optional
``from __feature__ import snake_case``). It finds out with ``inspect.getsource``, which reads
the file through ``linecache`` and keeps it there: at the desk, about 950 files and 16 MB
of text held as 400,000 line strings, 35 MB of memory for the life of the process, and the
time to split them into lines at every start (issue #16: memory at 100,000 registrations).

The same question is answered here by reading the file's bytes without keeping them. The
answer is the same for every module (a file without Python source, a built-in or an
extension module, mentions nothing); Passerelle selects no ``__feature__``, so the answer
only ever decides between two identical behaviours anyway. If a PySide6 release renames or
drops the hook, nothing is replaced and the desk works as before.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def _mentions_pyside(module: ModuleType) -> bool:
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # what inspect.getsource's failure answers for these
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def keep_module_sources_out_of_memory() -> bool:
    """Answer shiboken's question without ``linecache``; False when the hook is not there."""
    try:
        feature = importlib.import_module("shibokensupport.feature")
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", _mentions_pyside)  # noqa: B010 (a module of PySide6)
    return True
