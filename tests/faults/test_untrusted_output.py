"""Model output is untrusted: rendering it makes no network request, and only a click opens a link.

A loopback HTTP server counts every request it gets; hostile markdown points at it from every place
that could make a renderer fetch something (images, reference images, raw HTML tags and attributes,
CSS, autolinks). It is rendered by the real TranscriptView, streamed and whole, and must cause 0 hits.
Huge tables and very deep nesting must render in bounded time without crashing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QUrl

from desktop_chat.core.conversation.model import Node, NodeStatus, user_message
from desktop_chat.ui.transcript.transcript import TranscriptView
from tests.views import shown_transcript

RENDER_BOUND_S = 30.0  # generous: this is "does not hang", not a benchmark


class HitCounter:
    """A loopback HTTP server that records every request made to it."""

    def __init__(self) -> None:
        hits = self.hits = []  # type: list[str]

        class Handler(BaseHTTPRequestHandler):
            def _hit(self) -> None:
                hits.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_HEAD = _hit

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def counter() -> Iterator[HitCounter]:
    server = HitCounter()
    yield server
    server.close()


@pytest.fixture
def view(qtbot: Any) -> TranscriptView:
    v = shown_transcript(qtbot)
    opened: list[QUrl] = []
    v.link_opener = opened.append  # the system browser is never started by a test
    v.opened = opened  # type: ignore[attr-defined]
    return v


def hostile_markdown(base: str) -> str:
    u = base + "/leak"
    return "\n\n".join(
        [
            f"![pixel]({u}/md-image.png)",
            f"![ref pixel][r1]\n\n[r1]: {u}/ref-image.png",
            f"[![linked image]({u}/linked-image.png)]({u}/link-around-image)",
            f"<img src='{u}/html-img.png'> <img srcset='{u}/srcset.png 2x'>",
            f'<link rel="stylesheet" href="{u}/style.css"><style>@import url("{u}/import.css");</style>',
            f'<div style="background-image:url({u}/css-bg.png)">styled</div>',
            f'<table background="{u}/table-bg.png"><tr><td background="{u}/td-bg.png">x</td></tr></table>',
            f'<body background="{u}/body-bg.png"></body>',
            f'<iframe src="{u}/iframe"></iframe><object data="{u}/object"></object>',
            f'<video src="{u}/video.mp4" poster="{u}/poster.png"></video><audio src="{u}/audio.mp3"></audio>',
            f'<svg><image href="{u}/svg-image.png"/></svg>',
            f'<meta http-equiv="refresh" content="0;url={u}/refresh"><base href="{u}/base/">',
            f'<form action="{u}/form"><input type="image" src="{u}/input.png"></form>',
            f"Autolink <{u}/autolink> and bare {u}/bare and [a link]({u}/link)",
            "[js](javascript:alert(1)) [file](file:///etc/passwd) [data](data:text/html,<b>x</b>)",
            f'<a href="{u}/raw-anchor">raw anchor</a> <a href="javascript:alert(2)">raw js</a>',
            f"| a | b |\n|---|---|\n| ![cell]({u}/cell.png) | <img src={u}/cell-html.png> |",
            f"```html\n<img src='{u}/in-code.png'>\n```",
        ]
    )


def stream_into(view: TranscriptView, node: Node, text: str, step: int = 97) -> None:
    for i in range(0, len(text), step):
        node.output_text += text[i : i + step]
        view.update_streaming(node)
        view.flush()
    node.status = NodeStatus.COMPLETED
    view.update_streaming(node)


def test_hostile_markdown_makes_no_network_request(
    qtbot: Any, view: TranscriptView, counter: HitCounter
) -> None:
    text = hostile_markdown(counter.base)
    # streamed, as it arrives
    node = Node("conv", None, [user_message(f"prompt with ![img]({counter.base}/leak/prompt.png)")])
    view.show_path([node])
    stream_into(view, node, text)
    view.repaint()
    # whole, as it is shown again from the store
    view.show_path([Node("conv", None, [user_message("q")], output_text=text, status=NodeStatus.COMPLETED)])
    view.repaint()
    # scroll through everything so that every part is laid out and painted
    bar = view.verticalScrollBar()
    for value in range(0, bar.maximum() + 1, max(1, view.viewport().height() // 2)):
        bar.setValue(value)
        view.repaint()
    qtbot.wait(200)  # room for any request that would have been made in the background
    assert counter.hits == []
    assert [u.toString() for u in view.refused_resources if u.scheme() in ("http", "https")] == []
    assert view.opened == []  # type: ignore[attr-defined]
    shown = view.rendered_text()
    assert "[image: pixel]" in shown and "<iframe" in shown  # images became links, raw HTML is text


def test_links_need_a_click_and_only_http_https_open(
    qtbot: Any, view: TranscriptView, counter: HitCounter
) -> None:
    text = hostile_markdown(counter.base)
    view.show_path([Node("conv", None, [user_message("q")], output_text=text, status=NodeStatus.COMPLETED)])
    # hovering and selecting open nothing
    for y in range(5, view.viewport().height(), 15):
        qtbot.mouseMove(view.viewport(), QPoint(40, y))
    view.selectAll()
    assert view.opened == []  # type: ignore[attr-defined]
    # every anchor in the document, clicked: only http/https reach the opener
    anchors: list[str] = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href and (not anchors or anchors[-1] != href):
                anchors.append(href)
            it += 1
        block = block.next()
    assert anchors, "the answer has links"
    for href in anchors:
        view.anchorClicked.emit(QUrl(href))
    opened = [u.scheme() for u in view.opened]  # type: ignore[attr-defined]
    assert opened and set(opened) <= {"http", "https"}
    assert not any(h.startswith(("javascript:", "file:", "data:")) for h in anchors)
    assert counter.hits == []  # the opener got the URL; nothing was fetched by the app itself
    assert view.source().isEmpty()


@pytest.mark.parametrize(
    "name",
    [
        "table_300x12",
        "blockquote_500",
        "list_500",
        "blockquote_15",
        "emphasis_500",
        "brackets_5000",
        "html_500",
        "wide_line",
    ],
)
def test_huge_and_deeply_nested_markdown_renders_in_bounded_time(
    qtbot: Any, view: TranscriptView, name: str
) -> None:
    texts = {
        "table_300x12": "| "
        + " | ".join(f"h{i}" for i in range(12))
        + " |\n|"
        + "---|" * 12
        + "\n"
        + "".join("| " + " | ".join(f"r{r}c{c}" for c in range(12)) + " |\n" for r in range(300)),
        "blockquote_500": "".join("> " * d + f"level {d}\n" for d in range(1, 501)),
        "blockquote_15": "".join("> " * d + f"level {d}\n" for d in range(1, 16)),
        "list_500": "".join("  " * d + f"- item {d}\n" for d in range(500)),
        "emphasis_500": "*" * 500 + "deep" + "*" * 500 + " _" * 500,
        "brackets_5000": "[" * 5000 + "x" + "](" * 5000 + "http://e.example)",
        "html_500": "<div>" * 500 + "deep" + "</div>" * 500,
        "wide_line": "word" * 25_000,
    }
    text = texts[name]
    started = time.perf_counter()
    node = Node("conv", None, [user_message("big")])
    view.show_path([node])
    stream_into(view, node, text, step=max(97, len(text) // 30))  # ~30 frames
    view.repaint()
    view.show_path([Node("conv", None, [user_message("big")], output_text=text, status=NodeStatus.COMPLETED)])
    view.repaint()
    elapsed = time.perf_counter() - started
    assert elapsed < RENDER_BOUND_S, f"{name}: {elapsed:.1f} s"
    shown = view.rendered_text()
    marker = {
        "table_300x12": "r299c11",
        "blockquote_500": "level 500",
        "blockquote_15": "level 15",
        "list_500": "item 499",
    }.get(name, "deep" if "deep" in text else "word")
    if name == "brackets_5000":
        marker = "x"
    assert marker in shown
    print(f"\n{name}: {len(text):,} chars rendered twice in {elapsed:.2f} s")
