"""Hosted file search and code interpreter as the emulator streams them, read through the SDK's stream
helper and its pydantic models (the helper checks output indexes, item ids and the final response)."""

from __future__ import annotations

import contextlib
import io
from typing import Any

import openai
import pytest
from openai.types.responses import (
    ResponseCodeInterpreterCallCodeDeltaEvent,
    ResponseCodeInterpreterCallCodeDoneEvent,
    ResponseCodeInterpreterToolCall,
    ResponseFileSearchToolCall,
    ResponseOutputMessage,
)
from openai.types.responses.response_output_text import AnnotationFileCitation

from desktop_chat.emulator import Emulator, parse_context
from tests.emulator.helpers import MODEL, client, http, raw_events, run, stream_events
from tests.emulator.test_streams import collapse

FILE_SEARCH: Any = {"type": "file_search", "vector_store_ids": ["vs_handbook", "vs_faq"]}
CODE: Any = {"type": "code_interpreter", "container": {"type": "auto"}}
INCLUDE: Any = ["file_search_call.results", "code_interpreter_call.outputs"]

FILE_SEARCH_ORDER = [
    "response.created",
    "response.in_progress",
    "response.output_item.added",
    "response.file_search_call.in_progress",
    "response.file_search_call.searching",
    "response.file_search_call.completed",
    "response.output_item.done",
    "response.output_item.added",
    "response.content_part.added",
    "response.output_text.delta",
    "response.output_text.annotation.added",
    "response.output_text.done",
    "response.content_part.done",
    "response.output_item.done",
    "response.completed",
]

CODE_ORDER = [
    "response.created",
    "response.in_progress",
    "response.output_item.added",
    "response.code_interpreter_call.in_progress",
    "response.code_interpreter_call_code.delta",
    "response.code_interpreter_call_code.done",
    "response.code_interpreter_call.interpreting",
    "response.code_interpreter_call.completed",
    "response.output_item.done",
    "response.output_item.added",
    "response.content_part.added",
    "response.output_text.delta",
    "response.output_text.done",
    "response.content_part.done",
    "response.output_item.done",
    "response.completed",
]


