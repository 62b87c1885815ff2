"""POST /v1/responses/compact, the compacted window as input, and faults aimed at other endpoints."""

from __future__ import annotations

from typing import Any

import openai
import pytest

from desktop_chat.emulator import Emulator, parse_context
from desktop_chat.emulator.answers import parse_compaction
from tests.emulator.helpers import MODEL, client, http, run

TURNS = ["What is a tree?", "And a branch?", "And a leaf?"]


async def chain(sdk: openai.AsyncOpenAI, turns: list[str] = TURNS) -> list[Any]:
    responses: list[Any] = []
    for text in turns:
        responses.append(
            await sdk.responses.create(
                model=MODEL, input=text, previous_response_id=responses[-1].id if responses else None
            )
        )
    return responses


def plain(items: list[Any]) -> list[dict[str, Any]]:
    return [item.to_dict(mode="json", warnings=False) for item in items]


def test_compacting_a_chain_keeps_the_user_messages_and_one_sealed_item(emulator: Emulator) -> None:
    async def scenario() -> tuple[list[Any], Any]:
        async with client(emulator.base_url) as sdk:
            answers = await chain(sdk)
            compacted = await sdk.responses.compact(model=MODEL, previous_response_id=answers[-1].id)
            return answers, compacted

    answers, compacted = run(scenario())
    assert compacted.object == "response.compaction"
    window = plain(compacted.output)
    assert [(i["type"], i.get("role")) for i in window] == [("message", "user")] * 3 + [("compaction", None)]
    assert [i["content"][0]["text"] for i in window[:3]] == TURNS
    assert window[-1]["id"].startswith("cmp_") and window[-1]["encrypted_content"]
    # three answers were replaced; the history it compacted is what the last answer's request saw
    usage = compacted.usage
    assert usage.input_tokens > answers[-1].usage.input_tokens  # that request's input + its answer
    assert usage.output_tokens < usage.input_tokens
    assert usage.total_tokens == usage.input_tokens + usage.output_tokens
    body = emulator.requests[-1]
    assert (body.method, body.path) == ("POST", "/v1/responses/compact")
    assert body.body == {"model": MODEL, "previous_response_id": answers[-1].id}


def test_the_window_sent_as_input_replaces_the_history_and_the_answer_says_so(emulator: Emulator) -> None:
    async def scenario() -> tuple[Any, Any, Any, Any]:
        async with client(emulator.base_url) as sdk:
            answers = await chain(sdk)
            compacted = await sdk.responses.compact(model=MODEL, previous_response_id=answers[-1].id)
            window = plain(compacted.output)
            after = await sdk.responses.create(
                model=MODEL, input=[*window, {"role": "user", "content": "Next?"}]
            )
            chained = await sdk.responses.create(model=MODEL, input="Then?", previous_response_id=after.id)
            full = await sdk.responses.input_tokens.count(model=MODEL, previous_response_id=answers[-1].id)
            small = await sdk.responses.input_tokens.count(model=MODEL, input=window)
            return after, chained, full, small

    after, chained, full, small = run(scenario())
    assert parse_context(after.output_text) == [*TURNS, "Next?"]
    assert parse_compaction(after.output_text) == (1, 3)  # one item standing for the three answers
    # a later turn chained on the server still sees the compacted context, not the old answers
    assert parse_context(chained.output_text) == [*TURNS, "Next?", "Then?"]
    assert parse_compaction(chained.output_text) == (1, 3)
    seen = emulator.context_of(chained.id)
    assert [i.get("role") for i in seen if i["type"] == "message"].count("assistant") == 1  # only "after"
    assert small.input_tokens < full.input_tokens
    assert parse_compaction("no such line") is None


def test_compacting_again_counts_what_the_earlier_compaction_stood_for(emulator: Emulator) -> None:
    async def scenario() -> list[dict[str, Any]]:
        async with client(emulator.base_url) as sdk:
            answers = await chain(sdk)
            first = plain(
                (await sdk.responses.compact(model=MODEL, previous_response_id=answers[-1].id)).output
            )
            more = await sdk.responses.create(
                model=MODEL, input=[*first, {"role": "user", "content": "More"}]
            )
            second = await sdk.responses.compact(model=MODEL, previous_response_id=more.id)
            again = await sdk.responses.create(
                model=MODEL, input=[*plain(second.output), {"role": "user", "content": "Last"}]
            )
            assert parse_compaction(again.output_text) == (1, 4)  # 3 answers, then one more
            return plain(second.output)

    window = run(scenario())
    assert [i["type"] for i in window].count("compaction") == 1


