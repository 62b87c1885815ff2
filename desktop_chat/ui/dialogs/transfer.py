"""File ▸ Import and File ▸ Export: conversations in and out, all or nothing, with a message saying
what happened (a banner on success, a dialog when it failed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_chat import cli
from desktop_chat.core.content.attachments import attachments_dir
from desktop_chat.core.conversation.model import title_from_prompt
from desktop_chat.core.conversation.store import StoreError
from desktop_chat.core.interchange import export
from desktop_chat.core.interchange.export import ImportFailed
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui.status.status_bar import NoticeBanner


class Transfer(QObject):
    def __init__(self, window: QWidget, session: ChatSession, banner: NoticeBanner) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.banner = banner
        self.attachments = attachments_dir(session.store.path.parent)

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import conversations"),
            "",
            self.tr("ChatGPT export or desktop_chat JSON (*.json *.zip);;All files (*)"),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> str:
        """Import a file (all or nothing) and say what happened; returns the message shown."""
        try:
            summary = cli.import_file(self.session.store, path, self.attachments)
        except (ImportFailed, StoreError) as exc:
            QMessageBox.warning(self.window, self.tr("Import failed"), exc.user_message)
            return exc.user_message
        self.session.reload_conversations()
        message = summary.text()
        self.banner.show_notice(message)
        return message

    def export_all(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export all conversations"),
            "desktop_chat-export.json",
            "JSON (*.json);;Markdown (*.md)",
        )
        if path:
            self.export_path(Path(path))

    def export_path(self, path: Path) -> str:
        try:
            message = cli.export_file(self.session.store, path, self.attachments)
        except ImportFailed as exc:
            QMessageBox.warning(self.window, self.tr("Export failed"), exc.user_message)
            return exc.user_message
        self.banner.show_notice(message)
        return message

    def export_markdown(self, whole_tree: bool) -> None:
        """The open conversation as Markdown: the selected branch, or the whole tree."""
        conversation, tree = self.session.conversation, self.session.tree
        if conversation is None or tree is None:
            return
        if whole_tree:
            text = export.markdown_for_tree(conversation, tree.nodes())
        else:
            text = export.markdown_for_path(conversation, tree.path_to(self.session.selected_node_id))
        name = title_from_prompt(conversation.title, 40).replace("/", "-") + ".md"
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export as Markdown"), name, "Markdown (*.md)"
        )
        if path:
            try:
                export.write_text_atomically(Path(path), text)
            except OSError as exc:
                QMessageBox.warning(
                    self.window,
                    self.tr("Export failed"),
                    self.tr("%1 cannot be written: %2").replace("%2", str(exc)).replace("%1", path),
                )
