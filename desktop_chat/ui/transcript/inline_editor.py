"""Editing a prompt in place: an editor inside the transcript, where the prompt box was.

The view renders the edited turn with an empty room as tall as the editor instead of its prompt box
(`TranscriptView.editing`); the editor is a child of the view's viewport laid over that room, and
follows it when the view scrolls or the document moves. Ctrl+Enter sends the edited prompt as a new
sibling, "Save without sending" keeps it as a draft sibling (sent later from its message), Esc
cancels. A refused send or save leaves the editor open with the text (the window says why).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop_chat.core.conversation.model import Node
from desktop_chat.ui.transcript.message_html import EDITOR_SCHEME
from desktop_chat.ui.transcript.transcript import TranscriptView

EDITOR_HEIGHT = 190  # the frame: text (about six lines) and a row of buttons
_SEND_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _PromptText(QPlainTextEdit):
    """The text field: Ctrl+Enter sends, Esc cancels (before the window's shortcuts see those keys)."""

    send = Signal()
    cancel = Signal()

    def _ours(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            return True
        return event.key() in _SEND_KEYS and event.modifiers() == Qt.KeyboardModifier.ControlModifier

    def event(self, event: QEvent) -> bool:
        overriding = event.type() == QEvent.Type.ShortcutOverride
        if overriding and isinstance(event, QKeyEvent) and self._ours(event):
            event.accept()  # the key comes here, not to Stop (Esc) or Send (Ctrl+Enter)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._ours(event):
            (self.cancel if event.key() == Qt.Key.Key_Escape else self.send).emit()
            return
        super().keyPressEvent(event)


class InlineEditor(QFrame):
    """The editor frame laid over the edited turn's room in the transcript."""

    sent = Signal(str, str)  # (node id, text): send the edited prompt as a new sibling
    saved = Signal(str, str)  # (node id, text): keep it as a draft sibling
    cancelled = Signal()

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("inline_editor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        # a card that stands out from the text around it, in any theme (the palette's own colours)
        self.setStyleSheet(
            "QFrame#inline_editor { border: 1px solid palette(highlight); border-radius: 6px;"
            " background: palette(alternate-base); }"
            " QPlainTextEdit { border: 1px solid palette(mid); background: palette(base); }"
        )
        self.view = view
        self.node_id: str | None = None
        self.text = _PromptText(self)
        self.text.setObjectName("inline_editor_text")
        self.text.setTabChangesFocus(True)
        self.text.send.connect(self._send)
        self.text.cancel.connect(self.cancelled.emit)
        self.cancel = QPushButton()
        self.cancel.setObjectName("inline_editor_cancel")
        self.cancel.clicked.connect(self.cancelled.emit)
        self.save = QPushButton()
        self.save.setObjectName("inline_editor_save")
        self.save.clicked.connect(self._save)
        self.send = QPushButton()
        self.send.setObjectName("inline_editor_send")
        self.send.setDefault(True)
        self.send.clicked.connect(self._send)
        self._retranslate()
        cancel, save, send = self.cancel, self.save, self.send
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        buttons.addWidget(send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.hide()

    def _retranslate(self) -> None:
        self.text.setAccessibleName(self.tr("Edit prompt"))
        self.text.setAccessibleDescription(
            self.tr("Ctrl+Enter sends it as a new version; the original stays. Esc cancels.")
        )
        self.cancel.setText(self.tr("Cancel (Esc)"))
        self.cancel.setAccessibleName(self.tr("Cancel"))
        self.save.setText(self.tr("Save without sending"))
        self.save.setAccessibleName(self.save.text())
        self.save.setToolTip(self.tr("Keep the edited prompt as a new version, to send later"))
        self.send.setText(self.tr("Send (Ctrl+Enter)"))
        self.send.setAccessibleName(self.tr("Send"))
        self.send.setToolTip(self.tr("Send it as a new version; the original stays"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _text(self) -> str:
        return self.text.toPlainText().strip()

    def _send(self) -> None:
        if self.node_id is not None and self._text():
            self.sent.emit(self.node_id, self._text())

    def _save(self) -> None:
        if self.node_id is not None and self._text():
            self.saved.emit(self.node_id, self._text())


class InlineEditing(QObject):
    """Opens and closes the inline editor on a turn of the view, and keeps it over its room."""

    def __init__(
        self,
        view: TranscriptView,
        send: Callable[[str, str], bool],
        save: Callable[[str, str], bool],
    ) -> None:
        """`send` / `save` (node id, text) run the use case and say whether it was done (False: the
        editor stays open with the text)."""
        super().__init__(view)
        self.view = view
        self.editor = InlineEditor(view)
        self._send, self._save = send, save
        self._kept: dict[str, str] = {}  # text of an editor closed by a move elsewhere, by node id
        self.editor.sent.connect(lambda node_id, text: self._finish(self._send, node_id, text))
        self.editor.saved.connect(lambda node_id, text: self._finish(self._save, node_id, text))
        self.editor.cancelled.connect(self.cancel)
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self.place)
        view.verticalScrollBar().valueChanged.connect(lambda _value: self.place())
        view.textChanged.connect(self._moved)  # (whichever document the view shows)
        view.resized.connect(self._moved)

    @property
    def node_id(self) -> str | None:
        return self.view.editing

    def open(self, node: Node) -> None:
        """Edit `node`'s prompt in place (an editor open on another turn closes, keeping its text)."""
        if self.view.editing is not None and self.view.editing != node.id:
            self.close(keep=True)
        self.view.editing = node.id
        self.view.editor_height = EDITOR_HEIGHT
        self.editor.node_id = node.id
        self.editor.text.setPlainText(self._kept.pop(node.id, node.user_text))
        self.editor.text.moveCursor(QTextCursor.MoveOperation.End)
        self.view.redraw_in_place()
        self.place()
        self.editor.show()
        self.editor.text.setFocus()
        self._scroll_into_view()

    def close(self, *, keep: bool = False) -> None:
        """Close the editor (`keep`: its text comes back when the same prompt is edited again)."""
        node_id = self.view.editing
        if node_id is None:
            return
        if keep:
            self._kept[node_id] = self.editor.text.toPlainText()
        self.view.editing = None
        self.editor.node_id = None
        self.editor.hide()
        if self.view.node(node_id) is not None:
            self.view.redraw_in_place()

    def cancel(self) -> None:
        self.close()
        self.view.setFocus()

    def path_shown(self) -> None:
        """The view shows another path: an editor whose turn left it closes (its text kept)."""
        if self.view.editing is not None and self.view.node(self.view.editing) is None:
            self.close(keep=True)
        self._moved()

    def _moved(self) -> None:
        if self.view.editing is not None:
            self._place_timer.start()

    def _finish(self, run: Callable[[str, str], bool], node_id: str, text: str) -> None:
        self.editor.setEnabled(False)  # one send at a time
        try:
            done = run(node_id, text)
        finally:
            self.editor.setEnabled(True)
        if done:
            self._kept.pop(node_id, None)
            self.close()
            self.view.setFocus()
        else:
            self.editor.text.setFocus()

    # -- keeping the editor over its room ---------------------------------------------------------
    def room(self) -> QRect | None:
        """The room's rectangle in the viewport (None: not in the document now)."""
        node_id = self.view.editing
        if node_id is None:
            return None
        document = self.view.document()
        name = f"{EDITOR_SCHEME}:{node_id}"
        start = next((position for position, node in self.view.turn_starts() if node.id == node_id), 0)
        cursor = document.find("\ufffc", start)
        while not cursor.isNull():
            if cursor.charFormat().isImageFormat() and cursor.charFormat().toImageFormat().name() == name:
                rect = document.documentLayout().blockBoundingRect(cursor.block())
                x = rect.left() - self.view.horizontalScrollBar().value()
                y = rect.top() - self.view.verticalScrollBar().value()
                return QRect(int(x), int(y), int(rect.width()), EDITOR_HEIGHT)
            cursor = document.find("\ufffc", cursor, QTextDocument.FindFlag(0))
        return None

    def place(self) -> None:
        if self.view.editing is None:
            return
        rect = self.room()
        if rect is None:
            self.editor.hide()
            return
        self.editor.setGeometry(rect)
        if not self.editor.isVisible():
            self.editor.show()

    def _scroll_into_view(self) -> None:
        rect = self.room()
        if rect is None:
            return
        viewport = self.view.viewport().rect()
        if rect.top() < 0 or rect.bottom() > viewport.bottom():
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - max(0, (viewport.height() - rect.height()) // 3))
