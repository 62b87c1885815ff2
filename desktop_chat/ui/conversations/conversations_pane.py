"""The conversations pane: "New conversation", the search over all of them, and their list.

The list is edited in place (F2 or the context menu renames, Enter saves, Esc keeps the old title); a
right click offers the actions the window gives it (rename, delete).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QVBoxLayout, QWidget

from desktop_chat.core.conversation.model import Conversation
from desktop_chat.core.conversation.store import Store
from desktop_chat.ui.conversations.conversation_list import (
    CONVERSATION_ID_ROLE,
    ConversationListModel,
    ConversationListView,
    Pager,
)
from desktop_chat.ui.conversations.search_panel import SearchPanel


class ConversationsPane(QWidget):
    new_requested = Signal()
    conversation_selected = Signal(str)  # the user picked a conversation in the list
    title_edited = Signal(str, str)  # conversation id, the title typed in the list
    search_result_activated = Signal(str, str)  # conversation id, node id ("": its selection)
    menu_requested = Signal(str)  # a right click on this conversation (before its menu shows)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversations_pane")
        new_button = QPushButton(self.tr("New conversation"))
        new_button.setObjectName("new_conversation_button")
        new_button.clicked.connect(self.new_requested)
        self.search_panel = SearchPanel(store, self)
        self.search_panel.result_activated.connect(self.search_result_activated)
        self.conversation_model = ConversationListModel(self)
        self.conversation_model.title_edited.connect(self.title_edited)
        self.conversation_list = ConversationListView(self)
        self.conversation_list.setModel(self.conversation_model)
        self.conversation_list.conversation_selected.connect(self.conversation_selected)
        self.conversation_list.customContextMenuRequested.connect(self._menu)
        self.menu_actions: list[QAction] = []  # what a right click on a conversation offers
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(new_button)
        layout.addWidget(self.search_panel)  # it keeps only the room its results need
        layout.addWidget(self.conversation_list, 1)

    # -- the list ---------------------------------------------------------------------------------
    def set_conversations(self, conversations: list[Conversation]) -> None:
        self.conversation_model.set_conversations(conversations)

    def reload(self, conversations: list[Conversation]) -> None:
        """The stored conversations changed as a whole (an import): list them and search them anew."""
        self.set_conversations(conversations)
        self.search_panel.refresh()

    def list_pages(self, pager: Pager) -> Conversation | None:
        """List the conversations `pager(limit, offset)` gives, a page at a time (the first page now,
        more as the list scrolls); returns the newest one."""
        self.conversation_model.set_pager(pager)
        return self.conversation_model.conversation_at(0)

    def reload_pages(self, pager: Pager) -> None:
        """The stored conversations changed as a whole (an import): list them anew, search anew."""
        self.list_pages(pager)
        self.search_panel.refresh()

    def add_conversation(self, conversation: Conversation) -> None:
        self.conversation_model.add_conversation(conversation)

    def update_conversation(self, conversation: Conversation) -> None:
        self.conversation_model.update_conversation(conversation)

    def remove_conversation(self, conversation_id: str) -> None:
        self.conversation_model.remove_conversation(conversation_id)

    def show_open(self, conversation_id: str | None) -> None:
        """Mark the open conversation in the list (None: a new one, nothing marked)."""
        if conversation_id is None:
            self.conversation_list.clearSelection()
            return
        row = self.conversation_model.row_of(conversation_id)
        if row >= 0:
            self.conversation_list.setCurrentIndex(self.conversation_model.index(row, 0))

    def rename(self, conversation_id: str) -> None:
        """Edit a conversation's title in place."""
        self.conversation_list.select_conversation(conversation_id)
        self.conversation_list.rename_current()

    def focus_search(self) -> None:
        self.search_panel.focus_input()

    def _menu(self, position: QPoint) -> None:
        index = self.conversation_list.indexAt(position)
        if not index.isValid():
            return
        self.menu_requested.emit(index.data(CONVERSATION_ID_ROLE))
        menu = QMenu(self)
        menu.addActions(self.menu_actions)
        menu.exec(self.conversation_list.viewport().mapToGlobal(position))
