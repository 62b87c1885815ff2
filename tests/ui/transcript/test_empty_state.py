"""First run: a new conversation shows example prompts (in the UI language); clicking one sends it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.core.api.backend import Backend
from desktop_chat.ui import i18n
from desktop_chat.ui.transcript.empty_state import EmptyState
from tests.conftest import wait_until
from tests.ui.conftest import RecordingServer


@pytest.fixture
def window(app_window: Any) -> Any:
    return app_window


def test_a_new_conversation_offers_examples_and_one_click_sends_it(window: Any, arun: Any) -> None:
    server = RecordingServer("Here is an example.")
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
