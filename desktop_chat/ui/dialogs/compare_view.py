"""Answers side by side: the parameters each used, usage, latency and a word diff against the first."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.content.word_diff import similarity, word_diff
from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.ui.i18n import is_language_change, status_name

REFRESH_MS = 100  # while answers stream, re-render at most this often


def describe(node: Node) -> str:
    """The header of a column: model and parameters, status, usage and latency."""
    params = node.params
    lines = [f"<b>{html.escape(node.model or str(params.get('model', '')))}</b>"]
    settings = []
    for key, label in (
        ("temperature", QCoreApplication.translate("CompareView", "temperature")),
        ("top_p", "top_p"),
        ("max_output_tokens", QCoreApplication.translate("CompareView", "max tokens")),
    ):
        if params.get(key) is not None:
            settings.append(f"{label} {params[key]}")
    lines.append(
        html.escape(", ".join(settings) or QCoreApplication.translate("CompareView", "server defaults"))
    )
    if params.get("instructions"):
        persona = str(params["instructions"])
        shown = persona[:60] + ("…" if len(persona) > 60 else "")
        lines.append(
            html.escape(QCoreApplication.translate("CompareView", "instructions: %1").replace("%1", shown))
        )
    status = status_name(node.status)
    if node.status.finished:
        status += f" · {max(0.0, node.updated_at - node.created_at):.1f} s"
    if node.usage is not None:
        tokens = QCoreApplication.translate("CompareView", "%1 in / %2 out tokens")
        status += " · " + tokens.replace("%1", f"{node.usage.input_tokens:,}").replace(
            "%2", f"{node.usage.output_tokens:,}"
        )
    lines.append(html.escape(status))
    return "<br>".join(lines)


def diff_html(reference: str, text: str) -> str:
    """`text` with what differs from `reference` marked: inserted words green, removed ones struck out."""
    parts = []
    for op, run in word_diff(reference, text):
        escaped = html.escape(run)
        if op == "equal":
            parts.append(escaped)
        elif op == "insert":
            parts.append(f'<span style="background-color:#d7f5dd; color:#1f2328;">{escaped}</span>')
        elif run.strip():
            parts.append(
                '<span style="background-color:#ffd7d5; color:#1f2328; text-decoration:line-through;">'
                f"{escaped}</span>"
            )
    return f'<p style="white-space:pre-wrap;">{"".join(parts)}</p>'


class CompareView(QDialog):
    stop_requested = Signal()  # Esc or "Stop all" while compared answers stream
    continue_requested = Signal(str)  # "Continue from this one" under a column: that answer's node id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_view")
        self.resize(1100, 640)
        self.nodes: list[Node] = []
        self.headers: list[QLabel] = []
        self.bodies: list[QTextBrowser] = []
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("compare_summary")
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("compare_stop")
        self.stop_button.clicked.connect(self.stop_requested)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.stop_button)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        """Its texts in the UI's language; the columns are made again (the language changed while the
        window was open)."""
        self.setWindowTitle(self.tr("Compare answers"))
        self.stop_button.setText(self.tr("Stop all"))
        self.stop_button.setToolTip(self.tr("Stop every answer that is still streaming (Esc)"))
        if self.nodes:
            self.set_nodes(self.nodes)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_nodes(self, nodes: list[Node]) -> None:
        self.nodes = list(nodes)
        while self.splitter.count():
            widget = self.splitter.widget(0)
            assert widget is not None
            widget.setParent(None)
            widget.deleteLater()
        self.headers, self.bodies = [], []
        for index, node in enumerate(self.nodes):
            column = QWidget()
            column_layout = QVBoxLayout(column)
            header = QLabel()
            header.setObjectName(f"compare_header_{index}")
            header.setWordWrap(True)
            body = QTextBrowser()
            body.setObjectName(f"compare_body_{index}")
            body.setOpenLinks(False)
            go_on = QPushButton(self.tr("Continue from this one"))
            go_on.setObjectName(f"compare_continue_{index}")
            go_on.setToolTip(self.tr("Select this answer in the main window and write the next prompt"))
            go_on.clicked.connect(lambda _=False, node_id=node.id: self.continue_requested.emit(node_id))
            column_layout.addWidget(header)
            column_layout.addWidget(body, 1)
            column_layout.addWidget(go_on)
            self.splitter.addWidget(column)
            self.headers.append(header)
            self.bodies.append(body)
        self.refresh()

    def node_updated(self, node: Node) -> None:
        """A compared answer changed (it may be streaming): refresh soon, coalescing bursts."""
        if any(n.id == node.id for n in self.nodes) and not self._timer.isActive():
            self._timer.start()

    def refresh(self) -> None:
        if not self.nodes:
            return
        reference = self.nodes[0].output_text
        for index, node in enumerate(self.nodes):
            reference_mark = "<br><i>" + html.escape(self.tr("reference")) + "</i>"
            self.headers[index].setText(describe(node) + (reference_mark if index == 0 else ""))
            if index == 0:
                self.bodies[index].setHtml(diff_html(reference, reference))
            else:
                self.bodies[index].setHtml(diff_html(reference, node.output_text))
        streaming = sum(1 for node in self.nodes if node.status is NodeStatus.STREAMING)
        if len(self.nodes) > 1:
            scores = [similarity(reference, node.output_text) for node in self.nodes[1:]]
            shown = ", ".join(f"#{i + 2} {s:.0%}" for i, s in enumerate(scores))
            text = self.tr("Similarity to the first: %1").replace("%1", shown)
        else:
            text = ""
        if streaming:
            text += self.tr(" — %1 still streaming").replace("%1", str(streaming))
        self.summary.setText(text)
        self.stop_button.setEnabled(streaming > 0)

    def streaming(self) -> bool:
        return any(node.status is NodeStatus.STREAMING for node in self.nodes)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.streaming():
            self.stop_requested.emit()  # Esc stops the answers first; a second Esc closes
            event.accept()
            return
        super().keyPressEvent(event)
