"""The "Copy code" link at the top right of each code block of an answer: a click copies that block's code."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_chat.core.conversation.model import Node, NodeStatus, user_message
from desktop_chat.ui.transcript.transcript import TranscriptView
from tests.views import shown_transcript

FIRST = 'print("first block")'
SECOND = "def größe(x):\n    return x * 2  # 두 배 — 中文\n\n\nprint(größe(21))"
ANSWER = (
    f"Two blocks follow.\n\n```python\n{FIRST}\n```\n\nAnd the second:\n\n```python\n{SECOND}\n```\n\nDone."
)


@pytest.fixture
def view(qtbot: Any) -> TranscriptView:
    return shown_transcript(qtbot)


def node(text: str, status: NodeStatus = NodeStatus.COMPLETED) -> Node:
    return Node("c", None, [user_message("show me code")], output_text=text, status=status)


def copy_links(view: TranscriptView) -> list[tuple[int, str, str]]:
    """(document position, href, link text) of each "copy-code:" anchor, in document order."""
    found: list[tuple[int, str, str]] = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if href.startswith("copy-code:"):
                found.append((fragment.position(), href, fragment.text()))
            it += 1
        block = block.next()
    return found


def click_at(view: TranscriptView, position: int) -> None:
    """A real mouse click on the character at `position` of the document."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    point = QPoint(max(1, rect.left() - 3), rect.center().y())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_clicking_the_second_copy_link_copies_the_second_block_exactly(view: TranscriptView) -> None:
    QGuiApplication.clipboard().setText("before")
    copied: list[str] = []
    view.copied.connect(copied.append)
    view.show_path([node(ANSWER)])
    links = copy_links(view)
    assert [text for _, _, text in links] == ["Copy code", "Copy code"]
    assert f'href="{links[1][1]}"' in view.toHtml()
    text = view.rendered_text()
    # each link heads its own block, after the language
    assert text.index("python   Copy code\n" + FIRST) < text.index("python   Copy code\ndef größe")

    click_at(view, links[1][0])
    assert copied == [SECOND]
    assert QApplication.clipboard().text() == SECOND

    click_at(view, links[0][0])
    assert copied == [SECOND, FIRST] and QApplication.clipboard().text() == FIRST


def test_copy_links_of_earlier_answers_and_of_a_streamed_one(view: TranscriptView) -> None:
    copied: list[str] = []
    view.copied.connect(copied.append)
    earlier = node("Earlier:\n\n    indented earlier code\n")
    streaming = node("", NodeStatus.STREAMING)
    view.show_path([earlier, streaming])
    for end in range(0, len(ANSWER) + 1, 7):  # the answer arrives in pieces
        streaming.output_text = ANSWER[:end]
        view.update_streaming(streaming)
        view.flush()
    streaming.output_text = ANSWER
    streaming.status = NodeStatus.COMPLETED
    view.update_streaming(streaming)
    hrefs = [href for _, href, _ in copy_links(view)]
    assert len(hrefs) == 3
    for href in hrefs:
        view.anchorClicked.emit(QUrl(href))
    assert copied == ["indented earlier code", FIRST, SECOND]
    assert QApplication.clipboard().text() == SECOND


def test_an_unknown_key_copies_nothing(view: TranscriptView) -> None:
    QGuiApplication.clipboard().setText("kept")
    copied: list[str] = []
    view.copied.connect(copied.append)
    view.show_path([node(ANSWER)])
    view.anchorClicked.emit(QUrl("copy-code:0123456789abcdef"))
    assert copied == [] and QApplication.clipboard().text() == "kept"
