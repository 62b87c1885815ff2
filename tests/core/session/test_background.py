"""Background answers in TurnRunner, against the emulator through the SDK: a dropped or stalled stream
resumes where it stopped (the same node, no text twice), Stop cancels on the server, a closing app
leaves the answer running and a later runner reads it on; too many drops end in a clear error."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from desktop_chat.core.api.capabilities import ServerKnowledge
from desktop_chat.core.api.providers.adaptive import Route, adaptive_stream
from desktop_chat.core.api.providers.background import BackgroundApi
from desktop_chat.core.conversation.model import (
    BackgroundRun,
    ChatParams,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    user_message,
)
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.stall import StallPolicy
from desktop_chat.core.session.turns import TurnRunner
from desktop_chat.emulator import Emulator
from tests.core.session.test_turns import MemoryStore
from tests.emulator.helpers import client

BACKGROUND = ChatParams(background=True)


@pytest.fixture
def slow_emulator() -> Iterator[Emulator]:
    emu = Emulator(delay_s=0.005)
    emu.start()
    yield emu
    emu.stop()


def runner_for(sdk: Any, store: Any, **options: Any) -> TurnRunner:
    knowledge = ServerKnowledge(None, "test", sdk)  # learnt for this test only
    return TurnRunner(
        store,
        adaptive_stream(sdk, knowledge, Route()),
        background=BackgroundApi(sdk, poll_every_s=0.05),
        resume_delay_s=0.0,
        **options,
    )


def answer_of(emulator: Emulator, response_id: str) -> str:
    """The whole answer the server made (once it has made it)."""
    thread = emulator.background_job(response_id).thread
    assert thread is not None
    thread.join(10)
    response = emulator._responses[response_id]
    return str(response["output"][-1]["content"][0]["text"])


def resumes(emulator: Emulator) -> list[dict[str, str]]:
    return [r.query for r in emulator.requests if r.method == "GET" and r.query.get("stream") == "true"]


async def send(runner: TurnRunner, text: str, params: ChatParams = BACKGROUND) -> Node:
    tree = ConversationTree("c")
    return await runner.run(tree, Conversation(id="c"), None, [user_message(text)], params)


def test_a_dropped_stream_resumes_after_the_last_event_and_completes_the_same_answer(
    slow_emulator: Emulator,
) -> None:
    emulator = slow_emulator
    emulator.fail_next("drop", deltas=6)

    async def go() -> Node:
        async with client(emulator.base_url) as sdk:
            return await send(runner_for(sdk, MemoryStore()), "Tell me [[words:60]]")

    node = asyncio.run(asyncio.wait_for(go(), 30))
    assert node.status is NodeStatus.COMPLETED and node.error is None
    assert node.response_id is not None
    assert node.output_text == answer_of(emulator, node.response_id)  # whole, and nothing twice
    job = emulator.background_job(node.response_id)
    assert job.dropped_after is not None
    assert resumes(emulator) == [{"stream": "true", "starting_after": str(job.dropped_after)}]
    created = [r.body for r in emulator.requests if r.method == "POST" and r.path == "/v1/responses"]
    assert created[0] is not None
    assert created[0]["background"] is True and created[0]["stream"] is True and created[0]["store"] is True
    # read up to the event before the last (the terminal event is applied, not counted)
    assert node.background == BackgroundRun("completed", job.events[-2]["sequence_number"])


def test_a_stalled_stream_resumes_too(slow_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    emulator = slow_emulator
    emulator.fail_next("hang", deltas=3)
    policy = StallPolicy(waiting_after_s=0.2, limit_s=0.6, thinking_limit_s=0.6, check_every_s=0.05)

    async def go() -> Node:
        async with client(emulator.base_url) as sdk:
            return await send(runner_for(sdk, MemoryStore(), stall_policy=policy), "Go on [[words:40]]")

    node = asyncio.run(asyncio.wait_for(go(), 30))
    assert node.status is NodeStatus.COMPLETED
    assert node.response_id is not None
    assert node.output_text == answer_of(emulator, node.response_id)
    assert len(resumes(emulator)) == 1


def test_after_too_many_drops_the_answer_fails_with_what_arrived_and_says_so(emulator: Emulator) -> None:
    emulator.delay_s = 0.005
    emulator.fail_next("drop", deltas=2)
    emulator.fail_next("drop", endpoint="retrieve", deltas=2, times=5)

    async def go() -> Node:
        async with client(emulator.base_url) as sdk:
            return await send(runner_for(sdk, MemoryStore(), max_resumes=2), "Again [[words:80]]")

    node = asyncio.run(asyncio.wait_for(go(), 30))
    assert node.status is NodeStatus.FAILED
    assert node.error is not None and "could not be resumed after 2 tries" in node.error
    assert len(node.output_text) > 0 and node.response_id is not None
    assert answer_of(emulator, node.response_id).startswith(node.output_text)  # no text twice
    assert len(resumes(emulator)) == 2


def test_an_ordinary_stream_that_drops_is_not_resumed(emulator: Emulator) -> None:
    emulator.fail_next("drop")

    async def go() -> Node:
        async with client(emulator.base_url) as sdk:
            return await send(runner_for(sdk, MemoryStore()), "Plain [[words:40]]", ChatParams())

    node = asyncio.run(asyncio.wait_for(go(), 30))
    assert node.status is NodeStatus.FAILED and node.background is None
    assert resumes(emulator) == []


def test_stop_cancels_the_answer_on_the_server(emulator: Emulator) -> None:
    emulator.hold_streams()

    async def go() -> Node:
        async with client(emulator.base_url) as sdk:
            runner = runner_for(sdk, MemoryStore())
            tree = ConversationTree("c")
            node = runner.new_node(
                tree, Conversation(id="c"), None, [user_message("Long [[words:80]]")], BACKGROUND
            )
            task = asyncio.ensure_future(
                runner.run(tree, Conversation(id="c"), None, node.input_items, BACKGROUND, node=node)
            )
            while not node.output_text:
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            while any(not t.done() for t in runner._cancelling):
                await asyncio.sleep(0.01)
            return node

    node = asyncio.run(asyncio.wait_for(go(), 30))
    emulator.release_streams()
    assert node.status is NodeStatus.STOPPED and node.output_text
    cancels = [r for r in emulator.requests if r.method == "POST" and r.path.endswith("/cancel")]
    assert [r.path for r in cancels] == [f"/v1/responses/{node.response_id}/cancel"]
    assert node.response_id is not None
    assert emulator._responses[node.response_id]["status"] == "cancelled"


def test_a_detached_answer_stays_running_and_a_new_runner_reads_it_on(tmp_path: Any) -> None:
    emulator = Emulator(delay_s=0.01)
    emulator.start()
    store = Store(tmp_path / "chats.sqlite3")
    conversation = Conversation(id="c")
    store.save_conversation(conversation)

    async def first_run() -> Node:
        async with client(emulator.base_url) as sdk:
            runner = runner_for(sdk, store)
            tree = ConversationTree("c")
            node = runner.new_node(tree, conversation, None, [user_message("Slow [[words:80]]")], BACKGROUND)
            store.insert_node(node)
            task = asyncio.ensure_future(
                runner.run(tree, conversation, None, node.input_items, BACKGROUND, node=node)
            )
            while len(node.output_text) < 40:
                await asyncio.sleep(0.01)
            runner.detach({node.id})  # the app closes: the session saves it as it stands (not the runner)
            store.update_node(node)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            return node

    async def second_run() -> Node:
        async with client(emulator.base_url) as sdk:
            runner = runner_for(sdk, store)
            (node,) = store.load_nodes("c")
            assert node.running_in_background and node.background is not None
            return await runner.resume(ConversationTree("c", [node]), node)

    try:
        left = asyncio.run(asyncio.wait_for(first_run(), 30))
        assert left.status is NodeStatus.STREAMING and left.running_in_background
        assert store.mark_streaming_interrupted() == 0
        assert not any(r.path.endswith("/cancel") for r in emulator.requests)
        node = asyncio.run(asyncio.wait_for(second_run(), 30))
        assert node.status is NodeStatus.COMPLETED
        assert node.response_id is not None
        assert node.output_text == answer_of(emulator, node.response_id)
        assert store.load_nodes("c")[0].output_text == node.output_text
        assert len(resumes(emulator)) == 1
    finally:
        store.close()
        emulator.stop()


def test_a_server_without_background_mode_answers_as_usual() -> None:
    emulator = Emulator(quirks={"plain-model": ["refuses:background"]})
    emulator.start()

    async def go() -> Node:
        async with client(emulator.base_url) as sdk:
            return await send(
                runner_for(sdk, MemoryStore()), "Hi", ChatParams(model="plain-model", background=True)
            )

    try:
        node = asyncio.run(asyncio.wait_for(go(), 30))
    finally:
        emulator.stop()
    assert node.status is NodeStatus.COMPLETED and node.background is None
    bodies = [r.body or {} for r in emulator.requests if r.method == "POST"]
    assert "background" in bodies[0] and "background" not in bodies[-1]
    assert node.notice is not None and "background" in node.notice


def test_the_request_asks_for_background_mode_only_when_set() -> None:
    from desktop_chat.core.api.context import build_request

    tree = ConversationTree("c")
    on = build_request(tree, None, [user_message("x")], BACKGROUND, ContextMode.CHAIN)
    off = build_request(tree, None, [user_message("x")], ChatParams(), ContextMode.CHAIN)
    assert on["background"] is True and on["store"] is True
    assert "background" not in off


def test_a_server_that_will_not_stream_it_again_is_polled_and_its_whole_text_kept(emulator: Emulator) -> None:
    emulator.delay_s = 0.005
    emulator.fail_next("drop", deltas=3)
    emulator.fail_next("http_500", endpoint="retrieve")  # the stream read again: refused once

    async def go() -> Node:
        async with client(emulator.base_url) as sdk:
            return await send(runner_for(sdk, MemoryStore()), "Poll me [[words:40]]")

    node = asyncio.run(asyncio.wait_for(go(), 30))
    assert node.status is NodeStatus.COMPLETED
    assert node.response_id is not None
    assert node.output_text == answer_of(emulator, node.response_id)  # the whole text, nothing twice
    polls = [r for r in emulator.requests if r.method == "GET" and not r.query]
    assert polls and all(r.path == f"/v1/responses/{node.response_id}" for r in polls)


def test_unstreamed_background_answers_are_polled_until_done(emulator: Emulator) -> None:
    """A profile that does not stream: the server answers at once with the response queued; the
    answer is asked for until it is done (not taken for an empty one)."""
    emulator.delay_s = 0.005

    async def go() -> Node:
        async with client(emulator.base_url) as sdk:
            runner = runner_for(sdk, MemoryStore())
            runner.stream = adaptive_stream(sdk, ServerKnowledge(None, "test", sdk), Route(streaming=False))
            return await send(runner, "Whole please [[words:40]]")

    node = asyncio.run(asyncio.wait_for(go(), 30))
    assert node.status is NodeStatus.COMPLETED
    assert node.response_id is not None
    assert node.output_text and node.output_text == answer_of(emulator, node.response_id)
    created = [r.body or {} for r in emulator.requests if r.method == "POST"]
    assert created[0]["background"] is True and "stream" not in created[0]
    assert [r for r in emulator.requests if r.method == "GET"]  # polled
