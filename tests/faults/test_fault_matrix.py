"""Every server and network fault, streaming and not: a specific message, nothing lost, Retry works.

Streaming faults go through the real window (composer, Ctrl+Enter, the Retry button); the calls that
do not stream (compacting a branch, opening a response by id) are driven through `ui.tree_actions`.
The server side is the local emulator with queued faults.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.ui.tree import tree_actions
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App

pytestmark = pytest.mark.e2e

SDK_ATTEMPTS = 3  # the client retries 408/409/429/5xx twice: a fault queued 3 times reaches the user

# fault -> (times queued, words the user must see in the message)
STREAM_CASES: dict[str, tuple[int, tuple[str, ...]]] = {
    "drop": (1, ("connection", "dropped")),
    "hang": (1, ("timed out",)),
    "http_429": (SDK_ATTEMPTS, ("429", "wait 0.2 s")),
    # a streamed 500 is asked again unstreamed (a gateway's stream can fail where a whole answer works)
    "http_500": (2 * SDK_ATTEMPTS, ("server had an error", "HTTP 500, server_error")),
    "http_503": (SDK_ATTEMPTS, ("server had an error", "overloaded")),
    "malformed": (1, ("could not read",)),
    "error_nested": (1, ("server had an error",)),
    "error_flat": (1, ("server had an error",)),
    "http_401": (1, ("rejected the API key",)),
    "http_404_model": (1, ("model was not found",)),
    "unsupported_tool": (1, ("is not supported", "web search")),
    "context_length": (1, ("too long for this model",)),
}

# the HTTP faults the non-streaming calls can meet
CALL_CASES: dict[str, tuple[int, tuple[str, ...]]] = {
    "http_401": (1, ("API key",)),
    "http_404_model": (1, ("model",)),
    "http_429": (SDK_ATTEMPTS, ("429",)),
    "http_500": (SDK_ATTEMPTS, ("server",)),
    "http_503": (SDK_ATTEMPTS, ("server",)),
    "context_length": (1, ("too long",)),
}
# a 404 on GET /v1/responses/{id} means the id is unknown, whatever the body says
OPEN_CASES = {**CALL_CASES, "http_404_model": (1, ("no stored response",))}


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-fault-matrix-0123456789")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setenv("DESKTOP_CHAT_READ_TIMEOUT", "1.0")  # a silent stream counts as hung after 1 s


def creates(emulator: Any) -> list[Any]:
    return [r for r in emulator.requests if r.method == "POST" and r.path.endswith("/responses")]


@pytest.mark.parametrize("fault", sorted(STREAM_CASES))
def test_a_streaming_fault_ends_in_a_specific_message_and_retry_works(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any, fault: str
) -> None:
    times, words = STREAM_CASES[fault]
    extra = {"retry_after": 0.2} if fault == "http_429" else {}

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        before = await app.send("Before the fault")
        assert before.status is NodeStatus.COMPLETED
        kept = (before.output_text, before.response_id)

        emulator.fail_next(fault, times=times, **extra)
        sent = len(creates(emulator))
        failed = await app.send("Please answer [[words:200]]", timeout=30)
        assert len(creates(emulator)) - sent == times  # the SDK's own retries, then the user is told
        assert failed.status is NodeStatus.FAILED, (failed.status, failed.error)
        message = (failed.error or "").lower()
        for word in words:
            assert word.lower() in message, (word, failed.error)
        assert words[0].lower() in app.transcript().lower()
        assert not app.window.banner.isVisible() or "crashed" not in app.window.banner.text()

        # nothing lost: the prompt, any partial text and the earlier answer are on disk
        [conversation] = app.window.store.list_conversations()
        saved = {n.id: n for n in app.window.store.load_nodes(conversation.id)}
        assert (saved[before.id].output_text, saved[before.id].response_id) == kept
        assert saved[failed.id].status is NodeStatus.FAILED
        assert saved[failed.id].user_text == "Please answer [[words:200]]"
        assert saved[failed.id].output_text == failed.output_text

        # Retry (the button under the transcript) asks again as a sibling, which now succeeds
        assert app.window.selected_node_id() == failed.id
        assert (
            app.window.composer_pane.retry_button.isEnabled()
            and app.window.composer_pane.retry_button.text() == "Retry"
        )
        count = app.node_count()
        QTest.mouseClick(app.window.composer_pane.retry_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: app.node_count() == count + 1, 10, "the retried node")
        await wait_until(lambda: app.window.active is None, 30, "the retry to finish")
        retried = app.window.tree.get(app.window.selected_node_id())
        assert retried.id != failed.id and retried.parent_id == failed.parent_id == before.id
        assert retried.status is NodeStatus.COMPLETED and "You said: Please answer" in retried.output_text
        assert app.window.tree.get(failed.id).status is NodeStatus.FAILED  # the failure stays visible
        await app.close()

    arun(scenario(), timeout=120)


def test_one_429_is_retried_after_the_servers_wait_and_then_succeeds(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    import time

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        emulator.fail_next("http_429", retry_after=0.6)
        started = time.monotonic()
        node = await app.send("Hello once more", timeout=30)
        elapsed = time.monotonic() - started
        assert node.status is NodeStatus.COMPLETED and node.error is None
        assert len(creates(emulator)) == 2
        assert elapsed >= 0.6  # the SDK waited as long as the server asked (retry-after-ms)
        await app.close()

    arun(scenario(), timeout=60)


@pytest.mark.parametrize("fault", sorted(CALL_CASES))
def test_a_fault_while_compacting_says_what_happened_and_compacting_again_works(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any, fault: str
) -> None:
    times, words = CALL_CASES[fault]

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await app.send("One")
        await app.send("Two")
        emulator.fail_next(fault, times=times, endpoint="compact", retry_after=0.1)
        assert await tree_actions.compact_selected(app.window) is None
        banner = app.window.banner.text()
        assert banner.startswith("Compacting failed:")
        for word in words:
            assert word.lower() in banner.lower(), (word, banner)
        assert app.node_count() == 2
        compacted = await tree_actions.compact_selected(app.window)
        assert compacted is not None and app.node_count() == 3
        await app.close()

    arun(scenario(), timeout=60)


@pytest.mark.parametrize("fault", sorted(OPEN_CASES))
def test_a_fault_while_opening_by_id_says_what_happened_and_opening_again_works(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any, fault: str
) -> None:
    from desktop_chat.core.api import remote

    times, words = OPEN_CASES[fault]

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        answer = await app.send("Keep me")
        conversations = app.window.conversations.conversation_model.rowCount()
        emulator.fail_next(fault, times=times, endpoint="retrieve", retry_after=0.1)
        with pytest.raises(remote.RemoteError) as raised:
            await tree_actions.open_by_id(app.window, answer.response_id)
        for word in words:
            assert word.lower() in raised.value.user_message.lower(), (word, raised.value.user_message)
        assert app.window.conversations.conversation_model.rowCount() == conversations  # nothing half-opened
        opened = await tree_actions.open_by_id(app.window, answer.response_id)
        assert app.window.conversation is not None and app.window.conversation.id == opened.id
        await app.close()

    arun(scenario(), timeout=60)
