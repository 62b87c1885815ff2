"""Plain HTTP to the emulator, so the tests see the JSON it sends before any SDK model reads it."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

KEY = "sk-test"


def _request(method: str, url: str, body: Any = None) -> urllib.request.Request:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    request.add_header("Authorization", f"Bearer {KEY}")
    return request


def call(method: str, url: str, body: Any = None) -> tuple[int, Any]:
    """(status, parsed JSON body) of one request."""
    try:
        with urllib.request.urlopen(_request(method, url, body), timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as err:
        with err:
            return err.code, json.loads(err.read() or b"null")


def sse(url: str, body: Any) -> list[Any]:
    """The `data:` payloads of a streamed answer, parsed (the `[DONE]` sentinel as the string)."""
    with urllib.request.urlopen(_request("POST", url, body), timeout=10) as response:
        raw = response.read().decode()
    payloads: list[Any] = []
    for block in raw.split("\n\n"):
        for line in block.splitlines():
            if line.startswith("data: "):
                data = line[len("data: ") :]
                payloads.append(data if data == "[DONE]" else json.loads(data))
    return payloads
