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
    ImagePartial,
    Incomplete,
    Notice,
    ReasoningDelta,
    Started,
    StreamEvent,
    TextDelta,
    ToolActivity,
)
from desktop_chat.core.content.generated_images import with_partial
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.conversation.model import (
    JSON,
    BackgroundRun,
    ChatParams,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    now,
)
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.chain_check import Verdict, judge
from desktop_chat.core.session.progress import Progress
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
MAX_RESUMES = 3  # a background answer's stream resumed at most this often in a row, then it fails
RESUME_DELAY_S = 0.5  # before the first resume; doubled for each next one
RESUMABLE = (ErrorKind.CONNECTION, ErrorKind.TIMEOUT)


def resuming_text(attempt: int, limit: int) -> Text:
    template = QT_TRANSLATE_NOOP(
        "core", "The connection dropped: resuming the answer where it stopped (%1 of %2)…"
    )
    return Text(template, attempt, limit)


def lost_message(attempts: int, reason: str) -> Text:
    template = QT_TRANSLATE_NOOP(
        "core",
        "The answer's stream could not be resumed after %1 tries (%2). What arrived is kept; press Retry "
        "(Ctrl+R) to ask again.",
    )
    return Text(template, attempts, reason)


class ServerState(Protocol):
    """What the runner asks and tells of the server a turn goes to (core.api.capabilities)."""

    def stateless(self, model: str) -> bool: ...
    def learn(self, model: str | None, note: str = "", **values: Any) -> None: ...
    async def probe_state(self, model: str) -> bool | None: ...


class NodeStore(Protocol):
    def insert_node(self, node: Node) -> None: ...
    def update_node(self, node: Node) -> None: ...
    def save_conversation(self, conv: Conversation) -> None: ...


class BackgroundServer(Protocol):
    """What the runner needs of a server for background answers (core.api.providers.background)."""

    def resume(self, response_id: str, after: int | None) -> AsyncIterator[StreamEvent]: ...
    async def cancel(self, response_id: str) -> None: ...


