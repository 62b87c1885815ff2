"""A remote MCP server through the provider (the Responses API's hosted `mcp` tool), against the
emulator, which really connects to the clock server over Streamable HTTP on loopback: the approval
request is asked in the turn, the answer goes back as an `mcp_approval_response` (chained or replayed),
and the call's output reaches the answer — one node."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.api.events import StreamEvent
from desktop_chat.core.api.providers.responses import stream_response
from desktop_chat.core.conversation.model import ChatParams, Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.turns import TurnRunner
from desktop_chat.core.tools import mcp_config
from desktop_chat.core.tools.local_tools import Decision, listed_tools, tool_calls_view
from desktop_chat.core.tools.mcp_config import McpServer
from desktop_chat.core.tools.toolbox import McpToolbox
from desktop_chat.emulator import Emulator
from tests.core.session.test_tool_rounds import ASK, TIME, Approver, Stateless, bodies
from tests.core.session.test_turns import MemoryStore
from tests.emulator.helpers import client
from tests.mcp_servers import http_clock


@pytest.fixture(scope="module")
def clock_url() -> Iterator[str]:
    with http_clock() as url:
        yield url


def turns(
    emulator: Emulator, store: Store, mcp: McpServer, prompts: list[str], approver: Approver, **kw: Any
) -> list[Node]:
    conv = Conversation()
    tree = ConversationTree(conv.id)
    toolbox = McpToolbox(store)

    async def go() -> list[Node]:
        async with client(emulator.base_url) as sdk:

            def stream(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
                return stream_response(sdk, request)

            runner = TurnRunner(MemoryStore(), stream, toolbox=toolbox, approver=approver, **kw)
            params = ChatParams(model="gpt-4.1-mini", mcp_servers=[mcp.id])
            nodes: list[Node] = []
            for prompt in prompts:
                parent = nodes[-1].id if nodes else None
                nodes.append(await runner.run(tree, conv, parent, [user_message(prompt)], params))
            return nodes

    try:
        return asyncio.run(asyncio.wait_for(go(), 60))
    finally:
        toolbox.close()


@pytest.fixture
def store(tmp_path: Path, memory_keyring: Any) -> Iterator[Store]:
    opened = Store(tmp_path / "chats.sqlite3")
    yield opened
    opened.close()


def hosted(store: Store, url: str) -> McpServer:
    server = McpServer("clock", url=url, hosted=True, secret_names=("Authorization", "X-Team"))
    mcp_config.save_server(store, server)
    mcp_config.set_secret(server, "Authorization", "Bearer tok-123")
    mcp_config.set_secret(server, "X-Team", "blue")
    return server


def test_the_provider_asks_the_user_sends_the_approval_back_chained_and_answers(
    emulator: Emulator, store: Store, clock_url: str
) -> None:
    server = hosted(store, clock_url)
    approver = Approver()
    (node,) = turns(emulator, store, server, [ASK], approver)
    assert approver.asked == [("clock", "current_time", {"city": "Paris"})]
    assert node.status is NodeStatus.COMPLETED
    assert node.output_text.startswith(f"MCP tool current_time said: {TIME}")
    first, second = bodies(emulator)
    assert first["tools"] == [
        {
            "type": "mcp",
            "server_label": "clock",
            "server_url": clock_url,
            "require_approval": "always",
            "authorization": "tok-123",
            "headers": {"X-Team": "blue"},
        }
    ]
    request = next(i for i in node.output_items if i["type"] == "mcp_approval_request")
    assert second["previous_response_id"] and second["input"] == [
        {"type": "mcp_approval_response", "approval_request_id": request["id"], "approve": True}
    ]
    (call,) = tool_calls_view(node.output_items)
    assert (call.server, call.tool, call.output, call.state) == ("clock", "current_time", TIME, "done")
    assert listed_tools(node.output_items) == [("clock", ["current_time", "add", "crash", "wait"], "")]


def test_replayed_when_not_chained_denied_and_allowed_for_good(
    emulator: Emulator, store: Store, clock_url: str
) -> None:
    server = hosted(store, clock_url)
    (node,) = turns(emulator, store, server, [ASK], Approver(), server=Stateless())
    assert node.output_text.startswith(f"MCP tool current_time said: {TIME}")
    kinds = [item.get("type", "message") for item in bodies(emulator)[1]["input"]]
    assert kinds == ["message", "mcp_list_tools", "mcp_approval_request", "mcp_approval_response"]

    (denied,) = turns(emulator, store, server, [ASK], Approver(Decision.DENY))
    assert denied.output_text.startswith("MCP tool current_time was not approved.")
    assert tool_calls_view(denied.output_items)[0].state == "denied"

    approver = Approver(Decision.ALWAYS)
    first, second = turns(emulator, store, server, [ASK, ASK], approver)
    assert len(approver.asked) == 1  # the second turn's call was made without a question
    assert mcp_config.list_servers(store)[0].always_allowed == ("current_time",)
    assert bodies(emulator)[-1]["tools"][0]["require_approval"] == {"never": {"tool_names": ["current_time"]}}
    assert all(n.output_text.startswith(f"MCP tool current_time said: {TIME}") for n in (first, second))
