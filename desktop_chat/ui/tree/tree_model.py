"""A Qt item model over a `core.tree.ConversationTree`: one column, one row per turn, as an outline.

The rows nest where the conversation branches, not at every reply (a 40-turn conversation would
otherwise be 40 levels deep). A *chain* is a run of turns each the only reply to the one before; a
*head* is a turn whose parent has two or more replies (or one of several roots). Then:
- a linear conversation (one root) is a flat list at the top level: the root's chain;
- a fork (a turn with two or more replies, or several roots) lists its branches' heads;
- a head with one reply lists its branch's continuation (the chain from that reply) under it;
- a chain ends at a leaf or at a fork, whose heads are listed under that last turn.
So each row's *visual parent* is the fork (for a head), the head (for a chain under it) or nothing
(the top-level chain); the real parent is `ConversationTree.parent_of`, and keyboard moves use it.

The pure tree is the source of truth; this model listens to it (napari's habit): the tree says
`node_inserting` / `node_inserted` / `node_changed` / `node_removing` / `node_removed`. A reply that
extends a chain or adds a branch at an existing fork is one inserted row; removing a branch of
several or the tail of a chain is removing rows. When a turn's reply count goes from one to two (a
fork appears) or from two to one (a fork dissolves) rows change parents: the model regroups them
(layoutAboutToBeChanged / layoutChanged, persistent indexes moved to the same turns, the removed
ones made invalid), so views keep their selection and expanded rows.

Indexes carry a small integer key (`internalId`), never a Python object pointer. Each node's visual
position is cached, a chain's members together with the chain, so building and walking a tree of
10k nodes is linear and `parent()` (which Qt calls for every ancestor of every row) is two lookups.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP
from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.ui.error_text import error_message
from desktop_chat.ui.i18n import status_name
from desktop_chat.ui.tree.labels import differing_title, siblings_of

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_CHARS = 40
# Qt asks for flags per ancestor when it expands or scrolls to a deep node: combined once, not per call
ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

STATUS_MARKS: dict[NodeStatus, str] = {  # translated when shown (context "TreeLabels")
    NodeStatus.STREAMING: QT_TRANSLATE_NOOP("TreeLabels", "● streaming"),
    NodeStatus.STOPPED: QT_TRANSLATE_NOOP("TreeLabels", "■ stopped"),
    NodeStatus.FAILED: QT_TRANSLATE_NOOP("TreeLabels", "⚠ failed"),
    NodeStatus.INTERRUPTED: QT_TRANSLATE_NOOP("TreeLabels", "… interrupted"),
    NodeStatus.INCOMPLETE: QT_TRANSLATE_NOOP("TreeLabels", "◐ incomplete"),
    NodeStatus.DRAFT: QT_TRANSLATE_NOOP("TreeLabels", "✎ not sent"),
}
NO_TEXT = QT_TRANSLATE_NOOP("TreeLabels", "(no text)")


def status_mark(status: NodeStatus) -> str:
    """The mark a turn's label ends with when it is not completed, in the UI's language ("" if none)."""
    mark = STATUS_MARKS.get(status)
    return str(QCoreApplication.translate("TreeLabels", mark)) if mark else ""


def _tr(source: str) -> str:
    return QCoreApplication.translate("ConversationTreeModel", source)


AnyIndex = QModelIndex | QPersistentModelIndex


def node_label(node: Node) -> str:
    """The one-line label of a turn: the start of its prompt, plus a mark when not completed."""
    words = " ".join(
        node.user_text[: LABEL_CHARS * 8].split()
    )  # the start is all a label shows (5 MB pastes)
    if not words and not node.input_items and node.notice:
        words = "⇣ " + " ".join(node.notice.split())  # a node without a prompt (a compaction) says what it is
    if not words:
        words = str(QCoreApplication.translate("TreeLabels", NO_TEXT))
    elif len(words) > LABEL_CHARS:
        words = words[: LABEL_CHARS - 1].rstrip() + "…"
    mark = status_mark(node.status)
    return f"{words}  {mark}" if mark else words


def sibling_label(node: Node, siblings: list[Node]) -> str | None:
    """A turn that shares its prompt with a sibling (a regenerate or fan-out) is labelled by what differs:
    its model and the first words of its answer; a Continue turn by what it added (None: the prompt
    alone names it; see labels.py)."""
    words = differing_title(node, siblings, LABEL_CHARS)
    if words is None:
        return None
    if len(words) > LABEL_CHARS:
        words = words[: LABEL_CHARS - 1].rstrip() + "…"
    mark = status_mark(node.status)
    return f"{words}  {mark}" if mark else words


def node_tooltip(node: Node) -> str:
    """Prompt start, model, parameters, usage, status and response id (escaped rich text)."""
    prompt = " ".join(node.user_text[:2000].split())
    lines = [_tr("Prompt: %1").replace("%1", prompt[:200] + ("…" if len(prompt) > 200 else ""))]
    if node.model:
        lines.append(_tr("Model: %1").replace("%1", node.model))
    for key, name in (("temperature", "Temperature"), ("top_p", "top_p")):
        if node.params.get(key) is not None:
            lines.append(f"{name}: {node.params[key]}")
    if node.usage is not None:
        usage = node.usage
        tokens = _tr("Tokens: %1 in · %2 out").replace("%1", str(usage.input_tokens))
        tokens = tokens.replace("%2", str(usage.output_tokens))
        if usage.cached_tokens:
            tokens += " · " + _tr("%1 cached").replace("%1", str(usage.cached_tokens))
        if usage.reasoning_tokens:
            tokens += " · " + _tr("%1 reasoning").replace("%1", str(usage.reasoning_tokens))
        lines.append(tokens)
    lines.append(_tr("Status: %1").replace("%1", status_name(node.status)))
    if node.error or node.error_kind:
        lines.append(_tr("Error: %1").replace("%1", error_message(node)))
    lines.append(_tr("Response id: %1").replace("%1", node.response_id or "—"))
    # Explicit rich text with everything escaped: Qt would otherwise guess whether a prompt like
    # "<b>hi</b>" is HTML.
    return "<qt>" + "<br>".join(html.escape(line) for line in lines) + "</qt>"


# the strings shown through _tr, listed for the translation tools
_TRANSLATED = (
    QT_TRANSLATE_NOOP("ConversationTreeModel", "Prompt: %1"),
    QT_TRANSLATE_NOOP("ConversationTreeModel", "Model: %1"),
    QT_TRANSLATE_NOOP("ConversationTreeModel", "Tokens: %1 in · %2 out"),
    QT_TRANSLATE_NOOP("ConversationTreeModel", "%1 cached"),
    QT_TRANSLATE_NOOP("ConversationTreeModel", "%1 reasoning"),
    QT_TRANSLATE_NOOP("ConversationTreeModel", "Status: %1"),
    QT_TRANSLATE_NOOP("ConversationTreeModel", "Error: %1"),
    QT_TRANSLATE_NOOP("ConversationTreeModel", "Response id: %1"),
)


class ConversationTreeModel(QAbstractItemModel):
    """One column; rows are turns, laid out as an outline (see the module doc). Implements
    `core.tree.TreeListener`."""

    # After a regrouping (layoutChanged): the ids of rows that now list rows they did not list before
    # (a new fork's node, a new branch head's continuation); a view opens them so nothing disappears.
    regrouped = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tree: ConversationTree | None = None
        self._keys: dict[str, int] = {}  # node id -> internalId
        self._ids: list[str] = []  # internalId -> node id
        # node id -> (visual parent, visual row); a chain's members are cached (and dropped) with it
        self._pos: dict[str, tuple[str | None, int]] = {}
        self._chains: dict[str | None, list[str]] = {}  # visual parent -> the chain it lists
        self._inserting: tuple[str, str | None, int] | None = None  # kind, visual parent, visual row
        # kind, parent (the real one for a regroup, else the visual one), first row, ids leaving
        self._removing: tuple[str, str | None, int, list[str]] | None = None
        self._saved: tuple[list[QModelIndex], list[str | None]] | None = None  # persistent indexes, ids

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
        self._pos.clear()
        self._chains.clear()
        self._inserting = self._removing = self._saved = None
        if tree is not None:
            tree.add_listener(self)
        self.endResetModel()

    # TreeListener --------------------------------------------------------------------------
    def node_inserting(self, parent_id: str | None, row: int) -> None:
        tree = self._tree
        assert tree is not None
        count = tree.child_count(parent_id)
        if count == 1:  # a second child: the node becomes a fork, its first child's chain a branch
            self._inserting = ("regroup", parent_id, 0)
            self._begin_regroup()
            return
        if count >= 2:  # one more branch at a fork
            kind, visual_parent, visual_row = "fork", parent_id, row
        elif parent_id is None or self._is_head(parent_id):  # a first turn, or a branch's first reply
            kind, visual_parent, visual_row = "chain", parent_id, 0
        else:  # a reply to the last turn of a chain continues the chain
            kind, (visual_parent, visual_row) = "chain", self._position(parent_id)
            visual_row += 1
        self._inserting = (kind, visual_parent, visual_row)
        self.beginInsertRows(self.index_for(visual_parent), visual_row, visual_row)

    def node_inserted(self, node: Node) -> None:
        assert self._tree is not None and self._inserting is not None
        kind, visual_parent, visual_row = self._inserting
        self._inserting = None
        if kind == "regroup":
            first = self._tree.child_at(visual_parent, 0).id
            self._forget_chain_of(first)  # it held the first child (and the parent, in a chain)
            self._end_regroup([*([visual_parent] if visual_parent is not None else []), first])
            return
        if kind == "fork":
            self._pos[node.id] = (visual_parent, visual_row)
        elif visual_row == 0:
            self._chains[visual_parent] = [node.id]
            self._pos[node.id] = (visual_parent, 0)
        else:
            chain = self._chains.get(visual_parent)
            if chain is not None and len(chain) == visual_row:
                chain.append(node.id)
                self._pos[node.id] = (visual_parent, visual_row)
            else:  # not cached: built when asked
                self._forget_chain(visual_parent)
        self.endInsertRows()

    def node_changed(self, node: Node) -> None:
        index = self.index_for(node.id)
        if index.isValid():
            roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
            self.dataChanged.emit(index, index, roles)

    def node_removing(self, parent_id: str | None, row: int) -> None:
        tree = self._tree
        assert tree is not None
        leaving = [node.id for node in tree.subtree(tree.child_at(parent_id, row).id)]
        count = tree.child_count(parent_id)
        if count == 2:  # the fork ends: the branch left behind joins the parent's chain
            self._removing = ("regroup", parent_id, 0, leaving)
            self._begin_regroup()
            return
        if count >= 3:  # one branch of several
            kind, visual_parent, first, last = "fork", parent_id, row, row
        else:  # the only child: it and the rest of its chain leave the parent's list
            if parent_id is None or self._is_head(parent_id):
                kind, visual_parent, first = "chain", parent_id, 0
            else:
                kind, (visual_parent, first) = "chain", self._position(parent_id)
                first += 1
            last = len(self._chain(visual_parent)) - 1
        self._removing = (kind, visual_parent, first, leaving)
        self.beginRemoveRows(self.index_for(visual_parent), first, last)

    def node_removed(self, node: Node) -> None:
        assert self._tree is not None and self._removing is not None
        kind, parent_id, row, leaving = self._removing
        self._removing = None
        for node_id in leaving:
            self._keys.pop(node_id, None)  # its key is never reused: stale indexes find no node
            self._pos.pop(node_id, None)
            self._chains.pop(node_id, None)
        if kind == "regroup":
            remaining = self._tree.child_at(parent_id, 0).id
            self._pos.pop(remaining, None)  # no longer a branch head
            self._forget_chain(remaining)  # its continuation joins the parent's list
            if parent_id is not None:
                self._forget_chain_of(parent_id)
            self._end_regroup([])
            return
        if kind == "fork":  # the later branches moved up a row
            for sibling in self._tree.children(parent_id)[row:]:
                self._pos.pop(sibling.id, None)
        elif row == 0:
            self._chains.pop(parent_id, None)
        else:
            chain = self._chains.get(parent_id)
            if chain is not None:
                del chain[row:]
        self.endRemoveRows()

    def _begin_regroup(self) -> None:
        self.layoutAboutToBeChanged.emit()
        saved = self.persistentIndexList()
        self._saved = (saved, [self.node_id(index) for index in saved])

    def _end_regroup(self, opened: list[str]) -> None:
        assert self._saved is not None
        saved, ids = self._saved
        self._saved = None
        self.changePersistentIndexList(saved, [self.index_for(node_id) for node_id in ids])
        self.layoutChanged.emit()
        opened = [node_id for node_id in opened if self._visual_count(node_id)]
        if opened:
            self.regrouped.emit(opened)

    # -- the outline ---------------------------------------------------------------------------
    def _is_head(self, node_id: str) -> bool:
        tree = self._tree
        assert tree is not None
        return tree.child_count(tree.parent_of(node_id)) >= 2

    def _position(self, node_id: str) -> tuple[str | None, int]:
        """(visual parent, visual row) of a node in the tree, cached."""
        pos = self._pos.get(node_id)
        if pos is not None:
            return pos
        tree = self._tree
        assert tree is not None
        parent = tree.parent_of(node_id)
        if tree.child_count(parent) >= 2:  # a branch head: its row among the fork's children
            self._pos.update((sibling.id, (parent, row)) for row, sibling in enumerate(tree.children(parent)))
            return self._pos[node_id]
        start = node_id  # an only child: find where its chain starts, then list the whole chain
        while True:
            parent = tree.parent_of(start)
            if parent is None or tree.child_count(tree.parent_of(parent)) >= 2:
                break
            start = parent
        self._build_chain(parent, start)
        return self._pos[node_id]

    def _build_chain(self, visual_parent: str | None, start: str) -> list[str]:
        tree = self._tree
        assert tree is not None
        pos = self._pos
        chain: list[str] = []
        node_id = start
        while True:
            pos[node_id] = (visual_parent, len(chain))
            chain.append(node_id)
            if tree.child_count(node_id) != 1:
                break
            node_id = tree.child_at(node_id, 0).id
        self._chains[visual_parent] = chain
        return chain

    def _chain(self, visual_parent: str | None) -> list[str]:
        """The chain a single root (None) or a branch head with one child lists."""
        chain = self._chains.get(visual_parent)
        if chain is None:
            assert self._tree is not None
            chain = self._build_chain(visual_parent, self._tree.child_at(visual_parent, 0).id)
        return chain

    def _lists_chain(self, node_id: str | None) -> bool:
        """Whether the node (None: the top level) lists a chain: one child, and itself a single root's
        level or a branch head."""
        assert self._tree is not None
        return self._tree.child_count(node_id) == 1 and (node_id is None or self._is_head(node_id))

    def _visual_count(self, node_id: str | None) -> int:
        assert self._tree is not None
        count = self._tree.child_count(node_id)
        if count >= 2:
            return count
        return len(self._chain(node_id)) if self._lists_chain(node_id) else 0

    def _forget_chain(self, visual_parent: str | None) -> None:
        for node_id in self._chains.pop(visual_parent, ()):
            self._pos.pop(node_id, None)

    def _forget_chain_of(self, node_id: str) -> None:
        """Drop the cached chain holding a node (or, for a branch head, its row)."""
        pos = self._pos.get(node_id)
        if pos is None:
            return
        chain = self._chains.get(pos[0])
        if chain is not None and pos[1] < len(chain) and chain[pos[1]] == node_id:
            self._forget_chain(pos[0])
        else:
            self._pos.pop(node_id, None)

    # the outline in node terms (for the view) --------------------------------------------------
    def visual_parent(self, node_id: str) -> str | None:
        """The node the row is listed under (None: the top level)."""
        return self._position(node_id)[0]

    def visual_ancestors(self, node_id: str) -> list[str]:
        """The rows a node's row is nested in, innermost first (empty at the top level)."""
        found: list[str] = []
        current = self._position(node_id)[0]
        while current is not None:
            found.append(current)
            current = self._position(current)[0]
        return found

    def visual_children(self, node_id: str | None) -> list[str]:
        """The rows listed under a node (None: the top level)."""
        assert self._tree is not None
        count = self._tree.child_count(node_id)
        if count >= 2:
            return [child.id for child in self._tree.children(node_id)]
        return list(self._chain(node_id)) if self._lists_chain(node_id) else []

    def visual_child_count(self, node_id: str | None) -> int:
        return self._visual_count(node_id) if self._tree is not None else 0

    def is_last_visual_child(self, node_id: str) -> bool:
        """Whether no row follows the node's in its list (the outline draws no line below it)."""
        visual_parent, row = self._position(node_id)
        return row == self._visual_count(visual_parent) - 1

    # -- lookups -------------------------------------------------------------------------------
    def index_for(self, node_id: str | None) -> QModelIndex:
        """The index of a node; invalid for None or an id not in the tree."""
        if node_id is None or self._tree is None or node_id not in self._tree:
            return QModelIndex()
        return self.createIndex(self._position(node_id)[1], 0, self._key(node_id))

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

    # -- QAbstractItemModel ----------------------------------------------------------------------
    def _id_of(self, index: AnyIndex) -> str | None:
        """`node_id` for an index Qt hands back to this model (lean: Qt asks for every row it lays out)."""
        key = index.internalId()
        ids = self._ids
        if not 0 <= key < len(ids):
            return None
        node_id = ids[key]
        return node_id if self._keys.get(node_id) == key else None  # else: a removed node

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt calls this (and hasChildren) for every row when it lays the outline out again, e.g. after
        # each new turn: 3,000 turns made ~50 ms of a Send; kept lean
        tree = self._tree
        if tree is None or column != 0 or row < 0:
            return QModelIndex()
        parent_id: str | None = None
        if parent.isValid():
            parent_id = self._id_of(parent) if parent.column() == 0 else None
            if parent_id is None:
                return QModelIndex()
        children = tree._children.get(parent_id, ())
        count = len(children)
        if count >= 2:  # a fork lists its branches' heads
            if row >= count:
                return QModelIndex()
            child_id = children[row]
            self._pos[child_id] = (parent_id, row)
        elif count == 1 and (parent_id is None or self._is_head(parent_id)):  # it lists a chain
            chain = self._chains.get(parent_id) or self._chain(parent_id)
            if row >= len(chain):
                return QModelIndex()
            child_id = chain[row]
        else:
            return QModelIndex()
        key = self._keys.get(child_id)
        return self.createIndex(row, 0, self._key(child_id) if key is None else key)

    def parent(self, child: AnyIndex | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        # Qt calls this for every ancestor of every row it lays out or scrolls to: kept lean
        node_id = self.node_id(child)
        if node_id is None or self._tree is None or node_id not in self._tree:
            return QModelIndex()
        visual_parent = (self._pos.get(node_id) or self._position(node_id))[0]
        if visual_parent is None:
            return QModelIndex()
        row = (self._pos.get(visual_parent) or self._position(visual_parent))[1]
        return self.createIndex(row, 0, self._key(visual_parent))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if self._tree is None:
            return 0
        if not parent.isValid():
            return self._visual_count(None)
        node_id = self.node_id(parent) if parent.column() == 0 else None
        return self._visual_count(node_id) if node_id is not None else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        tree = self._tree
        if tree is None:
            return False
        node_id = None
        if parent.isValid():
            node_id = self._id_of(parent) if parent.column() == 0 else None
            if node_id is None:
                return False
        count = len(tree._children.get(node_id, ()))
        if count != 1:
            return count >= 2
        return node_id is None or self._is_head(node_id)  # a chain is listed under a root level or a head

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            tree = self._tree
            siblings = siblings_of(tree, node.id) if tree is not None else None
            return sibling_label(node, siblings or []) or node_label(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            return node_tooltip(node)
        if role == NODE_ID_ROLE:
            return node.id
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
