"""Rich answers in the transcript and the dialogs around them, driven through their widgets."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QTableWidgetItem

from desktop_chat.core.content.pricing import Price
from desktop_chat.core.conversation.model import ChatParams, Node, NodeStatus, Usage, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.ui.dialogs.context_inspector import ContextInspector
from desktop_chat.ui.dialogs.settings_dialog import SettingsDialog
from desktop_chat.ui.transcript.logprobs_view import LogprobsDialog, colour_for
from desktop_chat.ui.transcript.message_html import json_schema_errors
from desktop_chat.ui.transcript.transcript import TranscriptView
from tests.views import shown_transcript


@pytest.fixture
def view(qtbot: Any) -> TranscriptView:
    return shown_transcript(qtbot, 500, 400)


def node(text: str = "", **extra: Any) -> Node:
    return Node("c", None, [user_message("question")], output_text=text, **extra)


def test_reasoning_streams_above_the_answer_then_collapses(view: TranscriptView) -> None:
    n = node()
    view.show_path([n])
    n.reasoning_text = "Thinking about **trees**"
    view.update_streaming(n)
    view.flush()
    assert "Reasoning ▾" in view.rendered_text() and "Thinking about trees" in view.rendered_text()
    n.output_text = "The answer."
    view.update_streaming(n)
    view.flush()
    text = view.rendered_text()
    assert text.index("Thinking about trees") < text.index("The answer.")
    n.status, n.usage = NodeStatus.COMPLETED, Usage(input_tokens=5, output_tokens=40, reasoning_tokens=32)
    view.update_streaming(n)
    text = view.rendered_text()
    assert "Reasoning (32 tokens) ▸" in text and "Thinking about trees" not in text
    assert "32 reasoning" in text and text.index("Reasoning (32") < text.index("The answer.")
    view.anchorClicked.emit(QUrl(f"reasoning:{n.id}"))
    assert "Thinking about trees" in view.rendered_text()
    assert view.rendered_text().count("The answer.") == 1


def test_tool_activity_shows_while_streaming_and_goes_away(view: TranscriptView) -> None:
    n = node("Partial")
    view.show_path([n])
    view.show_activity(n, "web_search: searching")
    view.flush()
    assert view.activity_text() == "Searching the web…" and "Searching the web…" in view.rendered_text()
    n.output_text += " and more"
    n.status = NodeStatus.COMPLETED
    n.output_items = [
        {"type": "web_search_call", "action": {"type": "search", "query": "trees"}},
        {
            "type": "message",
            "content": [
                {
                    "type": "output_text",
                    "text": n.output_text,
                    "annotations": [
                        {"type": "url_citation", "url": "https://a.example/x", "title": "Alpha"},
                        {"type": "url_citation", "url": "https://a.example/x", "title": "Alpha again"},
                        {"type": "url_citation", "url": "https://b.example/y", "title": "Beta <b>"},
                    ],
                }
            ],
        },
    ]
    view.update_streaming(n)
    text = view.rendered_text()
    assert "Searching the web…" not in text and "Searched the web: trees" in text
    assert "[1] Alpha https://a.example/x" in text and "[2] Beta <b> https://b.example/y" in text
    opened: list[QUrl] = []
    view.link_opener = opened.append
    view.anchorClicked.emit(QUrl("https://b.example/y"))
    assert opened == [QUrl("https://b.example/y")]


def test_json_answers_are_pretty_and_validated(view: TranscriptView) -> None:
    schema = {
        "name": "p",
        "schema": {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]},
    }
    good = node(
        '{"n": 3}', status=NodeStatus.COMPLETED, params={"text_format": "json_schema", "json_schema": schema}
    )
    bad = node(
        '{"n": "x"}',
        status=NodeStatus.COMPLETED,
        params={"text_format": "json_schema", "json_schema": schema},
    )
    broken = node("{oops", status=NodeStatus.COMPLETED, params={"text_format": "json_object"})
    view.show_path([good, bad, broken])
    text = view.rendered_text()
    assert '{\n  "n": 3\n}' in text and "✓ Valid JSON, matches the schema" in text
    assert "does not match the schema: $.n: expected integer" in text
    assert "⚠ Not valid JSON" in text
    assert json_schema_errors({"a": 1}, {"type": "object", "additionalProperties": False}) == [
        "$: unexpected “a”"
    ]
    assert json_schema_errors(True, {"type": "integer"}) == ["$: expected integer"]


def test_cost_in_the_meta_line(view: TranscriptView) -> None:
    view.prices = {"m": Price(1.0, 0.5, 2.0)}
    n = node(
        "x",
        status=NodeStatus.COMPLETED,
        model="m",
        usage=Usage(input_tokens=1_000_000, output_tokens=500_000),
    )
    view.show_path([n])
    assert "m · 1,000,000 in / 500,000 out tokens · $2.00" in view.rendered_text()


def test_logprobs_dialog_colours_tokens_and_lists_alternatives(qtbot: Any) -> None:
    tokens = [
        {
            "token": "Hi",
            "logprob": -0.01,
            "top_logprobs": [{"token": "Hi", "logprob": -0.01}, {"token": "Yo", "logprob": -3}],
        },
        {"token": "!", "logprob": -2.0, "top_logprobs": []},
    ]
    n = node(
        "Hi!",
        output_items=[
            {"type": "message", "content": [{"type": "output_text", "text": "Hi!", "logprobs": tokens}]}
        ],
    )
    dialog = LogprobsDialog(n)
    qtbot.addWidget(dialog)
    assert "2 tokens" in dialog.summary.text()
    html = dialog.view.toHtml()
    assert colour_for(0.99) in html and colour_for(0.135) in html
    assert dialog.view.tooltips() == ["'Hi': 99.0%\n  'Hi': 99.0%\n  'Yo': 5.0%", "'!': 13.5%"]


def _finished(parent: str | None, text: str, rid: str) -> Node:
    n = Node("c", parent, [user_message(text)], output_text=f"answer {text}", response_id=rid)
    n.status = NodeStatus.COMPLETED
    return n


def cell(dialog: ContextInspector, row: int, column: int) -> QTableWidgetItem:
    item = dialog.table.item(row, column)
    assert item is not None
    return item


def test_context_inspector_excludes_a_turn_by_its_check_box(qtbot: Any) -> None:
    a = _finished(None, "first", "r1")
    b = _finished(a.id, "second", "r2")
    tree = ConversationTree("c", [a, b])
    from desktop_chat.core.conversation.model import ContextMode

    dialog = ContextInspector(tree, b.id, [user_message("third")], ChatParams(), prefer=ContextMode.REPLAY)
    qtbot.addWidget(dialog)
    rows = [cell(dialog, r, 1).text() for r in range(dialog.table.rowCount())]
    assert rows == [
        "user: first",
        "assistant: answer first",
        "user: second",
        "assistant: answer second",
        "user: third",
    ]
    assert "Local replay" in dialog.summary.text()
    cell(dialog, 0, 0).setCheckState(Qt.CheckState.Unchecked)  # as a click on the box does
    assert dialog.excluded == {a.id}
    assert cell(dialog, 1, 0).checkState() == Qt.CheckState.Unchecked  # the whole turn
    assert "1 turn(s) excluded" in dialog.summary.text()
    dialog.truncation.setChecked(True)
    assert dialog.result_override() == {"excluded_node_ids": [a.id], "truncation_auto": True}
    assert dialog.current is not None and dialog.current.request["truncation"] == "auto"


def test_settings_schema_editor_validates_as_typed(qtbot: Any) -> None:
    dialog = SettingsDialog(ChatParams(), None, None, prices={"m": Price(1, 1, 2)})
    qtbot.addWidget(dialog)
    fmt = dialog.findChild(QComboBox, "settings_text_format")
    editor = dialog.findChild(QPlainTextEdit, "settings_json_schema")
    status = dialog.findChild(QLabel, "settings_json_schema_status")
    assert fmt is not None and editor is not None and status is not None
    fmt.setCurrentText("json_schema")
    editor.setPlainText("{not json")
    assert status.text().startswith("⚠ JSON schema: not valid JSON")
    dialog.accept()
    assert dialog.result() == 0 and "Tools & output" in dialog.errors.text()
    editor.setPlainText(json.dumps({"name": "x", "schema": {"type": "object"}}))
    assert status.text() == "✓ Valid schema"
    dialog.accept()
    assert dialog.result_defaults().json_schema == {"name": "x", "schema": {"type": "object"}}
    assert dialog.result_defaults().text_format == "json_schema"
    assert dialog.result_prices() == {"m": Price(1, 1, 2)}
