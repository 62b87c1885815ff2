"""What floats over the graph: a legend of the status colours and, for big trees, a minimap.

The minimap paints every card as a dot from a cached pixmap (rebuilt only when the tree is laid out
again or the selection changes) and the main view's visible area as a frame over it; a click or a drag
on it centres the main view there.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QWidget

from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.ui import i18n
from desktop_chat.ui.tree.graph_items import STATUS_COLOURS, NodeCard

MINIMAP_NODES = 1000  # trees this big get a minimap
MINIMAP_SIZE = QSize(180, 120)


class GraphHost(Protocol):
    """What the minimap reads from and moves: the graph view."""

    def cards(self) -> dict[str, NodeCard]: ...
    def tree_bounds(self) -> QRectF: ...
    def visible_scene_rect(self) -> QRectF: ...
    def centre_on(self, point: QPointF) -> None: ...


class GraphLegend(QFrame):
    """One swatch per status colour, named in the UI's language, in as many rows as its width needs."""

    resized = Signal()  # its size changed (another language, another width): the view places it again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graph_legend")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(6, 3, 6, 3)
        self._grid.setHorizontalSpacing(4)
        self._grid.setVerticalSpacing(2)
        self._columns = 0
        self._width = 10_000  # the most it may take (the view's width)
        self.names: list[str] = []
        self._entries: list[tuple[NodeStatus, QWidget]] = []
        self._labels: list[tuple[NodeStatus, QLabel]] = []
        for status in (NodeStatus.COMPLETED, NodeStatus.STREAMING, NodeStatus.FAILED, NodeStatus.STOPPED,
                       NodeStatus.INCOMPLETE, NodeStatus.INTERRUPTED):  # fmt: skip
            entry = QWidget(self)
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 6, 0)
            row.setSpacing(4)
            swatch = QLabel()
            swatch.setFixedSize(10, 10)
            swatch.setStyleSheet(f"background: {STATUS_COLOURS[status].name()}; border-radius: 2px;")
            text = QLabel()
            text.setObjectName(f"legend_{status.value}")
            row.addWidget(swatch)
            row.addWidget(text)
            self._entries.append((status, entry))
            self._labels.append((status, text))
        self.retranslate()

    def retranslate(self) -> None:
        self.names = [i18n.status_name(status) for status, _ in self._labels]
        for name, (_, text) in zip(self.names, self._labels, strict=True):
            text.setText(name)
        self.setToolTip(self.tr("Card colours: the status of each answer"))
        self._columns = 0
        self.fit_width(self._width)

    def fit_width(self, width: int) -> None:
        """Lay the entries out in the most columns (6, 3 or 2) that fit in `width` pixels."""
        self._width = width
        entry = max(widget.sizeHint().width() for _, widget in self._entries) + self._grid.horizontalSpacing()
        frame = self._grid.contentsMargins().left() + self._grid.contentsMargins().right() + 4
        columns = next((n for n in (6, 3, 2) if n * entry + frame <= width), 1)
        if columns != self._columns:
            self._columns = columns
            for index, (_, widget) in enumerate(self._entries):
                self._grid.addWidget(widget, index // columns, index % columns)
        self.adjustSize()
        self.resized.emit()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


def place_overlays(area: QRect, legend: GraphLegend, minimap: QWidget) -> None:
    """The legend at the bottom left, the minimap at the bottom right or, when they would overlap,
    just above the legend; a small pane gets a smaller minimap (at most 40 % of its width and a
    third of its height)."""
    size = QSize(
        min(MINIMAP_SIZE.width(), max(60, int(area.width() * 0.4))),
        min(MINIMAP_SIZE.height(), max(40, area.height() // 3)),
    )
    if size != minimap.size():
        minimap.setFixedSize(size)
        if isinstance(minimap, Minimap):
            minimap.invalidate()
    legend.move(area.left() + 6, area.bottom() - legend.height() - 6)
    x = area.right() - minimap.width() - 6
    y = area.bottom() - minimap.height() - 6
    if x < legend.geometry().right() + 6:
        y = legend.y() - minimap.height() - 6
    minimap.move(x, y)


class Minimap(QWidget):
    """The whole tree small, with the main view's area framed; click or drag to move there."""

    def __init__(self, host: GraphHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graph_minimap")
        self.setFixedSize(MINIMAP_SIZE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._host = host
        self.retranslate()
        self._pixmap: QPixmap | None = None
        self._scale = 1.0
        self._origin = QPointF()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Overview: click or drag to move the graph"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def invalidate(self) -> None:
        self._pixmap = None
        self.update()

    def _build(self) -> QPixmap:
        bounds = self._host.tree_bounds()
        size = self.size()
        self._scale = min(size.width() / max(bounds.width(), 1.0), size.height() / max(bounds.height(), 1.0))
        self._origin = bounds.topLeft()
        pixmap = QPixmap(size)
        pixmap.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(pixmap)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        cards = self._host.cards()
        scale, ox, oy = self._scale, self._origin.x(), self._origin.y()
        first = next(iter(cards.values()), None)
        card_rect = first.boundingRect() if first is not None else QRectF()
        w, h = max(1.0, card_rect.width() * scale), max(1.0, card_rect.height() * scale)
        by_status: dict[NodeStatus | None, list[QRectF]] = {}  # None: on the selected path
        for card in cards.values():
            block = QRectF((card.x() - ox) * scale, (card.y() - oy) * scale, w, h)
            by_status.setdefault(None if card.on_path else card.status, []).append(block)
        painter.setPen(Qt.PenStyle.NoPen)
        completed = STATUS_COLOURS[NodeStatus.COMPLETED]
        for status, blocks in by_status.items():
            painter.setBrush(accent if status is None else STATUS_COLOURS.get(status, completed))
            painter.drawRects(blocks)
        painter.end()
        return pixmap

    def to_scene(self, point: QPointF) -> QPointF:
        return QPointF(point.x() / self._scale + self._origin.x(), point.y() / self._scale + self._origin.y())

    def from_scene(self, rect: QRectF) -> QRectF:
        return QRectF(
            (rect.x() - self._origin.x()) * self._scale,
            (rect.y() - self._origin.y()) * self._scale,
            rect.width() * self._scale,
            rect.height() * self._scale,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pixmap is None:
            self._pixmap = self._build()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._pixmap)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        shown = self.from_scene(self._host.visible_scene_rect()).intersected(QRectF(self.rect()))
        painter.drawRect(shown.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._move_to(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._move_to(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def _move_to(self, event: QMouseEvent) -> None:
        if self._pixmap is None:
            self._pixmap = self._build()
        self._host.centre_on(self.to_scene(event.position()))
        self.update()
        event.accept()
