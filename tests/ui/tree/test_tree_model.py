"""The Qt tree model follows the pure ConversationTree as an outline (flat chains, nesting at forks);
the tree view selects, and moves by keyboard along the real tree."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_chat.core.conversation.model import Node, NodeStatus, Usage, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.ui.tree.tree_model import NODE_ID_ROLE, ConversationTreeModel
from desktop_chat.ui.tree.tree_view import ConversationTreeView

DISPLAY = Qt.ItemDataRole.DisplayRole


def make(text: str, parent: Node | None = None, **fields: Any) -> Node:
    fields.setdefault("status", NodeStatus.COMPLETED)
    return Node("c", parent.id if parent else None, [user_message(text)], **fields)


def branching(**fields: Any) -> tuple[ConversationTree, dict[str, Node]]:
    """The tree below, every node made with `fields`:
    root ─┬─ a ─┬─ a1
          │     └─ a2 ── a2x
          └─ b
    other (a second root)"""
    n: dict[str, Node] = {}
    n["root"] = make("root", **fields)
    n["a"] = make("a", n["root"], **fields)
    n["b"] = make("b", n["root"], **fields)
    n["a1"] = make("a1", n["a"], **fields)
    n["a2"] = make("a2", n["a"], **fields)
    n["a2x"] = make("a2x", n["a2"], **fields)
    n["other"] = make("other", **fields)
    for i, node in enumerate(n.values()):
        node.created_at = float(i)
    return ConversationTree("c", n.values()), n


def chain(texts: list[str], parent: Node | None = None, n: dict[str, Node] | None = None) -> list[Node]:
    """Turns each replying to the one before (named by their text in `n`, when given)."""
    nodes: list[Node] = []
    for text in texts:
        parent = make(text, parent)
        nodes.append(parent)
        if n is not None:
            n[text] = parent
    return nodes


def outline_by_definition(tree: ConversationTree) -> dict[str | None, list[str]]:
    """Each visual parent's rows, recomputed from scratch: a node whose parent has 2+ children
    (None: the roots) sits under that parent at its real row; an only child of a root-less parent
    sits first at the top level; of a branch head, first under the head; otherwise it follows its
    parent in the parent's list."""
    places: dict[str, tuple[str | None, int]] = {}

    def place(node_id: str) -> tuple[str | None, int]:
        pending = [node_id]  # iterative: chains are long
        while pending:
            current = pending[-1]
            parent = tree.parent_of(current)
            if tree.child_count(parent) >= 2:
                places[current] = (parent, [c.id for c in tree.children(parent)].index(current))
            elif parent is None:
                places[current] = (None, 0)
            elif tree.child_count(tree.parent_of(parent)) >= 2:
                places[current] = (parent, 0)
            elif parent in places:
                visual_parent, row = places[parent]
                places[current] = (visual_parent, row + 1)
            else:
                pending.append(parent)
                continue
            pending.pop()
        return places[node_id]

    rows: dict[str | None, dict[int, str]] = {None: {}}
    for node in tree.nodes():
        visual_parent, row = place(node.id)
        assert row not in rows.setdefault(visual_parent, {})
        rows[visual_parent][row] = node.id
    for listed in rows.values():
        assert sorted(listed) == list(range(len(listed)))  # rows 0..n-1, none missing
    return {parent: [listed[row] for row in range(len(listed))] for parent, listed in rows.items()}


def outline_of(model: ConversationTreeModel, tree: ConversationTree) -> dict[str | None, list[str]]:
    """The rows under each parent, walked through index()/rowCount(); checks on the way that every
    node is reached exactly once, parent(index(r, 0, p)) == p, and index_for agrees."""
    found: dict[str | None, list[str]] = {}
    seen: set[str] = set()
    pending: list[tuple[str | None, QModelIndex]] = [(None, QModelIndex())]
    while pending:
        parent_id, parent = pending.pop()
        rows: list[str] = []
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            assert index.isValid() and index.row() == row
            assert model.parent(index) == parent
            node_id = index.data(NODE_ID_ROLE)
            assert node_id in tree and node_id not in seen, node_id
            seen.add(node_id)
            assert tree.get(node_id).user_text in index.data(DISPLAY)
            assert model.index_for(node_id) == index
            assert model.hasChildren(index) == (model.rowCount(index) > 0)
            rows.append(node_id)
            pending.append((node_id, index))
        assert not model.index(len(rows), 0, parent).isValid()
        if rows or parent_id is None:
            found[parent_id] = rows
    assert seen == {node.id for node in tree.nodes()}
    return found


