"""The model is at hand: a picker next to the composer, filled from the server's list, free entry,
reachable from the keyboard, stored per conversation; the reasoning effort only for models that reason."""

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
from tests.conftest import wait_until


class Server:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []

    async def __call__(self, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        self.requests.append(request)
        yield Started(f"resp_{len(self.requests)}", str(request.get("model")))
        yield TextDelta("Noted.")
        yield Completed(f"resp_{len(self.requests)}", "m", Usage(input_tokens=10, output_tokens=2))

    async def models(self) -> list[str]:
        return ["served-b", "served-a", "o4-mini"]


@pytest.fixture
def window(tmp_path: Path, qtbot: Any, aloop: Any) -> Iterator[Any]:
    made, _ = create_window(parse_args(["--data-dir", str(tmp_path), "--base-url", "http://127.0.0.1:9/v1"]))
    qtbot.addWidget(made)
    made.show()
    yield made
    made.close()
    made.store.close()


def send(window: Any, text: str) -> None:
    QTest.keyClicks(window.composer, text)
    QTest.mouseClick(window.composer_pane.send_button, Qt.MouseButton.LeftButton)


def test_the_picker_lists_the_servers_models_and_the_chosen_one_is_sent_and_kept(
    window: Any, arun: Any
) -> None:
    server = Server()
    window.session.set_backend(Backend(server, list_models=server.models, label="test", provider="p"))
    picker = window.composer_pane.model_picker
    arun(wait_until(lambda: picker.models() == ["o4-mini", "served-a", "served-b"], what="models listed"))
    assert picker.combo.accessibleName() == "Model" and picker.combo.isVisible()

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_M, ctrl_shift)
    assert picker.combo.hasFocus()
    picker.combo.setCurrentIndex(picker.combo.findText("served-a"))
    picker.combo.activated.emit(picker.combo.currentIndex())
    assert not picker.effort.isVisible()  # not a reasoning model
    assert picker.combo.currentText() == "served-a"
    assert window.session.effective_params().model == "served-a"

    send(window, "first")
    arun(wait_until(lambda: not window.session.busy and len(server.requests) == 1))
    assert server.requests[0]["model"] == "served-a"
    first = window.session.conversation.id
    assert window.session.conversation.params_override["model"] == "served-a"

    # another conversation keeps its own model: a free name typed in
    window.new_conversation()
    picker.combo.lineEdit().selectAll()
    QTest.keyClicks(picker.combo.lineEdit(), "my-local-model")
    QTest.keyClick(picker.combo.lineEdit(), Qt.Key.Key_Return)
    send(window, "second")
    arun(wait_until(lambda: not window.session.busy and len(server.requests) == 2))
    assert server.requests[1]["model"] == "my-local-model"

    window.session.open_conversation(first)
    assert picker.combo.currentText() == "served-a"


def test_reasoning_effort_is_offered_for_reasoning_models_only_and_sent(window: Any, arun: Any) -> None:
    server = Server()
    window.session.set_backend(Backend(server, label="test", provider="p"))
    picker = window.composer_pane.model_picker
    picker.combo.lineEdit().selectAll()
    QTest.keyClicks(picker.combo.lineEdit(), "o4-mini")
    QTest.keyClick(picker.combo.lineEdit(), Qt.Key.Key_Return)
    assert picker.effort.isVisible() and picker.effort.accessibleName() == "Reasoning effort"
    picker.effort.setCurrentIndex(picker.effort.findData("high"))
    picker.effort.activated.emit(picker.effort.currentIndex())
    send(window, "think")
    arun(wait_until(lambda: not window.session.busy and len(server.requests) == 1))
    request = server.requests[0]
    assert request["model"] == "o4-mini" and request["reasoning"]["effort"] == "high"
