"""Capability detection against each kind of server the emulator plays; what is kept per server and model."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest

from desktop_chat.core.api import capabilities
from desktop_chat.core.api.capabilities import Capabilities, detect
from desktop_chat.core.api.client import server_key
from desktop_chat.core.api.providers.select import backend_for, mode_label
from desktop_chat.core.conversation.model import ContextMode
from desktop_chat.core.conversation.store import Store, open_store
from desktop_chat.emulator import Emulator

# mode -> (responses_api, keeps_state, rejects_previous_id, chat_api)
EXPECTED = {
    "full": (True, True, False, None),
    "stateless": (True, False, False, None),
    "reject_previous": (True, False, True, None),
    "ignore_previous": (True, False, False, None),
    "chat_only": (False, None, False, True),
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened, _ = open_store(tmp_path / "chat.sqlite3")
    yield opened
    opened.close()


def run_detect(base_url: str, model: str | None = "gpt-4.1-mini", key: str = "sk-test") -> Capabilities:
    async def run() -> Capabilities:
        async with openai.AsyncOpenAI(api_key=key, base_url=base_url, max_retries=0) as client:
            return await detect(client, model)

    return asyncio.run(run())


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_each_server_mode_is_detected(mode: str) -> None:
    with Emulator(mode=mode) as emu:
        caps = run_detect(emu.base_url)
        requests = len([r for r in emu.requests if r.method == "POST"])
    assert (caps.responses_api, caps.keeps_state, caps.rejects_previous_id, caps.chat_api) == EXPECTED[mode]
    assert caps.models == sorted(emu.models) and caps.error is None and caps.usable
    assert requests <= 2  # two tiny answers at most: turn 1 + chained turn 2 (or one chat call)
    stream, prefer = backend_for(None, object(), caps)
    assert prefer is (ContextMode.CHAIN if mode == "full" else ContextMode.REPLAY)
    assert stream.__name__ == ("chat" if mode == "chat_only" else "responses")
    assert ("Chat Completions" in mode_label(caps)) is (mode == "chat_only")


def test_the_model_defaults_to_the_first_listed() -> None:
    with Emulator(models=["local-llama"]) as emu:
        caps = run_detect(emu.base_url, model=None)
        assert caps.keeps_state is True
        assert {r.body["model"] for r in emu.requests if r.body} == {"local-llama"}


def test_a_wrong_key_is_reported_not_mistaken_for_a_missing_api() -> None:
    with Emulator() as emu:
        caps = run_detect(emu.base_url, key="sk-invalid")
    assert not caps.usable and caps.error is not None and "401" in caps.error
    assert "401" in caps.summary()


def test_an_unknown_model_is_reported() -> None:
    with Emulator() as emu:
        caps = run_detect(emu.base_url, model="no-such-model")
    assert not caps.usable and caps.error is not None and "not found" in caps.error


def test_nothing_listening_is_a_connection_error() -> None:
    with Emulator() as emu:
        url = emu.base_url
    caps = run_detect(url)
    assert not caps.usable and caps.error is not None and "connection" in caps.error.lower()


def test_unknown_capabilities_keep_the_original_backend() -> None:
    stream, prefer = backend_for(None, object(), None)
    assert stream.__name__ == "responses" and prefer is ContextMode.CHAIN


def test_summary_says_what_works() -> None:
    assert "Server state: yes" in Capabilities(True, True, models=["a"]).summary()
    assert "refused" in Capabilities(True, False, rejects_previous_id=True).summary()
    assert "Chat Completions: yes" in Capabilities(False, None, chat_api=True).summary()


def test_kept_per_server_and_model_with_recheck(store: Store) -> None:
    with Emulator(mode="stateless") as emu:
        server = server_key(emu.base_url + "/")

        async def run() -> tuple[Capabilities, Capabilities, Capabilities]:
            async with openai.AsyncOpenAI(api_key="sk-test", base_url=emu.base_url, max_retries=0) as client:
                first = await capabilities.ensure(store, server, client, "gpt-4.1-mini")
                before = len(emu.requests)
                again = await capabilities.ensure(store, server, client, "gpt-4.1-mini")
                assert len(emu.requests) == before  # remembered: nothing sent
                emu.mode = "full"  # the server was upgraded
                rechecked = await capabilities.ensure(store, server, client, "gpt-4.1-mini", recheck=True)
                assert len(emu.requests) > before
                return first, again, rechecked

        first, again, rechecked = asyncio.run(run())
    assert first.keeps_state is False and again.keeps_state is False and again.model == "gpt-4.1-mini"
    assert rechecked.keeps_state is True
    assert capabilities.cached(store, server, "gpt-4.1-mini") is not None
    assert capabilities.cached(store, server, "gpt-4.1-mini").keeps_state is True  # type: ignore[union-attr]
    # another model on the same server: the server's facts, its own state not known yet
    other = capabilities.cached(store, server, "o4-mini")
    assert other is not None and other.responses_api and other.keeps_state is None
    assert capabilities.cached(store, "http://elsewhere/v1") is None
    capabilities.forget(store, server)
    assert capabilities.cached(store, server) is None


def test_test_connection_says_which_model_and_the_servers_own_error() -> None:
    import httpx2

    def handler(request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/models"):
            return httpx2.Response(400, json={"error": {"message": "No connected db."}})
        return httpx2.Response(404, text="404 page not found")

    async def run(model: str | None) -> Capabilities:
        transport = httpx2.AsyncClient(transport=httpx2.MockTransport(handler))
        async with openai.AsyncOpenAI(
            api_key="sk", base_url="http://gateway.test/v1", max_retries=0, http_client=transport
        ) as client:
            return await detect(client, model)

    unnamed = asyncio.run(run(None)).summary()
    assert "No connected db." in unnamed and "Enter a model name" in unnamed
    named = asyncio.run(run("lm_studio/qwen")).summary()
    assert "Tested with the model lm_studio/qwen" in named and "404 page not found" in named
    assert "No connected db." in named


def test_detect_finds_a_gateway_model_that_ignores_the_chain_and_a_failing_stream() -> None:
    with Emulator(quirks={"bridged": {"keeps_no_state", "stream_500"}}) as emu:
        caps = run_detect(emu.base_url, "bridged")
        full = run_detect(emu.base_url, "gpt-4.1-mini")
    assert caps.model == "bridged" and caps.keeps_state is False and caps.streaming is False
    assert "Tested with the model bridged" in caps.summary() and "answers come whole" in caps.summary()
    assert full.keeps_state is True and full.streaming is True
