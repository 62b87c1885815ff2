"""The Chat Completions back end, for servers without `/v1/responses` (Ollama, LM Studio, vLLM, …).

`stream_chat` takes the same Responses-style request `core.context.build_request` makes and yields the
same domain events as `responses.stream_response`. A chat server keeps no state, so the caller sends
the whole path (replay mode): a `previous_response_id` never reaches the server. The completion's id
is not a stored response, so `Started`/`Completed` carry no response id (nothing can chain from it).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import openai

from desktop_chat.core.api.events import (
    ChatError,
    Completed,
    ErrorKind,
    Failed,
    Incomplete,
    Notice,
    Started,
    StreamEvent,
    TextDelta,
)
from desktop_chat.core.api.providers.errors import error_from_exception
from desktop_chat.core.api.providers.responses import (
    INCOMPLETE_MESSAGES,
    Pacer,
    connection_closed,
    read_usage,
    sdk_arguments,
)
from desktop_chat.core.conversation.model import JSON, Usage

if TYPE_CHECKING:
    from openai import AsyncOpenAI

TOOLS_DROPPED = (
    "Hosted tools (web search, file search, code interpreter) need the Responses API; this server "
    "speaks Chat Completions only, so the question was sent without them."
)
LOGPROBS_INCLUDE = "message.output_text.logprobs"
FINISH_REASONS = {"length": "max_output_tokens", "content_filter": "content_filter"}
CHAINING_REFUSED = (
    "This server speaks Chat Completions only and keeps no earlier answers, so a conversation cannot "
    "continue from a stored response; it is sent again from the local history."
)


def _text_part(part: JSON, role: str) -> JSON | None:
    kind = part.get("type")
    if kind in ("input_text", "output_text", "text"):
        return {"type": "text", "text": str(part.get("text", ""))}
    if kind == "input_image" and role == "user":
        url = part.get("image_url")
        if not url:
            return None  # a file_id image: a chat server cannot fetch it
        image: JSON = {"url": url}
        if part.get("detail") in ("low", "high", "auto"):
            image["detail"] = part["detail"]
        return {"type": "image_url", "image_url": image}
    if kind == "input_file" and role == "user" and part.get("file_data"):
        file: JSON = {"file_data": part["file_data"]}
        if part.get("filename"):
            file["filename"] = part["filename"]
        return {"type": "file", "file": file}
    return None


def chat_message(item: JSON) -> JSON | None:
    """One Responses input item as a chat message (None for items a chat server has no use for)."""
    if item.get("type", "message") != "message":
        return None
    role = str(item.get("role", "user"))
    role = "system" if role == "developer" else role
    content = item.get("content")
    if isinstance(content, str):
        return {"role": role, "content": content}
    parts = [p for p in (_text_part(part, role) for part in content or [] if isinstance(part, dict)) if p]
    if role != "user" or all(p["type"] == "text" for p in parts):
        # assistant and system messages take plain text; so does a text-only user message
        return {"role": role, "content": "\n".join(p["text"] for p in parts if p["type"] == "text")}
    return {"role": role, "content": parts}


def chat_messages(items: list[Any]) -> list[JSON]:
    """Responses input items as chat messages: function calls become an assistant message's
    `tool_calls` (consecutive calls share one), their outputs `tool` messages."""
    messages: list[JSON] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        kind = item.get("type", "message")
        if kind == "function_call":
            call = {
                "id": str(item.get("call_id")),
                "type": "function",
                "function": {"name": str(item.get("name")), "arguments": str(item.get("arguments") or "{}")},
            }
            last = messages[-1] if messages else None
            if last is not None and last.get("role") == "assistant" and "tool_calls" in last:
                last["tool_calls"].append(call)
            else:
                messages.append({"role": "assistant", "content": None, "tool_calls": [call]})
        elif kind == "function_call_output":
            output = item.get("output")
            text = output if isinstance(output, str) else json.dumps(output, ensure_ascii=False)
            messages.append({"role": "tool", "tool_call_id": str(item.get("call_id")), "content": text})
        else:
            message = chat_message(item)
            if message is not None:
                messages.append(message)
    return messages


def function_tools(request: dict[str, Any]) -> list[JSON]:
    """The request's `function` tools in the Chat Completions shape."""
    tools: list[JSON] = []
    for tool in request.get("tools") or []:
        if isinstance(tool, dict) and tool.get("type") == "function":
            spec = {
                k: tool[k] for k in ("name", "description", "parameters", "strict") if tool.get(k) is not None
            }
            tools.append({"type": "function", "function": spec})
    return tools


