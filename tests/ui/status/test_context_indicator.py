"""How the conversation is sent is said once, quietly, in the status bar (with a tooltip that
explains), and it does not flip while an answer streams; the status bar says nothing twice."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.api.backend import Backend
from desktop_chat.core.api.events import Completed, Started, StreamEvent, TextDelta
from desktop_chat.core.conversation.model import ContextMode, Usage
from tests.conftest import wait_until


class Server:
    """Answers each prompt; the second answer waits until released (to look at the window mid-stream)."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.release = asyncio.Event()

    async def __call__(self, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        self.requests.append(request)
        n = len(self.requests)
        yield Started(f"resp_{n}", "m")
        yield TextDelta("Part one.")
        if n == 2:
            await self.release.wait()
        yield Completed(f"resp_{n}", "m", Usage(input_tokens=10, output_tokens=2))


@pytest.fixture
def window(tmp_path: Path, qtbot: Any, aloop: Any) -> Iterator[Any]:
    made, _ = create_window(parse_args(["--data-dir", str(tmp_path), "--base-url", "http://127.0.0.1:9/v1"]))
    qtbot.addWidget(made)
    made.show()
    yield made
    made.close()
    made.store.close()


def visible_status_text(window: Any) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [
        label.text() for label in window.status.findChildren(QLabel) if label.isVisible() and label.text()
    ]


def send(window: Any, text: str) -> None:
    QTest.keyClicks(window.composer, text)
    QTest.mouseClick(window.composer_pane.send_button, Qt.MouseButton.LeftButton)


def test_one_quiet_indicator_says_how_the_conversation_is_sent(window: Any, arun: Any) -> None:
    server = Server()
    window.session.set_backend(
        Backend(
            server, label="Local · no key · Responses · server chain", provider="p", prefer=ContextMode.CHAIN
        )
    )
    indicator = window.status.context_indicator
    send(window, "first")
    arun(wait_until(lambda: not window.session.busy and len(server.requests) == 1))
    assert indicator.text() == "History on server" and "sends only your new prompt" in indicator.toolTip()

    send(window, "second")
    arun(wait_until(lambda: window.session.busy and "Part one." in window.transcript_pane.view.toPlainText()))
    assert indicator.text() == "History on server"  # unchanged while the answer streams
    shown = " ".join(visible_status_text(window))
    for jargon in ("server chain", "local replay"):
        assert jargon not in shown and jargon not in window.composer_pane.reply_label.text()
    server.release.set()
    arun(wait_until(lambda: not window.session.busy))
    shown_after = visible_status_text(window)
    assert sum("History" in text for text in shown_after) == 1  # said once
    assert any("2 out" in text for text in shown_after)  # the usage and cost are there

    # a server that keeps nothing: the whole branch is sent, and the tooltip says why
    window.session.set_backend(Backend(server, label="Stateless", provider="q", prefer=ContextMode.REPLAY))
    assert indicator.text() == "History sent in full" and "whole branch" in indicator.toolTip()


def test_the_status_bar_says_nothing_twice(window: Any) -> None:
    window.session.set_backend(Backend(Server(), label="127.0.0.1 · no key · Responses", provider="p"))
    model = window.session.effective_params().model
    shown = " ".join(visible_status_text(window))
    assert model not in shown  # the model is the picker's, by the composer
    assert window.composer_pane.model_picker.combo.currentText() == model
    # --base-url fixes the server: it is named once, in place of the provider picker
    assert shown.count("127.0.0.1") == 1 and not window.status.provider_picker.isVisible()
    window.status.provider_picker._fixed = None  # a window whose provider can be picked
    window.status.provider_picker.setVisible(True)
    window.session.set_backend(Backend(Server(), label="example.org · key from the keyring", provider="p"))
    shown = " ".join(visible_status_text(window))
    assert "example.org" not in shown and "example.org" in window.status.provider_picker.toolTip()
    window.session.set_backend(None, "No API key was found.")
    assert "Not connected" in visible_status_text(window)
    assert window.status.backend_label.toolTip() == "No API key was found."
