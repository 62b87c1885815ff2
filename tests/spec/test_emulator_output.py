"""Everything the emulator sends, checked against the official OpenAPI schemas (tests/spec/).

Every stream event (against the event schema its `type` names in the `ResponseStreamEvent` union),
every Response object (streamed, whole, retrieved), the stored-response endpoints, the models list,
error bodies, and every Chat Completions answer and chunk — in every scenario the emulator plays.
"""

from __future__ import annotations

import functools
from typing import Any

import pytest

from desktop_chat.emulator import Emulator
from tests.spec.raw_http import call, sse
from tests.spec.schemas import document, problems

MESSAGE_FORMAT = {
    "type": "json_schema",
    "name": "person",
    "schema": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
    "strict": True,
}
FILE_SEARCH = {"type": "file_search", "vector_store_ids": ["vs_docs"]}
CODE = {"type": "code_interpreter", "container": {"type": "auto"}}
LOGPROBS = {"include": ["message.output_text.logprobs"], "top_logprobs": 3}
ADD = {
    "type": "function",
    "name": "add",
    "description": "Add two whole numbers.",
    "parameters": {"type": "object", "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}}},
    "strict": False,
}
CALLED = [
    {"type": "message", "role": "user", "content": 'add {"a": 2, "b": 3}'},
    {"type": "function_call", "call_id": "call_1", "name": "add", "arguments": '{"a": 2, "b": 3}'},
    {"type": "function_call_output", "call_id": "call_1", "output": "5"},
]
CHAT_ADD = {"type": "function", "function": {k: v for k, v in ADD.items() if k != "type"}}

# request bodies for POST /v1/responses: every kind of answer the emulator plays
RESPONSES: dict[str, dict[str, Any]] = {
    "plain": {"model": "gpt-4.1-mini", "input": "What is a tree?", "instructions": "Be brief."},
    "sampling": {"model": "gpt-4.1-mini", "input": "Hi", "temperature": 0.2, "top_p": 0.5},
    "parts_and_image": {
        "model": "gpt-4.1-mini",
        "input": [
            {
                "type": "message",
                "role": "user",
                "content": [
                    {"type": "input_text", "text": "What is in it?"},
                    {"type": "input_image", "image_url": "https://example.com/cat.png", "detail": "low"},
                ],
            }
        ],
    },
    "reasoning": {"model": "o4-mini", "input": "Think", "reasoning": {"effort": "high"}},
    "reasoning_summary": {
        "model": "gpt-5-mini",
        "input": "Think hard",
        "reasoning": {"effort": "low", "summary": "auto"},
    },
    "web_search": {"model": "gpt-5-mini", "input": "latest news", "tools": [{"type": "web_search"}]},
    "file_search": {"model": "gpt-5-mini", "input": "our policy", "tools": [FILE_SEARCH]},
    "file_search_results": {
        "model": "gpt-5-mini",
        "input": "our policy",
        "tools": [FILE_SEARCH],
        "include": ["file_search_call.results"],
    },
    "code_interpreter": {
        "model": "gpt-5-mini",
        "input": "count words",
        "tools": [CODE],
        "include": ["code_interpreter_call.outputs"],
    },
    "all_tools": {
        "model": "gpt-5-mini",
        "input": "everything",
        "tools": [{"type": "web_search_preview"}, FILE_SEARCH, CODE],
        "reasoning": {"effort": "medium", "summary": "auto"},
        "include": ["file_search_call.results", "code_interpreter_call.outputs"],
    },
    "logprobs": {"model": "gpt-4.1-mini", "input": "Hello", **LOGPROBS},
    "function_call": {"model": "gpt-4.1-mini", "input": 'add {"a": 2, "b": 3}', "tools": [ADD]},
    "image_generation": {
        "model": "gpt-5-mini",
        "input": "a red fox",
        "tools": [{"type": "image_generation", "partial_images": 2}],
    },
    "function_call_reasoning": {
        "model": "gpt-5-mini",
        "input": "add",
        "tools": [ADD, {"type": "web_search"}],
        "reasoning": {"effort": "low", "summary": "auto"},
    },
    "function_output": {"model": "gpt-4.1-mini", "input": CALLED, "tools": [ADD]},
    "json_object": {
        "model": "gpt-4.1-mini",
        "input": "JSON please",
        "text": {"format": {"type": "json_object"}},
    },
    "json_schema": {"model": "gpt-4.1-mini", "input": "A person", "text": {"format": MESSAGE_FORMAT}},
    "max_output_tokens": {"model": "gpt-4.1-mini", "input": "Long [[words:400]]", "max_output_tokens": 20},
    "store_false": {"model": "gpt-4.1-mini", "input": "Forget me", "store": False},
    "store_false_reasoning": {
        "model": "gpt-5-mini",
        "input": "Forget me",
        "store": False,
        "reasoning": {"effort": "low", "summary": "auto"},
        "include": ["reasoning.encrypted_content"],
        "text": {"verbosity": "low"},
        "service_tier": "flex",
        "prompt_cache_key": "conversation-1",
    },
    "fault_failed": {"model": "gpt-4.1-mini", "input": "Break [[fault:failed]]"},
    "fault_failed_after_tools": {
        "model": "gpt-5-mini",
        "input": "Break [[fault:failed]]",
        "tools": [{"type": "web_search"}],
        "reasoning": {"summary": "auto"},
    },
    "fault_incomplete": {"model": "gpt-4.1-mini", "input": "Cut [[fault:incomplete]]", **LOGPROBS},
    "fault_error_flat": {"model": "gpt-4.1-mini", "input": "Oops [[fault:error_flat]]"},
    "stall": {"model": "gpt-4.1-mini", "input": "Wait [[stall:200]]"},
    "think": {"model": "gpt-5-mini", "input": "Ponder [[think:1100]]", "reasoning": {"effort": "high"}},
    "background": {"model": "gpt-4.1-mini", "input": "Later [[words:30]]", "background": True},
    "background_reasoning": {
        "model": "gpt-5-mini",
        "input": "Think later",
        "background": True,
        "reasoning": {"effort": "low", "summary": "auto"},
    },
}
# events the emulator plays as seen from the live API although the spec does not describe them:
# `keepalive` while a model thinks (checked for its frame only); the nested `error` shape is not
# among the scenarios here for the same reason
FIELD_EVENTS = {"keepalive": {"type", "sequence_number"}}


@functools.cache
def event_schemas() -> dict[str, str]:
    """Event type -> the schema of that event, from the ResponseStreamEvent union."""
    schemas = document()["components"]["schemas"]
    found: dict[str, str] = {}
    for ref in schemas["ResponseStreamEvent"]["anyOf"]:
        name = ref["$ref"].rsplit("/", 1)[-1]
        for kind in schemas[name]["properties"]["type"].get("enum", []):
            found[kind] = name
    return found


def event_problems(event: dict[str, Any]) -> list[str]:
    if event.get("type") in FIELD_EVENTS:
        keys = FIELD_EVENTS[str(event["type"])]
        return [] if set(event) == keys and isinstance(event["sequence_number"], int) else [f"bad {event}"]
    name = event_schemas().get(str(event.get("type")))
    if name is None:
        return [f"event type {event.get('type')!r} is not in the spec's ResponseStreamEvent union"]
    return problems(name, event)


def opened_items_are_closed(events: list[dict[str, Any]]) -> list[str]:
    """Items that got `output_item.added` but no `output_item.done` before the stream ended."""
    opened = {e["output_index"]: e["item"]["id"] for e in events if e["type"] == "response.output_item.added"}
    closed = {e["output_index"] for e in events if e["type"] == "response.output_item.done"}
    return [f"output {index} ({item}) never done" for index, item in opened.items() if index not in closed]


@pytest.mark.parametrize("scenario", sorted(RESPONSES))
def test_every_streamed_event_matches_the_spec(emulator: Emulator, scenario: str) -> None:
    events = sse(f"{emulator.base_url}/responses", {**RESPONSES[scenario], "stream": True})
    assert events and events[0]["type"] == "response.created"
    found = [p for event in events for p in event_problems(event)]
    assert found == []
    if events[-1]["type"] != "error":  # an error event ends the stream where it stands
        assert opened_items_are_closed(events) == []


@pytest.mark.parametrize("scenario", sorted(RESPONSES))
def test_every_whole_response_matches_the_spec(emulator: Emulator, scenario: str) -> None:
    status, body = call("POST", f"{emulator.base_url}/responses", RESPONSES[scenario])
    if scenario.startswith("background"):  # answered at once, queued; made on the server
        assert status == 200 and body["status"] == "queued" and body["background"] is True
    if scenario == "fault_error_flat":  # a whole answer cannot carry an error event: it is a 500
        assert status == 500 and problems("Error", body["error"]) == []
        return
    assert status == 200
    assert problems("Response", body) == []


def test_the_hosted_mcp_round_trip_matches_the_spec(emulator: Emulator) -> None:
    """Listing, an approval request, the approved call (streamed and whole), a call without approval
    and a server that cannot be reached: every event and response as the spec has them."""
    from tests.mcp_servers import free_port, http_clock

    with http_clock() as url:
        mcp = {"type": "mcp", "server_label": "clock", "server_url": url, "require_approval": "always"}
        ask = {"model": "gpt-4.1-mini", "input": 'add {"a": 2, "b": 3}', "tools": [mcp]}
        events = sse(f"{emulator.base_url}/responses", {**ask, "stream": True})
        assert [p for event in events for p in event_problems(event)] == [] and not opened_items_are_closed(
            events
        )
        first = events[-1]["response"]
        assert [item["type"] for item in first["output"]] == ["mcp_list_tools", "mcp_approval_request"]
        request = first["output"][1]
        approve = {"type": "mcp_approval_response", "approval_request_id": request["id"], "approve": True}
        chained = {**ask, "input": [approve], "previous_response_id": first["id"]}
        events = sse(f"{emulator.base_url}/responses", {**chained, "stream": True})
        assert [p for event in events for p in event_problems(event)] == [] and not opened_items_are_closed(
            events
        )
        call_item = events[-1]["response"]["output"][0]
        assert call_item["type"] == "mcp_call" and call_item["output"] == "5"
        never = {**mcp, "require_approval": "never"}
        for body in (chained, {**ask, "tools": [never]}):
            status, whole = call("POST", f"{emulator.base_url}/responses", body)
            assert status == 200 and problems("Response", whole) == []
    gone = {**mcp, "server_url": f"http://127.0.0.1:{free_port()}/mcp"}
    events = sse(f"{emulator.base_url}/responses", {**ask, "tools": [gone], "stream": True})
    assert [p for event in events for p in event_problems(event)] == []
    assert events[-1]["response"]["output"][0]["error"].startswith("Could not list the tools of clock")


def test_stored_response_endpoints_match_the_spec(emulator: Emulator) -> None:
    base = emulator.base_url
    _, first = call("POST", f"{base}/responses", RESPONSES["reasoning_summary"])
    _, second = call(
        "POST", f"{base}/responses", {**RESPONSES["all_tools"], "previous_response_id": first["id"]}
    )
    status, retrieved = call("GET", f"{base}/responses/{second['id']}")
    assert status == 200 and problems("Response", retrieved) == []
    for query in ("", "?order=asc&limit=2"):
        status, listing = call("GET", f"{base}/responses/{second['id']}/input_items{query}")
        assert status == 200 and listing["data"]
        assert problems("ResponseItemList", listing) == []
    counting = {"model": "gpt-5-mini", "previous_response_id": second["id"], "input": "more"}
    status, counted = call("POST", f"{base}/responses/input_tokens", counting)
    assert status == 200 and problems("TokenCountsResource", counted) == []
    compacting = {"model": "gpt-5-mini", "previous_response_id": second["id"]}
    status, compacted = call("POST", f"{base}/responses/compact", compacting)
    assert status == 200 and problems("CompactResource", compacted) == []
    window = {"model": "gpt-5-mini", "input": [*compacted["output"], {"role": "user", "content": "go on"}]}
    status, after = call("POST", f"{base}/responses", window)
    assert status == 200 and problems("Response", after) == []
    events = sse(f"{base}/responses", {**window, "stream": True})
    assert [p for event in events for p in event_problems(event)] == []


def test_background_responses_polled_streamed_again_and_cancelled_match_the_spec(emulator: Emulator) -> None:
    base = emulator.base_url
    events = sse(f"{base}/responses", {**RESPONSES["background"], "stream": True})
    assert [e["type"] for e in events[:3]] == ["response.created", "response.queued", "response.in_progress"]
    assert [e["sequence_number"] for e in events] == list(range(len(events)))
    assert [p for event in events for p in event_problems(event)] == []
    response_id = events[0]["response"]["id"]
    status, polled = call("GET", f"{base}/responses/{response_id}")
    assert status == 200 and polled["status"] == "completed" and problems("Response", polled) == []
    # read again after an event: the events after it, numbered as before, to the end
    after = events[5]["sequence_number"]
    again = sse_get(f"{base}/responses/{response_id}?stream=true&starting_after={after}")
    assert again == events[6:]
    assert sse_get(f"{base}/responses/{response_id}?stream=true") == events
    # a slow one, cancelled while it runs
    emulator.hold_streams()
    status, queued = call(
        "POST", f"{base}/responses", {**RESPONSES["background"], "input": "Slow [[words:200]]"}
    )
    assert status == 200 and problems("Response", queued) == []
    status, running = call("GET", f"{base}/responses/{queued['id']}")
    assert (
        status == 200
        and running["status"] in ("queued", "in_progress")
        and problems("Response", running) == []
    )
    status, cancelled = call("POST", f"{base}/responses/{queued['id']}/cancel")
    emulator.release_streams()
    assert status == 200 and cancelled["status"] == "cancelled" and problems("Response", cancelled) == []
    status, polled = call("GET", f"{base}/responses/{queued['id']}")
    assert polled["status"] == "cancelled"
    errors = [
        call("POST", f"{base}/responses/{events[0]['response']['id']}x/cancel"),  # unknown
        call("POST", f"{base}/responses", {**RESPONSES["background"], "store": False}),
    ]
    _, plain = call("POST", f"{base}/responses", RESPONSES["plain"])
    errors.append(call("POST", f"{base}/responses/{plain['id']}/cancel"))  # not a background one
    for status, body in errors:
        assert status >= 400 and problems("Error", body["error"]) == []


def sse_get(url: str) -> list[Any]:
    """The events of a stream read again with GET."""
    import json
    import urllib.request

    request = urllib.request.Request(url, headers={"Authorization": "Bearer sk-test"})
    with urllib.request.urlopen(request, timeout=10) as response:
        raw = response.read().decode()
    return [
        json.loads(line[len("data: ") :])
        for block in raw.split("\n\n")
        for line in block.splitlines()
        if line.startswith("data: ")
    ]


def test_models_and_errors_match_the_spec(emulator: Emulator) -> None:
    base = emulator.base_url
    status, models = call("GET", f"{base}/models")
    assert status == 200 and problems("ListModelsResponse", models) == []
    status, model = call("GET", f"{base}/models/gpt-4.1-mini")
    assert status == 200 and problems("Model", model) == []
    errors = [
        call("GET", f"{base}/models/no-such-model"),
        call(
            "POST", f"{base}/responses", {"model": "gpt-4.1-mini", "input": "x", "previous_response_id": "r"}
        ),
        call(
            "POST", f"{base}/responses", {"model": "gpt-4.1", "input": "x", "tools": [{"type": "web_search"}]}
        ),
        call("POST", f"{base}/responses", {"model": "gpt-5-mini", "input": "x", "temperature": 0.5}),
        call("GET", f"{base}/responses/resp_unknown"),
        call("POST", f"{base}/nowhere", {}),
    ]
    for status, body in errors:
        assert status >= 400 and problems("Error", body["error"]) == []


CHATS: dict[str, dict[str, Any]] = {
    "plain": {"model": "gpt-4.1-mini", "messages": [{"role": "user", "content": "Hello"}]},
    "system_and_history": {
        "model": "gpt-4.1-mini",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "one"},
            {"role": "assistant", "content": "an answer"},
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "two"},
                    {"type": "image_url", "image_url": {"url": "https://example.com/a.png", "detail": "low"}},
                ],
            },
        ],
    },
    "logprobs": {
        "model": "gpt-4.1-mini",
        "messages": [{"role": "user", "content": "Hello"}],
        "logprobs": True,
        "top_logprobs": 2,
    },
    "length": {
        "model": "gpt-4.1-mini",
        "messages": [{"role": "user", "content": "Long [[words:300]]"}],
        "max_completion_tokens": 10,
    },
    "json": {
        "model": "gpt-4.1-mini",
        "messages": [{"role": "user", "content": "JSON"}],
        "response_format": {"type": "json_object"},
    },
    "tool_call": {
        "model": "gpt-4.1-mini",
        "messages": [{"role": "user", "content": 'add {"a": 2, "b": 3}'}],
        "tools": [CHAT_ADD],
    },
    "tool_output": {
        "model": "gpt-4.1-mini",
        "messages": [
            {"role": "user", "content": "add"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": "add", "arguments": "{}"}}
                ],
            },
            {"role": "tool", "tool_call_id": "call_1", "content": "5"},
        ],
        "tools": [CHAT_ADD],
    },
}


@pytest.mark.parametrize("scenario", sorted(CHATS))
def test_every_chat_completion_and_chunk_matches_the_spec(emulator: Emulator, scenario: str) -> None:
    url = f"{emulator.base_url}/chat/completions"
    status, whole = call("POST", url, CHATS[scenario])
    assert status == 200 and problems("CreateChatCompletionResponse", whole) == []
    request = {**CHATS[scenario], "stream": True, "stream_options": {"include_usage": True}}
    chunks = sse(url, request)
    assert chunks[-1] == "[DONE]" and chunks[-2]["usage"] is not None
    found = [p for chunk in chunks[:-1] for p in problems("CreateChatCompletionStreamResponse", chunk)]
    assert found == []


def test_the_validation_catches_drift() -> None:
    """The checks are not vacuous: a wrong event, a wrong response and a wrong chunk are refused."""
    assert event_problems({"type": "response.output_text.delta", "sequence_number": 0, "delta": "x"})
    assert event_problems({"type": "response.made_up", "sequence_number": 0})
    assert problems("Response", {"id": "resp_1", "object": "response", "status": "done"})
    chunk = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{}]}
    assert problems("CreateChatCompletionStreamResponse", chunk)
