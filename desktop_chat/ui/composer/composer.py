"""The prompt editor: multi-line, Ctrl+Enter sends (or Enter, Shift+Enter making a new line, when the
user prefers); pasted or dropped images and files become attachments.

Pasting or dropping image data emits `image_pasted`; local files (images, PDFs, anything else: the
attachment bar judges them) emit `files_dropped`. Text is always inserted as plain text. A large text
paste goes in by chunks of whole lines between event-loop turns, so the window stays responsive.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop_chat.ui import i18n

LARGE_PASTE_CHARS = 256 * 1024  # above this, a paste is inserted in chunks
CHUNK_CHARS = 128 * 1024


def local_files(mime: QMimeData) -> list[Path]:
    """The local files the data carries (a file manager's copy or drag), else []."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return paths if paths and len(paths) == len(urls) else []


def pasted_image(mime: QMimeData) -> QImage | None:
    if not mime.hasImage():
        return None
    data = mime.imageData()
    image = data if isinstance(data, QImage) else QImage(data) if data is not None else QImage()
    return None if image.isNull() else image


def text_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """The text cut into pieces of about `size` characters, each ending at a line end where possible."""
    chunks: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            newline = text.find("\n", end)  # a long line goes in whole: re-laying it out per piece is slower
            end = len(text) if newline < 0 else newline + 1
        chunks.append(text[start:end])
        start = end
    return chunks


class Composer(QPlainTextEdit):
    send_requested = Signal()
    files_dropped = Signal(list)  # list[Path]
    image_pasted = Signal(QImage)
    paste_finished = Signal()  # a chunked (large) paste is complete

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.setAccessibleName(self.tr("Prompt"))
        self.enter_sends = False
        self.set_enter_sends(False)
        self.setTabChangesFocus(True)
        self._pending: list[str] = []
        self._paste_timer = QTimer(self)
        self._paste_timer.setSingleShot(True)
        self._paste_timer.setInterval(0)
        self._paste_timer.timeout.connect(self._insert_next_chunk)
        # the whole text after a large paste into an empty editor, until the next change: copying
        # 5 MB out of the document again took ~30 ms of the Send
        self._known: str | None = None
        self._pasted: str | None = None
        self.document().contentsChanged.connect(self._forget_known)

    def _forget_known(self) -> None:
        self._known = None

    def plain_text(self) -> str:
        """The editor's text (as toPlainText, without copying a large paste out again)."""
        return self._known if self._known is not None else self.toPlainText()

    @property
    def pasting(self) -> bool:
        """A large paste is still going in (sending now would send part of it)."""
        return bool(self._pending)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.setAccessibleName(self.tr("Prompt"))
            self.set_enter_sends(self.enter_sends)
        super().changeEvent(event)

    def set_enter_sends(self, on: bool) -> None:
        """Enter sends and Shift+Enter makes a new line (on), or Ctrl+Enter sends (off)."""
        self.enter_sends = on
        if on:
            self.setPlaceholderText(
                self.tr("Type a prompt — Enter sends, Shift+Enter makes a new line, Esc stops an answer")
            )
        else:
            self.setPlaceholderText(self.tr("Type a prompt — Ctrl+Enter sends, Esc stops an answer"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        modifiers = event.modifiers()
        plain_enter = self.enter_sends and not modifiers & Qt.KeyboardModifier.ShiftModifier
        if enter and (plain_enter or modifiers & Qt.KeyboardModifier.ControlModifier):
            if not self.pasting:
                self.send_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- paste ------------------------------------------------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(local_files(source)) or source.hasImage() or bool(super().canInsertFromMimeData(source))

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = local_files(source)
        if files:
            self.files_dropped.emit(files)
            return
        image = pasted_image(source)
        if image is not None:
            self.image_pasted.emit(image)
            return
        if source.hasText():
            self.insert_plain_text(source.text())

    def insert_plain_text(self, text: str) -> None:
        """Insert text at the cursor; a large text by chunks, between event-loop turns."""
        if self.pasting:
            self._pending.append(text)
            self._pasted = None
            return
        if len(text) <= LARGE_PASTE_CHARS:
            self.textCursor().insertText(text)
            return
        self._pending = text_chunks(text)
        # toPlainText gives it back as it is unless it holds what the document turns into other text
        as_is = self.document().isEmpty() and not any(ch in text for ch in ("\r", "\u2028", "\u2029", "\xa0"))
        self._pasted = text if as_is else None
        self.setReadOnly(True)
        self.document().setUndoRedoEnabled(False)  # thousands of insert steps: no undo history
        self._insert_next_chunk()

    def _insert_next_chunk(self) -> None:
        if not self._pending:
            return
        cursor = self.textCursor()
        cursor.insertText(self._pending.pop(0))
        self.setTextCursor(cursor)
        if self._pending:
            self._paste_timer.start()
            return
        self.document().setUndoRedoEnabled(True)
        self.setReadOnly(False)
        self.moveCursor(QTextCursor.MoveOperation.End)
        pasted, self._pasted = self._pasted, None
        if pasted is not None and self.document().characterCount() == len(pasted) + 1:
            self._known = pasted  # (the count: nothing was turned into something else)
        self.paste_finished.emit()

    # -- drop -------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()) or event.mimeData().hasImage():
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_files(event.mimeData()) or event.mimeData().hasImage():
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = local_files(mime)
        image = None if files else pasted_image(mime)
        if files or image is not None:
            event.acceptProposedAction()
            if files:
                self.files_dropped.emit(files)
            elif image is not None:
                self.image_pasted.emit(image)
            return
        super().dropEvent(event)
