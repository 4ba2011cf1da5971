"""Files shipped with Passerelle: fonts, badge stocks, translations, icons, examples.

In the repository this folder is ``resources/``; installed, it is the package
``desktop_app.resources`` so that ``importlib.resources`` finds it everywhere.
"""

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["as_path", "resource"]


def resource(*parts: str) -> Traversable:
    """The packaged resource at ``parts`` (e.g. ``resource("fonts", "DejaVuSans.ttf")``)."""
    node: Traversable = files(__name__)
    for part in parts:
        node = node / part
    return node


def as_path(*parts: str) -> Path:
    """A real file-system path for a packaged resource (always real for our installs)."""
    node = resource(*parts)
    with as_file(node) as path:
        return Path(path)
