"""What the transcript does with a link that is followed (a click, or Enter on a link reached with Tab), and
with copying: the base class of `TranscriptView`.

Internal links never leave the app (see `message_html.INTERNAL_SCHEMES`): they toggle a reasoning
section, copy an answer, a code block or a prompt, show earlier turns or a long prompt whole, open the
per-token view, or run a message control (`action:<name>/<node id>`; copies are done here, the rest goes
out through `message_action`). Other links open only on click and only for http/https, through
`link_opener`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QUrl, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDesktopServices,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from desktop_chat.core.content.markdown import SAFE_LINK_SCHEMES
from desktop_chat.core.conversation.model import Node
from desktop_chat.ui.transcript.image_html import SAVE_SCHEME, USE_SCHEME
from desktop_chat.ui.transcript.long_prompt import SHOW_ALL_SCHEME, LongTextDialog
from desktop_chat.ui.transcript.math_view import formula_at, selection_text
from desktop_chat.ui.transcript.message_controls import ACTION_SCHEME, parse_action, plain_text
from desktop_chat.ui.transcript.message_html import INTERNAL_SCHEMES, _tr, is_json_answer, json_answer
from desktop_chat.ui.transcript.tool_calls_html import DECIDE_SCHEME, RESULT_SCHEME, parse_decision

log = logging.getLogger("desktop_chat.transcript")


class LinkRoutingView(QTextBrowser):
    copied = Signal(str)  # text put on the clipboard by a "Copy" link
    logprobs_requested = Signal(object)  # Node: the user asked for its per-token view
    message_action = Signal(str, str)  # (action, node id): a message's control other than a copy
    # what the overlays (the message actions' bar, the inline editor) follow; signals rather than event
    # filters, which would see the view's own destruction
    pointer_moved = Signal(QPoint)  # the mouse moved over the text (viewport coordinates)
    pointer_left = Signal()
    resized = Signal()
    tool_decided = Signal(str, str)  # (call id, once/always/deny): the user's say on a local tool call
    image_action = Signal(str, str)  # ("use" | "save", sha256): a generated image's link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.link_opener: Callable[[QUrl], object] = QDesktopServices.openUrl
        # adds a message's actions to the right-click menu at a point of the viewport (see message_actions)
        self.menu_extender: Callable[[QMenu, QContextMenuEvent], None] | None = None
        self.key_hook: Callable[[QKeyEvent], bool] | None = None  # True: the key was used
        self.anchorClicked.connect(self._open_link)

    # -- what the view shows (the subclass has them) -----------------------------------------------
    def shown_nodes(self) -> list[Node]:
        raise NotImplementedError

    def streaming_node(self) -> Node | None:
        """The live node of the answer streaming at the bottom (it may be newer than the shown copy)."""
        raise NotImplementedError

    def show_earlier(self) -> None:
        raise NotImplementedError

    def toggle_reasoning(self, node: Node) -> None:
        raise NotImplementedError

    def toggle_result(self, call_id: str) -> None:
        raise NotImplementedError

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.shown_nodes() if n.id == node_id), None)

    # -- what the overlays follow --------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.pointer_moved.emit(event.position().toPoint())

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.pointer_left.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_hook is not None and self.key_hook(event):
            return
        super().keyPressEvent(event)

    # -- copying ----------------------------------------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:
        """A selection with formulas copies their LaTeX as its text."""
        mime = super().createMimeDataFromSelection()
        text = selection_text(self.textCursor())
        if text is None:
            return mime
        # Qt's own mime data makes its text from the selection when asked: copy it into a plain one
        copied = QMimeData()
        for kind in mime.formats():
            copied.setData(kind, mime.data(kind))
        copied.setText(text)
        return copied

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        formula = formula_at(self, event.pos())
        if formula is not None:
            action = menu.addAction(_tr("Copy LaTeX"))
            action.triggered.connect(lambda: self.copy_text(formula))
        if self.menu_extender is not None:
            self.menu_extender(menu, event)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def copy_text(self, text: str) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(text)
        self.copied.emit(text)

    # -- links ------------------------------------------------------------------------------------
    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in INTERNAL_SCHEMES:
            self._internal_link(url.scheme(), url.path())
            return
        if url.isValid() and url.scheme().lower() in SAFE_LINK_SCHEMES:
            self.link_opener(url)
        else:
            log.info("not opening a link with scheme %r", url.scheme())

    def _internal_link(self, scheme: str, path: str) -> None:
        if scheme == "earlier":
            self.show_earlier()
            return
        if scheme == SHOW_ALL_SCHEME:  # a long prompt, whole, in a viewer of its own
            shown = self.node(path)
            if shown is not None:
                LongTextDialog(shown.user_text, self).open()
            return
        if scheme == "copy-code":  # the path is a code block's key: look in the shown answers, newest first
            from desktop_chat.core.content.output_items import find_code

            streaming = self.streaming_node()
            newest = [streaming] if streaming is not None else []  # may be a newer copy than the shown
            code = next(
                (
                    found
                    for shown in [*newest, *reversed(self.shown_nodes())]
                    if (found := find_code(shown, path)) is not None
                ),
                None,
            )
            if code is not None:
                self.copy_text(code)
            return
        if scheme == ACTION_SCHEME:
            self.run_action(*parse_action(path))
            return
        if scheme == DECIDE_SCHEME:
            decision, call_id = parse_decision(path)
            self.tool_decided.emit(call_id, decision)
            return
        if scheme == RESULT_SCHEME:
            self.toggle_result(path)
            return
        if scheme in (USE_SCHEME, SAVE_SCHEME):
            self.image_action.emit("use" if scheme == USE_SCHEME else "save", path)
            return
        node = self.node(path)
        if node is None:
            return
        if scheme == "reasoning":
            self.toggle_reasoning(node)
        elif scheme == "copy":
            self.copy_text(json_answer(node)[0] if is_json_answer(node) else node.output_text)
        elif scheme == "logprobs":
            self.logprobs_requested.emit(node)

    def run_action(self, action: str, node_id: str) -> None:
        """A message control: copies are done here, the rest goes out through `message_action`."""
        node = self.node(node_id)
        if node is None:
            return
        if action == "copy-prompt":
            self.copy_text(node.user_text)
        elif action == "copy-markdown":
            self.copy_text(node.output_text)
        elif action == "copy-text":
            self.copy_text(plain_text(node.output_text))
        else:
            self.message_action.emit(action, node_id)
