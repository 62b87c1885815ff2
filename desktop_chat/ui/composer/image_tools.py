"""Images for attachments, with Qt: decode and check, downscale, re-encode, make thumbnails.

An image is refused with a message when it does not decode (corrupt), when it is animated (GIF or
WEBP with more than one frame), or when it is larger than the configured limits. One whose longest
side exceeds the limit is scaled down (aspect kept, smooth) and re-encoded: PNG if it has alpha,
else JPEG at quality 90. Otherwise the original bytes are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMessageLogContext,
    QSize,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QImageWriter

from desktop_chat.core.content.attachments import (
    IMAGE_MIMES,
    Attachment,
    AttachmentError,
    AttachmentStore,
    Limits,
    check_size,
    read_checked,
    sniff_mime,
)

JPEG_QUALITY = 90
_QT_FORMATS = {"image/png": b"png", "image/jpeg": b"jpeg", "image/webp": b"webp", "image/gif": b"gif"}


@dataclass(frozen=True)
class PreparedImage:
    """Image bytes ready to store and send, with their type and pixel size."""

    data: bytes
    mime: str
    width: int
    height: int
    resized: bool = False


def _reader(data: bytes, mime: str) -> tuple[QImageReader, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(_QT_FORMATS[mime]))
    reader.setAutoTransform(True)  # honour EXIF orientation
    return reader, buffer


def fit_size(width: int, height: int, max_side: int) -> QSize:
    """The size that fits in max_side × max_side, aspect kept (never larger than the original)."""
    longest = max(width, height)
    if longest <= max_side:
        return QSize(width, height)
    scale = max_side / longest
    return QSize(max(1, round(width * scale)), max(1, round(height * scale)))


def scaled_to_fit(image: QImage, max_side: int) -> QImage:
    size = fit_size(image.width(), image.height(), max_side)
    if size == image.size():
        return image
    return image.scaled(
        size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def uses_alpha(image: QImage) -> bool:
    """Whether any pixel is not fully opaque (an alpha channel alone does not count)."""
    if not image.hasAlphaChannel():
        return False
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    bits, stride, width = bytes(alpha.constBits()), alpha.bytesPerLine(), alpha.width()
    return any(bits[y * stride : y * stride + width].strip(b"\xff") for y in range(alpha.height()))


def encode(image: QImage) -> tuple[bytes, str]:
    """PNG for an image with transparent pixels, else JPEG at quality 90."""
    if uses_alpha(image):
        fmt, mime, quality = b"png", "image/png", -1
    else:
        fmt, mime, quality = b"jpeg", "image/jpeg", JPEG_QUALITY
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(fmt))
    writer.setQuality(quality)
    if not writer.write(image):
        message = QCoreApplication.translate("ImageTools", "The image could not be encoded: %1.")
        raise AttachmentError(message.replace("%1", writer.errorString()))
    return bytes(buffer.data().data()), mime


@contextmanager
def _qt_warnings() -> Iterator[list[str]]:
    """Collect the messages Qt logs meanwhile (a truncated JPEG decodes, with only a warning)."""
    messages: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        messages.append(text)
        if previous is not None:
            previous(kind, context, text)

    previous = qInstallMessageHandler(handler)
    try:
        yield messages
    finally:
        qInstallMessageHandler(previous)


def decode(data: bytes, mime: str, name: str, max_side: int) -> tuple[QImage, bool]:
    """The decoded image, at most max_side on its longest side, and whether it differs from the bytes
    (scaled down, or turned upright from its EXIF orientation). Refuses animated and damaged images.
    """
    if mime not in _QT_FORMATS:
        message = QCoreApplication.translate(
            "ImageTools", "“%1” is not a PNG, JPEG, WEBP or GIF image, or a PDF. Nothing was attached."
        )
        raise AttachmentError(message.replace("%1", name))
    reader, buffer = _reader(data, mime)
    frames = reader.imageCount() if reader.supportsAnimation() else 1
    buffer.close()
    if frames > 1:
        message = QCoreApplication.translate(
            "ImageTools",
            "“%1” is animated (%2 frames); only still images can be attached. Nothing was attached.",
        )
        raise AttachmentError(message.replace("%2", str(frames)).replace("%1", name))
    reader, buffer = _reader(data, mime)
    size = reader.size()
    scaled = size.isValid() and max(size.width(), size.height()) > max_side
    if scaled:  # decode straight to the smaller size where the format allows (JPEG): less memory
        reader.setScaledSize(fit_size(size.width(), size.height(), max_side))
    with _qt_warnings() as warnings:
        image = reader.read()
    turned = reader.transformation() != QImageIOHandler.Transformation.TransformationNone
    error = reader.errorString()
    buffer.close()
    truncated = any("premature end" in text.lower() for text in warnings)
    if image.isNull() or truncated:
        reason = QCoreApplication.translate("ImageTools", "the file ends too early") if truncated else error
        message = QCoreApplication.translate(
            "ImageTools", "“%1” could not be read as an image (%2); it may be damaged. Nothing was attached."
        )
        raise AttachmentError(message.replace("%2", reason).replace("%1", name))
    if max(image.width(), image.height()) > max_side:
        image, scaled = scaled_to_fit(image, max_side), True
    return image, bool(scaled or turned)


def prepare_image_bytes(data: bytes, name: str, limits: Limits) -> PreparedImage:
    """Check and (if needed) downscale an image file's bytes; its type comes from its content."""
    check_size(name, len(data), limits)
    mime = sniff_mime(data)
    if mime not in IMAGE_MIMES:
        message = QCoreApplication.translate(
            "ImageTools",
            "“%1” is not a PNG, JPEG, WEBP or GIF image (judged by its content). Nothing was attached.",
        )
        raise AttachmentError(message.replace("%1", name))
    image, changed = decode(data, mime, name, limits.max_image_side)
    if not changed:
        return PreparedImage(data, mime, image.width(), image.height())
    encoded, encoded_mime = encode(image)
    check_size(name, len(encoded), limits)
    return PreparedImage(encoded, encoded_mime, image.width(), image.height(), resized=True)


