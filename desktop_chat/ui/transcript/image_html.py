"""Generated images in an answer: the finished image (from the attachment folder) with Use in the next
prompt · Save image…, or while it is made, the newest partial image.

Sources are internal: "desktop-chat-generated:<sha256>" (a stored image, see
core/content/generated_images.py) and "desktop-chat-partial:<item id>/<index>" (a partial image the
streaming node holds). Links: "image-use:<sha256>", "image-save:<sha256>".
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QUrl
from PySide6.QtGui import QImage

from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.core.content.generated_images import generated_images
from desktop_chat.core.conversation.model import Node
from desktop_chat.ui.composer.image_tools import stored_thumbnail

GENERATED_SCHEME = "desktop-chat-generated"
PARTIAL_SCHEME = "desktop-chat-partial"
USE_SCHEME = "image-use"
SAVE_SCHEME = "image-save"
SHOWN_SIDE = 480  # a generated image is shown at most this wide or high

_TRANSLATED = (
    QT_TRANSLATE_NOOP("TranscriptView", "Generated image"),
    QT_TRANSLATE_NOOP("TranscriptView", "Use in the next prompt"),
    QT_TRANSLATE_NOOP("TranscriptView", "Save image…"),
    QT_TRANSLATE_NOOP("TranscriptView", "Generating the image… (partial image %1)"),
)


def _tr(text: str) -> str:
    return str(QCoreApplication.translate("TranscriptView", text))


def _size(width: int, height: int) -> str:
    if not width or not height:
        return ""
    scale = min(1.0, SHOWN_SIDE / max(width, height))
    return f' width="{max(1, round(width * scale))}" height="{max(1, round(height * scale))}"'


def generated_image(url: QUrl, store: AttachmentStore | None, streaming: Node | None) -> QImage | None:
    """The image a generated-image source names: a stored one (by hash), or a partial one of the
    streaming answer (None: not such a source, or not there)."""
    if url.scheme() == GENERATED_SCHEME and store is not None:
        return stored_thumbnail(store, url.path(), SHOWN_SIDE * 2)
    if url.scheme() != PARTIAL_SCHEME or streaming is None:
        return None
    item_id = url.path().rsplit("/", 1)[0]
    found = next((i for i in generated_images(streaming.output_items) if i.item_id == item_id), None)
    if found is None or not found.partial_b64:
        return None
    image = QImage.fromData(QByteArray.fromBase64(found.partial_b64.encode("ascii")))
    return None if image.isNull() else image


def generated_images_html(node: Node) -> str:
    """The answer's generated images ("" without any)."""
    parts: list[str] = []
    alt = html.escape(_tr("Generated image"), quote=True)
    for image in generated_images(node.output_items):
        if image.sha256:
            sha = html.escape(image.sha256, quote=True)
            use = html.escape(_tr("Use in the next prompt"))
            save = html.escape(_tr("Save image…"))
            parts.append(
                f'<p><img src="{GENERATED_SCHEME}:{sha}"{_size(image.width, image.height)} alt="{alt}" /></p>'
                f'<p class="quiet"><a href="{USE_SCHEME}:{sha}">{use}</a>'
                f' · <a href="{SAVE_SCHEME}:{sha}">{save}</a></p>'
            )
        elif not node.status.finished:
            source = f"{PARTIAL_SCHEME}:{html.escape(image.item_id, quote=True)}/{image.partial_index}"
            note = _tr("Generating the image… (partial image %1)").replace("%1", str(image.partial_index + 1))
            parts.append(
                f'<p><img src="{source}" alt="{alt}" /></p><p class="activity">{html.escape(note)}</p>'
            )
    return "".join(parts)
