"""TurnRunner and context assembly against a scripted stream (no network, no display)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from desktop_chat.core.api.context import build_request, replay_input
from desktop_chat.core.api.events import (
    ChatError,
    Completed,
    ErrorKind,
    Failed,
    Incomplete,
    Started,
    StreamEvent,
    TextDelta,
)
from desktop_chat.core.conversation.model import (
    ChatParams,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    Usage,
    user_message,
)
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.turns import REPLAY_NOTICE, TurnRunner


class MemoryStore:
    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.writes: list[tuple[str, str, str]] = []  # (node id, status, text) at each write
        self.conversations: dict[str, Conversation] = {}

    def insert_node(self, node: Node) -> None:
        self.nodes[node.id] = node
        self.writes.append((node.id, node.status, node.output_text))

    def update_node(self, node: Node) -> None:
        self.writes.append((node.id, node.status, node.output_text))

    def save_conversation(self, conv: Conversation) -> None:
        self.conversations[conv.id] = conv


class Script:
    """A fake provider: answers each request with the next scripted list of events."""

    def __init__(self, *answers: list[StreamEvent]) -> None:
        self.answers = list(answers)
        self.requests: list[dict[str, Any]] = []
        self.gate: asyncio.Event | None = None

    async def __call__(self, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        self.requests.append(request)
        for event in self.answers.pop(0):
            if self.gate is not None and isinstance(event, TextDelta) and event.text == "<gate>":
                await self.gate.wait()
                continue
            await asyncio.sleep(0)
            yield event


BILLED = Usage(input_tokens=1000, output_tokens=2, total_tokens=1002)  # a server that saw the history


def done(rid: str, text: str, usage: Usage | None = BILLED) -> list[StreamEvent]:
    return [Started(rid, "m"), TextDelta(text), Completed(rid, "m", usage)]


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def setup() -> tuple[MemoryStore, ConversationTree, Conversation]:
    conv = Conversation()
    return MemoryStore(), ConversationTree(conv.id), conv


def test_chain_sends_only_new_input_with_previous_id_and_instructions() -> None:
    store, tree, conv = setup()
    script = Script(done("resp_1", "A1"), done("resp_2", "A2"))
    runner = TurnRunner(store, script)
    params = ChatParams(model="m", instructions="Be brief.", temperature=0.5)

    async def go() -> tuple[Node, Node]:
        first = await runner.run(tree, conv, None, [user_message("Q1")], params)
        second = await runner.run(tree, conv, first.id, [user_message("Q2")], params)
        return first, second

    first, second = run(go())
    assert script.requests[0]["input"] == [user_message("Q1")]
    assert "previous_response_id" not in script.requests[0]
    assert script.requests[1]["previous_response_id"] == "resp_1"
    assert script.requests[1]["input"] == [user_message("Q2")]
    assert all(r["instructions"] == "Be brief." and r["temperature"] == 0.5 for r in script.requests)
    assert second.status is NodeStatus.COMPLETED and second.output_text == "A2"
    assert second.usage == BILLED
    assert conv.selected_node_id == second.id
    assert [n.id for n in tree.path_to(second.id)] == [first.id, second.id]


def test_branching_from_an_earlier_node_chains_from_that_node() -> None:
    store, tree, conv = setup()
    script = Script(done("resp_1", "A1"), done("resp_2", "A2"), done("resp_3", "A3"))
    runner = TurnRunner(store, script)

    async def go() -> None:
        first = await runner.run(tree, conv, None, [user_message("Q1")], ChatParams(model="m"))
        await runner.run(tree, conv, first.id, [user_message("Q2")], ChatParams(model="m"))
        await runner.run(tree, conv, first.id, [user_message("Q2b")], ChatParams(model="m"))

    run(go())
    assert script.requests[2]["previous_response_id"] == "resp_1"
    root = tree.roots()[0]
    assert [c.user_text for c in tree.children(root.id)] == ["Q2", "Q2b"]


def test_previous_response_not_found_replays_the_path_once_with_a_notice() -> None:
    store, tree, conv = setup()
    lost: list[StreamEvent] = [
        Failed(ChatError(ErrorKind.PREVIOUS_NOT_FOUND, "gone", 400, "previous_response_not_found"))
    ]
    script = Script(done("resp_1", "A1"), lost, done("resp_3", "A2"))
    runner = TurnRunner(store, script)

    async def go() -> Node:
        first = await runner.run(tree, conv, None, [user_message("Q1")], ChatParams(model="m"))
        return await runner.run(tree, conv, first.id, [user_message("Q2")], ChatParams(model="m"))

    node = run(go())
    assert len(script.requests) == 3
    replay = script.requests[2]
    assert "previous_response_id" not in replay
    assert replay["input"] == [
        user_message("Q1"),
        {"type": "message", "role": "assistant", "content": "A1"},
        user_message("Q2"),
    ]
    assert node.status is NodeStatus.COMPLETED and node.output_text == "A2"
    assert node.context_mode is ContextMode.REPLAY and node.notice == REPLAY_NOTICE
    assert node.error is None


def test_replay_is_not_retried_twice() -> None:
    store, tree, conv = setup()
    lost: list[StreamEvent] = [
        Failed(ChatError(ErrorKind.PREVIOUS_NOT_FOUND, "gone", 400, "previous_response_not_found"))
    ]
    script = Script(done("resp_1", "A1"), lost, lost)
    runner = TurnRunner(store, script)

    async def go() -> Node:
        first = await runner.run(tree, conv, None, [user_message("Q1")], ChatParams(model="m"))
        return await runner.run(tree, conv, first.id, [user_message("Q2")], ChatParams(model="m"))

    node = run(go())
    assert len(script.requests) == 3
    assert node.status is NodeStatus.FAILED and node.error == "gone"


def test_a_failed_parent_is_never_context_nor_chained_from() -> None:
    store, tree, conv = setup()
    failed: list[StreamEvent] = [
        Started("resp_x", "m"),
        TextDelta("partial"),
        Failed(ChatError(ErrorKind.SERVER, "boom")),
    ]
    script = Script(done("resp_1", "A1"), failed, done("resp_3", "A3"))
    runner = TurnRunner(store, script)

    async def go() -> Node:
        first = await runner.run(tree, conv, None, [user_message("Q1")], ChatParams(model="m"))
        bad = await runner.run(tree, conv, first.id, [user_message("Q2")], ChatParams(model="m"))
        assert bad.status is NodeStatus.FAILED and bad.output_text == "partial"
        assert bad.error == "boom"
        return await runner.run(tree, conv, bad.id, [user_message("Q3")], ChatParams(model="m"))

    run(go())
    # chained from the turn above the failed one: its response id, only the new prompt
    assert script.requests[2]["previous_response_id"] == "resp_1"
    assert script.requests[2]["input"] == [user_message("Q3")]


def test_a_stopped_parent_with_text_is_continued_by_replay_without_failed_turns() -> None:
    store, tree, conv = setup()
    stopped: list[StreamEvent] = [Started("resp_s", "m"), TextDelta("half")]  # ends without a terminal
    failed: list[StreamEvent] = [Failed(ChatError(ErrorKind.SERVER, "boom"))]
    script = Script(stopped, failed, done("resp_3", "A3"))
    runner = TurnRunner(store, script)

    async def go() -> Node:
        first = await runner.run(tree, conv, None, [user_message("Q1")], ChatParams(model="m"))
        assert first.status is NodeStatus.STOPPED
        bad = await runner.run(tree, conv, first.id, [user_message("Q2")], ChatParams(model="m"))
        return await runner.run(tree, conv, bad.id, [user_message("Q3")], ChatParams(model="m"))

    node = run(go())
    assert "previous_response_id" not in script.requests[2]
    assert node.context_mode is ContextMode.REPLAY
    assert script.requests[2]["input"] == [
        user_message("Q1"),
        {"type": "message", "role": "assistant", "content": "half"},
        user_message("Q3"),
    ]


def test_incomplete_keeps_text_and_says_why() -> None:
    store, tree, conv = setup()
    events: list[StreamEvent] = [
        Started("r", "m"),
        TextDelta("cut"),
        Incomplete("r", "max_output_tokens", None, "limit hit"),
    ]
    runner = TurnRunner(store, Script(events))
    node = run(runner.run(tree, conv, None, [user_message("Q")], ChatParams(model="m")))
    assert (node.status, node.output_text, node.error) == (NodeStatus.INCOMPLETE, "cut", "limit hit")


def test_stop_keeps_partial_text_and_persists_it() -> None:
    store, tree, conv = setup()
    script = Script([Started("r", "m"), TextDelta("part one "), TextDelta("<gate>"), TextDelta("never")])
    script.gate = asyncio.Event()
    runner = TurnRunner(store, script)

    async def go() -> Node:
        task = asyncio.ensure_future(runner.run(tree, conv, None, [user_message("Q")], ChatParams(model="m")))
        while not tree.nodes() or tree.nodes()[0].output_text != "part one ":
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return tree.nodes()[0]

    node = run(go())
    assert node.status is NodeStatus.STOPPED and node.output_text == "part one "
    assert store.writes[-1] == (node.id, NodeStatus.STOPPED, "part one ")


def test_streaming_text_is_persisted_while_it_grows() -> None:
    store, tree, conv = setup()
    events: list[StreamEvent] = [Started("r", "m")]
    events += [TextDelta("x") for _ in range(50)]
    events.append(Completed("r", "m", None))
    runner = TurnRunner(store, Script(events), persist_interval_s=0.0)
    node = run(runner.run(tree, conv, None, [user_message("Q")], ChatParams(model="m")))
    streaming_writes = [w for w in store.writes if w[1] == NodeStatus.STREAMING and w[2]]
    assert len(streaming_writes) >= 10
    assert store.writes[-1] == (node.id, NodeStatus.COMPLETED, "x" * 50)


class Listener:
    """Records what the window would be told: (call, text, status)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, NodeStatus]] = []

    def turn_started(self, node: Node) -> None:
        self.calls.append(("started", node.output_text, node.status))

    def turn_progress(self, node: Node) -> None:
        self.calls.append(("progress", node.output_text, node.status))

    def turn_activity(self, node: Node, text: str) -> None:
        self.calls.append(("activity", text, node.status))

    def turn_finished(self, node: Node) -> None:
        self.calls.append(("finished", node.output_text, node.status))


