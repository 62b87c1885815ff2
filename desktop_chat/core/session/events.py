"""What a `ChatSession` tells its panes, as small immutable events (no Qt).

Panes connect to the emitters of `SessionEvents` (`session.events.turn_progress.connect(...)`).
Changes *inside* the open tree (a node inserted, changed, removed) are not repeated here: the
`ConversationTree` tells its own listeners (`tree.add_listener`), before and after, as a Qt item model
needs; `TreeReplaced` says when another tree (or none) is open, so a pane moves its listener over.

Turn events carry the live node: read it when drawing, never keep a copy. `TurnProgress` comes at most
twice per event-loop turn however fast the deltas arrive (see `progress.Progress`).

Messages (`Notice.text`, `SessionError.user_message`) are `core.content.text.Text` where core wrote
them: the UI shows them through `i18n.core_text`, in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_chat.core.conversation.model import Conversation, Node
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.observers import Emitter


# -- the conversation list ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ConversationsReloaded:
    """The whole list changed (an import): read `session.conversations()` again."""


@dataclass(frozen=True, slots=True)
class ConversationAdded:
    conversation: Conversation  # the newest: it goes first in the list


@dataclass(frozen=True, slots=True)
class ConversationRemoved:
    conversation_id: str


@dataclass(frozen=True, slots=True)
class ConversationUpdated:
    """Its title or its last activity changed (the list re-sorts and relabels it)."""

    conversation: Conversation


# -- the open conversation ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TreeReplaced:
    """Another conversation is open (or none: both None, a new conversation not saved yet)."""

    conversation: Conversation | None
    tree: ConversationTree | None


@dataclass(frozen=True, slots=True)
class SelectionChanged:
    """The selected node (the reply target, whose path the transcript shows) is now `node_id`."""

    node_id: str | None


# -- turns -------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TurnStarted:
    node: Node  # already in the store and the tree


@dataclass(frozen=True, slots=True)
class TurnProgress:
    node: Node


@dataclass(frozen=True, slots=True)
class TurnActivity:
    node: Node
    text: str  # e.g. "web_search: searching"


@dataclass(frozen=True, slots=True)
class TurnFinished:
    node: Node  # its final status; saved


@dataclass(frozen=True, slots=True)
class BusyChanged:
    """Answers started streaming (busy) or the last one ended (idle)."""

    busy: bool


# -- connection and messages -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class BackendChanged:
    """Another back end (or none) answers from now on; `label` or `message` says which or why not."""

    connected: bool
    label: str
    profile_id: str | None


@dataclass(frozen=True, slots=True)
class ProviderWanted:
    """The open conversation belongs to this provider profile (show it); `reconnect`: the back end in
    use is another profile's, so connect to this one."""

    profile_id: str
    reconnect: bool


@dataclass(frozen=True, slots=True)
class Notice:
    """A message for the user (a banner); empty text hides it."""

    text: str


@dataclass(frozen=True, slots=True)
class ErrorReported:
    """Something failed that the user must hear of (a turn crashed, a save failed in the background)."""

    text: str


@dataclass(frozen=True, slots=True)
class ToolApprovalChanged:
    """A local tool call of a streaming turn began or stopped waiting for the user's decision
    (`session.approvals.pending_calls(node.id)` says which wait now)."""

    node: Node
    call_id: str


class SessionEvents:
    """The emitters of one session, one per kind of event."""

    __slots__ = (
        "backend_changed",
        "busy_changed",
        "conversation_added",
        "conversation_removed",
        "conversation_updated",
        "conversations_reloaded",
        "error",
        "notice",
        "provider_wanted",
        "selection_changed",
        "tool_approval",
        "tree_replaced",
        "turn_activity",
        "turn_finished",
        "turn_progress",
        "turn_started",
    )

    def __init__(self) -> None:
        self.conversations_reloaded: Emitter[ConversationsReloaded] = Emitter("conversations_reloaded")
        self.conversation_added: Emitter[ConversationAdded] = Emitter("conversation_added")
        self.conversation_removed: Emitter[ConversationRemoved] = Emitter("conversation_removed")
        self.conversation_updated: Emitter[ConversationUpdated] = Emitter("conversation_updated")
        self.tree_replaced: Emitter[TreeReplaced] = Emitter("tree_replaced")
        self.selection_changed: Emitter[SelectionChanged] = Emitter("selection_changed")
        self.turn_started: Emitter[TurnStarted] = Emitter("turn_started")
        self.turn_progress: Emitter[TurnProgress] = Emitter("turn_progress")
        self.turn_activity: Emitter[TurnActivity] = Emitter("turn_activity")
        self.turn_finished: Emitter[TurnFinished] = Emitter("turn_finished")
        self.busy_changed: Emitter[BusyChanged] = Emitter("busy_changed")
        self.backend_changed: Emitter[BackendChanged] = Emitter("backend_changed")
        self.provider_wanted: Emitter[ProviderWanted] = Emitter("provider_wanted")
        self.notice: Emitter[Notice] = Emitter("notice")
        self.error: Emitter[ErrorReported] = Emitter("error")
        self.tool_approval: Emitter[ToolApprovalChanged] = Emitter("tool_approval")
