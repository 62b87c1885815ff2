"""File ▸ Import and File ▸ Export: conversations in and out, with a message saying what happened (a
banner on success, a dialog when it failed). Imports run on a thread of their own (import_progress)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_chat import cli
from desktop_chat.core.content.attachments import attachments_dir
from desktop_chat.core.conversation.model import title_from_prompt
from desktop_chat.core.interchange import export, markdown_export
from desktop_chat.core.interchange.export import ImportFailed
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui.dialogs.import_progress import ImportJob, ImportProgressDialog
from desktop_chat.ui.status.status_bar import NoticeBanner

log = logging.getLogger("desktop_chat")


class Transfer(QObject):
    def __init__(self, window: QWidget, session: ChatSession, banner: NoticeBanner) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.banner = banner
        self.attachments = attachments_dir(session.store.path.parent)
        self.job: ImportJob | None = None  # the latest import (it runs on a thread of its own)
        self.progress: ImportProgressDialog | None = None
        self.failed_box: QMessageBox | None = None

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import conversations"),
            "",
            self.tr("ChatGPT export or desktop_chat JSON (*.json *.zip);;All files (*)"),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> ImportJob:
        """Import a file on a thread of its own, with a progress dialog and Cancel (what was imported
        stays, each conversation whole); at the end the conversations are listed anew and a notice
        (or, when it failed, a dialog) says what happened. Returns the job."""
        if self.job is not None and not self.job.done:
            self.banner.show_notice(self.tr("An import is already running; wait for it or cancel it first."))
            return self.job
        job = ImportJob(self.session.store.path, Path(path), self.attachments, self)
        self.job, self.progress = job, ImportProgressDialog(job, self.window)
        job.finished.connect(self._import_finished)
        self.progress.show()
        job.start()
        return job

    def shutdown(self, timeout_s: float = 30.0) -> None:
        """The window closes: an import running is cancelled and waited for (what it wrote stays)."""
        if self.job is not None and not self.job.done:
            self.job.cancel()
            self.job.wait(timeout_s)

    def _import_finished(self) -> None:
        job = self.job
        if job is None:
            return
        log.info("import_finished conversations=%d", job.summary.conversations if job.summary else 0)
        if job.summary is not None and (job.summary.conversations or job.summary.cancelled):
            self.session.reload_conversations()
        if job.error:
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Import failed"), job.error, parent=self.window
            )
            box.setObjectName("import_failed")
            box.open()  # not exec(): the window goes on
            self.failed_box = box
        self.banner.show_notice(job.message)

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
            text = markdown_export.markdown_for_tree(conversation, tree.nodes())
        else:
            text = markdown_export.markdown_for_path(
                conversation, tree.path_to(self.session.selected_node_id)
            )
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
