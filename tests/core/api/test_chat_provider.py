"""stream_chat: Responses-style requests sent as Chat Completions to the emulator, faults included."""

from __future__ import annotations

import asyncio
from typing import Any

import openai
import pytest

from desktop_chat.core.api.context import build_request
from desktop_chat.core.api.events import (
    Completed,
    ErrorKind,
    Failed,
    Incomplete,
    Notice,
    Started,
    StreamEvent,
    TextDelta,
)
from desktop_chat.core.api.providers.chat import chat_request, stream_chat
from desktop_chat.core.conversation.model import (
    ChatParams,
    ContextMode,
    Conversation,
    NodeStatus,
    user_message,
)
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.turns import TurnRunner
from desktop_chat.emulator import Emulator, parse_context
from tests.core.session.test_turns import MemoryStore

PNG = "data:image/png;base64,iVBORw0KGgo="


def collect(emulator: Emulator, request: dict[str, Any], key: str = "sk-test") -> list[StreamEvent]:
    async def run() -> list[StreamEvent]:
        async with openai.AsyncOpenAI(api_key=key, base_url=emulator.base_url, max_retries=0) as client:
            return [event async for event in stream_chat(client, request)]

    return asyncio.run(run())


def chat_bodies(emulator: Emulator) -> list[dict[str, Any]]:
    return [r.body or {} for r in emulator.requests if r.path.endswith("/chat/completions")]


def text_of(events: list[StreamEvent]) -> str:
    return "".join(e.text for e in events if isinstance(e, TextDelta))


def test_request_becomes_chat_messages() -> None:
    request = {
        "model": "m",
        "instructions": "Be brief.",
        "input": [
            {
                "role": "user",
                "content": [
                    {"type": "input_text", "text": "look"},
                    {"type": "input_image", "image_url": PNG},
                ],
            },
            {"type": "message", "role": "assistant", "content": "I see a cat."},
            {"role": "user", "content": "thanks"},
            {"type": "reasoning", "summary": []},
        ],
        "temperature": 0.5,
        "max_output_tokens": 100,
        "text": {"format": {"type": "json_object"}},
        "include": ["message.output_text.logprobs"],
        "top_logprobs": 3,
        "store": True,
    }
    chat = chat_request(request)
    assert chat["messages"] == [
        {"role": "system", "content": "Be brief."},
        {
            "role": "user",
            "content": [{"type": "text", "text": "look"}, {"type": "image_url", "image_url": {"url": PNG}}],
        },
        {"role": "assistant", "content": "I see a cat."},
        {"role": "user", "content": "thanks"},
    ]
    assert chat["max_completion_tokens"] == 100 and chat["temperature"] == 0.5
    assert chat["response_format"] == {"type": "json_object"}
    assert chat["logprobs"] is True and chat["top_logprobs"] == 3
    assert chat["stream_options"] == {"include_usage": True}
    assert "store" not in chat and "input" not in chat and "previous_response_id" not in chat


def test_streams_an_answer_with_usage_and_no_response_id(emulator: Emulator) -> None:
    events = collect(
        emulator, {"model": "gpt-4.1-mini", "input": [user_message("Hello chat")], "instructions": "Be kind."}
    )
    assert isinstance(events[0], Started) and events[0].response_id is None
    final = events[-1]
    assert isinstance(final, Completed) and final.response_id is None
    assert final.usage is not None and final.usage.output_tokens > 0
    text = text_of(events)
    assert parse_context(text) == ["Hello chat"] and "Instructions: Be kind." in text
    assert final.output_items[0]["content"][0]["text"] == text
    (body,) = chat_bodies(emulator)
    assert body["messages"][0] == {"role": "system", "content": "Be kind."}
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}


def test_image_json_and_logprobs_reach_the_server(emulator: Emulator) -> None:
    content = [{"type": "input_text", "text": "What is this?"}, {"type": "input_image", "image_url": PNG}]
    request = {
        "model": "gpt-4.1-mini",
        "input": [{"role": "user", "content": content}],
        "text": {"format": {"type": "json_object"}},
        "include": ["message.output_text.logprobs"],
        "top_logprobs": 2,
    }
    events = collect(emulator, request)
    final = events[-1]
    assert isinstance(final, Completed)
    assert '"you_said": "What is this?"' in text_of(events)
    logprobs = final.output_items[0]["content"][0]["logprobs"]
    assert "".join(lp["token"] for lp in logprobs) == text_of(events)
    assert len(logprobs[0]["top_logprobs"]) == 2
    (body,) = chat_bodies(emulator)
    assert body["messages"][0]["content"][1] == {"type": "image_url", "image_url": {"url": PNG}}


