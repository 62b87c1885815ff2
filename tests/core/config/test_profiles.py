"""Provider profiles: stored without keys, one keyring entry each, and the right SDK client per kind."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.api.client import MissingKeyError
from desktop_chat.core.api.events import Completed, TextDelta
from desktop_chat.core.api.providers.chat import stream_chat
from desktop_chat.core.api.providers.responses import stream_response
from desktop_chat.core.config import profiles
from desktop_chat.core.config import settings as app_settings
from desktop_chat.core.config.profiles import Profile, ProviderKind
from desktop_chat.core.conversation.model import user_message
from desktop_chat.core.conversation.store import Store, open_store
from desktop_chat.emulator import Emulator, parse_context


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened, _ = open_store(tmp_path / "chat.sqlite3")
    yield opened
    opened.close()


def all_settings_text(store: Store) -> str:
    rows = store._conn.execute("SELECT key, value FROM settings").fetchall()
    return json.dumps(rows)


def test_the_default_profile_is_the_original_connection(store: Store) -> None:
    app_settings.save_provider(store, app_settings.ProviderSettings("http://localhost:11434/v1"))
    (default,) = profiles.list_profiles(store)
    assert default.id == "default" and default.kind is ProviderKind.OPENAI
    assert default.base_url == "http://localhost:11434/v1"
    default.default_model = "llama3"
    default.base_url = "http://localhost:1234/v1"
    profiles.save_profile(store, default)
    assert app_settings.load_provider(store).base_url == "http://localhost:1234/v1"
    assert profiles.get_profile(store, None) == profiles.get_profile(store, "default")
    assert profiles.active_profile(store).default_model == "llama3"
    with pytest.raises(ValueError, match="cannot be deleted"):
        profiles.delete_profile(store, "default")


def test_add_edit_delete_and_pick_per_conversation(store: Store, memory_keyring: Any) -> None:
    local = profiles.save_profile(
        store, profiles.new_profile("Ollama", base_url=" http://localhost:11434/v1 ", default_model="llama3")
    )
    azure = profiles.save_profile(
        store,
        profiles.new_profile(
            "Work",
            ProviderKind.AZURE,
            base_url="https://res.openai.azure.com",
            api_version="2025-04-01-preview",
        ),
    )
    assert [p.name for p in profiles.list_profiles(store)] == ["OpenAI", "Ollama", "Work"]
    assert local.base_url == "http://localhost:11434/v1"
    local.name = "Ollama (laptop)"
    profiles.save_profile(store, local)
    assert profiles.get_profile(store, local.id).name == "Ollama (laptop)"  # type: ignore[union-attr]
    profiles.set_active_profile(store, azure.id)
    profiles.set_conversation_profile(store, "conv-1", local.id)
    assert profiles.conversation_profile(store, "conv-1").id == local.id
    assert profiles.conversation_profile(store, "conv-2").id == azure.id  # the active one
    profiles.set_key(local, "sk-local")
    profiles.delete_profile(store, local.id)
    assert [p.name for p in profiles.list_profiles(store)] == ["OpenAI", "Work"]
    assert profiles.conversation_profile(store, "conv-1").id == azure.id
    assert ("desktop-chat", local.id) not in memory_keyring.passwords  # its key went with it


@pytest.mark.parametrize(
    ("profile", "problem"),
    [
        (Profile("p-1", " "), "name"),
        (Profile("p-1", "x", ProviderKind.AZURE), "endpoint"),
        (Profile("p-1", "x", ProviderKind.COMPATIBLE), "server's URL"),
        (Profile("p-1", "x", base_url="ftp://x"), "http"),
    ],
)
def test_invalid_profiles_are_refused(store: Store, profile: Profile, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        profiles.save_profile(store, profile)


def test_keys_are_per_profile_and_never_in_settings(
    store: Store, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    a = profiles.save_profile(store, profiles.new_profile("A", base_url="http://a.example/v1"))
    b = profiles.save_profile(store, profiles.new_profile("B", base_url="http://b.example/v1"))
    default = profiles.get_profile(store, "default")
    assert default is not None
    profiles.set_key(a, "sk-aaaa-secret")
    profiles.set_key(default, "sk-default-secret")
    assert profiles.get_key(a) == ("sk-aaaa-secret", "keyring")
    assert profiles.get_key(b) == (None, "none")  # no fallback to another profile's or the env key
    assert profiles.get_key(default) == ("sk-default-secret", "keyring")
    assert memory_keyring.passwords == {
        ("desktop-chat", a.id): "sk-aaaa-secret",
        ("desktop-chat", "default"): "sk-default-secret",
    }
    profiles.delete_key(default)
    assert profiles.get_key(default) == ("sk-from-env", "environment")
    text = all_settings_text(store)
    assert "secret" not in text and "sk-" not in text


def test_profiles_survive_junk_in_settings(store: Store) -> None:
    store.set_setting(profiles.PROFILES_KEY, [1, {"id": "p-x"}, {"id": "p-y", "name": "Y", "kind": "nope"}])
    assert [p.id for p in profiles.list_profiles(store)] == ["default"]


def stream_through(client: Any, fn: Any, request: dict[str, Any]) -> str:
    async def run() -> str:
        async with client:
            events = [e async for e in fn(client, request)]
        assert isinstance(events[-1], Completed), events[-1]
        return "".join(e.text for e in events if isinstance(e, TextDelta))

    return asyncio.run(run())


def test_azure_api_version_form_uses_deployment_paths_and_api_key_header() -> None:
    with Emulator(azure=True) as emu:
        profile = Profile("p-az", "Azure", ProviderKind.AZURE, emu.endpoint, api_version="2025-04-01-preview")
        request = {"model": "gpt-4.1-mini", "input": [user_message("hi azure")]}
        chat_text = stream_through(profiles.make_client(profile, "az-key-1"), stream_chat, request)
        responses_text = stream_through(profiles.make_client(profile, "az-key-1"), stream_response, request)
        chat, responses = emu.requests
    assert parse_context(chat_text) == parse_context(responses_text) == ["hi azure"]
    assert chat.path == "/openai/deployments/gpt-4.1-mini/chat/completions"
    assert responses.path == "/openai/responses"
    for recorded in (chat, responses):
        assert recorded.query == {"api-version": "2025-04-01-preview"}
        assert recorded.headers.get("api-key") == "az-key-1"


def test_azure_v1_form() -> None:
    with Emulator(azure=True) as emu:
        profile = Profile("p-az", "Azure", ProviderKind.AZURE, emu.endpoint + "/openai/v1/")
        assert profile.azure_v1
        request = {"model": "gpt-4.1-mini", "input": [user_message("hi v1")]}
        text = stream_through(profiles.make_client(profile, "az-key-2"), stream_response, request)
        (recorded,) = emu.requests
    assert parse_context(text) == ["hi v1"]
    assert recorded.path == "/openai/v1/responses" and recorded.headers.get("api-key") == "az-key-2"
    assert "api-version" not in recorded.query


def test_azure_rejects_a_wrong_key() -> None:
    with Emulator(azure=True) as emu:
        profile = Profile("p-az", "Azure", ProviderKind.AZURE, emu.endpoint, api_version="2024-10-21")

        async def run() -> Any:
            async with profiles.make_client(profile, "sk-invalid") as client:
                return [e async for e in stream_chat(client, {"model": "gpt-4.1-mini", "input": "x"})]

        events = asyncio.run(run())
    assert "401" in events[-1].error.message


def test_organization_and_project_headers(emulator: Emulator) -> None:
    profile = Profile("p-1", "Org", base_url=emulator.base_url, organization="org-1", project="proj-1")
    stream_through(
        profiles.make_client(profile, "sk-x"), stream_response, {"model": "gpt-4.1-mini", "input": "hi"}
    )
    (recorded,) = emulator.requests
    assert recorded.headers.get("openai-organization") == "org-1"
    assert recorded.headers.get("openai-project") == "proj-1"


def test_keys_are_required_where_the_server_needs_one() -> None:
    with pytest.raises(MissingKeyError):
        profiles.make_client(
            Profile("p", "Az", ProviderKind.AZURE, "https://x.openai.azure.com", "2024-10-21"), None
        )
    local = Profile("p", "Local", ProviderKind.COMPATIBLE, "http://localhost:11434/v1")
    client = profiles.make_client(local, None)  # local servers often want no key
    asyncio.run(client.close())


def test_describe_never_shows_the_key() -> None:
    profile = Profile("p", "Work", ProviderKind.AZURE, "https://res.openai.azure.com", "2024-10-21")
    assert (
        profiles.describe(profile)
        == "Work · Azure OpenAI · https://res.openai.azure.com (api-version 2024-10-21)"
    )
    profile.api_version = None
    assert profiles.describe(profile).endswith("https://res.openai.azure.com/openai/v1")


def test_api_and_streaming_choices_round_trip_and_name_the_server() -> None:
    from desktop_chat.core.config.profiles import ApiChoice, Profile, server_of

    profile = Profile(
        "p-1",
        "Gateway",
        ProviderKind.COMPATIBLE,
        "HTTP://LocalHost:4000/v1/",
        api=ApiChoice.CHAT,
        streaming=False,
    )
    again = Profile.from_json(profile.to_json())
    assert again is not None and again.api is ApiChoice.CHAT and again.streaming is False
    assert Profile.from_json({**profile.to_json(), "api": "future"}).api is ApiChoice.AUTO  # type: ignore[union-attr]
    assert server_of(profile) == "http://localhost:4000/v1"
