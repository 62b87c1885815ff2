"""The Qt tree model follows the pure ConversationTree; the tree view selects and moves by keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from desktop_chat.core.model import Node, NodeStatus, Usage, user_message
from desktop_chat.core.tree import ConversationTree
from desktop_chat.ui.tree_model import NODE_ID_ROLE, ConversationTreeModel
from desktop_chat.ui.tree_view import ConversationTreeView

DISPLAY = Qt.ItemDataRole.DisplayRole


def make(text: str, parent: Node | None = None, **fields: Any) -> Node:
    fields.setdefault("status", NodeStatus.COMPLETED)
    return Node("c", parent.id if parent else None, [user_message(text)], **fields)


def branching() -> tuple[ConversationTree, dict[str, Node]]:
    # root ─┬─ a ─┬─ a1
    #       │     └─ a2 ── a2x
    #       └─ b
    # other (a second root)
    n: dict[str, Node] = {}
    n["root"] = make("root")
    n["a"] = make("a", n["root"])
    n["b"] = make("b", n["root"])
    n["a1"] = make("a1", n["a"])
    n["a2"] = make("a2", n["a"])
    n["a2x"] = make("a2x", n["a2"])
    n["other"] = make("other")
    for i, node in enumerate(n.values()):
        node.created_at = float(i)
    return ConversationTree("c", n.values()), n


def assert_in_sync(model: ConversationTreeModel, tree: ConversationTree) -> None:
    """Every parent's children, rows, labels, ids and parents agree with the pure tree."""

    def walk(parent_id: str | None, parent: QModelIndex) -> None:
        kids = tree.children(parent_id)
        assert model.rowCount(parent) == len(kids)
        for row, node in enumerate(kids):
            index = model.index(row, 0, parent)
            assert index.data(NODE_ID_ROLE) == node.id
            assert node.user_text in index.data(DISPLAY)
            assert model.parent(index) == parent
            assert model.index_for(node.id) == index
            walk(node.id, index)

    walk(None, QModelIndex())


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
    deep = make("deeper", n["a2x"])
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        tree.insert(deep)
    assert inserted.args[0] == model.index_for(n["a2x"].id)
    for i in range(5):  # fan-out: several siblings under one parent
        tree.insert(make(f"variant {i}", n["b"]))
    tree.insert(make("child of new", new_root))
    assert_in_sync(model, tree)
    assert model.rowCount(model.index_for(n["b"].id)) == 5


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
    """A 5k-deep chain plus 5k siblings: building, expanding and walking stay linear."""
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
    assert view.isExpanded(model.index_for(nodes[4_998].id))
    assert model.rowCount(model.index_for(first.id)) == 5_001
    last_variant = model.index(5_000, 0, model.index_for(first.id))
    assert last_variant.data(DISPLAY) == "variant 4999"


# -- the view -----------------------------------------------------------------------------------
@pytest.fixture
def view(qtbot: Any) -> tuple[ConversationTreeView, ConversationTreeModel, ConversationTree, dict[str, Node]]:
    tree, n = branching()
    model = ConversationTreeModel()
    view = ConversationTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_tree(tree)
    view.resize(300, 400)
    view.show()
    qtbot.waitExposed(view)
    return view, model, tree, n


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
