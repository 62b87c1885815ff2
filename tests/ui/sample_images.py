"""Test images made with QImage (no binary fixtures), and a hand-made animated GIF."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter


def make_image(width: int, height: int, *, alpha: bool = False) -> QImage:
    """A picture with a gradient and a diagonal, so encoders have something to do."""
    image = QImage(width, height, QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32)
    image.fill(QColor(0, 0, 0, 0) if alpha else QColor("white"))
    painter = QPainter(image)
    painter.fillRect(0, 0, width // 2, height, QColor(30, 120, 200, 160 if alpha else 255))
    painter.setPen(QColor("red"))
    painter.drawLine(0, 0, width - 1, height - 1)
    painter.end()
    return image


def encoded(image: QImage, fmt: str, quality: int = -1) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(fmt.encode()))
    writer.setQuality(quality)
    assert writer.write(image), writer.errorString()
    return bytes(buffer.data().data())


def decoded(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(QByteArray(data)), "not an image"
    return image


def gif(frames: int) -> bytes:
    """A 1×1 GIF with `frames` frames (Qt cannot write GIFs)."""
    header = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00"
    loop = b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    frame = b"!\xf9\x04\x04\x0a\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00"
    return header + (loop if frames > 1 else b"") + frame * frames + b";"


def corrupt_png() -> bytes:
    """A PNG signature and header followed by garbage."""
    data = encoded(make_image(64, 64), "PNG")
    return data[:40] + b"\x13" * 200 + data[240:]


def truncated_jpeg() -> bytes:
    data = encoded(make_image(400, 300), "JPEG", 90)
    return data[: len(data) // 2]


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
