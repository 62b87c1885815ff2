"""The conversation tree's data: conversations, nodes (one turn each), usage and parameters.

A node is one turn: the user's input items plus the assistant's output, with the server response id
that later turns chain from (`previous_response_id`). Nodes are immutable once finished; a fork is a
new child of an existing node, never a copy.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text

JSON = dict[str, Any]


def new_id() -> str:
    import uuid  # here: ~2.5 ms to import, and no id is needed before the window paints

    return uuid.uuid4().hex


def now() -> float:
    return time.time()


class NodeStatus(StrEnum):
    STREAMING = "streaming"  # an answer is arriving
    COMPLETED = "completed"
    INCOMPLETE = "incomplete"  # the server ended early (max_output_tokens, content_filter)
    FAILED = "failed"  # an error ended the turn; partial text (if any) is kept
    STOPPED = "stopped"  # the user pressed Stop; partial text is kept
    INTERRUPTED = "interrupted"  # the app died while streaming; found so on the next start
    DRAFT = "draft"  # an edited prompt saved without sending: no answer yet (sent later, in its place)

    @property
    def finished(self) -> bool:
        return self is not NodeStatus.STREAMING


class ContextMode(StrEnum):
    CHAIN = "chain"  # only the new input + previous_response_id of the parent
    REPLAY = "replay"  # the whole path rebuilt from the local store


@dataclass
class Usage:
    input_tokens: int = 0
    cached_tokens: int = 0
    output_tokens: int = 0
    reasoning_tokens: int = 0
    total_tokens: int = 0

    def to_json(self) -> JSON:
        return asdict(self)

    @classmethod
    def from_json(cls, data: JSON | None) -> Usage | None:
        if not data:
            return None
        get = data.get
        return cls(
            int(get("input_tokens") or 0),
            int(get("cached_tokens") or 0),
            int(get("output_tokens") or 0),
            int(get("reasoning_tokens") or 0),
            int(get("total_tokens") or 0),
        )


@dataclass
class ChatParams:
    """The request parameters a turn is sent with (defaults, overridden per conversation)."""

    model: str = "gpt-4.1-mini"
    temperature: float | None = None
    top_p: float | None = None
    max_output_tokens: int | None = None
    instructions: str = ""
    # hosted tools
    web_search: bool = False
    file_search_vector_store_ids: list[str] = field(default_factory=list)  # file search when non-empty
    code_interpreter: bool = False
    image_generation: bool = False  # the image_generation tool (partial images streamed)
    verbosity: str | None = None  # `text.verbosity`: one of VERBOSITIES (None: not sent)
    service_tier: str | None = None  # one of SERVICE_TIERS (None: not sent)
    # keep answers on the server (`store`); off: zero data retention, every turn is a replay and
    # reasoning comes back encrypted (`include: ["reasoning.encrypted_content"]`)
    store: bool = True
    # structured output: "text", "json_object" or "json_schema" (with `json_schema`)
    text_format: str = "text"
    json_schema: JSON | None = None  # {"name": ..., "schema": {...}, "strict": bool} or a bare schema
    # reasoning models
    reasoning_effort: str | None = None  # None = don't send; else one of REASONING_EFFORTS
    reasoning_summary: bool = False  # ask for a reasoning summary ("auto")
    top_logprobs: int | None = None  # 0..20: ask for logprobs with that many alternatives
    truncation_auto: bool = False  # `truncation: "auto"` (deprecated by the API: prefer compaction)
    # `context_management: [{"type": "compaction", "compact_threshold": N}]`: the server compacts the
    # context once it passes N tokens (None: not sent)
    compact_threshold: int | None = None
    # background mode (`background: true`): the server makes the answer on its own, so a dropped stream
    # resumes where it stopped and an answer outlives the app; the server keeps it ~10 minutes
    background: bool = False
    excluded_node_ids: list[str] = field(default_factory=list)  # nodes left out of the context (replay)
    mcp_servers: list[str] = field(default_factory=list)  # ids of the MCP servers whose tools are offered

    def to_json(self) -> JSON:
        """The values; the optional (rich) fields only when they differ from their defaults."""
        data = asdict(self)
        defaults = asdict(ChatParams())
        return {k: v for k, v in data.items() if k in BASE_PARAM_KEYS or v != defaults[k]}

    @classmethod
    def from_json(cls, data: JSON | None) -> ChatParams:
        """Values from stored JSON: unknown keys are ignored, values of the wrong type take the default."""
        defaults = cls()
        values: JSON = {}
        for key, value in (data or {}).items():
            if key not in cls.__dataclass_fields__:
                continue
            default = getattr(defaults, key)
            if _fits(value, default, key):
                values[key] = list(value) if isinstance(value, list) else value
        return cls(**values)

    def merged(self, override: JSON | None) -> ChatParams:
        """These values with a conversation's overrides applied (keys whose value is not None)."""
        data = asdict(self)
        data.update({k: v for k, v in (override or {}).items() if k in data and v is not None})
        return ChatParams.from_json(data)

    def validate(self) -> list[str]:
        """Human-readable problems; an empty list means the values may be sent."""
        problems: list[str] = []
        if not self.model.strip():
            problems.append(Text(QT_TRANSLATE_NOOP("core", "Choose a model.")))
        if self.temperature is not None and not 0.0 <= self.temperature <= 2.0:
            problems.append(
                Text(
                    QT_TRANSLATE_NOOP("core", "Temperature must be between 0 and 2 (got %1)."),
                    self.temperature,
                )
            )
        if self.top_p is not None and not 0.0 <= self.top_p <= 1.0:
            problems.append(
                Text(QT_TRANSLATE_NOOP("core", "top_p must be between 0 and 1 (got %1)."), self.top_p)
            )
        if self.max_output_tokens is not None and not 16 <= self.max_output_tokens <= 1_000_000:
            problems.append(
                Text(
                    QT_TRANSLATE_NOOP("core", "Max output tokens must be between 16 and 1,000,000 (got %1)."),
                    self.max_output_tokens,
                )
            )
        if self.reasoning_effort is not None and self.reasoning_effort not in REASONING_EFFORTS:
            efforts = ", ".join(REASONING_EFFORTS)
            template = QT_TRANSLATE_NOOP("core", "Reasoning effort must be one of %1 (got %2).")
            problems.append(Text(template, efforts, self.reasoning_effort))
        if self.verbosity is not None and self.verbosity not in VERBOSITIES:
            template = QT_TRANSLATE_NOOP("core", "Verbosity must be one of %1 (got %2).")
            problems.append(Text(template, ", ".join(VERBOSITIES), self.verbosity))
        if self.service_tier is not None and self.service_tier not in SERVICE_TIERS:
            template = QT_TRANSLATE_NOOP("core", "The service tier must be one of %1 (got %2).")
            problems.append(Text(template, ", ".join(SERVICE_TIERS), self.service_tier))
        if self.text_format not in TEXT_FORMATS:
            template = QT_TRANSLATE_NOOP("core", "Text format must be one of %1 (got %2).")
            problems.append(Text(template, ", ".join(TEXT_FORMATS), self.text_format))
        if self.text_format == "json_schema":
            problems += schema_problems(self.json_schema)
        if self.compact_threshold is not None and not 1_000 <= self.compact_threshold <= 10_000_000:
            template = QT_TRANSLATE_NOOP(
                "core", "The compaction threshold must be at least 1,000 tokens (got %1)."
            )
            problems.append(Text(template, self.compact_threshold))
        if self.top_logprobs is not None and not 0 <= self.top_logprobs <= 20:
            template = QT_TRANSLATE_NOOP("core", "top_logprobs must be between 0 and 20 (got %1).")
            problems.append(Text(template, self.top_logprobs))
        for store_id in self.file_search_vector_store_ids:
            if not store_id.strip() or any(ch.isspace() for ch in store_id.strip()):
                template = QT_TRANSLATE_NOOP("core", "A vector store id must be one word (got “%1”).")
                problems.append(Text(template, store_id))
        return problems


