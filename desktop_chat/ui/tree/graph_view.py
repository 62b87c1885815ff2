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

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.conversation.tree_layout import LayoutMetrics, TreeLayout, layout_tree
from desktop_chat.ui.i18n import status_name
from desktop_chat.ui.tree.tree_model import node_tooltip

STATUS_COLOURS: dict[NodeStatus, QColor] = {
    NodeStatus.COMPLETED: QColor("#3c9a5f"),
    NodeStatus.STREAMING: QColor("#2f7de1"),
    NodeStatus.STOPPED: QColor("#8b9099"),
    NodeStatus.FAILED: QColor("#d64545"),
    NodeStatus.INCOMPLETE: QColor("#e39b2d"),
    NodeStatus.INTERRUPTED: QColor("#9a5bc4"),
}
MIN_ZOOM = 0.02
MAX_ZOOM = 4.0
ZOOM_STEP = 1.25
TEXT_LOD = 0.45  # below this scale a card is drawn without text
SHAPE_LOD = 0.2  # below this a card is a plain coloured block
TOGGLE = 13.0  # the +/− box in a card's top-right corner
PAD = 10.0  # inside a card
MARGIN = 40.0  # around the tree in the scene
EDGE_BUCKET = 2048.0  # edges of parents in one strip this wide are one item


def card_title(node: Node) -> str:
    words = " ".join(node.user_text[:160].split())  # more than a card shows; a pasted book costs no more
    return words or QCoreApplication.translate("GraphView", "(no text)")


def card_detail(node: Node) -> str:
    """Status (unless completed), model and tokens in → out, e.g. "failed · gpt-4.1 · 1.2k→34 tok"."""
    parts = [] if node.status is NodeStatus.COMPLETED else [status_name(node.status)]
    parts.append(node.model or "—")
    if node.usage is not None:
        tokens = QCoreApplication.translate("GraphView", "%1→%2 tok")
        parts.append(
            tokens.replace("%1", compact(node.usage.input_tokens)).replace(
                "%2", compact(node.usage.output_tokens)
            )
        )
    return " · ".join(parts)


def compact(count: int) -> str:
    if count < 1000:
        return str(count)
    if count < 100_000:
        return f"{count / 1000:.1f}k".replace(".0k", "k")
    return f"{count // 1000}k"


class CardStyle:
    """Fonts and metrics shared by every card of one view."""

    def __init__(self, font: QFont, metrics: LayoutMetrics) -> None:
        self.metrics = metrics
        self.title_font = QFont(font)
        self.title_font.setPointSizeF(max(7.0, font.pointSizeF() - 0.5))
        self.title_font.setBold(True)
        self.detail_font = QFont(font)
        self.detail_font.setPointSizeF(max(6.5, font.pointSizeF() - 1.5))
        self.title_fm = QFontMetricsF(self.title_font)
        self.detail_fm = QFontMetricsF(self.detail_font)
        self.text_width = metrics.card_width - 2 * PAD - TOGGLE - 2  # the title, beside the +/− box
        self.detail_width = metrics.card_width - 2 * PAD - 2
        self.badge_height = self.detail_fm.height() + 2

    def elide(self, text: str, detail: bool = False) -> str:
        if detail:
            return self.detail_fm.elidedText(text, Qt.TextElideMode.ElideRight, self.detail_width)
        return self.title_fm.elidedText(text, Qt.TextElideMode.ElideRight, self.text_width)


