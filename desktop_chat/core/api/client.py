"""Creating the SDK client. Imported lazily: `openai` costs ~0.4 s, so it loads after first paint."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

NO_KEY_PLACEHOLDER = "sk-no-key-needed"  # local OpenAI-compatible servers often want no key


@dataclass(frozen=True)
class Connection:
    api_key: str | None
    base_url: str | None  # None: OPENAI_BASE_URL or the SDK default


def read_timeout_s() -> float:
    """How long a stream may stay silent before it counts as hung (env override for tests)."""
    try:
        return float(os.environ.get("DESKTOP_CHAT_READ_TIMEOUT", "120"))
    except ValueError:
        return 120.0


def make_client(connection: Connection, *, max_retries: int = 2) -> Any:
    import openai

    base_url = connection.base_url or os.environ.get("OPENAI_BASE_URL") or None
    api_key = connection.api_key or (NO_KEY_PLACEHOLDER if base_url else None)
    if not api_key:
        raise MissingKeyError()
    timeout = openai.Timeout(connect=10.0, read=read_timeout_s(), write=30.0, pool=10.0)
    return openai.AsyncOpenAI(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries)


class MissingKeyError(Exception):
    user_message = (
        "No API key is set. Open Settings to enter one (it is stored in the system keyring), "
        "or set OPENAI_API_KEY in the environment."
    )

    def __init__(self) -> None:
        super().__init__(self.user_message)


OPENAI_URL = "https://api.openai.com/v1"


def server_key(base_url: str | None, api_version: str | None = None) -> str:
    """Which server a base URL names, for remembering what it can do: the URL as the SDK uses it
    (None: OPENAI_BASE_URL or api.openai.com), without a trailing slash, scheme and host in lower case;
    an Azure api-version is part of it."""
    url = (base_url or os.environ.get("OPENAI_BASE_URL") or OPENAI_URL).strip().rstrip("/")
    scheme, sep, rest = url.partition("://")
    if sep:
        host, slash, path = rest.partition("/")
        url = f"{scheme.lower()}://{host.lower()}{slash}{path}"
    return f"{url}?api-version={api_version}" if api_version else url
