"""What the next request carries: the server chain or a local replay of the selected path.

Server chain: only the new input, with `previous_response_id` = the parent's response id.
Local replay: the whole path rebuilt from the store (user items + the assistant's answers).
Both give the model the same conversation; `instructions` are sent every time because the server
does not carry them over. Failed and empty turns are never context: a replay leaves them out, and a
chain continues from the nearest turn above them that is (never from a failed turn's response id).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from desktop_chat.core.api.models import sampling_allowed
from desktop_chat.core.api.remote import compaction_input
from desktop_chat.core.content.generated_images import generated_images, replay_image_items
from desktop_chat.core.conversation.model import JSON, ChatParams, ContextMode, Node, NodeStatus
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.tools.local_tools import replay_items

PARTIAL_IMAGES = 2  # rougher versions of a generated image streamed before it is done

PROVIDER_KEY = "provider"  # in Node.params: which server (profile) answered the turn


def node_provider(node: Node) -> str | None:
    """The provider a node's answer came from (None for turns recorded before providers were kept)."""
    value = node.params.get(PROVIDER_KEY)
    return value if isinstance(value, str) else None


def is_context(node: Node) -> bool:
    """Whether a turn counts as conversation for the turns after it: a failed turn never does, nor a
    turn that got no answer (its prompt would be sent as a dangling question); a compaction does, and
    so does an answer that is only a generated image."""
    if node.status is NodeStatus.FAILED:
        return False
    if node.output_text.strip() or compaction_input(node) is not None:
        return True
    return any(image.sha256 for image in generated_images(node.output_items))


def context_parent(tree: ConversationTree, parent_id: str | None) -> str | None:
    """The turn a new turn under `parent_id` really continues from: the nearest one on the path that
    is context (None: nothing before it is)."""
    while parent_id is not None:
        node = tree.get(parent_id)
        if is_context(node):
            return parent_id
        parent_id = node.parent_id
    return None


def can_chain(parent: Node | None, provider: str | None = None) -> bool:
    """A parent can be chained from when the server finished and stored its response, and it is the
    same server: a response id means nothing to another provider (the path is replayed there)."""
    if parent is None or parent.response_id is None or parent.status is not NodeStatus.COMPLETED:
        return False
    if parent.params.get("store") is False:  # asked with store: false: the server did not keep it
        return False
    origin = node_provider(parent)
    return provider is None or origin is None or origin == provider


def assistant_items(node: Node) -> list[JSON]:
    """The assistant's answer of a node as input items for a replay: the local tools it called with
    their outputs (see core.tools.local_tools), then its text."""
    items = reasoning_items(node) + replay_items(node) + replay_image_items(node.output_items)
    if node.output_text:
        items.append({"type": "message", "role": "assistant", "content": node.output_text})
    return items


def reasoning_items(node: Node) -> list[JSON]:
    """A turn's reasoning as input items, where the server sent it encrypted (a turn asked with
    `store: false`, see `rich_options`): so a replay gives the model its earlier reasoning back."""
    return [
        {
            "type": "reasoning",
            "id": item.get("id"),
            "summary": item.get("summary") or [],
            "encrypted_content": item["encrypted_content"],
        }
        for item in node.output_items
        if item.get("type") == "reasoning" and item.get("encrypted_content")
    ]


def replay_input(path: list[Node], new_input: list[JSON], excluded: Collection[str] = ()) -> list[JSON]:
    items: list[JSON] = []
    for node in path:
        if node.id in excluded or not is_context(node):  # left out by the user; failed or empty
            continue
        compacted = compaction_input(node)
        if compacted is not None:  # a compaction stands for everything before it
            items = compacted
            continue
        items.extend(node.input_items)
        items.extend(assistant_items(node))
    items.extend(new_input)
    return items


def excludes_path(tree: ConversationTree, parent_id: str | None, excluded: Collection[str]) -> bool:
    """Whether a node the user excluded lies on the path (the request must then be a local replay)."""
    return bool(excluded) and any(node.id in excluded for node in tree.path_to(parent_id))


def choose_mode(
    tree: ConversationTree,
    parent_id: str | None,
    prefer: ContextMode,
    excluded: Collection[str] = (),
    provider: str | None = None,
) -> ContextMode:
    if parent_id is not None and excludes_path(tree, parent_id, excluded):
        return ContextMode.REPLAY
    parent_id = context_parent(tree, parent_id)
    if prefer is ContextMode.REPLAY or parent_id is None:
        return prefer if parent_id is not None else ContextMode.CHAIN
    return ContextMode.CHAIN if can_chain(tree.get(parent_id), provider) else ContextMode.REPLAY


