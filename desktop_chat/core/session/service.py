"""The chat session: one open conversation and every use case on it, without Qt.

`ChatSession` owns the store, the open conversation and its `ConversationTree`, the `TurnRunner`, the
back end and the asyncio tasks that stream answers (one named task per turn, strong references kept,
Stop cancels them; a cancelled turn is stopped, not failed). The window calls its methods and listens
to `session.events` (see `events.py`); panes listen to the open tree for node changes.

Every use case that writes changes the store first, in one transaction, and the in-memory state (the
conversation, the tree) only once the store took it: a failed write raises `SaveFailed` (or the
`SessionError` that says why) and leaves store, tree and selection as they were. `send` returns only
once the prompt is stored, so the composer may be cleared then and only then.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Final

from desktop_chat.core.api.backend import Backend
from desktop_chat.core.config import profiles
from desktop_chat.core.config import settings as app_settings
from desktop_chat.core.content.attachments import (
    Attachment,
    attachments_dir,
    user_message_with,
    with_attachments,
)
from desktop_chat.core.content.generated_images import with_generated_images
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.conversation.model import (
    JSON,
    ChatParams,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    now,
    replace_user_text,
    title_from_prompt,
    user_text_of,
)
from desktop_chat.core.conversation.store import Store, StoreError
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session import background, branching, remote_actions
from desktop_chat.core.session.approvals import ToolApprovals
from desktop_chat.core.session.errors import (
    Busy,
    NotConnected,
    NothingSelected,
    SaveFailed,
    SettingsInvalid,
)
from desktop_chat.core.session.events import (
    BackendChanged,
    BusyChanged,
    ConversationAdded,
    ConversationRemoved,
    ConversationsReloaded,
    ConversationUpdated,
    ErrorReported,
    Notice,
    ProviderWanted,
    SelectionChanged,
    SessionEvents,
    TreeReplaced,
    TurnActivity,
    TurnFinished,
    TurnProgress,
    TurnStarted,
)
from desktop_chat.core.session.remote_actions import DeleteReport
from desktop_chat.core.session.turns import TurnRunner
from desktop_chat.core.tools.local_tools import Toolbox

log = logging.getLogger("desktop_chat")


class _Selected(Enum):
    SELECTED = "selected"


SELECTED: Final = _Selected.SELECTED
"""`send(after=SELECTED)`: continue from the selected turn (from its parent when that turn failed)."""


@dataclass(frozen=True)
class Turn:
    """A turn that was stored and started: the node it streams into and the task that streams it."""

    node: Node
    task: asyncio.Task[Node]


def is_dead_end(node: Node) -> bool:
    """A finished turn that gave nothing to continue from: it failed, or ended with no output at all.
    A prompt sent while one is selected continues from its parent (it stays there as a sibling)."""
    if node.status is NodeStatus.FAILED:
        return True
    return node.status.finished and not node.output_text and not node.output_items


class ChatSession:
    """The open conversation, its tree and the turns streaming into it; the use cases as methods."""

    def __init__(self, store: Store, *, attachments_root: Path | None = None) -> None:
        self.store = store
        self.attachments_root = attachments_root or attachments_dir(store.path.parent)
        self.events = SessionEvents()
        self.conversation: Conversation | None = None
        self.tree: ConversationTree | None = None
        self.backend: Backend | None = None
        self.runner: TurnRunner | None = None
        self.prefer_mode = ContextMode.CHAIN  # the back end's: REPLAY for servers that keep no state
        self.pending_override: JSON = {}  # settings chosen before the conversation exists
        self.profiles_fixed = False  # --demo / --base-url decide the server, not the profiles
        self.live: dict[str, Node] = {}  # the nodes answers stream into now, by id
        self._tasks: dict[asyncio.Task[Node], str] = {}  # each turn's task -> its node's id
        # local tools (MCP servers; set by the window before a back end) and the user's say on each call
        self.toolbox: Toolbox | None = None
        self.approvals = ToolApprovals(self.events)

    # -- reading ---------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether answers are streaming."""
        return bool(self._tasks)

    @property
    def tasks(self) -> set[asyncio.Task[Node]]:
        """The tasks of the turns streaming now (a copy)."""
        return set(self._tasks)

    @property
    def provider(self) -> str | None:
        """Which server answers (the back end's provider key): chained from only on the same one."""
        return self.runner.provider if self.runner is not None else None

    def prefer_for(self, params: ChatParams) -> ContextMode:
        """How a turn with these settings will be sent: the back end's preference, or a replay for a
        model the server was found to keep no state for (an ignored chain)."""
        runner = self.runner
        return runner.prefer_for(params, self.prefer_mode) if runner is not None else self.prefer_mode

    def conversations(self, limit: int | None = None, offset: int = 0) -> list[Conversation]:
        """The stored conversations, the most recently active first (a page of `limit` from `offset`)."""
        return self.store.list_conversations(limit, offset)

    @property
    def selected_node_id(self) -> str | None:
        return self.conversation.selected_node_id if self.conversation is not None else None

    def selected_node(self) -> Node | None:
        node_id = self.selected_node_id
        if self.tree is None or node_id is None or node_id not in self.tree:
            return None
        return self.tree.get(node_id)

    def reply_parent_id(self, node_id: str | _Selected | None = SELECTED) -> str | None:
        """The node a prompt sent now continues from: the selected one (or `node_id`), or its parent
        when that turn failed or gave no output (failed turns are never context)."""
        if node_id is SELECTED:
            node_id = self.selected_node_id
        if node_id is None or self.tree is None or node_id not in self.tree:
            return None
        node = self.tree.get(node_id)
        return self.tree.parent_of(node_id) if is_dead_end(node) else node_id

    def effective_params(self) -> ChatParams:
        """The default settings with the open conversation's overrides (or the pending ones)."""
        defaults = app_settings.load_default_params(self.store)
        override = self.conversation.params_override if self.conversation else self.pending_override
        return defaults.merged(override or None)

    # -- the back end ----------------------------------------------------------------------------
    def set_backend(self, backend: Backend | None, message: str = "") -> None:
        """Answers come from `backend` from now on (None: not connected, `message` says why).
        Turns already streaming go on through the back end they started with."""
        self.backend = backend
        if backend is not None:
            # attachment references (and generated images) become data just before any request
            root = self.attachments_root
            stream = with_generated_images(with_attachments(backend.stream, root), root)
            self.runner = TurnRunner(
                self.store,
                stream,
                self,
                provider=backend.provider,
                server=backend.server,
                save_notice=lambda text: self.events.notice.emit(Notice(text)),
                toolbox=self.toolbox,
                approver=self.approvals,
                background=backend.background,
            )
            self.prefer_mode = backend.prefer
        else:
            self.runner = None
        self.events.backend_changed.emit(
            BackendChanged(
                backend is not None,
                backend.label if backend is not None else message,
                backend.profile_id if backend is not None else None,
            )
        )
        if backend is None and message:
            self.events.notice.emit(Notice(message))
        if backend is not None:
            self.resume_background()

    def wanted_profile(self) -> profiles.Profile:
        """The provider profile the open conversation belongs to (for a new one: the default)."""
        if self.conversation is not None:
            return profiles.conversation_profile(self.store, self.conversation.id)
        return profiles.active_profile(self.store)

    def move_to_profile(self, profile_id: str) -> None:
        """The open conversation goes on with another provider profile (by local replay there); with
        none open, `profile_id` becomes the default for new conversations. Raises SaveFailed."""
        try:
            if self.conversation is not None:
                profiles.set_conversation_profile(self.store, self.conversation.id, profile_id)
            else:
                profiles.set_active_profile(self.store, profile_id)
        except StoreError as exc:
            raise SaveFailed(exc.user_message) from exc
        self.check_provider()

    def check_provider(self) -> None:
        """Say which profile the open conversation wants (`ProviderWanted`), unless the command line
        fixed the server."""
        if self.profiles_fixed:
            return
        wanted = self.wanted_profile().id
        current = self.backend.profile_id if self.backend is not None else None
        self.events.provider_wanted.emit(ProviderWanted(wanted, current != wanted))

    # -- conversations ---------------------------------------------------------------------------
    def new_conversation(self) -> None:
        """Start an empty conversation; it is stored when its first prompt is sent."""
        self._show(None, None, None)
        self.check_provider()

    def open_conversation(self, conversation_id: str) -> bool:
        """Open a stored conversation at the turn it had selected (or its newest leaf); False if it
        is gone. Nodes still streaming are shown as the live objects they stream into."""
        conversation = self.store.get_conversation(conversation_id)
        if conversation is None:
            return False
        nodes = [self.live.get(n.id, n) for n in self.store.load_nodes(conversation_id)]
        tree = ConversationTree(conversation_id, nodes)
        selected = conversation.selected_node_id
        if selected not in tree:
            leaf = tree.deepest_leaf(None)
            selected = leaf.id if leaf else None
        conversation.selected_node_id = selected
        self._show(conversation, tree, selected)
        self.check_provider()
        self.resume_background()
        return True

    def rename_conversation(self, conversation_id: str, title: str) -> None:
        """Save a new title. Raises SaveFailed (the old title stays)."""
        conversation = self.store.get_conversation(conversation_id)
        if conversation is None:
            return
        renamed = dataclasses.replace(conversation, title=title)
        try:
            self.store.save_conversation(renamed)
        except StoreError as exc:
            message = Text(
                QT_TRANSLATE_NOOP("core", "The new title could not be saved: %1"), exc.user_message
            )
            raise SaveFailed(message) from exc
        if self.conversation is not None and self.conversation.id == conversation_id:
            self.conversation.title = title
        self.events.conversation_updated.emit(ConversationUpdated(renamed))

    def check_deletable(self, conversation_id: str) -> None:
        """Raises Busy while an answer streams into the conversation (ask before confirming)."""
        if any(node.conversation_id == conversation_id for node in self.live.values()):
            message = QT_TRANSLATE_NOOP(
                "core", "Stop the answer that is streaming before deleting its conversation."
            )
            raise Busy(Text(message))

    def delete_conversation(self, conversation_id: str) -> None:
        """Delete a conversation and all its turns from this computer (server copies stay). Raises
        Busy while an answer streams into it, SaveFailed when the store refuses."""
        self.check_deletable(conversation_id)
        try:
            self.store.delete_conversation(conversation_id)
        except StoreError as exc:
            template = QT_TRANSLATE_NOOP("core", "The conversation could not be deleted: %1")
            raise SaveFailed(Text(template, exc.user_message)) from exc
        was_open = self.conversation is not None and self.conversation.id == conversation_id
        # (a list may open its next row as this one goes: the deleted one's place is a new conversation)
        self.events.conversation_removed.emit(ConversationRemoved(conversation_id))
        if was_open:
            self.new_conversation()

    def reload_conversations(self) -> None:
        """The stored list changed behind the session's back (an import): tell the panes."""
        self.events.conversations_reloaded.emit(ConversationsReloaded())

    def set_override(self, override: JSON) -> None:
        """The open conversation's own settings (persona, excluded turns…), or those the next new
        conversation starts with. Raises SaveFailed (the old ones stay)."""
        if self.conversation is None:
            self.pending_override = dict(override)
            return
        changed = dataclasses.replace(self.conversation, params_override=dict(override))
        try:
            self.store.save_conversation(changed)
        except StoreError as exc:
            raise SaveFailed(exc.user_message) from exc
        self.conversation.params_override = changed.params_override

    # -- selection -------------------------------------------------------------------------------
    def select_node(self, node_id: str) -> None:
        """Make a node the reply target (the transcript shows its path). The choice is remembered with
        the conversation; if that write fails the selection still moves (and the error is told)."""
        if self.conversation is None or self.tree is None or node_id not in self.tree:
            return
        self.conversation.selected_node_id = node_id
        self.events.selection_changed.emit(SelectionChanged(node_id))
        try:
            self.store.save_conversation(self.conversation)
        except StoreError as exc:
            log.error("could not save the selection: %s", exc.user_message)
            self.events.error.emit(ErrorReported(exc.user_message))

    # -- sending ---------------------------------------------------------------------------------
    def send(
        self,
        text: str,
        attachments: Sequence[Attachment] = (),
        *,
        after: str | _Selected | None = SELECTED,
    ) -> list[Turn]:
        """Send a prompt (text and attachments) after the selected turn (or `after`; None: as a new
        root). When this returns, the prompt is stored and its answer streams: the composer may be
        cleared. Raises a SessionError when it was not sent (the text must stay in the composer):
        Busy, NotConnected, SettingsInvalid, SaveFailed."""
        parent_id = self.reply_parent_id() if after is SELECTED else after
        return self._start(parent_id, [user_message_with(text, list(attachments))])

    def regenerate(self, node_id: str | None = None) -> list[Turn]:
        """Ask again with a turn's input (default: the selected one): a new sibling, the original kept."""
        node = self.node_or_selected(node_id)
        return self._start(node.parent_id, list(node.input_items))

    def edit_and_resend(self, text: str, node_id: str | None = None) -> list[Turn]:
        """Send a turn's prompt with its text replaced (images and files kept) as a new sibling."""
        node = self.node_or_selected(node_id)
        return self._start(node.parent_id, replace_user_text(node.input_items, text))

    def save_edit(self, text: str, node_id: str | None = None) -> Node:
        """Keep a turn's prompt with its text replaced as a sibling that is not sent (a draft, selected);
        `send_draft` sends it later. Raises NothingSelected, SaveFailed."""
        return branching.save_edit(self, text, node_id)

    def send_draft(self, node_id: str | None = None) -> list[Turn]:
        """Send a draft (default: the selected turn): its turn takes the draft's place, in one transaction.
        Raises NothingSelected (not a draft), and what `send` raises (the draft then stays)."""
        draft = branching.draft(self, node_id)
        return self._start(draft.parent_id, list(draft.input_items), replacing=draft)

    def continue_answer(self, node_id: str | None = None) -> list[Turn]:
        """Ask the model to go on after a turn's answer (default: the selected one; a stopped, interrupted
        or cut one): a new child whose prompt only says so, marked as a continuation."""
        node = self.node_or_selected(node_id)
        return self._start(node.id, branching.continue_input(), marks={branching.CONTINUES_KEY: True})

    def branch_out(self, node_id: str | None = None, title: str | None = None) -> Conversation:
        """Copy the path to a turn (default: the selected one) into a new conversation and open it there.
        Raises NothingSelected, Busy, SaveFailed."""
        return branching.branch_out(self, node_id, title)

    def fan_out(self, variants: list[ChatParams], node_id: str | None = None) -> list[Turn]:
        """Ask again with a turn's input once per variant (model, temperature, persona…), all at once."""
        node = self.node_or_selected(node_id)
        return self._start(node.parent_id, list(node.input_items), variants)

    def stop(self) -> None:
        """Stop every answer that is streaming; what arrived is kept (the turns end as stopped)."""
        if self._tasks:
            log.info("stop requested (%d streaming)", len(self._tasks))
        for task in list(self._tasks):
            task.cancel()

    def shutdown(self) -> None:
        """The app closes: answers streaming now are saved as stopped, then their tasks cancelled; a
        background answer is saved as running (the server goes on; the next start picks it up)."""
        background.detach_running(self)
        for node in list(self.live.values()):
            if node.status is NodeStatus.STREAMING and not node.running_in_background:
                node.status = NodeStatus.STOPPED
                try:
                    self.store.update_node(node)
                except StoreError as exc:
                    log.error("could not save node %s: %s", node.id, exc.user_message)
        self.stop()

    def node_or_selected(self, node_id: str | None) -> Node:
        """The turn `node_id` (default: the selected one). Raises NothingSelected."""
        if node_id is None:
            node = self.selected_node()
        elif self.tree is not None and node_id in self.tree:
            node = self.tree.get(node_id)
        else:
            node = None
        if node is None:
            raise NothingSelected(Text(QT_TRANSLATE_NOOP("core", "Select a turn first.")))
        return node

    def _start(
        self,
        parent_id: str | None,
        input_items: list[JSON],
        variants: list[ChatParams] | None = None,
        *,
        replacing: Node | None = None,
        marks: JSON | None = None,
    ) -> list[Turn]:
        """Store one turn per variant (default: the effective settings) in one transaction, then
        stream them concurrently. `replacing`: a draft the turn takes the place of (deleted in the same
        transaction); `marks`: kept in each new node's params (e.g. a continuation)."""
        if self._tasks:
            message = QT_TRANSLATE_NOOP(
                "core", "An answer is still streaming: stop it (Esc) or wait before sending."
            )
            raise Busy(Text(message))
        all_params = variants or [self.effective_params()]
        problems = [problem for params in all_params for problem in params.validate()]
        if problems:
            raise SettingsInvalid(problems)
        runner, backend = self.runner, self.backend
        if runner is None or backend is None:
            raise NotConnected()
        conversation, tree = self.conversation, self.tree
        created = conversation is None or tree is None
        if conversation is None or tree is None:
            conversation = Conversation(
                title=title_from_prompt(user_text_of(input_items)),
                params_override=dict(self.pending_override),
            )
            tree = ConversationTree(conversation.id)
        if parent_id is not None and parent_id not in tree:
            raise NothingSelected(Text(QT_TRANSLATE_NOOP("core", "The turn to continue from is gone.")))
        nodes = [
            runner.new_node(tree, conversation, parent_id, input_items, params, prefer=self.prefer_mode)
            for params in all_params
        ]
        for node in nodes:
            node.params.update(marks or {})
        saved = dataclasses.replace(
            conversation, selected_node_id=nodes[-1].id, updated_at=nodes[-1].created_at
        )
        try:
            with self.store.transaction():
                if replacing is not None:  # (a draft has no children; were there any, they go with it)
                    self.store.delete_nodes([n.id for n in tree.subtree(replacing.id)])
                self.store.save_conversation(saved)
                if created and backend.profile_id is not None:  # it stays with the provider it began on
                    profiles.set_conversation_profile(self.store, conversation.id, backend.profile_id)
                for node in nodes:
                    self.store.insert_node(node)
        except StoreError as exc:
            raise SaveFailed(exc.user_message) from exc
        # stored: now the memory follows
        conversation.selected_node_id = saved.selected_node_id
        conversation.updated_at = saved.updated_at
        if created:
            self.pending_override = {}
            self.events.conversation_added.emit(ConversationAdded(conversation))
            self._show(conversation, tree, None)
        if replacing is not None and replacing.id in tree:
            tree.remove_subtree(replacing.id)
        for node in nodes:
            tree.insert(node)
            self.live[node.id] = node
        self.events.selection_changed.emit(SelectionChanged(saved.selected_node_id))
        return [
            self.launch(
                node,
                runner.run(
                    tree, conversation, parent_id, input_items, params, prefer=self.prefer_mode, node=node
                ),
            )
            for params, node in zip(all_params, nodes, strict=True)
        ]

    def launch(self, node: Node, coro: Coroutine[Any, Any, Node]) -> Turn:
        """Run a turn's coroutine as the named task that streams into `node` (a live node)."""
        was_busy = self.busy
        self.live[node.id] = node
        task = asyncio.ensure_future(coro)
        task.set_name(f"turn-{node.id}")
        self._tasks[task] = node.id
        task.add_done_callback(self._turn_done)
        if not was_busy:
            self.events.busy_changed.emit(BusyChanged(True))
        return Turn(node, task)

    def resume_background(self) -> list[Turn]:
        """The open conversation's background answers that were still running when the app closed
        go on, into the same nodes (see background.py)."""
        return background.resume_running(self)

    def _turn_done(self, task: asyncio.Task[Node]) -> None:
        node_id = self._tasks.pop(task, None)
        node = self.live.pop(node_id, None) if node_id is not None else None
        if task.cancelled():
            if node is not None and node.status is NodeStatus.STREAMING:
                self._stopped_before_start(node)
        elif task.exception() is not None:
            error = task.exception()
            log.error("turn crashed: %r", error)
            self.events.error.emit(
                ErrorReported(Text(QT_TRANSLATE_NOOP("core", "Sending failed: %1"), error))
            )
        if not self._tasks:
            self.events.busy_changed.emit(BusyChanged(False))

    def _stopped_before_start(self, node: Node) -> None:
        """Stop came before the turn's task ran at all: the stored node ends as stopped, empty."""
        node.status = NodeStatus.STOPPED
        node.updated_at = now()
        try:
            self.store.update_node(node)
        except StoreError as exc:
            log.error("could not save node %s: %s", node.id, exc.user_message)
        if self.tree is not None and node.id in self.tree and self.tree.get(node.id) is node:
            self.tree.changed(node)
        self.turn_finished(node)

    # -- TurnListener (the runner tells the session; the session tells the panes) ------------------
    def turn_started(self, node: Node) -> None:
        log.info("turn_started node=%s parent=%s mode=%s", node.id, node.parent_id, node.context_mode)
        self.events.turn_started.emit(TurnStarted(node))

    def turn_progress(self, node: Node) -> None:
        self.events.turn_progress.emit(TurnProgress(node))

    def turn_activity(self, node: Node, text: str) -> None:
        self.events.turn_activity.emit(TurnActivity(node, text))

    def turn_finished(self, node: Node) -> None:
        log.info(
            "turn_finished node=%s status=%s response=%s chars=%d",
            node.id,
            node.status,
            node.response_id,
            len(node.output_text),
        )
        self.events.turn_finished.emit(TurnFinished(node))
        conversation = self.store.get_conversation(node.conversation_id)
        if conversation is not None:
            self.events.conversation_updated.emit(ConversationUpdated(conversation))

    # -- stored responses on the server (see remote_actions.py) ------------------------------------
    async def open_response(self, response_id: str) -> Conversation:
        """Rebuild a stored response (and its input items) as a new conversation, and open it.
        Raises SessionError (unknown or expired id, no server, the store refused: nothing stored)."""
        return await remote_actions.open_response(self, response_id)

    async def delete_subtree(self, node_id: str | None = None, *, on_server: bool) -> DeleteReport:
        """Delete a turn (default: the selected one) with all that follows, locally in one transaction,
        then its stored responses on the server when asked (failures reported, never undone locally)."""
        return await remote_actions.delete_subtree(self, node_id, on_server=on_server)

    async def compact(self, node_id: str | None = None) -> Node:
        """Compact the branch that ends at a turn (default: the selected one) on the server; the result
        becomes a selected child that new turns continue from. Raises SessionError."""
        return await remote_actions.compact(self, node_id)

    # -- showing -----------------------------------------------------------------------------------
    def _show(
        self, conversation: Conversation | None, tree: ConversationTree | None, selected: str | None
    ) -> None:
        self.conversation = conversation
        self.tree = tree
        self.events.tree_replaced.emit(TreeReplaced(conversation, tree))
        self.events.selection_changed.emit(SelectionChanged(selected))


__all__ = [
    "SELECTED",
    "ChatSession",
    "Turn",
    "is_dead_end",
]
