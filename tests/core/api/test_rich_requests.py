"""Hosted tools, structured output, reasoning, logprobs and truncation: what the request carries and
what comes back, against the emulator through the real SDK."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop_chat.core.api.context import build_request, choose_mode, rich_options
from desktop_chat.core.api.events import (
    Completed,
    ErrorKind,
    Failed,
    ReasoningDelta,
    StreamEvent,
    ToolActivity,
)
from desktop_chat.core.api.providers.responses import (
    activity_label,
    citations_of,
    logprobs_of,
    stream_response,
    tool_calls_of,
)
from desktop_chat.core.conversation.model import ChatParams, ContextMode, Node, NodeStatus, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.emulator import Emulator
from tests.emulator.helpers import client, run


def collect(emulator: Emulator, request: dict[str, Any]) -> list[StreamEvent]:
    async def go() -> list[StreamEvent]:
        async with client(emulator.base_url) as sdk:
            return [event async for event in stream_response(sdk, request)]

    return run(go())


def request_for(params: ChatParams, text: str = "hello") -> dict[str, Any]:
    tree = ConversationTree("c")
    return build_request(tree, None, [user_message(text)], params, ContextMode.CHAIN)


def test_params_from_old_or_odd_json_load_with_defaults() -> None:
    old = ChatParams.from_json({"model": "gpt-4o", "temperature": 0.5, "unknown": 1})
    assert old.model == "gpt-4o" and old.web_search is False and old.text_format == "text"
    odd = ChatParams.from_json(
        {"web_search": "yes", "top_logprobs": True, "file_search_vector_store_ids": [1]}
    )
    assert odd.web_search is False and odd.top_logprobs is None and odd.file_search_vector_store_ids == []
    round_trip = ChatParams(web_search=True, top_logprobs=3, json_schema={"name": "x", "schema": {}})
    assert ChatParams.from_json(json.loads(json.dumps(round_trip.to_json()))) == round_trip


def test_validate_names_bad_rich_values() -> None:
    bad = ChatParams(reasoning_effort="huge", text_format="json_schema", top_logprobs=21)
    problems = "\n".join(bad.validate())
    assert "Reasoning effort" in problems and "needs a schema" in problems and "top_logprobs" in problems
    assert ChatParams(file_search_vector_store_ids=["vs 1"]).validate()
    good = ChatParams(text_format="json_schema", json_schema={"name": "a", "schema": {"type": "object"}})
    assert good.validate() == []


def test_request_carries_tools_format_reasoning_logprobs_truncation() -> None:
    params = ChatParams(
        web_search=True,
        file_search_vector_store_ids=["vs_1", " "],
        code_interpreter=True,
        text_format="json_schema",
        json_schema={"name": "person", "schema": {"type": "object", "properties": {"n": {"type": "string"}}}},
        reasoning_effort="low",
        reasoning_summary=True,
        top_logprobs=2,
        truncation_auto=True,
    )
    request = request_for(params)
    assert [t["type"] for t in request["tools"]] == ["web_search", "file_search", "code_interpreter"]
    assert request["tools"][1]["vector_store_ids"] == ["vs_1"]
    assert request["text"]["format"]["type"] == "json_schema"
    assert request["text"]["format"]["name"] == "person"
    assert request["reasoning"] == {"effort": "low", "summary": "auto"}
    assert request["include"] == ["message.output_text.logprobs"] and request["top_logprobs"] == 2
    assert request["truncation"] == "auto"
    assert rich_options(ChatParams()) == {}
    assert "tools" not in request_for(ChatParams())


def _finished(conv: str, parent: str | None, text: str, rid: str) -> Node:
    node = Node(conv, parent, [user_message(text)], output_text=f"answer {text}", response_id=rid)
    node.status = NodeStatus.COMPLETED
    return node


def test_excluding_a_node_makes_the_request_a_replay_without_it() -> None:
    a = _finished("c", None, "first", "r1")
    b = _finished("c", a.id, "second", "r2")
    tree = ConversationTree("c", [a, b])
    params = ChatParams(excluded_node_ids=[a.id])
    assert choose_mode(tree, b.id, ContextMode.CHAIN, params.excluded_node_ids) is ContextMode.REPLAY
    request = build_request(tree, b.id, [user_message("third")], params, ContextMode.CHAIN)
    assert "previous_response_id" not in request
    texts = json.dumps(request["input"])
    assert "first" not in texts and "second" in texts and "third" in texts


def test_web_search_streams_activity_and_citations(emulator: Emulator) -> None:
    params = ChatParams(model="gpt-5-mini", web_search=True)
    events = collect(emulator, request_for(params, "latest news"))
    activity = [e for e in events if isinstance(e, ToolActivity)]
    assert [a.status for a in activity] == ["in_progress", "searching", "completed"]
    assert activity_label(f"{activity[1].tool}: {activity[1].status}") == "Searching the web…"
    final = events[-1]
    assert isinstance(final, Completed)
    citations = citations_of(final.output_items)
    assert len(citations) == 2 and citations[0].url.startswith("https://example.com/search/1")
    assert "latest news" in citations[0].title
    assert tool_calls_of(final.output_items) == [("web_search", "latest news")]
    assert emulator.requests[-1].body is not None and emulator.requests[-1].body["tools"] == [
        {"type": "web_search"}
    ]


def test_unsupported_tool_names_the_tool_and_the_model(emulator: Emulator) -> None:
    events = collect(emulator, request_for(ChatParams(model="gpt-4.1", web_search=True)))
    (failed,) = events
    assert isinstance(failed, Failed) and failed.error.kind is ErrorKind.BAD_REQUEST
    assert "Web search (web_search)" in failed.error.message and "gpt-4.1" in failed.error.message


def test_json_schema_reasoning_and_logprobs_come_back(emulator: Emulator) -> None:
    params = ChatParams(
        model="o4-mini",
        text_format="json_schema",
        json_schema={"name": "echo", "schema": {"type": "object"}},
        reasoning_effort="medium",
        reasoning_summary=True,
        top_logprobs=3,
    )
    events = collect(emulator, request_for(params, "structured please"))
    assert any(isinstance(e, ReasoningDelta) for e in events)
    final = events[-1]
    assert isinstance(final, Completed) and final.usage is not None and final.usage.reasoning_tokens > 0
    message = next(i for i in final.output_items if i["type"] == "message")
    assert json.loads(message["content"][0]["text"])["you_said"] == "structured please"
    tokens = logprobs_of(final.output_items)
    assert tokens and len(tokens[0]["top_logprobs"]) == 3


@pytest.mark.parametrize("text", ["web_search: completed", "code_interpreter: interpreting"])
def test_activity_labels(text: str) -> None:
    assert activity_label(text) == ("" if text.endswith("completed") else "Running code…")
