"""The per-token view of an answer: each token coloured by its probability, alternatives on hover.

objectNames: `logprobs_dialog`, `logprobs_view` (the coloured text), `logprobs_summary` (a line with
the token count and the mean probability).
"""

from __future__ import annotations

import html
import math
from typing import Any

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QToolTip, QVBoxLayout, QWidget

from desktop_chat.core.api.providers.responses import logprobs_of
from desktop_chat.core.conversation.model import Node

# probability bands, highest first: (lowest probability, background colour)
BANDS: tuple[tuple[float, str], ...] = (
    (0.9, "#d8f3dc"),  # near certain
    (0.6, "#fff3bf"),
    (0.3, "#ffd8a8"),
    (0.0, "#ffc9c9"),  # unlikely
)
TEXT_ON_BANDS = "#1f2328"  # the bands are light in either theme: dark text on them


def probability(logprob: Any) -> float:
    try:
        return math.exp(float(logprob))
    except (TypeError, ValueError, OverflowError):
        return 0.0


def colour_for(p: float) -> str:
    return next(colour for floor, colour in BANDS if p >= floor)


def alternatives_text(token: dict[str, Any]) -> str:
    """The tooltip of a token: its probability and its alternatives, most likely first."""
    lines = [f"{token.get('token', '')!r}: {probability(token.get('logprob')):.1%}"]
    alternatives = sorted(
        (t for t in token.get("top_logprobs") or [] if isinstance(t, dict)),
        key=lambda t: -probability(t.get("logprob")),
    )
    lines += [f"  {t.get('token', '')!r}: {probability(t.get('logprob')):.1%}" for t in alternatives]
    return "\n".join(lines)


def tokens_html(tokens: list[dict[str, Any]]) -> str:
    spans = []
    for token in tokens:
        p = probability(token.get("logprob"))
        text = html.escape(str(token.get("token", ""))).replace("\n", "<br/>")
        tip = html.escape(alternatives_text(token), quote=True)
        style = f"background-color:{colour_for(p)}; color:{TEXT_ON_BANDS};"
        spans.append(f'<span style="{style}" title="{tip}">{text}</span>')
    return f'<p style="white-space:pre-wrap;">{"".join(spans)}</p>'


class _TokenText(QTextBrowser):
    """Shows the tooltip (`title`) of the token under the mouse."""

    def tooltip_at(self, point: QPoint) -> str:
        cursor = self.cursorForPosition(point)
        if not cursor.atBlockEnd():
            cursor.movePosition(cursor.MoveOperation.NextCharacter)  # the format of the char after the point
        return str(cursor.charFormat().toolTip())

    def tooltips(self) -> list[str]:
        """The tooltip of every token, in order (what hovering each one shows)."""
        tips: list[str] = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().toolTip():
                    tips.append(str(fragment.charFormat().toolTip()))
                it += 1
            block = block.next()
        return tips

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            tip = self.tooltip_at(self.viewport().mapFromGlobal(e.globalPos()))
            if tip:
                QToolTip.showText(e.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


class LogprobsDialog(QDialog):
    """The answer's tokens coloured by probability (non-modal: it follows a change of language)."""

    def __init__(self, node: Node, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logprobs_dialog")
        self.resize(640, 420)
        self.tokens = logprobs_of(node.output_items)
        self.view = _TokenText()
        self.view.setObjectName("logprobs_view")
        self.view.setHtml(tokens_html(self.tokens))
        self.summary = QLabel()
        self.summary.setObjectName("logprobs_summary")
        self.retranslate()
        legend = QLabel(
            " ".join(
                f'<span style="background-color:{colour}; color:{TEXT_ON_BANDS};">'
                f"&nbsp;≥{floor:.0%}&nbsp;</span>"
                for floor, colour in BANDS
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Token probabilities"))
        probabilities = [probability(t.get("logprob")) for t in self.tokens]
        mean = sum(probabilities) / len(probabilities) if probabilities else 0.0
        self.summary.setText(
            self.tr("%1 tokens · mean probability %2 · hover a token for its alternatives")
            .replace("%1", f"{len(self.tokens):,}")
            .replace("%2", f"{mean:.1%}")
            if self.tokens
            else self.tr("This answer has no token probabilities (turn on top_logprobs in Settings).")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
