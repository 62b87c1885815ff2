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


# the smallest stream events and Response the SDK reads: reading each once builds its models
_MESSAGE = {
    "type": "message",
    "id": "msg",
    "role": "assistant",
    "status": "completed",
    "content": [{"type": "output_text", "text": "", "annotations": [], "logprobs": []}],
}
_RESPONSE = {
    "id": "resp",
    "object": "response",
    "created_at": 0,
    "model": "m",
    "status": "completed",
    "output": [_MESSAGE],
    "tools": [],
    "tool_choice": "auto",
    "parallel_tool_calls": True,
    "usage": {
        "input_tokens": 0,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens": 0,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 0,
    },
}
_EVENTS = [
    {"type": "response.created", "sequence_number": 0, "response": {**_RESPONSE, "output": []}},
    {
        "type": "response.output_text.delta",
        "sequence_number": 1,
        "item_id": "msg",
        "output_index": 0,
        "content_index": 0,
        "delta": "",
        "logprobs": [],
    },
    {"type": "response.completed", "sequence_number": 2, "response": _RESPONSE},
]


def build_sdk_models() -> None:
    """Have the SDK build the models it reads answers with, here (call it off the GUI thread, ideally
    before the first answer): it builds them the first time it reads a stream event (~110 ms) and a
    whole Response (~70 ms more: a chain check's probe, an unstreamed answer), which froze the window.
    Building them twice at once (an answer arriving meanwhile) only costs the time again."""
    from openai._models import construct_type
    from openai.types.responses import Response, ResponseStreamEvent

    for event in _EVENTS:
        construct_type(type_=ResponseStreamEvent, value=event)
    construct_type(type_=Response, value=_RESPONSE)