def assert_in_sync(model: ConversationTreeModel, tree: ConversationTree, by_rows_first: bool = False) -> None:
    """The model's rows are the outline the definition gives, and its outline queries agree.

    Looking up nodes and walking rows both fill the model's caches: one of them goes first."""
    expected = outline_by_definition(tree)
    if by_rows_first:
        assert outline_of(model, tree) == expected
    for parent_id, rows in expected.items():
        for row, node_id in enumerate(rows):
            index = model.index_for(node_id)
            assert index.row() == row and model.node_id(model.parent(index)) == parent_id
    assert outline_of(model, tree) == expected
    for parent_id, rows in expected.items():
        assert model.visual_children(parent_id) == rows
        assert model.visual_child_count(parent_id) == len(rows)
        for row, node_id in enumerate(rows):
            assert model.visual_parent(node_id) == parent_id
            assert model.is_last_visual_child(node_id) == (row == len(rows) - 1)
    for node in tree.nodes():
        ancestors, current = [], model.visual_parent(node.id)
        while current is not None:
            ancestors.append(current)
            current = model.visual_parent(current)
        assert model.visual_ancestors(node.id) == ancestors
        if node.id not in expected:
            assert model.visual_child_count(node.id) == 0 and model.visual_children(node.id) == []


def names(model: ConversationTreeModel, parent: Node | None = None) -> list[str]:
    """The labels of the rows listed under a node (the top level for None)."""
    index = model.index_for(parent.id) if parent is not None else QModelIndex()
    return [model.index(row, 0, index).data(DISPLAY) for row in range(model.rowCount(index))]


@pytest.fixture(params=[True, False], ids=["py-tester", "qt-tester"])
def tester(request: pytest.FixtureRequest, qtmodeltester: Any) -> Any:
    """pytest-qt's Python tester (raises) and Qt's C++ tester (warns; the marker makes it fail)."""
    return lambda model: qtmodeltester.check(model, force_py=request.param)


pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def test_empty_model_passes_the_model_tester(tester: Any) -> None:
    model = ConversationTreeModel()
    tester(model)
    assert model.rowCount() == 0
    assert not model.index_for("missing").isValid()
    model.set_tree(ConversationTree("c"))
    tester(model)
    assert model.rowCount() == 0


def test_branching_tree_matches_and_passes_the_model_tester(tester: Any) -> None:
    tree, n = branching()
    model = ConversationTreeModel()
    model.set_tree(tree)
    tester(model)
    assert_in_sync(model, tree)
    assert model.rowCount() == 2
    assert model.rowCount(model.index_for(n["a"].id)) == 2
    assert model.index_for(n["a2x"].id).parent() == model.index_for(n["a2"].id)
    assert model.index_for(n["b"].id).row() == 1


def test_inserting_into_the_tree_updates_the_model_under_the_tester(tester: Any, qtbot: Any) -> None:
    tree, n = branching()
    model = ConversationTreeModel()
    model.set_tree(tree)
    tester(model)
    new_root = make("new root")
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        tree.insert(new_root)
    assert inserted.args[1:] == [2, 2] and not inserted.args[0].isValid()
    deep = make("deeper", n["a2x"])  # a2x continues branch a2: the reply follows it under a2
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        tree.insert(deep)
    assert inserted.args[0] == model.index_for(n["a2"].id) and inserted.args[1:] == [1, 1]
    for i in range(5):  # fan-out: several siblings under one parent (the second one forks b)
        tree.insert(make(f"variant {i}", n["b"]))
    tree.insert(make("child of new", new_root))
    assert_in_sync(model, tree)
    assert model.rowCount(model.index_for(n["b"].id)) == 5
    assert names(model, n["a2"]) == ["a2x", "deeper"]


