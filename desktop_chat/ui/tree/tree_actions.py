"""Actions on the tree that talk to the server's stored responses: open by id, delete, compact.

The async functions (`open_by_id`, `delete_selected`, `compact_selected`) do the work on a window (a
`TreeActionsHost`) and report through its banner; the `request_*` functions are what menu actions
call: they show a dialog with `open()` (never a nested `exec()` inside the asyncio loop) and start the
work as an owned task.
The server client is `window.backend.client` (the AsyncOpenAI client, set after first paint).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.api import remote
from desktop_chat.core.api.context import can_chain, replay_input
from desktop_chat.core.api.events import ErrorKind
from desktop_chat.core.content.attachments import resolve_attachments
from desktop_chat.core.conversation.model import Conversation, Node
from desktop_chat.core.conversation.store import StoreError
from desktop_chat.ui import theme
from desktop_chat.ui.i18n import join_sentences

if TYPE_CHECKING:
    from desktop_chat.core.api.backend import Backend
    from desktop_chat.core.conversation.model import ChatParams
    from desktop_chat.core.conversation.store import Store
    from desktop_chat.core.conversation.tree import ConversationTree
    from desktop_chat.core.session.turns import TurnRunner
    from desktop_chat.ui.composer.attachment_bar import AttachmentBar
    from desktop_chat.ui.conversations.conversations_pane import ConversationsPane


class TreeActionsHost(Protocol):
    """What the tree actions need of the window they act on (the main window is one)."""

    @property
    def backend(self) -> Backend | None: ...
    @property
    def store(self) -> Store: ...
    @property
    def tree(self) -> ConversationTree | None: ...
    @property
    def conversation(self) -> Conversation | None: ...
    @property
    def live(self) -> dict[str, Node]: ...  # the nodes streaming now
    @property
    def runner(self) -> TurnRunner | None: ...
    @property
    def attachments(self) -> AttachmentBar: ...
    @property
    def conversations(self) -> ConversationsPane: ...
    def show_notice(self, text: str) -> None: ...
    def selected_node(self) -> Node | None: ...
    def select_node(self, node_id: str) -> None: ...
    def open_conversation(self, conversation_id: str) -> None: ...
    def effective_params(self) -> ChatParams: ...
    def window(self) -> QWidget: ...  # what dialogs are shown over


log = logging.getLogger("desktop_chat")

_tasks: set[asyncio.Task[Any]] = set()  # strong references to the actions running now
_busy: dict[int, set[str]] = {}  # id(window) -> the actions running on it


def _not_connected() -> str:
    return QCoreApplication.translate(
        "TreeActions", "Still connecting to the server — try again in a moment."
    )


def _action_label(name: str) -> str:
    """What an action is called in messages ("compacting", ...), in the UI's language."""
    labels = {
        "opening a response": QCoreApplication.translate("TreeActions", "opening a response"),
        "deleting": QCoreApplication.translate("TreeActions", "deleting"),
        "compacting": QCoreApplication.translate("TreeActions", "compacting"),
    }
    return labels.get(name, name)


def _client(window: TreeActionsHost) -> Any:
    backend = window.backend
    return getattr(backend, "client", None) if backend is not None else None


def _spawn(window: TreeActionsHost, name: str, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any] | None:
    """Run an action as an owned task; one of each kind per window at a time."""
    running = _busy.setdefault(id(window), set())
    if name in running:
        coro.close()
        busy = QCoreApplication.translate("TreeActions", "Already busy: %1. Wait for it to finish.")
        window.show_notice(busy.replace("%1", _action_label(name)))
        return None
    running.add(name)
    task = asyncio.ensure_future(coro)
    _tasks.add(task)

    def done(finished: asyncio.Task[Any]) -> None:
        _tasks.discard(finished)
        running.discard(name)
        if not finished.cancelled() and finished.exception() is not None:
            log.error("%s failed: %r", name, finished.exception())
            label = _action_label(name)
            failed = QCoreApplication.translate("TreeActions", "%1 failed: %2")
            window.show_notice(
                failed.replace("%1", label[:1].upper() + label[1:]).replace("%2", str(finished.exception()))
            )

    task.add_done_callback(done)
    return task


