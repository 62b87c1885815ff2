"""The tree pane: every branch of the current conversation, one row per turn.

Signals, and who causes them:
- `node_selected(node_id)` — only the USER picked a node: a click, the arrow keys in the view, or
  one of `move_to_parent` / `move_to_first_child` / `move_to_sibling` (the window binds these to
  Alt+Up/Down/Left/Right). The window answers it by showing that node's path.
- `select_node(node_id)` is the PROGRAMMATIC way (the window showing a node it chose, e.g. a new
  turn); it selects, expands and scrolls but emits nothing, so there is no feedback loop.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from desktop_chat.ui.tree_model import NODE_ID_ROLE

EXPAND_ALL_LIMIT = 2000


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

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.modelReset.disconnect(self._expand_after_reset)
            old.rowsInserted.disconnect(self._rows_inserted)
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._expand_after_reset)
            model.rowsInserted.connect(self._rows_inserted)
            self._expand_after_reset()

    def _expand_after_reset(self) -> None:
        """Show every branch of ordinary trees; a huge one opens only along the selected path
        (expanding 10,000 rows costs a noticeable fraction of a second)."""
        model = self.model()
        tree = getattr(model, "tree", lambda: None)()
        if tree is None or len(tree) <= EXPAND_ALL_LIMIT:
            self.expandAll()

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
    def _index_for(self, node_id: str | None) -> QModelIndex:
        model = self.model()
        index_for = getattr(model, "index_for", None)
        return index_for(node_id) if index_for is not None else QModelIndex()

    def _select(self, index: QModelIndex | QPersistentModelIndex) -> None:
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self._programmatic = True
        try:
            self.setCurrentIndex(index)
        finally:
            self._programmatic = False
        # a deep turn's label starts far right: widen the column to hold it (never narrower: O(1), not
        # a measure of every row), then bring the label's start into view once the layout is done
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        label = str(index.data() or "")
        needed = (depth + 2) * self.indentation() + self.fontMetrics().horizontalAdvance(label) + 24
        if needed > self.columnWidth(0):  # a width change lays the rows out again: only when it grows
            self.setColumnWidth(0, max(needed, self.viewport().width()))
        self.scrollTo(index)
        QTimer.singleShot(
            0, lambda: self.horizontalScrollBar().setValue(max(0, (depth - 1) * self.indentation()))
        )
