"""The app as a separate process: killed mid-stream, quit with SIGTERM, started in demo mode."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.core.conversation.store import Store

pytestmark = pytest.mark.e2e


class AppProcess:
    """`python -m desktop_chat` with its log lines readable as they come."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        full_env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "DESKTOP_CHAT_LOG": "DEBUG",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            **(env or {}),
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desktop_chat", *args],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env=full_env,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.put(line.rstrip("\n"))

    def wait_line(self, pattern: str, timeout: float = 30) -> re.Match[str]:
        regex = re.compile(pattern)
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(
                    f"no log line matching {pattern!r}; saw:\n" + "\n".join(self.seen)
                ) from None
            self.seen.append(line)
            match = regex.search(line)
            if match:
                return match

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(10)
        if self.proc.stderr:
            self.proc.stderr.close()


@pytest.fixture
def key_env() -> dict[str, str]:
    return {"OPENAI_API_KEY": "sk-process-test"}


def test_sigkill_mid_stream_keeps_the_partial_answer_marked_interrupted(
    emulator: Any, tmp_path: Path, key_env: dict[str, str], qtbot: Any
) -> None:
    app = AppProcess(
        "--data-dir",
        str(tmp_path),
        "--base-url",
        emulator.base_url,
        "--send",
        "Write at length [[words:6000]] [[delay:2]]",
        env=key_env,
    )
    try:
        app.wait_line(r"turn_started node=")
        # let it stream for a while (several persist intervals), then kill it without warning
        app.wait_line(r"turn_progress node=\w+ chars=([3-9]\d{3}|\d{5,})", timeout=60)
        os.kill(app.proc.pid, signal.SIGKILL)
    finally:
        app.stop()
    assert app.proc.returncode == -signal.SIGKILL

    store = Store(database_path(tmp_path))
    assert store.integrity_ok()
    [conversation] = store.list_conversations()
    [node] = store.load_nodes(conversation.id)
    assert node.status is NodeStatus.STREAMING  # as the killed process left it
    assert len(node.output_text) >= 1000  # at most ~0.5 s of text was lost
    store.close()

    # on the next start the app marks it interrupted and shows it
    from desktop_chat.app import create_window, parse_args

    window, _ = create_window(parse_args(["--data-dir", str(tmp_path), "--base-url", emulator.base_url]))
    qtbot.addWidget(window)
    reopened = window.tree.get(node.id)
    assert reopened.status is NodeStatus.INTERRUPTED
    assert reopened.output_text == node.output_text
    assert "Interrupted" in window.transcript_pane.view.rendered_text()
    window.close()
    window.store.close()


def test_sigterm_closes_cleanly_and_saves_the_partial_answer(
    emulator: Any, tmp_path: Path, key_env: dict[str, str]
) -> None:
    app = AppProcess(
        "--data-dir",
        str(tmp_path),
        "--base-url",
        emulator.base_url,
        "--send",
        "Slowly [[words:3000]] [[delay:5]]",
        env=key_env,
    )
    try:
        app.wait_line(r"turn_progress node=\w+ chars=\d{3,}")
        app.proc.send_signal(signal.SIGTERM)
        assert app.proc.wait(15) == 0
    finally:
        app.stop()
    store = Store(database_path(tmp_path))
    [conversation] = store.list_conversations()
    [node] = store.load_nodes(conversation.id)
    assert node.status is NodeStatus.STOPPED and node.output_text
    store.close()


def test_demo_mode_answers_without_a_key(tmp_path: Path) -> None:
    env = {"OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""}
    app = AppProcess("--demo", "--data-dir", str(tmp_path), "--send", "Hello demo", env=env)
    try:
        app.wait_line(r"turn_finished node=\w+ status=completed response=resp_\w+", timeout=60)
        app.proc.send_signal(signal.SIGTERM)
        assert app.proc.wait(15) == 0
    finally:
        app.stop()
