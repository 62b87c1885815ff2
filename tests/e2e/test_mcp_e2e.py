"""A local MCP server in the real window, against the emulator: the user adds the clock server that
ships in tests/, asks a question that needs it, sees the call with its arguments, allows it, and gets
the answer with the tool's output — one turn in the tree; the server stops when the window closes."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl

from desktop_chat.core.tools import mcp_config
from desktop_chat.ui.dialogs.mcp_dialog import McpServerEditor, McpServersDialog
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App, bodies, env  # noqa: F401  (env is a fixture)

pytestmark = pytest.mark.e2e

CLOCK = str(Path(__file__).parents[1] / "mcp_servers" / "clock_server.py")
TIME = "It is 2026-12-02T09:30:00+09:00 in Paris."


def hrefs(app: App, prefix: str) -> list[str]:
    """The transcript's links that start with `prefix`, in order."""
    found: list[str] = []
    block = app.window.transcript_pane.view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href.startswith(prefix) and href not in found:
                found.append(href)
            it += 1
        block = block.next()
    return found


def click(app: App, href: str) -> None:
    app.window.transcript_pane.view.anchorClicked.emit(QUrl(href))


def add_clock_server(app: App) -> None:
    """Through File > MCP servers…: Add…, a name and a command line, OK, OK."""
    app.window.findChild(type(app.window.actions()[0]), "action_mcp_servers").trigger()
    dialog = app.window.findChild(McpServersDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.add.click()
    editor = dialog.findChild(McpServerEditor)
    assert editor is not None
    editor.name.setText("clock")
    editor.command.setText(shlex.join([sys.executable, CLOCK]))
    editor.secrets.setPlainText("CLOCK_TOKEN=tok-secret-1234")
    editor.accept()
    assert editor.errors.text() == "" and dialog.list.count() == 1
    assert dialog.enabled() != []  # a server just added is checked for this conversation
    dialog.accept()


def test_a_user_adds_a_local_mcp_server_allows_its_call_and_gets_the_answer(
    env: None,  # noqa: F811
    emulator: Any,
    tmp_path: Path,
    qtbot: Any,
    arun: Any,
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        add_clock_server(app)
        (server,) = mcp_config.list_servers(app.window.store)
        assert server.secret_names == ("CLOCK_TOKEN",)
        assert "tok-secret-1234" not in (tmp_path / "chats.sqlite3").read_bytes().decode("latin-1")

        app.type_and_send('What time is it in Paris? current_time {"city": "Paris"}')
        await wait_until(lambda: hrefs(app, "tool-call:once/"), 30, "the question to allow the call")
        text = app.transcript()
        assert "Tool current_time of clock" in text and '{"city": "Paris"}' in text
        assert "Allow this call? Allow once · Always allow current_time · Deny" in text
        assert app.window.active is not None  # the turn waits for the user
        (allow,) = hrefs(app, "tool-call:once/")
        click(app, allow)
        await wait_until(lambda: app.window.active is None, 30, "the answer")

        assert app.node_count() == 1  # the call and its answer are one turn
        node = app.window.tree.get(app.window.selected_node_id())
        assert node.output_text.startswith(f"Tool current_time said: {TIME}")
        text = app.transcript()
        assert f"Tool current_time said: {TIME}" in text
        assert "Allow this call?" not in text and "Result ▸" in text
        first, second = bodies(emulator)[-2:]
        assert any(t["type"] == "function" and t["name"] == "current_time" for t in first["tools"])
        assert second["input"][0]["type"] == "function_call_output" and second["input"][0]["output"] == TIME

        (result,) = hrefs(app, "tool-result:")
        click(app, result)
        await wait_until(lambda: "Result ▾" in app.transcript(), 5, "the result opened")
        assert TIME in app.transcript().split("Result ▾", 1)[1]

        # denied: the model is told, the transcript says so
        app.type_and_send("And now? current_time")
        await wait_until(lambda: hrefs(app, "tool-call:deny/"), 30, "the second question")
        click(app, hrefs(app, "tool-call:deny/")[-1])
        await wait_until(lambda: app.window.active is None, 30, "the answer")
        assert "Denied" in app.transcript() and "The user denied this tool call." in app.transcript()

        host = app.window.session.toolbox.host  # type: ignore[union-attr]
        assert host.running() == [server.id]
        await app.close()
        assert host.running() == []  # the server's process ended with the window

    arun(scenario(), timeout=120)


def test_a_remote_mcp_server_through_the_provider_asks_in_the_transcript_and_answers(
    env: None,  # noqa: F811
    emulator: Any,
    tmp_path: Path,
    qtbot: Any,
    arun: Any,
) -> None:
    """The hosted mcp tool: the emulator (the provider) connects to the clock server on loopback."""
    from tests.mcp_servers import http_clock

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        dialog = app.window.dialogs.open_mcp_servers()
        editor = dialog.open_editor(None)
        editor.name.setText("clock")
        editor.url.setText(url)
        editor.hosted.setChecked(True)
        editor.secrets.setPlainText("Authorization: Bearer tok-remote-99")
        editor.accept()
        assert editor.errors.text() == "" and "(through the provider)" in dialog.list.item(0).text()
        dialog.accept()

        app.type_and_send('Add them: add {"a": 2, "b": 3}')
        await wait_until(lambda: hrefs(app, "tool-call:always/"), 30, "the provider's approval request")
        text = app.transcript()
        assert "Tools of clock: current_time, add, crash, wait" in text
        assert 'Tool add of clock {"a": 2, "b": 3}' in text and "Allow this call?" in text
        click(app, hrefs(app, "tool-call:always/")[0])
        await wait_until(lambda: app.window.active is None, 30, "the answer")
        assert app.node_count() == 1
        text = app.transcript()
        assert "MCP tool add said: 5" in text and "Result ▸" in text and "Allow this call?" not in text
        first, second = bodies(emulator)[-2:]
        assert first["tools"][0]["authorization"] == "tok-remote-99"
        assert second["input"][0]["type"] == "mcp_approval_response" and second["input"][0]["approve"] is True

        # allowed for good: the next call is made without a question
        await app.send('Again: add {"a": 4, "b": 5}', timeout=30)
        assert "MCP tool add said: 9" in app.transcript()
        assert bodies(emulator)[-1]["tools"][0]["require_approval"] == {"never": {"tool_names": ["add"]}}
        await app.close()

    with http_clock() as url:
        arun(scenario(), timeout=120)
