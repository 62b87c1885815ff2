"""A Qt item model over a `core.tree.ConversationTree` (one column, one row per turn).

The pure tree is the source of truth; this model listens to it (napari's habit): the tree says
`node_inserting` / `node_inserted` / `node_changed` / `node_removing` / `node_removed` and the model
turns them into beginInsertRows / endInsertRows / dataChanged / beginRemoveRows / endRemoveRows.
Indexes carry a small integer key (`internalId`), never a Python object pointer; keys and rows are
cached per node, so building and walking a tree of 10k nodes is linear. Children are appended, so a
cached row only goes stale when a sibling before it is removed: removal drops the siblings' rows.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_chat.core.model import Node, NodeStatus
from desktop_chat.core.tree import ConversationTree

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_CHARS = 40
# Qt asks for flags per ancestor when it expands or scrolls to a deep node: combined once, not per call
ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

STATUS_MARKS: dict[NodeStatus, str] = {
    NodeStatus.STREAMING: "● streaming",
    NodeStatus.STOPPED: "■ stopped",
    NodeStatus.FAILED: "⚠ failed",
    NodeStatus.INTERRUPTED: "… interrupted",
    NodeStatus.INCOMPLETE: "◐ incomplete",
}

AnyIndex = QModelIndex | QPersistentModelIndex


def node_label(node: Node) -> str:
    """The one-line label of a turn: the start of its prompt, plus a mark when not completed."""
    words = " ".join(node.user_text.split())
    if not words and not node.input_items and node.notice:
        words = "⇣ " + " ".join(node.notice.split())  # a node without a prompt (a compaction) says what it is
    if not words:
        words = "(no text)"
    elif len(words) > LABEL_CHARS:
        words = words[: LABEL_CHARS - 1].rstrip() + "…"
    mark = STATUS_MARKS.get(node.status)
    return f"{words}  {mark}" if mark else words


def node_tooltip(node: Node) -> str:
    """Prompt start, model, parameters, usage, status and response id (escaped rich text)."""
    prompt = " ".join(node.user_text.split())
    lines = [f"Prompt: {prompt[:200] + ('…' if len(prompt) > 200 else '')}"]
    if node.model:
        lines.append(f"Model: {node.model}")
    for key, name in (("temperature", "Temperature"), ("top_p", "top_p")):
        if node.params.get(key) is not None:
            lines.append(f"{name}: {node.params[key]}")
    if node.usage is not None:
        usage = node.usage
        tokens = f"Tokens: {usage.input_tokens} in · {usage.output_tokens} out"
        if usage.cached_tokens:
            tokens += f" · {usage.cached_tokens} cached"
        if usage.reasoning_tokens:
            tokens += f" · {usage.reasoning_tokens} reasoning"
        lines.append(tokens)
    lines.append(f"Status: {node.status.value}")
    if node.error:
        lines.append(f"Error: {node.error}")
    lines.append(f"Response id: {node.response_id or '—'}")
    # Explicit rich text with everything escaped: Qt would otherwise guess whether a prompt like
    # "<b>hi</b>" is HTML.
    return "<qt>" + "<br>".join(html.escape(line) for line in lines) + "</qt>"


class ConversationTreeModel(QAbstractItemModel):
    """One column; rows are turns. Implements `core.tree.TreeListener`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tree: ConversationTree | None = None
        self._keys: dict[str, int] = {}  # node id -> internalId
        self._ids: list[str] = []  # internalId -> node id
        self._rows: dict[str, int] = {}  # node id -> row among its siblings
        self._pending_row: int | None = None
        self._pending_removal: tuple[str | None, list[str]] | None = None  # parent, ids leaving

    # -- the tree ------------------------------------------------------------------------------
    def tree(self) -> ConversationTree | None:
        return self._tree

    def set_tree(self, tree: ConversationTree | None) -> None:
        self.beginResetModel()
        if self._tree is not None:
            self._tree.remove_listener(self)
        self._tree = tree
        self._keys.clear()
        self._ids.clear()
        self._rows.clear()
        self._pending_row = None
        self._pending_removal = None
        if tree is not None:
            tree.add_listener(self)
        self.endResetModel()

    # TreeListener --------------------------------------------------------------------------
    def node_inserting(self, parent_id: str | None, row: int) -> None:
        self._pending_row = row
        self.beginInsertRows(self.index_for(parent_id), row, row)

    def node_inserted(self, node: Node) -> None:
        assert self._tree is not None
        row = self._pending_row
        self._rows[node.id] = row if row is not None else self._tree.child_count(node.parent_id) - 1
        self._pending_row = None
        self.endInsertRows()

    def node_changed(self, node: Node) -> None:
        index = self.index_for(node.id)
        if index.isValid():
            roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
            self.dataChanged.emit(index, index, roles)

    def node_removing(self, parent_id: str | None, row: int) -> None:
        assert self._tree is not None
        leaving = [node.id for node in self._tree.subtree(self._tree.child_at(parent_id, row).id)]
        self._pending_removal = (parent_id, leaving)
        self.beginRemoveRows(self.index_for(parent_id), row, row)

    def node_removed(self, node: Node) -> None:
        assert self._tree is not None and self._pending_removal is not None
        parent_id, leaving = self._pending_removal
        self._pending_removal = None
        for node_id in leaving:
            self._keys.pop(node_id, None)  # its key is never reused: stale indexes find no node
            self._rows.pop(node_id, None)
        for sibling in self._tree.children(parent_id):  # rows after the removed one moved up
            self._rows.pop(sibling.id, None)
        self.endRemoveRows()

    # -- lookups -------------------------------------------------------------------------------
    def index_for(self, node_id: str | None) -> QModelIndex:
        """The index of a node; invalid for None or an id not in the tree."""
        if node_id is None or self._tree is None or node_id not in self._tree:
            return QModelIndex()
        return self.createIndex(self._row(node_id), 0, self._key(node_id))

    def node_id(self, index: AnyIndex) -> str | None:
        if not index.isValid() or index.model() is not self:
            return None
        key = index.internalId()
        if not 0 <= key < len(self._ids) or self._keys.get(self._ids[key]) != key:
            return None  # a removed node
        return self._ids[key]

    def node(self, index: AnyIndex) -> Node | None:
        node_id = self.node_id(index)
        if node_id is None or self._tree is None or node_id not in self._tree:
            return None
        return self._tree.get(node_id)

    def _key(self, node_id: str) -> int:
        key = self._keys.get(node_id)
        if key is None:
            key = self._keys[node_id] = len(self._ids)
            self._ids.append(node_id)
        return key

    def _row(self, node_id: str) -> int:
        row = self._rows.get(node_id)
        if row is None:
            assert self._tree is not None
            # cache the rows of all siblings at once: linear per parent, not per lookup
            siblings = self._tree.siblings(node_id)
            self._rows.update((sibling.id, i) for i, sibling in enumerate(siblings))
            row = self._rows[node_id]
        return row

    # -- QAbstractItemModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if self._tree is None or column != 0 or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        parent_id = self.node_id(parent) if parent.isValid() else None
        if parent.isValid() and parent_id is None:
            return QModelIndex()
        if row >= self._tree.child_count(parent_id):
            return QModelIndex()
        child_id = self._tree.child_at(parent_id, row).id
        self._rows[child_id] = row
        return self.createIndex(row, 0, self._key(child_id))

    def parent(self, child: AnyIndex | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        # Qt calls this for every ancestor of every deep row it lays out or scrolls to: kept lean
        node_id = self.node_id(child)
        tree = self._tree
        if node_id is None or tree is None or node_id not in tree:
            return QModelIndex()
        parent_id = tree.parent_of(node_id)
        if parent_id is None:
            return QModelIndex()
        return self.createIndex(self._row(parent_id), 0, self._key(parent_id))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if self._tree is None:
            return 0
        if not parent.isValid():
            return self._tree.child_count(None)
        if parent.column() != 0:
            return 0
        node_id = self.node_id(parent)
        return self._tree.child_count(node_id) if node_id is not None else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node_label(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            return node_tooltip(node)
        if role == NODE_ID_ROLE:
            return node.id
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
