"""The composer pane: the reply target line, the prompt's attachments, the prompt editor, and the Send,
Stop and Retry buttons; it counts the draft's tokens (shown in the status bar) as the user types.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_chat.core.content import tokens
from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.core.conversation.model import ChatParams, Node, NodeStatus, title_from_prompt
from desktop_chat.ui.composer.attachment_bar import AttachmentBar
from desktop_chat.ui.composer.composer import Composer


class DraftEstimator(Protocol):
    """What a request estimate needs besides the draft itself."""

    def effective_params(self) -> ChatParams: ...
    def context_tokens(self, params: ChatParams) -> int: ...  # the rest of the next request


class ComposerPane(QWidget):
    send_requested = Signal()  # Send, or Ctrl+Enter in the editor
    stop_requested = Signal()
    retry_requested = Signal()
    notice = Signal(str)  # something could not be attached: say why

    def __init__(
        self, attachments: AttachmentStore, estimator: DraftEstimator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("composer_pane")
        self.estimator = estimator
        self.token_encoding: str | None = None  # set once the encoding is built (after first paint)
        self.reply_label = QLabel()
        self.reply_label.setObjectName("reply_target")
        self.composer = Composer(self)
        self.composer.send_requested.connect(self.send_requested)
        self.composer.setMaximumHeight(120)
        self.attachments = AttachmentBar(attachments, self)
        self.attachments.message.connect(self.notice)
        self.composer.files_dropped.connect(self.attachments.add_files)
        self.composer.image_pasted.connect(self.attachments.add_image)
        self.draft_label = QLabel()  # the window shows it in the status bar
        self.draft_label.setObjectName("status_draft_tokens")
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(120)
        self._draft_timer.timeout.connect(self.update_draft_tokens)
        self.composer.textChanged.connect(self._draft_timer.start)

        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("send_button")
        self.send_button.setToolTip(self.tr("Send (Ctrl+Enter)"))
        self.send_button.clicked.connect(self.send_requested)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stop_button")
        self.stop_button.setToolTip(self.tr("Stop the answer (Esc); what arrived is kept"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop_requested)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retry_button")
        self.retry_button.setToolTip(
            self.tr("Ask again with the selected prompt: a new sibling answer (Ctrl+R)")
        )
        self.retry_button.clicked.connect(self.retry_requested)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.composer, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reply_label)
        layout.addWidget(self.attachments)
        layout.addLayout(row)

    # -- the prompt -------------------------------------------------------------------------------
    def text(self) -> str:
        return self.composer.toPlainText()

    def clear(self) -> None:
        """The prompt was sent: empty the editor and the attachments."""
        self.composer.clear()
        self.attachments.clear()

    def set_busy(self, busy: bool) -> None:
        """Answers are streaming (Stop is offered) or not (Send is)."""
        self.send_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        if busy:
            self.retry_button.setEnabled(False)

    def show_reply_target(self, node: Node | None, chained: bool, busy: bool) -> None:
        """What the next prompt continues from (None: it starts a new conversation) and how: chained
        on the server, or the path replayed from here."""
        if self.text():  # the request estimate follows the reply target
            self._draft_timer.start()
        if node is None:
            self.reply_label.setText(self.tr("New conversation"))
            self.retry_button.setEnabled(False)
            return
        self.retry_button.setEnabled(node.status.finished and not busy)
        completed = node.status is NodeStatus.COMPLETED
        self.retry_button.setText(self.tr("Regenerate") if completed else self.tr("Retry"))
        how = self.tr("server chain") if chained else self.tr("local replay")
        snippet = title_from_prompt(node.user_text, 50)
        self.reply_label.setText(
            self.tr("Replying after: “%1” (%2)").replace("%1", snippet).replace("%2", how)
        )

    # -- the draft's tokens -----------------------------------------------------------------------
    def tokens_ready(self, encoding_name: str) -> None:
        """The token encoding is built (off the start-up path): draft counts can be shown."""
        self.token_encoding = encoding_name
        self.update_draft_tokens()

    def update_draft_tokens(self) -> None:
        text = self.text()
        if self.token_encoding is None or not text:
            self.draft_label.setText("")
            return
        params = self.estimator.effective_params()
        count = tokens.count_tokens(text, tokens.encoding_for_model(params.model))
        total = count + self.estimator.context_tokens(params) + 4  # + the new message's overhead
        self.draft_label.setText(
            self.tr("Draft: %1 tokens · request ≈ %2").replace("%1", f"{count:,}").replace("%2", f"{total:,}")
        )
        self.draft_label.setToolTip(
            self.tr("The next request carries the draft plus the context of the selected branch (estimate).")
        )