class TurnListener(Protocol):
    """What the window is told of a turn. The node is the live one: read it when drawing. A burst of
    deltas is told at most twice per event-loop turn (see `Progress`)."""

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
        background: BackgroundServer | None = None,
        max_resumes: int = MAX_RESUMES,
        resume_delay_s: float = RESUME_DELAY_S,
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
        # background answers: resumed when their stream drops, cancelled on the server by Stop
        self.background = background
        self.max_resumes = max_resumes
        self.resume_delay_s = resume_delay_s
        self._detached: set[str] = set()  # nodes whose task ends because the app closes (not Stop)
        self._cancelling: set[asyncio.Task[None]] = set()

    def prefer_for(self, params: ChatParams, prefer: ContextMode = ContextMode.CHAIN) -> ContextMode:
        """The context mode to prefer for a turn with these settings: replay where the server is known
        to keep no state for the model, or answers are not kept on the server (`store` off)."""
        if not params.store or (self.server is not None and self.server.stateless(params.model)):
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
            self._cancelled(node)
            raise
        finally:
            self._ended(tree, node)
        return node

    async def resume(self, tree: ConversationTree, node: Node) -> Node:
        """Go on with a background answer that was still running when the app closed: its stream is
        read from the last event the node has (`node.background.after`), into the same node."""
        if self.listener:
            self.listener.turn_started(node)
        try:
            if self._resumable(node):
                await self._follow(node, self._resumed(node))
            else:
                node.status = NodeStatus.INTERRUPTED
        except asyncio.CancelledError:
            self._cancelled(node)
            raise
        finally:
            self._ended(tree, node)
        return node

    def detach(self, node_ids: set[str]) -> None:
        """The app closes: these turns' tasks are about to be cancelled, but their background answers
        go on on the server (kept as running, picked up on the next start), not stopped."""
        self._detached.update(node_ids)

    def _cancelled(self, node: Node) -> None:
        if node.id in self._detached:
            return
        node.status = NodeStatus.STOPPED
        if self._resumable(node) and node.response_id is not None:
            assert node.background is not None
            node.background.status = "cancelled"
            task = asyncio.get_running_loop().create_task(
                self._cancel_on_server(node.response_id), name=f"cancel-{node.response_id}"
            )
            self._cancelling.add(task)
            task.add_done_callback(self._cancelling.discard)

    async def _cancel_on_server(self, response_id: str) -> None:
        assert self.background is not None
        try:
            await self.background.cancel(response_id)
        except Exception as exc:  # the server finishes it and forgets it: nothing is lost here
            log.warning("cancel on the server failed response=%s: %r", response_id, exc)
        else:
            log.info("cancelled on the server response=%s", response_id)

    def _ended(self, tree: ConversationTree, node: Node) -> None:
        detached = node.id in self._detached
        self._detached.discard(node.id)
        if node.status is NodeStatus.STREAMING and not detached:  # no terminal event (defensive)
            node.status = NodeStatus.STOPPED
        if not detached:  # (a detached one was saved as the app closed, with how far it was read)
            node.updated_at = now()
            self._save(node, final=True)
        tree.changed(node)
        if self.listener:
            self.listener.turn_finished(node)

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
        node.error = node.error_kind = None
        node.status = NodeStatus.STREAMING
        node.background = None
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
        node.background = None  # a new response (its events numbered from 0), in background mode or not
        return await self._follow(node, self.stream(request), carried or [], hold)

    async def _follow(
        self,
        node: Node,
        events: AsyncIterator[StreamEvent],
        carried: list[JSON] | None = None,
        hold: bool = False,
    ) -> ErrorKind | None:
        """Read a stream into the node; returns the kind of failure, if it failed. A stream that goes
        quiet is given up (see core/session/stall.py); a background answer's stream that drops or goes
        quiet is resumed where it stopped, up to `max_resumes` times in a row."""
        progress = Progress(self.listener, node) if self.listener else None
        resumes = 0
        try:
            while True:
                watch = StallWatch(self.stall_policy, lambda waiting: self._waiting(node, waiting))
                stalled, failure = await watch.guard(
                    self._read(node, events, progress, watch, carried or [], hold)
                )
                if stalled:
                    node.status = NodeStatus.FAILED
                    node.error = stalled_message(watch.limit_now())
                    node.error_kind = "stalled"
                    log.warning("stream stalled node=%s after %.0f s", node.id, watch.limit_now())
                    failure = ErrorKind.TIMEOUT
                if failure not in RESUMABLE or not self._resumable(node):
                    return failure
                if resumes >= self.max_resumes:
                    node.error = lost_message(resumes, node.error or "")
                    node.error_kind = None  # its own message (it quotes the last failure)
                    return failure
                resumes += 1
                assert node.background is not None
                log.info(
                    "resume node=%s response=%s after=%s attempt=%d (%s)",
                    node.id,
                    node.response_id,
                    node.background.after,
                    resumes,
                    failure,
                )
                node.status, node.error, node.error_kind = NodeStatus.STREAMING, None, None
                if self.listener:
                    self.listener.turn_activity(node, resuming_text(resumes, self.max_resumes))
                await asyncio.sleep(self.resume_delay_s * 2 ** (resumes - 1))
                events = self._resumed(node)
        finally:
            if progress is not None:
                progress.flush()

    def _resumable(self, node: Node) -> bool:
        """A background answer this runner can read on (the server has it: its id is known)."""
        return self.background is not None and node.background is not None and node.response_id is not None

    def _resumed(self, node: Node) -> AsyncIterator[StreamEvent]:
        assert self.background is not None and node.background is not None and node.response_id
        return self.background.resume(node.response_id, node.background.after)

    async def _read(
        self,
        node: Node,
        events: AsyncIterator[StreamEvent],
        progress: Progress | None,
        watch: StallWatch,
        carried: list[JSON],
        hold: bool,
    ) -> ErrorKind | None:
        failure: ErrorKind | None = None
        last_persist = time.monotonic()
        run = node.background  # where a background answer's stream was read to (None: not one)
        async for event in events:
            arrived = time.monotonic()
            watch.last = arrived
            if watch.waiting:
                watch.alive(arrived)
            if isinstance(event, TextDelta):  # nearly every event: the short way
                node.output_text += event.text
                watch.thinking = False
                if run is not None and event.sequence is not None:
                    run.after = event.sequence
                if progress is not None:
                    progress.changed()
            elif isinstance(event, Alive):
                watch.thinking = event.thinking or watch.thinking
                if run is not None and event.sequence is not None:
                    run.after = event.sequence
                continue
            elif isinstance(event, ToolActivity | Citation):
                if self.listener and isinstance(event, ToolActivity):
                    self.listener.turn_activity(node, f"{event.tool}: {event.status}")
                if run is not None and event.sequence is not None:
                    run.after = event.sequence
                continue
            else:
                if isinstance(event, ReasoningDelta):
                    watch.thinking = True
                failure = self._apply(node, event, carried, hold) or failure
                run = node.background
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

    def _apply(
        self, node: Node, event: StreamEvent, carried: list[JSON] | None = None, hold: bool = False
    ) -> ErrorKind | None:
        """One event other than text or tool activity, applied to the node: the kind of failure, if any."""
        failure: ErrorKind | None = None
        if isinstance(event, ReasoningDelta):
            node.reasoning_text += event.text
        elif isinstance(event, Started):
            node.response_id = event.response_id or node.response_id
            node.model = event.model or node.model
            if event.background and self.background is not None and node.background is None:
                node.background = BackgroundRun()  # the server makes it on its own: resumable
            if node.background is not None and event.status:
                node.background.status = event.status
        elif isinstance(event, Completed):
            calls = hold and any(item.get("type") in CALL_TYPES for item in event.output_items)
            node.status = NodeStatus.STREAMING if calls else NodeStatus.COMPLETED
            node.response_id = event.response_id or node.response_id
            node.model = event.model or node.model
            node.usage = event.usage
            node.output_items = [*(carried or []), *event.output_items]
            if event.text is not None:
                node.output_text = event.text
        elif isinstance(event, Incomplete):
            node.status = NodeStatus.INCOMPLETE
            node.error = event.message
            node.error_kind = f"incomplete:{event.reason}"
            node.usage = event.usage
            node.output_items = [*(carried or []), *event.output_items]
            if event.text is not None:
                node.output_text = event.text
        elif isinstance(event, Failed):
            node.status = NodeStatus.FAILED
            node.error = event.error.message
            node.error_kind = event.error.kind.value
            node.usage = event.usage or node.usage
            failure = event.error.kind
        elif isinstance(event, Notice):
            node.notice = event.text if not node.notice else f"{node.notice}\n{event.text}"
        elif isinstance(event, ImagePartial):  # shown until the finished image replaces it
            node.output_items = with_partial(node.output_items, event.item_id, event.index, event.b64)
        run = node.background
        if run is not None:
            sequence = getattr(event, "sequence", None)
            if sequence is not None:
                run.after = sequence
            if node.status.finished and failure not in RESUMABLE:
                run.status = str(node.status) if node.status is not NodeStatus.STOPPED else "cancelled"
        return failure

    def _notify_progress(self, node: Node) -> None:
        if self.listener:
            self.listener.turn_progress(node)
