"""The transcript pane: the path from the root to the selected turn, with answers streaming in.

It follows the session's selection and the turns streaming; it keeps which turn ends the shown path,
so a streaming answer is drawn only while it is the one on screen; per-token views (logprobs) open
from it; "Copied" and link targets flash in the status line.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, QUrl, Signal
from PySide6.QtWidgets import QStackedLayout, QWidget

from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.core.content.pricing import Price
from desktop_chat.core.conversation.model import Node
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.errors import SessionError
from desktop_chat.core.session.service import ChatSession
from desktop_chat.core.tools.local_tools import Decision
from desktop_chat.ui import i18n
from desktop_chat.ui.transcript.empty_state import EmptyState
from desktop_chat.ui.transcript.inline_editor import InlineEditing
from desktop_chat.ui.transcript.message_actions import MessageActions
from desktop_chat.ui.transcript.transcript import TranscriptView

log = logging.getLogger("desktop_chat")


class TranscriptPane(QWidget):
    flash = Signal(str, int)  # a passing message for the status line, and for how many milliseconds
    # (action, node id): a message control the window runs (see message_controls.WINDOW_ACTIONS)
    action_requested = Signal(str, str)
    image_requested = Signal(str, str)  # ("use" | "save", sha256): a generated image's link

    def __init__(
        self,
        session: ChatSession,
        prices: dict[str, Price],
        attachments: AttachmentStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("transcript_pane")
        self.view = TranscriptView(self)
        self.view.prices = prices
        self.view.attachment_store = attachments
        self.view.logprobs_requested.connect(self._show_logprobs)
        self.view.copied.connect(lambda _text: self.flash.emit(self.tr("Copied"), 2000))
        self.view.highlighted.connect(self._link_hovered)
        self.view.siblings_of = self._siblings
        self.view.message_action.connect(self._message_action)
        self.view.waiting_calls = session.approvals.pending_calls
        self.view.image_action.connect(self.image_requested)
        self.view.tool_decided.connect(
            lambda call_id, decision: session.approvals.decide(call_id, Decision(decision))
        )
        self.retranslate()
        self.empty_state = EmptyState(self)  # a new conversation, before its first prompt
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty_state)
        self._stack.setCurrentWidget(self.empty_state)
        self.session = session
        # runs a use case and says whether it was done (the window's banner says why not)
        self.attempt: Callable[[Callable[[], object]], bool] = self._attempt_here
        self.inline = InlineEditing(
            self.view,
            send=lambda node_id, text: self.attempt(lambda: session.edit_and_resend(text, node_id)),
            save=lambda node_id, text: self.attempt(lambda: session.save_edit(text, node_id)),
        )
        self.message_actions = MessageActions(self.view)  # each message's buttons, on hover and by keyboard
        self._tree: ConversationTree | None = None
        self._leaf: str | None = None  # the turn the shown path ends at
        events = session.events
        events.selection_changed.connect(lambda event: self.show_node(session.tree, event.node_id))
        events.turn_progress.connect(lambda event: self._progress(event.node))
        events.turn_finished.connect(lambda event: self.node_progress(event.node))
        events.tool_approval.connect(lambda event: self.node_progress(event.node))
        events.turn_activity.connect(lambda event: self.node_activity(event.node, i18n.core_text(event.text)))
        self._clock = QTimer(self)  # a background answer's running time, once a second while busy
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        events.busy_changed.connect(lambda event: self._clock.start() if event.busy else self._clock.stop())

    def retranslate(self) -> None:
        """The view's names; its document is rendered again by the view itself (TranscriptView)."""
        self.view.setAccessibleName(self.tr("Transcript"))
        self.view.setAccessibleDescription(
            self.tr(
                "The conversation. Ctrl+Down and Ctrl+Up choose a message, Enter reaches its actions "
                "(edit, copy, regenerate, branch, delete), the Menu key lists them; Tab moves through "
                "the links."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    @property
    def prices(self) -> dict[str, Price]:
        return self.view.prices or {}

    def set_prices(self, prices: dict[str, Price]) -> None:
        """New prices: shown with the next path drawn."""
        self.view.prices = prices

    def show_node(self, tree: ConversationTree | None, node_id: str | None) -> None:
        """Show the path from the root to `node_id` (nothing: a new conversation)."""
        self._tree, self._leaf = tree, node_id
        path = tree.path_to(node_id) if tree is not None else []
        self.view.show_path(path)
        self.inline.path_shown()
        self.show_transcript(bool(path))

    def show_transcript(self, shown: bool = True) -> None:
        """The transcript view, or (nothing to show) the empty state with its example prompts."""
        self._stack.setCurrentWidget(self.view if shown else self.empty_state)

    def redraw(self) -> None:
        """Draw the shown path again (the theme changed)."""
        self.show_node(self._tree, self._leaf)

    def node_progress(self, node: Node) -> None:
        """An answer grew or ended: drawn when it is the shown one."""
        if node.id == self._leaf:
            self.view.update_streaming(node)

    def node_activity(self, node: Node, text: str) -> None:
        """A tool is at work in an answer (searching, running code…)."""
        if node.id == self._leaf:
            self.view.show_activity(node, text)

    def _tick(self) -> None:
        tree, leaf = self._tree, self._leaf
        if tree is None or leaf is None or leaf not in tree:
            return
        node = tree.get(leaf)
        if node.background is None or node.status.finished:
            return
        seconds = max(0, int(time.time() - node.created_at))
        clock = f"{seconds // 60}:{seconds % 60:02d}"
        self.view.show_elapsed(node, self.tr("Running in the background · %1").replace("%1", clock))

    def _progress(self, node: Node) -> None:
        self.node_progress(node)
        if log.isEnabledFor(logging.DEBUG):  # what end-to-end tests of the app process wait for
            log.debug("turn_progress node=%s chars=%d", node.id, len(node.output_text))

    def _siblings(self, node: Node) -> list[Node]:
        tree = self._tree
        return tree.siblings(node.id) if tree is not None and node.id in tree else [node]

    def switch_sibling(self, node_id: str, step: int) -> bool:
        """Show the previous (-1) or next (+1) version of a turn: its most recent leaf is selected, so
        the whole path below the fork changes (the same order as Alt+Left / Alt+Right)."""
        tree = self._tree
        if tree is None or node_id not in tree:
            return False
        sibling = tree.sibling(node_id, step)
        leaf = tree.deepest_leaf(sibling.id) if sibling is not None else None
        if leaf is None:
            return False
        self.session.select_node(leaf.id)
        return True

    def edit_prompt(self, node_id: str | None = None) -> bool:
        """Edit a turn's prompt in place, in the transcript (default: the message chosen with the keyboard
        while the transcript has the focus, else the selected turn's)."""
        chosen = self.message_actions.current
        if node_id is None and chosen is not None and self.view.hasFocus():
            node_id = chosen[0]
        node = self.view.node(node_id) if node_id is not None else self.session.selected_node()
        if node is None or not node.input_items:
            return False
        self.inline.open(node)
        return True

    def _message_action(self, action: str, node_id: str) -> None:
        session = self.session
        if action in ("sibling-prev", "sibling-next"):
            self.switch_sibling(node_id, -1 if action == "sibling-prev" else 1)
        elif action == "edit":
            self.edit_prompt(node_id)
        elif action == "send-draft":
            self.attempt(lambda: session.send_draft(node_id))
        elif action == "continue":
            self.attempt(lambda: session.continue_answer(node_id))
        elif action == "branch":
            title = session.conversation.title if session.conversation is not None else ""
            named = self.tr("%1 (branch)").replace("%1", title)
            self.attempt(lambda: session.branch_out(node_id, named))
        else:
            self.action_requested.emit(action, node_id)

    def _attempt_here(self, action: Callable[[], object]) -> bool:
        """Without a window: run the use case, and say in the status line why it was not done."""
        try:
            action()
        except SessionError as exc:
            self.flash.emit(i18n.core_text(exc.user_message), 6000)
            return False
        return True

    def _link_hovered(self, url: QUrl) -> None:
        self.flash.emit(url.toString(), 4000)

    def _show_logprobs(self, node: Node) -> None:
        from desktop_chat.ui.transcript.logprobs_view import LogprobsDialog  # (it loads the SDK: on use)

        LogprobsDialog(node, self).show()
