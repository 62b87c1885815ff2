"""Rich prompts and answers in the real window against the emulator: hosted web search with citations,
JSON schema output, reasoning summaries, token probabilities, the context inspector and costs."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop_chat.core.content import pricing
from desktop_chat.core.conversation.model import Node, user_message
from desktop_chat.emulator import parse_context
from desktop_chat.ui.dialogs.context_inspector import ContextInspector
from desktop_chat.ui.transcript.logprobs_view import LogprobsDialog
from tests.conftest import wait_until
from tests.dialogs import fill_modal
from tests.e2e.test_app_flows import App, bodies, env  # noqa: F401  (env is a fixture)

pytestmark = pytest.mark.e2e

SCHEMA = {
    "name": "echo",
    "schema": {"type": "object", "properties": {"you_said": {"type": "string"}}, "required": ["you_said"]},
}


def settings_filler(values: dict[str, Any]) -> Any:
    """Fill the settings dialog's fields (by objectName) and press OK, as a user would."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "settings_dialog"
        for name, value in values.items():
            widget: QWidget | None = dialog.findChild(QCheckBox, name) or dialog.findChild(QComboBox, name)
            widget = widget or dialog.findChild(QLineEdit, name) or dialog.findChild(QPlainTextEdit, name)
            assert widget is not None, name
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value))
        ok = dialog.findChild(QPushButton, "settings_ok")
        assert ok is not None
        ok.click()
        assert not dialog.isVisible()

    return fill


async def open_settings(app: App, values: dict[str, Any]) -> None:
    """Open Settings from the menu, fill in `values` and press OK. The modal dialog runs its own event
    loop: it is opened from a plain loop callback, as a menu click would, never from inside the test's
    task (a task step the nested loop ran there would fail: "Cannot enter into task")."""
    filler = fill_modal("settings_dialog", lambda _dialog: settings_filler(values)())
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def click() -> None:
        try:
            app.window.findChild(type(app.window.actions()[0]), "action_settings").trigger()
        finally:
            done.set_result(None)

    asyncio.get_running_loop().call_soon(click)
    await done
    filler.check()


def cell_text(inspector: ContextInspector, row: int, column: int) -> str:
    cell = inspector.table.item(row, column)
    assert cell is not None
    return str(cell.text())


