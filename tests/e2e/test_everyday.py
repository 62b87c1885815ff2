"""Import, search and export through the real window and the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from desktop_chat.core.conversation.model import ContextMode, NodeStatus
from desktop_chat.emulator import parse_context
from tests.conftest import wait_until
from tests.core.interchange.test_chatgpt_import import sample_export
from tests.e2e.test_app_flows import App, bodies

pytestmark = pytest.mark.e2e


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-e2e-test-key")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def test_import_chatgpt_search_open_and_continue_by_replay(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    export_file = tmp_path / "conversations.json"
    export_file.write_text(json.dumps(sample_export()), encoding="utf-8")
    data = tmp_path / "data"

    async def scenario() -> None:
        app = App(data, emulator.base_url, qtbot)
        await app.connect()
        job = app.window.transfer.import_path(export_file)  # on its own thread, with a progress dialog
        await wait_until(lambda: job.done, what="the import to finish")
        message = job.message
        assert "Imported" in message and app.window.banner.text() == message
        titles = [c.title for c in app.window.store.list_conversations()]
        assert app.window.conversations.conversation_model.rowCount() == len(titles) >= 2

        # search for a word from an imported answer; Enter opens the best match at its node
        panel = app.window.conversations.search_panel
        word = first_answer_word(app)
        search_input = panel.findChild(QLineEdit, "search_input")
        QTest.keyClicks(search_input, word)
        QTest.keyClick(search_input, Qt.Key.Key_Return)
        await wait_until(lambda: app.window.selected_node() is not None, what="the match to open")
        opened = app.window.selected_node()
        assert word.lower() in (opened.output_text + opened.user_text).lower()
        assert word.lower() in app.transcript().lower()

        # imported turns have no server state: continuing from one replays the path locally
        path_texts = [n.user_text for n in app.window.tree.path_to(opened.id) if n.user_text]
        node = await app.send("Continue from the import")
        assert node.status is NodeStatus.COMPLETED and node.context_mode is ContextMode.REPLAY
        assert "previous_response_id" not in bodies(emulator)[-1]
        assert parse_context(node.output_text) == [*path_texts, "Continue from the import"]
        await app.close()

    arun(scenario())


def first_answer_word(app: App) -> str:
    for conversation in app.window.store.list_conversations():
        for node in app.window.store.load_nodes(conversation.id):
            words = [w.strip(".,!?") for w in node.output_text.split() if len(w.strip(".,!?")) >= 5]
            if words:
                return words[0]
    raise AssertionError("the sample export has no answers")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_chat", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "unusable-so-no-window-may-open"},
    )


def test_command_line_export_and_import_round_trip_without_a_window(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    source, target = tmp_path / "a", tmp_path / "b"

    async def chat() -> tuple[str, str]:
        app = App(source, emulator.base_url, qtbot)
        await app.connect()
        first = await app.send("Export me")
        await app.send("And my branch")
        app.window.select_node(first.id)
        await app.send("Другая ветка 另一个分支")
        await app.close()
        return first.id, first.response_id or ""

    first_id, response_id = arun(chat())
    out = tmp_path / "all.json"
    exported = run_cli("--data-dir", str(source), "--export", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "Exported 1 conversation(s) with 3 turn(s)" in exported.stdout
    imported = run_cli("--data-dir", str(target), "--import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert "1" in imported.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    refused = run_cli("--data-dir", str(target), "--import", str(bad))
    assert refused.returncode == 1 and refused.stderr.strip()

    async def reopen() -> None:
        app = App(target, emulator.base_url, qtbot)
        tree = app.window.tree
        assert len(tree) == 3 and tree.get(first_id).response_id == response_id
        assert [n.user_text for n in tree.children(first_id)] == ["And my branch", "Другая ветка 另一个分支"]
        await app.close()

    arun(reopen())
