"""Background mode (`background: true`): answers the server makes on its own, whatever becomes of the
connection that asked for them.

A background answer is streamed like any other; when its stream drops, `resume` reads it on from the
last event applied (`GET /responses/{id}?stream=true&starting_after=N`, the SDK's
`responses.retrieve(id, stream=True, starting_after=N)`), so nothing arrives twice. A server that will
not stream it again (an HTTP error before any event) is polled (`GET /responses/{id}`) until the
answer is done, and its whole text replaces what streamed. `cancel` is Stop on the server
(`POST /responses/{id}/cancel`). The server keeps background answers for about ten minutes, so the
setting is not for zero-data-retention accounts.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import openai

from desktop_chat.core.api.events import (
    Alive,
    ChatError,
    Completed,
    ErrorKind,
    Failed,
    Incomplete,
    StreamEvent,
)
from desktop_chat.core.api.providers.errors import error_from_exception
from desktop_chat.core.api.providers.responses import (
    read_stream,
    response_events,
    sdk_arguments,
    started_of,
    with_tool_includes,
)

if TYPE_CHECKING:
    from openai import AsyncOpenAI

POLL_EVERY_S = 1.0
RUNNING = ("queued", "in_progress")
CANCELLED_MESSAGE = (
    "The server cancelled this answer. What arrived is kept; press Retry (Ctrl+R) to ask again."
)


class BackgroundApi:
    """What a turn runner needs of a server for background answers: resume a stream, cancel one."""

    def __init__(self, client: AsyncOpenAI, poll_every_s: float = POLL_EVERY_S) -> None:
        self.client = client
        self.poll_every_s = poll_every_s

    def resume(self, response_id: str, after: int | None) -> AsyncIterator[StreamEvent]:
        return resume_response(self.client, response_id, after, self.poll_every_s)

    async def cancel(self, response_id: str) -> None:
        await self.client.responses.cancel(response_id)


async def resume_response(
    client: AsyncOpenAI, response_id: str, after: int | None, poll_every_s: float = POLL_EVERY_S
) -> AsyncIterator[StreamEvent]:
    """The events of a background answer after sequence number `after` (all of them for None); ends
    with one terminal event."""
    arguments: dict[str, Any] = {"stream": True}
    if after is not None:
        arguments["starting_after"] = after
    events = read_stream(client.responses.retrieve(response_id, **arguments), started=True)
    first = await anext(events, None)
    if isinstance(first, Failed) and _refused(first.error):
        async for event in poll_response(client, response_id, poll_every_s):
            yield event
        return
    if first is not None:
        yield first
    async for event in events:
        yield event


def _refused(error: ChatError) -> bool:
    """The server answered the resumed stream's request with an error of its own (it will not stream
    this answer again), rather than the connection failing or the answer being gone."""
    return (
        error.status_code is not None
        and error.kind not in (ErrorKind.AUTH, ErrorKind.RATE_LIMITED)
        and (error.status_code != 404)
    )


async def poll_response(
    client: AsyncOpenAI, response_id: str, every_s: float = POLL_EVERY_S
) -> AsyncIterator[StreamEvent]:
    """A background answer asked for until it is done (`Alive` meanwhile); its whole text comes in the
    terminal event (`text`), replacing what streamed before."""
    while True:
        try:
            response = await client.responses.retrieve(response_id)
        except (openai.OpenAIError, ValueError) as exc:
            yield Failed(error_from_exception(exc))
            return
        status = str(getattr(response, "status", None) or "")
        if status in RUNNING:
            yield started_of(response)
            yield Alive(thinking=True)
            await asyncio.sleep(every_s)
            continue
        yield from_whole(response)
        return


async def complete_background(
    client: AsyncOpenAI, request: dict[str, Any], poll_every_s: float = POLL_EVERY_S
) -> AsyncIterator[StreamEvent]:
    """An unstreamed request in background mode: the server answers at once with the response queued,
    which is then polled until it is done (its whole text in the terminal event)."""
    try:
        response = await client.responses.create(**sdk_arguments(with_tool_includes(request)))
    except (openai.OpenAIError, ValueError) as exc:
        yield Failed(error_from_exception(exc))
        return
    if str(getattr(response, "status", None) or "") not in RUNNING:
        for event in response_events(response):
            yield event
        return
    yield started_of(response)
    async for event in poll_response(client, response.id, poll_every_s):
        yield event


def from_whole(response: Any) -> StreamEvent:
    """The terminal event of a finished background response read whole."""
    if str(getattr(response, "status", "")) == "cancelled":
        return Failed(ChatError(ErrorKind.STREAM, CANCELLED_MESSAGE), getattr(response, "id", None))
    text = getattr(response, "output_text", "") or ""
    final = response_events(response)[-1]
    if isinstance(final, Completed | Incomplete):
        return dataclasses.replace(final, text=text)
    return final


__all__ = ["BackgroundApi", "complete_background", "poll_response", "resume_response"]
