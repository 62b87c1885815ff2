"""Domain events a provider turns SDK stream events into, and the errors a turn can end in."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from desktop_chat.core.conversation.model import Usage


@dataclass(frozen=True)
class Started:
    """The response exists on the server (`response.created`; in background mode also `response.queued`
    and `response.in_progress`, each saying the server's status)."""

    response_id: str | None
    model: str | None
    sequence: int | None = None  # the stream event's sequence_number (None: the server numbers none)
    status: str = ""  # the server's status of the response: queued, in_progress…
    background: bool = False  # created with `background: true`: it runs on without the connection


@dataclass(frozen=True)
class TextDelta:
    text: str
    sequence: int | None = None  # the stream event's sequence_number (a resumed stream starts after it)


@dataclass(frozen=True)
class ReasoningDelta:
    text: str
    sequence: int | None = None


@dataclass(frozen=True)
class ToolActivity:
    tool: str  # e.g. "web_search"
    status: str  # e.g. "searching", "completed"
    detail: str = ""
    sequence: int | None = None


@dataclass(frozen=True)
class ImagePartial:
    """A rougher version of an image the image_generation tool is making (base64)."""

    item_id: str
    index: int
    b64: str


@dataclass(frozen=True)
class Citation:
    url: str
    title: str
    start_index: int = 0
    end_index: int = 0
    sequence: int | None = None


@dataclass(frozen=True)
class Notice:
    """Something the user should know about this turn that is not an error (e.g. a replay fallback)."""

    text: str


@dataclass(frozen=True)
class Completed:
    response_id: str | None
    model: str | None
    usage: Usage | None
    output_items: list[dict[str, Any]] = field(default_factory=list)
    text: str | None = None  # the whole answer, replacing what streamed (a polled background answer)


@dataclass(frozen=True)
class Incomplete:
    response_id: str | None
    reason: str
    usage: Usage | None
    message: str
    output_items: list[dict[str, Any]] = field(default_factory=list)
    text: str | None = None  # the whole answer, replacing what streamed (a polled background answer)


class ErrorKind(StrEnum):
    AUTH = "auth"
    MODEL_NOT_FOUND = "model_not_found"
    RATE_LIMITED = "rate_limited"
    SERVER = "server"
    CONTEXT_LENGTH = "context_length"
    PREVIOUS_NOT_FOUND = "previous_not_found"
    BAD_REQUEST = "bad_request"
    CONNECTION = "connection"  # could not connect, or the connection dropped mid-stream
    TIMEOUT = "timeout"
    STREAM = "stream"  # an error event or a response.failed inside the stream
    PROTOCOL = "protocol"  # malformed data from the server
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ChatError:
    kind: ErrorKind
    message: str  # specific and user-facing: what happened, what to do, and the server's own words
    status_code: int | None = None
    code: str | None = None
    retry_after: float | None = None
    type: str | None = None  # the server's error type, e.g. "invalid_request_error"
    param: str | None = None  # the request parameter the server named
    server_message: str | None = None  # the server's own message, as it said it (secrets masked)


@dataclass(frozen=True)
class Failed:
    error: ChatError
    response_id: str | None = None
    usage: Usage | None = None


@dataclass(frozen=True)
class Alive:
    """The server sent something the app has no other use for: it is alive. `thinking`: a reasoning
    model is at work (a reasoning item began, or a keepalive), so a longer silence is normal."""

    thinking: bool = False
    sequence: int | None = None


StreamEvent = (
    Started
    | TextDelta
    | ReasoningDelta
    | ToolActivity
    | ImagePartial
    | Citation
    | Notice
    | Completed
    | Incomplete
    | Failed
    | Alive
)
"""Every stream ends with exactly one of Completed, Incomplete or Failed (unless it is cancelled)."""
