"""Stored responses, chaining, the other endpoints, errors and the test controls."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import openai
import pytest

from desktop_chat.emulator import Emulator, parse_context
from tests.emulator.helpers import MODEL, client, http, run

TURNS = ["What is a tree?", "And a branch?", "And a leaf?"]


def test_a_chain_and_its_replay_reveal_the_same_context(emulator: Emulator) -> None:
    async def scenario() -> tuple[list[Any], Any]:
        async with client(emulator.base_url) as sdk:
            chain: list[Any] = []
            for i, text in enumerate(TURNS):
                chain.append(
                    await sdk.responses.create(
                        model=MODEL,
                        input=[{"role": "user", "content": [{"type": "input_text", "text": text}]}],
                        previous_response_id=chain[-1].id if chain else None,
                        instructions="Be brief." if i == 0 else None,
                    )
                )
            history: list[Any] = []
            for text, answer in zip(TURNS[:-1], chain, strict=False):
                history += [
                    {"role": "user", "content": text},
                    {"role": "assistant", "content": answer.output_text},
                ]
            history.append({"role": "user", "content": TURNS[-1]})
            replay = await sdk.responses.create(model=MODEL, input=history)
            return chain, replay

    chain, replay = run(scenario())
    assert parse_context(chain[-1].output_text) == TURNS
    assert parse_context(replay.output_text) == TURNS
    assert "Instructions: Be brief." in chain[0].output_text
    assert "Instructions: none" in chain[1].output_text  # instructions are not carried over
    seen = emulator.context_of(chain[-1].id)
    assert [(item["role"], item["content"][0]["type"]) for item in seen] == [
        ("user", "input_text"),
        ("assistant", "output_text"),
        ("user", "input_text"),
        ("assistant", "output_text"),
        ("user", "input_text"),
    ]
    assert seen[1]["id"] == chain[0].output[0].id
    assert chain[-1].usage.input_tokens > chain[0].usage.input_tokens


@pytest.mark.parametrize("how", ["forget_one", "forget_all", "store_false", "http_forget"])
def test_a_lost_previous_response_is_refused_as_openai_does(emulator: Emulator, how: str) -> None:
    async def scenario() -> None:
        async with client(emulator.base_url) as sdk:
            first = await sdk.responses.create(model=MODEL, input="Remember 7", store=how != "store_false")
            if how == "forget_one":
                emulator.forget(first.id)
            elif how == "forget_all":
                emulator.forget()
            elif how == "http_forget":
                assert (
                    http(
                        "POST", emulator.base_url.replace("/v1", "/_emulator/forget"), {"response_id": None}
                    )[0]
                    == 200
                )
            with pytest.raises(openai.BadRequestError) as caught:
                await sdk.responses.create(model=MODEL, input="Which?", previous_response_id=first.id)
            assert caught.value.code == "previous_response_not_found"
            assert caught.value.param == "previous_response_id"
            assert caught.value.body == {
                "message": f"Previous response with id '{first.id}' not found.",
                "type": "invalid_request_error",
                "param": "previous_response_id",
                "code": "previous_response_not_found",
            }

    run(scenario())


def test_retrieve_delete_and_input_items_paging(emulator: Emulator) -> None:
    async def scenario() -> None:
        async with client(emulator.base_url) as sdk:
            first = await sdk.responses.create(model=MODEL, input="one")
            second = await sdk.responses.create(
                model=MODEL,
                input=[{"role": "user", "content": "two"}, {"role": "user", "content": "three"}],
                previous_response_id=first.id,
            )
            fetched = await sdk.responses.retrieve(second.id)
            assert fetched.id == second.id and fetched.output_text == second.output_text

            newest_first: list[Any] = [
                item async for item in sdk.responses.input_items.list(second.id, limit=2)
            ]
            texts = [item.content[0].text if item.role == "user" else "answer" for item in newest_first]
            assert texts == ["three", "two", "answer", "one"]
            page: Any = await sdk.responses.input_items.list(second.id, limit=3, order="asc")
            assert page.has_more and page.first_id == page.data[0].id and page.last_id == page.data[-1].id
            assert [item.id for item in page.data] == [item.id for item in reversed(newest_first)][:3]

            await sdk.responses.delete(first.id)
            with pytest.raises(openai.NotFoundError):
                await sdk.responses.retrieve(first.id)
            with pytest.raises(openai.NotFoundError):
                await sdk.responses.input_items.list(first.id)
            with pytest.raises(openai.BadRequestError):  # the chain is broken now
                await sdk.responses.create(model=MODEL, input="four", previous_response_id=first.id)

    run(scenario())
    assert http("DELETE", f"{emulator.base_url}/responses/resp_unknown")[0] == 404


def test_delete_answers_the_deleted_object(emulator: Emulator) -> None:
    status, body, _ = http("POST", f"{emulator.base_url}/responses", {"model": MODEL, "input": "hi"})
    assert status == 200 and body["object"] == "response" and body["status"] == "completed"
    assert http("DELETE", f"{emulator.base_url}/responses/{body['id']}")[:2] == (
        200,
        {"id": body["id"], "object": "response", "deleted": True},
    )


def test_models_input_tokens_and_unknown_model(emulator: Emulator) -> None:
    async def scenario() -> None:
        async with client(emulator.base_url) as sdk:
            page = await sdk.models.list()
            assert [m.id for m in page.data] == ["gpt-4.1-mini", "gpt-4.1", "gpt-5-mini", "o4-mini"]
            counted = await sdk.responses.input_tokens.count(model=MODEL, input="x" * 400)
            assert 100 <= counted.input_tokens <= 110
            with pytest.raises(openai.NotFoundError) as caught:
                await sdk.responses.create(model="gpt-nope", input="hi")
            assert caught.value.code == "model_not_found" and "gpt-nope" in caught.value.message

    run(scenario())
    with Emulator(models=["local-model"]) as custom:
        assert http("GET", f"{custom.base_url}/models")[1]["data"][0]["id"] == "local-model"


@pytest.mark.parametrize(
    ("model", "param"), [("gpt-5-mini", "temperature"), ("o4-mini", "top_p"), ("gpt-5-mini", "top_p")]
)
def test_sampling_parameters_on_reasoning_models_are_refused_as_the_api_does(
    emulator: Emulator, model: str, param: str
) -> None:
    async def scenario() -> list[openai.BadRequestError]:
        refused = []
        async with client(emulator.base_url) as sdk:
            for create in (
                sdk.responses.create(model=model, input="hi", **{param: 0.5}),
                sdk.chat.completions.create(
                    model=model, messages=[{"role": "user", "content": "hi"}], **{param: 0.5}
                ),
            ):
                with pytest.raises(openai.BadRequestError) as caught:
                    await create
                refused.append(caught.value)
            # without it, and on a model that samples, the same request is answered
            await sdk.responses.create(model=model, input="hi")
            await sdk.responses.create(model=MODEL, input="hi", **{param: 0.5})
        return refused

    for error in run(scenario()):
        assert error.status_code == 400 and error.param == param and error.code == "unsupported_parameter"
        assert error.type == "invalid_request_error"
        assert error.body == {
            "message": f"Unsupported parameter: '{param}' is not supported with this model.",
            "type": "invalid_request_error",
            "param": param,
            "code": "unsupported_parameter",
        }


def test_a_bad_or_missing_key_is_refused_with_401(emulator: Emulator) -> None:
    async def scenario() -> None:
        async with client(emulator.base_url, api_key="sk-invalid") as sdk:
            with pytest.raises(openai.AuthenticationError) as caught:
                await sdk.responses.create(model=MODEL, input="hi")
            assert caught.value.code == "invalid_api_key"

    run(scenario())
    status, body, _ = http("GET", f"{emulator.base_url}/models", key=None)
    assert status == 401 and "API key" in body["error"]["message"]
    assert emulator.requests[-1].path == "/v1/models" and "Authorization" not in emulator.requests[-1].headers


@pytest.mark.parametrize(
    ("fault", "error", "status", "code"),
    [
        ("http_401", openai.AuthenticationError, 401, "invalid_api_key"),
        ("http_404_model", openai.NotFoundError, 404, "model_not_found"),
        ("http_500", openai.InternalServerError, 500, None),
        ("http_503", openai.InternalServerError, 503, None),
        ("context_length", openai.BadRequestError, 400, "context_length_exceeded"),
        ("unsupported_tool", openai.BadRequestError, 400, None),
    ],
)
def test_http_faults_from_the_prompt_or_queued(
    emulator: Emulator, fault: str, error: type[openai.APIStatusError], status: int, code: str | None
) -> None:
    async def scenario() -> None:
        async with client(emulator.base_url) as sdk:
            with pytest.raises(error) as caught:
                await sdk.responses.create(model=MODEL, input=f"Hi [[fault:{fault}]]")
            assert caught.value.status_code == status and caught.value.code == code
            emulator.fail_next(fault)
            with pytest.raises(error):
                await sdk.responses.create(model=MODEL, input="Hi", stream=True)
            # a queued fault applies to one request only
            done = await sdk.responses.create(model=MODEL, input="Hi")
            assert done.status == "completed"
            if fault == "unsupported_tool":
                assert caught.value.param == "tools" and "Hosted tool" in caught.value.message

    run(scenario())


def test_429_carries_retry_after_and_the_sdks_retry_then_succeeds(emulator: Emulator) -> None:
    async def scenario() -> None:
        async with client(emulator.base_url) as sdk:
            emulator.fail_next("http_429")
            with pytest.raises(openai.RateLimitError) as caught:
                await sdk.responses.create(model=MODEL, input="Hi")
            headers = caught.value.response.headers
            assert headers["retry-after"] == "1" and headers["retry-after-ms"] == "1000"
            assert caught.value.code == "rate_limit_exceeded"
        async with client(emulator.base_url, max_retries=2) as retrying:
            before = len(emulator.requests)
            emulator.fail_next("http_429", retry_after=0.05, times=2)
            done = await retrying.responses.create(model=MODEL, input="Hi")
            assert done.status == "completed" and len(emulator.requests) == before + 3

    run(scenario())


def test_recorded_requests_and_their_controls(emulator: Emulator) -> None:
    url = emulator.base_url.replace("/v1", "/_emulator")
    assert http("POST", f"{url}/faults", {"fault": "http_500"})[0] == 200
    assert http("POST", f"{url}/faults", {"fault": "nonsense"})[0] == 400
    assert http("POST", f"{emulator.base_url}/responses", {"model": MODEL, "input": "x"})[0] == 500
    assert http("POST", f"{emulator.base_url}/responses", {"model": MODEL, "input": "x"})[0] == 200
    [first, _] = emulator.wait_for_requests(2, timeout=1)
    assert (
        first.method == "POST"
        and first.path == "/v1/responses"
        and first.body == {"model": MODEL, "input": "x"}
    )
    assert first.headers["authorization"] == first.headers.get("Authorization") == "Bearer sk-test"
    status, listing, _ = http("GET", f"{url}/requests")
    assert status == 200 and [r["path"] for r in listing] == ["/v1/responses", "/v1/responses"]
    with pytest.raises(TimeoutError):
        emulator.wait_for_requests(3, timeout=0.05)
    with pytest.raises(ValueError):
        emulator.fail_next("nonsense")


def test_chat_completions_stream_per_protocol(emulator: Emulator) -> None:
    async def scenario() -> list[Any]:
        async with client(emulator.base_url) as sdk:
            stream = await sdk.chat.completions.create(
                model=MODEL,
                messages=[
                    {"role": "system", "content": "Be kind."},
                    {"role": "user", "content": "Hello chat"},
                ],
                stream=True,
                stream_options={"include_usage": True},
            )
            async with stream:
                return [chunk async for chunk in stream]

    chunks = run(scenario())
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert parse_context(text) == ["Hello chat"] and "Instructions: Be kind." in text
    assert chunks[-2].choices[0].finish_reason == "stop"
    assert (
        chunks[-1].choices == [] and chunks[-1].usage is not None and chunks[-1].usage.completion_tokens > 0
    )


def test_cli_prints_its_url_serves_and_stops_on_sigterm() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_chat.emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.fullmatch(r"EMULATOR_URL=(http://127\.0\.0\.1:\d+/v1)\n", line)
        assert match, line
        base_url = match.group(1)

        async def ask() -> str:
            async with client(base_url) as sdk:
                return (await sdk.responses.create(model=MODEL, input="Hello process")).output_text

        assert parse_context(run(ask())) == ["Hello process"]
        status, listing, _ = http("GET", base_url.replace("/v1", "/_emulator/requests"))
        assert status == 200 and listing[-1]["body"]["input"] == "Hello process"
        proc.terminate()
        assert proc.wait(5) == 0
        assert proc.stdout.read() == ""  # exactly one line
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)
        if proc.stdout is not None:
            proc.stdout.close()
