"""File search and code interpreter from request to what the transcript shows: the request asks for the
results, the stream reports activity, and the final items give file sources, code and logs (escaped)."""

from __future__ import annotations

import re
from typing import Any

from desktop_chat.core.api.events import Completed, ToolActivity
from desktop_chat.core.api.providers.responses import with_tool_includes
from desktop_chat.core.content.markdown import code_key
from desktop_chat.core.content.output_items import (
    CodeRun,
    FileCitation,
    activity_label,
    code_runs_html,
    code_runs_of,
    file_citations_of,
    file_sources_html,
    find_code,
    tool_calls_of,
)
from desktop_chat.core.conversation.model import ChatParams, Node, user_message
from desktop_chat.emulator import Emulator
from tests.core.api.test_rich_requests import collect, request_for


def test_a_turn_with_both_tools_asks_for_results_and_gets_sources_code_and_logs(emulator: Emulator) -> None:
    params = ChatParams(model="gpt-4.1-mini", file_search_vector_store_ids=["vs_one"], code_interpreter=True)
    request = request_for(params, "sum 2 and 3")
    assert "include" not in request  # the provider adds what it needs to show the tools
    events = collect(emulator, request)
    body = emulator.requests[-1].body
    assert body is not None
    assert body["include"] == ["file_search_call.results", "code_interpreter_call.outputs"]
    assert [t["type"] for t in body["tools"]] == ["file_search", "code_interpreter"]

    activity = [(e.tool, e.status) for e in events if isinstance(e, ToolActivity)]
    assert activity == [
        ("file_search", "in_progress"),
        ("file_search", "searching"),
        ("file_search", "completed"),
        ("code_interpreter", "in_progress"),
        ("code_interpreter", "interpreting"),
        ("code_interpreter", "completed"),
    ]
    labels = [activity_label(f"{tool}: {status}") for tool, status in activity]
    assert labels == ["Searching files…", "Searching files…", "", "Running code…", "Running code…", ""]

    final = events[-1]
    assert isinstance(final, Completed)
    assert file_citations_of(final.output_items) == [
        FileCitation("notes-vs_one.md", final.output_items[0]["results"][0]["file_id"])
    ]
    assert tool_calls_of(final.output_items) == [("file_search", "sum 2 and 3"), ("code_interpreter", "")]
    (code_run,) = code_runs_of(final.output_items)
    assert "print(text[::-1])" in code_run.code and code_run.status == "completed"
    assert code_run.logs == "4 words, 11 characters\n3 dna 2 mus\n" and code_run.images == 0


def test_with_tool_includes_adds_each_name_once_and_keeps_the_rest() -> None:
    plain = {"model": "m", "input": []}
    assert with_tool_includes(plain) is plain
    request = {
        "tools": [{"type": "code_interpreter"}, {"type": "web_search"}, {"type": "code_interpreter"}],
        "include": ["message.output_text.logprobs", "code_interpreter_call.outputs"],
    }
    assert with_tool_includes(request) is request
    request = {"tools": [{"type": "file_search"}, {"type": "code_interpreter"}], "include": ["x"]}
    assert with_tool_includes(request)["include"] == [
        "x",
        "file_search_call.results",
        "code_interpreter_call.outputs",
    ]
    assert request["include"] == ["x"]  # the caller's request is not changed


def test_file_citations_one_per_file_with_container_files_noted() -> None:
    items = [
        {
            "type": "message",
            "content": [
                {
                    "type": "output_text",
                    "text": "x",
                    "annotations": [
                        {"type": "file_citation", "file_id": "file-1", "filename": "a.pdf", "index": 1},
                        {"type": "url_citation", "url": "https://e.example", "title": "E"},
                        {"type": "file_citation", "file_id": "file-1", "filename": "a.pdf", "index": 9},
                        {
                            "type": "container_file_citation",
                            "container_id": "cntr_1",
                            "file_id": "cfile-2",
                            "filename": "plot.png",
                            "start_index": 0,
                            "end_index": 1,
                        },
                        {"type": "file_path", "file_id": "file-3", "index": 0},
                        {"type": "file_citation", "file_id": "", "filename": ""},
                    ],
                }
            ],
        }
    ]
    files = file_citations_of(items)
    assert files == [FileCitation("a.pdf", "file-1"), FileCitation("plot.png", "cfile-2", "cntr_1")]
    out = file_sources_html(files, 3)
    assert "[3] a.pdf" in out and "[4] plot.png" in out and "made by the code interpreter" in out
    hostile = file_sources_html([FileCitation('<img src="https://evil.example/x">.md', "f")])
    assert "<img" not in hostile and "&lt;img src=&quot;https://evil.example/x&quot;&gt;.md" in hostile


def interpreter_items(
    code: str, outputs: list[dict[str, Any]] | None, status: str = "completed"
) -> list[Any]:
    return [
        {
            "type": "code_interpreter_call",
            "id": "ci_1",
            "code": code,
            "container_id": "cntr_1",
            "outputs": outputs,
            "status": status,
        }
    ]


def test_code_runs_html_shows_code_and_logs_escaped() -> None:
    code = "print('<b>hi</b>')\n"
    items = interpreter_items(
        code,
        [
            {"type": "logs", "logs": "<b>hi</b>\n"},
            {"type": "image", "url": "https://evil.example/plot.png"},
            {"type": "logs", "logs": "more & more\n"},
        ],
    )
    assert code_runs_of(items) == [CodeRun(code, "<b>hi</b>\nmore & more\n", 1, "completed")]
    out = code_runs_html(items)
    assert "<b>hi" not in out and "<img" not in out and "evil.example" not in out
    assert "&lt;b&gt;hi&lt;/b&gt;\nmore &amp; more</pre>" in out  # the logs, last line break dropped
    assert "Ran code" in out and "Output" in out and "1 image output(s), not shown" in out
    (key,) = re.findall(r'href="copy-code:([0-9a-f]{16})"', out)
    assert key == code_key(code)
    node = Node("c", None, [user_message("q")], output_text="no code blocks", output_items=items)
    assert find_code(node, key) == "print('<b>hi</b>')"
    assert find_code(node, "0" * 16) is None


def test_code_runs_without_outputs_long_logs_and_failures() -> None:
    assert "(no output)" in code_runs_html(interpreter_items("x = 1", None))
    out = code_runs_html(
        interpreter_items("print('y' * 5000)", [{"type": "logs", "logs": "y" * 5000 + "\n"}])
    )
    assert "y" * 4000 + "\n… 1,001 more characters</pre>" in out
    assert "Ran code (failed)" in code_runs_html(interpreter_items("1/0", None, "failed"))
    assert code_runs_html([{"type": "web_search_call"}]) == ""


def test_find_code_prefers_the_answer_then_the_reasoning_then_the_interpreter() -> None:
    node = Node(
        "c",
        None,
        [user_message("q")],
        output_text="```\nanswer code\n```\n",
        reasoning_text="    reasoning code\n",
        output_items=interpreter_items("ran code\n", None),
    )
    assert find_code(node, code_key("answer code\n")) == "answer code"
    assert find_code(node, code_key("reasoning code\n")) == "reasoning code"
    assert find_code(node, code_key("ran code\n")) == "ran code"