def prepare_qimage(image: QImage, name: str, limits: Limits) -> PreparedImage:
    """Encode an image (e.g. pasted), downscaled to the limit."""
    if image.isNull():
        message = QCoreApplication.translate("ImageTools", "“%1” holds no image. Nothing was attached.")
        raise AttachmentError(message.replace("%1", name))
    resized = max(image.width(), image.height()) > limits.max_image_side
    image = scaled_to_fit(image, limits.max_image_side)
    data, mime = encode(image)
    check_size(name, len(data), limits)
    return PreparedImage(data, mime, image.width(), image.height(), resized)


def attach_file(path: Path, store: AttachmentStore, limits: Limits, detail: str = "auto") -> Attachment:
    """Check a file (image or PDF), prepare it and store it; AttachmentError says why not."""
    data, mime = read_checked(path, limits)
    if mime not in IMAGE_MIMES:
        return store.add(data, mime, path.name, detail=detail)
    prepared = prepare_image_bytes(data, path.name, limits)
    return store.add(
        prepared.data, prepared.mime, path.name, width=prepared.width, height=prepared.height, detail=detail
    )


def attach_image(
    image: QImage, name: str, store: AttachmentStore, limits: Limits, detail: str = "auto"
) -> Attachment:
    """Store an in-memory image (a paste or a drop of image data)."""
    prepared = prepare_qimage(image, name, limits)
    return store.add(
        prepared.data, prepared.mime, name, width=prepared.width, height=prepared.height, detail=detail
    )


def thumbnail(image: QImage, side: int) -> QImage:
    return scaled_to_fit(image, side)


def load_thumbnail(path: Path, side: int) -> QImage:
    """A thumbnail of a stored image file (a null image when it cannot be read)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > side:
        reader.setScaledSize(fit_size(size.width(), size.height(), side))
    image = reader.read()
    return image if image.isNull() else scaled_to_fit(image, side)


def stored_thumbnail(store: AttachmentStore, sha256: str, side: int) -> QImage | None:
    """The thumbnail of a stored image, or None when the store does not have it."""
    path = store.find(sha256)
    if path is None or path.suffix == ".pdf":
        return None
    image = load_thumbnail(path, side)
    return None if image.isNull() else image
