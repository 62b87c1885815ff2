"""Formulas in a transcript document: their images as document resources, and their LaTeX for copying.

HTML names a formula by a `math:` URL (core.content.math_tex). Before a fragment is inserted, each of its
formulas is added to the document as a resource: the typeset image when it is known, else a stand-in
(the source, quiet). When a formula's image arrives, it replaces the stand-in and the stretch of the
line that shows it is laid out again (once per frame for all that arrived): the HTML already inserted
does not change (a closed block is rendered once), and no more than those lines is laid out again.

Copying a selection puts each formula's LaTeX (`$…$`, `$$…$$`) into the plain text where the image is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QPoint, QTimer, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat, QTextImageFormat
from PySide6.QtWidgets import QTextEdit

from desktop_chat.core.content.math_tex import MATH_SCHEME, delimited, parse_math_url
from desktop_chat.ui import theme
from desktop_chat.ui.transcript.math_images import MathImages, shared

_MATH_SRC = re.compile(r'src="(math:[^"]+)"')
OBJECT = "\ufffc"  # the character an image stands on in a document
FRAME_MS = 16


class MathResources(QObject):
    def __init__(self, view: QTextEdit, images: MathImages | None = None) -> None:
        super().__init__(view)
        self._view = view
        self.images = images or shared()
        self.images.ready.connect(self._ready)
        self._waiting: dict[str, list[QTextCursor]] = {}  # url -> the stretches that show its stand-in
        self._added: dict[str, object] = {}  # url -> the image the document has for it now
        self._dirty: list[QTextCursor] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._relayout)

    def _image(self, url: str) -> tuple[object, bool]:
        scheme = theme.current()
        return self.images.image(
            url, scheme.text, scheme.muted, scheme.error, self._view.font(), self._view.devicePixelRatioF()
        )

    def before_insert(self, fragment: str) -> list[str]:
        """Add the fragment's formulas to the document; the URLs still waiting for their image."""
        if "math:" not in fragment:
            return []
        document = self._view.document()
        waiting = []
        for url in dict.fromkeys(_MATH_SRC.findall(fragment)):
            image, final = self._image(url)
            if self._added.get(url) is not image:  # the open tail brings the same formulas every frame
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
                self._added[url] = image
            if not final:
                waiting.append(url)
        return waiting

    def after_insert(self, start: int, end: int, waiting: list[str]) -> None:
        """Remember where the formulas that wait for their image stand (cursors follow later edits)."""
        if not waiting:
            return
        wanted = set(waiting)
        document = self._view.document()
        block = document.findBlock(start)
        while block.isValid() and block.position() < end:
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                fmt = fragment.charFormat()
                if not fmt.isImageFormat():
                    continue
                url = QTextImageFormat(fmt).name()
                if url in wanted:
                    for offset in range(fragment.length()):  # one object character per image
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position() + offset)
                        cursor.setPosition(fragment.position() + offset + 1, QTextCursor.MoveMode.KeepAnchor)
                        self._waiting.setdefault(url, []).append(cursor)
            block = block.next()

    def resource(self, url: QUrl) -> object | None:
        """The image for a `math:` resource the document asks for (None for any other URL)."""
        if url.scheme() != MATH_SCHEME:
            return None
        return self._image(url.toString())[0]

    def clear(self) -> None:
        """A new document, or one rendered afresh: it has no formula images yet."""
        self._added.clear()
        self._waiting.clear()
        self._dirty.clear()

    def _ready(self, url: str) -> None:
        cursors = self._waiting.pop(url, None)
        if not cursors:
            return
        image, _ = self._image(url)
        self._view.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        self._added[url] = image
        self._dirty += [c for c in cursors if c.hasSelection()]
        if self._dirty and not self._timer.isActive():
            self._timer.start()

    def _relayout(self) -> None:
        """Lay out again the lines whose formulas arrived (only those: the rest keeps its layout)."""
        live = [c for c in self._dirty if c.hasSelection()]
        self._dirty.clear()
        document = self._view.document()
        for cursor in live:
            document.markContentsDirty(cursor.selectionStart(), 1)
        if live:
            self._view.viewport().update()


def formula_at(view: QTextEdit, pos: QPoint) -> str | None:
    """The LaTeX (`$…$`) of the formula under a viewport position, None if there is none."""
    cursor = view.cursorForPosition(pos)
    for position in (cursor.position(), cursor.position() + 1):
        probe = QTextCursor(view.document())
        probe.setPosition(min(position, view.document().characterCount() - 1))
        source = _formula_of(probe.charFormat())
        if source is not None:
            return source
    return None


def _formula_of(fmt: QTextFormat) -> str | None:
    if not fmt.isImageFormat():
        return None
    parsed = parse_math_url(QTextImageFormat(fmt).name())
    return None if parsed is None else delimited(*parsed)


def selection_text(cursor: QTextCursor) -> str | None:
    """The selection as plain text with each formula as its LaTeX; None when it holds no formula."""
    text = cursor.selection().toPlainText()
    if OBJECT not in text:
        return None
    document = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    parts: list[str] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        if parts:
            parts.append("\n")
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            lo, hi = max(start, fragment.position()), min(end, fragment.position() + fragment.length())
            if lo < hi:
                piece = fragment.text()[lo - fragment.position() : hi - fragment.position()]
                formula = _formula_of(fragment.charFormat())
                parts.append(piece.replace(OBJECT, formula) if formula is not None else piece)
            it += 1
        block = block.next()
    return "".join(parts).replace("\u2029", "\n").replace("\u2028", "\n")
