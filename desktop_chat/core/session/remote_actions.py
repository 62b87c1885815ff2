"""The session's use cases on responses stored on the server: open one by id, delete a subtree (locally
and on the server), compact a branch. `ChatSession.open_response`, `.delete_subtree` and `.compact` call
these; they act on the session through `SessionState` (no import of the service, no cycle).

As for every use case, the store is written first, in one transaction, and the conversation and tree
follow only once the store took it: a failed write raises `SaveFailed` and changes nothing. What the
server did is never undone locally (a failed server delete is reported, the local delete stands).
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from desktop_chat.core.api import remote
from desktop_chat.core.api.backend import Backend
from desktop_chat.core.api.context import can_chain, replay_input
from desktop_chat.core.api.events import ErrorKind
from desktop_chat.core.content.attachments import resolve_attachments
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.conversation.model import ChatParams, Conversation, Node
from desktop_chat.core.conversation.store import Store, StoreError
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.errors import Busy, NotConnected, NothingSelected, SaveFailed, SessionError
from desktop_chat.core.session.events import ConversationAdded, Notice, SelectionChanged, SessionEvents

log = logging.getLogger("desktop_chat")


class SessionState(Protocol):
    """What these use cases read and change of the session (`ChatSession` is one)."""

    store: Store
    events: SessionEvents
    attachments_root: Path
    conversation: Conversation | None
    tree: ConversationTree | None
    backend: Backend | None
    live: dict[str, Node]

    @property
    def provider(self) -> str | None: ...

    def effective_params(self) -> ChatParams: ...

    def node_or_selected(self, node_id: str | None) -> Node: ...

    def open_conversation(self, conversation_id: str) -> bool: ...


@dataclass
class DeleteReport:
    """What a subtree delete did: how many turns went locally, and each server copy's outcome."""

    deleted_locally: int
    server_results: list[tuple[str, str | None]] = field(default_factory=list)  # (response id, error)
    server_skipped: str | None = None  # why the server was not asked, when it was wanted

    @property
    def server_failures(self) -> list[tuple[str, str]]:
        return [(rid, error) for rid, error in self.server_results if error is not None]


def _client(session: SessionState) -> Any:
    return session.backend.client if session.backend is not None else None


async def open_response(session: SessionState, response_id: str) -> Conversation:
    """Rebuild a stored response (and its input items) as a new conversation, and open it.
    Raises SessionError with a message fit for the user (unknown or expired id, no server, the
    store refused: then nothing was stored)."""
    client = _client(session)
    if client is None:
        raise NotConnected()
    try:
        opened = await remote.open_response(client, response_id)
    except remote.RemoteError as exc:
        raise SessionError(exc.user_message) from exc
    store = session.store
    try:
        with store.transaction():  # the conversation with all its turns, or nothing
            store.save_conversation(opened.conversation)
            store.insert_nodes(opened.nodes)
    except StoreError as exc:
        raise SaveFailed(exc.user_message) from exc
    session.events.conversation_added.emit(ConversationAdded(opened.conversation))
    session.open_conversation(opened.conversation.id)
    log.info("opened response %s as %d node(s)", opened.nodes[-1].response_id, len(opened.nodes))
    return opened.conversation