def test_a_burst_of_deltas_is_told_whole_before_the_stream_waits_in_a_few_calls() -> None:
    store, tree, conv = setup()
    gate = asyncio.Event()
    waiting = asyncio.Event()

    async def bursts(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        yield Started("r", "m")
        for _ in range(500):  # read in one turn of the loop, as a fast server's deltas are
            yield TextDelta("ab")
        waiting.set()
        await gate.wait()
        yield TextDelta("c")
        yield Completed("r", "m", None)

    listener = Listener()
    runner = TurnRunner(store, bursts, listener)

    async def go() -> Node:
        task = asyncio.ensure_future(runner.run(tree, conv, None, [user_message("Q")], ChatParams(model="m")))
        await asyncio.wait_for(waiting.wait(), 5)
        for _ in range(100):  # a few loop turns at most
            if listener.calls[-1] == ("progress", "ab" * 500, NodeStatus.STREAMING):
                break
            await asyncio.sleep(0)
        told = [call for call in listener.calls if call[0] == "progress"]
        assert told[-1] == ("progress", "ab" * 500, NodeStatus.STREAMING)  # nothing left untold
        assert len(told) <= 4  # not once per delta
        gate.set()
        return await task

    node = run(go())
    assert node.output_text == "ab" * 500 + "c"
    assert listener.calls[-1] == ("finished", "ab" * 500 + "c", NodeStatus.COMPLETED)
    # the end was told as it came, and nothing was told after the turn finished
    assert ("progress", "ab" * 500 + "c", NodeStatus.COMPLETED) in listener.calls[-3:-1]


@pytest.mark.parametrize("end", ["stop", "crash"])
def test_a_turn_ended_in_a_burst_tells_what_arrived_before_it_finishes_and_nothing_after(end: str) -> None:
    store, tree, conv = setup()

    async def ended_in_a_burst(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        yield Started("r", "m")
        for _ in range(100):
            yield TextDelta("x")
        if end == "crash":  # in the same loop turn as the burst
            raise RuntimeError("the provider broke")
        task = asyncio.current_task()
        assert task is not None
        task.cancel()  # Stop
        await asyncio.Event().wait()
        yield TextDelta("never")

    listener = Listener()
    runner = TurnRunner(store, ended_in_a_burst, listener)

    async def go() -> None:
        with pytest.raises(asyncio.CancelledError if end == "stop" else RuntimeError):
            await runner.run(tree, conv, None, [user_message("Q")], ChatParams(model="m"))
        for _ in range(3):
            await asyncio.sleep(0)  # a notice still queued would arrive now

    run(go())
    assert listener.calls[-1] == ("finished", "x" * 100, NodeStatus.STOPPED)
    told = [call for call in listener.calls if call[0] == "progress"]
    assert told[-1][1] == "x" * 100 and len(told) <= 3


def test_build_request_replay_skips_failed_and_empty_turns_and_sets_params() -> None:
    conv = Conversation()
    tree = ConversationTree(conv.id)
    a = Node(conv.id, None, [user_message("Q1")], output_text="A1", status=NodeStatus.COMPLETED)
    b = Node(conv.id, a.id, [user_message("Q2")], output_text="", status=NodeStatus.COMPLETED)  # empty
    c = Node(conv.id, b.id, [user_message("Q3")], output_text="x", status=NodeStatus.FAILED)
    for node in (a, b, c):
        tree.insert(node)
    params = ChatParams(model="m", top_p=0.9, max_output_tokens=100)
    request = build_request(tree, c.id, [user_message("Q4")], params, ContextMode.REPLAY)
    assert request["input"] == [
        user_message("Q1"),
        {"type": "message", "role": "assistant", "content": "A1"},
        user_message("Q4"),
    ]
    assert request["top_p"] == 0.9 and request["max_output_tokens"] == 100
    assert "instructions" not in request and "temperature" not in request
    assert replay_input([], [user_message("x")]) == [user_message("x")]


def test_a_turn_on_another_provider_replays_then_chains_on_that_one() -> None:
    store, tree, conv = setup()
    script = Script(done("resp_a", "A1"), done("resp_b", "B1"), done("resp_b2", "B2"))
    on_a = TurnRunner(store, script, provider="server-a")
    on_b = TurnRunner(store, script, provider="server-b")

    async def go() -> tuple[Node, Node, Node]:
        first = await on_a.run(tree, conv, None, [user_message("Q1")], ChatParams(model="m"))
        moved = await on_b.run(tree, conv, first.id, [user_message("Q2")], ChatParams(model="m"))
        chained = await on_b.run(tree, conv, moved.id, [user_message("Q3")], ChatParams(model="m"))
        return first, moved, chained

    first, moved, chained = run(go())
    assert first.params["provider"] == "server-a" and moved.params["provider"] == "server-b"
    # resp_a means nothing to server B: the path goes along instead
    assert "previous_response_id" not in script.requests[1]
    assert script.requests[1]["input"][0] == user_message("Q1")
    assert moved.context_mode is ContextMode.REPLAY and moved.notice is None
    assert script.requests[2]["previous_response_id"] == "resp_b"
    assert chained.context_mode is ContextMode.CHAIN
    # a provider's parameter never reaches the server, and a runner without one chains as before
    assert all("provider" not in r for r in script.requests)