def hosted_tools(request: dict[str, Any]) -> bool:
    return any(isinstance(t, dict) and t.get("type") != "function" for t in request.get("tools") or [])


def chat_request(request: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for `client.chat.completions.create` from a Responses-style request."""
    if request.get("previous_response_id"):
        raise ValueError("a Chat Completions server cannot continue from a stored response")
    messages: list[JSON] = []
    if str(request.get("instructions") or "").strip():
        messages.append({"role": "system", "content": request["instructions"]})
    items = request.get("input") or []
    if isinstance(items, str):
        items = [{"role": "user", "content": items}]
    messages.extend(chat_messages(items))
    chat: dict[str, Any] = {"model": request["model"], "messages": messages}
    functions = function_tools(request)
    if functions:
        chat["tools"] = functions
    for name in ("temperature", "top_p"):
        if request.get(name) is not None:
            chat[name] = request[name]
    if request.get("max_output_tokens") is not None:
        chat["max_completion_tokens"] = request["max_output_tokens"]
    text_format = (request.get("text") or {}).get("format") or {}
    if text_format.get("type") == "json_object":
        chat["response_format"] = {"type": "json_object"}
    elif text_format.get("type") == "json_schema":
        schema = {k: v for k, v in text_format.items() if k in ("name", "schema", "strict", "description")}
        chat["response_format"] = {"type": "json_schema", "json_schema": schema}
    if LOGPROBS_INCLUDE in (request.get("include") or []) or request.get("top_logprobs"):
        chat["logprobs"] = True
        if request.get("top_logprobs"):
            chat["top_logprobs"] = request["top_logprobs"]
    effort = (request.get("reasoning") or {}).get("effort")
    if effort:
        chat["reasoning_effort"] = effort
    verbosity = (request.get("text") or {}).get("verbosity")
    if verbosity:
        chat["verbosity"] = verbosity
    for name in ("service_tier", "prompt_cache_key"):
        if request.get(name):
            chat[name] = request[name]
    chat["stream_options"] = {"include_usage": True}
    return chat


def usage_from_chat(obj: Any) -> Usage | None:
    return read_usage(obj, "prompt_tokens", "completion_tokens")


def _logprob_entries(choice: Any) -> list[JSON]:
    logprobs = getattr(choice, "logprobs", None)
    content = getattr(logprobs, "content", None) or []
    return [entry.model_dump(mode="json", exclude_none=True) for entry in content]


def output_message(
    text: str, logprobs: list[JSON], status: str, calls: list[JSON] | None = None
) -> list[JSON]:
    """The answer as Responses-style output items (so the same token view reads its logprobs): its
    message, and the function calls it made (no message when it made calls and said nothing)."""
    part = {"type": "output_text", "text": text, "annotations": [], "logprobs": logprobs}
    message = [{"type": "message", "role": "assistant", "status": status, "content": [part]}]
    return (message if text or not calls else []) + list(calls or [])


def call_item(call_id: str, name: str, arguments: str) -> JSON:
    return {
        "type": "function_call",
        "call_id": call_id,
        "name": name,
        "arguments": arguments,
        "status": "completed",
    }


class _Calls:
    """Tool calls as their pieces stream in (by index), then as `function_call` items."""

    def __init__(self) -> None:
        self.parts: dict[int, list[str]] = {}

    def add(self, deltas: Any) -> None:
        for delta in deltas or []:
            slot = self.parts.setdefault(int(getattr(delta, "index", 0) or 0), ["", "", ""])
            function = getattr(delta, "function", None)
            slot[0] = getattr(delta, "id", None) or slot[0]
            slot[1] += getattr(function, "name", None) or ""
            slot[2] += getattr(function, "arguments", None) or ""

    def items(self) -> list[JSON]:
        return [call_item(i or f"call_{k}", n, a or "{}") for k, (i, n, a) in sorted(self.parts.items())]


def _end(
    finish: str | None,
    answer: str,
    logprobs: list[JSON],
    usage: Usage | None,
    model: str | None,
    calls: list[JSON] | None = None,
) -> StreamEvent:
    """The terminal event of a chat answer that ended with `finish`."""
    if finish in FINISH_REASONS:
        reason = FINISH_REASONS[finish]
        message = INCOMPLETE_MESSAGES.get(reason, f"The server ended the answer early ({reason}).")
        return Incomplete(None, reason, usage, message, output_message(answer, logprobs, "incomplete"))
    return Completed(None, model, usage, output_message(answer, logprobs, "completed", calls))


async def complete_chat(client: AsyncOpenAI, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
    """A Chat Completions request without streaming; the answer comes as events when it is whole."""
    try:
        chat = chat_request(request)
    except ValueError:
        yield Failed(ChatError(ErrorKind.PREVIOUS_NOT_FOUND, CHAINING_REFUSED))
        return
    chat.pop("stream_options", None)  # only allowed with stream=true
    if hosted_tools(request):
        yield Notice(TOOLS_DROPPED)
    try:
        completion = await client.chat.completions.create(**sdk_arguments(chat, "messages"))
    except (openai.OpenAIError, ValueError) as exc:
        yield Failed(error_from_exception(exc))
        return
    model = getattr(completion, "model", None) or chat["model"]
    yield Started(None, model)
    choice = next(
        (c for c in getattr(completion, "choices", None) or [] if getattr(c, "index", 0) == 0), None
    )
    message = getattr(choice, "message", None)
    answer = getattr(message, "content", None) or ""
    if answer:
        yield TextDelta(answer)
    usage = usage_from_chat(getattr(completion, "usage", None))
    calls = [
        call_item(str(c.id), str(c.function.name), str(c.function.arguments or "{}"))
        for c in getattr(message, "tool_calls", None) or []
        if getattr(c, "function", None) is not None
    ]
    finish = getattr(choice, "finish_reason", None) or "stop"
    yield _end(finish, answer, _logprob_entries(choice), usage, model, calls)


async def stream_chat(client: AsyncOpenAI, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
    """Stream a Chat Completions request and yield domain events; ends with one terminal event."""
    try:
        chat = chat_request(request)
    except ValueError:
        yield Failed(ChatError(ErrorKind.PREVIOUS_NOT_FOUND, CHAINING_REFUSED))
        return
    if hosted_tools(request):
        yield Notice(TOOLS_DROPPED)
    started = False
    calls = _Calls()
    text: list[str] = []
    logprobs: list[JSON] = []
    finish: str | None = None
    usage: Usage | None = None
    model: str | None = None
    try:
        stream = await client.chat.completions.create(**sdk_arguments(chat, "messages"), stream=True)
        async with stream:
            pacer = Pacer()
            async for chunk in stream:
                if not started:
                    started = True
                    model = getattr(chunk, "model", None) or chat["model"]
                    yield Started(None, model)
                if getattr(chunk, "usage", None) is not None:
                    usage = usage_from_chat(chunk.usage)
                for choice in getattr(chunk, "choices", None) or []:
                    if getattr(choice, "index", 0) != 0:
                        continue
                    delta = getattr(choice, "delta", None)
                    piece = getattr(delta, "content", None)
                    if piece:
                        text.append(piece)
                        yield TextDelta(piece)
                    calls.add(getattr(delta, "tool_calls", None))
                    logprobs.extend(_logprob_entries(choice))
                    if getattr(choice, "finish_reason", None):
                        finish = choice.finish_reason
                await pacer.tick()
    except (openai.OpenAIError, ValueError) as exc:
        yield Failed(error_from_exception(exc))
        return
    answer = "".join(text)
    if finish is None:  # the body ended without a finish reason
        yield connection_closed(started)
    else:
        yield _end(finish, answer, logprobs, usage, model, calls.items())
