"""Long paths: the transcript renders the last turns with a link to earlier ones, caches turns, and
replaces only the turns that differ when another node is shown."""

from __future__ import annotations

import random
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QPalette

from desktop_chat.core.conversation.model import Node, NodeStatus, Usage, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.ui.transcript import transcript as transcript_module
from desktop_chat.ui.transcript.transcript import EARLIER_STEP, SHOWN_TURNS, TranscriptView
from tests.views import shown_transcript


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
    return shown_transcript(qtbot, 800, 600)


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


def answer_text(i: int) -> str:
    return (
        f"## Answer {i}\n\nSome **bold** prose with a [link](https://example.com/{i}).\n\n- one\n- two {i}\n"
    )


def random_tree(count: int, seed: int) -> ConversationTree:
    """Mostly long chains (each turn usually answers the previous one), with branches."""
    rng = random.Random(seed)
    nodes: list[Node] = []
    for i in range(count):
        parent = (nodes[-1] if rng.random() < 0.85 else rng.choice(nodes)) if nodes else None
        nodes.append(
            Node(
                "conv",
                parent.id if parent else None,
                [user_message(f"P{i} prompt")],
                output_text=answer_text(i),
                reasoning_text="Thinking it over" if i % 5 == 0 else "",
                model="gpt-test",
                usage=Usage(input_tokens=10, output_tokens=i),
                status=NodeStatus.COMPLETED,
                created_at=float(i),
                updated_at=float(i),
            )
        )
    return ConversationTree("conv", nodes)


def fresh_render(qtbot: Any, view: TranscriptView, nodes: list[Node]) -> TranscriptView:
    """What a new view shows for the same path, window and reasoning sections."""
    fresh = shown_transcript(qtbot, 800, 600)
    fresh.reasoning_open = dict(view.reasoning_open)
    fresh.show_path(nodes, shown_from=view.shown_from)
    return fresh


