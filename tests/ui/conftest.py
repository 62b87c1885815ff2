"""Fixtures for window tests: the real window over a fresh data folder, and a stream function that
records what the window sent."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.api.events import Completed, Started, StreamEvent, TextDelta
from desktop_chat.core.conversation.model import Usage


class RecordingServer:
    """A back end's stream function: records each request and answers with one line."""

    def __init__(self, answer: str = "Noted.") -> None:
        self.answer = answer
        self.requests: list[dict[str, Any]] = []

    @property
    def prompts(self) -> list[str]:
        """The text of the last input item of each request."""
        return [request["input"][-1]["content"][0]["text"] for request in self.requests]

    async def __call__(self, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        self.requests.append(request)
        yield Started("resp_1", "m")
        yield TextDelta(self.answer)
        yield Completed("resp_1", "m", Usage(input_tokens=10, output_tokens=2))


@pytest.fixture
def app_window(tmp_path: Path, qtbot: Any, aloop: Any) -> Iterator[Any]:
    """The app's window (as app.py builds it) on a fresh data folder, shown; closed afterwards."""
    made, _ = create_window(parse_args(["--data-dir", str(tmp_path), "--base-url", "http://127.0.0.1:9/v1"]))
    qtbot.addWidget(made)
    made.show()
    yield made
    made.close()
    made.store.close()