async def delete_subtree(
    session: SessionState, node_id: str | None = None, *, on_server: bool
) -> DeleteReport:
    """Delete a turn (default: the selected one) with all that follows: locally in one transaction,
    then its stored responses on the server when asked (their failures are reported, never undone
    locally). The selection moves to the parent (for a root: another root's newest leaf)."""
    node = session.node_or_selected(node_id)
    tree, conversation = session.tree, session.conversation
    assert tree is not None and conversation is not None
    doomed = tree.subtree(node.id)
    if any(n.id in session.live for n in doomed):
        message = QT_TRANSLATE_NOOP(
            "core", "An answer in this branch is still streaming: stop it (Esc) before deleting."
        )
        raise Busy(Text(message))
    response_ids = [n.response_id for n in doomed if n.response_id]
    client = _client(session) if on_server else None
    target = tree.parent_of(node.id)
    if target is None:  # a root: show another root's newest leaf, if any
        others = [root for root in tree.roots() if root.id != node.id]
        leaf = tree.deepest_leaf(others[-1].id) if others else None
        target = leaf.id if leaf is not None else None
    saved = dataclasses.replace(conversation, selected_node_id=target)
    store = session.store
    try:
        with store.transaction():
            store.delete_nodes([n.id for n in doomed])
            store.save_conversation(saved)
    except StoreError as exc:
        raise SaveFailed(exc.user_message) from exc  # nothing was deleted: the tree stays as it is
    conversation.selected_node_id = target
    # the selection moves first, so a view never selects a row that is going
    session.events.selection_changed.emit(SelectionChanged(target))
    tree.remove_subtree(node.id)
    report = DeleteReport(len(doomed))
    if on_server and response_ids:
        if client is None:
            report.server_skipped = Text(QT_TRANSLATE_NOOP("core", "not connected to a server."))
        else:
            template = QT_TRANSLATE_NOOP("core", "Deleted %1 turn(s) locally; deleting on the server…")
            session.events.notice.emit(Notice(Text(template, len(doomed))))
            report.server_results = await remote.delete_responses(client, response_ids)
    log.info(
        "deleted %d node(s); server: %d asked, %d failed",
        len(doomed),
        len(report.server_results),
        len(report.server_failures),
    )
    return report


async def compact(session: SessionState, node_id: str | None = None) -> Node:
    """Compact the branch that ends at a turn (default: the selected one) on the server; the result
    becomes a child that new turns continue from, and is selected. Raises SessionError."""
    node = session.node_or_selected(node_id)
    tree, conversation = session.tree, session.conversation
    assert tree is not None and conversation is not None
    if not node.status.finished:
        message = QT_TRANSLATE_NOOP("core", "Wait for the answer to finish (or stop it) before compacting.")
        raise Busy(Text(message))
    path = tree.path_to(node.id)
    turns = remote.turns_since_compaction(path)
    if turns == 0:
        raise NothingSelected(Text(QT_TRANSLATE_NOOP("core", "Nothing new to compact on this branch.")))
    client = _client(session)
    if client is None:
        raise NotConnected()
    model = session.effective_params().model
    chained = can_chain(node, session.provider)
    session.events.notice.emit(Notice(Text(QT_TRANSLATE_NOOP("core", "Compacting %1 turn(s)…"), turns)))
    result: remote.CompactResult | None = None
    try:
        if chained:
            try:
                result = await remote.compact_branch(client, model, previous_response_id=node.response_id)
            except remote.RemoteError as exc:
                if exc.kind is not ErrorKind.PREVIOUS_NOT_FOUND:
                    raise
                chained = False  # the server lost the branch: send the local history instead
        if result is None:
            history = resolve_attachments(replay_input(path, []), session.attachments_root)
            result = await remote.compact_branch(client, model, input_items=history)
    except remote.RemoteError as exc:
        template = QT_TRANSLATE_NOOP("core", "Compacting failed: %1")
        raise SessionError(Text(template, exc.user_message)) from exc
    if session.tree is not tree or node.id not in tree:
        message = QT_TRANSLATE_NOOP(
            "core", "The branch was deleted or closed while compacting; nothing was added."
        )
        raise SessionError(Text(message))
    compacted = remote.compaction_node(conversation.id, node, result, model, turns, chained)
    _add_selected(session, conversation, tree, compacted)
    log.info("compacted %d turn(s): %d -> %d tokens", turns, result.tokens_before, result.tokens_after)
    return compacted


def _add_selected(
    session: SessionState, conversation: Conversation, tree: ConversationTree, node: Node
) -> None:
    """Store a finished node and select it (one transaction), then put it in the tree."""
    saved = dataclasses.replace(conversation, selected_node_id=node.id)
    try:
        with session.store.transaction():
            session.store.insert_node(node)
            session.store.save_conversation(saved)
    except StoreError as exc:
        raise SaveFailed(exc.user_message) from exc
    tree.insert(node)
    conversation.selected_node_id = node.id
    session.events.selection_changed.emit(SelectionChanged(node.id))