def test_moving_around_a_tree_shows_exactly_what_a_fresh_view_shows(
    qtbot: Any, view: TranscriptView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the turns that differ are replaced in the document; the result is the same document."""
    monkeypatch.setattr(transcript_module, "SHOWN_TURNS", 8)
    tree = random_tree(120, seed=5)
    rng = random.Random(9)
    current = tree.nodes()[-1].id
    view.show_path(tree.path_to(current))
    for step in range(70):
        move = rng.random()
        if move < 0.3:
            current = rng.choice(tree.siblings(current)).id
        elif move < 0.5 and tree.child_count(current):
            current = rng.choice(tree.children(current)).id
        elif move < 0.7 and tree.parent_of(current) is not None:
            current = str(tree.parent_of(current))
        elif move < 0.8:
            current = rng.choice(tree.nodes()).id
        if move < 0.8:
            view.show_path(tree.path_to(current))
        elif move < 0.88:  # open or close a shown turn's reasoning
            thinking = [n for n in view._nodes[view.shown_from :] if n.reasoning_text]
            if thinking:
                view.anchorClicked.emit(QUrl(f"reasoning:{rng.choice(thinking).id}"))
        elif move < 0.93:
            view.anchorClicked.emit(QUrl("earlier:"))
        else:  # a shown turn changes (e.g. it was edited elsewhere) and the path is shown again
            changed = rng.choice(view._nodes[view.shown_from :])
            changed.output_text += f"\n\nAppended in step {step}."
            changed.updated_at += 1
            view.show_path(view._nodes, shown_from=view.shown_from)
        path = tree.path_to(current)
        assert view._nodes == path
        fresh = fresh_render(qtbot, view, path)
        assert view.rendered_text() == fresh.rendered_text(), step
        assert view.toHtml() == fresh.toHtml(), step
        assert f"P{path[-1].created_at:.0f} prompt" in view.rendered_text()


def test_switching_to_a_sibling_replaces_only_the_last_turn(view: TranscriptView, renders: list[str]) -> None:
    trunk = path_of(60)
    sibling = path_of(1, prefix="S")[0]
    sibling.parent_id = trunk[-2].id
    view.show_path(trunk)
    document = view.document()
    kept_until = document.find("Q58 prompt").position()  # the turn before the last stays as it is
    changes: list[int] = []
    document.contentsChange.connect(lambda position, removed, added: changes.append(position))
    renders.clear()
    view.show_path([*trunk[:-1], sibling])
    text = view.rendered_text()
    assert "S0 prompt" in text and "Q59 prompt" not in text and "Q58 prompt" in text
    assert f"Show {60 - SHOWN_TURNS} earlier messages" in text
    assert changes and min(changes) > kept_until
    assert renders == []  # the sibling is the last turn: rendered by the stream, not as a cached turn

    changes.clear()
    view.show_path(trunk)  # back: the first branch's last turn again
    assert "Q59 prompt" in view.rendered_text() and "S0 prompt" not in view.rendered_text()
    assert min(changes) > kept_until


def test_selecting_a_child_appends_it_and_keeps_the_window(view: TranscriptView) -> None:
    nodes = path_of(100)
    view.show_path(nodes[:50])
    assert f"Show {50 - SHOWN_TURNS} earlier messages" in view.rendered_text()
    document = view.document()
    kept_until = document.find("Q48 prompt").position()
    changes: list[int] = []
    document.contentsChange.connect(lambda position, removed, added: changes.append(position))
    view.show_path(nodes[:51])
    text = view.rendered_text()
    # the window grew by one turn instead of moving (moving would render every shown turn again)
    assert f"Show {50 - SHOWN_TURNS} earlier messages" in text and "Q50 prompt" in text
    assert min(changes) > kept_until
    view.show_path(nodes)  # far down: back to the last SHOWN_TURNS
    assert f"Show {100 - SHOWN_TURNS} earlier messages" in view.rendered_text()


def test_an_answer_finished_while_shown_is_shown_finished_after_switching(
    qtbot: Any, view: TranscriptView
) -> None:
    earlier = path_of(3)
    streaming = Node("conv", earlier[-1].id, [user_message("Stream please")], model="gpt-test")
    other = Node(
        "conv",
        earlier[-1].id,
        [user_message("Other branch")],
        output_text="Other answer",
        status=NodeStatus.COMPLETED,
    )
    view.show_path([*earlier, streaming])
    streaming.output_text = "Partial **answer**"
    view.update_streaming(streaming)
    view.flush()
    view.show_path([*earlier, other])  # the user looks at a sibling while it streams
    streaming.output_text += " and the rest of it."
    streaming.status = NodeStatus.COMPLETED
    streaming.usage = Usage(input_tokens=5, output_tokens=9)
    streaming.updated_at += 1
    view.show_path([*earlier, streaming])
    text = view.rendered_text()
    assert "Partial answer and the rest of it." in text and "5 in / 9 out tokens" in text
    assert "Other answer" not in text
    child = Node(
        "conv", streaming.id, [user_message("Next")], output_text="Next answer", status=NodeStatus.COMPLETED
    )
    view.show_path([*earlier, streaming, child])  # now an earlier turn: still the finished one
    text = view.rendered_text()
    assert "Partial answer and the rest of it." in text and "Next answer" in text
    assert text == fresh_render(qtbot, view, [*earlier, streaming, child]).rendered_text()


def test_a_reasoning_toggle_renders_the_turn_again(qtbot: Any, view: TranscriptView) -> None:
    nodes = path_of(4)
    nodes[1].reasoning_text = "Hidden thoughts about Q1"
    view.show_path(nodes)
    assert "Hidden thoughts" not in view.rendered_text()  # finished: folded
    view.anchorClicked.emit(QUrl(f"reasoning:{nodes[1].id}"))
    assert "Hidden thoughts about Q1" in view.rendered_text()
    assert view.rendered_text() == fresh_render(qtbot, view, nodes).rendered_text()
    view.anchorClicked.emit(QUrl(f"reasoning:{nodes[1].id}"))
    assert "Hidden thoughts" not in view.rendered_text() and "Q3 prompt" in view.rendered_text()


def test_a_palette_change_renders_everything_again(view: TranscriptView) -> None:
    nodes = path_of(5)
    view.show_path(nodes)
    before = view.document()
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    view.setPalette(palette)
    view.show_path(nodes)
    assert view.document() is not before and "Q0 prompt" in view.rendered_text()  # rendered afresh
