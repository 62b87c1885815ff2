"""Switching the tree pane to the graph leaves the window's layout alone: the sidebar keeps its width
(a 900×600 window) and the status bar stays on screen, however big the tree."""

from __future__ import annotations

from typing import Any

from desktop_chat.core.conversation.model import Conversation
from tests.ui.tree.test_graph_far_out import big_tree


def test_the_sidebar_keeps_its_width_when_the_graph_is_shown(app_window: Any, qtbot: Any) -> None:
    window = app_window
    window.resize(900, 600)
    _, nodes = big_tree(300)
    conversation = Conversation(title="wide")
    for node in nodes:
        node.conversation_id = conversation.id
    window.store.save_conversation(conversation)
    window.store.insert_nodes(nodes)
    window.open_conversation(conversation.id)
    qtbot.waitUntil(lambda: window.tree is not None and len(window.tree) == 300, timeout=5000)
    qtbot.wait(50)  # laid out at its size (nothing to wait on: nothing is meant to change)
    assert window.width() == 900  # a long reply target does not widen the window
    before = window.main_split.sizes()
    assert before[0] >= 250
    window.tree_pane.toggle_graph()
    window.tree_pane.zoom_graph(0)
    qtbot.wait(50)  # a layout pass (nothing to wait on: what is checked is that nothing changes)
    assert window.tree_pane.graph_shown()
    assert abs(window.main_split.sizes()[0] - before[0]) <= 2
    assert window.rect().contains(window.statusBar().geometry())
