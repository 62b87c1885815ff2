"""Helpers for the emulator's tests: run coroutines, make SDK clients, collect stream events."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from collections.abc import Awaitable
from typing import Any, TypeVar

import openai

T = TypeVar("T")
MODEL = "gpt-4.1-mini"


def run(coro: Awaitable[T], timeout: float = 10) -> T:
    async def bounded() -> T:
        return await asyncio.wait_for(coro, timeout)

    return asyncio.run(bounded())


def client(base_url: str, **kwargs: Any) -> openai.AsyncOpenAI:
    options: dict[str, Any] = {"api_key": "sk-test", "max_retries": 0, "timeout": 10.0}
    options.update(kwargs)
    return openai.AsyncOpenAI(base_url=base_url, **options)


async def stream_events(base_url: str, **request: Any) -> tuple[list[Any], Any]:
    """Every event of a `responses.stream()` and its final response (None unless it completed)."""
    async with (
        client(base_url) as sdk,
        sdk.responses.stream(model=request.pop("model", MODEL), **request) as s,
    ):
        events = [event async for event in s]
        final = await s.get_final_response() if events and events[-1].type == "response.completed" else None
    return events, final


async def raw_events(base_url: str, **request: Any) -> list[Any]:
    """Every event of `responses.create(stream=True)`, as the SDK's pydantic models."""
    async with client(base_url) as sdk:
        stream = await sdk.responses.create(model=request.pop("model", MODEL), stream=True, **request)
        async with stream:
            return [event async for event in stream]


def http(method: str, url: str, body: Any = None, key: str | None = "sk-test") -> tuple[int, Any, Any]:
    """A plain HTTP request: (status, parsed JSON body, headers)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if key is not None:
        request.add_header("Authorization", f"Bearer {key}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null"), response.headers
    except urllib.error.HTTPError as err:
        with err:
            return err.code, json.loads(err.read() or b"null"), err.headers
