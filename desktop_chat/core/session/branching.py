"""The session's branching use cases that send nothing: keep an edited prompt as a draft sibling, and copy
a branch into a conversation of its own. `ChatSession.save_edit` and `.branch_out` call these; they act
on the session through `BranchingState` (no import of the service, no cycle).

As for every use case, the store is written first, in one transaction, and the conversation and tree
follow only once the store took it: a failed write raises `SaveFailed` and changes nothing.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Protocol

from desktop_chat.core.config import profiles
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.conversation.model import (
    JSON,
    Conversation,
    Node,
    NodeStatus,
    new_id,
    now,
    replace_user_text,
    user_message,
)
from desktop_chat.core.conversation.store import Store, StoreError
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.errors import Busy, NothingSelected, SaveFailed
from desktop_chat.core.session.events import (
    ConversationAdded,
    ConversationUpdated,
    SelectionChanged,
    SessionEvents,
)

log = logging.getLogger("desktop_chat")

# the key in a node's params that marks a "Continue" turn (its prompt only asks the model to go on)
CONTINUES_KEY = "continues"
# what "Continue" sends after a stopped, interrupted or cut answer (to the model: not translated)
CONTINUE_PROMPT = "Continue exactly where your previous answer stopped, without repeating it."


class BranchingState(Protocol):
    """What these use cases read and change of the session (`ChatSession` is one)."""

    store: Store
    events: SessionEvents
    conversation: Conversation | None
    tree: ConversationTree | None
    live: dict[str, Node]

    def node_or_selected(self, node_id: str | None) -> Node: ...

    def open_conversation(self, conversation_id: str) -> bool: ...


def is_continuation(node: Node) -> bool:
    """Whether a turn is a "Continue" of its parent's answer (shown joined to it, without a prompt box)."""
    return node.params.get(CONTINUES_KEY) is True


def continue_input() -> list[JSON]:
    """The input of a "Continue" turn."""
    return [user_message(CONTINUE_PROMPT)]


def draft(session: BranchingState, node_id: str | None = None) -> Node:
    """A draft to send (default: the selected turn). Raises NothingSelected (none, or sent already)."""
    node = session.node_or_selected(node_id)
    if node.status is not NodeStatus.DRAFT:
        raise NothingSelected(Text(QT_TRANSLATE_NOOP("core", "This turn was sent already.")))
    return node


def save_edit(session: BranchingState, text: str, node_id: str | None = None) -> Node:
    """Keep a turn's prompt with its text replaced (images and files kept) as a sibling that is not sent:
    a draft, selected, to be sent later (`ChatSession.send_draft`). Nothing goes to the server, so this
    works offline. Raises NothingSelected, SaveFailed (then nothing changed)."""
    node = session.node_or_selected(node_id)
    conversation, tree = session.conversation, session.tree
    assert conversation is not None and tree is not None  # node_or_selected found the node in the tree
    if not text.strip():
        raise NothingSelected(Text(QT_TRANSLATE_NOOP("core", "The edited prompt is empty.")))
    draft = Node(
        conversation_id=conversation.id,
        parent_id=tree.parent_of(node.id),
        input_items=replace_user_text(node.input_items, text),
        status=NodeStatus.DRAFT,
    )
    saved = dataclasses.replace(conversation, selected_node_id=draft.id, updated_at=draft.created_at)
    try:
        with session.store.transaction():
            session.store.save_conversation(saved)
            session.store.insert_node(draft)
    except StoreError as exc:
        raise SaveFailed(exc.user_message) from exc
    conversation.selected_node_id, conversation.updated_at = saved.selected_node_id, saved.updated_at
    tree.insert(draft)
    session.events.selection_changed.emit(SelectionChanged(draft.id))
    session.events.conversation_updated.emit(ConversationUpdated(saved))
    log.info("saved an edited prompt as draft %s (sibling of %s)", draft.id, node.id)
    return draft


def branch_out(session: BranchingState, node_id: str | None = None, title: str | None = None) -> Conversation:
    """Copy the path from the root to a turn (default: the selected one) into a new conversation of its
    own (named `title`, default "<title> (branch)"), and open it there at that turn. The copies keep
    everything (answers, usage, response ids: a new prompt there can chain from the last one on the same
    server), the conversation's settings and its provider. Raises NothingSelected, Busy (an answer on
    the path is streaming), SaveFailed."""
    node = session.node_or_selected(node_id)
    conversation, tree = session.conversation, session.tree
    assert conversation is not None and tree is not None
    path = tree.path_to(node.id)
    if any(turn.id in session.live for turn in path):
        message = QT_TRANSLATE_NOOP("core", "Wait for the answer to finish before branching from it.")
        raise Busy(Text(message))
    ids = {turn.id: new_id() for turn in path}
    stamp = now()
    copies = [
        dataclasses.replace(
            turn,
            id=ids[turn.id],
            conversation_id="",  # set below, once the conversation has its id
            parent_id=ids.get(turn.parent_id) if turn.parent_id is not None else None,
            input_items=list(turn.input_items),
            output_items=list(turn.output_items),
            params=dict(turn.params),
        )
        for turn in path
    ]
    override: JSON = dict(conversation.params_override)
    excluded = override.get("excluded_node_ids")
    if isinstance(excluded, list):  # turns left out of the context stay left out, by their new ids
        override["excluded_node_ids"] = [ids[old] for old in excluded if old in ids]
    branched = Conversation(
        title=title or f"{conversation.title} (branch)",
        selected_node_id=copies[-1].id,
        params_override=override,
        created_at=stamp,
        updated_at=stamp,
    )
    for copy in copies:
        copy.conversation_id = branched.id
    store = session.store
    try:
        with store.transaction():  # the conversation with all its turns and its provider, or nothing
            store.save_conversation(branched)
            store.insert_nodes(copies)
            profile = profiles.conversation_profile(store, conversation.id)
            profiles.set_conversation_profile(store, branched.id, profile.id)
    except StoreError as exc:
        raise SaveFailed(exc.user_message) from exc
    session.events.conversation_added.emit(ConversationAdded(branched))
    session.open_conversation(branched.id)
    log.info("branched %d turn(s) into conversation %s", len(copies), branched.id)
    return branched
