"""System fallback fonts: for a character the bundled DejaVu Sans lacks (Chinese, Japanese,
Korean, Devanagari…), find an installed TrueType font that has it (``fc-list :charset=…`` where
fontconfig exists, else a scan of the usual font folders) and register it with ReportLab.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.fonts",
    "~/.local/share/fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
    os.path.join(os.environ.get("WINDIR", "C:\\Windows"), "Fonts"),
)


def _fc_list(chars: str) -> list[Path] | None:
    """Fonts fontconfig says cover every character of ``chars``; None without fontconfig."""
    executable = shutil.which("fc-list")
    if executable is None:
        return None
    charset = " ".join(f"{ord(c):x}" for c in chars)
    try:
        result = subprocess.run(
            [executable, f":charset={charset}", "file"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return [Path(line.strip().rstrip(":")) for line in result.stdout.splitlines() if line.strip()]


def _scan_font_dirs() -> Iterator[Path]:
    for folder in _FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            yield from sorted(root.rglob("*.ttf"))
            yield from sorted(root.rglob("*.TTF"))


def _preference(path: Path) -> tuple[int, str]:
    # Sans-serif Unicode fonts first; ReportLab cannot embed CFF (.otf) outlines, only .ttf.
    name = path.name.lower()
    rank = (
        0 if "noto" in name and "sans" in name else 1 if "droid" in name or "unicode" in name else 2
    )
    return rank, name


@lru_cache(maxsize=64)
def _font_cmap_file(path: str) -> frozenset[int]:
    try:
        return frozenset(TTFontFile(path, charInfo=1, validate=0).charToGlyph)
    except Exception:  # a broken or unsupported font file is just not a candidate
        return frozenset()


_fallback_names: dict[str, str] = {}


def _register_fallback(path: Path) -> str | None:
    key = str(path)
    if key in _fallback_names:
        return _fallback_names[key]
    name = f"Fallback-{path.stem}"
    try:
        pdfmetrics.registerFont(TTFont(name, key))
    except Exception:  # e.g. a font whose licence bits forbid embedding
        return None
    _fallback_names[key] = name
    return name


BUNDLED_FALLBACKS: list[Path] = []
"""Fonts shipped with Passerelle, asked before the system's (Droid Sans Fallback: Chinese,
Japanese, Korean), so a CJK name prints on any laptop; set by ``documents.fonts``."""


@lru_cache(maxsize=1024)
def fallback_font(char: str) -> str | None:
    """The name of a registered font that has ``char`` (a bundled one first, then the
    system's), or None if none has it."""
    for bundled in BUNDLED_FALLBACKS:
        if ord(char) in _font_cmap_file(str(bundled)):
            name = _register_fallback(bundled)
            if name is not None:
                return name
    if sys.platform == "emscripten":  # pragma: no cover - no file system to search
        return None
    # A font already found for another character usually has this one too (same script):
    # asking it first spares a fontconfig call per new character in a batch of names.
    for known_path, known_name in _fallback_names.items():
        if ord(char) in _font_cmap_file(known_path):
            return known_name
    candidates = _fc_list(char)
    paths: Iterable[Path]
    if candidates is not None:
        paths = sorted((p for p in candidates if p.suffix.lower() == ".ttf"), key=_preference)
    else:
        paths = sorted(_scan_font_dirs(), key=_preference)
    for path in paths:
        if ord(char) in _font_cmap_file(str(path)):
            name = _register_fallback(path)
            if name is not None:
                return name
    return None
