"""The outline pane: every branch of the current conversation, one row per turn.

The rows follow `ConversationTreeModel`'s outline: a linear stretch of conversation is a flat list,
and rows nest only where the conversation branches (see `ui/tree_model.py`).

Signals, and who causes them:
- `node_selected(node_id)` — only the USER picked a node: a click, the arrow keys in the view, or
  one of `move_to_parent` / `move_to_first_child` / `move_to_sibling` (the window binds these to
  Alt+Up/Down/Left/Right). The window answers it by showing that node's path. These moves follow the
  real tree (the turn replied to, the first reply, the other answers to the same prompt), not the
  rows; the arrow keys move along the rows as in any Qt tree.
- `select_node(node_id)` is the PROGRAMMATIC way (the window showing a node it chose, e.g. a new
  turn); it selects, expands and scrolls but emits nothing, so there is no feedback loop.

Rows nest two levels per fork on the way to them, so a conversation forked at every other turn is
still deep. That stays cheap: selecting a node opens only the rows above it not known to be open
already, and a deep row's branch lines are drawn only for the levels on screen (Qt's own drawing
asks the model about every ancestor of every painted row).
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
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QTreeView, QWidget

from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.ui.tree.tree_model import NODE_ID_ROLE, ConversationTreeModel

EXPAND_ALL_LIMIT = 2000
INDENTATION = 16
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
        # Rows nest only at forks, but a much-forked conversation is still deep: the column grows as
        # wide as the selected row's label (scrolled to it) so no label is cut to nothing.
        self.setIndentation(INDENTATION)
        self.header().setStretchLastSection(False)
        self.setAccessibleName(self.tr("Conversation tree"))
        self._programmatic = False
        self._widest = 0  # the column width the widest label selected since the last reset needs
        # nodes whose rows above are known to be expanded (forgotten on a collapse, reset, removal or
        # regrouping)
        self._open: set[str] = set()
        self._paths: dict[str, list[str]] = {}  # node id -> visual ancestor ids, top first (one paint)
        self.collapsed.connect(self._forget_open)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.modelReset.disconnect(self._expand_after_reset)
            old.rowsInserted.disconnect(self._rows_inserted)
            old.rowsRemoved.disconnect(self._forget_open)
            old.layoutChanged.disconnect(self._forget_open)
            if isinstance(old, ConversationTreeModel):
                old.regrouped.disconnect(self._expand_regrouped)
        super().setModel(model)
        self._forget_open()
        if model is not None:
            model.modelReset.connect(self._expand_after_reset)
            model.rowsInserted.connect(self._rows_inserted)
            model.rowsRemoved.connect(self._forget_open)
            model.layoutChanged.connect(self._forget_open)  # rows may have new parents
            if isinstance(model, ConversationTreeModel):
                model.regrouped.connect(self._expand_regrouped)
            self._expand_after_reset()

    def _expand_after_reset(self) -> None:
        """Show every branch of ordinary trees; a huge one opens only along the selected path
        (expanding 10,000 rows costs a noticeable fraction of a second)."""
        self._forget_open()
        self._widest = 0  # a new conversation: the column fits the view until a label needs more
        self._fit_column()
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

    def _expand_regrouped(self, node_ids: list[str]) -> None:
        """A new fork and the branch it started list rows: open them (the rows that were visible
        stay visible, and a new answer is visible at once)."""
        for node_id in node_ids:
            index = self._index_for(node_id)
            if index.isValid() and not self.isExpanded(index):
                self.expand(index)

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

    # -- keyboard moves from the selected node along the real tree (each selects and emits) -------
    def move_to_parent(self) -> bool:
        """To the turn the selected one replies to."""
        tree, node_id = self._tree(), self.current_node_id()
        if tree is None or node_id is None or node_id not in tree:
            return False
        return self._move(self._index_for(tree.parent_of(node_id)))

    def move_to_first_child(self) -> bool:
        """To the selected turn's first reply (with nothing selected, the first root)."""
        tree, node_id = self._tree(), self.current_node_id()
        if tree is None or (node_id is not None and node_id not in tree):
            return False
        child = tree.first_child(node_id)
        return child is not None and self._move(self._index_for(child.id))

    def move_to_sibling(self, step: int) -> bool:
        """To the previous (-1) or next (+1) answer to the same prompt (or root)."""
        tree, node_id = self._tree(), self.current_node_id()
        if tree is None or node_id is None or node_id not in tree:
            return False
        sibling = tree.sibling(node_id, step)
        return sibling is not None and self._move(self._index_for(sibling.id))

    def _move(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        self._select(index)
        node_id = index.data(NODE_ID_ROLE)
        if node_id:
            self.node_selected.emit(node_id)
        return True

    # -- helpers ------------------------------------------------------------------------------
    def _outline(self) -> ConversationTreeModel | None:
        model = self.model()
        return model if isinstance(model, ConversationTreeModel) else None

    def _tree(self) -> ConversationTree | None:
        model = self._outline()
        return model.tree() if model is not None else None

    def _index_for(self, node_id: str | None) -> QModelIndex:
        model = self._outline()
        return model.index_for(node_id) if model is not None else QModelIndex()

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
        # a deep turn's label starts far right: widen the column to hold it (never narrower while the
        # conversation is open: O(1), not a measure of every row), then bring the label into view once
        # the layout is done
        indent = self.indentation()
        start = (depth + 1) * indent  # the branch decoration of the top level, one indent per level
        end = start + self.fontMetrics().horizontalAdvance(str(index.data() or "")) + 8
        if end + indent + 16 > self._widest:
            self._widest = end + indent + 16
            self._fit_column()
        # the ancestors are open: keep scrollTo from walking them (asking the model about each) again
        expandable = self.itemsExpandable()
        self.setItemsExpandable(False)
        try:
            self.scrollTo(index)
        finally:
            self.setItemsExpandable(expandable)
        QTimer.singleShot(0, lambda: self._scroll_to_label(start, end))

    def _scroll_to_label(self, start: int, end: int) -> None:
        """No horizontal scroll while the label starts in the left half of the view (the rows above
        stay whole); else the label's end at the right edge or, when it is wider than the view, its
        start at the left after its expand arrow."""
        width = self.viewport().width()
        value = 0 if end <= width or start <= width // 2 else min(start - self.indentation(), end - width)
        self.horizontalScrollBar().setValue(max(0, value))

    def _fit_column(self) -> None:
        """The one column is as wide as the view, or as the widest selected label needs."""
        width = max(self._widest, self.viewport().width())
        if width != self.columnWidth(0):  # a width change lays the rows out again
            self.setColumnWidth(0, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # the viewport's size (scroll bars come and go)
        super().resizeEvent(event)
        self._fit_column()

    def _expand_ancestors(self, index: QModelIndex | QPersistentModelIndex) -> int:
        """Expand every row a node's row is nested in (those of nodes selected before are known to
        be open); returns the row's depth (its number of visual ancestors)."""
        model, tree = self._outline(), self._tree()
        node_id = index.data(NODE_ID_ROLE)
        if model is None or tree is None or node_id not in tree:
            depth, parent = 0, index.parent()
            while parent.isValid():
                self.expand(parent)
                depth, parent = depth + 1, parent.parent()
            return depth
        ancestors = model.visual_ancestors(node_id)
        for ancestor in ancestors:  # innermost first: Qt lays the rows out once, when the top opens
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
        deep = indent > 0 and rect.width() > indent * DEEP_ROW_LEVELS
        model = self._outline() if deep else None
        tree = model.tree() if model is not None else None
        node_id = index.data(NODE_ID_ROLE) if tree is not None else None
        if (
            model is None
            or tree is None
            or not isinstance(node_id, str)
            or node_id not in tree
            or self.alternatingRowColors()
        ):
            super().drawBranches(painter, rect, index)
            return
        self._draw_deep_branches(painter, rect, index, model, node_id)

    def _ancestor_path(self, model: ConversationTreeModel, node_id: str) -> list[str]:
        """The ids of the rows a node's row is nested in, the top-level one first (cached for the
        paint)."""
        path = self._paths.get(node_id)
        if path is None:
            parent = model.visual_parent(node_id)
            if parent is None:
                path = []
            elif parent in self._paths:
                path = [*self._paths[parent], parent]
            else:
                path = [*reversed(model.visual_ancestors(parent)), parent]
            self._paths[node_id] = path
        return path

    def _draw_deep_branches(
        self,
        painter: QPainter,
        rect: QRect,
        index: QModelIndex | QPersistentModelIndex,
        model: ConversationTreeModel,
        node_id: str,
    ) -> None:
        """What QTreeView.drawBranches draws, for the levels on screen only.

        Square k (0 = the row's own, with its expand arrow) sits k indents outside the innermost one;
        an ancestor's square shows a line going on down when a row follows that ancestor's row in its
        list.
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
        ancestors = self._ancestor_path(model, node_id)  # ancestors[-k] is the one whose square is k
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
                if model.visual_child_count(node_id):
                    state |= QStyle.StateFlag.State_Children
                if self.isExpanded(index):
                    state |= QStyle.StateFlag.State_Open
            if not model.is_last_visual_child(node_id if k == 0 else ancestors[-k]):
                state |= QStyle.StateFlag.State_Sibling
            option.rect = square
            option.state = state
            style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, option, painter, self)
        painter.setBrushOrigin(origin)
