"""Attachments without Qt: sniffing, limits, the content-hash store, references and their resolution."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.api.events import Completed, ErrorKind, Failed, StreamEvent
from desktop_chat.core.content.attachments import (
    PDF_MIME,
    Attachment,
    AttachmentError,
    AttachmentStore,
    Limits,
    attachment_parts,
    attachments_dir,
    attachments_of,
    check_image_url,
    has_references,
    read_checked,
    resolve_attachments,
    resolve_request,
    sniff_mime,
    user_message_with,
    with_attachments,
)
from desktop_chat.core.conversation.model import user_text_of

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 40
GIF = b"GIF89a" + b"\x00" * 40
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 40
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.mark.parametrize(
    ("data", "mime"),
    [(PNG, "image/png"), (JPEG, "image/jpeg"), (GIF, "image/gif"), (WEBP, "image/webp"), (PDF, PDF_MIME)],
)
def test_type_comes_from_the_first_bytes(data: bytes, mime: str) -> None:
    assert sniff_mime(data) == mime


@pytest.mark.parametrize(
    "data", [b"hello, I am text", b"RIFF\x10\x00\x00\x00WAVEfmt ", b"BM\x00\x00", b"GIF90a", b""]
)
def test_other_content_is_not_recognised(data: bytes) -> None:
    assert sniff_mime(data) is None


def test_a_png_that_is_really_text_is_refused_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_text("this is not an image at all")
    with pytest.raises(AttachmentError) as info:
        read_checked(path, Limits())
    assert "photo.png" in info.value.user_message
    assert "not a PNG, JPEG, WEBP or GIF image, or a PDF" in info.value.user_message


def test_a_jpeg_named_png_is_a_jpeg(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(JPEG)
    assert read_checked(path, Limits()) == (JPEG, "image/jpeg")


def test_too_large_files_are_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(PDF + b"\x00" * 2000)
    with pytest.raises(AttachmentError) as info:
        read_checked(path, Limits(max_file_bytes=1000))
    message = info.value.user_message
    assert "big.pdf" in message and "at most 1000 bytes" in message and "Nothing was attached" in message


def test_empty_missing_and_damaged_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(AttachmentError, match="empty"):
        read_checked(empty, Limits())
    with pytest.raises(AttachmentError, match="cannot be read"):
        read_checked(tmp_path / "nowhere.png", Limits())
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(PDF[:20])
    with pytest.raises(AttachmentError, match="not a complete PDF"):
        read_checked(cut, Limits())


def test_limits_from_settings_keep_defaults_for_bad_values() -> None:
    assert Limits.from_json({"max_image_side": 1024}) == Limits(max_image_side=1024)
    assert Limits.from_json({"max_image_side": "big", "max_file_bytes": True}) == Limits()
    assert Limits.from_json({"max_image_side": 0}) == Limits()
    assert Limits.from_json(None) == Limits()


def test_store_keeps_each_content_once_under_its_hash(tmp_path: Path) -> None:
    store = AttachmentStore(attachments_dir(tmp_path))
    first = store.add(PNG, "image/png", "a.png", width=10, height=5)
    second = store.add(PNG, "image/png", "copy of a.png")
    sha = hashlib.sha256(PNG).hexdigest()
    assert first.sha256 == second.sha256 == sha
    path = tmp_path / "attachments" / sha[:2] / f"{sha}.png"
    assert path.read_bytes() == PNG
    assert [p.name for p in (tmp_path / "attachments").rglob("*") if p.is_file()] == [path.name]
    assert store.find(sha) == path and store.read(sha) == PNG
    assert first == Attachment("image", "image/png", "a.png", sha, len(PNG), 10, 5, "auto")
    pdf = store.add(PDF, PDF_MIME, "doc.pdf")
    stored_pdf = store.find(pdf.sha256)
    assert pdf.kind == "pdf" and stored_pdf is not None and stored_pdf.suffix == ".pdf"


def test_store_refuses_names_that_are_not_hashes(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    (tmp_path / "secret.png").write_bytes(PNG)
    assert store.find("../secret") is None
    with pytest.raises(AttachmentError, match="missing"):
        store.read("../../etc/passwd")


def test_parts_are_kept_by_reference_and_read_back(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    image = store.add(PNG, "image/png", "a.png", width=4, height=3, detail="low")
    pdf = store.add(PDF, PDF_MIME, "doc.pdf")
    url = Attachment("image", "", "cat.jpg", url="https://example.com/cat.jpg", detail="high")
    item = user_message_with("Look", [image, pdf, url])
    assert item["content"][0] == {"type": "input_text", "text": "Look"}
    assert item["content"][1] == {
        "type": "input_image",
        "image_url": f"attachment:{image.sha256}",
        "detail": "low",
        "mime": "image/png",
        "filename": "a.png",
        "size": len(PNG),
        "width": 4,
        "height": 3,
    }
    assert item["content"][2]["file_data"] == f"attachment:{pdf.sha256}"
    assert item["content"][3] == {
        "type": "input_image",
        "image_url": "https://example.com/cat.jpg",
        "detail": "high",
    }
    assert "base64" not in str(item)
    assert attachments_of([item]) == [image, pdf, url]
    assert user_text_of([item]) == "Look"
    assert user_message_with("", [image])["content"][0]["type"] == "input_image"


def test_resolution_sends_data_urls_without_bookkeeping_keys(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    image = store.add(PNG, "image/png", "a.png", width=4, height=3, detail="high")
    pdf = store.add(PDF, PDF_MIME, "doc.pdf")
    plain = {"type": "message", "role": "assistant", "content": "earlier answer"}
    items = [plain, user_message_with("Look", [image, pdf])]
    resolved = resolve_attachments(items, tmp_path)
    assert resolved[0] is plain
    text, image_part, file_part = resolved[1]["content"]
    assert text == {"type": "input_text", "text": "Look"}
    assert image_part == {
        "type": "input_image",
        "image_url": "data:image/png;base64," + base64.b64encode(PNG).decode(),
        "detail": "high",
    }
    assert file_part == {
        "type": "input_file",
        "filename": "doc.pdf",
        "file_data": "data:application/pdf;base64," + base64.b64encode(PDF).decode(),
    }
    assert items[1]["content"][1]["image_url"].startswith("attachment:")  # the stored items are untouched
    request = resolve_request({"model": "m", "input": items}, tmp_path)
    assert request["model"] == "m" and request["input"] == resolved


def test_parts_this_app_did_not_make_pass_unchanged(tmp_path: Path) -> None:
    inline = {"type": "input_image", "image_url": "data:image/png;base64,iVBORw0KGgo=", "detail": "low"}
    by_id = {"type": "input_file", "file_id": "file-123"}
    items = [{"type": "message", "role": "user", "content": [inline, by_id]}]
    assert resolve_attachments(items, tmp_path)[0]["content"] == [inline, by_id]
    assert attachment_parts(items) == [("image", None), ("file", None)]


def test_a_missing_file_says_which_attachment(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    image = store.add(PNG, "image/png", "holiday.png")
    store.find(image.sha256).unlink()  # type: ignore[union-attr]
    with pytest.raises(AttachmentError) as info:
        resolve_attachments([user_message_with("again", [image])], tmp_path)
    assert "holiday.png" in info.value.user_message and "missing" in info.value.user_message


def test_only_https_image_urls() -> None:
    assert check_image_url("  https://example.com/a.png ") == "https://example.com/a.png"
    for bad in (
        "http://example.com/a.png",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "https://",
        "https://a b",
    ):
        with pytest.raises(AttachmentError, match="https://"):
            check_image_url(bad)


def test_stream_wrapper_resolves_before_sending_and_fails_clearly(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    image = store.add(PNG, "image/png", "a.png")
    sent: list[dict[str, Any]] = []

    async def stream(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        sent.append(request)
        yield Completed("resp_1", "m", None)

    async def collect(request: dict[str, Any]) -> list[StreamEvent]:
        return [event async for event in with_attachments(stream, tmp_path)(request)]

    request = {"model": "m", "input": [user_message_with("hi", [image])]}
    events = asyncio.run(collect(request))
    assert isinstance(events[0], Completed)
    assert sent[0]["input"][0]["content"][1]["image_url"].startswith("data:image/png;base64,")

    store.find(image.sha256).unlink()  # type: ignore[union-attr]
    events = asyncio.run(collect(request))
    assert len(sent) == 1  # nothing was sent
    assert isinstance(events[0], Failed) and events[0].error.kind is ErrorKind.BAD_REQUEST
    assert "a.png" in events[0].error.message


def test_requests_without_references_pass_through_untouched(tmp_path: Path) -> None:
    seen: list[dict[str, Any]] = []

    async def stream(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        seen.append(request)
        yield Completed("resp_1", "m", None)

    async def run(request: dict[str, Any]) -> None:
        async for _ in with_attachments(stream, tmp_path)(request):
            pass

    url = Attachment("image", "", "cat.jpg", url="https://example.com/cat.jpg")
    request = {"model": "m", "input": [user_message_with("hi", [url])], "previous_response_id": "resp_0"}
    asyncio.run(run(request))
    assert seen == [request] and seen[0] is request
    assert not has_references(request["input"])
    assert has_references([user_message_with("x", [Attachment("pdf", PDF_MIME, "a.pdf", "a" * 64)])])
