"""Images in prompts through the real window against the emulator: attach, send, refuse, restart, replay."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.emulator import parse_context
from desktop_chat.ui.composer.attachment_bar import AttachmentBar
from tests.e2e.test_app_flows import App, bodies
from tests.ui.sample_images import corrupt_png, decoded, encoded, gif, make_image

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp: Any) -> Any:
    """Leave no image or mime data in the clipboard: Qt would free it after Python at exit (a crash)."""
    yield
    QApplication.clipboard().clear()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-e2e-test-key")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def bar_of(app: App) -> AttachmentBar:
    """The attachment bar of the window's composer pane."""
    return app.window.composer_pane.attachments


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def drop_files(widget: Any, paths: list[Path]) -> None:
    """What a file manager's drag and drop delivers to the widget under the cursor."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(10, 10), *args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the drop was not accepted"
    QApplication.sendEvent(widget, QDropEvent(QPointF(10, 10), *args))


def picker(path: Path) -> Callable[[], list[str]]:
    return lambda: [str(path)]


def sent_images(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        part
        for item in body["input"]
        if isinstance(item.get("content"), list)
        for part in item["content"]
        if part.get("type") == "input_image"
    ]


def image_of(data_url: str) -> QImage:
    prefix, _, payload = data_url.partition(",")
    assert prefix.startswith("data:image/") and prefix.endswith(";base64"), prefix
    return decoded(base64.b64decode(payload))


def thumbnails(app: App) -> list[QImage]:
    """The attachment thumbnails the transcript shows (loaded through its resource loader)."""
    document = app.window.transcript_pane.view.document()
    html = document.toHtml()
    names = sorted(set(part.split('"')[0] for part in html.split('src="desktop-chat-attachment:')[1:]))
    images = []
    for sha in names:
        image = document.resource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"desktop-chat-attachment:{sha}")
        )
        assert isinstance(image, QImage) and not image.isNull(), sha
        images.append(image)
    return images


def test_images_are_attached_sent_refused_kept_and_replayed(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    files = tmp_path / "files"
    files.mkdir()
    data_dir = tmp_path / "data"

    async def scenario() -> None:
        app = App(data_dir, emulator.base_url, qtbot)
        await app.connect()
        bar = bar_of(app)

        # 1. the Attach… button (its file picker answered here), with low detail
        wide = write(files, "wide.png", encoded(make_image(3000, 1500), "PNG"))
        bar.file_picker = lambda: [str(wide)]
        QTest.mouseClick(bar.attach_button, Qt.MouseButton.LeftButton)
        assert [a.filename for a in bar.attachments()] == ["wide.png"]
        bar.detail.setCurrentText("low")
        app.window.composer.setFocus()
        first = await app.send("What is in this picture?")
        assert first.status is NodeStatus.COMPLETED
        [part] = sent_images(bodies(emulator)[-1])
        assert part["detail"] == "low" and set(part) == {"type", "image_url", "detail"}
        assert part["image_url"].startswith("data:image/jpeg;base64,")  # opaque: re-encoded as JPEG
        sent = image_of(part["image_url"])
        assert (sent.width(), sent.height()) == (2048, 1024)  # downscaled, aspect kept
        assert "Attachments: 1 image(s)" in first.output_text
        assert bar.is_empty()
        # the node keeps a reference, not megabytes of base64, and the transcript a thumbnail
        stored = first.input_items[0]["content"][1]
        assert stored["image_url"].startswith("attachment:") and "base64" not in str(first.input_items)
        assert [(t.width(), t.height()) for t in thumbnails(app)] == [(240, 120)]

        # 2. a file dropped anywhere on the window (here: on the transcript), 3. an image pasted
        tall = write(files, "tall.webp", encoded(make_image(300, 600), "WEBP"))
        drop_files(app.window.transcript_pane.view.viewport(), [tall])
        QApplication.clipboard().setImage(make_image(5000, 100))
        app.window.composer.setFocus()
        QTest.keyClick(app.window.composer, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert [a.filename for a in bar.attachments()] == ["tall.webp", "Pasted image 1"]
        assert app.window.composer.toPlainText() == ""
        bar.detail.setCurrentText("high")
        second = await app.send("Compare these two")
        webp, pasted = sent_images(bodies(emulator)[-1])
        assert webp["image_url"].startswith("data:image/webp;base64,")  # small enough: sent as it was
        assert (image_of(webp["image_url"]).width(), image_of(webp["image_url"]).height()) == (300, 600)
        assert (image_of(pasted["image_url"]).width(), image_of(pasted["image_url"]).height()) == (2048, 41)
        assert webp["detail"] == pasted["detail"] == "high"
        assert "Attachments: 2 image(s)" in second.output_text

        # 4. what cannot be attached says why and attaches nothing
        refused = [
            (write(files, "broken.png", corrupt_png()), "damaged"),
            (write(files, "dance.gif", gif(4)), "animated (4 frames)"),
            (write(files, "notes.png", b"meeting notes, not a picture\n"), "not a PNG, JPEG, WEBP or GIF"),
            (write(files, "huge.png", b"\x89PNG\r\n\x1a\n" + bytes(21 * 1024 * 1024)), "at most 20.0 MB"),
        ]
        requests_before = len(bodies(emulator))
        for path, reason in refused:
            bar.file_picker = picker(path)
            QTest.mouseClick(bar.attach_button, Qt.MouseButton.LeftButton)
            assert app.window.banner.isVisible()
            assert path.name in app.window.banner.text() and reason in app.window.banner.text()
            assert bar.is_empty()
        drop_files(app.window.composer.viewport(), [files / "dance.gif"])
        assert bar.is_empty() and "animated" in bar.last_message()
        assert len(bodies(emulator)) == requests_before

        # 5. the server lost the branch: the local replay sends the earlier images again
        emulator.forget(second.response_id)
        emulator.forget(first.response_id)
        app.window.composer.setFocus()
        third = await app.send("Which one is wider?")
        body = bodies(emulator)[-1]
        assert "previous_response_id" not in body
        replayed = sent_images(body)
        assert len(replayed) == 3 and all(p["image_url"].startswith("data:image/") for p in replayed)
        assert (image_of(replayed[0]["image_url"]).width(), replayed[0]["detail"]) == (2048, "low")
        assert parse_context(third.output_text) == [
            "What is in this picture?",
            "Compare these two",
            "Which one is wider?",
        ]
        await app.close()

        # 6. after a restart the transcript still shows every thumbnail
        again = App(data_dir, emulator.base_url, qtbot)
        bar_of(again)
        again.window.select_node(second.id)
        assert sorted((t.width(), t.height()) for t in thumbnails(again)) == [
            (120, 240),
            (240, 5),
            (240, 120),
        ]
        assert again.window.transcript_pane.view.refused_resources == []
        await again.connect()
        await again.close()

    arun(scenario(), timeout=120)


def test_a_missing_attachment_file_fails_the_turn_with_a_clear_message(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path / "data", emulator.base_url, qtbot)
        await app.connect()
        bar = bar_of(app)
        attachment = bar.add_image(make_image(64, 64))
        assert attachment is not None
        first = await app.send("Keep this")
        path = bar.store.find(attachment.sha256)
        assert path is not None
        path.unlink()
        emulator.forget(first.response_id)
        before = len(bodies(emulator))
        app.window.composer.setFocus()
        second = await app.send("And now?")
        assert second.status is NodeStatus.FAILED
        assert "Pasted image 1" in (second.error or "") and "missing" in (second.error or "")
        assert "Pasted image 1" in app.transcript()
        assert len(bodies(emulator)) == before + 1  # the chained try; the replay was never sent
        await app.close()

    arun(scenario(), timeout=60)
