"""Stored responses on the server: open one by its id, delete them, compact a branch.

The SDK client (`openai.AsyncOpenAI`) is passed in; `openai` itself is imported only inside the
functions that talk to the server, so the compaction helpers at the top cost nothing to import (the
UI and `core.context` use them before the SDK has loaded).

Compaction (docs/PROTOCOL.md, `POST /v1/responses/compact`): the server returns a *window* — the user
messages followed by one opaque `compaction` item — that replaces the history it was made from. A
compaction node holds that window in `output_items` (its `input_items` are empty and it has no
`response_id`: a compaction is not a response that can be chained from). A new turn below it is sent
in replay mode, and the replay restarts at the compaction node: the window, then the turns after it.
The turns after that chain on the server as usual, the server keeping the compacted context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from desktop_chat.core.api.events import ErrorKind
from desktop_chat.core.conversation.model import (
    JSON,
    ChatParams,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    Usage,
    new_id,
    now,
    title_from_prompt,
)

if TYPE_CHECKING:
    from openai import AsyncOpenAI

COMPACTION = "compaction"
INPUT_ITEMS_PAGE = 100  # the largest page the API serves
DELETE_CONCURRENCY = 4

OPENED_NOTICE = (
    "Opened from the server by its response id. Continuing from this answer chains on the server; "
    "the earlier turns were rebuilt from its input items, so branching from them resends the history."
)

# items a model produces (everything else in a context is input: user/system messages, tool outputs)
_OUTPUT_TYPES = {
    "reasoning",
    "function_call",
    "custom_tool_call",
    "web_search_call",
    "file_search_call",
    "computer_call",
    "code_interpreter_call",
    "image_generation_call",
    "local_shell_call",
    "shell_call",
    "apply_patch_call",
    "mcp_call",
    "mcp_list_tools",
    "mcp_approval_request",
}
_STATUS = {
    "completed": NodeStatus.COMPLETED,
    "incomplete": NodeStatus.INCOMPLETE,
    "failed": NodeStatus.FAILED,
    "cancelled": NodeStatus.STOPPED,
}


class RemoteError(Exception):
    """A server action failed; `user_message` says what happened and what to do."""

    def __init__(self, user_message: str, kind: ErrorKind | None = None) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.kind = kind


# -- compaction nodes (no SDK needed) ------------------------------------------------------------
def is_compaction(node: Node) -> bool:
    return not node.input_items and any(item.get("type") == COMPACTION for item in node.output_items)


def compaction_input(node: Node) -> list[JSON] | None:
    """The compacted window a replay restarts from at this node, or None for an ordinary turn."""
    return [dict(item) for item in node.output_items] if is_compaction(node) else None


def turns_since_compaction(path: list[Node]) -> int:
    """How many turns of a path the last compaction on it (if any) does not cover yet."""
    count = 0
    for node in path:
        count = 0 if is_compaction(node) else count + 1
    return count


# -- open a response by id -------------------------------------------------------------------------
@dataclass
class OpenedResponse:
    conversation: Conversation
    nodes: list[Node]  # root first; the last one carries the response id


async def open_response(client: AsyncOpenAI, response_id: str) -> OpenedResponse:
    """A new conversation rebuilt from a stored response and every page of its input items."""
    response_id = response_id.strip()
    if not response_id or any(ch.isspace() or ch in "/?#" for ch in response_id):
        raise RemoteError(f"“{response_id}” is not a response id (they look like resp_…).")
    try:
        response = await client.responses.retrieve(response_id)
        items = await fetch_input_items(client, response_id)
    except Exception as exc:
        raise _remote_error(exc, response_id) from exc
    conversation = Conversation()
    nodes = nodes_from_history(conversation.id, items, response)
    first_prompt = next((n.user_text for n in nodes if n.user_text.strip()), "")
    conversation.title = title_from_prompt(first_prompt) if first_prompt else f"Response {response_id[:18]}…"
    conversation.selected_node_id = nodes[-1].id
    conversation.created_at = conversation.updated_at = nodes[-1].updated_at
    return OpenedResponse(conversation, nodes)


async def fetch_input_items(
    client: AsyncOpenAI, response_id: str, page_size: int = INPUT_ITEMS_PAGE
) -> list[JSON]:
    """All input items of a response, oldest first, following `has_more` / `after` page by page."""
    items: list[JSON] = []
    after: str | None = None
    while True:
        extra: dict[str, Any] = {"after": after} if after else {}
        page = await client.responses.input_items.list(response_id, order="asc", limit=page_size, **extra)
        data = [_plain(item) for item in page.data]
        items.extend(data)
        if not page.has_more or not data or not data[-1].get("id"):
            return items
        after = str(data[-1]["id"])


def nodes_from_history(conversation_id: str, items: list[JSON], response: Any) -> list[Node]:
    """Group a context into turns (input items, then the model's items) and end with the response.

    Reconstructed earlier turns get no response id (the server keeps no response for them), so a
    branch from one is sent in replay mode; a compaction item in the history becomes a compaction
    node holding the window it ended."""
    start = now()
    nodes: list[Node] = []

    def add(**fields: Any) -> Node:
        parent = nodes[-1].id if nodes else None
        at = start + len(nodes) * 0.001  # keeps creation order = path order
        node = Node(
            conversation_id=conversation_id,
            parent_id=parent,
            status=NodeStatus.COMPLETED,
            context_mode=ContextMode.REPLAY,
            created_at=at,
            updated_at=at,
            **fields,
        )
        nodes.append(node)
        return node

    pending_in: list[JSON] = []
    pending_out: list[JSON] = []
    model = str(getattr(response, "model", "") or "")
    for item in items:
        kind = item.get("type", "message")
        if kind == COMPACTION:
            if pending_out:
                add(input_items=pending_in, **_answer_fields(pending_out), model=model)
                pending_in = []
            add(input_items=[], output_items=[*pending_in, item], model=model)
            pending_in, pending_out = [], []
        elif kind in _OUTPUT_TYPES or (kind == "message" and item.get("role") == "assistant"):
            pending_out.append(item)
        else:
            if pending_out:
                add(input_items=pending_in, **_answer_fields(pending_out), model=model)
                pending_in, pending_out = [], []
            pending_in.append(_as_input(item))
    if pending_out:
        add(input_items=pending_in, **_answer_fields(pending_out), model=model)
        pending_in = []
    output = [_plain(item) for item in getattr(response, "output", None) or []]
    status = _STATUS.get(str(getattr(response, "status", "")), NodeStatus.INCOMPLETE)
    last = add(
        input_items=pending_in,
        **_answer_fields(output),
        model=model,
        response_id=str(response.id),
        previous_response_id=getattr(response, "previous_response_id", None),
        params=_params_of(response, model),
        usage=_usage(getattr(response, "usage", None)),
        notice=OPENED_NOTICE,
    )
    last.status = status
    last.context_mode = ContextMode.CHAIN
    if status is NodeStatus.FAILED:
        detail = getattr(getattr(response, "error", None), "message", "") or "no detail"
        last.error = f"The server reports this response failed. (Server: {detail})"
        last.error_kind = "stream"
    elif status is NodeStatus.INCOMPLETE:
        details = getattr(response, "incomplete_details", None)
        reason = getattr(details, "reason", None) or getattr(response, "status", "unknown")
        last.error = f"The server reports this response is incomplete ({reason})."
        last.error_kind = f"incomplete:{reason}"
    return nodes


def _answer_fields(output: list[JSON]) -> dict[str, Any]:
    text: list[str] = []
    reasoning: list[str] = []
    for item in output:
        if item.get("type") == "message" and item.get("role") == "assistant":
            content = item.get("content")
            if isinstance(content, str):
                text.append(content)
            else:
                text.extend(str(p.get("text", "")) for p in content or [] if p.get("type") == "output_text")
        elif item.get("type") == "reasoning":
            reasoning.extend(str(s.get("text", "")) for s in item.get("summary") or [])
    return {"output_items": output, "output_text": "".join(text), "reasoning_text": "\n\n".join(reasoning)}


def _as_input(item: JSON) -> JSON:
    """An input item as the app sends it: a message without the server's id and status."""
    if item.get("type", "message") == "message":
        return {k: v for k, v in item.items() if k not in ("id", "status")}
    return item


def _params_of(response: Any, model: str) -> JSON:
    params = ChatParams(model=model or ChatParams().model)
    for name in ("temperature", "top_p", "max_output_tokens"):
        value = getattr(response, name, None)
        if value is not None:
            setattr(params, name, value)
    instructions = getattr(response, "instructions", None)
    if isinstance(instructions, str):
        params.instructions = instructions
    return params.to_json()


# -- delete ------------------------------------------------------------------------------------------
async def delete_responses(client: AsyncOpenAI, response_ids: list[str]) -> list[tuple[str, str | None]]:
    """Delete stored responses; per id None (deleted, or already gone: 404) or a user-facing error."""
    import asyncio  # not at module level: the window imports this module before it paints

    limit = asyncio.Semaphore(DELETE_CONCURRENCY)

    async def delete(response_id: str) -> tuple[str, str | None]:
        import openai

        async with limit:
            try:
                await client.responses.delete(response_id)
            except openai.NotFoundError:
                return response_id, None  # already gone: what the user wanted
            except Exception as exc:
                return response_id, _remote_error(exc).user_message
        return response_id, None

    unique = list(dict.fromkeys(response_ids))
    return list(await asyncio.gather(*(delete(response_id) for response_id in unique)))


# -- compact -----------------------------------------------------------------------------------------
@dataclass
class CompactResult:
    id: str
    output_items: list[JSON]  # the window: user messages, then one compaction item
    usage: Usage | None
    tokens_before: int  # the history that was compacted (the server's input token count)
    tokens_after: int  # the window as the next request's input
    counted_after: bool = field(default=True)  # False: tokens_after is the server's output count


async def compact_branch(
    client: AsyncOpenAI,
    model: str,
    previous_response_id: str | None = None,
    input_items: list[JSON] | None = None,
    instructions: str | None = None,
) -> CompactResult:
    """Compact a branch: from a stored response (`previous_response_id`), or from items sent whole."""
    if not previous_response_id and not input_items:
        raise RemoteError("There is nothing to compact on this branch yet.")
    request: JSON = {"model": model}
    if previous_response_id:
        request["previous_response_id"] = previous_response_id
    if input_items:
        request["input"] = input_items
    if instructions and instructions.strip():
        request["instructions"] = instructions
    try:
        compacted = await client.responses.compact(**request)
    except Exception as exc:
        raise _remote_error(exc) from exc
    output = [_plain(item) for item in compacted.output]
    usage = _usage(getattr(compacted, "usage", None))
    before = usage.input_tokens if usage else 0
    after, counted = await _count_tokens(client, model, output)
    if not counted:
        after = usage.output_tokens if usage else 0
    return CompactResult(str(compacted.id), output, usage, before, after, counted)


async def _count_tokens(client: AsyncOpenAI, model: str, items: list[JSON]) -> tuple[int, bool]:
    """What the window costs as input (POST /v1/responses/input_tokens); (0, False) if unsupported."""
    try:
        counted = await client.responses.input_tokens.count(model=model, input=cast(Any, items))
    except Exception:  # an OpenAI-compatible server without the endpoint: fall back to usage
        return 0, False
    return int(getattr(counted, "input_tokens", 0) or 0), True


def compaction_notice(turns: int, before: int, after: int) -> str:
    return (
        f"Compacted {turns} turn{'s' if turns != 1 else ''}: {before:,} → {after:,} tokens. "
        "New turns from here send the compacted history."
    )


def compaction_node(
    conversation_id: str,
    parent: Node,
    result: CompactResult,
    model: str,
    turns: int,
    chained: bool,
) -> Node:
    """The node a compaction becomes: a child of the compacted leaf that new turns continue from."""
    return Node(
        conversation_id=conversation_id,
        parent_id=parent.id,
        input_items=[],
        id=new_id(),
        output_items=result.output_items,
        previous_response_id=parent.response_id if chained else None,
        model=model,
        params={"model": model, "compaction_id": result.id},
        usage=result.usage,
        status=NodeStatus.COMPLETED,
        notice=compaction_notice(turns, result.tokens_before, result.tokens_after),
        context_mode=ContextMode.CHAIN if chained else ContextMode.REPLAY,
    )


# -- helpers -----------------------------------------------------------------------------------------
def _plain(item: Any) -> JSON:
    """An SDK model as the JSON the server sent (fields it did not send stay out)."""
    if isinstance(item, dict):
        return dict(item)
    return dict(item.to_dict(mode="json", warnings=False))


def _usage(obj: Any) -> Usage | None:
    from desktop_chat.core.api.providers.responses import usage_from

    return usage_from(obj)


def _remote_error(exc: BaseException, response_id: str | None = None) -> RemoteError:
    import openai

    from desktop_chat.core.api.providers.errors import error_from_exception

    if isinstance(exc, RemoteError):
        return exc
    if isinstance(exc, openai.NotFoundError) and response_id is not None:
        return RemoteError(
            f"The server has no stored response with id {response_id}. It may be mistyped, deleted, "
            "expired (stored responses are kept for 30 days) or created with store=false.",
            ErrorKind.BAD_REQUEST,
        )
    if isinstance(exc, openai.APIConnectionError):  # also a timeout
        cause = exc.__cause__ or exc
        return RemoteError(
            f"The server could not be reached or did not answer in time ({type(cause).__name__}: {cause}). "
            "Check the network or the server address and try again.",
            ErrorKind.CONNECTION,
        )
    error = error_from_exception(exc)
    return RemoteError(error.message, error.kind)
