"""App settings kept in the store: default request parameters and the provider's base URL.

The API key is not a setting: it lives in the OS keyring (see keys.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.conversation.model import ChatParams, Conversation
from desktop_chat.core.conversation.store import Store

DEFAULT_PARAMS_KEY = "default_params"
PROVIDER_KEY = "provider"


@dataclass
class ProviderSettings:
    base_url: str | None = None  # None = the SDK default (or OPENAI_BASE_URL)


def validate_base_url(text: str | None) -> str | None:
    """A cleaned http(s) URL, or None for empty; ValueError with a user message otherwise."""
    url = (text or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        template = QT_TRANSLATE_NOOP(
            "core", "The server URL must be an http:// or https:// address (got “%1”)."
        )
        raise ValueError(Text(template, url))
    try:
        parts.port  # noqa: B018  # raises ValueError for a bad port
    except ValueError:
        template = QT_TRANSLATE_NOOP("core", "The server URL has an invalid port (got “%1”).")
        raise ValueError(Text(template, url)) from None
    return url


def _params_from(data: Any) -> ChatParams:
    """ChatParams from stored JSON; values of the wrong type fall back to the defaults."""
    return ChatParams.from_json(data if isinstance(data, dict) else None)


def load_default_params(store: Store) -> ChatParams:
    """The saved defaults as saved (not validated: sending validates), or ChatParams defaults."""
    return _params_from(store.get_setting(DEFAULT_PARAMS_KEY))


def save_default_params(store: Store, params: ChatParams) -> None:
    problems = params.validate()
    if problems:
        raise ValueError("\n".join(problems))
    store.set_setting(DEFAULT_PARAMS_KEY, params.to_json())


def load_provider(store: Store) -> ProviderSettings:
    data = store.get_setting(PROVIDER_KEY)
    base_url = data.get("base_url") if isinstance(data, dict) else None
    try:
        return ProviderSettings(validate_base_url(base_url if isinstance(base_url, str) else None))
    except ValueError:
        return ProviderSettings()


def save_provider(store: Store, p: ProviderSettings) -> None:
    store.set_setting(PROVIDER_KEY, {"base_url": validate_base_url(p.base_url)})


def effective_params(store: Store, conv: Conversation) -> ChatParams:
    """The defaults with the conversation's overrides applied."""
    return load_default_params(store).merged(conv.params_override)


def parse_optional_float(text: str) -> float | None:
    """ "" -> None; a number -> float; anything else -> ValueError with a user message."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(Text(QT_TRANSLATE_NOOP("core", "“%1” is not a number."), cleaned)) from None
    if not math.isfinite(value):
        raise ValueError(Text(QT_TRANSLATE_NOOP("core", "“%1” is not a finite number."), cleaned))
    return value


def parse_optional_int(text: str) -> int | None:
    """ "" -> None; a whole number (1,000 and 1_000 allowed) -> int; else ValueError with a user message."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return int(cleaned.replace(",", "").replace(" ", ""))
    except ValueError:
        raise ValueError(Text(QT_TRANSLATE_NOOP("core", "“%1” is not a whole number."), cleaned)) from None
