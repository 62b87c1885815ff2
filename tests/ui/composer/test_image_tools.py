"""Image checks with Qt: decode, refuse animations and damage, downscale keeping aspect, re-encode."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from desktop_chat.core.content.attachments import AttachmentError, AttachmentStore, Limits, sniff_mime
from desktop_chat.ui.composer import image_tools
from tests.ui.sample_images import corrupt_png, decoded, encoded, gif, make_image, pdf_bytes, truncated_jpeg


def test_a_large_photo_is_downscaled_keeping_aspect_as_jpeg(qapp: Any) -> None:
    data = encoded(make_image(4000, 3000), "JPEG", 95)
    prepared = image_tools.prepare_image_bytes(data, "photo.jpg", Limits())
    assert (prepared.width, prepared.height, prepared.mime, prepared.resized) == (
        2048,
        1536,
        "image/jpeg",
        True,
    )
    image = decoded(prepared.data)
    assert (image.width(), image.height()) == (2048, 1536)
    assert sniff_mime(prepared.data) == "image/jpeg"


def test_a_large_image_with_transparency_stays_png(qapp: Any) -> None:
    data = encoded(make_image(3000, 1000, alpha=True), "PNG")
    prepared = image_tools.prepare_image_bytes(data, "logo.png", Limits(max_image_side=600))
    assert (prepared.width, prepared.height, prepared.mime) == (600, 200, "image/png")
    assert decoded(prepared.data).hasAlphaChannel()


def test_an_opaque_image_with_an_alpha_channel_becomes_jpeg(qapp: Any) -> None:
    image = make_image(3000, 2000).convertToFormat(QImage.Format.Format_ARGB32)  # alpha channel, all opaque
    prepared = image_tools.prepare_qimage(image, "screenshot", Limits())
    assert (prepared.mime, prepared.width, prepared.height) == ("image/jpeg", 2048, 1365)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP"])
def test_an_image_within_the_limit_is_kept_byte_for_byte(qapp: Any, fmt: str) -> None:
    data = encoded(make_image(300, 200), fmt)
    prepared = image_tools.prepare_image_bytes(data, f"small.{fmt.lower()}", Limits())
    assert prepared.data == data and not prepared.resized
    assert (prepared.width, prepared.height) == (300, 200)


def test_a_still_gif_is_accepted_and_an_animated_one_refused(qapp: Any) -> None:
    still = image_tools.prepare_image_bytes(gif(1), "dot.gif", Limits())
    assert still.mime == "image/gif" and (still.width, still.height) == (1, 1)
    with pytest.raises(AttachmentError) as info:
        image_tools.prepare_image_bytes(gif(3), "dance.gif", Limits())
    assert "dance.gif" in info.value.user_message and "animated (3 frames)" in info.value.user_message


@pytest.mark.parametrize(("name", "data"), [("broken.png", corrupt_png()), ("cut.jpg", truncated_jpeg())])
def test_damaged_images_are_refused(qapp: Any, name: str, data: bytes) -> None:
    with pytest.raises(AttachmentError) as info:
        image_tools.prepare_image_bytes(data, name, Limits())
    assert name in info.value.user_message and "damaged" in info.value.user_message


def test_text_with_an_image_name_is_refused(qapp: Any) -> None:
    with pytest.raises(AttachmentError, match="not a PNG, JPEG, WEBP or GIF"):
        image_tools.prepare_image_bytes(b"plain text, not pixels", "fake.png", Limits())


def test_attach_file_stores_the_prepared_image_and_pdfs_as_they_are(qapp: Any, tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path / "attachments")
    source = tmp_path / "wide.png"
    source.write_bytes(encoded(make_image(5000, 1000), "PNG"))
    image = image_tools.attach_file(source, store, Limits(), detail="low")
    assert (image.kind, image.mime, image.filename, image.detail) == (
        "image",
        "image/jpeg",
        "wide.png",
        "low",
    )
    assert (image.width, image.height) == (2048, 410)
    stored = store.find(image.sha256)
    assert stored is not None and stored.suffix == ".jpg"
    assert decoded(stored.read_bytes()).width() == 2048

    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(pdf_bytes())
    document = image_tools.attach_file(pdf, store, Limits())
    assert (document.kind, document.size) == ("pdf", len(pdf_bytes()))
    assert store.read(document.sha256) == pdf_bytes()


def test_thumbnails_fit_the_side(qapp: Any, tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    attachment = image_tools.attach_image(make_image(900, 300), "pasted", store, Limits())
    thumb = image_tools.stored_thumbnail(store, attachment.sha256, 120)
    assert thumb is not None and (thumb.width(), thumb.height()) == (120, 40)
    assert image_tools.stored_thumbnail(store, "0" * 64, 120) is None
    assert image_tools.fit_size(10, 20, 100).width() == 10  # never enlarged


def test_a_20_megapixel_photo_is_prepared_quickly(qapp: Any) -> None:
    data = encoded(make_image(5472, 3648), "JPEG", 92)
    started = time.perf_counter()
    prepared = image_tools.prepare_image_bytes(data, "camera.jpg", Limits())
    elapsed = time.perf_counter() - started
    assert (prepared.width, prepared.height) == (2048, 1365)
    assert elapsed < 1.0, f"preparing took {elapsed:.2f} s"
