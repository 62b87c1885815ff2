"""A turn that calls a local MCP server's tool, against the emulator and the real clock server
(tests/mcp_servers): the user is asked with the arguments shown, the tool runs, its output goes back
(chained to the response, or replayed with the calls), and the answer uses it — all in one node."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.api.events import StreamEvent
from desktop_chat.core.api.providers.chat import stream_chat
from desktop_chat.core.api.providers.responses import stream_response
from desktop_chat.core.conversation.model import ChatParams, Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.tool_rounds import DENIED_OUTPUT
from desktop_chat.core.session.turns import TurnRunner
from desktop_chat.core.tools.local_tools import Decision, FunctionCall, ToolSet, tool_calls_view
from desktop_chat.core.tools.mcp_config import McpServer
from desktop_chat.core.tools.mcp_host import McpHost, McpTool, ToolOutcome
from desktop_chat.emulator import Emulator
from tests.core.session.test_turns import MemoryStore
from tests.emulator.helpers import client

CLOCK = str(Path(__file__).parents[2] / "mcp_servers" / "clock_server.py")
SERVER = McpServer("clock", sys.executable, (CLOCK,))
TIME = "It is 2026-12-02T09:30:00+09:00 in Paris."


class Toolbox:
    """The clock server's tools on a real McpHost; "always" remembered in memory."""

    def __init__(self, host: McpHost) -> None:
        self.host = host
        self.allowed: set[str] = set()

    async def toolset(self, server_ids: list[str]) -> ToolSet:
        tools = ToolSet()
        for tool in await self.host.tools(SERVER, {}):
            tools.add(tool)
        return tools

    async def run(self, tool: McpTool, arguments: dict[str, Any]) -> ToolOutcome:
        return await self.host.call(tool.server_id, tool.name, arguments)

    def always_allowed(self, tool: McpTool) -> bool:
        return tool.name in self.allowed

    def allow_always(self, tool: McpTool) -> None:
        self.allowed.add(tool.name)

    def close(self) -> None:
        pass


class Approver:
    def __init__(self, decision: Decision = Decision.ONCE) -> None:
        self.decision = decision
        self.asked: list[tuple[str, str, dict[str, Any]]] = []  # (server, tool, arguments)

    async def approve(self, node: Node, call: FunctionCall, tool: McpTool) -> Decision:
        self.asked.append((tool.server_name, tool.name, call.parsed_arguments()))
        return self.decision


class Stateless:
    """What the runner knows of a server that keeps no responses."""

    def stateless(self, model: str) -> bool:
        return True

    def learn(self, model: str | None, note: str = "", **values: Any) -> None:
        pass

    async def probe_state(self, model: str) -> bool | None:
        return False


@pytest.fixture(scope="module")
def host() -> Iterator[McpHost]:
    mcp = McpHost(call_timeout_s=5)
    yield mcp
    mcp.close()


def bodies(emulator: Emulator, path: str = "/v1/responses") -> list[dict[str, Any]]:
    return [r.body for r in emulator.requests if r.path == path and r.body is not None]