def test_changed_node_emits_data_changed_and_shows_its_status(tester: Any, qtbot: Any) -> None:
    tree = ConversationTree("c")
    model = ConversationTreeModel()
    model.set_tree(tree)
    tester(model)
    node = make("Explain   branches\nplease", status=NodeStatus.STREAMING)
    tree.insert(node)
    index = model.index_for(node.id)
    assert index.data(DISPLAY) == "Explain branches please  ● streaming"
    node.status = NodeStatus.FAILED
    node.error = "The server closed the connection."
    with qtbot.waitSignal(model.dataChanged) as changed:
        tree.changed(node)
    assert changed.args[0] == index
    assert index.data(DISPLAY) == "Explain branches please  ⚠ failed"
    node.status = NodeStatus.COMPLETED
    node.model = "gpt-4.1-mini"
    node.usage = Usage(input_tokens=12, output_tokens=34, reasoning_tokens=5)
    node.response_id = "resp_123"
    tree.changed(node)
    assert index.data(DISPLAY) == "Explain branches please"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    for part in (
        "Explain branches please",
        "gpt-4.1-mini",
        "12 in",
        "34 out",
        "5 reasoning",
        "completed",
        "resp_123",
    ):
        assert part in tip


def test_labels_are_short_single_line_and_escaped_in_tooltips() -> None:
    long = "가나다라마바사 " * 20
    tree = ConversationTree("c", [make(long), make("<b>bold?</b>", status=NodeStatus.INTERRUPTED)])
    model = ConversationTreeModel()
    model.set_tree(tree)
    label = model.index(0, 0).data(DISPLAY)
    assert len(label) <= 40 and label.endswith("…") and "\n" not in label
    second = model.index(1, 0)
    assert second.data(DISPLAY) == "<b>bold?</b>  … interrupted"
    assert "&lt;b&gt;bold?&lt;/b&gt;" in second.data(Qt.ItemDataRole.ToolTipRole)


def test_set_tree_resets_and_stops_listening_to_the_old_tree(qtbot: Any) -> None:
    old, _ = branching()
    model = ConversationTreeModel()
    model.set_tree(old)
    new = ConversationTree("d", [make("only")])
    with qtbot.waitSignal(model.modelReset):
        model.set_tree(new)
    assert model.rowCount() == 1
    with qtbot.assertNotEmitted(model.rowsInserted):
        old.insert(make("ignored"))
    assert model.rowCount() == 1
    model.set_tree(None)
    assert model.rowCount() == 0


def test_ten_thousand_nodes_build_and_expand(qtbot: Any) -> None:
    """A 5k-deep chain plus 5k siblings of its second turn: building, expanding and walking stay
    linear. The chain after the fork is one flat list under its head."""
    nodes: list[Node] = []
    parent: Node | None = None
    for i in range(5_000):
        parent = make(f"turn {i}", parent, created_at=float(i))
        nodes.append(parent)
    first = nodes[0]
    nodes += [make(f"variant {i}", first, created_at=10_000.0 + i) for i in range(5_000)]
    tree = ConversationTree("c", nodes)
    model = ConversationTreeModel()
    view = ConversationTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_tree(tree)
    view.show()
    deepest = nodes[4_999]
    assert view.select_node(deepest.id)
    assert view.current_node_id() == deepest.id
    assert model.visual_ancestors(deepest.id) == [nodes[1].id, first.id]
    assert view.isExpanded(model.index_for(nodes[1].id)) and view.isExpanded(model.index_for(first.id))
    assert model.index_for(deepest.id).row() == 4_997  # turns 2..4999 under the head, turn 1
    assert model.rowCount(model.index_for(nodes[1].id)) == 4_998
    assert model.rowCount() == 1 and model.rowCount(model.index_for(first.id)) == 5_001
    last_variant = model.index(5_000, 0, model.index_for(first.id))
    assert last_variant.data(DISPLAY) == "variant 4999"
    # a reply to the deepest turn is one more row in that list
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        tree.insert(make("one more", deepest))
    assert inserted.args[0] == model.index_for(nodes[1].id) and inserted.args[1:] == [4_998, 4_998]


