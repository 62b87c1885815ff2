"""Chat Completions (`POST /v1/chat/completions`), streamed (`data:` chunks ending `[DONE]`) and not."""

from __future__ import annotations

import secrets
import time

from desktop_chat.emulator.answers import (
    JSON,
    compose,
    context_chars,
    count_tokens,
    parse_directives,
    user_texts,
)
from desktop_chat.emulator.faults import FAULTS, HTTP_FAULTS, SERVER_ERROR_MESSAGE, Fault, fault_error, some
from desktop_chat.emulator.function_tools import (
    call_items,
    check_calls_and_outputs,
    function_tools,
    planned_calls,
    tool_lines,
)
from desktop_chat.emulator.quirks import check_parameters
from desktop_chat.emulator.state import EmulatorState
from desktop_chat.emulator.wire import Abort, Handler, chunks, send_json


def chat_completion(state: EmulatorState, handler: Handler, body: JSON) -> None:
    model = str(body.get("model") or "")
    fault = state._take_fault()
    if fault is not None and fault.name in HTTP_FAULTS:
        raise fault_error(fault.name, fault.params, model, body)
    state._check_model(model)
    check_parameters(body, model, state.model_quirks(body), chat=True)
    messages = [m for m in body.get("messages") or [] if isinstance(m, dict)]
    system = "\n".join(_chat_text(m) for m in messages if m.get("role") in ("system", "developer"))
    context = [
        item for m in messages if m.get("role") in ("user", "assistant", "tool") for item in _chat_items(m)
    ]
    check_calls_and_outputs(context)
    texts = user_texts(context)
    directives = parse_directives(texts[-1] if texts else "")
    if fault is None and directives.fault in FAULTS:
        fault = Fault(str(directives.fault), {})
    if fault is not None and fault.name in HTTP_FAULTS:
        raise fault_error(fault.name, fault.params, model, body)
    json_format = (body.get("response_format") or {}).get("type") in ("json_object", "json_schema")
    text = compose(context, system or None, json_format)
    lines = tool_lines(context)
    if lines and not json_format:
        text = f"{lines}\n\n{text}"
    calls = call_items(planned_calls(function_tools(body.get("tools"), chat=True), context))
    tool_calls = [
        {"id": c["call_id"], "type": "function", "function": {"name": c["name"], "arguments": c["arguments"]}}
        for c in calls
    ]
    finish_reason = "tool_calls" if calls else "stop"
    if calls:
        text = ""
    limit = body.get("max_completion_tokens", body.get("max_tokens"))
    if isinstance(limit, int) and count_tokens(text) > limit:
        text, finish_reason = text[: max(0, limit * 4)], "length"
    top = int(body.get("top_logprobs") or 0) if body.get("logprobs") else -1
    completion_id = "chatcmpl-" + secrets.token_hex(12)
    created = int(time.time())
    prompt_tokens = count_tokens("x" * context_chars(context, system))
    usage = {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": count_tokens(text),
        "total_tokens": prompt_tokens + count_tokens(text),
    }
    pieces = list(chunks(text, state.chunk_chars))
    if not body.get("stream"):
        message: JSON = {"role": "assistant", "content": text if not calls else None, "refusal": None}
        if tool_calls:
            message["tool_calls"] = tool_calls
        logprobs = {"content": [_chat_logprob(p, top) for p in pieces], "refusal": None} if top >= 0 else None
        choice = {"index": 0, "message": message, "logprobs": logprobs, "finish_reason": finish_reason}
        send_json(
            handler,
            200,
            {
                "id": completion_id,
                "object": "chat.completion",
                "created": created,
                "model": model,
                "choices": [choice],
                "usage": usage,
            },
        )
        return
    delay_s = state.delay_s if directives.delay_ms is None else directives.delay_ms / 1000
    out = state._event_stream(handler, delay_s)

    def chunk(delta: JSON, finish: str | None = None, piece: str | None = None) -> JSON:
        wanted = top >= 0 and piece is not None
        logprobs = {"content": [_chat_logprob(piece or "", top)], "refusal": None} if wanted else None
        return {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "logprobs": logprobs, "finish_reason": finish}],
        }

    out.data_only(chunk({"role": "assistant", "content": ""}))
    if fault is not None:
        pieces = pieces[: some(pieces)]
    for piece in pieces:
        out.data_only(chunk({"content": piece}, piece=piece))
        out.pause()
    for k, call in enumerate(tool_calls):
        function = call["function"]
        opening = {**call, "index": k, "function": {"name": function["name"], "arguments": ""}}
        out.data_only(chunk({"tool_calls": [opening]}))
        for piece in chunks(function["arguments"], state.chunk_chars):
            out.data_only(chunk({"tool_calls": [{"index": k, "function": {"arguments": piece}}]}))
    if fault is not None:
        if fault.name == "drop":
            out.drop()
            raise Abort
        if fault.name == "hang":
            state._hang(handler)
        if fault.name == "malformed":
            out.data_only('{"id": "chatcmpl-broken", "choices": [')
        else:
            error = {"message": SERVER_ERROR_MESSAGE, "type": "server_error", "param": None, "code": None}
            out.data_only({"error": error})
        out.end()
        return
    out.data_only(chunk({}, finish_reason))
    if (body.get("stream_options") or {}).get("include_usage"):
        out.data_only({**chunk({}), "choices": [], "usage": usage})
    out.data_only("[DONE]")
    out.end()


def _chat_items(message: JSON) -> list[JSON]:
    """A chat message as Responses-style items: its message, its tool calls, or a tool's output."""
    if message.get("role") == "tool":
        output = {
            "type": "function_call_output",
            "call_id": message.get("tool_call_id"),
            "output": _chat_text(message),
        }
        return [output]
    items = [_chat_item(message)] if message.get("content") or not message.get("tool_calls") else []
    for call in message.get("tool_calls") or []:
        function = call.get("function") or {}
        items.append(
            {
                "type": "function_call",
                "call_id": call.get("id"),
                "name": function.get("name"),
                "arguments": function.get("arguments"),
            }
        )
    return items


def _chat_item(message: JSON) -> JSON:
    """A chat message as a Responses-style message item (images kept, so the answer counts them)."""
    role = message.get("role")
    content = message.get("content")
    if not isinstance(content, list):
        return {"type": "message", "role": role, "content": _chat_text(message)}
    text_type = "output_text" if role == "assistant" else "input_text"
    parts: list[JSON] = []
    for part in content:
        if not isinstance(part, dict):
            continue
        if part.get("type") == "text":
            parts.append({"type": text_type, "text": part.get("text", "")})
        elif part.get("type") == "image_url":
            parts.append({"type": "input_image", "image_url": (part.get("image_url") or {}).get("url")})
        elif part.get("type") == "file":
            parts.append({"type": "input_file"})
    return {"type": "message", "role": role, "content": parts}


def _chat_logprob(piece: str, top: int) -> JSON:
    tokens = [piece] + [f"alt{k}" for k in range(1, top)]
    tops = [
        {"token": t, "logprob": -0.01 if k == 0 else -2.0 - k, "bytes": list(t.encode())}
        for k, t in enumerate(tokens)
    ]
    return {"token": piece, "logprob": -0.01, "bytes": list(piece.encode()), "top_logprobs": tops[:top]}


def _chat_text(message: JSON) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    return "\n".join(
        p.get("text", "") for p in content or [] if isinstance(p, dict) and p.get("type") == "text"
    )