def test_compacting_items_sent_whole_and_the_refusals(emulator: Emulator) -> None:
    async def scenario() -> None:
        async with client(emulator.base_url) as sdk:
            history = [
                {"role": "user", "content": "one"},
                {"role": "assistant", "content": "an answer"},
                {"role": "user", "content": "two"},
            ]
            compacted = await sdk.responses.compact(model=MODEL, input=history)
            assert [i.type for i in compacted.output] == ["message", "message", "compaction"]
            # the compaction's id is not a stored response: nothing chains from it
            with pytest.raises(openai.BadRequestError) as lost:
                await sdk.responses.create(model=MODEL, input="x", previous_response_id=compacted.id)
            assert lost.value.code == "previous_response_not_found"
            with pytest.raises(openai.NotFoundError):
                await sdk.responses.retrieve(compacted.id)
            with pytest.raises(openai.BadRequestError) as gone:
                await sdk.responses.compact(model=MODEL, previous_response_id="resp_unknown")
            assert gone.value.code == "previous_response_not_found"
            with pytest.raises(openai.NotFoundError) as model:
                await sdk.responses.compact(model="no-such-model", input="x")
            assert model.value.code == "model_not_found"
            # a forged or altered compaction item is refused
            forged = plain(compacted.output)
            sealed = forged[-1]["encrypted_content"]
            forged[-1]["encrypted_content"] = sealed[:-2] + ("11" if sealed.endswith("00") else "00")
            with pytest.raises(openai.BadRequestError) as bad:
                await sdk.responses.create(model=MODEL, input=forged)
            assert bad.value.code == "invalid_encrypted_content" and bad.value.param == "input"

    run(scenario())
    status, body, _ = http("POST", emulator.base_url + "/responses/compact", {"model": MODEL})
    assert status == 400 and body["error"]["code"] == "missing_required_parameter"


@pytest.mark.parametrize(
    ("endpoint", "fault", "error"),
    [
        ("compact", "http_401", openai.AuthenticationError),
        ("delete", "http_403", openai.PermissionDeniedError),
        ("retrieve", "http_500", openai.InternalServerError),
        ("input_items", "http_429", openai.RateLimitError),
    ],
)
def test_a_fault_aimed_at_an_endpoint_leaves_the_answers_alone(
    emulator: Emulator, endpoint: str, fault: str, error: type[openai.APIStatusError]
) -> None:
    async def call(sdk: openai.AsyncOpenAI, response_id: str) -> Any:
        if endpoint == "compact":
            return await sdk.responses.compact(model=MODEL, previous_response_id=response_id)
        if endpoint == "delete":
            return await sdk.responses.delete(response_id)
        if endpoint == "retrieve":
            return await sdk.responses.retrieve(response_id)
        return await sdk.responses.input_items.list(response_id)

    async def scenario() -> None:
        async with client(emulator.base_url) as sdk:
            emulator.fail_next(fault, endpoint=endpoint)
            answer = await sdk.responses.create(model=MODEL, input="unaffected")
            assert answer.status == "completed"
            with pytest.raises(error):
                await call(sdk, answer.id)
            await call(sdk, answer.id)  # used up

    run(scenario())


def test_fail_next_refuses_unknown_endpoints_and_stream_faults_elsewhere(emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="endpoint"):
        emulator.fail_next("http_500", endpoint="nowhere")
    with pytest.raises(ValueError, match="only HTTP faults"):
        emulator.fail_next("drop", endpoint="delete")
    status, _, _ = http(
        "POST",
        emulator.base_url.replace("/v1", "/_emulator/faults"),
        {"fault": "http_403", "endpoint": "delete"},
    )
    assert status == 200


def test_input_items_page_forward_with_after_in_either_order(emulator: Emulator) -> None:
    async def scenario() -> tuple[list[str], list[str], Any]:
        async with client(emulator.base_url) as sdk:
            answers = await chain(sdk)
            ascending: list[str] = []
            after: str | None = None
            while True:
                extra = {"after": after} if after else {}
                page = await sdk.responses.input_items.list(answers[-1].id, order="asc", limit=2, **extra)
                ascending += [item.id for item in page.data]
                if not page.has_more:
                    break
                after = page.data[-1].id
            descending = [item.id async for item in sdk.responses.input_items.list(answers[-1].id, limit=2)]
            return ascending, descending, answers

    ascending, descending, answers = run(scenario())
    assert ascending == [i["id"] for i in emulator.context_of(answers[-1].id)]
    assert descending == list(reversed(ascending))
    pages = [
        r for r in emulator.requests if r.path.endswith("/input_items") and r.query.get("order") == "asc"
    ]
    assert [r.query.get("after") for r in pages] == [None, ascending[1], ascending[3]]
