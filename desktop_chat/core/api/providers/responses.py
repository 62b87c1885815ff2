"""The Responses API back end: stream a request and yield domain events.

Every stream yields exactly one terminal event (Completed, Incomplete or Failed) unless it is
cancelled. The Qt loop gets a turn at least every few milliseconds while events arrive in bursts.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable
from typing import TYPE_CHECKING, Any

import openai

from desktop_chat.core.api.events import (
    Alive,
    ChatError,
    Citation,
    Completed,
    ErrorKind,
    Failed,
    ImagePartial,
    Incomplete,
    ReasoningDelta,
    Started,
    StreamEvent,
    TextDelta,
    ToolActivity,
)
from desktop_chat.core.api.providers.errors import error_from_exception, error_from_payload
from desktop_chat.core.content.output_items import (  # noqa: F401 - re-exported
    ACTIVITY_LABELS,
    activity_label,
    citations_of,
    logprobs_of,
    tool_calls_of,
)
from desktop_chat.core.conversation.model import Usage

if TYPE_CHECKING:
    from openai import AsyncOpenAI

YIELD_EVERY_S = 0.008  # give the UI loop a turn at least this often inside a burst of events


def read_usage(
    obj: Any, input_name: str = "input_tokens", output_name: str = "output_tokens"
) -> Usage | None:
    """Token counts from an SDK usage object whose counts are `<name>` and details `<name>_details`
    (the Responses API's input/output tokens; Chat Completions calls them prompt/completion tokens)."""
    if obj is None:
        return None
    input_details = getattr(obj, f"{input_name}_details", None)
    output_details = getattr(obj, f"{output_name}_details", None)
    return Usage(
        input_tokens=getattr(obj, input_name, 0) or 0,
        cached_tokens=getattr(input_details, "cached_tokens", 0) or 0,
        output_tokens=getattr(obj, output_name, 0) or 0,
        reasoning_tokens=getattr(output_details, "reasoning_tokens", 0) or 0,
        total_tokens=getattr(obj, "total_tokens", 0) or 0,
    )


class Pacer:
    """Gives the UI loop a turn at least every `YIELD_EVERY_S` while a burst of events is read."""

    def __init__(self) -> None:
        self._last = time.monotonic()

    async def tick(self) -> None:
        if time.monotonic() - self._last >= YIELD_EVERY_S:
            await asyncio.sleep(0)
            self._last = time.monotonic()


def usage_from(obj: Any) -> Usage | None:
    return read_usage(obj)


def connection_closed(started: bool) -> Failed:
    """The terminal event of a stream whose body ended before its last event."""
    what = "the answer finished" if started else "the server answered"
    return Failed(
        ChatError(
            ErrorKind.CONNECTION,
            f"The connection closed before {what}. What arrived is kept; press Retry (Ctrl+R) to try again.",
        )
    )


def _output_items(response: Any) -> list[dict[str, Any]]:
    items = getattr(response, "output", None) or []
    result: list[dict[str, Any]] = []
    for item in items:
        if hasattr(item, "model_dump"):
            result.append(item.model_dump(mode="json", exclude_none=True))
        elif isinstance(item, dict):
            result.append(item)
    return result


INCOMPLETE_MESSAGES = {
    "max_output_tokens": "The answer was cut off at the max output tokens limit (raise it in Settings).",
    "content_filter": "The answer was stopped by the server's content filter.",
}

_TOOL_EVENTS = {
    "response.web_search_call.in_progress": ("web_search", "in_progress"),
    "response.web_search_call.searching": ("web_search", "searching"),
    "response.web_search_call.completed": ("web_search", "completed"),
    "response.file_search_call.in_progress": ("file_search", "in_progress"),
    "response.file_search_call.searching": ("file_search", "searching"),
    "response.file_search_call.completed": ("file_search", "completed"),
    "response.code_interpreter_call.in_progress": ("code_interpreter", "in_progress"),
    "response.code_interpreter_call.interpreting": ("code_interpreter", "interpreting"),
    "response.code_interpreter_call.completed": ("code_interpreter", "completed"),
    "response.image_generation_call.in_progress": ("image_generation", "in_progress"),
    "response.image_generation_call.generating": ("image_generation", "generating"),
    "response.image_generation_call.completed": ("image_generation", "completed"),
}


# What the API leaves out of hosted tool calls unless `include` names it, and the transcript shows.
TOOL_INCLUDES = {
    "file_search": "file_search_call.results",
    "code_interpreter": "code_interpreter_call.outputs",
}


def with_tool_includes(request: dict[str, Any]) -> dict[str, Any]:
    """The request, asking also for its hosted tools' results: file search hits, the code's logs."""
    wanted = [
        TOOL_INCLUDES[tool["type"]]
        for tool in request.get("tools") or []
        if isinstance(tool, dict) and tool.get("type") in TOOL_INCLUDES
    ]
    include = list(request.get("include") or [])
    missing = [name for name in dict.fromkeys(wanted) if name not in include]
    return {**request, "include": include + missing} if missing else request


def sdk_arguments(request: dict[str, Any], *lists: str) -> dict[str, Any]:
    """The request as keyword arguments for the SDK, with its long lists (`input`, `messages`) sent as
    they are: the SDK walks every nested item against its typed schema before sending, which changes
    nothing in them and took ~9 s on the UI thread for a 2,000-turn replay."""
    names = lists or ("input",)
    moved = {name: request[name] for name in names if isinstance(request.get(name), list)}
    if not moved:
        return request
    rest = {key: value for key, value in request.items() if key not in moved}
    extra = {**(rest.get("extra_body") or {}), **moved}
    placeholders: dict[str, list[Any]] = {name: [] for name in moved if name == "messages"}  # required there
    return {**rest, **placeholders, "extra_body": extra}


def translate(event: Any) -> StreamEvent | None:
    """One SDK stream event as a domain event (None for events the app does not need); each carries
    the event's `sequence_number` where it has one (a background answer's stream resumes after it)."""
    kind = getattr(event, "type", None)
    sequence = getattr(event, "sequence_number", None)
    if kind == "response.output_text.delta":
        return TextDelta(event.delta, sequence)
    if kind == "response.reasoning_summary_text.delta":
        return ReasoningDelta(event.delta, sequence)
    if kind in _STARTED:
        return started_of(event.response, sequence)
    if kind == "response.completed":
        response = event.response
        return Completed(response.id, response.model, usage_from(response.usage), _output_items(response))
    if kind == "response.incomplete":
        response = event.response
        details = getattr(response, "incomplete_details", None)
        reason = getattr(details, "reason", None) or "unknown"
        message = INCOMPLETE_MESSAGES.get(reason, f"The server ended the answer early ({reason}).")
        return Incomplete(response.id, reason, usage_from(response.usage), message, _output_items(response))
    if kind == "response.failed":
        response = event.response
        error = getattr(response, "error", None)
        chat_error = error_from_payload(getattr(error, "code", None), getattr(error, "message", None))
        return Failed(chat_error, response.id, usage_from(getattr(response, "usage", None)))
    if kind == "error":
        return Failed(error_from_payload(getattr(event, "code", None), getattr(event, "message", None)))
    if kind == "response.output_text.annotation.added":
        annotation = event.annotation
        get = annotation.get if isinstance(annotation, dict) else lambda k, d=None: getattr(annotation, k, d)
        if get("type") == "url_citation":
            return Citation(
                get("url", ""), get("title", ""), get("start_index", 0), get("end_index", 0), sequence
            )
        return Alive(sequence=sequence) if sequence is not None else _ALIVE
    if kind == "response.image_generation_call.partial_image":
        return ImagePartial(str(event.item_id), int(event.partial_image_index), str(event.partial_image_b64))
    if kind in _TOOL_EVENTS:
        tool, status = _TOOL_EVENTS[kind]
        return ToolActivity(tool, status, sequence=sequence)
    thinking = kind == "keepalive" or (kind or "").startswith("response.reasoning")
    if kind == "response.output_item.added":
        thinking = getattr(getattr(event, "item", None), "type", None) == "reasoning"
    elif not thinking and not kind:
        return None
    if sequence is None:
        return _THINKING if thinking else _ALIVE
    return Alive(thinking, sequence)


_STARTED = ("response.created", "response.queued", "response.in_progress")


def started_of(response: Any, sequence: int | None = None) -> Started:
    """What a response object says of a response that has begun (its id, model, status, mode)."""
    return Started(
        getattr(response, "id", None),
        getattr(response, "model", None),
        sequence,
        str(getattr(response, "status", None) or ""),
        getattr(response, "background", None) is True,
    )


_ALIVE, _THINKING = Alive(), Alive(thinking=True)


async def stream_response(client: AsyncOpenAI, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
    """Send a Responses API request with streaming and yield domain events; ends with one terminal event."""
    opened = client.responses.create(**sdk_arguments(with_tool_includes(request)), stream=True)
    async for event in read_stream(opened):
        yield event


async def read_stream(opened: Awaitable[Any], started: bool = False) -> AsyncIterator[StreamEvent]:
    """The domain events of an SDK stream being opened (a new answer's, or a stored one's resumed);
    ends with one terminal event. `started`: the response is known to exist already."""
    terminal_seen = False
    try:
        stream = await opened
        async with stream:
            pacer = Pacer()
            async for sdk_event in stream:
                event = translate(sdk_event)
                if event is not None:
                    if isinstance(event, Started):
                        started = True
                    terminal_seen = isinstance(event, Completed | Incomplete | Failed)
                    yield event
                    if terminal_seen:
                        return
                await pacer.tick()
    except (openai.OpenAIError, ValueError) as exc:
        yield Failed(error_from_exception(exc))
        return
    if not terminal_seen:
        yield connection_closed(started)


def _summary_of(items: list[dict[str, Any]]) -> str:
    parts = [
        str(part.get("text", ""))
        for item in items
        if item.get("type") == "reasoning"
        for part in item.get("summary") or []
        if isinstance(part, dict)
    ]
    return "\n\n".join(p for p in parts if p)


def response_events(response: Any) -> list[StreamEvent]:
    """A whole (unstreamed) Response as the events its stream would have brought, ending in one
    terminal event."""
    items = _output_items(response)
    response_id, model = getattr(response, "id", None), getattr(response, "model", None)
    events: list[StreamEvent] = [Started(response_id, model)]
    summary = _summary_of(items)
    if summary:
        events.append(ReasoningDelta(summary))
    text = getattr(response, "output_text", "") or ""
    if text:
        events.append(TextDelta(text))
    usage = usage_from(getattr(response, "usage", None))
    status = getattr(response, "status", None) or "completed"
    if status == "incomplete":
        details = getattr(response, "incomplete_details", None)
        reason = getattr(details, "reason", None) or "unknown"
        message = INCOMPLETE_MESSAGES.get(reason, f"The server ended the answer early ({reason}).")
        events.append(Incomplete(response_id, reason, usage, message, items))
    elif status == "failed":
        error = getattr(response, "error", None)
        chat_error = error_from_payload(getattr(error, "code", None), getattr(error, "message", None))
        events.append(Failed(chat_error, response_id, usage))
    else:
        events.append(Completed(response_id, model, usage, items))
    return events


async def complete_response(client: AsyncOpenAI, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
    """Send a Responses API request without streaming; the answer comes as events when it is whole."""
    try:
        response = await client.responses.create(**sdk_arguments(with_tool_includes(request)))
    except (openai.OpenAIError, ValueError) as exc:
        yield Failed(error_from_exception(exc))
        return
    for event in response_events(response):
        yield event


async def list_models(client: AsyncOpenAI) -> list[str]:
    page = await client.models.list()
    return sorted(model.id for model in page.data)
