"""The composer pane: the reply target line, the prompt's attachments, the prompt editor, and the Send,
Stop and Retry buttons; it counts the draft's tokens (shown in the status bar) as the user types.

Send hands the prompt to the session and clears the editor only once the prompt is stored; the
buttons and the reply target follow the session's selection, back end and streaming turns.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.core.conversation.model import ChatParams, NodeStatus, title_from_prompt
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.branching import is_continuation
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui import i18n
from desktop_chat.ui.composer.attachment_bar import AttachmentBar
from desktop_chat.ui.composer.composer import Composer
from desktop_chat.ui.composer.elided_label import ElidedLabel
from desktop_chat.ui.composer.model_picker import ModelPicker
from desktop_chat.ui.status.status_bar import NoticeBanner


class ComposerPane(QWidget):
    def __init__(
        self,
        session: ChatSession,
        banner: NoticeBanner,
        attachments: AttachmentStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("composer_pane")
        self.session = session
        self.banner = banner
        self._context_estimate: tuple[object, int] | None = None  # (what it was computed for, tokens)
        self._tree_version = 0  # bumped when a turn finishes (answers change the replayed context)
        self.token_encoding: str | None = None  # set once the encoding is built (after first paint)
        self.reply_label = ElidedLabel()  # a long prompt's reply target must not widen the window
        self.reply_label.setObjectName("reply_target")
        self.model_picker = ModelPicker(session, banner, self)
        self.model_picker.changed.connect(self._draft_timer_start)
        self.composer = Composer(self)
        self.composer.send_requested.connect(self.send)
        self.composer.setMaximumHeight(120)
        self.attachments = AttachmentBar(attachments, self)
        self.attachments.message.connect(banner.show_notice)
        self.composer.files_dropped.connect(self.attachments.add_files)
        self.composer.image_pasted.connect(self.attachments.add_image)
        self.draft_label = QLabel()  # the window shows it in the status bar
        self.draft_label.setObjectName("status_draft_tokens")
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(120)
        self._draft_timer.timeout.connect(self.update_draft_tokens)
        self.composer.textChanged.connect(self._draft_timer.start)

        self.send_button = QPushButton()
        self.send_button.setObjectName("send_button")
        self.send_button.clicked.connect(self.send)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stop_button")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(session.stop)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retry_button")
        self.retry_button.clicked.connect(self.regenerate)
        self.retranslate()
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
        top = QHBoxLayout()
        top.addWidget(self.reply_label, 1)
        top.addWidget(self.model_picker)
        layout.addLayout(top)
        layout.addWidget(self.attachments)
        layout.addLayout(row)
        events = session.events
        events.selection_changed.connect(lambda _event: self.show_reply_target())
        events.backend_changed.connect(lambda _event: self.show_reply_target())
        events.busy_changed.connect(lambda event: self.set_busy(event.busy))
        events.turn_finished.connect(self._turn_finished)

    def retranslate(self) -> None:
        """The buttons, the reply target and the draft's count in the UI's language."""
        self.send_button.setText(self.tr("Send"))
        self.send_button.setToolTip(
            self.tr("Send (Enter)") if self.composer.enter_sends else self.tr("Send (Ctrl+Enter)")
        )
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the answer (Esc); what arrived is kept"))
        self.retry_button.setToolTip(
            self.tr("Ask again with the selected prompt: a new sibling answer (Ctrl+R)")
        )
        self.show_reply_target()
        self.update_draft_tokens()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # -- the prompt -------------------------------------------------------------------------------
    def text(self) -> str:
        return self.composer.plain_text()

    def has_text(self) -> bool:
        """Whether the editor holds anything (without copying it out: 30 ms for a 5 MB paste)."""
        return not self.composer.document().isEmpty()

    def clear(self) -> None:
        """The prompt was sent: empty the editor and the attachments."""
        self.composer.clear()
        self.attachments.clear()

    def send(self) -> None:
        """Send the prompt; the editor is cleared only once the prompt is stored."""
        text = self.text().strip()
        attachments = self.attachments.attachments()
        if (not text and not attachments) or self.composer.pasting:
            return
        if self.banner.attempt(lambda: self.session.send(text, attachments)):
            self.clear()

    def set_enter_sends(self, on: bool) -> None:
        """Which key sends: Enter (Shift+Enter: new line) or Ctrl+Enter; the placeholder says which."""
        self.composer.set_enter_sends(on)
        self.send_button.setToolTip(self.tr("Send (Enter)") if on else self.tr("Send (Ctrl+Enter)"))

    def regenerate(self) -> None:
        """Ask again with the selected turn's input: a new sibling, the original kept."""
        if self.session.selected_node() is not None and not self.session.busy:
            self.banner.attempt(self.session.regenerate)

    def set_busy(self, busy: bool) -> None:
        """Answers are streaming (Stop is offered) or not (Send is)."""
        self.send_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        if busy:
            self.retry_button.setEnabled(False)
        else:
            self.show_reply_target()

    def _draft_timer_start(self) -> None:
        if self.has_text():  # the request estimate follows the model
            self._draft_timer.start()

    def _turn_finished(self, _event: object) -> None:
        self._tree_version += 1

    def show_reply_target(self) -> None:
        """What the next prompt continues from (a new conversation when nothing is selected) and how:
        chained on the server, or the path replayed from here."""
        if self.has_text():  # the request estimate follows the reply target
            self._draft_timer.start()
        session = self.session
        node = session.selected_node()
        if node is None or session.tree is None:
            self.reply_label.setText(self.tr("New conversation"))
            self.retry_button.setEnabled(False)
            return
        self.retry_button.setEnabled(node.status.finished and not session.busy)
        completed = node.status is NodeStatus.COMPLETED
        self.retry_button.setText(self.tr("Regenerate") if completed else self.tr("Retry"))
        # a failed or empty turn is never context: a prompt sent now continues from its parent, and
        # the label names the turn it really goes after
        parent_id = session.reply_parent_id()
        if parent_id is None:  # the selected turn is a root that gave nothing: a new root
            self.reply_label.setText(self.tr("New branch — the selected turn has no answer to continue from"))
            return
        target = session.tree.get(parent_id)
        while is_continuation(target) and target.parent_id is not None and target.parent_id in session.tree:
            target = session.tree.get(target.parent_id)  # a Continue turn: named by what it continues
        snippet = title_from_prompt(target.user_text, 50)
        if parent_id == node.id:
            text = self.tr("Replying after: “%1”")
        else:
            text = self.tr("Replying after: “%1” — the selected turn has no answer to continue from")
        self.reply_label.setText(text.replace("%1", snippet))

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
        from desktop_chat.core.content import tokens  # (tiktoken: loaded with the first count)

        params = self.session.effective_params()
        count = tokens.count_tokens(text, tokens.encoding_for_model(params.model))
        total = count + self.context_tokens(params) + 4  # + the new message's overhead
        self.draft_label.setText(
            self.tr("Draft: %1 tokens · request ≈ %2").replace("%1", f"{count:,}").replace("%2", f"{total:,}")
        )
        self.draft_label.setToolTip(
            self.tr("The next request carries the draft plus the context of the selected branch (estimate).")
        )

    def context_tokens(self, params: ChatParams) -> int:
        """The estimated tokens of everything the next request carries besides the draft (cached until
        the selection, the settings, the provider or the tree change)."""
        from desktop_chat.core.api.context_preview import context_tokens

        session = self.session
        node_id = session.reply_parent_id()  # what the next prompt continues from
        tree = session.tree if session.tree is not None else ConversationTree("")
        prefer, provider = session.prefer_for(params), session.provider
        key = (node_id, repr(params), prefer, provider, id(tree), len(tree), self._tree_version)
        if self._context_estimate is None or self._context_estimate[0] != key:
            self._context_estimate = (key, context_tokens(tree, node_id, params, prefer, provider))
        return self._context_estimate[1]

    def generated_image(self, action: str, sha256: str) -> None:
        """A generated image's link: attach it to the next prompt, or save a copy of it."""
        name = f"generated-{sha256[:8]}"
        if action == "use":
            if self.attachments.add_stored(sha256, f"{name}.png") is not None:
                self.composer.setFocus()
            return
        import shutil

        from PySide6.QtWidgets import QFileDialog

        source = self.attachments.store.find(sha256)
        if source is None:
            self.banner.show_notice(self.tr("The image is no longer in the attachment folder."))
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save image"), name + source.suffix)
        if target:
            try:
                shutil.copyfile(source, target)
            except OSError as exc:
                self.banner.show_notice(self.tr("The image could not be saved: %1").replace("%1", str(exc)))
