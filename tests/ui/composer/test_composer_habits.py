"""Composer habits: Enter sends (Shift+Enter: new line) when the user prefers it, as the placeholder
says, and the choice is kept; the image detail and URL fields show only while an image is attached."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.core.api.backend import Backend
from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.ui.composer.attachment_bar import AttachmentBar
from desktop_chat.ui.window_prefs import WindowPrefs
from tests.conftest import wait_until
from tests.ui.conftest import RecordingServer
from tests.ui.sample_images import encoded, make_image


@pytest.fixture
def window(app_window: Any) -> Any:
    return app_window


def test_ctrl_enter_sends_by_default_and_enter_makes_a_new_line(window: Any, arun: Any) -> None:
    server = RecordingServer()
    window.session.set_backend(Backend(server, label="test", provider="p"))
    composer = window.composer
    assert "Ctrl+Enter sends" in composer.placeholderText()
    QTest.keyClicks(composer, "one")
    QTest.keyClick(composer, Qt.Key.Key_Return)
    QTest.keyClicks(composer, "two")
    assert composer.toPlainText() == "one\ntwo" and server.prompts == []
    QTest.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    arun(wait_until(lambda: len(server.prompts) == 1 and not window.session.busy))
    assert server.prompts == ["one\ntwo"]


def test_enter_sends_when_chosen_and_shift_enter_makes_a_new_line(
    window: Any, arun: Any, tmp_path: Path
) -> None:
    server = RecordingServer()
    window.session.set_backend(Backend(server, label="test", provider="p"))
    window.findChild(type(window.look.enter_sends), "action_enter_sends").trigger()
    composer = window.composer
    assert "Enter sends, Shift+Enter makes a new line" in composer.placeholderText()
    assert "Enter" in window.composer_pane.send_button.toolTip()
    QTest.keyClicks(composer, "first line")
    QTest.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(composer, "second line")
    assert composer.toPlainText() == "first line\nsecond line" and server.prompts == []
    QTest.keyClick(composer, Qt.Key.Key_Return)
    arun(wait_until(lambda: len(server.prompts) == 1 and not window.session.busy))
    assert server.prompts == ["first line\nsecond line"] and composer.toPlainText() == ""
    assert WindowPrefs(tmp_path).enter_sends  # kept for the next start


def test_image_detail_and_url_show_only_while_an_image_is_attached(qtbot: Any, tmp_path: Path) -> None:
    bar = AttachmentBar(AttachmentStore(tmp_path / "attachments"))
    qtbot.addWidget(bar)
    bar.show()
    assert not bar.detail.isVisible() and not bar.url_edit.isVisible() and bar.attach_button.isVisible()

    QTest.mouseClick(bar.link_button, Qt.MouseButton.LeftButton)  # linking an image by its URL
    assert bar.url_edit.isVisible() and bar.detail.isVisible()
    QTest.mouseClick(bar.link_button, Qt.MouseButton.LeftButton)
    assert not bar.url_edit.isVisible() and not bar.detail.isVisible()

    png = tmp_path / "cat.png"
    png.write_bytes(encoded(make_image(40, 40), "PNG"))
    bar.add_files([png])
    assert bar.detail.isVisible() and not bar.url_edit.isVisible()
    bar.clear()
    assert not bar.detail.isVisible()
