"""One quiet word in the status bar for how the open conversation reaches the model: the server keeps
it (each request names the previous answer) or this computer sends the whole branch each time. The
tooltip explains; it follows the reply target, not the answer streaming (it does not flip mid-answer).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop_chat.core.api.context import choose_mode
from desktop_chat.core.conversation.model import ContextMode
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui import i18n


class ContextIndicator(QLabel):
    def __init__(self, session: ChatSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_context")
        self.session = session
        self.mode: ContextMode | None = None
        self.setEnabled(True)
        events = session.events
        events.selection_changed.connect(lambda _event: self.refresh())
        events.backend_changed.connect(lambda _event: self.refresh())
        events.turn_finished.connect(lambda _event: self.refresh())
        events.busy_changed.connect(lambda _event: self.refresh())
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event) and self.mode is not None:
            self.show_mode(self.mode)
        super().changeEvent(event)

    def refresh(self) -> None:
        """How the next prompt would be sent (kept as it is while answers stream)."""
        session = self.session
        if session.busy:
            return
        params = session.effective_params()
        parent_id = session.reply_parent_id()
        if session.tree is None or parent_id is None:
            mode = session.prefer_for(params)
        else:
            mode = choose_mode(
                session.tree,
                parent_id,
                session.prefer_for(params),
                params.excluded_node_ids,
                session.provider,
            )
        self.show_mode(mode)

    def show_mode(self, mode: ContextMode) -> None:
        self.mode = mode
        if mode is ContextMode.CHAIN:
            self.setText(self.tr("History on server"))
            self.setToolTip(
                self.tr(
                    "The server keeps this conversation: each request sends only your new prompt and "
                    "names the answer it follows, so earlier turns are not sent again."
                )
            )
        else:
            self.setText(self.tr("History sent in full"))
            self.setToolTip(
                self.tr(
                    "Each request sends the whole branch from this computer: this server keeps no "
                    "conversations, the branch was started elsewhere, or turns were left out of it."
                )
            )
        self.setAccessibleName(self.text())
        self.setAccessibleDescription(self.toolTip())
