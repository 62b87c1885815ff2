"""What the next request carries: the server chain or a local replay of the selected path.

Server chain: only the new input, with `previous_response_id` = the parent's response id.
Local replay: the whole path rebuilt from the store (user items + the assistant's answers).
Both give the model the same conversation; `instructions` are sent every time because the server
does not carry them over.
"""

from __future__ import annotations

from typing import Any

from desktop_chat.core.model import JSON, ChatParams, ContextMode, Node, NodeStatus
from desktop_chat.core.remote import compaction_input
from desktop_chat.core.tree import ConversationTree


def can_chain(parent: Node | None) -> bool:
    """A parent can be chained from when the server finished and stored its response."""
    return parent is not None and parent.response_id is not None and parent.status is NodeStatus.COMPLETED


def assistant_items(node: Node) -> list[JSON]:
    """The assistant's answer of a node as input items for a replay."""
    if not node.output_text:
        return []
    return [{"type": "message", "role": "assistant", "content": node.output_text}]


def replay_input(path: list[Node], new_input: list[JSON]) -> list[JSON]:
    items: list[JSON] = []
    for node in path:
        compacted = compaction_input(node)
        if compacted is not None:  # a compaction stands for everything before it
            items = compacted
            continue
        items.extend(node.input_items)
        items.extend(assistant_items(node))
    items.extend(new_input)
    return items


def choose_mode(tree: ConversationTree, parent_id: str | None, prefer: ContextMode) -> ContextMode:
    if prefer is ContextMode.REPLAY or parent_id is None:
        return prefer if parent_id is not None else ContextMode.CHAIN
    return ContextMode.CHAIN if can_chain(tree.get(parent_id)) else ContextMode.REPLAY


def build_request(
    tree: ConversationTree,
    parent_id: str | None,
    new_input: list[JSON],
    params: ChatParams,
    mode: ContextMode,
) -> dict[str, Any]:
    """Keyword arguments for `client.responses.create` (without `stream`)."""
    request: dict[str, Any] = {"model": params.model}
    if mode is ContextMode.CHAIN and parent_id is not None:
        parent = tree.get(parent_id)
        if not can_chain(parent):
            raise ValueError("the parent has no stored response to chain from")
        request["previous_response_id"] = parent.response_id
        request["input"] = list(new_input)
    else:
        request["input"] = replay_input(tree.path_to(parent_id), new_input)
    if params.instructions.strip():
        request["instructions"] = params.instructions
    if params.temperature is not None:
        request["temperature"] = params.temperature
    if params.top_p is not None:
        request["top_p"] = params.top_p
    if params.max_output_tokens is not None:
        request["max_output_tokens"] = params.max_output_tokens
    request["store"] = True
    return request