# -- open a response by id -------------------------------------------------------------------------
async def open_by_id(window: TreeActionsHost, response_id: str) -> Conversation:
    """Rebuild a stored response (and its input items) as a new conversation, and show it.

    Raises `remote.RemoteError` with a message fit for the user (unknown or expired id, no server)."""
    client = _client(window)
    if client is None:
        raise remote.RemoteError(_not_connected())
    opened = await remote.open_response(client, response_id)
    try:
        window.store.save_conversation(opened.conversation)
        try:
            window.store.insert_nodes(opened.nodes)  # one transaction: all the turns or none
        except StoreError:
            window.store.delete_conversation(opened.conversation.id)
            raise
    except StoreError as exc:
        raise remote.RemoteError(exc.user_message) from exc
    window.conversations.add_conversation(opened.conversation)
    window.open_conversation(opened.conversation.id)
    log.info("opened response %s as %d node(s)", opened.nodes[-1].response_id, len(opened.nodes))
    return opened.conversation


class OpenByIdDialog(QDialog):
    """Paste a response id; errors show inside the dialog so the id can be corrected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("open_by_id_dialog")
        self.setWindowTitle(self.tr("Open a response by id"))
        self.resize(520, 170)
        self.input = QLineEdit()
        self.input.setObjectName("open_by_id_input")
        self.input.setPlaceholderText("resp_…")
        self.input.setAccessibleName(self.tr("Response id"))
        self.error = QLabel()
        self.error.setObjectName("open_by_id_error")
        self.error.setWordWrap(True)
        theme.set_tone(self.error, "error")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("open_by_id_open")
        self.open_button.setEnabled(False)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("open_by_id_cancel")
        for push in (self.open_button, cancel):  # Return in the field opens (returnPressed), never cancels
            push.setAutoDefault(False)
            push.setDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.input.textChanged.connect(lambda text: self.open_button.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Paste the id of a response stored on the server. It opens as a new conversation that "
                "continues from that response."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.input)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.input.setFocus()

    def response_id(self) -> str:
        return self.input.text().strip()

    def set_busy(self, busy: bool) -> None:
        self.input.setEnabled(not busy)
        self.open_button.setEnabled(not busy and bool(self.response_id()))
        self.open_button.setText(self.tr("Opening…") if busy else self.tr("Open"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


def request_open_by_id(window: TreeActionsHost) -> OpenByIdDialog:
    """Show the open-by-id dialog (window-modal, not blocking); Open starts the retrieval."""
    dialog = OpenByIdDialog(window.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    async def attempt() -> None:
        dialog.show_error("")
        dialog.set_busy(True)
        try:
            await open_by_id(window, dialog.response_id())
        except remote.RemoteError as exc:
            dialog.set_busy(False)
            dialog.show_error(exc.user_message)
            dialog.input.setFocus()
            return
        dialog.accept()

    def submit() -> None:
        if dialog.response_id():
            _spawn(window, "opening a response", attempt())

    dialog.open_button.clicked.connect(submit)
    dialog.input.returnPressed.connect(submit)
    dialog.open()
    return dialog


# -- delete ------------------------------------------------------------------------------------------
@dataclass
class DeleteReport:
    deleted_locally: int
    server_results: list[tuple[str, str | None]] = field(default_factory=list)  # (response id, error)
    server_skipped: str | None = None  # why the server was not asked, when it was wanted

    @property
    def server_failures(self) -> list[tuple[str, str]]:
        return [(rid, error) for rid, error in self.server_results if error is not None]

    def message(self) -> str:
        count = self.deleted_locally
        turns = (
            QCoreApplication.translate("TreeActions", "1 turn")
            if count == 1
            else QCoreApplication.translate("TreeActions", "%1 turns").replace("%1", str(count))
        )
        if self.server_skipped:
            text = QCoreApplication.translate(
                "TreeActions", "Deleted %1 locally. The server's copies were not deleted: %2"
            )
            return text.replace("%1", turns).replace("%2", self.server_skipped)
        if not self.server_results:
            return QCoreApplication.translate("TreeActions", "Deleted %1 locally.").replace("%1", turns)
        failures = self.server_failures
        total = len(self.server_results)
        if not failures:
            text = QCoreApplication.translate(
                "TreeActions", "Deleted %1 locally and %2 stored response(s) on the server."
            )
            return text.replace("%2", str(total)).replace("%1", turns)
        shown = "; ".join(f"{rid}: {error}" for rid, error in failures[:3])
        more = (
            QCoreApplication.translate("TreeActions", " (and %1 more)").replace("%1", str(len(failures) - 3))
            if len(failures) > 3
            else ""
        )
        text = QCoreApplication.translate(
            "TreeActions",
            "Deleted %1 locally. %2 of %3 stored response(s) could not be deleted on the server — %4",
        )
        return (
            text.replace("%2", str(len(failures)))
            .replace("%3", str(total))
            .replace("%1", turns)
            .replace("%4", shown)
            + more
        )


async def delete_selected(window: TreeActionsHost, *, on_server: bool) -> DeleteReport | None:
    """Delete the selected node with its whole subtree: locally (one transaction), then on the server
    when asked. The selection moves to the parent. Server failures are reported, never undone locally."""
    node = window.selected_node()
    tree, conversation = window.tree, window.conversation
    if node is None or tree is None or conversation is None:
        window.show_notice(QCoreApplication.translate("TreeActions", "Select a turn to delete."))
        return None
    doomed = tree.subtree(node.id)
    if any(n.id in window.live for n in doomed):
        window.show_notice(
            QCoreApplication.translate(
                "TreeActions", "An answer in this branch is still streaming: stop it (Esc) before deleting."
            )
        )
        return None
    response_ids = [n.response_id for n in doomed if n.response_id]
    client = _client(window) if on_server else None
    try:
        window.store.delete_nodes([n.id for n in doomed])
    except StoreError as exc:
        window.show_notice(exc.user_message)  # nothing was deleted: the tree stays as it is
        return None
    target = tree.parent_of(node.id)
    if target is None:  # a root: show another root's newest leaf, if any
        others = [root for root in tree.roots() if root.id != node.id]
        leaf = tree.deepest_leaf(others[-1].id) if others else None
        target = leaf.id if leaf is not None else None
    if target is not None:
        window.select_node(target)  # before the removal, so the view never selects a doomed row
    tree.remove_subtree(node.id)
    if target is None:
        window.open_conversation(conversation.id)  # the conversation is empty now
    report = DeleteReport(len(doomed))
    if on_server and response_ids:
        if client is None:
            report.server_skipped = QCoreApplication.translate("TreeActions", "not connected to a server.")
        else:
            deleting = QCoreApplication.translate(
                "TreeActions", "Deleted %1 turn(s) locally; deleting on the server…"
            )
            window.show_notice(deleting.replace("%1", str(len(doomed))))
            report.server_results = await remote.delete_responses(client, response_ids)
    log.info(
        "deleted %d node(s); server: %d asked, %d failed",
        len(doomed),
        len(report.server_results),
        len(report.server_failures),
    )
    window.show_notice(report.message())
    return report


def delete_confirmation(parent: QWidget, turns: int, stored: int, connected: bool) -> QMessageBox:
    """The question before a delete: locally, locally and on the server, or cancel."""
    box = QMessageBox(parent)
    box.setObjectName("delete_confirm_dialog")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("TreeActions", "Delete turns"))
    follow = turns - 1
    box.setText(
        QCoreApplication.translate(
            "TreeActions", "Delete this turn and the %1 turn(s) that follow from it?"
        ).replace("%1", str(follow))
        if follow
        else QCoreApplication.translate("TreeActions", "Delete this turn?")
    )
    if stored:
        detail = QCoreApplication.translate(
            "TreeActions", "%1 of them are stored on the server as responses (kept there for 30 days)."
        ).replace("%1", str(stored))
        if not connected:
            more = QCoreApplication.translate(
                "TreeActions", "Not connected to a server: they can only be deleted locally now."
            )
            detail = join_sentences([detail, more])
    else:
        detail = QCoreApplication.translate("TreeActions", "None of them is stored on the server.")
    box.setInformativeText(detail)
    local = box.addButton(
        QCoreApplication.translate("TreeActions", "Delete locally"), QMessageBox.ButtonRole.DestructiveRole
    )
    local.setObjectName("delete_local_button")
    server = box.addButton(
        QCoreApplication.translate("TreeActions", "Delete locally and on the server"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    server.setObjectName("delete_server_button")
    server.setEnabled(bool(stored) and connected)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("delete_cancel_button")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def request_delete(window: TreeActionsHost) -> QMessageBox | None:
    """Ask, then delete the selected subtree as chosen (the box is window-modal, not blocking)."""
    node = window.selected_node()
    if node is None or window.tree is None:
        window.show_notice(QCoreApplication.translate("TreeActions", "Select a turn to delete."))
        return None
    doomed = window.tree.subtree(node.id)
    stored = sum(1 for n in doomed if n.response_id)
    box = delete_confirmation(window.window(), len(doomed), stored, _client(window) is not None)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen(_result: int) -> None:
        clicked = box.clickedButton()
        name = clicked.objectName() if clicked is not None else ""
        if name in ("delete_local_button", "delete_server_button"):
            _spawn(window, "deleting", delete_selected(window, on_server=name == "delete_server_button"))

    box.finished.connect(chosen)
    box.open()
    return box


# -- compact -----------------------------------------------------------------------------------------
async def compact_selected(window: TreeActionsHost) -> Node | None:
    """Compact the branch that ends at the selected node; the result becomes a child node that new
    turns continue from. The banner shows the token counts before and after."""
    node = window.selected_node()
    tree, conversation = window.tree, window.conversation
    if node is None or tree is None or conversation is None:
        window.show_notice(
            QCoreApplication.translate("TreeActions", "Select the answer whose branch you want to compact.")
        )
        return None
    if not node.status.finished:
        window.show_notice(
            QCoreApplication.translate(
                "TreeActions", "Wait for the answer to finish (or stop it) before compacting."
            )
        )
        return None
    path = tree.path_to(node.id)
    turns = remote.turns_since_compaction(path)
    if turns == 0:
        window.show_notice(
            QCoreApplication.translate("TreeActions", "Nothing new to compact on this branch.")
        )
        return None
    client = _client(window)
    if client is None:
        window.show_notice(_not_connected())
        return None
    model = window.effective_params().model
    chained = can_chain(node, window.runner.provider if window.runner is not None else None)
    window.show_notice(
        QCoreApplication.translate("TreeActions", "Compacting %1 turn(s)…").replace("%1", str(turns))
    )
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
            history = resolve_attachments(replay_input(path, []), window.attachments.store.root)
            result = await remote.compact_branch(client, model, input_items=history)
    except remote.RemoteError as exc:
        window.show_notice(
            QCoreApplication.translate("TreeActions", "Compacting failed: %1").replace("%1", exc.user_message)
        )
        return None
    if window.tree is not tree or node.id not in tree:
        window.show_notice(
            QCoreApplication.translate(
                "TreeActions", "The branch was deleted or closed while compacting; nothing was added."
            )
        )
        return None
    compacted = remote.compaction_node(conversation.id, node, result, model, turns, chained)
    try:
        window.store.insert_node(compacted)
    except StoreError as exc:
        window.show_notice(exc.user_message)
        return None
    tree.insert(compacted)
    window.select_node(compacted.id)
    window.show_notice(compacted.notice or "")
    log.info("compacted %d turn(s): %d -> %d tokens", turns, result.tokens_before, result.tokens_after)
    return compacted


def request_compact(window: TreeActionsHost) -> asyncio.Task[Any] | None:
    return _spawn(window, "compacting", compact_selected(window))
