"""Search across all conversations: a box, and the matches with their context.

Typing searches after a short pause (debounced); Enter searches at once and opens the best match;
Down moves into the results; Esc clears. Activating a result (click, Enter, double-click) emits
`result_activated(conversation_id, node_id)`; node_id is "" for a title match (open the
conversation at its own selected node).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.conversation.search import SearchHit, search
from desktop_chat.core.conversation.store import Store

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPanel(QWidget):
    result_activated = Signal(str, str)  # conversation_id, node_id ("" = the conversation's selection)

    def __init__(
        self, store: Store | None = None, parent: QWidget | None = None, *, delay_ms: int = 250
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search_panel")
        self.store = store
        self.input = QLineEdit(self)
        self.input.setObjectName("search_input")
        self.input.setPlaceholderText(self.tr("Search all conversations"))
        self.input.setClearButtonEnabled(True)
        self.input.setAccessibleName(self.tr("Search all conversations"))
        self.results = QListWidget(self)
        self.results.setObjectName("search_results")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.status = QLabel(self)
        self.status.setObjectName("search_status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.input)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.status.setVisible(False)
        self.results.setVisible(False)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.search_now)
        self.input.textChanged.connect(lambda _text: self._timer.start())
        self.input.installEventFilter(self)
        self.results.itemActivated.connect(self._activate)
        if not self.style().styleHint(QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick):
            self.results.itemClicked.connect(self._activate)  # one click opens a result everywhere
        self.hits: list[SearchHit] = []

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        """Search again (e.g. after an import) with the text as it is."""
        self.search_now()

    def search_now(self) -> None:
        self._timer.stop()
        query = self.input.text()
        hits = search(self.store, query) if self.store is not None and query.strip() else []
        self._show(hits, searched=bool(query.strip()))

    def _show(self, hits: list[SearchHit], searched: bool) -> None:
        self.hits = hits
        self.results.clear()
        field_labels = {"prompt": self.tr("You"), "answer": self.tr("Answer"), "title": self.tr("Title")}
        where = self.tr("%1: %2", "a search result: where the text matched (You, Answer) and the text")
        for hit in hits:
            label = field_labels.get(hit.field, hit.field)
            line = where.replace("%1", label).replace("%2", hit.snippet)
            text = hit.title if hit.field == "title" else f"{hit.title}\n{line}"
            item = QListWidgetItem(text)
            item.setData(HIT_ROLE, (hit.conversation_id, hit.node_id or ""))
            item.setToolTip(hit.snippet)
            self.results.addItem(item)
        if not searched:
            self.status.setText("")
        elif not hits:
            self.status.setText(self.tr("No matches"))
        else:
            more = "+" if len(hits) >= 50 else ""
            count = self.tr("%1 match") if len(hits) == 1 else self.tr("%1 matches")
            self.status.setText(count.replace("%1", f"{len(hits)}{more}"))
        self.status.setVisible(searched)
        self.results.setVisible(bool(hits))

    def _activate(self, item: QListWidgetItem) -> None:
        data = item.data(HIT_ROLE)
        if data:
            conversation_id, node_id = data
            self.result_activated.emit(conversation_id, node_id)

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.input.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.search_now()
                if self.results.count():
                    self.results.setCurrentRow(0)
                    self._activate(self.results.item(0))
                return True
            if key == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.input.text():
                self.input.clear()
                self.search_now()
                return True
        return super().eventFilter(watched, event)
