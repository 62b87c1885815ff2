"""The strip above the composer: the prompt's attachments as removable thumbnails, and ways to add more.

"Attach…" opens a file picker; files and images also arrive by drop (anywhere on the window) and paste
(through the composer's signals). What cannot be attached is refused with a message saying why, and
nothing is added. The composer pane holds the bar; `accept_drops(window, bar)` takes drops on the window.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.content.attachments import (
    DETAILS,
    Attachment,
    AttachmentError,
    AttachmentStore,
    Limits,
    check_image_url,
    human_size,
)
from desktop_chat.ui import i18n, theme
from desktop_chat.ui.composer import image_tools
from desktop_chat.ui.composer.composer import local_files, pasted_image

THUMB_SIDE = 56
FILE_PATTERNS = "*.png *.jpg *.jpeg *.webp *.gif *.pdf"


class AttachmentChip(QFrame):
    """One attachment: a thumbnail (or a label for PDFs and URLs), its name, and a remove button."""

    remove_requested = Signal(object)  # the chip

    def __init__(
        self, attachment: Attachment, thumbnail: QImage | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.attachment = attachment
        self.setObjectName("attachment_chip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 2, 2)
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("attachment_thumbnail")
        self.thumbnail.setFixedSize(THUMB_SIDE, THUMB_SIDE)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if thumbnail is not None and not thumbnail.isNull():
            self.thumbnail.setPixmap(QPixmap.fromImage(thumbnail))
        else:
            self.thumbnail.setText("PDF" if attachment.kind == "pdf" else "URL")
        layout.addWidget(self.thumbnail)
        self.label = QLabel()
        theme.set_tone(self.label, "muted")
        layout.addWidget(self.label)
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("remove_attachment")
        self.remove_button.setText("✕")
        self.retranslate()
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setToolTip(attachment.url or attachment.filename)

    def retranslate(self) -> None:
        attachment = self.attachment
        name = attachment.filename if len(attachment.filename) <= 24 else attachment.filename[:23] + "…"
        details = human_size(attachment.size) if attachment.size else self.tr("linked")
        if attachment.width and attachment.height:
            details = f"{attachment.width}×{attachment.height} · {details}"
        self.label.setText(f"{name}\n{details}")
        remove = self.tr("Remove %1").replace("%1", attachment.filename)
        self.remove_button.setToolTip(remove)
        self.remove_button.setAccessibleName(remove)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


class AttachmentBar(QWidget):
    """The attachments of the prompt being written."""

    changed = Signal()  # an attachment was added or removed
    message = Signal(str)  # something could not be attached: say why

    def __init__(
        self, store: AttachmentStore, parent: QWidget | None = None, limits: Limits | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachment_bar")
        self.store = store
        self.limits = limits or Limits()
        # returns the chosen paths; tests replace it instead of driving a native dialog
        self.file_picker: Callable[[], list[str]] = self._pick_files
        self._chips: list[AttachmentChip] = []
        self._pasted = 0

        self.attach_button = QPushButton()
        self.attach_button.setObjectName("attach_button")
        self.attach_button.clicked.connect(self.pick_files)
        self.detail = QComboBox()
        self.detail.setObjectName("attach_detail")
        for value in DETAILS:
            self.detail.addItem(value, value)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("attach_url")
        self.url_edit.setClearButtonEnabled(True)
        self.url_edit.returnPressed.connect(self._add_url_from_edit)
        self.link_button = QPushButton()
        self.link_button.setObjectName("attach_link_button")
        self.link_button.setCheckable(True)
        self.link_button.toggled.connect(self._link_toggled)
        self.detail_label = QLabel()
        self.retranslate()
        self.status = QLabel()
        self.status.setObjectName("attach_message")
        self.status.setWordWrap(True)
        theme.set_tone(self.status, "error")
        self.status.setVisible(False)

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.attach_button)
        controls.addWidget(self.link_button)
        controls.addWidget(self.url_edit, 1)
        controls.addWidget(self.detail_label)
        controls.addWidget(self.detail)
        controls.addStretch(0)

        self._strip = QWidget()
        self._strip_layout = QHBoxLayout(self._strip)
        self._strip_layout.setContentsMargins(0, 0, 0, 0)
        self._strip_layout.addStretch(1)
        self.strip_area = QScrollArea()
        self.strip_area.setObjectName("attachment_strip")
        self.strip_area.setWidget(self._strip)
        self.strip_area.setWidgetResizable(True)
        self.strip_area.setFrameShape(QFrame.Shape.NoFrame)
        self.strip_area.setFixedHeight(THUMB_SIDE + 24)
        self.strip_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip_area.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.strip_area)
        layout.addWidget(self.status)
        layout.addLayout(controls)
        self._update_image_row()

    def retranslate(self) -> None:
        self.attach_button.setText(self.tr("Attach…"))
        self.attach_button.setToolTip(
            self.tr("Attach images (PNG, JPEG, WEBP, GIF) or PDFs — or drop or paste them")
        )
        self.detail.setAccessibleName(self.tr("Image detail"))
        labels = {"auto": self.tr("auto"), "low": self.tr("low"), "high": self.tr("high")}
        for index in range(self.detail.count()):
            self.detail.setItemText(index, labels.get(str(self.detail.itemData(index)), ""))
        self.detail.setToolTip(
            self.tr("Image detail sent to the model: low is cheaper, high reads fine print")
        )
        self.url_edit.setAccessibleName(self.tr("Image URL"))
        self.url_edit.setPlaceholderText(self.tr("Image URL (https://…), Enter adds it"))
        self.link_button.setText(self.tr("Image URL…"))
        self.link_button.setToolTip(self.tr("Attach an image by its web address"))
        self.detail_label.setText(self.tr("Detail:"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def _detail(self) -> str:
        return str(self.detail.currentData() or "auto")

    # -- what is attached -------------------------------------------------------------------------
    def attachments(self) -> list[Attachment]:
        """The attachments, images with the detail chosen now."""
        detail = self._detail()
        return [
            c.attachment.with_detail(detail) if c.attachment.kind == "image" else c.attachment
            for c in self._chips
        ]

    def parts(self) -> list[dict[str, Any]]:
        """The input parts for the user message (by reference; see core.attachments)."""
        return [a.to_part() for a in self.attachments()]

    def chips(self) -> list[AttachmentChip]:
        return list(self._chips)

    def is_empty(self) -> bool:
        return not self._chips

    def clear(self) -> None:
        for chip in self._chips:
            chip.deleteLater()
        self._chips = []
        self.link_button.setChecked(False)
        self._update()

    def remove(self, chip: AttachmentChip) -> None:
        if chip in self._chips:
            self._chips.remove(chip)
            chip.deleteLater()
            self._update()

    def last_message(self) -> str:
        return str(self.status.text()) if self.status.isVisible() else ""

    # -- adding -----------------------------------------------------------------------------------
    def pick_files(self) -> None:
        paths = self.file_picker()
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> list[Attachment]:
        """Attach each file that can be; one message lists those that cannot."""
        added, problems = [], []
        for path in paths:
            try:
                attachment = image_tools.attach_file(path, self.store, self.limits, self._detail())
                self._add(attachment)
                added.append(attachment)
            except AttachmentError as exc:
                problems.append(exc.user_message)
        self._report(problems)
        return added

    def add_stored(self, sha256: str, name: str) -> Attachment | None:
        """Attach an image already in the attachment folder (a generated one), under `name`."""
        path = self.store.find(sha256)
        try:
            if path is None:
                raise AttachmentError(self.tr("The image is no longer in the attachment folder."))
            attachment = dataclasses.replace(
                image_tools.attach_file(path, self.store, self.limits, self._detail()), filename=name
            )
            self._add(attachment)
        except AttachmentError as exc:
            self._report([exc.user_message])
            return None
        return attachment

    def add_image(self, image: QImage, name: str | None = None) -> Attachment | None:
        """Attach image data (a paste or a drop of an image, not of a file)."""
        if name is None:
            self._pasted += 1
            name = self.tr("Pasted image %1").replace("%1", str(self._pasted))
        try:
            attachment = image_tools.attach_image(image, name, self.store, self.limits, self._detail())
            self._add(attachment)
        except AttachmentError as exc:
            self._report([exc.user_message])
            return None
        self._report([])
        return attachment

    def add_url(self, text: str) -> Attachment | None:
        """Attach an image by its https address (the server fetches it; nothing is stored)."""
        try:
            url = check_image_url(text)
        except AttachmentError as exc:
            self._report([exc.user_message])
            return None
        name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or url
        attachment = Attachment("image", "", name[:80], detail=self._detail(), url=url)
        if any(c.attachment.url == url for c in self._chips):
            return None
        self._add(attachment)
        self._report([])
        return attachment

    def add_mime_data(self, mime: Any) -> bool:
        """Attach what a drop or paste carries (files or image data); False when it carries neither."""
        files = local_files(mime)
        if files:
            self.add_files(files)
            return True
        image = pasted_image(mime)
        if image is not None:
            self.add_image(image)
            return True
        return False

    # -- internals --------------------------------------------------------------------------------
    def _pick_files(self) -> list[str]:
        file_filter = self.tr("Images and PDFs (%1);;All files (*)").replace("%1", FILE_PATTERNS)
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach images or PDFs"), "", file_filter)
        return list(paths)

    def _add_url_from_edit(self) -> None:
        if self.add_url(self.url_edit.text()) is not None:
            self.url_edit.clear()
            self.link_button.setChecked(False)

    def _add(self, attachment: Attachment) -> None:
        if attachment.sha256 and any(c.attachment.sha256 == attachment.sha256 for c in self._chips):
            return  # the same content twice: once is enough
        total = sum(c.attachment.size for c in self._chips) + attachment.size
        if total > self.limits.max_total_bytes:
            message = self.tr(
                "“%1” would bring this prompt's attachments to %2; at most %3 can be sent at once. "
                "Nothing was attached."
            )
            raise AttachmentError(
                message.replace("%2", human_size(total))
                .replace("%3", human_size(self.limits.max_total_bytes))
                .replace("%1", attachment.filename)
            )
        thumb = None
        if attachment.kind == "image" and attachment.sha256:
            thumb = image_tools.stored_thumbnail(self.store, attachment.sha256, THUMB_SIDE)
        chip = AttachmentChip(attachment, thumb)
        chip.remove_requested.connect(self.remove)
        self._chips.append(chip)
        self._strip_layout.insertWidget(self._strip_layout.count() - 1, chip)
        self._update()

    def _report(self, problems: list[str]) -> None:
        text = "\n".join(problems)
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if text:
            self.message.emit(text)

    def _link_toggled(self, on: bool) -> None:
        self._update_image_row()
        if on:
            self.url_edit.setFocus()

    def _update_image_row(self) -> None:
        """The image URL field only while an image is being linked; the detail only with an image."""
        linking = self.link_button.isChecked()
        self.url_edit.setVisible(linking)
        images = any(chip.attachment.kind == "image" for chip in self._chips)
        self.detail_label.setVisible(images or linking)
        self.detail.setVisible(images or linking)

    def _update(self) -> None:
        self.strip_area.setVisible(bool(self._chips))
        self._update_image_row()
        self.changed.emit()


class _WindowDrop(QObject):
    """Accepts files and images dropped anywhere on the window (the composer handles its own)."""

    def __init__(self, bar: AttachmentBar, parent: QObject) -> None:
        super().__init__(parent)
        self.bar = bar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            mime = event.mimeData()
            if local_files(mime) or mime.hasImage():
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            if self.bar.add_mime_data(event.mimeData()):
                event.acceptProposedAction()
                return True
        return False


def accept_drops(window: QWidget, bar: AttachmentBar) -> None:
    """Files and images dropped anywhere on `window` go to `bar` (the composer handles its own)."""
    window.setAcceptDrops(True)
    window.installEventFilter(_WindowDrop(bar, window))
