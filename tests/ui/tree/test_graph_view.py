"""The graph view follows the pure ConversationTree; cards select, fold and zoom as a user expects."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage, QPainter, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from desktop_chat.core.conversation.model import Node, NodeStatus, Usage
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.conversation.tree_layout import layout_tree
from desktop_chat.ui.tree.graph_items import STATUS_COLOURS, NodeCard
from desktop_chat.ui.tree.graph_view import ConversationGraphView
from tests.ui.tree.test_tree_model import branching as outline_branching
from tests.ui.tree.test_tree_model import make as outline_make

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def make(text: str, parent: Node | None = None, **fields: Any) -> Node:
    fields.setdefault("model", "gpt-4.1-mini")
    return outline_make(text, parent, **fields)


def branching() -> tuple[ConversationTree, dict[str, Node]]:
    return outline_branching(model="gpt-4.1-mini")


@pytest.fixture
def graph(qtbot: Any) -> tuple[ConversationGraphView, ConversationTree, dict[str, Node]]:
    tree, n = branching()
    view = ConversationGraphView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_tree(tree)
    view.show()
    qtbot.waitExposed(view)
    return view, tree, n


def centre_of(view: ConversationGraphView, node_id: str) -> QPoint:
    card = view.card(node_id)
    assert card is not None
    view.ensureVisible(card)
    return view.mapFromScene(card.sceneBoundingRect().center())


def click(view: ConversationGraphView, node_id: str) -> None:
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre_of(view, node_id)
    )


def test_set_tree_builds_one_card_per_node_where_the_layout_puts_it(graph: Any) -> None:
    view, tree, n = graph
    assert view.objectName() == "conversation_graph"
    cards = view.cards()
    assert set(cards) == {node.id for node in n.values()}
    layout = layout_tree(tree)
    for node_id, card in cards.items():
        assert (card.x(), card.y()) == layout.positions[node_id]
        assert card.title == tree.get(node_id).user_text
        assert "gpt-4.1-mini" in card.detail
    assert cards[n["a"].id].has_children and not cards[n["b"].id].has_children
    assert len([i for i in view.scene().items() if isinstance(i, NodeCard)]) == len(n)
    view.set_tree(None)
    assert view.cards() == {} and not any(isinstance(i, NodeCard) for i in view.scene().items())


def test_click_on_a_card_selects_it_and_emits_its_id(graph: Any, qtbot: Any) -> None:
    view, _, n = graph
    with qtbot.waitSignal(view.node_selected) as picked:
        click(view, n["a2"].id)
    assert picked.args == [n["a2"].id]
    assert view.current_node_id() == n["a2"].id
    on_path = {node_id for node_id, card in view.cards().items() if card.on_path}
    assert on_path == {n["root"].id, n["a"].id, n["a2"].id}
    assert [card.node_id for card in view.cards().values() if card.selected] == [n["a2"].id]
    with qtbot.assertNotEmitted(view.node_selected):
        click(view, n["a2"].id)  # already selected
        # a press on a card that ends elsewhere is a drag (it pans), not a pick
        start = centre_of(view, n["b"].id)
        QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseRelease(
            view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(60, 40)
        )
    assert view.current_node_id() == n["a2"].id


def test_select_node_is_silent_highlights_the_path_and_scrolls_to_it(qtbot: Any) -> None:
    nodes: list[Node] = []
    parent: Node | None = None
    for i in range(60):  # deeper than the window
        parent = make(f"turn {i}", parent, created_at=float(i))
        nodes.append(parent)
    tree = ConversationTree("c", nodes)
    view = ConversationGraphView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_tree(tree)
    view.show()
    qtbot.waitExposed(view)
    deepest = nodes[-1].id
    card = view.card(deepest)
    assert card is not None
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert not visible.intersects(card.sceneBoundingRect())
    with qtbot.assertNotEmitted(view.node_selected):
        assert view.select_node(deepest)
        assert not view.select_node("unknown") and not view.select_node(None)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(card.sceneBoundingRect())
    assert all(c.on_path for c in view.cards().values()) and card.selected
    assert view._highlight.path().elementCount() > 0


def test_keyboard_moves_select_and_emit(graph: Any, qtbot: Any) -> None:
    view, _, n = graph
    view.setFocus()
    with qtbot.waitSignal(view.node_selected) as picked:
        QTest.keyClick(view, Qt.Key.Key_Down)  # nothing selected: the first root
    assert picked.args == [n["root"].id]
    expected = [
        (Qt.Key.Key_Down, "a"),
        (Qt.Key.Key_Down, "a1"),
        (Qt.Key.Key_Right, "a2"),
        (Qt.Key.Key_Down, "a2x"),
        (Qt.Key.Key_Up, "a2"),
        (Qt.Key.Key_Left, "a1"),
        (Qt.Key.Key_Up, "a"),
        (Qt.Key.Key_Right, "b"),
    ]
    for key, name in expected:
        with qtbot.waitSignal(view.node_selected) as picked:
            QTest.keyClick(view, key)
        assert picked.args == [n[name].id], name
    with qtbot.assertNotEmitted(view.node_selected):
        assert not view.move_to_sibling(1)  # b is the last child
        assert not view.move_to_first_child()  # b has none
    assert view.current_node_id() == n["b"].id
    with qtbot.waitSignal(view.node_selected):
        assert view.move_to_parent()
    with qtbot.assertNotEmitted(view.node_selected):
        assert not view.move_to_parent()  # at the root
    with qtbot.waitSignal(view.node_selected) as picked:
        assert view.move_to_sibling(1)  # roots are siblings too
    assert picked.args == [n["other"].id]


def test_collapse_hides_the_subtree_and_select_node_reveals_it(graph: Any, qtbot: Any) -> None:
    view, _, n = graph
    view.set_collapsed(n["a"].id, True)
    hidden = {n[k].id for k in ("a1", "a2", "a2x")}
    assert hidden.isdisjoint(view.cards())
    card_a = view.card(n["a"].id)
    assert card_a is not None and card_a.hidden_count == 3
    assert len(view.cards()) == 4
    with qtbot.assertNotEmitted(view.node_selected):
        assert view.select_node(n["a2x"].id)
    assert hidden <= set(view.cards()) and not view.is_collapsed(n["a"].id)
    assert view.card(n["a"].id).hidden_count == 0  # type: ignore[union-attr]

    # double-click on a card folds it; the +/- box unfolds it; Space folds the selected node
    QTest.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        centre_of(view, n["a2"].id),
    )
    assert view.is_collapsed(n["a2"].id) and n["a2x"].id not in view.cards()
    card = view.card(n["a2"].id)
    assert card is not None
    box = view.mapFromScene(card.mapToScene(card.toggle_rect().center()))
    with qtbot.assertNotEmitted(view.node_selected):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, box)
    assert not view.is_collapsed(n["a2"].id) and n["a2x"].id in view.cards()
    view.select_node(n["root"].id)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert set(view.cards()) == {n["root"].id, n["other"].id}
    assert view.card(n["root"].id).hidden_count == 5  # type: ignore[union-attr]
    view.set_collapsed(n["b"].id, True)  # a leaf cannot fold
    assert not view.is_collapsed(n["b"].id)


def test_changed_node_updates_only_its_card_without_relayout(
    graph: Any, qtbot: Any, monkeypatch: Any
) -> None:
    view, tree, n = graph
    node = make("streaming now", n["b"], status=NodeStatus.STREAMING)
    tree.insert(node)
    qtbot.waitUntil(lambda: node.id in view.cards())
    card = view.card(node.id)
    assert card is not None and card.status is NodeStatus.STREAMING
    assert card.detail == "streaming · gpt-4.1-mini"
    relayouts = view.relayout_count
    repaints: list[str] = []
    for other in view.cards().values():
        monkeypatch.setattr(other, "update", lambda *a, c=other: repaints.append(c.node_id))
    for delta in ("Hello", " there", ", streaming"):  # text deltas change nothing a card shows
        node.output_text += delta
        tree.changed(node)
    assert repaints == []
    node.status = NodeStatus.FAILED
    node.usage = Usage(input_tokens=1200, output_tokens=34)
    tree.changed(node)
    assert repaints == [node.id]
    assert card.status is NodeStatus.FAILED and card.detail == "failed · gpt-4.1-mini · 1.2k→34 tok"
    assert STATUS_COLOURS[card.status] != STATUS_COLOURS[NodeStatus.STREAMING]
    QApplication.processEvents()
    assert view.relayout_count == relayouts


def test_inserted_nodes_get_cards_in_one_coalesced_relayout(graph: Any, qtbot: Any) -> None:
    view, tree, n = graph
    before = view.relayout_count
    new = [make(f"variant {i}", n["b"]) for i in range(5)]
    for node in new:
        tree.insert(node)
    deeper = make("deeper", new[0])
    tree.insert(deeper)
    qtbot.waitUntil(lambda: deeper.id in view.cards())
    assert view.relayout_count == before + 1
    assert len(view.cards()) == len(tree)
    b = view.card(n["b"].id)
    kids = [view.card(node.id) for node in new]
    assert b is not None and all(kids)
    centres = [k.sceneBoundingRect().center().x() for k in kids if k is not None]
    assert b.sceneBoundingRect().center().x() == pytest.approx((centres[0] + centres[-1]) / 2)
    # a node inserted and selected at once (as the window does for a new turn) is shown at once
    newest = make("newest", deeper)
    tree.insert(newest)
    assert view.select_node(newest.id) and view.card(newest.id) is not None


def test_new_node_under_a_collapsed_parent_counts_in_its_badge(graph: Any, qtbot: Any) -> None:
    view, tree, n = graph
    view.set_collapsed(n["a"].id, True)
    before = view.relayout_count
    tree.insert(make("hidden answer", n["a1"]))
    qtbot.waitUntil(lambda: view.relayout_count > before)
    assert view.card(n["a"].id).hidden_count == 4  # type: ignore[union-attr]


def test_cjk_prompt_is_elided_to_the_card(qtbot: Any) -> None:
    long = "가나다라마바사아자차카타파하 中文的对话树很长很长 " * 10
    tree = ConversationTree("c", [make(long)])
    view = ConversationGraphView()
    qtbot.addWidget(view)
    view.set_tree(tree)
    card = next(iter(view.cards().values()))
    assert card.title.startswith("가나다") and card.title.endswith("…")
    assert view._style.title_fm.horizontalAdvance(card.title) <= view._style.text_width
    view.show()
    qtbot.waitExposed(view)
    assert not view.grab().isNull()


def test_zoom_keys_wheel_and_fit(graph: Any, qtbot: Any) -> None:
    view, tree, n = graph
    view.setFocus()
    start = view.zoom()
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(start * 1.25)
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(start / 1.25)
    wheel = QWheelEvent(
        QPointF(100, 100),
        QPointF(view.viewport().mapToGlobal(QPoint(100, 100))),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    zoom = view.zoom()
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() > zoom
    for _ in range(40):
        view.zoom_out()
    assert view.zoom() == pytest.approx(0.02)  # the limit
    # a wide tree: fit shows every card
    for i in range(40):
        tree.insert(make(f"wide {i}", n["other"]))
    qtbot.waitUntil(lambda: len(view.cards()) == len(tree))
    QTest.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() < 1
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for card in view.cards().values():
        assert visible.contains(card.sceneBoundingRect())


@pytest.mark.parametrize("zoom", [1.0, 0.3, 0.1])
def test_cards_paint_at_every_level_of_detail(graph: Any, zoom: float) -> None:
    view, tree, n = graph
    view.select_node(n["a2x"].id)
    view.set_collapsed(n["a2"].id, True)
    tree.get(n["b"].id).status = NodeStatus.STREAMING
    tree.changed(tree.get(n["b"].id))
    view.resetTransform()
    view.scale(zoom, zoom)
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    view.render(painter)
    painter.end()
    for name in ("a2", "b", "other"):  # selected path, streaming, plain
        card = view.card(n[name].id)
        assert card is not None
        inside = view.mapFromScene(card.mapToScene(QPointF(20, 20)))
        assert image.pixelColor(inside).alpha() == 255, name


def test_set_tree_stops_listening_to_the_old_tree(graph: Any, qtbot: Any) -> None:
    view, old, _ = graph
    new = ConversationTree("d", [make("only")])
    view.set_tree(new)
    assert len(view.cards()) == 1 and view.current_node_id() is None
    before = view.relayout_count
    old.insert(make("ignored"))
    QApplication.processEvents()
    assert view.relayout_count == before and len(view.cards()) == 1


def test_far_out_the_cards_give_way_to_one_overview_item(graph: Any) -> None:
    view, _, n = graph
    view.select_node(n["a2x"].id)
    view.viewport().repaint()
    assert not view.overview_shown()
    view.zoom_by(0.1)
    view.viewport().repaint()
    card = view.card(n["a2x"].id)
    assert card is not None
    assert view.overview_shown() and not card.isVisible()
    image = view.grab().toImage()
    inside = view.mapFromScene(card.mapToScene(QPointF(20, 20)))
    assert image.pixelColor(inside) == view.palette().color(view.palette().ColorRole.Highlight)
    view.zoom_by(10)
    view.viewport().repaint()
    assert not view.overview_shown() and card.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform
def test_hovering_a_card_shows_its_details(graph: Any, qtbot: Any) -> None:
    view, _, n = graph
    pos = centre_of(view, n["a2"].id)
    hover = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), hover)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Prompt: a2" in QToolTip.text() and "gpt-4.1-mini" in QToolTip.text()
    QToolTip.hideText()


def test_removed_subtree_loses_its_cards_and_the_selection_inside_it(graph: Any, qtbot: Any) -> None:
    view, tree, n = graph
    if not hasattr(tree, "remove_subtree"):
        pytest.skip("this tree cannot remove nodes")
    view.select_node(n["a2x"].id)
    before = view.relayout_count
    tree.remove_subtree(n["a2"].id)
    assert view.current_node_id() is None
    with qtbot.assertNotEmitted(view.node_selected):
        assert not view.move_to_parent()
    qtbot.waitUntil(lambda: view.relayout_count > before)
    assert set(view.cards()) == {node.id for node in tree.nodes()}
    assert n["a2"].id not in view.cards() and n["a1"].id in view.cards()
    assert view.card(n["a"].id).has_children  # type: ignore[union-attr]


def test_fit_to_view_shows_short_labels_not_blank_boxes(qtbot: Any) -> None:
    root = make("Plan a trip to the mountains in winter")
    nodes = [root]
    for i in range(12):
        nodes.append(make(f"Variant {i} about skiing and hiking", root))
    view = ConversationGraphView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_tree(ConversationTree("c", nodes))
    view.show()
    qtbot.waitExposed(view)
    view.fit_to_view()
    lod = view.zoom()
    assert lod < 0.45  # too far out for the full title
    assert not view.overview_shown()
    root_card = view.card(root.id)
    assert root_card is not None
    assert root_card.shown_text(lod).startswith("Plan")
    assert "winter" not in root_card.shown_text(lod)  # a few words, not the whole prompt
    assert all(card.shown_text(lod) for card in view.cards().values())


def test_the_selection_stays_in_view_where_it_was_as_the_tree_grows(qtbot: Any) -> None:
    root = make("root")
    first = make("first answer", root)
    tree = ConversationTree("c", [root, first])
    view = ConversationGraphView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.set_tree(tree)
    view.show()
    qtbot.waitExposed(view)
    view.select_node(first.id)
    card = view.card(first.id)
    assert card is not None
    on_screen = view.mapFromScene(card.pos())
    for i in range(8):  # siblings before it move it right in the scene; the view follows
        sibling = make(f"sibling {i}", root)
        sibling.created_at = -1.0 - i
        tree.insert(sibling)
    qtbot.waitUntil(lambda: len(view.cards()) == 10, timeout=2000)
    moved = view.mapFromScene(card.pos()) - on_screen
    assert moved.manhattanLength() <= view.style().pixelMetric(view.style().PixelMetric.PM_ScrollBarExtent)
    assert view.viewport().rect().contains(view.mapFromScene(card.sceneBoundingRect().center()))


def test_the_legend_names_the_status_colours(graph: Any) -> None:
    view, _, _ = graph
    assert view.legend.isVisible()
    assert {"completed", "failed", "streaming"} <= set(view.legend.names)


def big_tree(count: int) -> ConversationTree:
    root = make("root")
    nodes = [root]
    for i in range(count - 1):  # a bushy tree: each node under one of the first fifty
        nodes.append(make(f"turn {i}", nodes[i // 20]))
    return ConversationTree("c", nodes)


def test_a_big_tree_gets_a_minimap_that_moves_the_view(qtbot: Any) -> None:
    view = ConversationGraphView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.set_tree(big_tree(30))
    view.show()
    qtbot.waitExposed(view)
    assert not view.minimap.isVisible()  # a small tree needs none
    view.set_tree(big_tree(1200))
    assert view.minimap.isVisible()
    minimap = view.minimap
    far = max(view.cards().values(), key=lambda card: card.x())  # the right-most card, off screen
    assert not view.visible_scene_rect().intersects(far.sceneBoundingRect())
    target = minimap.from_scene(far.sceneBoundingRect()).center().toPoint()
    QTest.mouseClick(minimap, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert view.visible_scene_rect().intersects(far.sceneBoundingRect())


def test_cards_of_siblings_that_share_a_prompt_are_named_by_model_and_answer(qtbot: Any) -> None:
    root = make("q")
    first = make("And a directed graph?", root, model="model-a", output_text="A directed graph has arrows.")
    edited = make("And an undirected one?", root, output_text="No arrows.")
    tree = ConversationTree("c", [root, first, edited])
    view = ConversationGraphView()
    qtbot.addWidget(view)
    view.set_tree(tree)
    card = view.card(first.id)
    assert card is not None and card.title.startswith("And a directed graph?")  # alone with its prompt
    again = make("And a directed graph?", root, model="model-b", output_text="Edges point one way.")
    tree.insert(again)  # a regenerate: now two share the prompt, and each card says what differs
    qtbot.waitUntil(lambda: view.card(again.id) is not None)
    titles = {node.id: view.card(node.id).title for node in (first, again, edited)}  # type: ignore[union-attr]
    assert titles[first.id].startswith("[model-a] A directed")
    assert titles[again.id].startswith("[model-b] Edges point")
    assert titles[edited.id].startswith("And an undirected one?")  # an edit: its own prompt tells it apart
