"""One app per data folder: a second launch hands its request to the running window and exits 0; a
lock left by a crashed app is taken over. The store itself takes two writing processes at once."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.interchange import export
from tests.e2e.test_process import AppProcess

pytestmark = pytest.mark.e2e

KEY_ENV = {"OPENAI_API_KEY": "sk-two-instances"}


def launch_second(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DESKTOP_CHAT_LOG": "INFO",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        **KEY_ENV,
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop_chat", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def _prompts(folder: Path) -> list[str]:
    store = Store(database_path(folder))
    try:
        return [n.user_text for c in store.list_conversations() for n in store.load_nodes(c.id)]
    finally:
        store.close()


def test_a_second_launch_hands_its_prompt_to_the_running_window(emulator: Any, tmp_path: Path) -> None:
    first = AppProcess("--data-dir", str(tmp_path), "--base-url", emulator.base_url, env=KEY_ENV)
    try:
        first.wait_line(r"ready_to_send")
        second = launch_second(
            "--data-dir", str(tmp_path), "--base-url", emulator.base_url, "--send", "From two"
        )
        assert second.returncode == 0, second.stderr
        assert "window_shown" not in second.stderr  # no second window
        assert "running desktop_chat window" in second.stdout
        first.wait_line(r"instance_request send=True")
        first.wait_line(r"turn_finished node=\w+ status=completed")
        # the same folder written another way is the same instance
        again = launch_second("--data-dir", str(tmp_path / "." / ""))
        assert again.returncode == 0 and "brought to the front" in again.stdout, again.stderr
        first.proc.send_signal(signal.SIGTERM)
        assert first.proc.wait(15) == 0
    finally:
        first.stop()
    assert _prompts(tmp_path) == ["From two"]


def test_import_on_the_command_line_goes_to_the_running_window(
    emulator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    store = Store(database_path(source))
    conversation = Conversation(title="Imported one")
    store.save_conversation(conversation)
    store.insert_node(
        Node(conversation_id=conversation.id, parent_id=None, input_items=[{"role": "user", "content": "Hi"}])
    )
    dump = tmp_path / "export.json"
    dump.write_text(export.dump_json(export.export_json(store)), encoding="utf-8")
    store.close()
    data = tmp_path / "data"
    first = AppProcess("--data-dir", str(data), "--base-url", emulator.base_url, env=KEY_ENV)
    try:
        first.wait_line(r"ready_to_send")
        monkeypatch.chdir(tmp_path)  # a relative path is the second launch's, not the running app's
        second = launch_second("--data-dir", str(data), "--import", "export.json")
        assert second.returncode == 0, second.stderr
        assert "is importing export.json" in second.stdout
        first.wait_line(r"instance_request send=False import=True")
        first.wait_line(r"import_finished conversations=1")  # a quit cancels an import still running
        first.proc.send_signal(signal.SIGTERM)
        assert first.proc.wait(15) == 0
    finally:
        first.stop()
    assert _prompts(data) == ["Hi"]


def _hold_lock_then_die(folder: str) -> None:
    from PySide6.QtCore import QLockFile

    from desktop_chat.ui.single_instance import LOCK_NAME

    lock = QLockFile(str(Path(folder) / LOCK_NAME))
    assert lock.tryLock(0)
    os.kill(os.getpid(), signal.SIGKILL)  # a crash: the lock file stays behind


def test_a_crashed_apps_lock_is_taken_over(emulator: Any, tmp_path: Path) -> None:
    crashed = multiprocessing.get_context("spawn").Process(target=_hold_lock_then_die, args=(str(tmp_path),))
    crashed.start()
    crashed.join(30)
    assert crashed.exitcode == -signal.SIGKILL
    assert (tmp_path / "desktop_chat.lock").exists()
    app = AppProcess("--data-dir", str(tmp_path), "--base-url", emulator.base_url, env=KEY_ENV)
    try:
        app.wait_line(r"instance_listening")
        app.wait_line(r"ready_to_send")
    finally:
        app.proc.send_signal(signal.SIGTERM)
        app.stop()


def _write_answers(path: str, conversation_id: str, writer: int, count: int) -> None:
    store = Store(Path(path))
    for index in range(count):
        node = Node(
            conversation_id=conversation_id,
            parent_id=None,
            input_items=[{"role": "user", "content": f"w{writer}-{index}"}],
        )
        store.insert_node(node)
        node.output_text = "answer " * 50
        node.status = NodeStatus.COMPLETED
        store.update_node(node)
    store.close()


def test_two_processes_writing_one_store_lose_nothing(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    store = Store(path)
    conversation = Conversation(title="shared")
    store.save_conversation(conversation)
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_write_answers, args=(str(path), conversation.id, w, 150)) for w in range(2)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(120)
    assert [w.exitcode for w in writers] == [0, 0]
    nodes = store.load_nodes(conversation.id)
    assert len(nodes) == 300
    assert all(n.status is NodeStatus.COMPLETED for n in nodes)
    assert store.integrity_ok()
    store.close()
