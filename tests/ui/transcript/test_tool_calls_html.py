"""The local tool calls of a turn as the transcript draws them: escaped, with the user's choice only
while a call waits, its result collapsed until opened."""

from __future__ import annotations

from typing import Any

from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.core.tools.local_tools import FunctionCall, output_item
from desktop_chat.ui.transcript.tool_calls_html import local_tools_html, opened_key, parse_decision

CALL = {"type": "function_call", "call_id": "call_1", "name": "lookup", "arguments": '{"q": "<b>x</b>"}'}


def node(*items: dict[str, Any], status: NodeStatus = NodeStatus.STREAMING) -> Node:
    return Node("c", None, [], output_items=list(items), status=status)


def test_a_waiting_call_shows_its_arguments_escaped_and_the_three_choices(qapp: Any) -> None:
    html = local_tools_html(node(CALL), waiting={"call_1": "docs <srv>"})
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "docs &lt;srv&gt;" in html
    for decision in ("once", "always", "deny"):
        assert f'href="tool-call:{decision}/call_1"' in html
    assert parse_decision("always/call_1") == ("always", "call_1")
    # not waiting (being run) while streaming; not run when the turn ended first
    assert "tool-call:" not in local_tools_html(node(CALL)) and "Running…" in local_tools_html(node(CALL))
    assert "Not run" in local_tools_html(node(CALL, status=NodeStatus.STOPPED))


def test_results_are_collapsed_until_opened_and_denials_say_so(qapp: Any) -> None:
    call = FunctionCall("call_1", "lookup", "{}")
    done = node(
        CALL, output_item(call, "<i>found</i>", {"server": "docs", "tool": "lookup", "state": "done"})
    )
    closed = local_tools_html(done)
    assert "Tool lookup of docs" in closed and "Result ▸" in closed and "found" not in closed
    opened = local_tools_html(done, opened={"call_1"})
    assert "Result ▾" in opened and "&lt;i&gt;found&lt;/i&gt;" in opened
    assert opened_key(done, {"call_1", "other"}) == ("call_1",)
    denied = node(CALL, output_item(call, "The user denied this tool call.", {"state": "denied"}))
    assert "Denied" in local_tools_html(denied) and "Result" not in local_tools_html(denied)
    assert local_tools_html(node()) == ""