BASE_PARAM_KEYS = frozenset({"model", "temperature", "top_p", "max_output_tokens", "instructions"})
REASONING_EFFORTS = ("none", "minimal", "low", "medium", "high", "xhigh")
VERBOSITIES = ("low", "medium", "high")
SERVICE_TIERS = ("auto", "default", "flex", "priority")
TEXT_FORMATS = ("text", "json_object", "json_schema")
_NUMBER_FIELDS = {
    "temperature": float,
    "top_p": float,
    "max_output_tokens": int,
    "top_logprobs": int,
    "compact_threshold": int,
}


def _fits(value: Any, default: Any, key: str) -> bool:
    """Whether a stored value has the type of the ChatParams field it is for."""
    if key in _NUMBER_FIELDS:
        if value is None:
            return True
        if isinstance(value, bool):
            return False
        return isinstance(value, int) if _NUMBER_FIELDS[key] is int else isinstance(value, int | float)
    if key == "json_schema":
        return value is None or isinstance(value, dict)
    if key in ("reasoning_effort", "verbosity", "service_tier"):
        return value is None or isinstance(value, str)
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, type(default))


def schema_problems(schema: Any) -> list[str]:
    """What is wrong with a json_schema setting: {"name", "schema": {...}} or a bare object schema."""
    if not isinstance(schema, dict) or not schema:
        return [Text(QT_TRANSLATE_NOOP("core", "JSON schema output needs a schema (a JSON object)."))]
    body = schema.get("schema", schema)
    if not isinstance(body, dict):
        return [Text(QT_TRANSLATE_NOOP("core", "The JSON schema's “schema” must be a JSON object."))]
    name = schema.get("name", "answer")
    if not isinstance(name, str) or not name or not all(ch.isalnum() or ch in "_-" for ch in name):
        template = QT_TRANSLATE_NOOP(
            "core", "The JSON schema's name must be letters, digits, _ or - (got %1)."
        )
        return [Text(template, repr(name))]
    kind = body.get("type")
    if kind is not None and kind != "object":
        template = QT_TRANSLATE_NOOP("core", "The JSON schema's top level must be an object (got type %1).")
        return [Text(template, repr(kind))]
    properties = body.get("properties", {})
    if not isinstance(properties, dict):
        return [Text(QT_TRANSLATE_NOOP("core", "The JSON schema's “properties” must be a JSON object."))]
    return []


