"""Long paths: the transcript renders the last turns with a link to earlier ones, and caches turns."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QUrl

from desktop_chat.core.model import Node, NodeStatus, user_message
from desktop_chat.ui import transcript as transcript_module
from desktop_chat.ui.transcript import EARLIER_STEP, SHOWN_TURNS, TranscriptView


def path_of(count: int, prefix: str = "Q") -> list[Node]:
    nodes: list[Node] = []
    for i in range(count):
        node = Node(
            "conv",
            nodes[-1].id if nodes else None,
            [user_message(f"{prefix}{i} prompt")],
            output_text=f"**Answer** {prefix}{i}",
            status=NodeStatus.COMPLETED,
            created_at=float(i),
            updated_at=float(i),
        )
        nodes.append(node)
    return nodes


@pytest.fixture
def view(qtbot: Any) -> TranscriptView:
    widget = TranscriptView()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    return widget


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The node ids whose answers were rendered (not taken from the cache)."""
    seen: list[str] = []
    original = transcript_module.answer_html

    def counting(node: Node) -> str:
        seen.append(node.id)
        return original(node)

    monkeypatch.setattr(transcript_module, "answer_html", counting)
    return seen


def test_a_long_path_shows_its_last_turns_and_a_link_to_the_rest(view: TranscriptView) -> None:
    nodes = path_of(100)
    view.show_path(nodes)
    text = view.rendered_text()
    hidden = 100 - SHOWN_TURNS
    assert f"Show {hidden} earlier messages" in text
    assert "Q99 prompt" in text and f"Q{hidden} prompt" in text
    assert f"Q{hidden - 1} prompt" not in text and "Q0 prompt" not in text

    view.anchorClicked.emit(QUrl("earlier:"))  # what a click on the link does
    text = view.rendered_text()
    assert f"Show {hidden - EARLIER_STEP} earlier messages" in text
    assert f"Q{hidden - EARLIER_STEP} prompt" in text and "Q0 prompt" not in text
    # the view stays on the turn that was first before: the newly shown ones are above it
    assert view.verticalScrollBar().value() > 0

    view.anchorClicked.emit(QUrl("earlier:"))
    text = view.rendered_text()
    assert "earlier messages" not in text and "Q0 prompt" in text and "Q99 prompt" in text


def test_a_short_path_has_no_link(view: TranscriptView) -> None:
    view.show_path(path_of(SHOWN_TURNS))
    text = view.rendered_text()
    assert "earlier messages" not in text and "Q0 prompt" in text


def test_switching_branches_renders_only_turns_not_seen_before(
    view: TranscriptView, renders: list[str]
) -> None:
    trunk = path_of(20)
    branch = path_of(3, prefix="B")
    branch[0].parent_id = trunk[9].id
    view.show_path(trunk)
    assert len(renders) == 19  # every finished turn but the last (which streams into the open tail)
    renders.clear()
    view.show_path([*trunk[:10], *branch])
    assert renders == [branch[0].id, branch[1].id]  # the shared turns came from the cache
    assert "B2 prompt" in view.rendered_text() and "Q10 prompt" not in view.rendered_text()
    renders.clear()
    view.show_path(trunk)
    assert renders == []  # back on the first branch: all from the cache
    assert "Q19 prompt" in view.rendered_text() and "B0 prompt" not in view.rendered_text()


def test_a_changed_turn_is_rendered_again(view: TranscriptView, renders: list[str]) -> None:
    nodes = path_of(5)
    view.show_path(nodes)
    renders.clear()
    nodes[1].output_text = "**Edited** answer"
    nodes[1].updated_at += 1
    view.show_path(nodes)
    assert renders == [nodes[1].id]
    assert "Edited answer" in view.rendered_text()
