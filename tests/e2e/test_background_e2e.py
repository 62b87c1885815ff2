"""Background mode in the real window against the emulator: a stream that drops mid-answer resumes
into the same answer (the whole text, once), and an answer still running when the window closes is
picked up when the app opens again on the same data folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.conversation.model import NodeStatus
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App, env  # noqa: F401
from tests.e2e.test_rich_e2e import open_settings

pytestmark = pytest.mark.e2e


def whole_answer(emulator: Any, response_id: str) -> str:
    """The answer the server made, once it has made it."""
    thread = emulator.background_job(response_id).thread
    thread.join(15)
    return str(emulator._responses[response_id]["output"][-1]["content"][0]["text"])


def resumed_streams(emulator: Any) -> list[dict[str, str]]:
    return [r.query for r in emulator.requests if r.method == "GET" and r.query.get("stream") == "true"]


async def with_background_mode(app: App) -> None:
    await open_settings(app, {"settings_background": True})
    task = app.connector._task
    if task is not None:  # the settings change builds the back end again
        await task
    assert app.window.session.effective_params().background


def test_a_dropped_stream_resumes_into_the_same_answer_once(
    env: None,  # noqa: F811
    emulator: Any,
    tmp_path: Path,
    qtbot: Any,
    arun: Any,
) -> None:
    emulator.delay_s = 0.005

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await with_background_mode(app)
        emulator.fail_next("drop", deltas=8)  # the connection closes after eight text deltas
        node = await app.send("Tell me about trees [[words:80]]", timeout=30)
        assert node.status is NodeStatus.COMPLETED and node.error is None
        assert node.response_id is not None
        answer = whole_answer(emulator, node.response_id)
        assert node.output_text == answer
        tail = answer.split()[-6:]
        assert app.transcript().count(" ".join(tail)) == 1  # shown once, not twice from the drop on
        assert "Demo answer from the local emulator." in app.transcript()
        dropped_after = emulator.background_job(node.response_id).dropped_after
        assert dropped_after is not None
        assert resumed_streams(emulator) == [{"stream": "true", "starting_after": str(dropped_after)}]
        created = [r.body for r in emulator.requests if r.method == "POST" and r.path.endswith("/responses")]
        assert created[-1] is not None and created[-1]["background"] is True
        assert len(app.window.tree) == 1  # the same node, not a retry
        await app.close()

    arun(scenario(), timeout=90)


def test_an_answer_running_when_the_window_closes_finishes_after_reopening(
    env: None,  # noqa: F811
    emulator: Any,
    tmp_path: Path,
    qtbot: Any,
    arun: Any,
) -> None:
    emulator.delay_s = 0.03  # a slow answer: several seconds

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await with_background_mode(app)
        app.type_and_send("Think it over slowly [[words:120]]")
        await wait_until(lambda: app.node_count() == 1, 10, "the turn")
        node = app.window.tree.get(app.window.selected_node_id())
        await wait_until(lambda: len(node.output_text) > 60, 15, "part of the answer")
        view = app.window.transcript_pane.view
        await wait_until(lambda: "Running in the background · 0:0" in app.transcript(), 5, "the clock")
        assert view.elapsed_text().startswith("Running in the background · 0:0")
        await app.close()
        assert not any(r.path.endswith("/cancel") for r in emulator.requests)  # closing is not Stop
        response_id = node.response_id
        assert response_id is not None
        assert emulator.background_job(response_id).done is False  # still being made on the server

        again = App(tmp_path, emulator.base_url, qtbot)
        reopened = again.window.tree.get(node.id)
        assert reopened.status is NodeStatus.STREAMING and reopened.running_in_background
        kept = reopened.output_text
        assert reopened.background is not None and reopened.background.after is not None
        read_to = reopened.background.after  # saved with the text as it streamed
        await again.connect()
        await wait_until(lambda: reopened.status.finished, 30, "the answer to finish after reopening")
        assert reopened.status is NodeStatus.COMPLETED
        assert reopened.output_text == whole_answer(emulator, response_id)
        assert reopened.output_text.startswith(kept)
        assert resumed_streams(emulator) == [{"stream": "true", "starting_after": str(read_to)}]
        await wait_until(lambda: again.window.active is None, 10, "the turn to end")
        assert "Think it over slowly" in again.transcript()
        assert again.transcript().count(" ".join(reopened.output_text.split()[-6:])) == 1
        await again.close()

    arun(scenario(), timeout=120)


def test_stop_cancels_a_background_answer_on_the_server_too(
    env: None,  # noqa: F811
    emulator: Any,
    tmp_path: Path,
    qtbot: Any,
    arun: Any,
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await with_background_mode(app)
        emulator.hold_streams()
        app.type_and_send("A long story [[words:300]]")
        await wait_until(lambda: app.node_count() == 1, 10, "the turn")
        node = app.window.tree.get(app.window.selected_node_id())
        await wait_until(lambda: node.output_text != "", 10, "the first delta")
        app.window.composer_pane.stop_button.click()
        cancel = f"/v1/responses/{node.response_id}/cancel"
        await wait_until(lambda: any(r.path == cancel for r in emulator.requests), 10, "the cancel request")
        emulator.release_streams()
        await wait_until(lambda: app.window.active is None, 10, "the turn to stop")
        assert node.status is NodeStatus.STOPPED and node.output_text
        assert "Stopped" in app.transcript()
        await wait_until(
            lambda: emulator._responses[node.response_id]["status"] == "cancelled", 10, "cancelled"
        )
        await app.close()

    arun(scenario(), timeout=60)


def test_the_app_killed_mid_answer_reads_its_background_answer_on_when_started_again(
    emulator: Any, tmp_path: Path
) -> None:
    """The real app process: SIGKILLed while a background answer streams, started again on the same
    data folder, it reads the answer on from what it had saved and finishes it."""
    import os
    import signal

    from desktop_chat.core.config.paths import database_path
    from desktop_chat.core.config.settings import save_default_params
    from desktop_chat.core.conversation.model import ChatParams
    from desktop_chat.core.conversation.store import Store
    from tests.e2e.test_process import AppProcess

    store = Store(database_path(tmp_path))
    save_default_params(store, ChatParams(background=True))
    store.close()
    where = ["--data-dir", str(tmp_path), "--base-url", emulator.base_url]
    key = {"OPENAI_API_KEY": "sk-process-test"}
    app = AppProcess(*where, "--send", "Write at length [[words:1500]] [[delay:3]]", env=key)
    try:
        app.wait_line(r"turn_progress node=\w+ chars=([2-9]\d{3}|\d{5,})", timeout=60)
        os.kill(app.proc.pid, signal.SIGKILL)
    finally:
        app.stop()
    store = Store(database_path(tmp_path))
    [conversation] = store.list_conversations()
    [left] = store.load_nodes(conversation.id)
    store.close()
    assert left.running_in_background and left.background is not None and left.background.after
    assert left.response_id is not None and emulator.background_job(left.response_id).done is False

    again = AppProcess(*where, env=key)
    try:
        again.wait_line(rf"turn_finished node={left.id} status=completed", timeout=90)
        again.proc.send_signal(signal.SIGTERM)
        assert again.proc.wait(15) == 0
    finally:
        again.stop()
    store = Store(database_path(tmp_path))
    [node] = store.load_nodes(conversation.id)
    store.close()
    assert node.status is NodeStatus.COMPLETED
    assert node.output_text == whole_answer(emulator, left.response_id)  # whole, nothing twice
    assert node.output_text.startswith(left.output_text)
    assert resumed_streams(emulator) == [{"stream": "true", "starting_after": str(left.background.after)}]