@dataclass
class BackgroundRun:
    """A turn the server answers in background mode: its status there and how far its stream was read.
    Saved with the node as it streams, so a dropped stream or a restarted app goes on from `after`."""

    status: str = "queued"  # the server's: queued, in_progress, completed, failed, cancelled, incomplete
    after: int | None = None  # the sequence_number of the last stream event applied to the node

    def to_json(self) -> JSON:
        return {"status": self.status, "after": self.after}

    @classmethod
    def from_json(cls, data: Any) -> BackgroundRun | None:
        if not isinstance(data, dict):
            return None
        after = data.get("after")
        status = data.get("status")
        return cls(
            status if isinstance(status, str) else "queued",
            after if isinstance(after, int) and not isinstance(after, bool) else None,
        )


@dataclass
class Node:
    """One turn: the user's input items and the assistant's answer to them."""

    conversation_id: str
    parent_id: str | None
    input_items: list[JSON]  # Responses API input items, e.g. [{"type":"message","role":"user",...}]
    id: str = field(default_factory=new_id)
    output_items: list[JSON] = field(default_factory=list)  # Responses API output items when known
    output_text: str = ""  # the assistant's visible text as it arrived
    reasoning_text: str = ""  # reasoning summary text, if any
    response_id: str | None = None
    previous_response_id: str | None = None  # what the request actually chained from
    model: str = ""
    params: JSON = field(default_factory=dict)  # ChatParams.to_json() of the request
    usage: Usage | None = None
    status: NodeStatus = NodeStatus.STREAMING
    error: str | None = None  # a specific, user-facing message when the turn did not complete
    # what kind of failure (an ErrorKind value, "stalled", "incomplete:<reason>"): the UI shows the kind's
    # message in the language of the moment, the English `error` being what was said when it happened
    error_kind: str | None = None
    notice: str | None = None  # e.g. "The server had lost this branch; the history was resent."
    context_mode: ContextMode = ContextMode.CHAIN
    created_at: float = field(default_factory=now)
    updated_at: float = field(default_factory=now)
    background: BackgroundRun | None = None  # answered in background mode (None: an ordinary stream)

    @property
    def running_in_background(self) -> bool:
        """Still being answered on the server in background mode (a stream to resume or poll)."""
        return self.background is not None and self.status is NodeStatus.STREAMING

    @property
    def user_text(self) -> str:
        return user_text_of(self.input_items)


@dataclass
class Conversation:
    title: str = "New conversation"
    id: str = field(default_factory=new_id)
    selected_node_id: str | None = None
    params_override: JSON = field(default_factory=dict)  # per-conversation ChatParams values
    created_at: float = field(default_factory=now)
    updated_at: float = field(default_factory=now)


def user_message(text: str) -> JSON:
    """A Responses API user message input item holding plain text."""
    return {"type": "message", "role": "user", "content": [{"type": "input_text", "text": text}]}


def user_text_of(items: list[JSON]) -> str:
    """The text of the user message items, joined."""
    parts: list[str] = []
    for item in items:
        if item.get("type", "message") != "message" or item.get("role") != "user":
            continue
        content = item.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(p.get("text", "") for p in content if p.get("type") == "input_text")
    return "\n".join(parts)


def replace_user_text(items: list[JSON], text: str) -> list[JSON]:
    """The same input items with the user's text replaced (images and files kept), for edit-and-resend."""
    result: list[JSON] = []
    replaced = False
    for item in items:
        if item.get("type", "message") == "message" and item.get("role") == "user" and not replaced:
            content = item.get("content")
            parts = content if isinstance(content, list) else [{"type": "input_text", "text": content or ""}]
            others = [p for p in parts if p.get("type") != "input_text"]
            result.append({**item, "content": [{"type": "input_text", "text": text}, *others]})
            replaced = True
        else:
            result.append(item)
    return result if replaced else [*items, user_message(text)]


def title_from_prompt(text: str, limit: int = 60) -> str:
    words = " ".join(text[: limit * 8 + 100].split())  # the start is all a title shows (5 MB pastes)
    if not words:
        return "New conversation"
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"
