"""The outline nests rows only at forks (two levels per fork: the branch heads under the fork, a
branch's continuation under its head), so a conversation forked at every other turn is as deep as it
is long: the outline shows the selected turn's label, draws deep rows as Qt does at a cost that does
not grow with the depth, and selects deep nodes cheaply."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop_chat.core.conversation.model import Node, NodeStatus, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.ui.tree import tree_view as tree_view_module
from desktop_chat.ui.tree.tree_model import ConversationTreeModel
from desktop_chat.ui.tree.tree_view import ConversationTreeView
from tests.conftest import wait_until


def test_the_selected_deep_turn_is_scrolled_into_view(qtbot: Any, arun: Any) -> None:
    tree, nodes = deep_tree(60)
    view, model = shown_view(qtbot, tree)
    assert len(model.visual_ancestors(nodes[-1].id)) >= 50

    async def scenario() -> None:
        assert view.select_node(nodes[-1].id)
        index = model.index_for(nodes[-1].id)
        # the label is on screen: its text starts inside the viewport, not far off to the right
        await wait_until(lambda: view.horizontalScrollBar().value() > 0, what="the horizontal scroll")
        rect = view.visualRect(index)
        text_width = view.fontMetrics().horizontalAdvance("turn 59")
        assert rect.left() >= 0 and rect.left() + text_width <= view.viewport().width()
        assert view.columnWidth(0) >= rect.left() + view.horizontalScrollBar().value() + text_width
        # a turn nested a few levels deep fits: no horizontal scroll (the rows above are not cut)
        assert len(model.visual_ancestors(nodes[3].id)) >= 2
        assert view.select_node(nodes[3].id)
        await wait_until(lambda: view.horizontalScrollBar().value() == 0, what="scrolling back")

    arun(scenario())


def deep_tree(depth: int, side_every: int = 2) -> tuple[ConversationTree, list[Node]]:
    """A main line `depth` turns deep with a second answer every few turns (each a fork: by default
    every other turn, so the outline is about as deep as the line); returns the main line."""
    nodes: list[Node] = []
    line: list[Node] = []
    for i in range(depth):
        node = Node(
            "c",
            line[-1].id if line else None,
            [user_message(f"turn {i}")],
            status=NodeStatus.COMPLETED,
            created_at=float(i),
        )
        line.append(node)
        nodes.append(node)
        if i % side_every == 1 and len(line) > 1:
            nodes.append(
                Node(
                    "c",
                    line[-2].id,
                    [user_message(f"side {i}")],
                    status=NodeStatus.COMPLETED,
                    created_at=i + 0.5,
                )
            )
    return ConversationTree("c", nodes), line


def shown_view(qtbot: Any, tree: ConversationTree) -> tuple[ConversationTreeView, ConversationTreeModel]:
    model = ConversationTreeModel()
    view = ConversationTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 400)
    view.show()
    qtbot.waitExposed(view)
    model.set_tree(tree)
    return view, model


@pytest.mark.parametrize("style", ["Fusion", "Windows"])
@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
def test_deep_rows_look_exactly_as_qt_draws_them(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, style: str, direction: Qt.LayoutDirection
) -> None:
    """Deep rows draw only the on-screen levels of their branch lines: the pixels are Qt's own."""
    tree, line = deep_tree(80)

    def screenshot(deep_from: int, scroll: int | None) -> QImage:
        monkeypatch.setattr(tree_view_module, "DEEP_ROW_LEVELS", deep_from)
        view, _model = shown_view(qtbot, tree)
        view.setStyle(QStyleFactory.create(style))
        view.setLayoutDirection(direction)
        view.select_node(line[-1].id)
        QApplication.processEvents()  # the deferred horizontal scroll to the label
        if scroll is not None:
            view.horizontalScrollBar().setValue(scroll)
        image = view.viewport().grab().toImage()
        view.close()
        return image

    for scroll in (None, 0, 300):
        assert screenshot(0, scroll) == screenshot(10**6, scroll), scroll


def test_switching_between_deep_siblings_asks_the_model_little(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    counting = [False]
    for name in ("parent", "rowCount", "flags"):  # patched before the model exists: Qt sees these
        original = getattr(ConversationTreeModel, name)

        def counted(self: Any, *args: Any, _original: Any = original, _name: str = name) -> Any:
            if counting[0]:
                calls.append(_name)
            return _original(self, *args)

        monkeypatch.setattr(ConversationTreeModel, name, counted)
    tree, line = deep_tree(400)
    view, _model = shown_view(qtbot, tree)
    sibling = Node("c", line[-2].id, [user_message("the other answer")], status=NodeStatus.COMPLETED)
    tree.insert(sibling)
    assert view.select_node(line[-1].id)
    QApplication.processEvents()
    counting[0] = True
    for target in (sibling, line[-1], sibling):
        assert view.select_node(target.id)
        view.viewport().repaint()  # the painted rows are 400 levels deep
    assert view.current_node_id() == sibling.id
    # A few calls per painted row (about 25 rows); Qt's own expanding, scrolling and branch drawing
    # ask about every ancestor of the node and of each painted row: 10,000 to 60,000 calls here.
    assert len(calls) < 2_000, len(calls)


def test_a_collapsed_ancestor_is_opened_again_when_a_node_below_it_is_selected(qtbot: Any) -> None:
    tree, line = deep_tree(60)
    view, model = shown_view(qtbot, tree)
    assert view.select_node(line[-1].id)
    rows_above = model.visual_ancestors(line[-1].id)
    middle = model.index_for(rows_above[len(rows_above) // 2])
    assert view.isExpanded(middle)
    view.collapse(middle)  # the user folds a branch
    assert view.select_node(line[-2].id)
    assert view.isExpanded(middle) and view.visualRect(model.index_for(line[-2].id)).isValid()
    view.collapseAll()
    assert view.select_node(line[-1].id)
    assert all(view.isExpanded(model.index_for(node_id)) for node_id in rows_above)
    assert view.visualRect(model.index_for(line[-1].id)).isValid()