def test_max_completion_tokens_ends_incomplete(emulator: Emulator) -> None:
    events = collect(
        emulator, {"model": "gpt-4.1-mini", "input": [user_message("long")], "max_output_tokens": 16}
    )
    final = events[-1]
    assert isinstance(final, Incomplete) and final.reason == "max_output_tokens"
    assert len(text_of(events)) <= 64
    assert chat_bodies(emulator)[0]["max_completion_tokens"] == 16


def test_previous_response_id_never_reaches_the_server(emulator: Emulator) -> None:
    events = collect(
        emulator, {"model": "gpt-4.1-mini", "input": [user_message("x")], "previous_response_id": "r1"}
    )
    (final,) = events
    assert isinstance(final, Failed) and final.error.kind is ErrorKind.PREVIOUS_NOT_FOUND
    assert emulator.requests == []


def test_hosted_tools_are_dropped_with_a_notice(emulator: Emulator) -> None:
    events = collect(
        emulator, {"model": "gpt-4.1-mini", "input": [user_message("x")], "tools": [{"type": "web_search"}]}
    )
    assert isinstance(events[0], Notice) and isinstance(events[-1], Completed)
    assert "tools" not in chat_bodies(emulator)[0]


@pytest.mark.parametrize(
    ("fault", "kind", "some_text"),
    [
        ("drop", ErrorKind.CONNECTION, True),
        ("error_nested", ErrorKind.STREAM, True),
        ("malformed", ErrorKind.PROTOCOL, True),
        ("http_401", ErrorKind.AUTH, False),
        ("http_429", ErrorKind.RATE_LIMITED, False),
        ("http_500", ErrorKind.SERVER, False),
        ("http_404_model", ErrorKind.MODEL_NOT_FOUND, False),
        ("context_length", ErrorKind.CONTEXT_LENGTH, False),
    ],
)
def test_faults_end_in_one_specific_failure(
    emulator: Emulator, fault: str, kind: ErrorKind, some_text: bool
) -> None:
    emulator.fail_next(fault, retry_after=2) if fault == "http_429" else emulator.fail_next(fault)
    events = collect(emulator, {"model": "gpt-4.1-mini", "input": [user_message("Hello [[words:40]]")]})
    final = events[-1]
    assert isinstance(final, Failed), events
    assert final.error.kind is kind, final.error
    assert sum(isinstance(e, Completed | Incomplete | Failed) for e in events) == 1
    assert bool(text_of(events)) is some_text
    if fault == "http_429":
        assert final.error.retry_after == 2


def test_bad_key_is_an_auth_error(emulator: Emulator) -> None:
    events = collect(emulator, {"model": "gpt-4.1-mini", "input": [user_message("x")]}, key="sk-invalid")
    assert isinstance(events[-1], Failed) and events[-1].error.kind is ErrorKind.AUTH


def test_a_branching_conversation_replays_its_path_over_chat(emulator: Emulator) -> None:
    async def run() -> tuple[list[str], list[str]]:
        async with openai.AsyncOpenAI(api_key="sk-test", base_url=emulator.base_url, max_retries=0) as client:
            store = MemoryStore()
            runner = TurnRunner(store, lambda request: stream_chat(client, request))
            conv = Conversation()
            tree = ConversationTree(conv.id)
            params = ChatParams(model="gpt-4.1-mini", instructions="Be brief.")
            first = await runner.run(
                tree, conv, None, [user_message("one")], params, prefer=ContextMode.REPLAY
            )
            second = await runner.run(
                tree, conv, first.id, [user_message("two")], params, prefer=ContextMode.REPLAY
            )
            # without the preference a chat node still replays: it has no response id to chain from
            branch = await runner.run(tree, conv, first.id, [user_message("other")], params)
            assert first.status is second.status is branch.status is NodeStatus.COMPLETED
            assert branch.context_mode is ContextMode.REPLAY and branch.response_id is None
            request = build_request(tree, second.id, [user_message("three")], params, ContextMode.REPLAY)
            assert "previous_response_id" not in request
            return parse_context(second.output_text), parse_context(branch.output_text)

    second, branch = asyncio.run(run())
    assert second == ["one", "two"] and branch == ["one", "other"]
    assert all("previous_response_id" not in body for body in chat_bodies(emulator))
    assert [m["role"] for m in chat_bodies(emulator)[1]["messages"]] == [
        "system",
        "user",
        "assistant",
        "user",
    ]
