"""The graph pane: the whole conversation tree drawn as cards and edges, zoomable and pannable.

Same selection contract as `ui/tree_view.py`:
- `node_selected(node_id)` — only the USER picked a node: a click on a card, the arrow keys in the
  view, or `move_to_parent` / `move_to_first_child` / `move_to_sibling`.
- `select_node(node_id)` is the PROGRAMMATIC way: it reveals (expands collapsed ancestors), highlights
  the root→node path and scrolls the card into view, and emits nothing.

It listens to the pure `ConversationTree` (a `TreeListener`): an inserted or removed node relays the
tree out once per event-loop turn (a 0 ms timer coalesces a burst); a changed node only refreshes its
own card (streaming calls `node_changed` per delta, and a delta that changes nothing the card shows
costs a few string comparisons). Positions come from `core.tree_layout` (a tidy tree, linear time).

Drawing stays smooth with thousands of turns: cards cache their pixmaps (a pan blits), are elided only
when first seen, drop their text when small, and far out give way to one overview item that paints
every card as a coloured block in one call; edges are a few path items, one per strip of the tree.

Mouse and keys: click selects, drag pans, wheel scrolls, Ctrl+wheel / Ctrl+= / Ctrl+- zoom, Ctrl+0
fits the tree, double-click or the +/− box on a card (or Space) collapses / expands its subtree;
Up / Down / Left / Right move to the parent / first child / previous / next sibling.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from desktop_chat.core.conversation.model import Node
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.conversation.tree_layout import LayoutMetrics, TreeLayout, layout_tree
from desktop_chat.ui.tree.graph_items import (
    EDGE_BUCKET,
    MARGIN,
    SHAPE_LOD,
    CardLayer,
    CardStyle,
    NodeCard,
    Overview,
    PathLayer,
)
from desktop_chat.ui.tree.graph_labels import FarLabels
from desktop_chat.ui.tree.graph_overlays import MINIMAP_NODES, GraphLegend, Minimap, place_overlays
from desktop_chat.ui.tree.labels import siblings_of
from desktop_chat.ui.tree.tree_model import node_tooltip

MIN_ZOOM = 0.02
MAX_ZOOM = 4.0
ZOOM_STEP = 1.25


class ConversationGraphView(QGraphicsView):
    node_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None, metrics: LayoutMetrics | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversation_graph")
        self.setAccessibleName(self.tr("Conversation graph"))
        self._metrics = metrics or LayoutMetrics()
        self._style = CardStyle(self.font(), self._metrics)
        scene = QGraphicsScene(self)
        self.setScene(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # cards cache their pixmaps, so a pan blits the scrolled viewport and paints only the strip
        # that came in; a streaming card repaints only its own rectangle
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)

        self._tree: ConversationTree | None = None
        self._layout: TreeLayout | None = None
        self._cards: dict[str, NodeCard] = {}
        self._collapsed: set[str] = set()
        self._selected: str | None = None
        self._path: list[str] = []
        self._press: tuple[QPoint, NodeCard | None] | None = None
        self._edge_pen = QPen(self.palette().color(QPalette.ColorRole.Mid), 1.2)
        self._edge_pen.setCosmetic(True)
        self._path_pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3.0)
        self._path_pen.setCosmetic(True)
        self._path_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self._path_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self._edges: dict[int, PathLayer] = {}  # by bucket of EDGE_BUCKET scene pixels
        self._bounds = QRectF()  # the laid-out tree with its margin (the scene may keep more room)
        self._new_scene_items()
        self.relayout_count = 0  # how many times the tree was laid out (tests, benchmarks)
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self.relayout)
        self.legend = GraphLegend(self)
        self.minimap = Minimap(self, self)
        self.minimap.hide()
        self.legend.resized.connect(
            lambda: place_overlays(self.viewport().geometry(), self.legend, self.minimap)
        )

    # -- overlays (the legend bottom-left, the minimap bottom-right) -------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.legend.fit_width(self.viewport().width() - 12)  # placed again through its resized signal

    def _place_overlays(self) -> None:
        place_overlays(self.viewport().geometry(), self.legend, self.minimap)

    def tree_bounds(self) -> QRectF:
        return QRectF(self._bounds)

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def centre_on(self, point: QPointF) -> None:
        self.centerOn(point)

    def _refresh_minimap(self) -> None:
        big = self._tree is not None and len(self._tree) >= MINIMAP_NODES
        self.minimap.setVisible(big)
        if big:
            self.minimap.raise_()
            self.minimap.invalidate()

    def sizeHint(self) -> QSize:  # not the scene's size: the sidebar keeps its width with the graph
        return QSize(240, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 120)

    def _new_scene_items(self) -> None:
        scene = self.scene()
        self._card_layer = CardLayer()
        scene.addItem(self._card_layer)
        self._highlight = PathLayer(self._path_pen)
        self._highlight.setZValue(-1)
        scene.addItem(self._highlight)
        self._overview = Overview(lambda: self._cards, self._metrics, FarLabels(self._style.title_font))
        self._overview.setVisible(False)
        scene.addItem(self._overview)
        self._edges = {}

    # -- the tree -------------------------------------------------------------------------------
    def tree(self) -> ConversationTree | None:
        return self._tree

    def set_tree(self, tree: ConversationTree | None) -> None:
        if self._tree is not None:
            self._tree.remove_listener(self)
        self._relayout_timer.stop()
        self._tree = tree
        self._layout = None
        self._collapsed.clear()
        self._selected = None
        self._path = []
        self._cards = {}
        self.scene().clear()
        self._new_scene_items()
        self.resetTransform()
        self._bounds = QRectF()
        self._refresh_minimap()
        if tree is not None:
            tree.add_listener(self)
            self.relayout()
            self.centerOn(self._cards[tree.roots()[0].id] if len(tree) else QPointF(0, 0))

    # TreeListener ------------------------------------------------------------------------------
    def node_inserting(self, parent_id: str | None, row: int) -> None:
        pass

    def node_inserted(self, node: Node) -> None:
        self._relayout_timer.start()  # a burst of inserts is laid out once
        tree = self._tree
        for sibling in (siblings_of(tree, node.id) or []) if tree is not None else []:
            card = self._cards.get(sibling.id)  # a new version: the others may now be named by what differs
            if card is not None and tree is not None:
                card.refresh(sibling, siblings_of(tree, sibling.id))

    def node_changed(self, node: Node) -> None:
        card = self._cards.get(node.id)
        tree = self._tree
        siblings = siblings_of(tree, node.id) if tree is not None and node.id in tree else None
        if card is not None and card.refresh(node, siblings):
            self._overview.invalidate()

    def node_removing(self, parent_id: str | None, row: int) -> None:
        pass

    def node_removed(self, node: Node) -> None:
        """A subtree left the tree: forget a selection inside it; its cards go at the relayout."""
        tree = self._tree
        if tree is not None and self._selected is not None and self._selected not in tree:
            self._set_path([])  # the window selects what it shows next
        self._relayout_timer.start()

    # -- reading (tests, the window) --------------------------------------------------------------
    def cards(self) -> dict[str, NodeCard]:
        """The cards shown, by node id (nodes inside a collapsed subtree have none)."""
        return dict(self._cards)

    def card(self, node_id: str) -> NodeCard | None:
        return self._cards.get(node_id)

    def current_node_id(self) -> str | None:
        return self._selected

    def zoom(self) -> float:
        return self.transform().m11()

    def overview_shown(self) -> bool:
        """Zoomed out so far that the cards are drawn as one block each, in a single item."""
        return self._overview.isVisible()

    # -- layout ---------------------------------------------------------------------------------
    def relayout(self) -> None:
        """Lay the tree out now: place, add and drop cards, redraw the edges."""
        self._relayout_timer.stop()
        tree = self._tree
        if tree is None:
            return
        self.relayout_count += 1
        self._collapsed = {node_id for node_id in self._collapsed if node_id in tree}
        layout = layout_tree(tree, self._collapsed, self._metrics)
        self._layout = layout
        scene = self.scene()
        anchor = self._cards.get(self._selected) if self._selected is not None else None
        before = self.mapFromScene(anchor.pos()) if anchor is not None else None
        old, cards = self._cards, {}
        for node_id, (x, y) in layout.positions.items():
            card = old.pop(node_id, None)
            if card is None:
                card = NodeCard(node_id, self._style)
                card.refresh(tree.get(node_id), siblings_of(tree, node_id))
                card.set_path_state(node_id in self._path, node_id == self._selected)
                card.setPos(x, y)
                card.setParentItem(self._card_layer)
            elif card.x() != x or card.y() != y:
                card.setPos(x, y)
            card.set_structure(tree.child_count(node_id) > 0, layout.hidden.get(node_id, 0))
            cards[node_id] = card
        for card in old.values():
            scene.removeItem(card)
        self._cards = cards
        self._draw_edges(layout)
        self._draw_highlight()
        bounds = QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN, layout.height + 2 * MARGIN)
        self._overview.invalidate(bounds)
        self._bounds = bounds
        self._refresh_minimap()
        if anchor is not None and before is not None and anchor.scene() is scene:
            # the scene keeps the area on screen, so the view can stay where it is around the selection
            shown = self.mapToScene(self.viewport().rect()).boundingRect()
            shown.translate(anchor.pos() - self.mapToScene(before))
            scene.setSceneRect(bounds.united(shown))
            self._keep_on_screen(anchor, before)
        else:
            scene.setSceneRect(bounds)

    def _keep_on_screen(self, card: NodeCard, before: QPoint) -> None:
        """Scroll so `card` is where it was in the viewport (the tree grew or folded around it)."""
        moved = self.mapFromScene(card.pos()) - before
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())

    def _draw_edges(self, layout: TreeLayout) -> None:
        """Elbow connectors, one path per EDGE_BUCKET-wide strip of parents: a few items, culled."""
        m = self._metrics
        half = m.card_width / 2
        paths: dict[int, QPainterPath] = {}
        for parent_id, kids in layout.children.items():
            if not kids:
                continue
            px, py = layout.positions[parent_id]
            bucket = int(px // EDGE_BUCKET)
            path = paths.get(bucket)
            if path is None:
                path = paths[bucket] = QPainterPath()
            bottom, mid = py + m.card_height, py + m.card_height + m.v_gap / 2
            top = bottom + m.v_gap
            first, last = layout.positions[kids[0]][0] + half, layout.positions[kids[-1]][0] + half
            path.moveTo(px + half, bottom)
            if len(kids) == 1 and first == px + half:
                path.lineTo(first, top)
                continue
            path.lineTo(px + half, mid)
            path.moveTo(first, mid)
            path.lineTo(last, mid)
            for kid in kids:
                x = layout.positions[kid][0] + half
                path.moveTo(x, mid)
                path.lineTo(x, top)
        for bucket in set(self._edges) - set(paths):
            self.scene().removeItem(self._edges.pop(bucket))
        for bucket, path in paths.items():
            item = self._edges.get(bucket)
            if item is None:
                item = self._edges[bucket] = PathLayer(self._edge_pen)
                item.setZValue(-2)
                self.scene().addItem(item)
            item.set_path(path)

    def _draw_highlight(self) -> None:
        """The edges along the root→selected path, over the plain edges."""
        path = QPainterPath()
        layout = self._layout
        if layout is not None:
            m = self._metrics
            half = m.card_width / 2
            shown = [n for n in self._path if n in layout]
            for parent_id, kid_id in pairwise(shown):
                (px, py), (kx, ky) = layout.positions[parent_id], layout.positions[kid_id]
                mid = py + m.card_height + m.v_gap / 2
                path.moveTo(px + half, py + m.card_height)
                path.lineTo(px + half, mid)
                path.lineTo(kx + half, mid)
                path.lineTo(kx + half, ky)
        self._highlight.set_path(path)

    def _apply_level_of_detail(self) -> None:
        far = self.zoom() < SHAPE_LOD
        if far != self._overview.isVisible():
            self._overview.setVisible(far)
            self._card_layer.setVisible(not far)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._apply_level_of_detail()  # whatever changed the zoom (ours, fitInView, scale)
        super().paintEvent(event)
        if self.minimap.isVisible():
            self.minimap.update()  # the frame of the visible area (a blit and a rectangle)

    # -- selection --------------------------------------------------------------------------------
    def select_node(self, node_id: str | None) -> bool:
        """Select, reveal and scroll to a node without emitting node_selected. False if unknown."""
        tree = self._tree
        if tree is None or node_id is None or node_id not in tree:
            return False
        path = [n.id for n in tree.path_to(node_id)]
        folded = self._collapsed.intersection(path[:-1])
        if folded or node_id not in self._cards or self._relayout_timer.isActive():
            self._collapsed -= folded
            self.relayout()
        self._set_path(path)
        self._overview.invalidate()
        if self.minimap.isVisible():
            self.minimap.invalidate()
        self.ensureVisible(self._cards[node_id], 40, 40)
        return True

    def _set_path(self, path: list[str]) -> None:
        keep = set(path)
        for node_id in self._path:
            card = self._cards.get(node_id)
            if card is not None and node_id not in keep:
                card.set_path_state(False, False)
        self._path = path
        self._selected = path[-1] if path else None
        for node_id in path:
            card = self._cards.get(node_id)
            if card is not None:
                card.set_path_state(True, node_id == self._selected)
        self._draw_highlight()

    def move_to_parent(self) -> bool:
        if self._tree is None or self._selected is None:
            return False
        return self._move(self._tree.parent_of(self._selected))

    def move_to_first_child(self) -> bool:
        if self._tree is None:
            return False
        child = self._tree.first_child(self._selected)  # with nothing selected: the first root
        return self._move(child.id if child is not None else None)

    def move_to_sibling(self, step: int) -> bool:
        if self._tree is None or self._selected is None:
            return False
        sibling = self._tree.sibling(self._selected, step)
        return self._move(sibling.id if sibling is not None else None)

    def _move(self, node_id: str | None) -> bool:
        if node_id is None or not self.select_node(node_id):
            return False
        self.node_selected.emit(node_id)
        return True

    def _user_select(self, node_id: str) -> None:
        if node_id != self._selected:
            self._move(node_id)

    # -- collapsing -------------------------------------------------------------------------------
    def is_collapsed(self, node_id: str) -> bool:
        return node_id in self._collapsed

    def set_collapsed(self, node_id: str, collapsed: bool) -> None:
        """Fold or unfold a node's subtree now; the node's card stays where it was on screen."""
        tree = self._tree
        if tree is None or node_id not in tree or collapsed == (node_id in self._collapsed):
            return
        if collapsed and not tree.child_count(node_id):
            return
        card = self._cards.get(node_id)
        before = self.mapFromScene(card.pos()) if card is not None else None
        if collapsed:
            self._collapsed.add(node_id)
        else:
            self._collapsed.discard(node_id)
        self.relayout()
        card = self._cards.get(node_id)
        if before is not None and card is not None:
            self._keep_on_screen(card, before)

    def toggle_collapsed(self, node_id: str) -> None:
        self.set_collapsed(node_id, node_id not in self._collapsed)

    # -- zoom -------------------------------------------------------------------------------------
    def zoom_by(self, factor: float) -> None:
        current = self.zoom()
        target = min(MAX_ZOOM, max(MIN_ZOOM, current * factor))
        if target != current:
            self.scale(target / current, target / current)

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def fit_to_view(self) -> None:
        """Show the whole tree (never larger than 100 %, never smaller than the zoom limit)."""
        rect = QRectF(self._bounds)
        self.scene().setSceneRect(rect)  # no room kept around an old view
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        zoom = self.zoom()
        if not MIN_ZOOM <= zoom <= 1.0:
            bounded = min(1.0, max(MIN_ZOOM, zoom))
            self.scale(bounded / zoom, bounded / zoom)
            self.centerOn(rect.center())

    # -- events -----------------------------------------------------------------------------------
    def _card_at(self, pos: QPoint) -> NodeCard | None:
        for item in self.items(pos):
            if isinstance(item, NodeCard):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.position().toPoint()
            self._press = (pos, self._card_at(pos))
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        event.accept()  # the press was ours (a click or the end of a pan)
        pos, card = press
        if card is None or (event.position().toPoint() - pos).manhattanLength() >= (
            QApplication.startDragDistance()
        ):
            return  # a drag pans; only a click selects
        inside = card.mapFromScene(self.mapToScene(pos))
        if card.has_children and card.toggle_rect().adjusted(-3, -3, 3, 3).contains(inside):
            self.toggle_collapsed(card.node_id)
        else:
            self._user_select(card.node_id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._press = None
        card = self._card_at(event.position().toPoint())
        if card is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        inside = card.mapFromScene(self.mapToScene(event.position().toPoint()))
        if card.has_children and not card.toggle_rect().adjusted(-3, -3, 3, 3).contains(inside):
            self.toggle_collapsed(card.node_id)  # on the box, the first click already toggled
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
                self.zoom_by(1.0015**delta)
                self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.ControlModifier:
            zoom_keys = {
                Qt.Key.Key_Plus: self.zoom_in,
                Qt.Key.Key_Equal: self.zoom_in,
                Qt.Key.Key_Minus: self.zoom_out,
                Qt.Key.Key_0: self.fit_to_view,
            }
            if key in zoom_keys:
                zoom_keys[key]()
                event.accept()
                return
        if mods == Qt.KeyboardModifier.NoModifier:
            moves = {
                Qt.Key.Key_Up: self.move_to_parent,
                Qt.Key.Key_Down: self.move_to_first_child,
                Qt.Key.Key_Left: lambda: self.move_to_sibling(-1),
                Qt.Key.Key_Right: lambda: self.move_to_sibling(1),
            }
            if key in moves:
                moves[key]()
                event.accept()
                return
            if key == Qt.Key.Key_Space and self._selected is not None:
                self.toggle_collapsed(self._selected)
                event.accept()
                return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self._tree is not None:
            card = self._card_at(event.pos())
            if card is not None and card.node_id in self._tree:
                QToolTip.showText(event.globalPos(), node_tooltip(self._tree.get(card.node_id)), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