# -- the view -----------------------------------------------------------------------------------
def shown_view(
    qtbot: Any, model: ConversationTreeModel, tree: ConversationTree | None = None
) -> ConversationTreeView:
    """A tree view over `model` (showing `tree` when given), shown at 300x400."""
    view = ConversationTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    if tree is not None:
        model.set_tree(tree)
    view.resize(300, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def view(qtbot: Any) -> tuple[ConversationTreeView, ConversationTreeModel, ConversationTree, dict[str, Node]]:
    tree, n = branching()
    model = ConversationTreeModel()
    return shown_view(qtbot, model, tree), model, tree, n


def test_view_is_named_expanded_and_headerless(view: Any) -> None:
    tree_view, model, _, n = view
    assert tree_view.objectName() == "conversation_tree"
    assert tree_view.isHeaderHidden()
    for key in ("root", "a", "a2"):
        assert tree_view.isExpanded(model.index_for(n[key].id))


def test_programmatic_select_emits_nothing_user_click_and_keys_do(view: Any, qtbot: Any) -> None:
    tree_view, model, _, n = view
    with qtbot.assertNotEmitted(tree_view.node_selected):
        assert tree_view.select_node(n["a1"].id)
    assert tree_view.current_node_id() == n["a1"].id
    assert not tree_view.select_node("no such node")

    rect = tree_view.visualRect(model.index_for(n["b"].id))
    with qtbot.waitSignal(tree_view.node_selected) as clicked:
        QTest.mouseClick(tree_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [n["b"].id]

    tree_view.setFocus()
    with qtbot.waitSignal(tree_view.node_selected) as moved:
        QTest.keyClick(tree_view, Qt.Key.Key_Down)
    assert moved.args == [n["other"].id]


def test_keyboard_moves_select_and_emit(view: Any, qtbot: Any) -> None:
    tree_view, _, _, n = view
    tree_view.select_node(n["a2"].id)

    def move(action: Any) -> str:
        with qtbot.waitSignal(tree_view.node_selected) as blocker:
            assert action()
        assert tree_view.current_node_id() == blocker.args[0]
        return str(blocker.args[0])

    assert move(lambda: tree_view.move_to_sibling(-1)) == n["a1"].id
    assert move(lambda: tree_view.move_to_sibling(1)) == n["a2"].id
    assert move(tree_view.move_to_first_child) == n["a2x"].id
    assert move(tree_view.move_to_parent) == n["a2"].id
    assert move(tree_view.move_to_parent) == n["a"].id
    assert move(lambda: tree_view.move_to_sibling(1)) == n["b"].id
    # at the ends nothing moves and nothing is emitted
    with qtbot.assertNotEmitted(tree_view.node_selected):
        assert not tree_view.move_to_sibling(1)
        assert not tree_view.move_to_first_child()
    assert tree_view.current_node_id() == n["b"].id
    tree_view.select_node(n["root"].id)
    with qtbot.assertNotEmitted(tree_view.node_selected):
        assert not tree_view.move_to_parent()


def test_new_nodes_are_visible_in_the_view(view: Any) -> None:
    tree_view, model, tree, n = view
    tree_view.collapse(model.index_for(n["b"].id))
    child = make("new answer", n["b"])
    tree.insert(child)
    assert tree_view.isExpanded(model.index_for(n["b"].id))
    assert tree_view.select_node(child.id)
    assert tree_view.visualRect(model.index_for(child.id)).isValid()


def test_first_child_from_nothing_selected_goes_to_the_first_root(view: Any, qtbot: Any) -> None:
    tree_view, _, _, n = view
    assert tree_view.current_node_id() is None
    with qtbot.waitSignal(tree_view.node_selected) as blocker:
        assert tree_view.move_to_first_child()
    assert blocker.args == [n["root"].id]


# -- the outline: flat chains, nesting at forks ---------------------------------------------------
def test_a_linear_conversation_is_a_flat_list_at_the_top_level(qtbot: Any, tester: Any) -> None:
    turns = chain([f"turn {i}" for i in range(40)])
    tree = ConversationTree("c", turns)
    model = ConversationTreeModel()
    model.set_tree(tree)
    tester(model)
    assert names(model) == [f"turn {i}" for i in range(40)]
    for row, turn in enumerate(turns):
        index = model.index_for(turn.id)
        assert index.row() == row and not index.parent().isValid() and model.rowCount(index) == 0
        assert model.visual_ancestors(turn.id) == []
    assert_in_sync(model, tree)

    view = shown_view(qtbot, model)
    lefts = {view.visualRect(model.index_for(turn.id)).left() for turn in turns[:10]}
    assert len(lefts) == 1  # one indentation for all: nothing marches off to the right
    assert view.select_node(turns[-1].id)
    QApplication.processEvents()  # the deferred horizontal scroll
    assert view.visualRect(model.index_for(turns[-1].id)).intersects(view.viewport().rect())
    bar = view.horizontalScrollBar()
    assert bar.value() == 0 and bar.maximum() == 0  # the labels fit: nothing to scroll sideways
    for width in (500, 250):  # the column follows the view's width while the labels fit
        view.resize(width, 400)
        QApplication.processEvents()
        assert view.columnWidth(0) == view.viewport().width() and bar.maximum() == 0


def fork_conversation() -> tuple[ConversationTree, dict[str, Node]]:
    # t0 ─ t1 ─ t2 ─┬─ u1 ─ u2 ─ u3 ─┬─ x
    #               │                └─ y ─ y1
    #               ├─ v1
    #               └─ w1 ─ w2
    n: dict[str, Node] = {}
    chain(["t0", "t1", "t2"], None, n)
    chain(["u1", "u2", "u3"], n["t2"], n)
    chain(["v1"], n["t2"], n)
    chain(["w1", "w2"], n["t2"], n)
    chain(["x"], n["u3"], n)
    chain(["y", "y1"], n["u3"], n)
    return ConversationTree("c", n.values()), n


def test_a_fork_lists_its_branch_heads_and_each_head_its_continuation(tester: Any) -> None:
    tree, n = fork_conversation()
    model = ConversationTreeModel()
    model.set_tree(tree)
    tester(model)
    assert_in_sync(model, tree)
    assert names(model) == ["t0", "t1", "t2"]
    assert names(model, n["t2"]) == ["u1", "v1", "w1"]  # the heads, one row per branch
    assert names(model, n["u1"]) == ["u2", "u3"]  # the branch's continuation under its head
    assert names(model, n["u3"]) == ["x", "y"]  # a fork at the end of a chain lists its heads
    assert names(model, n["y"]) == ["y1"]
    assert names(model, n["w1"]) == ["w2"]
    for leaf_or_inner in ("v1", "u2", "w2", "x", "y1", "t0", "t1"):
        assert model.rowCount(model.index_for(n[leaf_or_inner].id)) == 0
    assert model.visual_ancestors(n["y1"].id) == [n[k].id for k in ("y", "u3", "u1", "t2")]
    assert model.is_last_visual_child(n["t2"].id) and not model.is_last_visual_child(n["u2"].id)


def test_a_reply_to_a_leaf_is_one_row_more_in_its_list(qtbot: Any, tester: Any) -> None:
    tree, n = fork_conversation()
    model = ConversationTreeModel()
    model.set_tree(tree)
    tester(model)
    for parent, listed_under, row in (("y1", "y", 1), ("w2", "w1", 1), ("v1", "v1", 0), ("x", "x", 0)):
        reply = make(f"reply to {parent}", n[parent])
        with qtbot.assertNotEmitted(model.layoutChanged), qtbot.waitSignal(model.rowsInserted) as inserted:
            tree.insert(reply)
        assert inserted.args[0] == model.index_for(n[listed_under].id) and inserted.args[1:] == [row, row]
        assert model.index_for(reply.id) == model.index(row, 0, model.index_for(n[listed_under].id))
        n[reply.user_text] = reply
    assert names(model, n["v1"]) == ["reply to v1"]  # a head's first reply starts its continuation
    # a new answer at an existing fork is one more head
    with qtbot.assertNotEmitted(model.layoutChanged), qtbot.waitSignal(model.rowsInserted) as inserted:
        tree.insert(make("z1", n["t2"]))
    assert inserted.args[0] == model.index_for(n["t2"].id) and inserted.args[1:] == [3, 3]
    # and a reply at the end of the top-level chain of a new conversation
    single = ConversationTree("d", chain(["only"]))
    model.set_tree(single)
    with qtbot.assertNotEmitted(model.layoutChanged), qtbot.waitSignal(model.rowsInserted) as inserted:
        single.insert(make("next", single.roots()[0]))
    assert not inserted.args[0].isValid() and inserted.args[1:] == [1, 1]
    assert names(model) == ["only", "next"]
    assert_in_sync(model, single)


ChainView = tuple[ConversationTreeView, ConversationTreeModel, ConversationTree, list[Node]]


@pytest.fixture
def chain_view(qtbot: Any) -> ChainView:
    """Ten turns, sent one after the other in an open window (none was there when it opened)."""
    turns = chain([f"t{i}" for i in range(10)])
    tree = ConversationTree("c")
    model = ConversationTreeModel()
    view = shown_view(qtbot, model, tree)
    for turn in turns:
        tree.insert(turn)
        view.select_node(turn.id)
    return view, model, tree, turns


def test_regenerating_mid_chain_forks_and_keeps_selection_and_rows_in_view(
    chain_view: Any, qtbot: Any, tester: Any
) -> None:
    view, model, tree, t = chain_view
    tester(model)
    assert view.select_node(t[7].id)
    selected = QPersistentModelIndex(model.index_for(t[7].id))
    other = make("t5 again", t[4])  # a second answer to t4's reply: t4 forks
    with qtbot.waitSignal(model.layoutChanged):
        tree.insert(other)
    assert_in_sync(model, tree)
    assert names(model) == ["t0", "t1", "t2", "t3", "t4"]
    assert names(model, t[4]) == ["t5", "t5 again"]
    assert names(model, t[5]) == ["t6", "t7", "t8", "t9"]
    # the same turn stays selected, at its new place; the old and the new branch are both in view
    assert view.current_node_id() == t[7].id
    assert selected.isValid() and model.node_id(selected) == t[7].id
    assert selected.row() == 1 and model.node_id(selected.parent()) == t[5].id
    for node in (t[7], other):
        assert view.visualRect(model.index_for(node.id)).isValid(), node.user_text
    assert view.isExpanded(model.index_for(t[4].id)) and view.isExpanded(model.index_for(t[5].id))
    # a reply under the new branch head is one row in its list
    with qtbot.waitSignal(model.rowsInserted):
        tree.insert(make("t6 again", other))
    assert names(model, other) == ["t6 again"]
    assert view.isExpanded(model.index_for(other.id))


def test_deleting_a_branch_merges_the_fork_back_into_one_list(
    chain_view: Any, qtbot: Any, tester: Any
) -> None:
    view, model, tree, t = chain_view
    other = make("t5 again", t[4])
    tree.insert(other)
    reply = make("t6 again", other)
    tree.insert(reply)
    tester(model)
    assert view.select_node(t[8].id)
    gone = QPersistentModelIndex(model.index_for(reply.id))
    with qtbot.waitSignal(model.layoutChanged):
        tree.remove_subtree(other.id)
    assert not gone.isValid()
    assert_in_sync(model, tree)
    assert names(model) == [f"t{i}" for i in range(10)]  # flat again
    assert view.current_node_id() == t[8].id
    assert view.visualRect(model.index_for(t[8].id)).isValid()
    # deleting the tail of the chain removes its rows from the list
    with qtbot.assertNotEmitted(model.layoutChanged), qtbot.waitSignal(model.rowsRemoved) as removed:
        tree.remove_subtree(t[6].id)
    assert not removed.args[0].isValid() and removed.args[1:] == [6, 9]
    assert names(model) == [f"t{i}" for i in range(6)]
    assert_in_sync(model, tree)
    # a fork of three that loses one branch is still a fork
    for text in ("a", "b", "c"):
        tree.insert(make(text, t[5]))
    with qtbot.assertNotEmitted(model.layoutChanged), qtbot.waitSignal(model.rowsRemoved) as removed:
        tree.remove_subtree(tree.children(t[5].id)[1].id)
    assert removed.args[0] == model.index_for(t[5].id) and removed.args[1:] == [1, 1]
    assert names(model, t[5]) == ["a", "c"]
    assert_in_sync(model, tree)


def test_several_roots_are_heads_and_one_root_left_is_a_flat_list(qtbot: Any, tester: Any) -> None:
    first = chain(["A", "A1", "A2"])
    tree = ConversationTree("c", first)
    model = ConversationTreeModel()
    model.set_tree(tree)
    tester(model)
    assert names(model) == ["A", "A1", "A2"]
    second = make("B")
    with qtbot.waitSignal(model.layoutChanged):
        tree.insert(second)  # a second conversation start: both roots become heads
    assert names(model) == ["A", "B"] and names(model, first[0]) == ["A1", "A2"]
    assert_in_sync(model, tree)
    with qtbot.assertNotEmitted(model.layoutChanged):
        tree.insert(make("C"))
        tree.insert(make("B1", second))
    assert names(model) == ["A", "B", "C"] and names(model, second) == ["B1"]
    assert_in_sync(model, tree)
    tree.remove_subtree(tree.roots()[2].id)
    with qtbot.waitSignal(model.layoutChanged):
        tree.remove_subtree(second.id)
    assert names(model) == ["A", "A1", "A2"]
    assert_in_sync(model, tree)
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        tree.remove_subtree(first[0].id)
    assert removed.args[1:] == [0, 2] and model.rowCount() == 0


def test_keyboard_moves_follow_the_real_tree_not_the_rows(qtbot: Any) -> None:
    tree, n = fork_conversation()
    model = ConversationTreeModel()
    view = ConversationTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_tree(tree)
    view.show()
    qtbot.waitExposed(view)

    def move(action: Any) -> str:
        with qtbot.waitSignal(view.node_selected) as blocker:
            assert action()
        assert view.current_node_id() == blocker.args[0]
        return next(k for k, node in n.items() if node.id == blocker.args[0])

    view.select_node(n["u3"].id)
    assert move(view.move_to_parent) == "u2"  # the row above, in the same list
    assert move(view.move_to_parent) == "u1"  # the branch head the list hangs under
    assert move(view.move_to_parent) == "t2"
    assert move(view.move_to_parent) == "t1"  # the row above at the top level
    assert move(view.move_to_first_child) == "t2"  # the row below: its only reply
    assert move(view.move_to_first_child) == "u1"
    assert move(lambda: view.move_to_sibling(1)) == "v1"  # the other answers to t2's reply
    assert move(lambda: view.move_to_sibling(1)) == "w1"
    assert move(lambda: view.move_to_sibling(-1)) == "v1"
    view.select_node(n["u2"].id)
    with qtbot.assertNotEmitted(view.node_selected):
        assert not view.move_to_sibling(1)  # an only reply has no siblings, though rows follow it
        assert not view.move_to_sibling(-1)
    assert move(view.move_to_first_child) == "u3"
    assert move(view.move_to_first_child) == "x"
    assert move(lambda: view.move_to_sibling(1)) == "y"
    # the arrow keys move along the rows, as in any Qt tree
    view.select_node(n["t1"].id)
    view.setFocus()
    with qtbot.waitSignal(view.node_selected) as moved:
        QTest.keyClick(view, Qt.Key.Key_Down)
    assert moved.args == [n["t2"].id]


def test_rows_keep_their_open_or_folded_state_when_the_outline_regroups(chain_view: Any) -> None:
    view, model, tree, t = chain_view
    n: dict[str, Node] = {}
    for text, parent in (("a", t[9]), ("b", t[9]), ("b1", None), ("c", t[9]), ("c1", None)):
        n[text] = make(text, parent or n[text[0]])
        tree.insert(n[text])
    assert view.isExpanded(model.index_for(t[9].id)) and view.isExpanded(model.index_for(n["b"].id))
    view.collapse(model.index_for(n["c"].id))  # the user folds one branch
    other = make("t4 again", t[3])
    for change in (
        lambda: tree.insert(other),  # t3 forks: t9's row moves from the top level under t4
        lambda: tree.remove_subtree(other.id),  # and back
        lambda: tree.remove_subtree(n["a"].id),  # b and c move up a row
    ):
        change()
        assert_in_sync(model, tree)
        assert view.isExpanded(model.index_for(t[9].id)) and view.isExpanded(model.index_for(n["b"].id))
        assert view.visualRect(model.index_for(n["b1"].id)).isValid()
        assert not view.isExpanded(model.index_for(n["c"].id))
        assert not view.visualRect(model.index_for(n["c1"].id)).isValid()


def test_siblings_with_the_same_prompt_are_labelled_by_model_and_answer() -> None:
    root = make("q")
    first = make("And a directed graph?", root, model="model-a", output_text="A directed graph has arrows.")
    second = make("And a directed graph?", root, model="model-b", output_text="Edges point one way.")
    edited = make("And an undirected one?", root, model="model-a", output_text="No arrows.")
    tree = ConversationTree("c", [root, first, second, edited])
    model = ConversationTreeModel()
    model.set_tree(tree)
    labels = names(model, root)
    assert labels[:2] == ["[model-a] A directed graph has arrows.", "[model-b] Edges point one way."]
    assert labels[2] == "And an undirected one?"  # its own prompt tells it apart


def test_a_continue_turn_is_labelled_by_what_it_added() -> None:
    root = make("Write a poem", output_text="Roses are red,")
    going_on = make(
        "Continue exactly where your previous answer stopped.", root, output_text="violets are blue."
    )
    going_on.params["continues"] = True
    model = ConversationTreeModel()
    model.set_tree(ConversationTree("c", [root, going_on]))
    index = model.index_for(going_on.id)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "↳ violets are blue."
