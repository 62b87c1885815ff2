"""Running one turn: create the node, stream the answer into it, persist it as it grows.

No Qt here: the window listens through `TurnListener`. Stop = cancel the task that runs `run()`;
the node keeps what arrived and is marked stopped. A crash loses at most `persist_interval_s`.

Trust, then verify: a turn sent chained (`previous_response_id`) is checked against what the server
billed for it (`chain_check`). A server that ignored the id, lost the parent, or refuses the parameter
gets the turn again by local replay, once, with one quiet notice; a server that keeps no state is
remembered (`ServerState`) and later turns with that model are replayed from the start.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import Any, Protocol

from desktop_chat.core.api.context import PROVIDER_KEY, build_request, choose_mode, context_parent
from desktop_chat.core.api.events import (
    Alive,
    Citation,
    Completed,
    ErrorKind,
    Failed,
    Incomplete,
    Notice,
    ReasoningDelta,
    Started,
    StreamEvent,
    TextDelta,
    ToolActivity,
)
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.conversation.model import (
    JSON,
    ChatParams,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    now,
)
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.chain_check import Verdict, judge
from desktop_chat.core.session.stall import WAITING, StallPolicy, StallWatch, stalled_message
from desktop_chat.core.session.tool_rounds import ToolRounds
from desktop_chat.core.session.unsaved import UnsavedAnswers
from desktop_chat.core.tools.local_tools import CALL_TYPES, Approver, Toolbox, ToolSet, with_functions

log = logging.getLogger("desktop_chat")

StreamFn = Callable[[dict[str, Any]], AsyncIterator[StreamEvent]]

REPLAY_NOTICE = Text(
    QT_TRANSLATE_NOOP(
        "core",
        "The server no longer had the earlier answer this branch continues from, so the conversation "
        "was sent again from the local history.",
    )
)
IGNORED_NOTICE = Text(
    QT_TRANSLATE_NOOP(
        "core",
        "This server accepted the earlier answer's id but did not use it (it keeps no conversation state), "
        "so the question was sent again with the whole conversation from the local history; this model "
        "on this server is sent that way from now on.",
    )
)
REFUSED_NOTICE = Text(
    QT_TRANSLATE_NOOP(
        "core",
        "This server does not take previous_response_id, so the conversation was sent again from the "
        "local history; this model on this server is sent that way from now on.",
    )
)
STATELESS_AGE_S = 3600.0  # a parent this recent that the server no longer has: it keeps no state


class ServerState(Protocol):
    """What the runner asks and tells of the server a turn goes to (core.api.capabilities)."""

    def stateless(self, model: str) -> bool: ...
    def learn(self, model: str | None, note: str = "", **values: Any) -> None: ...
    async def probe_state(self, model: str) -> bool | None: ...


class NodeStore(Protocol):
    def insert_node(self, node: Node) -> None: ...
    def update_node(self, node: Node) -> None: ...
    def save_conversation(self, conv: Conversation) -> None: ...


class TurnListener(Protocol):
    """What the window is told of a turn. The node is the live one: read it when drawing. A burst of
    deltas is told at most twice per event-loop turn (see `_Progress`)."""

    def turn_started(self, node: Node) -> None: ...
    def turn_progress(self, node: Node) -> None: ...
    def turn_activity(self, node: Node, text: str) -> None: ...
    def turn_finished(self, node: Node) -> None: ...


class TurnRunner:
    def __init__(
        self,
        store: NodeStore,
        stream: StreamFn,
        listener: TurnListener | None = None,
        *,
        persist_interval_s: float = 0.5,
        provider: str | None = None,
        stall_policy: StallPolicy | None = None,
        server: ServerState | None = None,
        save_notice: Callable[[str], None] | None = None,
        toolbox: Toolbox | None = None,
        approver: Approver | None = None,
    ) -> None:
        self.store = store
        self.stream = stream
        self.listener = listener
        self.persist_interval_s = persist_interval_s
        self.stall_policy = stall_policy or StallPolicy.from_env()
        # which server answers (a profile); recorded on each node, and chained from only on that server
        self.provider = provider
        self.server = server  # what is known of that server and its models (None: nothing is kept)
        # answers the store refused (a full disk): told at once through `save_notice`, saved later
        self.unsaved = UnsavedAnswers(store.update_node, save_notice, self._saved_after_all)
        self.toolbox = toolbox  # local tools (MCP servers) for turns whose settings turn them on
        self.approver = approver  # asks the user before a local tool runs

    def prefer_for(self, params: ChatParams, prefer: ContextMode = ContextMode.CHAIN) -> ContextMode:
        """The context mode to prefer for a turn with these settings: replay where the server is known
        to keep no state for the model."""
        if self.server is not None and self.server.stateless(params.model):
            return ContextMode.REPLAY
        return prefer

    def new_node(
        self,
        tree: ConversationTree,
        conversation: Conversation,
        parent_id: str | None,
        input_items: list[JSON],
        params: ChatParams,
        *,
        prefer: ContextMode = ContextMode.CHAIN,
    ) -> Node:
        """The node a turn streams into (not stored yet): how it is sent is decided here."""
        prefer = self.prefer_for(params, prefer)
        mode = choose_mode(tree, parent_id, prefer, params.excluded_node_ids, self.provider)
        node = Node(
            conversation_id=conversation.id,
            parent_id=parent_id,
            input_items=input_items,
            model=params.model,
            params=params.to_json(),
            context_mode=mode,
        )
        if self.provider is not None:
            node.params[PROVIDER_KEY] = self.provider
        return node

    async def run(
        self,
        tree: ConversationTree,
        conversation: Conversation,
        parent_id: str | None,
        input_items: list[JSON],
        params: ChatParams,
        *,
        prefer: ContextMode = ContextMode.CHAIN,
        node: Node | None = None,
    ) -> Node:
        """Stream one turn. `node` (from `new_node`) is one the caller already stored and put in the
        tree (the session does, in one transaction); without it, one is made, stored and inserted."""
        if node is None:
            node = self.new_node(tree, conversation, parent_id, input_items, params, prefer=prefer)
            self.store.insert_node(node)
            tree.insert(node)
            conversation.selected_node_id = node.id
            conversation.updated_at = node.created_at
            self.store.save_conversation(conversation)
        mode = node.context_mode
        if self.listener:
            self.listener.turn_started(node)
        try:
            tools = await self._toolset(node, params)

            def request_for(mode: ContextMode) -> dict[str, Any]:
                request = build_request(tree, parent_id, input_items, params, mode)
                return with_functions(request, tools) if tools is not None else request

            request = request_for(mode)
            hold = tools is not None  # an answer that calls tools goes on streaming (see ToolRounds)
            failure = await self._consume(node, request, hold=hold)
            notice = None
            if request.get("previous_response_id"):
                notice = await self._chain_lost(tree, parent_id, node, params, failure)
            if notice is not None:
                # the model did not see the history: send the turn again with it, once
                self._restart(node, notice)
                request = request_for(ContextMode.REPLAY)
                failure = await self._consume(node, request, hold=hold)
            if tools is not None and self.toolbox is not None and failure is None:
                rounds = ToolRounds(
                    self.toolbox,
                    self.approver,
                    lambda node, request, carried: self._consume(node, request, carried, hold=True),
                    self._notify_progress,
                    can_chain=request.get("store") is not False
                    and not (self.server is not None and self.server.stateless(params.model)),
                    replay_input=lambda: request_for(ContextMode.REPLAY)["input"],
                )
                await rounds.run(node, request, tools)
        except asyncio.CancelledError:
            node.status = NodeStatus.STOPPED
            raise
        finally:
            if node.status is NodeStatus.STREAMING:  # ended without a terminal event (defensive)
                node.status = NodeStatus.STOPPED
            node.updated_at = now()
            self._save(node, final=True)
            tree.changed(node)
            if self.listener:
                self.listener.turn_finished(node)
        return node

    async def _toolset(self, node: Node, params: ChatParams) -> ToolSet | None:
        """The local tools the turn offers (its MCP servers started if need be), or None without any;
        a server that cannot start is said in the turn's notice and left out."""
        if self.toolbox is None or not params.mcp_servers:
            return None
        if self.listener:
            self.listener.turn_activity(node, "mcp: starting")
        tools = await self.toolbox.toolset(params.mcp_servers)
        if self.listener:
            self.listener.turn_activity(node, "")
        for problem in tools.problems:
            node.notice = problem if not node.notice else f"{node.notice}\n{problem}"
        if tools.problems:
            self._notify_progress(node)
        return tools if tools.tools or tools.hosted else None

    async def _chain_lost(
        self,
        tree: ConversationTree,
        parent_id: str | None,
        node: Node,
        params: ChatParams,
        failure: ErrorKind | None,
    ) -> str | None:
        """Why a chained turn must be sent again by replay (its notice), or None when the server saw the
        history. What it shows about the server is remembered for the model."""
        model = params.model
        if failure is not None:
            if node.output_text:
                return None  # something arrived: keep it (Retry is the user's choice)
            if failure is ErrorKind.PREVIOUS_NOT_FOUND:
                chained = context_parent(tree, parent_id)
                fresh = chained is not None and now() - tree.get(chained).created_at < STATELESS_AGE_S
                if self.server is not None and fresh:
                    self.server.learn(model, "a fresh response was not found", keeps_state=False)
                return REPLAY_NOTICE
            if failure is ErrorKind.BAD_REQUEST and "previous_response_id" in (node.error or ""):
                # servers that refuse the parameter outright (llama.cpp)
                if self.server is not None:
                    self.server.learn(model, "previous_response_id refused", rejects_previous_id=True)
                return REFUSED_NOTICE
            return None
        if node.status is not NodeStatus.COMPLETED:
            return None
        verdict = judge(tree, parent_id, node.input_items, params, node.usage)
        if verdict is Verdict.NO_USAGE and self.server is not None:
            kept = await self.server.probe_state(model)
            verdict = Verdict.IGNORED if kept is False else Verdict.UNKNOWN
        if verdict is not Verdict.IGNORED:
            return None
        billed = node.usage.input_tokens if node.usage else 0
        log.warning("chain ignored: node=%s model=%s billed=%d input tokens", node.id, model, billed)
        if self.server is not None:
            self.server.learn(model, f"chain ignored (billed {billed} input tokens)", keeps_state=False)
        return IGNORED_NOTICE

    def _restart(self, node: Node, notice: str) -> None:
        """The node made ready to stream its answer again, by replay, saying why."""
        node.context_mode = ContextMode.REPLAY
        node.output_text = node.reasoning_text = ""
        node.output_items = []
        node.usage = None
        node.response_id = None
        node.error = None
        node.status = NodeStatus.STREAMING
        node.notice = notice
        self._notify_progress(node)

    def _save(self, node: Node, *, final: bool = False) -> None:
        """Persist the node; a failed write (disk full, read-only) is told at once and retried, never
        raised; a finished answer not saved shows as failed with the reason until it is saved."""
        self.unsaved.save(node, final=final)

    def _saved_after_all(self, node: Node) -> None:
        if self.listener:
            self.listener.turn_progress(node)

    async def _consume(
        self, node: Node, request: dict[str, Any], carried: list[JSON] | None = None, *, hold: bool = False
    ) -> ErrorKind | None:
        """Stream one request into the node; returns the kind of failure, if it failed. A stream that
        goes quiet is given up (see core/session/stall.py). `carried`: the output items of the turn's
        earlier tool rounds, kept before this response's; `hold`: a response that calls functions
        leaves the node streaming (the tool rounds go on)."""
        node.previous_response_id = request.get("previous_response_id")
        progress = _Progress(self.listener, node) if self.listener else None
        watch = StallWatch(self.stall_policy, lambda waiting: self._waiting(node, waiting))
        try:
            reading = self._read(node, request, progress, watch, carried or [], hold)
            stalled, failure = await watch.guard(reading)
        finally:
            if progress is not None:
                progress.flush()
        if stalled:
            node.status = NodeStatus.FAILED
            node.error = stalled_message(watch.limit_now())
            log.warning("stream stalled node=%s after %.0f s", node.id, watch.limit_now())
            return ErrorKind.TIMEOUT
        return failure

    async def _read(
        self,
        node: Node,
        request: dict[str, Any],
        progress: _Progress | None,
        watch: StallWatch,
        carried: list[JSON],
        hold: bool,
    ) -> ErrorKind | None:
        failure: ErrorKind | None = None
        last_persist = time.monotonic()
        async for event in self.stream(request):
            arrived = time.monotonic()
            watch.last = arrived
            if watch.waiting:
                watch.alive(arrived)
            if isinstance(event, TextDelta):  # nearly every event: the short way
                node.output_text += event.text
                watch.thinking = False
                if progress is not None:
                    progress.changed()
            elif isinstance(event, Alive):
                watch.thinking = event.thinking or watch.thinking
                continue
            elif isinstance(event, ToolActivity | Citation):
                if self.listener and isinstance(event, ToolActivity):
                    self.listener.turn_activity(node, f"{event.tool}: {event.status}")
                continue
            else:
                if isinstance(event, ReasoningDelta):
                    watch.thinking = True
                failure = self._apply(node, event, carried, hold) or failure
                if progress is not None:
                    progress.now()  # a status or a notice: at once, as before
            if arrived - last_persist >= self.persist_interval_s:
                node.updated_at = now()
                self._save(node)
                last_persist = time.monotonic()
        return failure

    def _waiting(self, node: Node, waiting: bool) -> None:
        """The stream went quiet ("waiting for the server…") or came back ("")."""
        log.info("stream_waiting node=%s waiting=%s", node.id, waiting)
        if self.listener:
            self.listener.turn_activity(node, WAITING if waiting else "")

    @staticmethod
    def _apply(
        node: Node, event: StreamEvent, carried: list[JSON] | None = None, hold: bool = False
    ) -> ErrorKind | None:
        """One event other than text or tool activity, applied to the node: the kind of failure, if any."""
        if isinstance(event, ReasoningDelta):
            node.reasoning_text += event.text
        elif isinstance(event, Started):
            node.response_id = event.response_id or node.response_id
            node.model = event.model or node.model
        elif isinstance(event, Completed):
            calls = hold and any(item.get("type") in CALL_TYPES for item in event.output_items)
            node.status = NodeStatus.STREAMING if calls else NodeStatus.COMPLETED
            node.response_id = event.response_id or node.response_id
            node.model = event.model or node.model
            node.usage = event.usage
            node.output_items = [*(carried or []), *event.output_items]
        elif isinstance(event, Incomplete):
            node.status = NodeStatus.INCOMPLETE
            node.error = event.message
            node.usage = event.usage
            node.output_items = [*(carried or []), *event.output_items]
        elif isinstance(event, Failed):
            node.status = NodeStatus.FAILED
            node.error = event.error.message
            node.usage = event.usage or node.usage
            return event.error.kind
        elif isinstance(event, Notice):
            node.notice = event.text if not node.notice else f"{node.notice}\n{event.text}"
        return None

    def _notify_progress(self, node: Node) -> None:
        if self.listener:
            self.listener.turn_progress(node)


