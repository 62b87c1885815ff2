"""Render the app icon (resources/desktop-chat.svg) for the platform installers, with Qt only.

    python packaging/make_icons.py ico  OUT.ico         # Windows: 16..256 px in one .ico
    python packaging/make_icons.py iconset OUT.iconset  # macOS: feed to `iconutil -c icns`
    python packaging/make_icons.py png OUT_DIR          # <size>x<size>/desktop-chat.png

Runs in the build venv (PySide6 is there); needs no display (offscreen platform).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SVG = Path(__file__).resolve().parent.parent / "resources" / "desktop-chat.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> object:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def png_bytes(image: object) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[attr-defined]
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """An .ico holding PNG images (Windows Vista and later read PNG entries)."""
    import struct

    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in zip(sizes, pngs, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("ico", "iconset", "png"):
        print(__doc__, file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication([])
    kind, out = argv[0], Path(argv[1])
    if kind == "ico":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(ico_bytes([png_bytes(render(size)) for size in ICO_SIZES], ICO_SIZES))
    elif kind == "iconset":
        out.mkdir(parents=True, exist_ok=True)
        for size in (16, 32, 128, 256, 512):
            for scale, suffix in ((1, ""), (2, "@2x")):
                image = render(size * scale)
                assert isinstance(image, QImage)
                image.save(str(out / f"icon_{size}x{size}{suffix}.png"))
    else:
        for size in ICO_SIZES:
            folder = out / f"{size}x{size}"
            folder.mkdir(parents=True, exist_ok=True)
            image = render(size)
            assert isinstance(image, QImage)
            image.save(str(folder / "desktop-chat.png"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
