"""Default parameters and the provider's base URL, kept in the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_chat.core.config import settings
from desktop_chat.core.config.settings import ProviderSettings
from desktop_chat.core.conversation.model import ChatParams, Conversation
from desktop_chat.core.conversation.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "chats.sqlite3")
    yield s
    s.close()


def test_defaults_when_nothing_is_saved(store: Store) -> None:
    assert settings.load_default_params(store) == ChatParams()
    assert settings.load_provider(store) == ProviderSettings(base_url=None)


def test_default_params_round_trip_across_reopen(tmp_path: Path) -> None:
    params = ChatParams(
        model="gpt-4o", temperature=0.7, top_p=0.9, max_output_tokens=2048, instructions="존댓말"
    )
    path = tmp_path / "other.sqlite3"
    first = Store(path)
    settings.save_default_params(first, params)
    first.close()
    again = Store(path)
    try:
        assert settings.load_default_params(again) == params
    finally:
        again.close()


def test_invalid_params_are_never_saved(store: Store) -> None:
    good = ChatParams(temperature=1.0)
    settings.save_default_params(store, good)
    with pytest.raises(ValueError) as info:
        settings.save_default_params(store, ChatParams(model=" ", temperature=2.5, max_output_tokens=3))
    message = str(info.value)
    assert "Choose a model." in message and "Temperature" in message and "Max output tokens" in message
    assert settings.load_default_params(store) == good


def test_saved_values_are_loaded_as_saved_so_sending_can_refuse_them(store: Store) -> None:
    # written by an older version or by hand: kept, and ChatParams.validate() reports it at send time
    store.set_setting(settings.DEFAULT_PARAMS_KEY, ChatParams(temperature=3.5).to_json())
    loaded = settings.load_default_params(store)
    assert loaded.temperature == 3.5 and loaded.validate()


def test_values_of_the_wrong_type_fall_back_to_defaults(store: Store) -> None:
    store.set_setting(
        settings.DEFAULT_PARAMS_KEY,
        {
            "model": 4,
            "temperature": "hot",
            "top_p": 1,
            "max_output_tokens": 12.5,
            "instructions": None,
            "x": 1,
        },
    )
    loaded = settings.load_default_params(store)
    assert loaded == ChatParams(top_p=1.0)
    assert loaded.validate() == []
    store.set_setting(settings.DEFAULT_PARAMS_KEY, ["not", "a", "dict"])
    assert settings.load_default_params(store) == ChatParams()


def test_effective_params_apply_the_conversation_overrides(store: Store) -> None:
    settings.save_default_params(store, ChatParams(model="gpt-4o", temperature=0.2, instructions="base"))
    conv = Conversation(params_override={"temperature": 1.1, "model": None, "instructions": "페르소나"})
    assert settings.effective_params(store, conv) == ChatParams(
        model="gpt-4o", temperature=1.1, instructions="페르소나"
    )
    assert settings.effective_params(store, Conversation()) == settings.load_default_params(store)


@pytest.mark.parametrize(
    ("text", "saved"),
    [
        ("http://localhost:11434/v1", "http://localhost:11434/v1"),
        ("  https://api.example.com/v1  ", "https://api.example.com/v1"),
        ("", None),
        (None, None),
    ],
)
def test_provider_round_trip(store: Store, text: str | None, saved: str | None) -> None:
    settings.save_provider(store, ProviderSettings(text))
    assert settings.load_provider(store) == ProviderSettings(saved)


@pytest.mark.parametrize(
    "bad", ["localhost:11434", "ftp://example.com", "file:///etc/passwd", "http://", "http://h:99x"]
)
def test_bad_base_urls_are_refused(store: Store, bad: str) -> None:
    settings.save_provider(store, ProviderSettings("http://kept.example/v1"))
    with pytest.raises(ValueError, match="server URL"):
        settings.save_provider(store, ProviderSettings(bad))
    assert settings.load_provider(store).base_url == "http://kept.example/v1"


def test_parse_optional_float() -> None:
    assert settings.parse_optional_float("") is None
    assert settings.parse_optional_float("  ") is None
    assert settings.parse_optional_float(" 0.7 ") == 0.7
    assert settings.parse_optional_float("1") == 1.0
    for bad in ("abc", "0.7.1", "nan", "inf"):
        with pytest.raises(ValueError, match="number"):
            settings.parse_optional_float(bad)


def test_parse_optional_int() -> None:
    assert settings.parse_optional_int("") is None
    assert settings.parse_optional_int(" 512 ") == 512
    assert settings.parse_optional_int("1,000,000") == 1_000_000
    for bad in ("abc", "2.5", "1e3"):
        with pytest.raises(ValueError, match="whole number"):
            settings.parse_optional_int(bad)