class _Progress:
    """`turn_progress` for one node as it streams, at most twice per event-loop turn.

    A burst of deltas is read in one turn of the loop (hundreds of them when the server is fast), and
    nothing can draw until that turn ends; listeners read the node itself when they draw. So the first
    change in a turn is told at once (a view starts its frame timer when it always did) and the rest
    of that turn's changes once, when the turn ends. A status change is told at once.
    """

    __slots__ = ("_dirty", "_handle", "_loop", "listener", "node")

    def __init__(self, listener: TurnListener, node: Node) -> None:
        self.listener = listener
        self.node = node
        self._loop = asyncio.get_running_loop()
        self._handle: asyncio.Handle | None = None
        self._dirty = False

    def changed(self) -> None:
        if self._handle is not None:
            self._dirty = True
            return
        self._handle = self._loop.call_soon(self._turn_ended)
        self.listener.turn_progress(self.node)

    def now(self) -> None:
        self._dirty = False
        self.listener.turn_progress(self.node)

    def _turn_ended(self) -> None:
        self._handle = None
        if self._dirty:
            self._dirty = False
            self.listener.turn_progress(self.node)

    def flush(self) -> None:
        """Tell what is untold now (the stream ended or was stopped): nothing is told after this."""
        if self._handle is not None:
            self._handle.cancel()
            self._turn_ended()
