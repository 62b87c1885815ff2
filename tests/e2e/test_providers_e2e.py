"""The same conversation (send, reply, branch) through the real window against each kind of server.

The window gets its back end the way the app will once the provider integration is in: capabilities
detected for the server, then `backend_for()` picks stream_response or stream_chat and chain or
replay; the test gives the window that back end itself (`window.set_backend(...)`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_chat.core.api.backend import Backend
from desktop_chat.core.api.capabilities import Capabilities, detect
from desktop_chat.core.api.providers.select import backend_for, mode_label
from desktop_chat.core.config import profiles
from desktop_chat.core.config.profiles import Profile, ProviderKind
from desktop_chat.core.conversation.model import ContextMode, NodeStatus
from desktop_chat.emulator import Emulator, parse_context
from tests.e2e.test_app_flows import App

pytestmark = pytest.mark.e2e

CHAINING = {"full"}
MODES = ["full", "stateless", "reject_previous", "ignore_previous", "chat_only"]


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-e2e-test-key-0123456789")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


async def use_backend(window: Any, client: Any, caps: Capabilities, label: str) -> None:
    """What the Connector will do: pick the stream function and the context mode from the capabilities."""
    stream, prefer = backend_for(None, client, caps)
    window.set_backend(
        Backend(stream=stream, client=client, label=f"{label} · {mode_label(caps)}", prefer=prefer)
    )


def posts(emu: Emulator, after: int) -> list[Any]:
    return [r for r in emu.requests[after:] if r.method == "POST"]


async def conversation_flow(app: App, emu: Emulator, chaining: bool) -> None:
    """Send, reply, follow up and branch; check what the model saw and what the server received."""
    before = len(emu.requests)
    first = await app.send("What is a tree?")
    assert first.status is NodeStatus.COMPLETED, first.error
    assert "You said: What is a tree?" in app.transcript()
    second = await app.send("And a branch?")
    assert second.status is NodeStatus.COMPLETED, second.error
    assert parse_context(second.output_text) == ["What is a tree?", "And a branch?"]
    assert second.context_mode is (ContextMode.CHAIN if chaining else ContextMode.REPLAY)
    assert second.notice is None  # no failed chain had to be replayed

    app.window.tree_pane.tree_view.setFocus()
    app.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert app.window.selected_node_id() == first.id
    app.window.composer.setFocus()
    third = await app.send("A different follow-up")
    assert third.status is NodeStatus.COMPLETED, third.error
    assert parse_context(third.output_text) == ["What is a tree?", "A different follow-up"]
    assert [n.id for n in app.window.tree.children(first.id)] == [second.id, third.id]

    sent = posts(emu, before)
    assert len(sent) == 3
    chained = [r.body.get("previous_response_id") for r in sent if r.body]
    assert chained == ([None, first.response_id, first.response_id] if chaining else [None, None, None])


@pytest.mark.parametrize("mode", MODES)
def test_the_same_conversation_on_each_kind_of_server(
    env: None, tmp_path: Path, qtbot: Any, arun: Any, mode: str
) -> None:
    async def scenario() -> None:
        with Emulator(mode=mode) as emu:
            app = App(tmp_path, emu.base_url, qtbot)
            await app.connect()
            client = app.window.backend.client
            caps = await detect(client, "gpt-4.1-mini")
            await use_backend(app.window, client, caps, "emulator")
            assert mode_label(caps) in app.window.status.backend_label.toolTip()
            try:
                await conversation_flow(app, emu, chaining=mode in CHAINING)
                paths = {r.path for r in posts(emu, 0)[-3:]}
                assert paths == ({"/v1/chat/completions"} if mode == "chat_only" else {"/v1/responses"})
            finally:
                await app.close()

    arun(scenario(), timeout=60)


@pytest.mark.parametrize(
    ("mode", "api_version"), [("full", "2025-04-01-preview"), ("chat_only", "2024-10-21"), ("full", None)]
)
def test_azure_deployments(
    env: None, tmp_path: Path, qtbot: Any, arun: Any, mode: str, api_version: str | None
) -> None:
    async def scenario() -> None:
        with Emulator(mode=mode, azure=True) as emu:
            app = App(tmp_path, "http://127.0.0.1:9/v1", qtbot)  # the window's own connection is not used
            profile = Profile("p-az", "Azure", ProviderKind.AZURE, emu.endpoint, api_version=api_version)
            client = profiles.make_client(profile, "azure-key-1")
            try:
                caps = await detect(client, "gpt-4.1-mini")
                assert caps.responses_api is (mode != "chat_only")
                await use_backend(app.window, client, caps, profiles.describe(profile))
                await conversation_flow(app, emu, chaining=mode in CHAINING)
                assert all(r.headers.get("api-key") == "azure-key-1" for r in emu.requests)
                if mode == "chat_only":
                    assert posts(emu, 0)[-1].path == "/openai/deployments/gpt-4.1-mini/chat/completions"
                if api_version:
                    assert all(r.query.get("api-version") == api_version for r in emu.requests)
            finally:
                await client.close()
                await app.close()

    arun(scenario(), timeout=60)


def test_a_conversation_moves_to_another_server_and_continues_by_replay(
    env: None, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        with Emulator() as first_server, Emulator(mode="chat_only") as second_server:
            app = App(tmp_path, first_server.base_url, qtbot)
            await app.connect()
            client = app.window.backend.client
            await use_backend(app.window, client, await detect(client, "gpt-4.1-mini"), "server A")
            first = await app.send("Hello on A")
            second = await app.send("Still on A")
            assert second.context_mode is ContextMode.CHAIN
            other = profiles.make_client(
                Profile("p-b", "B", ProviderKind.COMPATIBLE, second_server.base_url), None
            )
            try:
                await use_backend(app.window, other, await detect(other, "gpt-4.1-mini"), "server B")
                third = await app.send("Now on B")
                assert third.status is NodeStatus.COMPLETED and third.context_mode is ContextMode.REPLAY
                assert parse_context(third.output_text) == ["Hello on A", "Still on A", "Now on B"]
                (body,) = [r.body for r in posts(second_server, 0) if r.path.endswith("/chat/completions")][
                    -1:
                ]
                assert [m["role"] for m in body["messages"]] == [
                    "user",
                    "assistant",
                    "user",
                    "assistant",
                    "user",
                ]
                assert first.response_id and not third.response_id
            finally:
                await other.close()
                await app.close()

    arun(scenario(), timeout=60)
