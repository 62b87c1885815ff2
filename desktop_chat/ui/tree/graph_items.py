"""The graph's scene items: a card per turn, edge layers, the card layer and the far-out overview.

Cards cache their pixmaps (a pan blits), are elided only when first seen, and show a short label
(a few words, large enough to read) when zoomed out too far for the full text; far out they give way
to one overview item that paints every card as a coloured block in one call, with short labels over
a few of them (graph_labels.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.core.conversation.tree_layout import LayoutMetrics
from desktop_chat.ui.i18n import status_name
from desktop_chat.ui.tree.labels import differing_title

STATUS_COLOURS: dict[NodeStatus, QColor] = {
    NodeStatus.COMPLETED: QColor("#3c9a5f"),
    NodeStatus.STREAMING: QColor("#2f7de1"),
    NodeStatus.STOPPED: QColor("#8b9099"),
    NodeStatus.FAILED: QColor("#d64545"),
    NodeStatus.INCOMPLETE: QColor("#e39b2d"),
    NodeStatus.INTERRUPTED: QColor("#9a5bc4"),
    NodeStatus.DRAFT: QColor("#c9ccd1"),  # an edited prompt not sent yet
}
TEXT_LOD = 0.45  # below this scale a card shows a short label (a few words, in a large font)
SHORT_WORDS = 3  # words in a short label
SHAPE_LOD = 0.2  # below this a card is a plain coloured block
TOGGLE = 13.0  # the +/− box in a card's top-right corner
PAD = 10.0  # inside a card
MARGIN = 40.0  # around the tree in the scene
EDGE_BUCKET = 2048.0  # edges of parents in one strip this wide are one item


def card_title(node: Node, siblings: list[Node] | None = None) -> str:
    """The start of the prompt, or what tells the turn apart from siblings that share it (labels.py)."""
    differing = differing_title(node, siblings or [], 20)
    if differing is not None:
        return differing
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
        self.short_font = QFont(font)  # about half a card high: readable when a card is small on screen
        self.short_font.setPixelSize(int(metrics.card_height * 0.5))
        self.short_font.setBold(True)
        self.short_fm = QFontMetricsF(self.short_font)
        self.short_width = metrics.card_width - 2 * PAD - 2

    def short(self, title: str) -> str:
        words = " ".join(title.split()[:SHORT_WORDS])
        return self.short_fm.elidedText(words, Qt.TextElideMode.ElideRight, self.short_width)

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
        self._short: str | None = None  # the short label, made when first painted zoomed out
        self.status = NodeStatus.STREAMING
        self.has_children = False
        self.hidden_count = 0
        self.selected = False
        self.on_path = False
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view handles clicks and drags

    # -- state (each setter repaints only when something shown changed) ---------------------------
    def refresh(self, node: Node, siblings: list[Node] | None = None) -> bool:
        raw = (card_title(node, siblings), card_detail(node))
        if raw == self._raw and node.status is self.status:
            return False
        self._raw, self._elided, self._short, self.status = raw, None, None, node.status
        self.update()
        return True

    @property
    def title(self) -> str:
        return self._texts()[0]

    @property
    def detail(self) -> str:
        return self._texts()[1]

    @property
    def raw_title(self) -> str:
        """The title before eliding (the start of the prompt, or what sets it apart from its siblings)."""
        return self._raw[0]

    @property
    def short_label(self) -> str:
        """What the card shows when zoomed out too far for its title: its first words."""
        if self._short is None:
            self._short = self._style.short(self._raw[0])
        return self._short

    def shown_text(self, lod: float) -> str:
        """The text a user reads on the card at this scale ("" only where the overview draws)."""
        if lod < SHAPE_LOD:
            return ""
        if lod < TEXT_LOD:
            return self.short_label
        return "\n".join(self._texts())

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
        elif lod < TEXT_LOD:  # small text: the card's colour says its status too
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
        style = self._style
        text = palette.color(QPalette.ColorRole.Text)
        if lod < TEXT_LOD:  # a few words, large enough to read at this scale
            painter.setPen(text)
            painter.setFont(style.short_font)
            rect_text = rect.adjusted(PAD + 2, 0, -PAD, 0)
            painter.drawText(
                rect_text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.short_label
            )
            return
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


class FarLabelPainter(Protocol):
    """Short labels over a few of the overview's blocks (graph_labels.FarLabels)."""

    labelled: list[str]

    def order(self, cards: Iterable[NodeCard]) -> list[NodeCard]: ...
    def forget(self) -> None: ...
    def paint(
        self,
        painter: QPainter,
        candidates: list[NodeCard],
        card_size: tuple[float, float],
        exposed: QRectF,
        palette: QPalette,
    ) -> None: ...


class Overview(QGraphicsItem):
    """Far out, every card as a block in its status colour (the selected path in the accent colour),
    painted in one call instead of two thousand; `labels` names a few of them."""

    def __init__(
        self,
        cards: Callable[[], dict[str, NodeCard]],
        metrics: LayoutMetrics,
        labels: FarLabelPainter | None = None,
    ) -> None:
        super().__init__()
        self._cards = cards
        self._size = (metrics.card_width, metrics.card_height)
        self._blocks: dict[NodeStatus, list[QRectF]] | None = None
        self._path_blocks: list[QRectF] = []
        self._rect = QRectF()
        self.labels = labels
        self._order: list[NodeCard] | None = None  # the cards that may get a label, most wanted first
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)  # exposedRect
        self.setZValue(1)

    def invalidate(self, rect: QRectF | None = None) -> None:
        """Positions or colours changed: rebuild the blocks when next painted."""
        if rect is not None:
            self.prepareGeometryChange()
            self._rect = rect
        self._blocks = None
        self._order = None
        if self.labels is not None:
            self.labels.forget()
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
        if self.labels is not None:
            if self._order is None:
                self._order = self.labels.order(self._cards().values())
            self.labels.paint(painter, self._order, self._size, option.exposedRect, palette)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )
