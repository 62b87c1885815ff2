"""Actions on the tree that talk to the server's stored responses: open by id, delete, compact.

The work is the session's (`ChatSession.open_response`, `delete_subtree`, `compact`); here are the
dialogs around it and the messages after it. The async functions (`open_by_id`, `delete_selected`,
`compact_selected`) run a use case for a window (a `TreeActionsHost`) and report through its banner;
the `request_*` functions are what menu actions call: they show a dialog with `open()` (never a
nested `exec()` inside the asyncio loop) and start the work as an owned task.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, Protocol

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
from desktop_chat.core.conversation.model import Conversation, Node
from desktop_chat.core.session.errors import SessionError
from desktop_chat.core.session.remote_actions import DeleteReport
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui import theme
from desktop_chat.ui.i18n import core_text, join_sentences


class TreeActionsHost(Protocol):
    """What the tree actions need of the window they act on (the main window is one)."""

    @property
    def session(self) -> ChatSession: ...
    def show_notice(self, text: str) -> None: ...
    def window(self) -> QWidget: ...  # what dialogs are shown over


log = logging.getLogger("desktop_chat")

_tasks: set[asyncio.Task[Any]] = set()  # strong references to the actions running now
_busy: dict[int, set[str]] = {}  # id(window) -> the actions running on it


def _action_label(name: str) -> str:
    """What an action is called in messages ("compacting", ...), in the UI's language."""
    labels = {
        "opening a response": QCoreApplication.translate("TreeActions", "opening a response"),
        "deleting": QCoreApplication.translate("TreeActions", "deleting"),
        "compacting": QCoreApplication.translate("TreeActions", "compacting"),
    }
    return labels.get(name, name)


def _connected(window: TreeActionsHost) -> bool:
    backend = window.session.backend
    return backend is not None and backend.client is not None


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
    try:
        return await window.session.open_response(response_id)
    except SessionError as exc:
        raise remote.RemoteError(core_text(exc.user_message)) from exc


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
def delete_message(report: DeleteReport) -> str:
    """What a delete did, in one line for the banner."""
    count = report.deleted_locally
    turns = (
        QCoreApplication.translate("TreeActions", "1 turn")
        if count == 1
        else QCoreApplication.translate("TreeActions", "%1 turns").replace("%1", str(count))
    )
    if report.server_skipped:
        text = QCoreApplication.translate(
            "TreeActions", "Deleted %1 locally. The server's copies were not deleted: %2"
        )
        return text.replace("%1", turns).replace("%2", core_text(report.server_skipped))
    if not report.server_results:
        return QCoreApplication.translate("TreeActions", "Deleted %1 locally.").replace("%1", turns)
    failures = report.server_failures
    total = len(report.server_results)
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
    if window.session.selected_node() is None:
        window.show_notice(QCoreApplication.translate("TreeActions", "Select a turn to delete."))
        return None
    try:
        report = await window.session.delete_subtree(on_server=on_server)
    except SessionError as exc:
        window.show_notice(core_text(exc.user_message))  # nothing was deleted: the tree stays as it is
        return None
    window.show_notice(delete_message(report))
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
    node = window.session.selected_node()
    tree = window.session.tree
    if node is None or tree is None:
        window.show_notice(QCoreApplication.translate("TreeActions", "Select a turn to delete."))
        return None
    doomed = tree.subtree(node.id)
    stored = sum(1 for n in doomed if n.response_id)
    box = delete_confirmation(window.window(), len(doomed), stored, _connected(window))
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
    if window.session.selected_node() is None:
        window.show_notice(
            QCoreApplication.translate("TreeActions", "Select the answer whose branch you want to compact.")
        )
        return None
    try:
        compacted = await window.session.compact()
    except SessionError as exc:
        window.show_notice(core_text(exc.user_message))
        return None
    window.show_notice(compacted.notice or "")
    return compacted


def request_compact(window: TreeActionsHost) -> asyncio.Task[Any] | None:
    return _spawn(window, "compacting", compact_selected(window))
