"""The context inspector: what the next request will carry, item by item, before it is sent.

One row per item (instructions, `previous_response_id` or the path's items, the new input, tools, text
format) with its estimated tokens. Path rows have a check box: unchecking one leaves that turn out of
the context, which makes the request a local replay. "Count exactly" asks the server
(`POST /responses/input_tokens`) when it offers it.

objectNames: `context_inspector`, `context_items` (QTableWidget: include, item, tokens),
`context_summary`, `context_truncation` (check box: `truncation: auto`), `context_count_exact`
(button), `context_exact` (label with the server's count).
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.api.context_preview import ContextPreview, exact_input_tokens, preview
from desktop_chat.core.conversation.model import JSON, ChatParams, ContextMode
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.ui.i18n import join_sentences

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


class ContextInspector(QDialog):
    def __init__(
        self,
        tree: ConversationTree,
        parent_id: str | None,
        new_input: list[JSON],
        params: ChatParams,
        *,
        prefer: ContextMode = ContextMode.CHAIN,
        client: Any = None,
        provider: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("context_inspector")
        self.setWindowTitle(self.tr("Context of the next request"))
        self.resize(720, 480)
        self.tree, self.parent_id, self.new_input = tree, parent_id, new_input
        self.params, self.prefer, self.client = params, prefer, client
        self.provider = provider
        path_ids = {node.id for node in tree.path_to(parent_id)}
        self.excluded: set[str] = {i for i in params.excluded_node_ids if i in path_ids}
        self.current: ContextPreview | None = None
        self.exact_task: asyncio.Task[None] | None = None

        self.summary = QLabel()
        self.summary.setObjectName("context_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("context_items")
        self.table.setHorizontalHeaderLabels([self.tr("Send"), self.tr("Item"), self.tr("Tokens")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemChanged.connect(self._item_changed)

        self.truncation = QCheckBox(
            self.tr("Let the server drop the oldest items if the context is too long (truncation: auto)")
        )
        self.truncation.setObjectName("context_truncation")
        self.truncation.setChecked(params.truncation_auto)
        self.truncation.toggled.connect(lambda _on: self.refresh())
        self.count_button = QPushButton(self.tr("Count exactly"))
        self.count_button.setObjectName("context_count_exact")
        self.count_button.setToolTip(
            self.tr("Ask the server for the exact input token count (responses/input_tokens)")
        )
        self.count_button.setEnabled(client is not None)
        self.count_button.clicked.connect(self.count_exactly)
        self.exact = QLabel()
        self.exact.setObjectName("context_exact")
        row = QHBoxLayout()
        row.addWidget(self.count_button)
        row.addWidget(self.exact, 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("context_ok")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.truncation)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.refresh()

    # -- results --------------------------------------------------------------------------------
    def result_params(self) -> ChatParams:
        """The parameters with the chosen exclusions and truncation."""
        data = self.params.to_json()
        data["excluded_node_ids"] = sorted(self.excluded)
        data["truncation_auto"] = self.truncation.isChecked()
        return ChatParams.from_json(data)

    def result_override(self) -> JSON:
        """What to merge into the conversation's params_override."""
        return {"excluded_node_ids": sorted(self.excluded), "truncation_auto": self.truncation.isChecked()}

    # -- building -------------------------------------------------------------------------------
    def refresh(self) -> None:
        params = self.result_params()
        self.current = result = preview(
            self.tree, self.parent_id, self.new_input, params, self.prefer, self.provider
        )
        self.table.blockSignals(True)
        self.table.setRowCount(len(result.items))
        for row, item in enumerate(result.items):
            check = QTableWidgetItem()
            if item.node_id is not None and item.kind != "previous_response_id":
                check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                check.setCheckState(Qt.CheckState.Unchecked if item.excluded else Qt.CheckState.Checked)
                check.setData(NODE_ROLE, item.node_id)
            else:
                check.setFlags(Qt.ItemFlag.ItemIsEnabled)
            label = QTableWidgetItem(item.label)
            label.setToolTip(item.text[:2000])
            if item.excluded:
                label.setForeground(Qt.GlobalColor.gray)
            tokens = QTableWidgetItem(f"{item.tokens:,}")
            tokens.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, cell in enumerate((check, label, tokens)):
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        if result.mode is ContextMode.CHAIN and "previous_response_id" in result.request:
            how = self.tr("Server chain: only the new input is sent, with previous_response_id.")
        elif self.parent_id is None:
            how = self.tr("A new conversation: only the new input is sent.")
        else:
            how = self.tr("Local replay: the path is sent again from the local history.")
        sentences = [how]
        if self.excluded:
            sentences.append(self.tr("%1 turn(s) excluded.").replace("%1", str(len(self.excluded))))
        if params.truncation_auto:
            sentences.append("truncation: auto.")
        sentences.append(
            self.tr("About %1 input tokens (estimate).").replace("%1", f"{result.total_tokens:,}")
        )
        self.summary.setText(join_sentences(sentences))
        self.exact.clear()

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        node_id = cell.data(NODE_ROLE)
        if not node_id:
            return
        if cell.checkState() == Qt.CheckState.Checked:
            self.excluded.discard(str(node_id))
        else:
            self.excluded.add(str(node_id))
        self.refresh()

    def set_node_included(self, node_id: str, included: bool) -> None:
        """Check or uncheck the rows of a path node (as a click on its check box does)."""
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None and cell.data(NODE_ROLE) == node_id:
                cell.setCheckState(Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)
                return

    # -- exact count ----------------------------------------------------------------------------
    def count_exactly(self) -> None:
        if self.client is None or self.current is None:
            return
        self.exact.setText(self.tr("Counting…"))
        self.exact_task = asyncio.ensure_future(self._count(self.current.request))

    async def _count(self, request: dict[str, Any]) -> None:
        try:
            count = await exact_input_tokens(self.client, request)
        except Exception as exc:
            self.exact.setText(self.tr("The server could not count: %1").replace("%1", str(exc)))
            return
        self.exact.setText(
            self.tr("Server count: %1 input tokens").replace("%1", f"{count:,}")
            if count is not None
            else self.tr("This server cannot count tokens.")
        )

    def done(self, result: int) -> None:
        if self.exact_task is not None and not self.exact_task.done():
            self.exact_task.cancel()
        super().done(result)
