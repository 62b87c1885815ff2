"""A long linear conversation is a deep tree: the outline still shows the selected turn's label."""

from __future__ import annotations

from typing import Any

from desktop_chat.core.model import Node, NodeStatus, user_message
from desktop_chat.core.tree import ConversationTree
from desktop_chat.ui.tree_model import ConversationTreeModel
from desktop_chat.ui.tree_view import ConversationTreeView
from tests.conftest import wait_until


def test_the_selected_deep_turn_is_scrolled_into_view(qtbot: Any, arun: Any) -> None:
    nodes: list[Node] = []
    for i in range(60):
        nodes.append(
            Node(
                "c",
                nodes[-1].id if nodes else None,
                [user_message(f"turn number {i}")],
                status=NodeStatus.COMPLETED,
                created_at=float(i),
            )
        )
    model = ConversationTreeModel()
    view = ConversationTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 400)
    view.show()
    qtbot.waitExposed(view)
    model.set_tree(ConversationTree("c", nodes))

    async def scenario() -> None:
        assert view.select_node(nodes[-1].id)
        index = model.index_for(nodes[-1].id)
        # the label is on screen: its text starts inside the viewport, not far off to the right
        await wait_until(lambda: view.horizontalScrollBar().value() > 0, what="the horizontal scroll")
        rect = view.visualRect(index)
        text_width = view.fontMetrics().horizontalAdvance("turn number 59")
        assert 0 <= rect.left() < view.viewport().width() - text_width // 2
        assert view.columnWidth(0) >= rect.left() + view.horizontalScrollBar().value() + text_width

    arun(scenario())
