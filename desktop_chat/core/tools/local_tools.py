"""Tools that run on this computer (MCP servers' tools) as the model sees them: `function` tools.

A turn with local tools is one node however many rounds it takes: the model answers with
`function_call` items, the app asks the user, runs the calls and sends `function_call_output` items
back (chained to the last response, or replayed with the calls), until the model answers in text.
The node's `output_items` keep every round's items in order, each call followed by its output; an
output the app made carries a `desktop_chat` note (which server and tool, allowed or denied, failed)
that is removed before anything is sent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from desktop_chat.core.conversation.model import JSON, Node
from desktop_chat.core.tools.mcp_host import McpTool, ToolOutcome

NOTE_KEY = "desktop_chat"  # the app's own note on a function_call_output item (never sent)
_NAME_CHARS = re.compile(r"[^A-Za-z0-9_-]")
NAME_LIMIT = 64


class Decision(StrEnum):
    ONCE = "once"  # allow this call
    ALWAYS = "always"  # allow this call and every later call of the same tool
    DENY = "deny"


@dataclass(frozen=True)
class FunctionCall:
    """A `function_call` item of an answer: which function, with which arguments (JSON text)."""

    call_id: str
    name: str
    arguments: str

    def parsed_arguments(self) -> dict[str, Any]:
        """The arguments as an object; ValueError when they are not a JSON object."""
        value = json.loads(self.arguments or "{}")
        if not isinstance(value, dict):
            raise ValueError("the arguments are not a JSON object")
        return value


@dataclass
class ToolSet:
    """The local tools one turn offers the model, by the function name the model sees."""

    tools: dict[str, McpTool] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # servers that could not start, said plainly
    hosted: list[JSON] = field(default_factory=list)  # `mcp` tools the provider connects to
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)  # their server_label -> (id, name)

    def hosted_tool(self, label: str, name: str) -> McpTool | None:
        """A tool of a server the provider connects to, by its server_label (None: not offered)."""
        if label not in self.labels:
            return None
        server_id, server_name = self.labels[label]
        return McpTool(server_id, server_name, name, "", {})

    def add(self, tool: McpTool) -> None:
        self.tools[function_name(tool, self.tools)] = tool

    def specs(self) -> list[JSON]:
        """The `function` tools of a Responses request, then the hosted `mcp` ones."""
        return self.hosted + [
            {
                "type": "function",
                "name": name,
                "description": _description(tool),
                "parameters": tool.input_schema or {"type": "object", "properties": {}},
                "strict": False,
            }
            for name, tool in self.tools.items()
        ]


def _description(tool: McpTool) -> str:
    return f"{tool.description} (from the MCP server “{tool.server_name}”)".strip()


def function_name(tool: McpTool, taken: Iterable[str]) -> str:
    """The name the model calls a tool by: the tool's own name where it is a valid function name and
    not taken, else the server's name and the tool's, joined (at most 64 characters)."""
    taken = set(taken)
    plain = _NAME_CHARS.sub("_", tool.name)[:NAME_LIMIT]
    if plain and plain not in taken:
        return plain
    prefixed = _NAME_CHARS.sub("_", f"{tool.server_name}__{tool.name}")[:NAME_LIMIT]
    name, k = prefixed, 2
    while name in taken:
        suffix = f"_{k}"
        name, k = prefixed[: NAME_LIMIT - len(suffix)] + suffix, k + 1
    return name


def with_functions(request: dict[str, Any], tools: ToolSet) -> dict[str, Any]:
    """The request with the local tools added to its (hosted) tools."""
    specs = tools.specs()
    if not specs:
        return request
    return {**request, "tools": [*(request.get("tools") or []), *specs]}


CALL_TYPES = ("function_call", "mcp_approval_request")  # what the app answers before the model goes on


def calls_of(items: list[JSON]) -> list[tuple[FunctionCall, str]]:
    """The function calls and the hosted MCP calls awaiting approval among output items, in order,
    each with its kind (the approval request's id stands for a call id, its server_label beside it)."""
    found: list[tuple[FunctionCall, str]] = []
    for item in items:
        if item.get("type") == "function_call":
            found.append((_call(item), ""))
        elif item.get("type") == "mcp_approval_request":
            call = FunctionCall(
                str(item.get("id") or ""), str(item.get("name") or ""), str(item.get("arguments") or "")
            )
            found.append((call, str(item.get("server_label") or "")))
    return found


def _call(item: JSON) -> FunctionCall:
    return FunctionCall(
        str(item.get("call_id") or ""), str(item.get("name") or ""), str(item.get("arguments") or "")
    )


def approval_item(request_id: str, approve: bool, note: JSON) -> JSON:
    """The `mcp_approval_response` kept in the node (with the app's note)."""
    return {
        "type": "mcp_approval_response",
        "approval_request_id": request_id,
        "approve": approve,
        NOTE_KEY: note,
    }


def function_calls_of(items: list[JSON]) -> list[FunctionCall]:
    """The function calls among output items, in order."""
    return [
        FunctionCall(
            str(item.get("call_id") or ""), str(item.get("name") or ""), str(item.get("arguments") or "")
        )
        for item in items
        if item.get("type") == "function_call"
    ]


def output_item(call: FunctionCall, text: str, note: JSON) -> JSON:
    """The `function_call_output` kept in the node (with the app's note)."""
    return {"type": "function_call_output", "call_id": call.call_id, "output": text, NOTE_KEY: note}


def sendable(item: JSON) -> JSON:
    """An item as it may be sent back: without the app's note, a call without its status."""
    if item.get("type") == "mcp_approval_response":
        keys = ("type", "approval_request_id", "approve")
        return {key: item.get(key) for key in keys}
    if item.get("type") == "function_call_output":
        return {
            "type": "function_call_output",
            "call_id": item.get("call_id"),
            "output": item.get("output", ""),
        }
    return {k: v for k, v in item.items() if k != NOTE_KEY}


def outcome_text(outcome: ToolOutcome) -> str:
    return f"Error: {outcome.text}" if outcome.is_error else outcome.text


def replay_items(node: Node) -> list[JSON]:
    """A finished turn's function calls and their outputs as input items of a later replay (calls
    that got no output, e.g. when the user stopped the turn, are left out: the API refuses them)."""
    answered = {
        str(item.get("call_id")) for item in node.output_items if item.get("type") == "function_call_output"
    }
    items: list[JSON] = []
    for item in node.output_items:
        kind = item.get("type")
        if kind == "function_call" and str(item.get("call_id")) in answered:
            items.append(
                {
                    "type": "function_call",
                    "call_id": item.get("call_id"),
                    "name": item.get("name"),
                    "arguments": item.get("arguments") or "{}",
                }
            )
        elif kind == "function_call_output":
            items.append(sendable(item))
    return items


@dataclass(frozen=True)
class ToolCallView:
    """One local tool call of a turn, for the transcript: what was called, with what, and what came back."""

    call: FunctionCall
    server: str  # the MCP server's name ("" when unknown)
    tool: str
    output: str | None  # None while it has not run
    state: str  # "pending", "done", "denied" or "failed"


def tool_calls_view(items: list[JSON]) -> list[ToolCallView]:
    """The turn's tool calls in order: local function calls, and hosted MCP calls (waiting for
    approval, denied, or made, with their output)."""
    outputs = {str(i.get("call_id")): i for i in items if i.get("type") == "function_call_output"}
    answers = {
        str(i.get("approval_request_id")): i for i in items if i.get("type") == "mcp_approval_response"
    }
    made = {str(i.get("approval_request_id")) for i in items if i.get("type") == "mcp_call"}
    views: list[ToolCallView] = []
    for item in items:
        kind = item.get("type")
        if kind == "function_call":
            call = _call(item)
            out = outputs.get(call.call_id)
            note = (out or {}).get(NOTE_KEY) or {}
            state = "pending" if out is None else str(note.get("state") or "done")
            output = None if out is None else str(out.get("output") or "")
            views.append(
                ToolCallView(
                    call, str(note.get("server") or ""), str(note.get("tool") or call.name), output, state
                )
            )
        elif kind == "mcp_approval_request" and str(item.get("id")) not in made:
            call = FunctionCall(str(item.get("id")), str(item.get("name")), str(item.get("arguments") or ""))
            answer = answers.get(call.call_id)
            state = "pending" if answer is None or answer.get("approve") else "denied"
            views.append(ToolCallView(call, str(item.get("server_label") or ""), call.name, None, state))
        elif kind == "mcp_call":
            call = FunctionCall(str(item.get("id")), str(item.get("name")), str(item.get("arguments") or ""))
            error = item.get("error")
            output = str(item.get("output") or "") if not error else json.dumps(error, ensure_ascii=False)
            state = "failed" if error else "done"
            views.append(ToolCallView(call, str(item.get("server_label") or ""), call.name, output, state))
    return views


def listed_tools(items: list[JSON]) -> list[tuple[str, list[str], str]]:
    """(server_label, tool names, error) of each `mcp_list_tools` item."""
    return [
        (
            str(i.get("server_label") or ""),
            [str(t.get("name")) for t in i.get("tools") or [] if isinstance(t, dict)],
            str(i.get("error") or ""),
        )
        for i in items
        if i.get("type") == "mcp_list_tools"
    ]


class Toolbox(Protocol):
    """Where a turn's local tools come from and how they run (core.tools.toolbox.McpToolbox)."""

    async def toolset(self, server_ids: list[str]) -> ToolSet: ...
    async def run(self, tool: McpTool, arguments: dict[str, Any]) -> ToolOutcome: ...
    def always_allowed(self, tool: McpTool) -> bool: ...
    def allow_always(self, tool: McpTool) -> None: ...
    def close(self) -> None: ...


class Approver(Protocol):
    """Who decides whether a call runs (the user, in the transcript: core.session.approvals)."""

    async def approve(self, node: Node, call: FunctionCall, tool: McpTool) -> Decision: ...
