"""API keys: the OS keyring or the environment, never a file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import chainer, fail, null

from desktop_chat.core.config import keys
from tests.core.memory_keyring import MemoryKeyring


@pytest.fixture
def installed() -> Iterator[Any]:
    """Install a keyring backend for one test; the original comes back afterwards."""
    original = keyring.get_keyring()

    def install(backend: Any) -> Any:
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(original)


@pytest.fixture
def no_env_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)


class EmptyChainer(chainer.ChainerBackend):
    backends: list[Any] = []  # noqa: RUF012  # a chainer that found no backend at all


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("D-Bus went away")


def test_set_get_delete_round_trip(installed: Any, no_env_key: None) -> None:
    backend = installed(MemoryKeyring())
    assert keys.keyring_status() == (True, "tests.core.memory_keyring.MemoryKeyring")
    assert keys.get_api_key() is None
    keys.set_api_key("  sk-test-123  ")
    assert backend.passwords == {(keys.SERVICE, "default"): "sk-test-123"}
    assert keys.get_api_key() == "sk-test-123"
    assert keys.resolve_api_key() == ("sk-test-123", "keyring")
    keys.set_api_key("sk-other", account="local")
    assert keys.get_api_key("local") == "sk-other"
    keys.delete_api_key()
    assert keys.get_api_key() is None
    keys.delete_api_key()  # deleting a missing key is not an error
    assert keys.get_api_key("local") == "sk-other"


def test_empty_key_is_refused(installed: Any) -> None:
    backend = installed(MemoryKeyring())
    with pytest.raises(ValueError):
        keys.set_api_key("   ")
    assert backend.passwords == {}


@pytest.mark.parametrize(
    ("backend", "why"),
    [
        (fail.Keyring(), "no keyring backend"),
        (null.Keyring(), "null"),
        (EmptyChainer(), "no keyring backend"),
    ],
)
def test_no_usable_backend_says_so_and_names_the_env_var(installed: Any, backend: Any, why: str) -> None:
    installed(backend)
    usable, reason = keys.keyring_status()
    assert not usable and why in reason
    for call in (lambda: keys.set_api_key("sk-x"), keys.get_api_key, keys.delete_api_key):
        with pytest.raises(keys.KeyringUnavailable) as info:
            call()
        message = info.value.user_message
        assert "No OS keyring" in message and "OPENAI_API_KEY" in message and why in message


def test_set_without_keyring_writes_no_file(
    installed: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed(fail.Keyring())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with pytest.raises(keys.KeyringUnavailable):
        keys.set_api_key("sk-never-on-disk")
    assert list(tmp_path.rglob("*")) == []


def test_resolve_prefers_the_keyring_then_the_environment(
    installed: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed(MemoryKeyring())
    monkeypatch.setenv("OPENAI_API_KEY", " sk-env ")
    assert keys.resolve_api_key() == ("sk-env", "environment")
    keys.set_api_key("sk-ring")
    assert keys.resolve_api_key() == ("sk-ring", "keyring")


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), BrokenKeyring()])
def test_resolve_never_raises_and_falls_back_to_the_environment(
    installed: Any, monkeypatch: pytest.MonkeyPatch, backend: Any
) -> None:
    installed(backend)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    assert keys.resolve_api_key() == ("sk-env", "environment")
    monkeypatch.delenv("OPENAI_API_KEY")
    assert keys.resolve_api_key() == (None, "none")


def test_redact_hides_every_secret() -> None:
    text = "Error 401: key sk-abc123 rejected (sk-abc123xyz tried too); token=tok"
    redacted = keys.redact(text, ["sk-abc123", "sk-abc123xyz", "", None])
    assert "sk-abc" not in redacted
    assert redacted == f"Error 401: key {keys.REDACTED} rejected ({keys.REDACTED} tried too); token=tok"
    assert keys.redact("nothing secret", []) == "nothing secret"