def turn(
    emulator: Emulator,
    host: McpHost,
    prompts: list[str],
    approver: Approver,
    *,
    chat: bool = False,
    server: Any = None,
) -> tuple[list[Node], ConversationTree]:
    """Send prompts one after the other (each continuing from the last) and return their nodes."""
    store, conv = MemoryStore(), Conversation()
    tree = ConversationTree(conv.id)

    async def go() -> list[Node]:
        async with client(emulator.base_url) as sdk:

            def stream(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
                return stream_chat(sdk, request) if chat else stream_response(sdk, request)

            runner = TurnRunner(store, stream, toolbox=Toolbox(host), approver=approver, server=server)
            params = ChatParams(model="gpt-4.1-mini", mcp_servers=[SERVER.id])
            nodes: list[Node] = []
            for prompt in prompts:
                parent = nodes[-1].id if nodes else None
                nodes.append(await runner.run(tree, conv, parent, [user_message(prompt)], params))
            return nodes

    return asyncio.run(asyncio.wait_for(go(), 60)), tree


ASK = 'What time is it? current_time {"city": "Paris"}'


def test_a_chained_tool_turn_asks_runs_sends_the_output_back_and_answers_in_one_node(
    emulator: Emulator, host: McpHost
) -> None:
    approver = Approver()
    (node,), tree = turn(emulator, host, [ASK], approver)
    assert approver.asked == [("clock", "current_time", {"city": "Paris"})]
    assert node.status is NodeStatus.COMPLETED and len(tree) == 1
    assert node.output_text.startswith(f"Tool current_time said: {TIME}")
    first, second = bodies(emulator)
    assert {t["name"] for t in first["tools"]} == {"current_time", "add", "crash", "wait"}
    assert all(t["type"] == "function" for t in first["tools"])
    call = next(i for i in node.output_items if i["type"] == "function_call")
    assert second["previous_response_id"] and second["input"] == [
        {"type": "function_call_output", "call_id": call["call_id"], "output": TIME}
    ]
    (view,) = tool_calls_view(node.output_items)
    assert (view.server, view.tool, view.output, view.state) == ("clock", "current_time", TIME, "done")
    assert node.previous_response_id is None  # what the turn itself chained from (it was the first)


def test_without_chaining_the_outputs_are_replayed_with_the_calls_and_the_next_turn_carries_them(
    emulator: Emulator, host: McpHost
) -> None:
    approver = Approver()
    (first, second), _ = turn(emulator, host, [ASK, "thanks"], approver, server=Stateless())
    assert first.output_text.startswith(f"Tool current_time said: {TIME}")
    sent = bodies(emulator)
    assert all("previous_response_id" not in body for body in sent)
    kinds = [item.get("type", "message") for item in sent[1]["input"]]
    assert kinds == ["message", "function_call", "function_call_output"]
    # the next turn's replay carries the call and its output before the answer (the emulator refuses
    # an output without its call, or a call without its output)
    replay = [item.get("type", "message") for item in sent[2]["input"]]
    assert replay == ["message", "function_call", "function_call_output", "message", "message"]
    assert second.status is NodeStatus.COMPLETED and "thanks" in second.output_text


def test_chat_completions_servers_get_the_tools_and_the_outputs_as_tool_messages(
    emulator: Emulator, host: McpHost
) -> None:
    (node,), _ = turn(emulator, host, ['add {"a": 2, "b": 3}'], Approver(), chat=True)
    assert node.status is NodeStatus.COMPLETED
    assert node.output_text.startswith("Tool add said: 5")
    first, second = bodies(emulator, "/v1/chat/completions")
    assert {t["function"]["name"] for t in first["tools"]} >= {"add"}
    assert [m["role"] for m in second["messages"]] == ["user", "assistant", "tool"]
    assert second["messages"][2]["content"] == "5"


def test_a_denied_call_tells_the_model_and_always_allowed_tools_are_not_asked_again(
    emulator: Emulator, host: McpHost
) -> None:
    (node,), _ = turn(emulator, host, [ASK], Approver(Decision.DENY))
    assert node.output_text.startswith(f"Tool current_time said: {DENIED_OUTPUT}")
    assert tool_calls_view(node.output_items)[0].state == "denied"

    approver = Approver(Decision.ALWAYS)
    nodes, _ = turn(emulator, host, [ASK, ASK], approver)
    assert len(approver.asked) == 1  # the second call of the same tool ran without asking
    assert all(n.output_text.startswith(f"Tool current_time said: {TIME}") for n in nodes)


def test_a_server_that_crashes_during_a_call_is_a_clear_message_not_a_hang(
    emulator: Emulator, host: McpHost
) -> None:
    (node,), _ = turn(emulator, host, ["crash"], Approver())
    expected = "The MCP server “clock” stopped: clock: crashing on purpose"
    assert node.status is NodeStatus.COMPLETED
    assert node.notice is not None and expected in node.notice
    assert node.output_text.startswith(f"Tool crash said: Error: {expected}")
    # the next turn starts the server again
    (after,), _ = turn(emulator, host, [ASK], Approver())
    assert after.output_text.startswith(f"Tool current_time said: {TIME}")


def test_a_call_that_takes_too_long_times_out(emulator: Emulator, host: McpHost) -> None:
    (node,), _ = turn(emulator, host, ['wait {"seconds": 30}'], Approver())
    assert "did not answer within 5 s" in (node.notice or "")
    assert json.loads(next(i for i in node.output_items if i["type"] == "function_call")["arguments"]) == {
        "seconds": 30
    }


def test_stop_while_a_call_waits_for_the_user_stops_the_turn_and_forgets_the_question(
    emulator: Emulator, host: McpHost
) -> None:
    from desktop_chat.core.session.approvals import ToolApprovals
    from desktop_chat.core.session.events import SessionEvents

    events = SessionEvents()
    approvals = ToolApprovals(events)
    told: list[str] = []
    store, conv = MemoryStore(), Conversation()
    tree = ConversationTree(conv.id)

    async def go() -> Node:
        asked = asyncio.Event()
        events.tool_approval.connect(lambda event: (told.append(event.call_id), asked.set()))
        async with client(emulator.base_url) as sdk:
            runner = TurnRunner(
                store, lambda r: stream_response(sdk, r), toolbox=Toolbox(host), approver=approvals
            )
            params = ChatParams(model="gpt-4.1-mini", mcp_servers=[SERVER.id])
            task = asyncio.ensure_future(runner.run(tree, conv, None, [user_message(ASK)], params))
            await asyncio.wait_for(asked.wait(), 20)  # the question is asked: the turn waits for the user
            node = next(iter(store.nodes.values()))
            assert approvals.pending_calls(node.id) == {told[0]: "clock"}
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            return node

    node = asyncio.run(asyncio.wait_for(go(), 30))
    assert node.status is NodeStatus.STOPPED and approvals.pending == {}
    assert len(told) == 2 and told[0] == told[1]  # asked, then no longer waiting
    assert not approvals.decide(told[0], Decision.ONCE)  # a late click does nothing
    (view,) = tool_calls_view(node.output_items)
    assert view.state == "pending" and view.output is None  # shown as not run


def test_a_server_that_ignores_the_chain_gets_the_round_again_with_the_calls_replayed(host: McpHost) -> None:
    with Emulator(mode="ignore_previous") as ignoring:
        (node,), _ = turn(ignoring, host, [ASK], Approver())
        assert node.status is NodeStatus.COMPLETED and node.error is None
        assert node.output_text.startswith(f"Tool current_time said: {TIME}")
        first, chained, replayed = bodies(ignoring)
        assert "previous_response_id" not in first  # a first turn
        assert chained["previous_response_id"] and "previous_response_id" not in replayed
        kinds = [item.get("type", "message") for item in replayed["input"]]
        assert kinds == ["message", "function_call", "function_call_output"]
