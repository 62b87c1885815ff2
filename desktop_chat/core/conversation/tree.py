"""An in-memory conversation tree with change notifications.

Children are ordered by creation time. Listeners are told before and after a node is inserted or a
subtree removed (so a Qt item model can call beginInsertRows/endInsertRows and
beginRemoveRows/endRemoveRows) and when a node's content changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Protocol

from desktop_chat.core.conversation.model import Node


class TreeListener(Protocol):
    def node_inserting(self, parent_id: str | None, row: int) -> None: ...
    def node_inserted(self, node: Node) -> None: ...
    def node_changed(self, node: Node) -> None: ...


class RemovalListener(TreeListener, Protocol):
    """A listener that also hears subtree removals. Listeners without these methods are not told
    (every view over a tree that can lose nodes must implement them)."""

    def node_removing(self, parent_id: str | None, row: int) -> None: ...
    def node_removed(self, node: Node) -> None: ...


class ConversationTree:
    def __init__(self, conversation_id: str, nodes: Iterable[Node] = ()) -> None:
        self.conversation_id = conversation_id
        self._nodes: dict[str, Node] = {}
        self._children: dict[str | None, list[str]] = {None: []}
        self._listeners: list[TreeListener] = []
        unique = {n.id: n for n in nodes}
        children = self._children
        for node in sorted(unique.values(), key=attrgetter("created_at")):  # _add, inlined (10k nodes)
            self._nodes[node.id] = node
            # an orphan (its parent is missing from the store) is shown as a root, not lost
            parent = node.parent_id if node.parent_id in unique else None
            siblings = children.get(parent)
            if siblings is None:
                children[parent] = [node.id]
            else:
                siblings.append(node.id)
            children.setdefault(node.id, [])

    # -- reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def get(self, node_id: str) -> Node:
        return self._nodes[node_id]

    def nodes(self) -> list[Node]:
        return list(self._nodes.values())

    def roots(self) -> list[Node]:
        return self.children(None)

    def children(self, node_id: str | None) -> list[Node]:
        return [self._nodes[c] for c in self._children.get(node_id, [])]

    def child_count(self, node_id: str | None) -> int:
        return len(self._children.get(node_id, []))

    def parent_of(self, node_id: str) -> str | None:
        """The parent's id as the tree holds it (None for a root, or for a node whose parent is lost)."""
        parent = self._nodes[node_id].parent_id
        return parent if parent in self._nodes else None

    def row_of(self, node_id: str) -> int:
        """The index of a node among its parent's children."""
        return self._children[self.parent_of(node_id)].index(node_id)

    def child_at(self, node_id: str | None, row: int) -> Node:
        return self._nodes[self._children[node_id][row]]

    def siblings(self, node_id: str) -> list[Node]:
        return self.children(self.parent_of(node_id))

    def path_to(self, node_id: str | None) -> list[Node]:
        """Root first, ending with the node itself; empty for None."""
        path: list[Node] = []
        current = node_id
        while current is not None:
            node = self._nodes[current]
            path.append(node)
            current = self.parent_of(current)
        path.reverse()
        return path

    def ancestor_ids(self, node_id: str) -> list[str]:
        """The ids of a node's ancestors, its parent first and a root last (empty for a root)."""
        found: list[str] = []
        current = self.parent_of(node_id)
        while current is not None:
            found.append(current)
            current = self.parent_of(current)
        return found

    def is_last_child(self, node_id: str) -> bool:
        """Whether no sibling comes after the node (the outline draws no line below it)."""
        return self._children[self.parent_of(node_id)][-1] == node_id

    def first_child(self, node_id: str | None) -> Node | None:
        kids = self._children.get(node_id, [])
        return self._nodes[kids[0]] if kids else None

    def sibling(self, node_id: str, step: int) -> Node | None:
        """The previous (step=-1) or next (step=+1) sibling, or None at either end."""
        kids = self._children[self.parent_of(node_id)]
        index = kids.index(node_id) + step
        return self._nodes[kids[index]] if 0 <= index < len(kids) else None

    def subtree(self, node_id: str) -> list[Node]:
        """The node and all its descendants, parents before children."""
        found: list[Node] = []
        pending = [node_id]
        while pending:
            current = pending.pop()
            found.append(self._nodes[current])
            pending.extend(reversed(self._children.get(current, [])))
        return found

    def deepest_leaf(self, node_id: str | None) -> Node | None:
        """Follow the newest child down from a node (used to pick a leaf to show)."""
        node = self._nodes[node_id] if node_id is not None else None
        kids = self._children.get(node_id, [])
        while kids:
            node = self._nodes[kids[-1]]
            kids = self._children.get(node.id, [])
        return node

    # -- changing ----------------------------------------------------------------------------
    def add_listener(self, listener: TreeListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: TreeListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def insert(self, node: Node) -> None:
        if node.id in self._nodes:
            raise ValueError(f"node {node.id} is already in the tree")
        if node.parent_id is not None and node.parent_id not in self._nodes:
            raise KeyError(f"parent {node.parent_id} is not in the tree")
        row = len(self._children.get(node.parent_id, []))
        self._notify(lambda listener: listener.node_inserting(node.parent_id, row))
        self._add(node)
        self._notify(lambda listener: listener.node_inserted(node))

    def remove_subtree(self, node_id: str) -> list[Node]:
        """Remove a node with all its descendants; returns them, parents before children.

        Listeners hear `node_removing(parent, row)` before and `node_removed(node)` after, once for
        the whole subtree (as a Qt model removes one row together with its children)."""
        doomed = self.subtree(node_id)
        parent_id = self.parent_of(node_id)
        row = self.row_of(node_id)
        for listener in list(self._listeners):
            removing = getattr(listener, "node_removing", None)
            if removing is not None:
                removing(parent_id, row)
        self._children[parent_id].pop(row)
        for node in doomed:
            del self._nodes[node.id]
            self._children.pop(node.id, None)
        for listener in list(self._listeners):
            removed = getattr(listener, "node_removed", None)
            if removed is not None:
                removed(doomed[0])
        return doomed

    def changed(self, node: Node) -> None:
        """Tell listeners that a node's content (text, status, usage) changed."""
        self._notify(lambda listener: listener.node_changed(node))

    def _add(self, node: Node, orphan: bool = False) -> None:
        """Add a node; an orphan (its parent is missing from the store) is shown as a root, not lost."""
        self._nodes[node.id] = node
        self._children.setdefault(None if orphan else node.parent_id, []).append(node.id)
        self._children.setdefault(node.id, [])

    def _notify(self, call: Callable[[TreeListener], None]) -> None:
        for listener in list(self._listeners):
            call(listener)
