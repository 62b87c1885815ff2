"""At the farthest zoom the graph still names things: a few cards keep short labels (the selected one
first), drawn in screen pixels and never over each other; the legend wraps to the pane's width and the
minimap never covers it."""

from __future__ import annotations

import random
from typing import Any

from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.ui import i18n
from desktop_chat.ui.tree.graph_items import SHAPE_LOD
from desktop_chat.ui.tree.graph_overlays import MINIMAP_NODES
from desktop_chat.ui.tree.graph_view import ConversationGraphView
from tests.ui.tree.test_graph_view import make


def big_tree(count: int) -> tuple[ConversationTree, list[Any]]:
    rng = random.Random(3)
    nodes = [make("Plan a long trip across the country")]
    for i in range(1, count):
        parent = nodes[-1] if rng.random() < 0.9 else rng.choice(nodes)
        nodes.append(make(f"Step {i}: what next on the road", parent))
    return ConversationTree("c", nodes), nodes


def shown_view(qtbot: Any, tree: ConversationTree, width: int, height: int) -> ConversationGraphView:
    view = ConversationGraphView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.set_tree(tree)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_far_out_short_labels_remain_and_the_selection_is_named(qtbot: Any) -> None:
    tree, nodes = big_tree(400)
    view = shown_view(qtbot, tree, 320, 500)
    view.fit_to_view()
    view.select_node(nodes[-1].id)
    view.grab()  # painted as on screen
    view.grab()  # (the first paint switched to the overview)
    assert view.zoom() < SHAPE_LOD and view.overview_shown()  # cards are blocks now
    labels = view._overview.labels
    assert labels is not None
    assert nodes[-1].id in labels.labelled  # the selection always says what it is
    assert len(labels.labelled) >= 3
    texts = [labels.text(view.card(node_id)) for node_id in labels.labelled]
    assert all(text and len(text) <= 40 for text in texts)  # a few words, not the whole prompt


def test_the_legend_fits_the_pane_and_the_minimap_leaves_it_visible(qtbot: Any, qapp: Any) -> None:
    i18n.switch(qapp, "ko")
    try:
        tree, _ = big_tree(MINIMAP_NODES + 10)
        view = shown_view(qtbot, tree, 300, 480)
        view.fit_to_view()
        legend, minimap = view.legend, view.minimap
        assert minimap.isVisible()
        assert legend.width() <= view.viewport().width()
        assert all(not name.isascii() for name in legend.names)
        assert not legend.geometry().intersects(minimap.geometry())
        assert view.viewport().geometry().contains(legend.geometry())
    finally:
        i18n.switch(qapp, "en")
