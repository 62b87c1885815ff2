"""What the next request will carry, item by item, with an estimated token count for each.

The preview is built from the same `build_request` the turn runner sends, so what it lists is what
goes out: instructions, `previous_response_id` (a chain) or the path's items (a replay), the new
input, images and files, hosted tools and the text format. Excluded nodes are listed (marked) so they
can be included again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop_chat.core.api.context import (
    assistant_items,
    build_request,
    choose_mode,
    context_parent,
    is_context,
)
from desktop_chat.core.api.remote import compaction_input
from desktop_chat.core.content import tokens
from desktop_chat.core.conversation.model import JSON, ChatParams, ContextMode, Node
from desktop_chat.core.conversation.tree import ConversationTree

if TYPE_CHECKING:
    from openai import AsyncOpenAI

IMAGE_TOKENS = 765  # a rough estimate for one image at "auto" detail
FILE_TOKENS = 1_000  # a rough estimate for one attached file (the server extracts its text)


@dataclass
class PreviewItem:
    kind: str  # "instructions", "previous_response_id", "user", "assistant", "compaction", "tools", ...
    label: str  # one line for a list
    text: str  # what is sent, as text (for a tooltip or detail pane)
    tokens: int  # estimated
    node_id: str | None = None  # the path node the item comes from (None: new input, settings)
    excluded: bool = False  # left out of the request by the user
    attachment_tokens: int = 0  # the part of `tokens` guessed for images and files (servers differ most here)

    @property
    def text_tokens(self) -> int:
        """The estimate without the images' and files' guess: what every server bills about alike."""
        return self.tokens - self.attachment_tokens


@dataclass
class ContextPreview:
    mode: ContextMode
    request: dict[str, Any]
    items: list[PreviewItem] = field(default_factory=list)

    @property
    def total_tokens(self) -> int:
        """Estimated input tokens of everything sent (excluded items not counted)."""
        return sum(item.tokens for item in self.items if not item.excluded)


def _item_text(item: JSON) -> tuple[str, int, int]:
    """(text, images, files) of an input item."""
    content = item.get("content")
    if isinstance(content, str):
        return content, 0, 0
    if item.get("type", "message") != "message" or not isinstance(content, list):
        return json.dumps(item, ensure_ascii=False), 0, 0
    texts, images, files = [], 0, 0
    for part in content:
        kind = part.get("type") if isinstance(part, dict) else None
        if kind in ("input_text", "output_text"):
            texts.append(str(part.get("text", "")))
        elif kind == "input_image":
            images += 1
        elif kind == "input_file":
            files += 1
    return "\n".join(texts), images, files


def _short(text: str, limit: int = 80) -> str:
    line = " ".join(text[: limit * 8].split())  # (only the start: a pasted document may be megabytes)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _entry(item: JSON, count: Callable[[str], int], node_id: str | None, excluded: bool) -> PreviewItem:
    text, images, files = _item_text(item)
    kind = str(item.get("type", "message"))
    if kind == "message":
        kind = str(item.get("role", "user"))
    extra = [f"{images} image(s)"] * bool(images) + [f"{files} file(s)"] * bool(files)
    label = f"{kind}: {_short(text)}" + (f" [{', '.join(extra)}]" if extra else "")
    attached = images * IMAGE_TOKENS + files * FILE_TOKENS
    n = count(text) + attached + 4  # + per-message overhead
    return PreviewItem(kind, label, text, n, node_id, excluded, attached)


def _node_items(node: Node) -> list[JSON]:
    compacted = compaction_input(node)
    if compacted is not None:
        return compacted
    return [*node.input_items, *assistant_items(node)]


def preview(
    tree: ConversationTree,
    parent_id: str | None,
    new_input: list[JSON],
    params: ChatParams,
    prefer: ContextMode = ContextMode.CHAIN,
    provider: str | None = None,
) -> ContextPreview:
    """The next request for a turn under `parent_id`, as build_request makes it, itemized."""
    excluded = set(params.excluded_node_ids)
    mode = choose_mode(tree, parent_id, prefer, excluded, provider)
    request = build_request(tree, parent_id, new_input, params, mode)
    encoding = tokens.encoding_for_model(params.model)

    def count(text: str) -> int:
        return tokens.count_tokens(text, encoding) if text else 0

    result = ContextPreview(mode, request)
    items = result.items
    if "instructions" in request:
        text = str(request["instructions"])
        items.append(PreviewItem("instructions", f"instructions: {_short(text)}", text, count(text)))
    if "previous_response_id" in request:
        path = tree.path_to(context_parent(tree, parent_id))
        used = sum(node.usage.input_tokens + node.usage.output_tokens for node in path[-1:] if node.usage)
        rid = str(request["previous_response_id"])
        items.append(
            PreviewItem(
                "previous_response_id",
                f"previous_response_id: {rid} (the server holds {len(path)} earlier turn(s))",
                rid,
                used,  # the last turn's input + output is what the chain brings back
                path[-1].id if path else None,
            )
        )
    else:
        for node in tree.path_to(parent_id):
            if not is_context(node):  # failed and empty turns are never sent
                continue
            skip = node.id in excluded
            items += [_entry(item, count, node.id, skip) for item in _node_items(node)]
    items += [_entry(item, count, None, False) for item in new_input]
    for tool in request.get("tools", []):
        text = json.dumps(tool, ensure_ascii=False)
        items.append(PreviewItem("tool", f"tool: {tool.get('type')}", text, count(text)))
    text_format = (request.get("text") or {}).get("format")
    if text_format:
        text = json.dumps(text_format, ensure_ascii=False)
        items.append(PreviewItem("text_format", f"text format: {text_format.get('type')}", text, count(text)))
    return result


def context_tokens(
    tree: ConversationTree,
    parent_id: str | None,
    params: ChatParams,
    prefer: ContextMode = ContextMode.CHAIN,
    provider: str | None = None,
) -> int:
    """Estimated input tokens the next turn under `parent_id` carries besides the draft itself:
    instructions, the replayed path (or what a chain brings back), tools and the text format."""
    return preview(tree, parent_id, [], params, prefer, provider).total_tokens


def input_tokens_request(request: dict[str, Any]) -> dict[str, Any]:
    """The body for POST /responses/input_tokens: the request's context keys only."""
    keys = (
        "model",
        "input",
        "previous_response_id",
        "instructions",
        "tools",
        "text",
        "reasoning",
        "truncation",
    )
    return {k: request[k] for k in keys if k in request}


async def exact_input_tokens(client: AsyncOpenAI, request: dict[str, Any]) -> int | None:
    """The server's count for the request (`POST /responses/input_tokens`); None without that endpoint."""
    import openai  # not at module level: the window imports this module before the SDK is loaded

    try:
        result = await client.responses.input_tokens.count(**input_tokens_request(request))
    except (openai.NotFoundError, openai.BadRequestError):
        return None
    return int(getattr(result, "input_tokens", 0) or 0)
