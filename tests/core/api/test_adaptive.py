"""Sending a turn the way the server takes it (core/api/providers/adaptive.py), against the emulator."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest

from desktop_chat.core.api.capabilities import ServerKnowledge
from desktop_chat.core.api.client import server_key
from desktop_chat.core.api.context import build_request
from desktop_chat.core.api.events import Completed, Failed, Notice, StreamEvent
from desktop_chat.core.api.providers.adaptive import Route, adaptive_stream, refused_parameters, without
from desktop_chat.core.api.providers.errors import error_from_payload
from desktop_chat.core.conversation.model import ChatParams, ContextMode, user_message
from desktop_chat.core.conversation.store import Store, open_store
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.emulator import Emulator


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened, _ = open_store(tmp_path / "chat.sqlite3")
    yield opened
    opened.close()


def request_for(params: ChatParams, text: str = "Hello") -> dict[str, Any]:
    return build_request(ConversationTree("c"), None, [user_message(text)], params, ContextMode.CHAIN)


def send(
    emu: Emulator, knowledge: ServerKnowledge, request: dict[str, Any], route: Route | None = None
) -> list[StreamEvent]:
    async def run() -> list[StreamEvent]:
        async with openai.AsyncOpenAI(api_key="sk-test", base_url=emu.base_url, max_retries=0) as client:
            stream = adaptive_stream(client, knowledge, route or Route())
            return [event async for event in stream(request)]

    return asyncio.run(run())


def posts(emu: Emulator, after: int = 0) -> list[Any]:
    return [r for r in emu.requests[after:] if r.method == "POST"]


def notices(events: list[StreamEvent]) -> list[str]:
    return [e.text for e in events if isinstance(e, Notice)]


def test_no_responses_route_falls_back_to_chat_completions_and_remembers(store: Store) -> None:
    with Emulator(mode="chat_only") as emu:
        knowledge = ServerKnowledge(store, server_key(emu.base_url))
        events = send(emu, knowledge, request_for(ChatParams()))
        assert (
            isinstance(events[-1], Completed)
            and "You said: Hello" in events[-1].output_items[0]["content"][0]["text"]
        )
        assert "no Responses API (HTTP 404" in notices(events)[0]
        assert [r.path for r in posts(emu)] == ["/v1/responses", "/v1/chat/completions"]
        # remembered in the store, for the whole server
        again = ServerKnowledge(store, server_key(emu.base_url))
        assert again.facts("any-model").responses_api is False and again.stateless("gpt-4.1")
        before = len(emu.requests)
        events = send(emu, again, request_for(ChatParams()))
        assert notices(events) == [] and [r.path for r in posts(emu, before)] == ["/v1/chat/completions"]


def test_a_streamed_500_is_asked_again_unstreamed_and_remembered_for_the_model(store: Store) -> None:
    with Emulator(quirks={"gpt-4.1-mini": {"stream_500"}}) as emu:
        knowledge = ServerKnowledge(store, server_key(emu.base_url))
        events = send(emu, knowledge, request_for(ChatParams()))
        assert isinstance(events[-1], Completed), events[-1]
        assert (
            "Streaming failed on this server (HTTP 500: Error processing stream start)" in notices(events)[0]
        )
        assert [r.body.get("stream") for r in posts(emu)] == [True, None]
        assert (
            knowledge.facts("gpt-4.1-mini").streaming is False
            and knowledge.facts("gpt-4.1").streaming is None
        )
        before = len(emu.requests)
        events = send(emu, knowledge, request_for(ChatParams()))
        assert notices(events) == [] and [r.body.get("stream") for r in posts(emu, before)] == [None]


def test_a_500_streamed_and_unstreamed_ends_with_the_servers_words(store: Store) -> None:
    with Emulator() as emu:
        emu.fail_next("http_500", times=2, message="Upstream model crashed (id 42).")
        events = send(emu, ServerKnowledge(store, "s"), request_for(ChatParams()))
        [failed] = [e for e in events if isinstance(e, Failed)]
        assert failed.error.status_code == 500 and failed.error.type == "server_error"
        assert failed.error.server_message == "Upstream model crashed (id 42)."
        assert "(Server: HTTP 500, server_error: Upstream model crashed (id 42).)" in failed.error.message
        assert ServerKnowledge(store, "s").facts("gpt-4.1-mini").streaming is None  # nothing learnt


def test_a_refused_parameter_is_left_out_learnt_and_said(store: Store) -> None:
    with Emulator(quirks={"gpt-4.1-mini": {"refuses:reasoning.effort"}}) as emu:
        knowledge = ServerKnowledge(store, server_key(emu.base_url))
        request = request_for(ChatParams(reasoning_effort="low", reasoning_summary=True))
        events = send(emu, knowledge, request)
        assert isinstance(events[-1], Completed)
        assert notices(events) == [
            "The model gpt-4.1-mini does not take reasoning.effort on this server, "
            "so it was sent again without it."
        ]
        first, second = (r.body for r in posts(emu))
        assert first["reasoning"] == {"effort": "low", "summary": "auto"} and second["reasoning"] == {
            "summary": "auto"
        }
        before = len(emu.requests)
        assert notices(send(emu, knowledge, request)) == []
        assert [r.body["reasoning"] for r in posts(emu, before)] == [{"summary": "auto"}]


def test_reasoning_models_get_no_temperature_or_top_p() -> None:
    params = ChatParams(model="o4-mini", temperature=0.3, top_p=0.5)
    assert "temperature" not in request_for(params) and "top_p" not in request_for(params)
    sampled = request_for(ChatParams(model="gpt-5-chat-latest", temperature=0.3))
    assert sampled["temperature"] == 0.3
    refused = pytest.raises(openai.BadRequestError, match="Unsupported parameter: 'temperature'")
    with Emulator() as emu, refused:  # the emulator answers like the live API: 400 for temperature on o4-mini
        openai.OpenAI(api_key="sk", base_url=emu.base_url, max_retries=0).responses.create(
            model="o4-mini", input="hi", temperature=0.3
        )


def test_compaction_is_offered_as_context_management() -> None:
    request = request_for(ChatParams(compact_threshold=200_000))
    assert request["context_management"] == [{"type": "compaction", "compact_threshold": 200_000}]
    assert "context_management" not in request_for(ChatParams())
    assert ChatParams(compact_threshold=10).validate()


def test_the_profile_route_fixes_the_api_and_streaming(store: Store) -> None:
    with Emulator() as emu:
        knowledge = ServerKnowledge(store, "s")
        send(emu, knowledge, request_for(ChatParams()), Route(api="chat", streaming=False))
        [request] = posts(emu)
        assert request.path == "/v1/chat/completions" and "stream" not in request.body


@pytest.mark.parametrize(
    ("message", "param", "code", "found"),
    [
        (
            "Unsupported parameter: 'top_p' is not supported with this model.",
            "top_p",
            "unsupported_parameter",
            ["top_p"],
        ),
        (
            "litellm.UnsupportedParamsError: openai does not support parameters: ['reasoning_effort']",
            None,
            None,
            ["reasoning.effort"],
        ),
        (
            "Unsupported value: 'temperature' does not support 0.3 with this model.",
            "temperature",
            "unsupported_value",
            ["temperature"],
        ),
        ("Invalid 'input': empty.", "input", None, []),  # not a refused parameter
        ("Unsupported parameter: 'text'", "text", "unsupported_parameter", []),  # would change the question
    ],
)
def test_refused_parameters_are_read_from_the_servers_words(
    message: str, param: str | None, code: str | None, found: list[str]
) -> None:
    request = {
        "model": "m",
        "input": "x",
        "temperature": 0.3,
        "top_p": 0.5,
        "reasoning": {"effort": "low"},
        "text": {},
    }
    error = error_from_payload(code, message, 400, "invalid_request_error", param)
    assert refused_parameters(error, request) == found
    assert (
        without(
            {"reasoning": {"effort": "low"}, "top_logprobs": 3, "include": ["message.output_text.logprobs"]},
            ["reasoning.effort", "top_logprobs"],
        )
        == {}
    )


def test_a_model_learnt_to_fail_streamed_is_streamed_again_after_the_retry_time(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_chat.core.api.providers import adaptive

    now = [1_000_000.0]
    monkeypatch.setattr(adaptive.time, "time", lambda: now[0])
    with Emulator(quirks={"gpt-4.1-mini": {"stream_500"}}) as emu:
        knowledge = ServerKnowledge(store, server_key(emu.base_url))
        send(emu, knowledge, request_for(ChatParams()))  # learnt: unstreamed
        now[0] += adaptive.STREAM_RETRY_S - 60
        before = len(emu.requests)
        send(emu, ServerKnowledge(store, server_key(emu.base_url)), request_for(ChatParams()))
        assert [r.body.get("stream") for r in posts(emu, before)] == [None]  # not yet
        now[0] += 120  # a day later: tried streamed once, fails again: unstreamed, no second notice
        before = len(emu.requests)
        events = send(emu, ServerKnowledge(store, server_key(emu.base_url)), request_for(ChatParams()))
        assert [r.body.get("stream") for r in posts(emu, before)] == [True, None]
        assert isinstance(events[-1], Completed) and notices(events) == []
        emu.quirks.pop("gpt-4.1-mini")  # the server's streaming is fixed
        now[0] += adaptive.STREAM_RETRY_S + 1
        before = len(emu.requests)
        events = send(emu, ServerKnowledge(store, server_key(emu.base_url)), request_for(ChatParams()))
        assert [r.body.get("stream") for r in posts(emu, before)] == [True]
        assert isinstance(events[-1], Completed)
        assert ServerKnowledge(store, server_key(emu.base_url)).facts("gpt-4.1-mini").streaming is True
