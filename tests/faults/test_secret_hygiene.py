"""The API key appears in no file the app writes, no log line, no export and no message it shows.

A whole session runs with the key in the (memory) keyring and every logger at DEBUG, the data and
config folders pointed into the test's folder; then everything the app could have leaked is searched.
"""

from __future__ import annotations

import logging
import signal
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.conversation.model import NodeStatus
from tests.e2e.test_app_flows import App
from tests.e2e.test_process import AppProcess

pytestmark = pytest.mark.e2e

SECRET = "sk-proj-HYGIENE-7f3a9c1e5b2d4680aa"


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> Path:
    """Home, config and data folders inside tmp_path; the key only in the keyring."""
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    from desktop_chat.core.config import keys

    keys.set_api_key(SECRET)
    return tmp_path


def files_with_secret(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]


def test_a_whole_session_leaks_the_key_nowhere(
    isolated: Path, emulator: Any, qtbot: Any, arun: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: the app's, the SDK's, the HTTP client's
    data = isolated / "data"

    async def scenario() -> None:
        app = App(data, emulator.base_url, qtbot)
        await app.connect()
        answer = await app.send("Is my key safe?")
        assert answer.status is NodeStatus.COMPLETED
        assert emulator.requests[-1].headers["Authorization"] == f"Bearer {SECRET}"  # it was used
        emulator.fail_next("http_500", times=3)
        failed = await app.send("Fail once")
        emulator.fail_next("http_401")
        rejected = await app.send("Rejected")
        assert rejected.status is NodeStatus.FAILED and "API key" in (rejected.error or "")
        shown = [
            app.transcript(),
            app.window.banner.text(),
            app.window.status.backend_label.text(),
            failed.error,
        ]
        assert not [text for text in shown if text and SECRET in text]
        await app.close()

    arun(scenario(), timeout=120)

    from desktop_chat.app import main

    assert main(["--data-dir", str(data), "--export", str(isolated / "export.json")]) == 0
    assert main(["--data-dir", str(data), "--export", str(isolated / "export.md")]) == 0
    assert (isolated / "export.json").stat().st_size > 0
    assert files_with_secret(isolated) == []
    leaked = [r.getMessage() for r in caplog.records if SECRET in r.getMessage() or SECRET in str(r.args)]
    assert leaked == []
    assert any(r.levelno == logging.DEBUG for r in caplog.records)  # DEBUG logging really was on


def test_the_app_process_logs_the_key_nowhere_at_debug(emulator: Any, tmp_path: Path) -> None:
    app = AppProcess(
        "--data-dir",
        str(tmp_path / "data"),
        "--base-url",
        emulator.base_url,
        "--send",
        "Hello [[words:50]]",
        env={"OPENAI_API_KEY": SECRET, "OPENAI_LOG": "debug", "HOME": str(tmp_path / "home")},
    )
    try:
        app.wait_line(r"turn_finished node=\w+ status=completed", timeout=60)
        app.proc.send_signal(signal.SIGTERM)
        assert app.proc.wait(15) == 0
    finally:
        app.stop()
    while not app.lines.empty():
        app.seen.append(app.lines.get())
    assert any("turn_progress" in line for line in app.seen)
    assert [line for line in app.seen if SECRET in line] == []
    assert files_with_secret(tmp_path) == []


def test_a_401_that_echoes_the_key_does_not_show_it(
    isolated: Path, emulator: Any, qtbot: Any, arun: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    async def scenario() -> None:
        app = App(isolated / "data", emulator.base_url, qtbot)
        await app.connect()
        emulator.fail_next("http_401", message=f"Incorrect API key provided: {SECRET}.")
        rejected = await app.send("Rejected")
        shown = app.transcript() + (rejected.error or "") + app.window.banner.text()
        await app.close()
        assert "API key" in (rejected.error or "")
        assert SECRET not in shown
        assert files_with_secret(isolated) == []
        assert [r for r in caplog.records if SECRET in r.getMessage()] == []

    arun(scenario(), timeout=60)


def test_the_resolved_key_is_the_key_but_its_repr_is_redacted(memory_keyring: Any) -> None:
    from desktop_chat.core.config import keys

    keys.set_api_key(SECRET)
    key, source = keys.resolve_api_key()
    assert key == SECRET and f"Bearer {key}" == f"Bearer {SECRET}" and source == "keyring"
    assert SECRET not in repr(key) and SECRET not in str((key, source))
