"""Search across all conversations: a box, and the matches with their context.

Typing searches after a short pause (debounced); Enter searches at once and opens the best match;
Down moves into the results; Esc clears. Activating a result (click, Enter, double-click) emits
`result_activated(conversation_id, node_id)`; node_id is "" for a title match (open the
conversation at its own selected node).

The search runs on a thread of its own with its own read-only connection, so the window never waits
for it; only the answer to the latest query is shown (`searched` is emitted when it is).
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress

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

from desktop_chat.core.conversation.search import SearchHit, open_reader, search
from desktop_chat.core.conversation.store import Store
from desktop_chat.ui import i18n

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchThread(QObject):
    """Runs searches one at a time on one thread, with a read-only connection of its own to the file;
    `found(generation, hits)` arrives on the GUI thread."""

    found = Signal(int, object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = store.path
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search")
        self._reader: sqlite3.Connection | None = None

    def submit(self, generation: int, query: str) -> Future[None]:
        return self._pool.submit(self._run, generation, query)

    def _run(self, generation: int, query: str) -> None:
        try:
            if self._reader is None:
                self._reader = open_reader(self.path)
            hits = search(self._reader, query)
        except sqlite3.Error:
            hits = []
        with suppress(RuntimeError):  # the panel was closed meanwhile
            self.found.emit(generation, hits)

    def close(self) -> None:
        self._pool.submit(self._close)
        self._pool.shutdown(wait=False)

    def _close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None


class SearchPanel(QWidget):
    result_activated = Signal(str, str)  # conversation_id, node_id ("" = the conversation's selection)
    searched = Signal()  # the results of the latest query are shown

    def __init__(
        self, store: Store | None = None, parent: QWidget | None = None, *, delay_ms: int = 250
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search_panel")
        self.store = store
        self.input = QLineEdit(self)
        self.input.setObjectName("search_input")
        self.input.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("search_results")
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
        self._searched = False  # the results shown are those of a search (not an empty box)
        self.retranslate()
        self._generation = 0  # of the latest query; older answers are dropped
        self._open_first = -1  # the generation whose best match Enter asked to open
        self._thread: SearchThread | None = None
        self._thread_for(store)

    def _thread_for(self, store: Store | None) -> None:
        if self._thread is not None:
            self._thread.close()
            self._thread = None
        if store is not None and str(store.path) != ":memory:":
            self._thread = SearchThread(store, self)
            self._thread.found.connect(self._found)

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self._thread_for(store)
        self.refresh()

    def refresh(self) -> None:
        """Search again (e.g. after an import) with the text as it is."""
        self.search_now()

    def search_now(self) -> None:
        """Search for the text as it is now (on the search thread); the results follow."""
        self._timer.stop()
        self._generation += 1
        query = self.input.text()
        if self.store is None or not query.strip():
            self._found(self._generation, [])
        elif self._thread is None:  # an in-memory store (tests): no other connection can see it
            self._found(self._generation, search(self.store, query))
        else:
            self._thread.submit(self._generation, query)

    def _found(self, generation: int, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return  # the text changed since: its own search follows
        self._show(hits, searched=bool(self.input.text().strip()))
        if self._open_first == generation and self.results.count():
            self.results.setCurrentRow(0)
            self._activate(self.results.item(0))
        self.searched.emit()

    def retranslate(self) -> None:
        self.input.setPlaceholderText(self.tr("Search all conversations"))
        self.input.setAccessibleName(self.tr("Search all conversations"))
        self.results.setAccessibleName(self.tr("Search results"))
        self._show(self.hits, self._searched)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            row = self.results.currentRow()
            self.retranslate()
            self.results.setCurrentRow(row)
        super().changeEvent(event)

    def _show(self, hits: list[SearchHit], searched: bool) -> None:
        self.hits, self._searched = hits, searched
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
                self._open_first = self._generation + 1  # open the best match once it is found
                self.search_now()
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
