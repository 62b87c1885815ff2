"""The hosted `mcp` tool: the emulated server connects to the MCP server a request names (Streamable
HTTP, with the official `mcp` SDK — tests run one on loopback), lists its tools and calls them.

Like the real server: the first request that offers a server lists its tools (an `mcp_list_tools`
item; later requests that carry the list in their context do not list again). A tool the last user
message names is called; unless `require_approval` says "never" for it, the response ends with an
`mcp_approval_request` instead, and the call is made when a next request brings an
`mcp_approval_response` that approves it (an `mcp_call` item with its output, quoted by the answer).
A server that cannot be reached is an `mcp_list_tools` item with an `error`.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

from desktop_chat.emulator.answers import JSON, message_text
from desktop_chat.emulator.wire import EventStream, chunks, new_id

TIMEOUT_S = 15.0
CALL_LINE = "MCP tool {name} said: {output}"
DENIED_LINE = "MCP tool {name} was not approved."


async def _with_client(url: str, headers: dict[str, str], work: Any) -> Any:
    import httpx2
    from mcp import Client
    from mcp.client.streamable_http import streamable_http_client

    async with (
        httpx2.AsyncClient(headers=headers, timeout=TIMEOUT_S) as http,
        Client(streamable_http_client(url, http_client=http), read_timeout_seconds=TIMEOUT_S) as client,
    ):
        return await work(client)


def _run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, TIMEOUT_S))


def _headers(tool: JSON) -> dict[str, str]:
    headers = {str(k): str(v) for k, v in (tool.get("headers") or {}).items()}
    if tool.get("authorization"):
        headers["Authorization"] = f"Bearer {tool['authorization']}"
    return headers


def list_tools(tool: JSON) -> tuple[list[JSON], str | None]:
    """(the server's tools as the API lists them, an error)."""

    async def work(client: Any) -> list[JSON]:
        listed = await client.list_tools()
        return [
            {"name": t.name, "description": t.description, "input_schema": dict(t.input_schema or {})}
            for t in listed.tools
        ]

    try:
        tools: list[JSON] = _run(_with_client(str(tool.get("server_url")), _headers(tool), work))
    except Exception as exc:  # any failure is the item's error
        return [], f"Could not list the tools of {tool.get('server_label')}: {type(exc).__name__}"
    allowed = tool.get("allowed_tools")
    names = allowed.get("tool_names") if isinstance(allowed, dict) else allowed
    if isinstance(names, list):
        tools = [t for t in tools if t["name"] in names]
    return tools, None


def call_tool(tool: JSON, name: str, arguments: str) -> tuple[str | None, JSON | None]:
    """(the call's output text, an error object)."""

    async def work(client: Any) -> Any:
        return await client.call_tool(name, json.loads(arguments or "{}"))

    try:
        result = _run(_with_client(str(tool.get("server_url")), _headers(tool), work))
    except Exception as exc:  # the call's error
        return None, {"type": "mcp_protocol_error", "code": -32000, "message": f"{type(exc).__name__}: {exc}"}
    text = "\n".join(str(getattr(b, "text", "")) for b in result.content if getattr(b, "type", "") == "text")
    if result.is_error:
        return None, {"type": "mcp_tool_execution_error", "content": text}
    return text, None


def _needs_approval(tool: JSON, name: str) -> bool:
    rule = tool.get("require_approval", "always")
    if rule == "never":
        return False
    if isinstance(rule, dict):
        never = (rule.get("never") or {}).get("tool_names") or []
        return name not in never
    return True


class HostedMcp:
    """What the request's `mcp` tools do in this response: items before the answer, lines in it."""

    def __init__(self, body: JSON, context: list[JSON], chunk_chars: int) -> None:
        self.chunk_chars = chunk_chars
        self.items: list[JSON] = []  # done items, in order
        self.lines: list[str] = []
        self.waiting = False  # an approval request ends the response (no message)
        servers = [t for t in body.get("tools") or [] if isinstance(t, dict) and t.get("type") == "mcp"]
        if not servers:
            return
        listed = {str(i.get("server_label")): i for i in context if i.get("type") == "mcp_list_tools"}
        requests = {str(i.get("id")): i for i in context if i.get("type") == "mcp_approval_request"}
        users = [
            k
            for k, i in enumerate(context)
            if i.get("type", "message") == "message" and i.get("role") == "user"
        ]
        recent = context[users[-1] + 1 :] if users else context
        responses = [i for i in recent if i.get("type") == "mcp_approval_response"]
        text = message_text(context[users[-1]]) if users else ""
        by_label = {str(t.get("server_label")): t for t in servers}
        for label, tool in by_label.items():
            if label not in listed:
                tools, error = list_tools(tool)
                item: JSON = {
                    "id": new_id("mcpl"),
                    "type": "mcp_list_tools",
                    "server_label": label,
                    "tools": tools,
                }
                if error:
                    item["error"] = error
                    self.lines.append(error)
                self.items.append(item)
                listed[label] = item
        if responses:  # the user's answers to earlier approval requests: the approved calls run now
            for response in responses:
                request = requests.get(str(response.get("approval_request_id")))
                server = by_label.get(str((request or {}).get("server_label")))
                if request is None or server is None:
                    continue
                if response.get("approve"):
                    self._call(server, str(request["name"]), str(request["arguments"]), str(request["id"]))
                else:
                    self.lines.append(DENIED_LINE.format(name=request["name"]))
            return
        for label, tool in by_label.items():
            for offered in listed[label].get("tools") or []:
                name = str(offered.get("name"))
                match = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])\s*(\{{[^{{}}]*\}})?", text)
                if match is None:
                    continue
                arguments = match.group(1) or "{}"
                if _needs_approval(tool, name):
                    self.items.append(
                        {
                            "id": new_id("mcpr"),
                            "type": "mcp_approval_request",
                            "server_label": label,
                            "name": name,
                            "arguments": arguments,
                        }
                    )
                    self.waiting = True
                else:
                    self._call(tool, name, arguments, None)

    def _call(self, tool: JSON, name: str, arguments: str, approval: str | None) -> None:
        output, error = call_tool(tool, name, arguments)
        self.items.append(
            {
                "id": new_id("mcp"),
                "type": "mcp_call",
                "server_label": tool.get("server_label"),
                "name": name,
                "arguments": arguments,
                "output": output,
                "error": error,
                "status": "failed" if error else "completed",
                "approval_request_id": approval,
            }
        )
        shown = output if error is None else json.dumps(error)
        self.lines.append(CALL_LINE.format(name=name, output=shown))

    def answer_prefix(self) -> str:
        return "\n\n".join(self.lines)

    def stream(self, out: EventStream, index: int) -> int:
        """Each item's events from output index `index`; the next free index."""
        for item in self.items:
            kind = item["type"]
            at = {"item_id": item["id"], "output_index": index}
            if kind == "mcp_list_tools":
                out.event("response.output_item.added", output_index=index, item={**item, "tools": []})
                out.event("response.mcp_list_tools.in_progress", **at)
                out.event(
                    "response.mcp_list_tools.failed"
                    if item.get("error")
                    else "response.mcp_list_tools.completed",
                    **at,
                )
            elif kind == "mcp_call":
                started = {**item, "output": None, "error": None, "status": "in_progress", "arguments": ""}
                out.event("response.output_item.added", output_index=index, item=started)
                out.event("response.mcp_call.in_progress", **at)
                for piece in chunks(item["arguments"], self.chunk_chars):
                    out.event("response.mcp_call_arguments.delta", **at, delta=piece)
                out.event("response.mcp_call_arguments.done", **at, arguments=item["arguments"])
                out.event(
                    "response.mcp_call.failed" if item.get("error") else "response.mcp_call.completed", **at
                )
            else:
                out.event("response.output_item.added", output_index=index, item=item)
            out.event("response.output_item.done", output_index=index, item=item)
            out.pause(gate=False)
            index += 1
        return index
