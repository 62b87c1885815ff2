"""The tree pane: every branch of the current conversation, one row per turn.

Signals, and who causes them:
- `node_selected(node_id)` — only the USER picked a node: a click, the arrow keys in the view, or
  one of `move_to_parent` / `move_to_first_child` / `move_to_sibling` (the window binds these to
  Alt+Up/Down/Left/Right). The window answers it by showing that node's path.
- `select_node(node_id)` is the PROGRAMMATIC way (the window showing a node it chose, e.g. a new
  turn); it selects, expands and scrolls but emits nothing, so there is no feedback loop.

Deep trees (a path of 1,000 turns is 1,000 levels of nesting) stay cheap: selecting a node opens only
the ancestors not known to be open already, and a deep row's branch lines are drawn only for the
levels on screen (Qt's own drawing asks the model about every ancestor of every painted row).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QTreeView, QWidget

from desktop_chat.core.tree import ConversationTree
from desktop_chat.ui.tree_model import NODE_ID_ROLE

EXPAND_ALL_LIMIT = 2000
DEEP_ROW_LEVELS = 32  # rows nested deeper than this draw their branch lines themselves (on-screen levels)


class ConversationTreeView(QTreeView):
    node_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversation_tree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setExpandsOnDoubleClick(False)
        # Each reply sits under its parent, so a long conversation is deep: a narrow indent, and a
        # column as wide as its labels (scrolled to the selected turn) so no label is cut to nothing.
        self.setIndentation(12)
        self.header().setStretchLastSection(False)
        self.setAccessibleName("Conversation tree")
        self._programmatic = False
        # nodes whose ancestors are known to be expanded (forgotten on any collapse, reset or removal)
        self._open: set[str] = set()
        self._paths: dict[str, list[str]] = {}  # node id -> ancestor ids, root first (one paint's cache)
        self.collapsed.connect(self._forget_open)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.modelReset.disconnect(self._expand_after_reset)
            old.rowsInserted.disconnect(self._rows_inserted)
            old.rowsRemoved.disconnect(self._forget_open)
        super().setModel(model)
        self._forget_open()
        if model is not None:
            model.modelReset.connect(self._expand_after_reset)
            model.rowsInserted.connect(self._rows_inserted)
            model.rowsRemoved.connect(self._forget_open)
            self._expand_after_reset()

    def _expand_after_reset(self) -> None:
        """Show every branch of ordinary trees; a huge one opens only along the selected path
        (expanding 10,000 rows costs a noticeable fraction of a second)."""
        self._forget_open()
        tree = self._tree()
        if tree is None or len(tree) <= EXPAND_ALL_LIMIT:
            self.expandAll()

    def _forget_open(self, *_args: object) -> None:
        self._open.clear()

    def collapseAll(self) -> None:
        self._forget_open()  # Qt's collapseAll emits no collapsed signal
        super().collapseAll()

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            self.expand(parent)  # a new answer is visible at once

    # -- selection ------------------------------------------------------------------------------
    def current_node_id(self) -> str | None:
        """The selected node (Qt's bare current index, set on focus without a selection, is ignored)."""
        index = self._selected_index()
        return index.data(NODE_ID_ROLE) if index.isValid() else None

    def _selected_index(self) -> QModelIndex:
        selection = self.selectionModel()
        indexes = selection.selectedIndexes() if selection is not None else []
        return indexes[0] if indexes else QModelIndex()

    def select_node(self, node_id: str | None) -> bool:
        """Select, reveal and scroll to a node without emitting node_selected. False if unknown."""
        index = self._index_for(node_id)
        if not index.isValid():
            return False
        self._select(index)
        return True

    def selectionChanged(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        super().selectionChanged(selected, deselected)
        if self._programmatic:
            return
        indexes = selected.indexes()
        if indexes:
            node_id = indexes[0].data(NODE_ID_ROLE)
            if node_id:
                self.node_selected.emit(node_id)

    # -- keyboard moves from the selected node (each selects and emits node_selected) -----------
    def move_to_parent(self) -> bool:
        current = self._selected_index()
        return current.isValid() and self._move(current.parent())

    def move_to_first_child(self) -> bool:
        model = self.model()
        return model is not None and self._move(model.index(0, 0, self._selected_index()))

    def move_to_sibling(self, step: int) -> bool:
        current = self._selected_index()
        return current.isValid() and self._move(current.siblingAtRow(current.row() + step))

    def _move(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        self._select(index)
        node_id = index.data(NODE_ID_ROLE)
        if node_id:
            self.node_selected.emit(node_id)
        return True

    # -- helpers ------------------------------------------------------------------------------
    def _tree(self) -> ConversationTree | None:
        tree = getattr(self.model(), "tree", lambda: None)()
        return tree if isinstance(tree, ConversationTree) else None

    def _index_for(self, node_id: str | None) -> QModelIndex:
        model = self.model()
        index_for = getattr(model, "index_for", None)
        return index_for(node_id) if index_for is not None else QModelIndex()

    def _select(self, index: QModelIndex | QPersistentModelIndex) -> None:
        depth = self._expand_ancestors(index)
        self._programmatic = True
        auto_scroll = self.hasAutoScroll()
        self.setAutoScroll(False)  # setCurrentIndex would scroll too (walking the ancestors): once below
        try:
            self.setCurrentIndex(index)
        finally:
            self.setAutoScroll(auto_scroll)
            self._programmatic = False
        # a deep turn's label starts far right: widen the column to hold it (never narrower: O(1), not
        # a measure of every row), then bring the label's start into view once the layout is done
        label = str(index.data() or "")
        needed = (depth + 2) * self.indentation() + self.fontMetrics().horizontalAdvance(label) + 24
        if needed > self.columnWidth(0):  # a width change lays the rows out again: only when it grows
            self.setColumnWidth(0, max(needed, self.viewport().width()))
        # the ancestors are open: keep scrollTo from walking them (asking the model about each) again
        expandable = self.itemsExpandable()
        self.setItemsExpandable(False)
        try:
            self.scrollTo(index)
        finally:
            self.setItemsExpandable(expandable)
        QTimer.singleShot(
            0, lambda: self.horizontalScrollBar().setValue(max(0, (depth - 1) * self.indentation()))
        )

    def _expand_ancestors(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """Expand every ancestor of a node (those of nodes selected before are known to be open);
        returns the node's depth."""
        tree = self._tree()
        node_id = index.data(NODE_ID_ROLE)
        if tree is None or node_id not in tree:
            depth, parent = 0, index.parent()
            while parent.isValid():
                self.expand(parent)
                depth, parent = depth + 1, parent.parent()
            return depth
        ancestors = tree.ancestor_ids(node_id)
        for ancestor in ancestors:  # innermost first: Qt lays the chain out once, when its top opens
            if ancestor in self._open:
                break  # its ancestors were opened with it
            ancestor_index = self._index_for(ancestor)
            if not self.isExpanded(ancestor_index):
                self.expand(ancestor_index)
        self._open.update(ancestors)
        return len(ancestors)

    # -- painting deep rows ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self._paths.clear()  # the rows painted together share their ancestors
        super().paintEvent(event)

    def drawBranches(
        self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        indent = self.indentation()
        tree = self._tree() if indent > 0 and rect.width() > indent * DEEP_ROW_LEVELS else None
        node_id = index.data(NODE_ID_ROLE) if tree is not None else None
        if tree is None or not isinstance(node_id, str) or node_id not in tree or self.alternatingRowColors():
            super().drawBranches(painter, rect, index)
            return
        self._draw_deep_branches(painter, rect, index, tree, node_id)

    def _ancestor_path(self, tree: ConversationTree, node_id: str) -> list[str]:
        """The node's ancestors' ids, root first (cached for the paint)."""
        path = self._paths.get(node_id)
        if path is None:
            parent = tree.parent_of(node_id)
            if parent is None:
                path = []
            elif parent in self._paths:
                path = [*self._paths[parent], parent]
            else:
                path = [*reversed(tree.ancestor_ids(parent)), parent]
            self._paths[node_id] = path
        return path

    def _draw_deep_branches(
        self,
        painter: QPainter,
        rect: QRect,
        index: QModelIndex | QPersistentModelIndex,
        tree: ConversationTree,
        node_id: str,
    ) -> None:
        """What QTreeView.drawBranches draws, for the levels on screen only.

        Square k (0 = the row's own, with its expand arrow) sits k indents outside the innermost one;
        an ancestor's square shows a line going on down when that ancestor has a later sibling.
        """
        indent = self.indentation()
        squares = rect.width() // indent  # the row's level, plus one when the roots are decorated
        reverse = self.isRightToLeft()
        visible = rect.intersected(self.viewport().rect())
        if visible.isEmpty():
            return
        innermost = rect.left() if reverse else rect.right() + 1 - indent
        # the squares that meet the visible part (a little wide, then checked one by one)
        if reverse:
            first = max(0, (visible.left() - innermost) // indent - 1)
            last = min(squares - 1, (visible.right() - innermost) // indent + 1)
        else:
            first = max(0, (innermost - visible.right()) // indent - 1)
            last = min(squares - 1, (innermost - visible.left()) // indent + 1)
        if first > last:
            return
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        extra = QStyle.StateFlag.State_None
        if self.isEnabled():
            extra |= QStyle.StateFlag.State_Enabled
        if self.hasFocus():
            extra |= QStyle.StateFlag.State_HasFocus
        if self.window().isActiveWindow():
            extra |= QStyle.StateFlag.State_Active
        selection = self.selectionModel()
        if selection is not None and selection.isSelected(index):
            extra |= QStyle.StateFlag.State_Selected
        ancestors = self._ancestor_path(tree, node_id)  # ancestors[-k] is the one whose square is k
        style = self.style()
        origin = painter.brushOrigin()
        if self.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel:
            painter.setBrushOrigin(QPoint(0, self.verticalOffset()))
        for k in range(first, last + 1):
            left = innermost + k * indent if reverse else innermost - k * indent
            square = QRect(left, rect.top(), indent, rect.height())
            if not square.intersects(visible):
                continue
            state = extra
            if k == 0:
                state |= QStyle.StateFlag.State_Item
                if tree.child_count(node_id):
                    state |= QStyle.StateFlag.State_Children
                if self.isExpanded(index):
                    state |= QStyle.StateFlag.State_Open
            if not tree.is_last_child(node_id if k == 0 else ancestors[-k]):
                state |= QStyle.StateFlag.State_Sibling
            option.rect = square
            option.state = state
            style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, option, painter, self)
        painter.setBrushOrigin(origin)
