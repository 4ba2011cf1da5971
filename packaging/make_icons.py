"""Render packaging/icons/passerelle.svg into the icon files each platform wants.

    python packaging/make_icons.py OUTPUT_FOLDER

writes passerelle-16.png ... passerelle-1024.png, passerelle.png (256 px, for Linux),
passerelle.ico (Windows: PNG images of 16-256 px in one file) and passerelle.icns (macOS).
Qt's own SVG renderer draws the images (PySide6 is already a build dependency); the ICO and
ICNS containers are written here (both are a small header plus PNG images), so the same command
works on Linux, Windows and macOS without any other tool.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "icons" / "passerelle.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (ic11-ic14 are the @2x variants).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_pngs(source: Path = SOURCE) -> dict[int, bytes]:
    """The SVG drawn at every size in :data:`SIZES`, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not a valid SVG")
    pngs: dict[int, bytes] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
    del app
    return pngs


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries = b""
    images = b""
    for size in ICO_SIZES:
        png = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str]) -> int:
    """Write every icon file into the folder named on the command line."""
    if len(argv) != 1:
        sys.stderr.write(__doc__ or "")
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs()
    for size, png in pngs.items():
        (folder / f"passerelle-{size}.png").write_bytes(png)
    (folder / "passerelle.png").write_bytes(pngs[256])
    (folder / "passerelle.ico").write_bytes(ico(pngs))
    (folder / "passerelle.icns").write_bytes(icns(pngs))
    (folder / "passerelle.svg").write_bytes(SOURCE.read_bytes())
    print(f"icons written to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
