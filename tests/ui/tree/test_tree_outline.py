"""Random trees built by random inserts and removals: after every step the outline model's rows are
the outline recomputed from scratch, every node is reached once, persistent indexes follow their
turns, and Qt's own model tester has nothing to say."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import (
    QMessageLogContext,
    QModelIndex,
    QPersistentModelIndex,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtTest import QAbstractItemModelTester

from desktop_chat.core.conversation.model import Node
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.ui.tree.tree_model import ConversationTreeModel
from desktop_chat.ui.tree.tree_view import ConversationTreeView
from tests.ui.tree.test_tree_model import assert_in_sync, make

# (what, which): add a reply to a leaf (the common case), to any turn (a fork when it had one reply),
# a new root; remove a turn with everything after it, or a branch at a fork (which dissolves the fork
# when it had two); `which` picks the turn
STEPS = st.lists(
    st.tuples(
        st.sampled_from(["leaf", "leaf", "any", "any", "root", "remove", "remove branch"]),
        st.integers(0, 10**6),
    ),
    max_size=40,
)


def apply(tree: ConversationTree, what: str, which: int, count: int) -> None:
    nodes = tree.nodes()
    if what == "remove branch":
        nodes = [node for node in nodes if tree.child_count(tree.parent_of(node.id)) >= 2] or nodes
    if what.startswith("remove") and nodes:
        tree.remove_subtree(nodes[which % len(nodes)].id)
        return
    leaves = [node for node in nodes if tree.child_count(node.id) == 0]
    pool = leaves if what == "leaf" else nodes
    parent: Node | None = pool[which % len(pool)] if pool and what != "root" else None
    tree.insert(make(f"turn {count}", parent))


def check_persistent(model: ConversationTreeModel, tree: ConversationTree, kept: dict[str, Any]) -> None:
    for node_id, persistent in kept.items():
        if node_id in tree:
            assert persistent.isValid() and model.node_id(persistent) == node_id
            assert QModelIndex(persistent) == model.index_for(node_id)
        else:
            assert not persistent.isValid()


@settings(max_examples=300, deadline=None)
@given(
    start=st.lists(st.integers(0, 10**6), max_size=12),
    steps=STEPS,
    with_view=st.booleans(),
    with_tester=st.booleans(),  # the tester walks the whole model on each change: also without it
)
def test_random_inserts_and_removals_keep_the_outline(
    qapp: Any, start: list[int], steps: list[tuple[str, int]], with_view: bool, with_tester: bool
) -> None:
    # a starting tree loaded at once (each node under a random earlier one, or a root)
    loaded: list[Node] = []
    for i, pick in enumerate(start):
        parent = loaded[pick % (len(loaded) + 1) - 1] if loaded and pick % (len(loaded) + 1) else None
        loaded.append(make(f"loaded {i}", parent, created_at=float(i)))
    tree = ConversationTree("c", loaded)

    messages: list[str] = []

    def collect(kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        if kind != QtMsgType.QtDebugMsg:
            messages.append(text)

    previous = qInstallMessageHandler(collect)
    model = ConversationTreeModel()
    view = ConversationTreeView() if with_view else None  # expands on inserts and regroupings
    try:
        mode = QAbstractItemModelTester.FailureReportingMode.Warning
        tester = QAbstractItemModelTester(model, mode) if with_tester else None
        if view is not None:
            view.setModel(model)
        model.set_tree(tree)
        assert_in_sync(model, tree)
        for count, (what, which) in enumerate(steps):
            # persistent indexes on some turns: they must follow their turn or die with it (not on all:
            # Qt asks the model for the moved ones, which would hide stale positions)
            kept = {
                node.id: QPersistentModelIndex(model.index_for(node.id))
                for i, node in enumerate(tree.nodes())
                if (i + which) % 3 == 0
            }
            apply(tree, what, which, count)
            check_persistent(model, tree, kept)
            assert_in_sync(model, tree, by_rows_first=which % 2 == 0)
            if view is not None and len(tree):
                node_id = tree.nodes()[which % len(tree)].id
                assert view.select_node(node_id) and view.current_node_id() == node_id
            assert messages == []
        del tester
    finally:
        qInstallMessageHandler(previous)
        if view is not None:
            view.deleteLater()
    assert messages == []
