"""Far out, where cards are coloured blocks, a few of them still say what they are: short labels drawn in
screen pixels (readable at any zoom), placed where they do not overlap, the selected turn and its path
first, then the cards in the tree's order.

Only a bounded number of cards is considered and labelled per frame, so the cost of a frame does not
grow with the tree.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette

from desktop_chat.ui.tree.graph_items import SHORT_WORDS, NodeCard

CANDIDATES = 200  # cards looked at per frame, in priority order
MAX_LABELS = 30  # labels drawn per frame at most
LABEL_WIDTH = 130.0  # pixels: a few words, elided
GAP = 2.0  # pixels between labels


def label_order(cards: Iterable[NodeCard]) -> list[NodeCard]:
    """The cards that may get a label, most wanted first: the selected one, its path (nearest first),
    then the others in the tree's order."""
    ordered = list(cards)
    selected = [card for card in ordered if card.selected]
    path = [card for card in reversed(ordered) if card.on_path and not card.selected]
    rest = [card for card in ordered if not card.on_path and not card.selected]
    return (selected + path + rest)[:CANDIDATES]


class FarLabels:
    """Paints the short labels over the overview; remembers which cards it labelled (for tests)."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.metrics = QFontMetricsF(self.font)
        self._texts: dict[str, str] = {}  # node id -> its label, elided once
        self.labelled: list[str] = []  # node ids labelled by the last paint

    def order(self, cards: Iterable[NodeCard]) -> list[NodeCard]:
        return label_order(cards)

    def forget(self) -> None:
        """Titles changed: elide again when next painted."""
        self._texts.clear()

    def text(self, card: NodeCard) -> str:
        text = self._texts.get(card.node_id)
        if text is None:
            words = " ".join(card.raw_title.split()[:SHORT_WORDS])
            text = self._texts[card.node_id] = self.metrics.elidedText(
                words, Qt.TextElideMode.ElideRight, LABEL_WIDTH
            )
        return text

    def paint(
        self,
        painter: QPainter,
        candidates: list[NodeCard],
        card_size: tuple[float, float],
        exposed: QRectF,
        palette: QPalette,
    ) -> None:
        """Labels above the cards' blocks (in device pixels), none overlapping another."""
        transform = painter.worldTransform()
        width, height = card_size
        device = painter.viewport()
        painter.save()
        painter.resetTransform()
        painter.setFont(self.font)
        line = self.metrics.height() + 2
        background = QColor(palette.color(QPalette.ColorRole.Base))
        background.setAlpha(230)
        taken: list[QRectF] = []
        self.labelled = []
        for card in candidates:
            if not exposed.intersects(QRectF(card.x(), card.y(), width, height)):
                continue
            anchor = transform.map(QPointF(card.x() + width / 2, card.y()))
            text = self.text(card)
            box_width = self.metrics.horizontalAdvance(text) + 8
            box = QRectF(anchor.x() - box_width / 2, anchor.y() - line - 1, box_width, line)
            if not device.intersects(box.toRect()):
                continue
            padded = box.adjusted(-GAP, -GAP, GAP, GAP)
            if any(padded.intersects(other) for other in taken):
                continue
            taken.append(box)
            self.labelled.append(card.node_id)
            if card.selected:
                painter.fillRect(box, palette.color(QPalette.ColorRole.Highlight))
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            else:
                painter.fillRect(box, background)
                painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            if len(taken) >= MAX_LABELS:
                break
        painter.restore()
