"""The tree pane: the open conversation's tree as an outline and as a graph, in two tabs.

Both views show the session's open tree and its selected node; a node the user picks becomes the
session's selection (the reply target). The graph builds a card per node, so it is
built only while its tab is shown (a hidden graph is rebuilt when its tab is opened again).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui import i18n
from desktop_chat.ui.tree.graph_view import ConversationGraphView
from desktop_chat.ui.tree.tree_model import ConversationTreeModel
from desktop_chat.ui.tree.tree_view import ConversationTreeView

OUTLINE_TAB, GRAPH_TAB = 0, 1


class TreePane(QWidget):
    graph_toggled = Signal(bool)  # the graph's tab was shown (True) or the outline's (False)

    def __init__(self, session: ChatSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tree_pane")
        self.session = session
        self.tree_model = ConversationTreeModel(self)
        self.tree_view = ConversationTreeView(self)
        self.tree_view.setModel(self.tree_model)
        self.tree_view.node_selected.connect(self._picked)
        self.graph_view = ConversationGraphView(self)
        self.graph_view.node_selected.connect(self._picked)
        self.tree_tabs = QTabWidget()
        self.tree_tabs.setObjectName("tree_tabs")
        self.tree_tabs.addTab(self.tree_view, "")
        self.tree_tabs.addTab(self.graph_view, "")
        self.tree_tabs.currentChanged.connect(self._tab_changed)
        self.label = label = QLabel()
        label.setObjectName("tree_pane_label")
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.tree_tabs)
        self._tree: ConversationTree | None = None
        self._selected: str | None = None
        self._graph_stale = True  # the graph's cards are built when its tab is first shown
        self.retranslate()
        session.events.tree_replaced.connect(lambda event: self.set_tree(event.tree))
        session.events.selection_changed.connect(lambda event: self.select_node(event.node_id))

    def retranslate(self) -> None:
        """Tabs and label in the UI's language; the graph's cards are made again (their status words)."""
        self.tree_tabs.setTabText(OUTLINE_TAB, self.tr("Outline"))
        self.tree_tabs.setTabText(GRAPH_TAB, self.tr("Graph"))
        self.label.setText(self.tr("Conversation tree — select any answer to continue from it"))
        self.tree_view.setAccessibleName(
            QCoreApplication.translate("ConversationTreeView", "Conversation tree")
        )
        self.graph_view.setAccessibleName(
            QCoreApplication.translate("ConversationGraphView", "Conversation graph")
        )
        if not self._graph_stale:
            self.graph_view.set_tree(self._tree)
            if self._selected is not None:
                self.graph_view.select_node(self._selected)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_tree(self, tree: ConversationTree | None) -> None:
        """Show a conversation's tree (None: no conversation) in the outline and the graph."""
        self._tree = tree
        self._selected = None
        self.tree_model.set_tree(tree)
        self._graph_stale = not self.graph_shown()
        self.graph_view.set_tree(None if self._graph_stale else tree)

    def select_node(self, node_id: str | None) -> None:
        """Show `node_id` as the selected node in both views (no node_selected: it is not the user's)."""
        self._selected = node_id
        if node_id is not None:
            self.tree_view.select_node(node_id)
            if not self._graph_stale:
                self.graph_view.select_node(node_id)

    def graph_shown(self) -> bool:
        return self.tree_tabs.currentIndex() == GRAPH_TAB

    def toggle_graph(self) -> None:
        self.tree_tabs.setCurrentIndex(OUTLINE_TAB if self.graph_shown() else GRAPH_TAB)

    def zoom_graph(self, step: int) -> None:
        """Show the graph and zoom it in (1), out (-1) or to the whole tree (0)."""
        self.tree_tabs.setCurrentIndex(GRAPH_TAB)
        view = self.graph_view
        if step > 0:
            view.zoom_in()
        elif step < 0:
            view.zoom_out()
        else:
            view.fit_to_view()

    def add_node_actions(self, actions: list[QAction], delete: QAction) -> None:
        """The node actions on a right click in the outline; Delete works in the tree views only (never
        while typing in the composer)."""
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.tree_view.addAction(delete)
        self.graph_view.addAction(delete)
        self.tree_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree_view.addActions([*actions, delete])

    def _picked(self, node_id: str) -> None:
        self.session.select_node(node_id)

    def _tab_changed(self, index: int) -> None:
        graph = index == GRAPH_TAB
        self.graph_toggled.emit(graph)
        if graph:
            if self._graph_stale:
                self._graph_stale = False
                self.graph_view.set_tree(self._tree)
                if self._selected is not None:
                    self.graph_view.select_node(self._selected)
            self.graph_view.setFocus()
