"""What a screen reader gets from the real app on Linux: AT-SPI, read by the system's own reader
(Debian's python3-pyatspi, the library Orca uses), not by Qt's in-process interface.

The app runs on a virtual screen (Xvfb) in its own D-Bus session with the AT-SPI bus
(`at-spi2-core`), sends a prompt to the demo emulator, and once the answer has finished the reader
walks the accessibility tree. Skipped where those system parts are missing (CI installs them)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
PROMPT = "Hello there, show me a table"


def _missing() -> str | None:
    if sys.platform != "linux":
        return "AT-SPI is Linux's"
    for tool in ("dbus-run-session", "Xvfb"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        return "at-spi2-core is not installed"
    probe = subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        return "python3-pyatspi is not installed for the system Python"
    return None


pytestmark = [pytest.mark.e2e, pytest.mark.skipif(_missing() is not None, reason=str(_missing()))]


def read_app(tmp_path: Path, expect: str, *app_args: str, hover: bool = False) -> list[dict[str, Any]]:
    """What the reader gets once `expect` is in what it reads (`hover`: with the mouse moved into the top
    of the transcript first)."""
    env = {**os.environ, "DESKTOP_CHAT_ATSPI_HOVER": "1"} if hover else None
    result = subprocess.run(
        [
            "dbus-run-session",
            "--",
            sys.executable,
            str(HERE / "atspi_session.py"),
            expect,
            "--",
            "--demo",
            "--data-dir",
            str(tmp_path),
            *app_args,
        ],
        capture_output=True,
        text=True,
        timeout=150,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def named(objects: list[dict[str, Any]], role: str, name: str) -> list[dict[str, Any]]:
    return [o for o in objects if o["role"] == role and o["name"] == name]


def test_a_screen_reader_reads_the_conversation_and_finds_the_controls_by_name(tmp_path: Path) -> None:
    objects = read_app(tmp_path, "Here is what an answer", "--send", PROMPT)
    # the prompt field and the main buttons, by name
    assert named(objects, "text", "Prompt") and named(objects, "text", "Prompt")[0]["focusable"]
    assert named(objects, "push button", "Send")
    assert named(objects, "push button", "New conversation")
    # the transcript is one named, focusable document whose text holds the prompt and the answer
    [transcript] = [o for o in objects if o["name"] == "Transcript"]
    assert transcript["focusable"]
    assert PROMPT in transcript["text"] and "Here is what an answer" in transcript["text"]
    # the conversation is found in the list and in the tree by its prompt
    assert [o for o in objects if o["role"] == "list item" and PROMPT in o["name"]]
    assert named(objects, "tree", "Conversation tree")
    # every control that takes focus says what it is
    unnamed = [
        o
        for o in objects
        if o["focusable"]
        and o["role"] in ("push button", "check box", "combo box", "text", "toggle button")
        and not o["name"].strip()
    ]
    assert unnamed == []


def test_a_messages_action_buttons_are_announced_by_name(tmp_path: Path) -> None:
    objects = read_app(tmp_path, "Copy answer as Markdown", "--send", PROMPT, hover=True)
    # the mouse over the answer (the transcript shows its end): its bar's buttons, each a named push button
    for name in (
        "Copy answer as Markdown",
        "Copy answer as plain text",
        "Branch into a new conversation from this answer",
        "Delete this turn and what follows…",
    ):
        assert named(objects, "push button", name), name