class NodeCard(QGraphicsItem):
    """One turn: elided prompt, model and tokens, a status stripe; +N when its subtree is collapsed."""

    def __init__(self, node_id: str, style: CardStyle) -> None:
        super().__init__()
        self.node_id = node_id
        self._style = style
        self._rect = QRectF(0, 0, style.metrics.card_width, style.metrics.card_height)
        self._raw = ("", "")  # title and detail before eliding
        self._elided: tuple[str, str] | None = None  # elided when first painted or read
        self.status = NodeStatus.STREAMING
        self.has_children = False
        self.hidden_count = 0
        self.selected = False
        self.on_path = False
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view handles clicks and drags

    # -- state (each setter repaints only when something shown changed) ---------------------------
    def refresh(self, node: Node) -> bool:
        raw = (card_title(node), card_detail(node))
        if raw == self._raw and node.status is self.status:
            return False
        self._raw, self._elided, self.status = raw, None, node.status
        self.update()
        return True

    @property
    def title(self) -> str:
        return self._texts()[0]

    @property
    def detail(self) -> str:
        return self._texts()[1]

    def _texts(self) -> tuple[str, str]:
        if self._elided is None:  # elision shapes text: done for the cards that are seen, once
            self._elided = (self._style.elide(self._raw[0]), self._style.elide(self._raw[1], detail=True))
        return self._elided

    def set_structure(self, has_children: bool, hidden_count: int) -> None:
        if (has_children, hidden_count) != (self.has_children, self.hidden_count):
            self.has_children, self.hidden_count = has_children, hidden_count
            self.update()

    def set_path_state(self, on_path: bool, selected: bool) -> None:
        if (on_path, selected) != (self.on_path, self.selected):
            self.on_path, self.selected = on_path, selected
            self.update()

    def toggle_rect(self) -> QRectF:
        return QRectF(self._rect.width() - TOGGLE - 5, 5, TOGGLE, TOGGLE)

    # -- painting -------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:  # with room for the badge that hangs from the bottom edge
        return self._rect.adjusted(-2, -2, 2, 2 + self._style.badge_height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        palette = widget.palette() if widget is not None else QApplication.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        status = STATUS_COLOURS.get(self.status, STATUS_COLOURS[NodeStatus.COMPLETED])
        rect = self._rect
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < SHAPE_LOD:  # far out: the tree's shape, coloured by status, the path in the accent
            painter.fillRect(rect, accent if self.on_path else status)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        background = palette.color(QPalette.ColorRole.Base)
        if self.on_path:
            background = _mix(background, accent, 0.12)
        elif lod < TEXT_LOD:  # no text to read: the card's colour says its status
            background = _mix(background, status, 0.3)
        border = accent if self.on_path else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2.5 if self.selected else 1.5 if self.on_path else 1.0))
        painter.setBrush(QBrush(background))
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(status)
        painter.drawRoundedRect(QRectF(3, 4, 4, rect.height() - 8), 2, 2)
        if self.has_children:
            box = self.toggle_rect()
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1.2))
            c = box.center()
            painter.drawLine(QPointF(c.x() - 3.5, c.y()), QPointF(c.x() + 3.5, c.y()))
            if self.hidden_count:
                painter.drawLine(QPointF(c.x(), c.y() - 3.5), QPointF(c.x(), c.y() + 3.5))
        if self.hidden_count:
            self._paint_badge(painter, palette)
        if lod < TEXT_LOD:
            return
        style = self._style
        text = palette.color(QPalette.ColorRole.Text)
        painter.setPen(text)
        painter.setFont(style.title_font)
        title, detail = self._texts()
        painter.drawText(QPointF(PAD + 2, PAD + style.title_fm.ascent()), title)
        painter.setPen(_mix(text, background, 0.4))
        painter.setFont(style.detail_font)
        baseline = PAD + style.title_fm.height() + 4 + style.detail_fm.ascent()
        painter.drawText(QPointF(PAD + 2, baseline), detail)

    def _paint_badge(self, painter: QPainter, palette: QPalette) -> None:
        label = f"+{self.hidden_count}"
        fm = self._style.detail_fm
        width = fm.horizontalAdvance(label) + 10
        height = self._style.badge_height
        badge = QRectF((self._rect.width() - width) / 2, self._rect.height() - 2, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.setFont(self._style.detail_font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)


class PathLayer(QGraphicsItem):
    """Lines painted in one call: a bucket of edges, or the highlighted path. The path stays in C++."""

    def __init__(self, pen: QPen, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self._pen = pen
        self._path = QPainterPath()
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def path(self) -> QPainterPath:
        return self._path

    def set_path(self, path: QPainterPath) -> None:
        self.prepareGeometryChange()
        self._path = path
        self._rect = path.controlPointRect().adjusted(-4, -4, 4, 4)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)


class CardLayer(QGraphicsItem):
    """The parent of every card: hiding it hides them all in one call (far out, the overview draws)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pass


class Overview(QGraphicsItem):
    """Far out, every card as a block in its status colour (the selected path in the accent colour),
    painted in one call instead of two thousand."""

    def __init__(self, cards: Callable[[], dict[str, NodeCard]], metrics: LayoutMetrics) -> None:
        super().__init__()
        self._cards = cards
        self._size = (metrics.card_width, metrics.card_height)
        self._blocks: dict[NodeStatus, list[QRectF]] | None = None
        self._path_blocks: list[QRectF] = []
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1)

    def invalidate(self, rect: QRectF | None = None) -> None:
        """Positions or colours changed: rebuild the blocks when next painted."""
        if rect is not None:
            self.prepareGeometryChange()
            self._rect = rect
        self._blocks = None
        if self.isVisible():
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._blocks is None:
            self._blocks, self._path_blocks = {}, []
            w, h = self._size
            for card in self._cards().values():
                block = QRectF(card.x(), card.y(), w, h)
                if card.on_path:
                    self._path_blocks.append(block)
                else:
                    self._blocks.setdefault(card.status, []).append(block)
        palette = widget.palette() if widget is not None else QApplication.palette()
        painter.setPen(Qt.PenStyle.NoPen)
        for status, rects in self._blocks.items():
            painter.setBrush(STATUS_COLOURS[status])
            painter.drawRects(rects)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRects(self._path_blocks)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


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
        self._new_scene_items()
        self.relayout_count = 0  # how many times the tree was laid out (tests, benchmarks)
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self.relayout)

    def _new_scene_items(self) -> None:
        scene = self.scene()
        self._card_layer = CardLayer()
        scene.addItem(self._card_layer)
        self._highlight = PathLayer(self._path_pen)
        self._highlight.setZValue(-1)
        scene.addItem(self._highlight)
        self._overview = Overview(lambda: self._cards, self._metrics)
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
        if tree is not None:
            tree.add_listener(self)
            self.relayout()
            self.centerOn(self._cards[tree.roots()[0].id] if len(tree) else QPointF(0, 0))

    # TreeListener ------------------------------------------------------------------------------
    def node_inserting(self, parent_id: str | None, row: int) -> None:
        pass

    def node_inserted(self, node: Node) -> None:
        self._relayout_timer.start()  # a burst of inserts is laid out once

    def node_changed(self, node: Node) -> None:
        card = self._cards.get(node.id)
        if card is not None and card.refresh(node):
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
        old, cards = self._cards, {}
        for node_id, (x, y) in layout.positions.items():
            card = old.pop(node_id, None)
            if card is None:
                card = NodeCard(node_id, self._style)
                card.refresh(tree.get(node_id))
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
        scene.setSceneRect(bounds)

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
            moved = self.mapFromScene(card.pos()) - before
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())

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
        rect = self.scene().sceneRect()
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
