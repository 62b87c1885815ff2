"""Stored responses: retrieve and delete by id, list a response's input items, count input tokens,
and compact a history.

Compaction (`POST /v1/responses/compact`): the output window keeps every user message verbatim and
replaces everything else (assistant answers, reasoning, tool items, earlier compactions) with one
`compaction` item whose `encrypted_content` is sealed with this emulator's secret. The window is
meant to be sent back as `input` (the history it replaces is not sent again); the compaction's own
id is not a stored response, so chaining from it (`previous_response_id`) answers
previous_response_not_found, as for any id the server does not hold. A compaction item whose seal does
not verify is refused (400, `invalid_encrypted_content`). Answers to a context holding a compaction
say so (`Compaction: …` line, read back with `parse_compaction`).
"""

from __future__ import annotations

import copy
import json
import secrets
import time

from desktop_chat.emulator.answers import JSON, compaction_payload, context_chars, count_tokens
from desktop_chat.emulator.state import EmulatorState
from desktop_chat.emulator.wire import ApiError, Handler, new_id, send_json


def response_by_id(state: EmulatorState, handler: Handler, method: str, response_id: str) -> None:
    state._raise_fault("delete" if method == "DELETE" else "retrieve")
    with state._lock:
        stored = state._responses.get(response_id)
        if stored is not None and method == "DELETE":
            del state._responses[response_id]
    if stored is None:
        raise ApiError(404, f"Response with id '{response_id}' not found.", code="not_found")
    if method == "DELETE":
        send_json(handler, 200, {"id": response_id, "object": "response", "deleted": True})
    else:
        send_json(handler, 200, stored)


def input_items(state: EmulatorState, handler: Handler, response_id: str, query: dict[str, str]) -> None:
    state._raise_fault("input_items")
    with state._lock:
        found = response_id in state._responses
        items = copy.deepcopy(state._contexts.get(response_id, []))
    if not found:
        raise ApiError(404, f"Response with id '{response_id}' not found.", code="not_found")
    if query.get("order", "desc") == "desc":
        items.reverse()
    after = query.get("after")
    if after:
        ids = [item.get("id") for item in items]
        items = items[ids.index(after) + 1 :] if after in ids else []
    try:
        limit = max(1, min(100, int(query.get("limit", 20))))
    except ValueError:
        raise ApiError(400, "Invalid 'limit': expected an integer.", param="limit") from None
    page = items[:limit]
    send_json(
        handler,
        200,
        {
            "object": "list",
            "data": page,
            "first_id": page[0]["id"] if page else None,
            "last_id": page[-1]["id"] if page else None,
            "has_more": len(items) > limit,
        },
    )


def count_input_tokens(state: EmulatorState, handler: Handler, body: JSON) -> None:
    if body.get("model"):
        state._check_model(body["model"])
    context = state._expand(body)
    chars = context_chars(context, body.get("instructions"))
    send_json(handler, 200, {"object": "response.input_tokens", "input_tokens": count_tokens("x" * chars)})


def compact(state: EmulatorState, handler: Handler, body: JSON) -> None:
    model = str(body.get("model") or "")
    state._raise_fault("compact", model)
    state._check_model(model)
    if not body.get("input") and not body.get("previous_response_id"):
        raise ApiError(
            400,
            "Either 'input' or 'previous_response_id' must be provided.",
            param="input",
            code="missing_required_parameter",
        )
    context = state._expand(body)
    kept = [i for i in context if i.get("type") == "message" and i.get("role") == "user"]
    replaced = 0
    for item in context:
        if item.get("type") == "compaction":
            payload = compaction_payload(str(item.get("encrypted_content"))) or {}
            replaced += int(payload.get("items", 0))
        elif not (item.get("type") == "message" and item.get("role") == "user"):
            replaced += 1
    compaction = {
        "id": new_id("cmp"),
        "type": "compaction",
        "encrypted_content": state._seal({"v": 1, "items": replaced, "nonce": secrets.token_hex(4)}),
    }
    output = [{**copy.deepcopy(item), "id": new_id("msg")} for item in kept] + [compaction]
    input_tokens = count_tokens("x" * context_chars(context, body.get("instructions")))
    output_tokens = count_tokens(json.dumps(compaction))
    send_json(
        handler,
        200,
        {
            "id": new_id("resp"),
            "object": "response.compaction",
            "created_at": int(time.time()),
            "output": output,
            "usage": {
                "input_tokens": input_tokens,
                "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                "output_tokens": output_tokens,
                "output_tokens_details": {"reasoning_tokens": 0},
                "total_tokens": input_tokens + output_tokens,
            },
        },
    )
