"""The attachment bar, the composer's paste and drop, and thumbnails in the transcript."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPushButton, QToolButton

from desktop_chat.core.content.attachments import AttachmentStore, Limits, user_message_with
from desktop_chat.core.conversation.model import Node
from desktop_chat.ui.composer.attachment_bar import AttachmentBar
from desktop_chat.ui.composer.composer import Composer, text_chunks
from desktop_chat.ui.transcript.transcript import TranscriptView
from tests.conftest import wait_until
from tests.ui.sample_images import corrupt_png, encoded, gif, make_image, pdf_bytes


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp: Any) -> Any:
    """Leave no image or mime data in the clipboard: Qt would free it after Python at exit (a crash)."""
    yield
    QApplication.clipboard().clear()


@pytest.fixture
def bar(qtbot: Any, tmp_path: Path) -> AttachmentBar:
    widget = AttachmentBar(AttachmentStore(tmp_path / "attachments"))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_attach_button_picks_files_and_chips_can_be_removed(bar: AttachmentBar, tmp_path: Path) -> None:
    png = write(tmp_path, "cat.png", encoded(make_image(300, 200), "PNG"))
    pdf = write(tmp_path, "paper.pdf", pdf_bytes())
    bar.file_picker = lambda: [str(png), str(pdf)]
    button = bar.findChild(QPushButton, "attach_button")
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [a.filename for a in bar.attachments()] == ["cat.png", "paper.pdf"]
    chips = bar.chips()
    assert chips[0].thumbnail.pixmap() is not None and not chips[0].thumbnail.pixmap().isNull()
    assert "300×200" in chips[0].label.text()
    assert chips[1].thumbnail.text() == "PDF"
    assert bar.strip_area.isVisible()

    remove = chips[0].findChild(QToolButton, "remove_attachment")
    assert remove is not None
    QTest.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert [a.filename for a in bar.attachments()] == ["paper.pdf"]
    bar.clear()
    assert bar.is_empty() and not bar.strip_area.isVisible()


def test_detail_choice_applies_to_images(bar: AttachmentBar, tmp_path: Path) -> None:
    bar.add_files([write(tmp_path, "a.png", encoded(make_image(40, 40), "PNG"))])
    detail = bar.findChild(QComboBox, "attach_detail")
    assert detail is not None
    detail.setCurrentText("high")
    [part] = bar.parts()
    assert part["type"] == "input_image" and part["detail"] == "high"
    assert part["image_url"].startswith("attachment:")


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("broken.png", corrupt_png(), "damaged"),
        ("dance.gif", gif(2), "animated"),
        ("notes.png", b"just some text\n", "not a PNG, JPEG, WEBP or GIF image, or a PDF"),
        ("huge.png", encoded(make_image(200, 200), "PNG"), "at most 1 KB"),
    ],
)
def test_what_cannot_be_attached_is_refused_with_a_message(
    qtbot: Any, tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    bar = AttachmentBar(AttachmentStore(tmp_path / "attachments"), limits=Limits(max_file_bytes=1024))
    qtbot.addWidget(bar)
    bar.show()
    with qtbot.waitSignal(bar.message) as signal:
        bar.add_files([write(tmp_path, name, data)])
    assert expected in signal.args[0] and name in signal.args[0]
    status = bar.findChild(QLabel, "attach_message")
    assert status is not None
    assert status.isVisible() and expected in status.text()
    assert bar.is_empty()
    assert not any(p.is_file() for p in (tmp_path / "attachments").rglob("*"))


def test_image_urls_must_be_https(bar: AttachmentBar, qtbot: Any) -> None:
    edit = bar.url_edit
    assert edit.objectName() == "attach_url"
    QTest.keyClicks(edit, "http://example.com/cat.png")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert bar.is_empty() and "https://" in bar.last_message()
    edit.clear()
    QTest.keyClicks(edit, "https://example.com/cat.png?size=2")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert bar.parts() == [
        {"type": "input_image", "image_url": "https://example.com/cat.png?size=2", "detail": "auto"}
    ]
    assert edit.text() == "" and bar.last_message() == ""
    assert bar.chips()[0].thumbnail.text() == "URL"


def test_same_content_twice_is_attached_once(bar: AttachmentBar, tmp_path: Path) -> None:
    data = encoded(make_image(50, 50), "PNG")
    bar.add_files([write(tmp_path, "a.png", data), write(tmp_path, "b.png", data)])
    assert len(bar.attachments()) == 1


def test_pasted_image_becomes_a_downscaled_attachment(bar: AttachmentBar) -> None:
    attachment = bar.add_image(make_image(4096, 1024))
    assert attachment is not None and (attachment.width, attachment.height) == (2048, 512)
    assert attachment.filename == "Pasted image 1"


# -- the composer -------------------------------------------------------------------------------------
@pytest.fixture
def composer(qtbot: Any) -> Composer:
    widget = Composer()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_pasting_image_data_emits_the_image(composer: Composer, qtbot: Any) -> None:
    QApplication.clipboard().setImage(make_image(64, 32))
    with qtbot.waitSignal(composer.image_pasted) as signal:
        QTest.keyClick(composer, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert signal.args[0].size().width() == 64
    assert composer.toPlainText() == ""


def test_pasting_copied_files_emits_their_paths(composer: Composer, qtbot: Any, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.png")), QUrl.fromLocalFile(str(tmp_path / "b.pdf"))])
    QApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(composer.files_dropped) as signal:
        QTest.keyClick(composer, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert signal.args[0] == [tmp_path / "a.png", tmp_path / "b.pdf"]


def test_rich_text_pastes_as_plain_text(composer: Composer) -> None:
    mime = QMimeData()
    mime.setHtml("<b>bold</b> words")
    mime.setText("bold words")
    QApplication.clipboard().setMimeData(mime)
    QTest.keyClick(composer, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert composer.toPlainText() == "bold words"


def test_a_10_mb_paste_goes_in_without_freezing(composer: Composer, qtbot: Any, arun: Any) -> None:
    text = "".join(f"line {i} of a very long paste, with some words\n" for i in range(220_000))
    assert len(text) > 10_000_000
    mime = QMimeData()
    mime.setText(text)
    QApplication.clipboard().setMimeData(mime)
    gaps: list[float] = []

    async def scenario() -> None:
        import asyncio

        last = time.perf_counter()

        async def heartbeat() -> None:  # how long the event loop goes without a turn
            nonlocal last
            while True:
                await asyncio.sleep(0.005)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        beat = asyncio.ensure_future(heartbeat())
        QTest.keyClick(composer, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert composer.pasting and composer.isReadOnly()
        await wait_until(lambda: not composer.pasting, 60, "the paste to finish")
        beat.cancel()

    arun(scenario(), timeout=90)
    assert composer.toPlainText() == text.rstrip("\n") or composer.toPlainText() == text
    assert not composer.isReadOnly()
    assert max(gaps) < 0.5, f"the window froze for {max(gaps):.2f} s"


def test_text_chunks_end_at_line_ends() -> None:
    text = "a" * 10 + "\n" + "b" * 30 + "\n" + "c" * 5
    assert text_chunks(text, 8) == ["a" * 10 + "\n", "b" * 30 + "\n", "c" * 5]
    assert "".join(text_chunks(text, 3)) == text


def drop(widget: Any, mime: QMimeData) -> QDropEvent:
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event


def test_dropping_files_on_the_composer_emits_them(composer: Composer, qtbot: Any, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "x.png"))])
    with qtbot.waitSignal(composer.files_dropped) as signal:
        assert drop(composer.viewport(), mime).isAccepted()
    assert signal.args[0] == [tmp_path / "x.png"]


# -- the transcript ----------------------------------------------------------------------------------
def test_transcript_shows_thumbnails_from_the_store_only(qtbot: Any, tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    bar = AttachmentBar(store)
    qtbot.addWidget(bar)
    image = bar.add_image(make_image(600, 300))
    assert image is not None
    node = Node("c", None, [user_message_with("Look at this", [image])])
    view = TranscriptView()
    qtbot.addWidget(view)
    view.attachment_store = store
    view.show_path([node])
    name = QUrl(f"desktop-chat-attachment:{image.sha256}")
    assert f'src="desktop-chat-attachment:{image.sha256}"' in view.toHtml()
    thumb = view.document().resource(QTextDocument.ResourceType.ImageResource, name)
    assert isinstance(thumb, QImage) and thumb.width() == 240 and thumb.height() == 120
    assert view.refused_resources == []
    # other schemes and unknown hashes are still refused
    for other in ("https://example.com/x.png", "desktop-chat-attachment:" + "0" * 64, "file:///etc/passwd"):
        view.loadResource(int(QTextDocument.ResourceType.ImageResource.value), QUrl(other))
    assert len(view.refused_resources) == 3


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_text_of_a_large_paste_is_the_documents_and_follows_edits(
    composer: Composer, arun: Any, newline: str
) -> None:
    text = "".join(f"line {i}, some words{newline}" for i in range(40_000))

    async def paste() -> None:
        composer.insert_plain_text(text)
        await wait_until(lambda: not composer.pasting, 30, "the paste to finish")

    arun(paste())
    assert composer.plain_text() == composer.toPlainText()
    assert len(composer.plain_text()) > 500_000
    QTest.keyClicks(composer, "!")
    assert composer.plain_text() == composer.toPlainText() and composer.plain_text().endswith("!")
    composer.clear()
    assert composer.plain_text() == ""
