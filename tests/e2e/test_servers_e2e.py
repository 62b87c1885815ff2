"""The real window against the servers people really run, played by the emulator: a gateway model that
ignores `previous_response_id`, a server without the Responses API given with `--base-url`, a stream
that fails where a whole answer works, and a failed turn that must never be sent again as context."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.conversation.model import ContextMode, NodeStatus
from desktop_chat.core.session.turns import IGNORED_NOTICE
from desktop_chat.emulator import Emulator, parse_context
from tests.e2e.test_app_flows import App

pytestmark = pytest.mark.e2e
MODEL = "gpt-4.1-mini"  # the app's default model


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-e2e-test-key-0123456789")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def serve(**options: Any) -> Iterator[Emulator]:
    emu = Emulator(**options)
    emu.start()
    yield emu
    emu.stop()


@pytest.fixture
def bridged() -> Iterator[Emulator]:
    yield from serve(quirks={MODEL: {"keeps_no_state"}})


@pytest.fixture
def chat_only() -> Iterator[Emulator]:
    yield from serve(mode="chat_only")


@pytest.fixture
def stream_fails() -> Iterator[Emulator]:
    yield from serve(quirks={MODEL: {"stream_500"}})


def posts(emu: Emulator, after: int = 0) -> list[Any]:
    return [r for r in emu.requests[after:] if r.method == "POST"]


def test_a_gateway_that_ignores_the_chain_keeps_the_history_and_says_so_once(
    env: None, bridged: Emulator, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, bridged.base_url, qtbot)
        await app.connect()
        first = await app.send("What is a tree?")
        assert first.status is NodeStatus.COMPLETED, first.error
        before = len(bridged.requests)
        second = await app.send("And a branch?")
        assert second.status is NodeStatus.COMPLETED, second.error
        # the chained request was answered without the history: sent again with it, once
        sent = posts(bridged, before)
        assert [r.body.get("previous_response_id") for r in sent] == [first.response_id, None]
        assert parse_context(second.output_text) == ["What is a tree?", "And a branch?"]
        assert second.context_mode is ContextMode.REPLAY and second.notice == IGNORED_NOTICE
        assert "did not use it" in app.transcript()

        before = len(bridged.requests)
        third = await app.send("And a leaf?")
        assert parse_context(third.output_text) == ["What is a tree?", "And a branch?", "And a leaf?"]
        assert third.context_mode is ContextMode.REPLAY and third.notice is None  # told once
        assert (
            len(posts(bridged, before)) == 1 and "previous_response_id" not in posts(bridged, before)[0].body
        )
        await app.close()

    arun(scenario(), timeout=60)


def test_base_url_at_a_chat_completions_server_answers_the_first_prompt(
    env: None, chat_only: Emulator, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, chat_only.base_url, qtbot)
        await app.connect()
        first = await app.send("Hello there")
        assert first.status is NodeStatus.COMPLETED, first.error
        assert "You said: Hello there" in app.transcript()
        assert "no Responses API" in (first.notice or "")
        assert [r.path for r in posts(chat_only)] == ["/v1/responses", "/v1/chat/completions"]

        before = len(chat_only.requests)
        second = await app.send("And again")
        assert second.status is NodeStatus.COMPLETED and second.notice is None
        assert parse_context(second.output_text) == ["Hello there", "And again"]
        assert [r.path for r in posts(chat_only, before)] == ["/v1/chat/completions"]  # remembered
        await app.close()

    arun(scenario(), timeout=60)


def test_a_stream_that_fails_to_start_gets_the_answer_unstreamed(
    env: None, stream_fails: Emulator, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, stream_fails.base_url, qtbot)
        await app.connect()
        first = await app.send("Stream please", timeout=30)
        assert first.status is NodeStatus.COMPLETED, first.error
        assert "You said: Stream please" in app.transcript()
        assert "Error processing stream start" in (first.notice or "")
        sent = posts(stream_fails)
        assert sent[-1].body.get("stream") is not True and all(r.body.get("stream") for r in sent[:-1])

        before = len(stream_fails.requests)
        second = await app.send("Once more")
        assert second.status is NodeStatus.COMPLETED and second.notice is None
        assert [r.body.get("stream") for r in posts(stream_fails, before)] == [None]  # unstreamed at once
        await app.close()

    arun(scenario(), timeout=60)


def test_a_failed_turn_is_never_sent_again(
    env: None, emulator: Emulator, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        before = await app.send("Before the failure")
        emulator.fail_next("context_length")
        failed = await app.send("This one fails")
        assert failed.status is NodeStatus.FAILED
        assert "Your input exceeds the context window" in (failed.error or "")  # the server's words
        sent = len(emulator.requests)
        after = await app.send("After the failure")
        assert after.status is NodeStatus.COMPLETED, after.error
        [request] = posts(emulator, sent)
        assert request.body.get("previous_response_id") == before.response_id
        assert "This one fails" not in str(request.body["input"])
        assert parse_context(after.output_text) == ["Before the failure", "After the failure"]
        await app.close()

    arun(scenario(), timeout=60)
