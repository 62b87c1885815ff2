"""The list of conversations (newest first) and its view.

`ConversationListView.conversation_selected(id)` is emitted only when the USER selects a row (click
or keyboard). Calling `setCurrentIndex` / `select_conversation` from code emits nothing, so the
window can mark the open conversation without reopening it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desktop_chat.core.conversation.model import Conversation
from desktop_chat.ui import i18n

CONVERSATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex
Pager = Callable[[int, int], list[Conversation]]  # (limit, offset) -> conversations, newest first
PAGE_SIZE = 200  # rows listed at start; more as the list scrolls


class ConversationListModel(QAbstractListModel):
    """Conversations, newest first. Titles are editable in place (F2); `title_edited(id, title)` then
    tells the owner to save the new title."""

    title_edited = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._conversations: list[Conversation] = []
        self._pager: Pager | None = None
        self._page_size = PAGE_SIZE
        self._fetched = 0  # rows read from the pager so far
        self._more = False

    def set_conversations(self, conversations: list[Conversation]) -> None:
        self.beginResetModel()
        self._conversations = list(conversations)
        self._pager, self._more = None, False
        self.endResetModel()

    def set_pager(self, pager: Pager, page_size: int = PAGE_SIZE) -> None:
        """List what `pager(limit, offset)` returns, a page at a time: the first page now, the next
        ones when the view scrolls near the end (fetchMore), so a long history lists at once."""
        self.beginResetModel()
        self._pager, self._page_size = pager, page_size
        self._conversations, self._fetched, self._more = [], 0, True
        self._conversations = self._next_page()
        self.endResetModel()

    def _next_page(self) -> list[Conversation]:
        """The next page's conversations that are not listed yet (one may have moved to the top)."""
        assert self._pager is not None
        page = self._pager(self._page_size, self._fetched)
        self._fetched += len(page)
        self._more = len(page) == self._page_size
        listed = {c.id for c in self._conversations}
        return [c for c in page if c.id not in listed]

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and self._pager is not None

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        fresh = self._next_page()
        if fresh:
            first = len(self._conversations)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._conversations.extend(fresh)
            self.endInsertRows()

    def conversations(self) -> list[Conversation]:
        return list(self._conversations)

    def conversation_at(self, row: int) -> Conversation | None:
        return self._conversations[row] if 0 <= row < len(self._conversations) else None

    def row_of(self, conversation_id: str) -> int:
        """The row of a conversation, or -1."""
        for row, conversation in enumerate(self._conversations):
            if conversation.id == conversation_id:
                return row
        return -1

    def add_conversation(self, conversation: Conversation) -> None:
        """Insert at the top (the newest conversation)."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._conversations.insert(0, conversation)
        self.endInsertRows()

    def update_conversation(self, conversation: Conversation) -> None:
        """Replace the stored copy (e.g. a new title); adds it at the top if it is not listed."""
        row = self.row_of(conversation.id)
        if row < 0:
            self.add_conversation(conversation)
            return
        self._conversations[row] = conversation
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    def remove_conversation(self, conversation_id: str) -> None:
        row = self.row_of(conversation_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._conversations[row]
            self.endRemoveRows()

    # -- QAbstractListModel ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._conversations)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != 0:
            return None
        conversation = self.conversation_at(index.row())
        if conversation is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return conversation.title
        if role == Qt.ItemDataRole.EditRole:
            return conversation.title
        if role == CONVERSATION_ID_ROLE:
            return conversation.id
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() else flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A title typed in place: blank or unchanged titles are refused (the old one stays)."""
        conversation = self.conversation_at(index.row()) if index.isValid() else None
        if conversation is None or role != Qt.ItemDataRole.EditRole:
            return False
        title = " ".join(str(value or "").split())[:200]
        if not title or title == conversation.title:
            return False
        conversation.title = title
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])
        self.title_edited.emit(conversation.id, title)
        return True


class ConversationListView(QListView):
    conversation_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversation_list")
        self.retranslate()
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # F2 (or Rename… in the menus) edits a title in place; a click only opens the conversation
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._programmatic = False

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Conversations"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def setCurrentIndex(self, index: AnyIndex) -> None:
        """Select a row from code: no conversation_selected (user actions go through Qt directly)."""
        self._programmatic = True
        try:
            super().setCurrentIndex(index)
        finally:
            self._programmatic = False

    def select_conversation(self, conversation_id: str | None) -> None:
        """Mark a conversation as the open one (None: clear), without emitting anything."""
        model = self.model()
        row = (
            model.row_of(conversation_id)
            if conversation_id and isinstance(model, ConversationListModel)
            else -1
        )
        if row < 0:
            self.clearSelection()
            return
        self.setCurrentIndex(model.index(row, 0))

    def rename_current(self) -> bool:
        """Start editing the open conversation's title in place (False when none is selected)."""
        index = self.currentIndex()
        if not index.isValid():
            return False
        self.scrollTo(index)
        self.edit(index)
        return True

    def current_conversation_id(self) -> str | None:
        index = self.currentIndex()
        return index.data(CONVERSATION_ID_ROLE) if index.isValid() else None

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        super().selectionChanged(selected, deselected)
        if self._programmatic:
            return
        indexes = selected.indexes()
        if indexes:
            conversation_id = indexes[0].data(CONVERSATION_ID_ROLE)
            if conversation_id:
                self.conversation_selected.emit(conversation_id)
