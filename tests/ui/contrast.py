"""Measuring text contrast on what is drawn (WCAG AA: 4.5:1), for the contrast tests.

The background is measured: the most common colour in the pixels where the text is drawn (a grab of
the widget). The text colour is the one Qt draws it in: the character format's foreground in the
transcript, the palette's foreground role (which a style sheet sets) in a widget.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette, QTextBlock, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QWidget,
)

from desktop_chat.ui.theme import contrast

AA = 4.5


def background_in(image: QImage, rect: QRect) -> QColor | None:
    """The most common colour in `rect` of `image` (device pixels): what the text is drawn on."""
    rect = rect.intersected(image.rect())
    if rect.width() < 2 or rect.height() < 2:
        return None
    counts: Counter[int] = Counter()
    step = max(1, min(rect.width(), rect.height()) // 12)
    for y in range(rect.top(), rect.bottom() + 1, step):
        for x in range(rect.left(), rect.right() + 1, step):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    rgb = counts.most_common(1)[0][0]
    return QColor((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255)


def _blocks(document: QTextDocument) -> list[QTextBlock]:
    blocks, block = [], document.begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


def transcript_problems(view: QTextBrowser, image: QImage) -> tuple[list[str], int]:
    """(text runs under AA contrast, runs measured) in a transcript grabbed whole into `image`."""
    document = view.document()
    layout = document.documentLayout()
    default = view.palette().color(QPalette.ColorRole.Text)
    scale = image.devicePixelRatio()
    offset = QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    problems, measured = [], 0
    for block in _blocks(document):
        text_layout = block.layout()
        origin = layout.blockBoundingRect(block).topLeft()
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            text = fragment.text()
            if not text.strip() or text.strip() == "\ufffc":
                continue
            fmt = fragment.charFormat()
            brush = fmt.foreground()
            colour = brush.color() if brush.style().value != 0 else default
            start = fragment.position() - block.position()
            line = text_layout.lineForTextPosition(start)
            if not line.isValid():
                continue
            end = min(start + fragment.length(), line.textStart() + line.textLength())
            x1, x2 = line.cursorToX(start)[0], line.cursorToX(end)[0]
            rect = QRect(
                round((origin.x() + min(x1, x2) - offset.x()) * scale),
                round((origin.y() + line.y() - offset.y()) * scale),
                max(2, round(abs(x2 - x1) * scale)),
                max(2, round(line.height() * scale)),
            )
            background = background_in(image, rect)
            if background is None:
                continue
            measured += 1
            ratio = contrast(colour.name(), background.name())
            if ratio < AA:
                problems.append(
                    f"{text.strip()[:40]!r}: {colour.name()} on {background.name()} = {ratio:.2f}"
                )
    return problems, measured


def widget_problems(top: QWidget) -> tuple[list[str], int]:
    """(labels, buttons and fields under AA contrast, how many were measured) in a shown window."""
    image = top.grab().toImage()
    scale = image.devicePixelRatio()
    problems, measured = [], 0
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled() or widget.width() < 4 or widget.height() < 4:
            continue
        label = isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull()
        if label or (isinstance(widget, QAbstractButton) and widget.text().strip()):
            role = widget.foregroundRole()
        elif isinstance(widget, QLineEdit) and widget.text().strip():
            role = QPalette.ColorRole.Text
        else:
            continue
        widget.ensurePolished()
        colour = widget.palette().color(role)
        top_left = widget.mapTo(top, QPoint(0, 0))
        inset = 3 if isinstance(widget, QAbstractButton | QLineEdit) else 0  # not the frame: the face
        rect = QRect(
            round((top_left.x() + inset) * scale),
            round((top_left.y() + inset) * scale),
            round((widget.width() - 2 * inset) * scale),
            round((widget.height() - 2 * inset) * scale),
        )
        background = background_in(image, rect)
        if background is None:
            continue
        measured += 1
        ratio = contrast(colour.name(), background.name())
        if ratio < AA:
            name = widget.objectName() or type(widget).__name__
            label = getattr(widget, "text", lambda: "")()
            problems.append(f"{name} {label[:30]!r}: {colour.name()} on {background.name()} = {ratio:.2f}")
    return problems, measured


def palette_problems(app: QApplication) -> list[str]:
    """Item views draw with these pairs: text on base, selected text on the selection, placeholders."""
    palette = app.palette()
    pairs = [
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
        (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
        (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
        (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    ]
    out = []
    for fg, bg in pairs:
        ratio = contrast(palette.color(fg).name(), palette.color(bg).name())
        if ratio < AA:
            out.append(f"{fg.name} on {bg.name} = {ratio:.2f}")
    return out
