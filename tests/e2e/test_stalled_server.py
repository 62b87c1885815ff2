"""A server that goes quiet mid-answer, as the user sees it: "Waiting for the server…" under the answer,
then a clear failure with what arrived kept, and Retry answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.conversation.model import NodeStatus
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App

pytestmark = pytest.mark.e2e


def test_the_window_shows_waiting_then_the_failure_and_retry_works(
    emulator: Any, tmp_path: Path, qtbot: Any, arun: Any, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-stall-test")
    monkeypatch.setenv("DESKTOP_CHAT_STALL_S", "3")  # "waiting" after 1.5 s, given up at 3 s

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        window = app.window
        emulator.fail_next("hang")  # this answer only: part of it, then silence
        app.type_and_send("Tell me [[words:30]]")
        await wait_until(lambda: window.tree is not None and len(window.tree) == 1, 10, "the turn")
        await wait_until(
            lambda: window.transcript_pane.view.activity_text() == "Waiting for the server…", 10, "waiting"
        )
        await wait_until(lambda: window.active is None, 10, "the turn to be given up")
        node = window.tree.get(window.selected_node_id())
        assert node.status is NodeStatus.FAILED and node.output_text
        assert "sent nothing for 3 s" in app.transcript()
        assert window.composer_pane.retry_button.isEnabled()
        window.composer_pane.retry_button.click()
        await wait_until(lambda: window.active is None and len(window.tree) == 2, 15, "the retry")
        retried = window.tree.get(window.selected_node_id())
        assert retried.status is NodeStatus.COMPLETED
        await app.close()

    arun(scenario(), timeout=60)
