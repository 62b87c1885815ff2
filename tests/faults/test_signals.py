"""SIGTERM / SIGINT at any moment of the app's life end the process within 2 s (issue: a signal in the
first half-second used to leave a hidden process holding the database).

Each case starts the real app as a subprocess, signals it and waits at most `EXIT_WITHIN_S`.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.core.conversation.store import Store
from desktop_chat.ui.shutdown import FORCED_EXIT_CODE
from tests.e2e.test_process import AppProcess

pytestmark = pytest.mark.e2e

EXIT_WITHIN_S = 2.0
KEY_ENV = {"OPENAI_API_KEY": "sk-signal-test"}


def _exits_in_time(app: AppProcess, what: str) -> int:
    try:
        return app.proc.wait(EXIT_WITHIN_S)
    except subprocess.TimeoutExpired:
        app.stop()
        raise AssertionError(f"still running {EXIT_WITHIN_S} s after {what}; log:\n" + _log(app)) from None


def _log(app: AppProcess) -> str:
    lines = list(app.seen)
    while not app.lines.empty():
        lines.append(app.lines.get_nowait())
    return "\n".join(lines)


# from "before the window exists" through start-up's processEvents to "the loop runs"
DELAYS_S = (0.05, 0.3, 0.45, 0.6, 0.75, 0.9, 1.2, 1.6)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_at_any_moment_of_start_up_ends_the_process(
    emulator: Any, tmp_path: Path, sig: signal.Signals
) -> None:
    for index, delay in enumerate(DELAYS_S):
        folder = tmp_path / f"run{index}"
        app = AppProcess("--data-dir", str(folder), "--base-url", emulator.base_url, env=KEY_ENV)
        try:
            time.sleep(delay)  # the delay after launch is what this test varies
            app.proc.send_signal(sig)
            _exits_in_time(app, f"{sig.name} {delay} s after launch")
        finally:
            app.stop()


@pytest.mark.parametrize("stage", ["window_shown", "first_paint", "ui_painted", "ready_to_send"])
def test_sigterm_at_each_start_up_stage_ends_the_process(emulator: Any, tmp_path: Path, stage: str) -> None:
    app = AppProcess("--data-dir", str(tmp_path), "--base-url", emulator.base_url, env=KEY_ENV)
    try:
        app.wait_line(stage)
        app.proc.send_signal(signal.SIGTERM)
        # 0: closed cleanly; FORCED_EXIT_CODE: the watchdog ended a quit slowed by a loaded machine (what
        # is streamed is saved twice a second either way): within the 2 s is what counts
        assert _exits_in_time(app, f"SIGTERM at {stage}") in (0, FORCED_EXIT_CODE)
    finally:
        app.stop()


def test_sigterm_closes_the_key_dialog_and_exits(tmp_path: Path) -> None:
    env = {"OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""}
    app = AppProcess("--data-dir", str(tmp_path), env=env)
    try:
        app.wait_line(r"ui_painted")
        app.wait_line(r"key_dialog_shown")
        app.proc.send_signal(signal.SIGTERM)
        assert _exits_in_time(app, "SIGTERM with the key dialog up") == 0
    finally:
        app.stop()


def test_sigterm_closes_the_cannot_start_dialog(tmp_path: Path) -> None:
    database_path(tmp_path).mkdir(parents=True)  # a folder where the database file should be
    app = AppProcess("--data-dir", str(tmp_path), env=KEY_ENV)
    try:
        app.wait_line(r"cannot open the store")
        app.proc.send_signal(signal.SIGTERM)
        assert _exits_in_time(app, "SIGTERM with the 'cannot start' box up") == 2
    finally:
        app.stop()


def test_sigterm_mid_stream_saves_the_partial_answer_in_time(emulator: Any, tmp_path: Path) -> None:
    app = AppProcess(
        "--data-dir",
        str(tmp_path),
        "--base-url",
        emulator.base_url,
        "--send",
        "Slowly [[words:3000]] [[delay:5]]",
        env=KEY_ENV,
    )
    try:
        app.wait_line(r"turn_progress node=\w+ chars=\d{3,}")
        app.proc.send_signal(signal.SIGTERM)
        assert _exits_in_time(app, "SIGTERM mid-stream") == 0
    finally:
        app.stop()
    store = Store(database_path(tmp_path))
    [conversation] = store.list_conversations()
    [node] = store.load_nodes(conversation.id)
    store.close()
    assert node.status is NodeStatus.STOPPED and node.output_text
