"""Function tools (the client's own tools): when the emulated model calls one, and what it answers
once the outputs came back.

The rule is deterministic: a request that offers `function` tools, whose last user message names one
of them (its name as a word, e.g. "current_time"), gets a call of each tool named, instead of an
answer. The arguments are the JSON object right after the name when there is one
(`add {"a": 2, "b": 3}`), else each required property filled in (numbers 1, 2, …; strings "test").
When the context after the last user message holds the outputs, the answer starts by quoting them
(``Tool current_time said: …``). Calls and outputs are checked as the real server checks them: an
output without its call, or a call without its output, is a 400.
"""

from __future__ import annotations

import json
import re
from typing import Any

from desktop_chat.emulator.answers import JSON, message_text
from desktop_chat.emulator.wire import ApiError, new_id

TOOL_LINE = "Tool {name} said: {output}"


def function_tools(tools: Any, chat: bool = False) -> list[JSON]:
    """The function tools of a request as {name, parameters} (Chat Completions nests them)."""
    found: list[JSON] = []
    for tool in tools or []:
        if not isinstance(tool, dict) or tool.get("type") != "function":
            continue
        spec = tool.get("function") if chat else tool
        if isinstance(spec, dict) and spec.get("name"):
            found.append({"name": str(spec["name"]), "parameters": spec.get("parameters") or {}})
    return found


def check_calls_and_outputs(context: list[JSON]) -> None:
    """400s for what the real server refuses: an output for no call, a call left without an output."""
    calls = [str(i.get("call_id")) for i in context if i.get("type") == "function_call"]
    outputs = [str(i.get("call_id")) for i in context if i.get("type") == "function_call_output"]
    for call_id in outputs:
        if call_id not in calls:
            raise ApiError(
                400, f"No tool call found for function call output with call_id {call_id}.", param="input"
            )
    for call_id in calls:
        if call_id not in outputs:
            raise ApiError(400, f"No tool output found for function call {call_id}.", param="input")


def _since_last_user(context: list[JSON]) -> list[JSON]:
    last = max(
        (
            k
            for k, i in enumerate(context)
            if i.get("type", "message") == "message" and i.get("role") == "user"
        ),
        default=-1,
    )
    return context[last + 1 :]


def _default_arguments(parameters: JSON) -> JSON:
    properties = parameters.get("properties") if isinstance(parameters.get("properties"), dict) else {}
    arguments: JSON = {}
    number = 1
    for key in parameters.get("required") or []:
        kind = (properties or {}).get(key, {}).get("type")
        if kind in ("integer", "number"):
            arguments[key], number = number, number + 1
        elif kind == "boolean":
            arguments[key] = True
        else:
            arguments[key] = "test"
    return arguments


def planned_calls(tools: list[JSON], context: list[JSON]) -> list[JSON]:
    """The calls the model makes now, as {name, arguments (JSON text)} (none once outputs came back)."""
    if not tools or any(i.get("type") == "function_call_output" for i in _since_last_user(context)):
        return []
    users = [i for i in context if i.get("type", "message") == "message" and i.get("role") == "user"]
    text = message_text(users[-1]) if users else ""
    calls: list[JSON] = []
    for tool in tools:
        name = tool["name"]
        match = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])\s*(\{{[^{{}}]*\}})?", text)
        if match is None:
            continue
        arguments: Any = None
        if match.group(1):
            try:
                arguments = json.loads(match.group(1))
            except ValueError:
                arguments = None
        if not isinstance(arguments, dict):
            arguments = _default_arguments(tool["parameters"])
        calls.append({"name": name, "arguments": json.dumps(arguments, ensure_ascii=False)})
    return calls


def call_items(calls: list[JSON], done: bool = True) -> list[JSON]:
    """Responses API `function_call` output items for planned calls (ids made once, by the caller)."""
    return [
        {
            "id": call.setdefault("id", new_id("fc")),
            "type": "function_call",
            "status": "completed" if done else "in_progress",
            "call_id": call.setdefault("call_id", new_id("call")),
            "name": call["name"],
            "arguments": call["arguments"] if done else "",
        }
        for call in calls
    ]


def tool_lines(context: list[JSON]) -> str:
    """What the outputs sent back since the last user message said, one line per call ('' if none)."""
    recent = _since_last_user(context)
    names = {str(i.get("call_id")): str(i.get("name")) for i in context if i.get("type") == "function_call"}
    lines = []
    for item in recent:
        if item.get("type") == "function_call_output":
            output = item.get("output")
            if isinstance(output, list):
                output = " ".join(str(p.get("text", "")) for p in output if isinstance(p, dict))
            name = names.get(str(item.get("call_id")), "?")
            lines.append(TOOL_LINE.format(name=name, output=str(output)))
    return "\n\n".join(lines)