@pytest.fixture
def rich_settings_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until core/settings.py loads the new ChatParams fields (the lead's one-line change), load them so."""
    from desktop_chat.core.config import settings as app_settings
    from desktop_chat.core.conversation.model import ChatParams

    if not app_settings._params_from(ChatParams(web_search=True).to_json()).web_search:
        monkeypatch.setattr(
            app_settings,
            "_params_from",
            lambda data: ChatParams.from_json(data if isinstance(data, dict) else None),
        )


def test_web_search_json_reasoning_logprobs_inspector_and_cost(
    env: None,  # noqa: F811
    rich_settings_load: None,
    emulator: Any,
    tmp_path: Path,
    qtbot: Any,
    arun: Any,
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()

        # web search on a model that has it: the request has the tool, activity shows, citations list
        await open_settings(app, {"settings_model": "gpt-5-mini", "settings_web_search": True})
        emulator.hold_streams()
        app.type_and_send("find tree facts")
        await wait_until(lambda: "Searching the web…" in app.transcript(), 15, "the search activity")
        emulator.release_streams()
        await wait_until(lambda: app.window.active is None, 15, "the answer")
        assert bodies(emulator)[-1]["tools"] == [{"type": "web_search"}]
        text = app.transcript()
        assert "Searching the web…" not in text
        assert "Sources" in text and "[1] Search result 1 for “find tree facts”" in text
        assert "[2] Search result 2" in text and "Searched the web: find tree facts" in text

        # the same tool on gpt-4.1: the error names the tool and the model
        await open_settings(app, {"settings_model": "gpt-4.1"})
        failed = await app.send("search again")
        assert failed.error and "Web search (web_search)" in failed.error and "gpt-4.1" in failed.error
        assert "Web search (web_search) is not supported with the model gpt-4.1" in app.transcript()

        # JSON schema output on a reasoning model, with a summary and token probabilities
        await open_settings(
            app,
            {
                "settings_model": "o4-mini",
                "settings_web_search": False,
                "settings_text_format": "json_schema",
                "settings_json_schema": json.dumps(SCHEMA),
                "settings_reasoning_effort": "low",
                "settings_reasoning_summary": True,
                "settings_top_logprobs": "3",
            },
        )
        node = await app.send("give me json")
        body = bodies(emulator)[-1]
        assert body["text"]["format"]["type"] == "json_schema" and body["text"]["format"]["name"] == "echo"
        assert body["reasoning"] == {"effort": "low", "summary": "auto"} and body["top_logprobs"] == 3
        text = app.transcript()
        assert '"you_said": "give me json"' in text  # pretty-printed
        assert "✓ Valid JSON, matches the schema" in text
        assert node.usage is not None and node.usage.reasoning_tokens > 0
        reasoning_line = f"Reasoning ({node.usage.reasoning_tokens:,} tokens) ▸"
        assert reasoning_line in text and text.index(reasoning_line) < text.index('"you_said"')
        assert f"{node.usage.reasoning_tokens:,} reasoning" in text  # in the usage line
        assert "Reading the conversation" not in text  # collapsed once the answer finished
        app.window.transcript_pane.view.anchorClicked.emit(QUrl(f"reasoning:{node.id}"))
        assert "Reading the conversation" in app.transcript()

        copied: list[str] = []
        app.window.transcript_pane.view.copied.connect(copied.append)
        app.window.transcript_pane.view.anchorClicked.emit(QUrl(f"copy:{node.id}"))
        assert json.loads(copied[-1])["you_said"] == "give me json" and "\n  " in copied[-1]
        assert QApplication.clipboard().text() == copied[-1]

        asked: list[Node] = []
        app.window.transcript_pane.view.logprobs_requested.connect(asked.append)
        assert "Token probabilities" in app.transcript()
        app.window.transcript_pane.view.anchorClicked.emit(QUrl(f"logprobs:{node.id}"))
        dialog = LogprobsDialog(asked[-1], app.window)
        assert dialog.tokens and "mean probability" in dialog.summary.text()
        tips = dialog.view.tooltips()  # hovering a token shows its probability and the alternatives
        assert tips and "99.0%" in tips[0] and "'alt1': 5.0%" in tips[0]
        dialog.close()

        # the context inspector: items with token counts; excluding the first turn makes a replay
        window = app.window
        assert window.tree is not None and window.conversation is not None
        first = window.tree.path_to(window.selected_node_id())[0]
        inspector = ContextInspector(
            window.tree,
            window.selected_node_id(),
            [user_message("next one")],
            window.effective_params(),
            client=window.backend.client if window.backend else None,
            parent=window,
        )
        labels = [cell_text(inspector, r, 1) for r in range(inspector.table.rowCount())]
        assert any(label.startswith("previous_response_id:") for label in labels)
        assert all(int(cell_text(inspector, r, 2).replace(",", "")) > 0 for r in range(len(labels)))
        inspector.count_exactly()
        await wait_until(lambda: "Server count:" in inspector.exact.text(), 10, "the exact count")
        # a chain cannot leave a turn out: switch to what a replay lists by excluding the first turn
        inspector.excluded.add(first.id)
        inspector.refresh()
        assert "Local replay" in inspector.summary.text()
        override = inspector.result_override()
        inspector.close()
        window.conversation.params_override.update(override)
        replayed = await app.send("without the first turn")
        body = bodies(emulator)[-1]
        assert "previous_response_id" not in body
        sent = [item["content"][0]["text"] for item in body["input"] if item.get("role") == "user"]
        # "search again" failed, so "give me json" continued from the turn before it: never context
        assert sent == ["give me json", "without the first turn"]
        assert parse_context(replayed.output_text) == sent

        # a price table gives each node a cost
        window.transcript_pane.view.prices = {"o4-mini": pricing.Price(1.0, 0.25, 4.0)}
        window.show_node(window.selected_node_id()) if hasattr(window, "show_node") else None
        window.transcript_pane.view.show_path(window.tree.path_to(window.selected_node_id()))
        cost = pricing.node_cost(
            window.tree.get(window.selected_node_id()), window.transcript_pane.view.prices
        )
        assert cost and pricing.format_cost(cost) in app.transcript()
        await app.close()

    arun(scenario(), timeout=120)
