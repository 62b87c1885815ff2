"""First run: a new conversation shows example prompts (in the UI language); clicking one sends it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.api.backend import Backend
from desktop_chat.core.api.events import Completed, Started, StreamEvent, TextDelta
from desktop_chat.core.conversation.model import Usage
from desktop_chat.ui import i18n
from desktop_chat.ui.transcript.empty_state import EmptyState
from tests.conftest import wait_until


class Server:
    def __init__(self) -> None:
        self.prompts: list[str] = []

    async def __call__(self, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        self.prompts.append(request["input"][-1]["content"][0]["text"])
        yield Started("resp_1", "m")
        yield TextDelta("Here is an example.")
        yield Completed("resp_1", "m", Usage(input_tokens=10, output_tokens=2))


@pytest.fixture
def window(tmp_path: Path, qtbot: Any, aloop: Any) -> Iterator[Any]:
    made, _ = create_window(parse_args(["--data-dir", str(tmp_path), "--base-url", "http://127.0.0.1:9/v1"]))
    qtbot.addWidget(made)
    made.show()
    yield made
    made.close()
    made.store.close()


def test_a_new_conversation_offers_examples_and_one_click_sends_it(window: Any, arun: Any) -> None:
    server = Server()
    window.session.set_backend(Backend(server, label="test", provider="p"))
    pane = window.transcript_pane
    assert pane.empty_state.isVisible() and not pane.view.isVisible()
    buttons = pane.empty_state.buttons
    assert len(buttons) >= 3 and all(button.isVisible() for button in buttons)
    chosen = buttons[1].text()
    QTest.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    arun(wait_until(lambda: not window.session.busy and len(server.prompts) == 1))
    assert server.prompts == [chosen]
    assert pane.view.isVisible() and not pane.empty_state.isVisible()
    assert "Here is an example." in pane.view.toPlainText()
    window.new_conversation()
    assert pane.empty_state.isVisible()


@pytest.mark.parametrize("code", ["ko", "zh_CN"])
def test_the_examples_are_in_the_users_language(qtbot: Any, qapp: Any, code: str) -> None:
    translators = i18n.install(qapp, code)
    try:
        state = EmptyState()
        qtbot.addWidget(state)
        texts = [button.text() for button in state.buttons]
        assert texts and all(not text.isascii() for text in texts), texts
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