def build_request(
    tree: ConversationTree,
    parent_id: str | None,
    new_input: list[JSON],
    params: ChatParams,
    mode: ContextMode,
) -> dict[str, Any]:
    """Keyword arguments for `client.responses.create` (without `stream`)."""
    request: dict[str, Any] = {"model": params.model}
    excluded = set(params.excluded_node_ids)
    if excludes_path(tree, parent_id, excluded):
        mode = ContextMode.REPLAY  # a chain would carry the excluded turns along
    chained_from = context_parent(tree, parent_id)
    if mode is ContextMode.CHAIN and chained_from is not None:
        parent = tree.get(chained_from)
        if not can_chain(parent):
            raise ValueError("the parent has no stored response to chain from")
        request["previous_response_id"] = parent.response_id
        request["input"] = list(new_input)
    else:
        request["input"] = replay_input(tree.path_to(parent_id), new_input, excluded)
    if params.instructions.strip():
        request["instructions"] = params.instructions
    sampling = sampling_allowed(params.model)  # reasoning models refuse temperature and top_p
    if params.temperature is not None and sampling:
        request["temperature"] = params.temperature
    if params.top_p is not None and sampling:
        request["top_p"] = params.top_p
    if params.max_output_tokens is not None:
        request["max_output_tokens"] = params.max_output_tokens
    request.update(rich_options(params))
    request["store"] = params.store or params.background  # a background answer must be kept
    request["prompt_cache_key"] = tree.conversation_id  # one conversation, one prompt cache
    if params.background:  # the server answers on its own: a dropped stream resumes (needs store)
        request["background"] = True
    return request


def tools_of(params: ChatParams) -> list[JSON]:
    """The hosted tools the settings turn on."""
    tools: list[JSON] = []
    if params.web_search:
        tools.append({"type": "web_search"})
    store_ids = [s.strip() for s in params.file_search_vector_store_ids if s.strip()]
    if store_ids:
        tools.append({"type": "file_search", "vector_store_ids": store_ids})
    if params.code_interpreter:
        tools.append({"type": "code_interpreter", "container": {"type": "auto"}})
    if params.image_generation:
        tools.append({"type": "image_generation", "partial_images": PARTIAL_IMAGES})
    return tools


def text_format_of(params: ChatParams) -> JSON | None:
    """The `text.format` value, or None for plain text (the server default)."""
    if params.text_format == "json_object":
        return {"type": "json_object"}
    if params.text_format == "json_schema" and params.json_schema:
        spec = params.json_schema
        schema = spec.get("schema", spec) if isinstance(spec.get("schema"), dict) else spec
        return {
            "type": "json_schema",
            "name": str(spec.get("name") or "answer"),
            "schema": schema,
            "strict": bool(spec.get("strict", False)),
        }
    return None


def rich_options(params: ChatParams) -> dict[str, Any]:
    """Tools, text format, reasoning, logprobs, truncation and compaction as request keyword arguments."""
    options: dict[str, Any] = {}
    tools = tools_of(params)
    if tools:
        options["tools"] = tools
    text_format = text_format_of(params)
    text: JSON = {"format": text_format} if text_format is not None else {}
    if params.verbosity:
        text["verbosity"] = params.verbosity
    if text:
        options["text"] = text
    if params.service_tier:
        options["service_tier"] = params.service_tier
    if params.reasoning_effort or params.reasoning_summary:
        reasoning: JSON = {}
        if params.reasoning_effort:
            reasoning["effort"] = params.reasoning_effort
        if params.reasoning_summary:
            reasoning["summary"] = "auto"
        options["reasoning"] = reasoning
    include: list[str] = []
    if params.top_logprobs is not None:
        include.append("message.output_text.logprobs")
        options["top_logprobs"] = params.top_logprobs
    if not params.store and not params.background:  # nothing kept: the reasoning comes back encrypted
        include.append("reasoning.encrypted_content")
    if include:
        options["include"] = include
    if params.truncation_auto:  # deprecated in the API in favour of context_management
        options["truncation"] = "auto"
    if params.compact_threshold is not None:
        options["context_management"] = [
            {"type": "compaction", "compact_threshold": params.compact_threshold}
        ]
    return options
