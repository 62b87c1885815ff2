"""The conversations pane: "New conversation", the search over all of them, and their list.

The list follows the session (conversations added, renamed, removed, the open one marked); picking
one opens it. Titles are edited in place (F2 or the context menu renames, Enter saves, Esc keeps the
old title); a right click offers the actions the window gives it (rename, delete).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop_chat.core.conversation.model import Conversation
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui import i18n
from desktop_chat.ui.conversations.conversation_list import (
    CONVERSATION_ID_ROLE,
    ConversationListModel,
    ConversationListView,
    Pager,
)
from desktop_chat.ui.conversations.search_panel import SearchPanel
from desktop_chat.ui.status.status_bar import NoticeBanner


class ConversationsPane(QWidget):
    new_requested = Signal()

    def __init__(self, session: ChatSession, banner: NoticeBanner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversations_pane")
        self.session = session
        self.banner = banner
        self.new_button = new_button = QPushButton()
        new_button.setObjectName("new_conversation_button")
        new_button.clicked.connect(self.new_requested)
        self.search_panel = SearchPanel(session.store, self)
        self.search_panel.result_activated.connect(self.open_search_result)
        self.conversation_model = ConversationListModel(self)
        self.conversation_model.title_edited.connect(
            lambda conversation_id, title: banner.attempt(
                lambda: session.rename_conversation(conversation_id, title)
            )
        )
        self.conversation_list = ConversationListView(self)
        self.conversation_list.setModel(self.conversation_model)
        self.conversation_list.conversation_selected.connect(session.open_conversation)
        self.conversation_list.customContextMenuRequested.connect(self._menu)
        self.menu_actions: list[QAction] = []  # what a right click on a conversation offers
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(new_button)
        layout.addWidget(self.search_panel)  # it keeps only the room its results need
        layout.addWidget(self.conversation_list, 1)
        self.retranslate()
        events = session.events
        events.conversations_reloaded.connect(lambda _event: self.reload_pages(session.conversations))
        events.conversation_added.connect(lambda event: self.add_conversation(event.conversation))
        events.conversation_removed.connect(lambda event: self.remove_conversation(event.conversation_id))
        events.conversation_updated.connect(lambda event: self.update_conversation(event.conversation))
        events.tree_replaced.connect(
            lambda event: self.show_open(event.conversation.id if event.conversation is not None else None)
        )

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New conversation"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

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

    def rename_open(self) -> None:
        """Edit the open conversation's title in place (Enter saves, Esc keeps the old one)."""
        conversation = self.session.conversation
        if conversation is None:
            self.banner.show_notice(self.tr("Open a conversation to rename it."))
            return
        self.conversation_list.select_conversation(conversation.id)
        self.conversation_list.rename_current()

    def delete_open(self) -> bool:
        """Delete the open conversation from this computer, after confirmation; True when deleted."""
        conversation = self.session.conversation
        if conversation is None or not self.banner.attempt(
            lambda: self.session.check_deletable(conversation.id)
        ):
            return False
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete conversation"),
            self.tr(
                "Delete “%1” and all its branches from this computer? This cannot be undone.\n\n"
                "Responses stored on the server are not deleted."
            ).replace("%1", conversation.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window(),
        )
        box.setObjectName("delete_conversation_dialog")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        return self.banner.attempt(lambda: self.session.delete_conversation(conversation.id))

    def open_search_result(self, conversation_id: str, node_id: str) -> None:
        self.session.open_conversation(conversation_id)
        if node_id:
            self.session.select_node(node_id)

    def focus_search(self) -> None:
        self.search_panel.focus_input()

    def _menu(self, position: QPoint) -> None:
        index = self.conversation_list.indexAt(position)
        if not index.isValid():
            return
        conversation_id = index.data(CONVERSATION_ID_ROLE)
        open_now = self.session.conversation
        if open_now is None or open_now.id != conversation_id:  # the menu acts on the open one
            self.session.open_conversation(conversation_id)
        menu = QMenu(self)
        menu.addActions(self.menu_actions)
        menu.exec(self.conversation_list.viewport().mapToGlobal(position))
