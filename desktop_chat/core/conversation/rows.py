"""Rows of the conversation database and the objects they hold: the columns, and each way between a
row and a `Conversation` or `Node` (reading is on the path of every open: kept fast, see `_json`)."""

from __future__ import annotations

import json
from typing import Any

from desktop_chat.core.conversation.model import (
    BackgroundRun,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    Usage,
)
from desktop_chat.core.conversation.packing import REF, pack_output_items, unpack_output_items

NODE_FIELDS = (
    "id",
    "conversation_id",
    "parent_id",
    "input_items",
    "output_items",
    "output_text",
    "reasoning_text",
    "response_id",
    "previous_response_id",
    "model",
    "params",
    "usage",
    "status",
    "error",
    "notice",
    "context_mode",
    "created_at",
    "updated_at",
    "background",
    "error_kind",
)
NODE_COLUMNS = ", ".join(NODE_FIELDS)
# what a save writes: all but id, conversation, parent, the prompt (input items), the parameters and
# created_at, which are written when the node is inserted and never change
ANSWER_FIELDS = (
    "output_items",
    "output_text",
    "reasoning_text",
    "response_id",
    "previous_response_id",
    "model",
    "usage",
    "status",
    "error",
    "notice",
    "context_mode",
    "updated_at",
    "background",
    "error_kind",
)
NODE_ANSWER = ", ".join(f"{name} = ?" for name in ANSWER_FIELDS)
CONVERSATION_COLUMNS = "id, title, selected_node_id, params_override, created_at, updated_at"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# -- rows <-> objects --------------------------------------------------------------------------------
def conversation_of(row: tuple[Any, ...]) -> Conversation:
    id_, title, selected, override, created, updated = row
    return Conversation(
        id=id_,
        title=title,
        selected_node_id=selected,
        params_override=json.loads(override) if override else {},
        created_at=created,
        updated_at=updated,
    )


def node_values(node: Node, input_items: list[Any] | None = None) -> tuple[Any, ...]:
    """The row of a node (with `input_items` as given, e.g. its long texts kept apart)."""
    return (
        node.id,
        node.conversation_id,
        node.parent_id,
        dumps(node.input_items if input_items is None else input_items),
        dumps(pack_output_items(node.output_items, node.output_text, node.reasoning_text)),
        node.output_text,
        node.reasoning_text,
        node.response_id,
        node.previous_response_id,
        node.model,
        dumps(node.params),
        dumps(node.usage.to_json()) if node.usage is not None else None,
        NodeStatus(node.status).value,
        node.error,
        node.notice,
        ContextMode(node.context_mode).value,
        node.created_at,
        node.updated_at,
        background_value(node),
        node.error_kind,
    )


def background_value(node: Node) -> str | None:
    return dumps(node.background.to_json()) if node.background is not None else None


_STATUSES = {status.value: status for status in NodeStatus}
_MODES = {mode.value: mode for mode in ContextMode}


_DECODER = json.JSONDecoder()


def _json(text: str) -> Any:
    """json.loads, faster: the common empty values answered at once (a 10k-node tree has 40k columns),
    the rest read by raw_decode (json.loads without its layers: about half the time for a small
    value); what it does not take whole (spaces around, or not JSON) goes to json.loads."""
    if text == "[]":
        return []
    if text == "{}":
        return {}
    try:
        value, end = _DECODER.raw_decode(text)
    except ValueError:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)


def _output_items(text: str, output_text: str, reasoning_text: str) -> Any:
    """The stored output items with the answer texts put back (each is stored once: see packing.py)."""
    if text == "[]":
        return []
    items = _json(text)
    return unpack_output_items(items, output_text, reasoning_text) if REF in text else items


def node_of(row: tuple[Any, ...]) -> Node:
    (
        id_,
        conversation_id,
        parent_id,
        input_items,
        output_items,
        output_text,
        reasoning_text,
        response_id,
        previous_response_id,
        model,
        params,
        usage,
        status,
        error,
        notice,
        context_mode,
        created_at,
        updated_at,
        background,
        error_kind,
    ) = row
    usage_value = Usage.from_json(_json(usage)) if usage else None
    status_value = _STATUSES.get(status) or NodeStatus(status)
    mode_value = _MODES.get(context_mode) or ContextMode(context_mode)
    return Node(
        id=id_,
        conversation_id=conversation_id,
        parent_id=parent_id,
        input_items=_json(input_items),
        output_items=_output_items(output_items, output_text, reasoning_text),
        output_text=output_text,
        reasoning_text=reasoning_text,
        response_id=response_id,
        previous_response_id=previous_response_id,
        model=model,
        params=_json(params),
        usage=usage_value,
        status=status_value,
        error=error,
        notice=notice,
        context_mode=mode_value,
        created_at=created_at,
        updated_at=updated_at,
        background=BackgroundRun.from_json(_json(background)) if background else None,
        error_kind=error_kind,
    )
