"""API keys in the OS keyring, never in a file.

Without a usable keyring backend the key cannot be saved: the caller says so plainly and offers the
OPENAI_API_KEY environment variable for the session. There is no plaintext fallback.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "desktop-chat"
ENV_VAR = "OPENAI_API_KEY"
REDACTED = "[redacted]"

log = logging.getLogger(__name__)


class ApiKey(str):
    """A key that works as the plain string it is, but whose repr never shows it.

    Containers are logged through repr (a worker thread's `(key, source)` result, logged at DEBUG by
    the event loop, for one), so the value must not appear there.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"'{REDACTED}'"


class KeyringUnavailable(Exception):
    """No usable OS keyring; `user_message` explains and names the environment variable fallback."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        self.user_message = (
            f"No OS keyring backend was found ({reason}), so the API key cannot be saved securely. "
            f"You can set the {ENV_VAR} environment variable to use a key for this session."
        )
        super().__init__(self.user_message)


def _keyring() -> Any:
    """The keyring package, imported on first use: it costs ~50 ms, which start-up must not pay
    before the window paints."""
    import keyring
    import keyring.errors

    return keyring


def _backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def keyring_status() -> tuple[bool, str]:
    """(usable, the backend's name) or (False, why not)."""
    keyring = _keyring()
    from keyring.backends import chainer, fail, null

    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken backend configuration
        return False, f"the keyring could not be loaded: {exc}"
    if isinstance(backend, fail.Keyring):
        return False, "no keyring backend is installed or running"
    if isinstance(backend, null.Keyring):
        return False, "the keyring is disabled (null backend)"
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        if not chained:
            return False, "no keyring backend is installed or running"
        return True, ", ".join(_backend_name(b) for b in chained)
    return True, _backend_name(backend)


def _usable_backend() -> KeyringBackend:
    usable, reason = keyring_status()
    if not usable:
        raise KeyringUnavailable(reason)
    backend: KeyringBackend = _keyring().get_keyring()
    return backend


def get_api_key(account: str = "default") -> str | None:
    backend = _usable_backend()
    try:
        key = backend.get_password(SERVICE, account)
    except _keyring().errors.KeyringError as exc:
        raise KeyringUnavailable(f"the keyring could not be read: {exc}") from exc
    return ApiKey(key) if key else None


def set_api_key(key: str, account: str = "default") -> None:
    key = key.strip()
    if not key:
        raise ValueError("The API key is empty.")
    backend = _usable_backend()
    try:
        backend.set_password(SERVICE, account, key)
    except _keyring().errors.KeyringError as exc:
        raise KeyringUnavailable(f"the keyring refused the key: {redact(str(exc), [key])}") from exc


def delete_api_key(account: str = "default") -> None:
    """Forget the saved key (no error when none was saved)."""
    backend = _usable_backend()
    try:
        backend.delete_password(SERVICE, account)
    except _keyring().errors.PasswordDeleteError:
        pass
    except _keyring().errors.KeyringError as exc:
        raise KeyringUnavailable(f"the keyring could not delete the key: {exc}") from exc


def resolve_api_key(account: str = "default") -> tuple[str | None, str]:
    """(key, source): the keyring first, then OPENAI_API_KEY; source is keyring/environment/none.

    Never raises: a missing or failing keyring falls through to the environment.
    """
    try:
        key = get_api_key(account)
    except Exception as exc:  # KeyringUnavailable, or a backend failing in its own way
        log.info("keyring not used: %s", getattr(exc, "reason", type(exc).__name__))
        key = None
    if key:
        return ApiKey(key), "keyring"
    env_key = os.environ.get(ENV_VAR, "").strip()
    if env_key:
        return ApiKey(env_key), "environment"
    return None, "none"


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """The text with every occurrence of each secret replaced (for logs and error messages)."""
    for secret in sorted({s for s in secrets if s and s.strip()}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text