def printed_by(code: str) -> str:
    """What `code` prints when it really runs."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, {})  # the emulator's own code, built from a test's prompt
    return out.getvalue()


def test_file_search_streams_a_call_with_results_and_file_citations(emulator: Emulator) -> None:
    events, final = run(
        stream_events(
            emulator.base_url,
            input="vacation policy",
            tools=[FILE_SEARCH],
            include=["file_search_call.results"],
        )
    )
    assert collapse([e.type for e in events]) == FILE_SEARCH_ORDER
    assert [e.sequence_number for e in events] == list(range(len(events)))
    call, message = final.output
    assert isinstance(call, ResponseFileSearchToolCall) and isinstance(message, ResponseOutputMessage)
    assert call.id.startswith("fs_") and call.status == "completed" and call.queries == ["vacation policy"]
    tool_events = [e for e in events if e.type.startswith("response.file_search_call.")]
    assert {(e.item_id, e.output_index) for e in tool_events} == {(call.id, 0)}
    added = next(e for e in events if e.type == "response.output_item.added")
    assert added.item.status == "in_progress" and added.item.results is None
    assert call.results is not None
    assert [r.filename for r in call.results] == ["notes-vs_handbook.md", "notes-vs_faq.md"]
    assert all(r.file_id and r.file_id.startswith("file-") for r in call.results)
    assert all("vacation policy" in (r.text or "") and 0 < (r.score or 0) <= 1 for r in call.results)

    text = final.output_text
    sentence = "Found in your files: 2 passage(s) about “vacation policy”."
    assert text.endswith(sentence) and parse_context(text) == ["vacation policy"]
    notes: list[Any] = message.content[0].annotations  # type: ignore[union-attr]
    assert all(isinstance(n, AnnotationFileCitation) for n in notes)
    assert [(n.filename, n.file_id, n.index) for n in notes] == [
        (r.filename, r.file_id, len(text)) for r in call.results
    ]
    streamed = [e.annotation for e in events if e.type == "response.output_text.annotation.added"]
    assert [a.filename for a in streamed] == ["notes-vs_handbook.md", "notes-vs_faq.md"]
    assert [e.annotation_index for e in events if e.type == "response.output_text.annotation.added"] == [0, 1]


def test_file_search_results_only_when_included(emulator: Emulator) -> None:
    _, final = run(stream_events(emulator.base_url, input="q", tools=[FILE_SEARCH]))
    call = final.output[0]
    assert isinstance(call, ResponseFileSearchToolCall) and call.results is None and call.queries == ["q"]
    assert len(final.output[1].content[0].annotations) == 2  # citations come all the same


def test_code_interpreter_streams_its_code_then_runs_it(emulator: Emulator) -> None:
    prompt = 'Count "these" words — 한국어'
    events, final = run(
        stream_events(
            emulator.base_url, input=prompt, tools=[CODE], include=["code_interpreter_call.outputs"]
        )
    )
    assert collapse([e.type for e in events]) == CODE_ORDER
    call, message = final.output
    assert isinstance(call, ResponseCodeInterpreterToolCall) and isinstance(message, ResponseOutputMessage)
    assert call.id.startswith("ci_") and call.container_id.startswith("cntr_") and call.status == "completed"
    deltas = [e for e in events if isinstance(e, ResponseCodeInterpreterCallCodeDeltaEvent)]
    (done,) = [e for e in events if isinstance(e, ResponseCodeInterpreterCallCodeDoneEvent)]
    assert len(deltas) > 1 and "".join(e.delta for e in deltas) == done.code == call.code
    assert (
        {(e.item_id, e.output_index) for e in deltas} == {(done.item_id, done.output_index)} == {(call.id, 0)}
    )
    added: Any = next(e for e in events if e.type == "response.output_item.added")
    assert (
        added.item.code == "" and added.item.outputs is None and added.item.container_id == call.container_id
    )
    assert call.code is not None and repr(prompt) in call.code
    assert call.outputs is not None and len(call.outputs) == 1
    (logs,) = call.outputs
    assert logs.type == "logs" and logs.logs == printed_by(call.code)  # the logs are what the code prints
    assert logs.logs.startswith("5 words, 25 characters\n")
    assert final.output_text.endswith("The code printed: `5 words, 25 characters`.")
    assert parse_context(final.output_text) == [prompt]


def test_code_interpreter_outputs_only_when_included_and_a_named_container(emulator: Emulator) -> None:
    tool = {"type": "code_interpreter", "container": "cntr_mine"}
    _, final = run(stream_events(emulator.base_url, input="hi", tools=[tool]))
    call = final.output[0]
    assert isinstance(call, ResponseCodeInterpreterToolCall)
    assert call.outputs is None and call.container_id == "cntr_mine" and call.code


def test_all_hosted_tools_with_reasoning_keep_output_indexes_in_order(emulator: Emulator) -> None:
    request: dict[str, Any] = {
        "model": "o4-mini",
        "input": "everything at once",
        "reasoning": {"effort": "low", "summary": "auto"},
        "tools": [{"type": "web_search"}, FILE_SEARCH, CODE],
        "include": INCLUDE,
    }
    events, final = run(stream_events(emulator.base_url, **request))
    assert [item.type for item in final.output] == [
        "reasoning",
        "web_search_call",
        "file_search_call",
        "code_interpreter_call",
        "message",
    ]
    added = [(e.output_index, e.item.id) for e in events if e.type == "response.output_item.added"]
    assert added == [(k, item.id) for k, item in enumerate(final.output)]
    notes = final.output[-1].content[0].annotations
    assert [n.type for n in notes] == ["url_citation", "url_citation", "file_citation", "file_citation"]


def test_stored_whole_and_chained_answers_carry_the_tool_calls(emulator: Emulator) -> None:
    async def scenario() -> None:
        async with client(emulator.base_url) as sdk:
            whole = await sdk.responses.create(
                model=MODEL, input="not streamed", tools=[FILE_SEARCH, CODE], include=INCLUDE
            )
            assert [i.type for i in whole.output] == ["file_search_call", "code_interpreter_call", "message"]
            call = whole.output[1]
            assert isinstance(call, ResponseCodeInterpreterToolCall) and call.outputs
            assert call.outputs[0].type == "logs" and call.outputs[0].logs == printed_by(call.code or "")
            stored = await sdk.responses.retrieve(whole.id)
            assert [i.type for i in stored.output] == [i.type for i in whole.output]
            chained = await sdk.responses.create(
                model=MODEL, input="and then?", previous_response_id=whole.id
            )
            assert parse_context(chained.output_text) == ["not streamed", "and then?"]

    run(scenario())


def test_a_cut_answer_has_no_citation_past_its_end(emulator: Emulator) -> None:
    events = run(raw_events(emulator.base_url, input="short [[fault:incomplete]]", tools=[FILE_SEARCH]))
    final = events[-1]
    assert final.type == "response.incomplete"
    message = final.response.output[-1]
    text = message.content[0].text
    assert "Found in your files" not in text and message.content[0].annotations == []
    assert final.response.output[0].type == "file_search_call"


@pytest.mark.parametrize(
    ("tool", "param", "message"),
    [
        ({"type": "file_search"}, "tools[0].vector_store_ids", "Missing required parameter"),
        ({"type": "file_search", "vector_store_ids": []}, "tools[0].vector_store_ids", "Missing required"),
        (
            {"type": "file_search", "vector_store_ids": ["vs_ok", "handbook"]},
            "tools[0].vector_store_ids[1]",
            "expected an ID that begins with 'vs_'",
        ),
        (
            {"type": "code_interpreter"},
            "tools[0].container",
            "Missing required parameter: 'tools[0].container'",
        ),
    ],
)
def test_bad_tool_settings_are_400s_naming_the_parameter(
    emulator: Emulator, tool: Any, param: str, message: str
) -> None:
    async def scenario() -> None:
        async with client(emulator.base_url) as sdk:
            with pytest.raises(openai.BadRequestError) as caught:
                await sdk.responses.create(model=MODEL, input="hi", tools=[tool], stream=True)
            assert caught.value.param == param and message in caught.value.message

    run(scenario())


@pytest.mark.parametrize("tool", [FILE_SEARCH, CODE])
def test_unsupported_tool_fault_names_the_tool_and_the_model(
    emulator: Emulator, tool: dict[str, Any]
) -> None:
    emulator.fail_next("unsupported_tool")
    status, body, _ = http(
        "POST", f"{emulator.base_url}/responses", {"model": "gpt-5-mini", "input": "hi", "tools": [tool]}
    )
    assert status == 400 and body["error"]["param"] == "tools" and body["error"]["code"] is None
    assert body["error"]["message"] == f"Hosted tool '{tool['type']}' is not supported with gpt-5-mini."
