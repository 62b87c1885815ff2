"""Every event sequence the emulator emits, read through the real SDK and its pydantic models."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import openai
import pytest
from openai.types.responses import (
    ResponseCompletedEvent,
    ResponseCreatedEvent,
    ResponseErrorEvent,
    ResponseFailedEvent,
    ResponseIncompleteEvent,
    ResponseTextDeltaEvent,
)

from desktop_chat.emulator import Emulator, parse_context
from tests.emulator.helpers import MODEL, client, raw_events, run, stream_events

PLAIN_ORDER = [
    "response.created",
    "response.in_progress",
    "response.output_item.added",
    "response.content_part.added",
    "response.output_text.delta",
    "response.output_text.done",
    "response.content_part.done",
    "response.output_item.done",
    "response.completed",
]


def collapse(types: list[str]) -> list[str]:
    """Event types with runs of the same type collapsed to one."""
    return [t for i, t in enumerate(types) if i == 0 or types[i - 1] != t]


def test_plain_answer_streams_in_protocol_order_and_reveals_its_context(emulator: Emulator) -> None:
    events = run(raw_events(emulator.base_url, input="What is a tree?", instructions="Be brief."))
    types = [e.type for e in events]
    assert collapse(types) == PLAIN_ORDER
    assert [e.sequence_number for e in events] == list(range(len(events)))
    assert isinstance(events[0], ResponseCreatedEvent) and events[0].response.status == "in_progress"
    deltas = [e for e in events if isinstance(e, ResponseTextDeltaEvent)]
    assert len(deltas) > 10 and all(e.logprobs == [] and len(e.delta) <= 4 for e in deltas)
    final = events[-1]
    assert isinstance(final, ResponseCompletedEvent)
    response = final.response
    message: Any = response.output[0]
    assert response.id.startswith("resp_") and message.id.startswith("msg_")
    assert {e.item_id for e in deltas} == {message.id}
    text = "".join(e.delta for e in deltas)
    assert response.output_text == text
    assert "You said: What is a tree?" in text and "Instructions: Be brief." in text
    assert parse_context(text) == ["What is a tree?"]
    usage = response.usage
    assert usage is not None and usage.input_tokens > 0 and usage.input_tokens_details.cached_tokens == 0
    assert abs(usage.output_tokens - len(text) / 4) <= 1
    assert usage.total_tokens == usage.input_tokens + usage.output_tokens


def test_stream_helper_gives_the_final_response(emulator: Emulator) -> None:
    events, final = run(stream_events(emulator.base_url, input="Hello [[words:300]]"))
    assert final is not None and final.status == "completed"
    snapshot = [e for e in events if e.type == "response.output_text.delta"][-1].snapshot
    assert final.output_text == snapshot
    filler = final.output_text.split("Instructions: none\n\n", 1)[1]
    assert len(filler.split()) == 300 and filler.startswith("Lorem ipsum") and filler.endswith(".")


def test_markdown_directive_answers_with_rich_markdown(emulator: Emulator) -> None:
    _, final = run(stream_events(emulator.base_url, input="Show me [[markdown]]"))
    text = final.output_text
    for expected in ("## Markdown demo", "- First item", "| Name", "```python\ndef greet", "](https://"):
        assert expected in text
    assert parse_context(text) == ["Show me [[markdown]]"]


def test_reasoning_model_streams_a_summary_item_before_the_message(emulator: Emulator) -> None:
    request = {"model": "o4-mini", "input": "Why?", "reasoning": {"effort": "low", "summary": "auto"}}
    events, final = run(stream_events(emulator.base_url, **request))
    assert collapse([e.type for e in events]) == [
        "response.created",
        "response.in_progress",
        "response.output_item.added",
        "response.reasoning_summary_part.added",
        "response.reasoning_summary_text.delta",
        "response.reasoning_summary_text.done",
        "response.reasoning_summary_part.done",
        "response.output_item.done",
        *PLAIN_ORDER[2:],
    ]
    summary = "".join(e.delta for e in events if e.type == "response.reasoning_summary_text.delta")
    reasoning, message = final.output
    assert reasoning.type == "reasoning" and reasoning.id.startswith("rs_")
    assert reasoning.summary[0].text == summary and "1 user message(s)" in summary
    assert message.type == "message"
    assert {e.output_index for e in events if e.type == "response.output_text.delta"} == {1}
    assert final.usage.output_tokens_details.reasoning_tokens > 0
    # a model without reasoning ignores the parameter
    _, plain = run(stream_events(emulator.base_url, input="Why?", reasoning={"effort": "low"}))
    assert [item.type for item in plain.output] == ["message"]


@pytest.mark.parametrize("use_helper", [True, False])
def test_incomplete_ends_with_the_partial_text(emulator: Emulator, use_helper: bool) -> None:
    prompt = "Write [[fault:incomplete]]"
    events = (
        run(stream_events(emulator.base_url, input=prompt))[0]
        if use_helper
        else run(raw_events(emulator.base_url, input=prompt))
    )
    last = events[-1]
    assert isinstance(last, ResponseIncompleteEvent)
    assert last.response.incomplete_details is not None
    assert last.response.incomplete_details.reason == "max_output_tokens"
    partial = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert partial and "**Demo answer**".startswith(partial[:10])
    message: Any = last.response.output[0]
    assert message.content[0].text == partial and message.status == "incomplete"


def test_max_output_tokens_cuts_the_answer_and_ends_incomplete(emulator: Emulator) -> None:
    events = run(raw_events(emulator.base_url, input="Long [[words:200]]", max_output_tokens=16))
    assert events[-1].type == "response.incomplete"
    assert len("".join(e.delta for e in events if e.type == "response.output_text.delta")) == 64


def test_failed_ends_with_response_failed_and_the_helper_has_no_final(emulator: Emulator) -> None:
    async def scenario() -> tuple[list[Any], BaseException | None]:
        async with (
            client(emulator.base_url) as sdk,
            sdk.responses.stream(model=MODEL, input="Hi [[fault:failed]]") as s,
        ):
            events = [e async for e in s]
            try:
                await s.get_final_response()
            except RuntimeError as exc:
                return events, exc
            return events, None

    events, error = run(scenario())
    assert isinstance(error, RuntimeError)
    last = events[-1]
    assert isinstance(last, ResponseFailedEvent)
    assert last.response.status == "failed" and last.response.error is not None
    assert last.response.error.code == "server_error" and "server had an error" in last.response.error.message
    assert any(e.type == "response.output_text.delta" for e in events)
    # the message that was added is closed (incomplete, with the text sent) before the failure
    added = next(e for e in events if e.type == "response.output_item.added")
    done = next(e for e in events if e.type == "response.output_item.done")
    assert done.item.id == added.item.id and done.item.status == "incomplete"
    assert done.item.content[0].text == "".join(
        e.delta for e in events if e.type == "response.output_text.delta"
    )
    assert [e.type for e in events[-4:]] == [
        "response.output_text.done",
        "response.content_part.done",
        "response.output_item.done",
        "response.failed",
    ]


def test_flat_error_event_arrives_as_the_sdks_error_event(emulator: Emulator) -> None:
    events = run(raw_events(emulator.base_url, input="Hi [[fault:error_flat]]"))
    last = events[-1]
    assert isinstance(last, ResponseErrorEvent)
    assert last.code == "server_error" and "server had an error" in last.message
    assert any(e.type == "response.output_text.delta" for e in events)


def test_nested_error_event_makes_the_sdk_raise_api_error(emulator: Emulator) -> None:
    emulator.fail_next("error_nested", code="context_length_exceeded", message="Too long.")
    with pytest.raises(openai.APIError) as caught:
        run(stream_events(emulator.base_url, input="Hi"))
    assert caught.value.message == "Too long."
    assert isinstance(caught.value.body, dict) and caught.value.body["code"] == "context_length_exceeded"


def test_dropped_connection_raises_a_connection_error_mid_stream(emulator: Emulator) -> None:
    seen: list[str] = []

    async def scenario() -> None:
        async with client(emulator.base_url) as sdk:
            stream = await sdk.responses.create(model=MODEL, input="Hi [[fault:drop]]", stream=True)
            async with stream:
                async for event in stream:
                    seen.append(event.type)

    with pytest.raises(openai.APIConnectionError):
        run(scenario())
    assert "response.output_text.delta" in seen and "response.completed" not in seen


def test_malformed_event_data_fails_json_decoding(emulator: Emulator) -> None:
    with pytest.raises(json.JSONDecodeError):
        run(raw_events(emulator.base_url, input="Hi [[fault:malformed]]"))


def test_logprobs_are_filled_when_requested(emulator: Emulator) -> None:
    events = run(
        raw_events(emulator.base_url, input="Hi", include=["message.output_text.logprobs"], top_logprobs=2)
    )
    delta = next(e for e in events if e.type == "response.output_text.delta")
    assert delta.logprobs[0].token == delta.delta and len(delta.logprobs[0].top_logprobs) == 2
    part = events[-1].response.output[0].content[0]
    assert "".join(lp.token for lp in part.logprobs) == part.text


def test_non_streamed_answers(emulator: Emulator) -> None:
    async def scenario() -> tuple[Any, Any]:
        async with client(emulator.base_url) as sdk:
            done = await sdk.responses.create(model=MODEL, input=[{"role": "user", "content": "Hi"}])
            cut = await sdk.responses.create(model=MODEL, input="Hi [[fault:incomplete]]")
            return done, cut

    done, cut = run(scenario())
    assert done.status == "completed" and parse_context(done.output_text) == ["Hi"]
    assert cut.status == "incomplete" and cut.incomplete_details.reason == "max_output_tokens"
    assert [r.body.get("stream", False) for r in emulator.requests if r.body] == [
        False,
        False,
    ]


def test_hold_pauses_streams_after_a_delta_until_released(emulator: Emulator) -> None:
    async def scenario() -> None:
        arrived: list[str] = []
        changed = asyncio.Event()

        async def consume() -> None:
            async with client(emulator.base_url) as sdk, sdk.responses.stream(model=MODEL, input="Hi") as s:
                async for event in s:
                    arrived.append(event.type)
                    changed.set()

        emulator.hold_streams()
        task = asyncio.create_task(consume())
        while "response.output_text.delta" not in arrived:
            await changed.wait()
            changed.clear()
        held_at = len(arrived)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(changed.wait(), 0.3)  # nothing more arrives while held
        assert len(arrived) == held_at
        emulator.release_streams()
        await task
        assert arrived[-1] == "response.completed"

    run(scenario())


def test_hang_stalls_and_stop_returns_promptly(emulator: Emulator) -> None:
    async def scenario() -> tuple[list[str], float, BaseException | None]:
        seen: list[str] = []
        changed = asyncio.Event()

        async def consume() -> None:
            async with client(emulator.base_url) as sdk:
                stream = await sdk.responses.create(model=MODEL, input="Hi [[fault:hang]]", stream=True)
                async with stream:
                    async for event in stream:
                        seen.append(event.type)
                        changed.set()

        task = asyncio.create_task(consume())
        while True:  # until the stream goes quiet for 0.3 s
            changed.clear()
            try:
                await asyncio.wait_for(changed.wait(), 0.3)
            except TimeoutError:
                break
        started = time.monotonic()
        await asyncio.to_thread(emulator.stop)
        elapsed = time.monotonic() - started
        try:
            await task
        except openai.APIConnectionError as exc:
            return seen, elapsed, exc
        return seen, elapsed, None

    seen, elapsed, error = run(scenario())
    assert seen[-1] == "response.output_text.delta"  # it stalled after some text
    assert elapsed < 2
    assert isinstance(error, openai.APIConnectionError)
    emulator.stop()  # idempotent


def test_a_stopped_stream_is_kept_as_cancelled_and_can_be_chained(emulator: Emulator) -> None:
    async def scenario() -> tuple[Any, Any]:
        emulator.hold_streams()
        async with client(emulator.base_url) as sdk:
            stream = await sdk.responses.create(model=MODEL, input="Long one [[words:500]]", stream=True)
            async with stream:
                async for event in stream:
                    if event.type == "response.created":
                        response_id = event.response.id
                    if event.type == "response.output_text.delta":
                        break
            emulator.release_streams()
            while True:  # the server notices the closed connection within a few polls
                try:
                    stored = await sdk.responses.retrieve(response_id)
                    break
                except openai.NotFoundError:
                    await asyncio.sleep(0.01)
            follow = await sdk.responses.create(model=MODEL, input="Go on", previous_response_id=response_id)
        return stored.status, follow

    status, follow = run(scenario())
    assert status == "cancelled"
    assert parse_context(follow.output_text) == ["Long one [[words:500]]", "Go on"]
