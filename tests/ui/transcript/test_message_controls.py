"""The controls in each message of the transcript: the fork switcher (`‹ 2 / 3 ›` and what differs) and
the message actions, driven by the keyboard (Tab to the link, Enter) and by clicking the link."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import QTextBrowser

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.config.paths import database_path
from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui.transcript.transcript_pane import TranscriptPane


def turn(conversation: Conversation, parent: Node | None, prompt: str, answer: str, **params: Any) -> Node:
    node = Node(conversation.id, parent.id if parent else None, [user_message(prompt)])
    node.output_text, node.status = answer, NodeStatus.COMPLETED
    node.model = str(params.get("model", "model-a"))
    node.params = {"model": node.model, **params}
    return node


def forked(store: Store) -> tuple[Conversation, dict[str, Node]]:
    """q1 -> (two answers to "q2": model-a, then model-b at temperature 0.7 -> q3) and an edit "q2 again"."""
    conversation = Conversation(title="Forks")
    store.save_conversation(conversation)
    root = turn(conversation, None, "q1", "a1")
    first = turn(conversation, root, "q2", "first answer")
    second = turn(conversation, root, "q2", "second answer **bold**", model="model-b", temperature=0.7)
    edited = turn(conversation, root, "q2 again", "edited answer")
    deep = turn(conversation, second, "q3", "a3")
    nodes = {"root": root, "first": first, "second": second, "edited": edited, "deep": deep}
    for node in (root, first, second, deep, edited):
        store.insert_node(node)
    return conversation, nodes


@pytest.fixture
def pane(tmp_path: Path, qtbot: Any) -> Iterator[tuple[TranscriptPane, ChatSession, dict[str, Node]]]:
    store = Store(tmp_path / "c.db")
    conversation, nodes = forked(store)
    session = ChatSession(store)
    view = TranscriptPane(session, {}, AttachmentStore(tmp_path / "attachments"))
    qtbot.addWidget(view)
    session.open_conversation(conversation.id)
    session.select_node(nodes["deep"].id)
    yield view, session, nodes
    store.close()


def focus_link(view: QTextBrowser, href: str, qtbot: Any) -> None:
    """Tab through the transcript's links until `href` has the focus (as a keyboard user does)."""
    view.setFocus()
    view.moveCursor(view.textCursor().MoveOperation.Start)
    for _ in range(200):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        if view.textCursor().charFormat().anchorHref() == href:
            return
    raise AssertionError(f"Tab never reached {href}")


def test_a_fork_shows_its_place_and_what_differs(pane: Any) -> None:
    view, _session, _nodes = pane
    text = view.view.rendered_text()
    assert "2 / 3" in text  # the regenerate with model-b, the second of three versions of "q2"
    assert "regenerated · model-b · temperature 0.7" in text
    assert "q3" in text and "a3" in text


def test_the_switcher_switches_the_whole_path_below_the_fork_by_keyboard_and_by_click(
    pane: Any, qtbot: Any
) -> None:
    view, session, nodes = pane
    second = nodes["second"].id
    focus_link(view.view, f"action:sibling-prev/{second}", qtbot)
    qtbot.keyClick(view.view, Qt.Key.Key_Return)
    assert session.selected_node_id == nodes["first"].id
    text = view.view.rendered_text()
    assert "1 / 3" in text and "first answer" in text and "q3" not in text

    view.view.anchorClicked.emit(QUrl(f"action:sibling-next/{nodes['first'].id}"))  # a click on ›
    assert session.selected_node_id == nodes["deep"].id  # the newest leaf below the sibling
    view.view.anchorClicked.emit(QUrl(f"action:sibling-next/{second}"))
    assert session.selected_node_id == nodes["edited"].id
    assert "3 / 3" in view.view.rendered_text() and "edited prompt" in view.view.rendered_text()


def test_link_actions_copy_and_ask_the_window_with_their_turn(pane: Any, qtbot: Any) -> None:
    view, _session, nodes = pane
    second = nodes["second"].id
    view.view.anchorClicked.emit(QUrl(f"action:copy-text/{second}"))
    assert QGuiApplication.clipboard().text() == "second answer bold"
    asked: list[tuple[str, str]] = []
    view.action_requested.connect(lambda action, node_id: asked.append((action, node_id)))
    view.view.anchorClicked.emit(QUrl(f"action:edit/{nodes['deep'].id}"))
    assert view.inline.node_id == nodes["deep"].id  # a prompt is edited in place, by the pane
    view.view.anchorClicked.emit(QUrl(f"action:regenerate/{second}"))
    assert asked == [("regenerate", second)]
    assert "Continue" not in view.view.rendered_text()  # only for a stopped or cut answer


def test_a_failed_turn_offers_retry_next_to_its_error_and_a_stopped_one_continue(
    tmp_path: Path, qtbot: Any
) -> None:
    store = Store(tmp_path / "c.db")
    conversation = Conversation()
    store.save_conversation(conversation)
    failed = turn(conversation, None, "q", "")
    failed.status, failed.error = NodeStatus.FAILED, "The server refused the key."
    stopped = turn(conversation, None, "r", "half")
    stopped.status = NodeStatus.STOPPED
    store.insert_node(failed)
    store.insert_node(stopped)
    session = ChatSession(store)
    view = TranscriptPane(session, {}, AttachmentStore(tmp_path / "a"))
    qtbot.addWidget(view)
    session.open_conversation(conversation.id)
    session.select_node(failed.id)
    assert "⚠ The server refused the key. Retry" in view.view.rendered_text()
    session.select_node(stopped.id)
    assert "Stopped — partial answer kept · Continue" in view.view.rendered_text()
    store.close()


def test_the_transcript_is_named_and_described_for_screen_readers(pane: Any) -> None:
    view, _session, _nodes = pane
    interface = QAccessible.queryAccessibleInterface(view.view)
    assert interface.text(QAccessible.Text.Name) == "Transcript"
    assert "Ctrl+Down" in interface.text(QAccessible.Text.Description)
    text = interface.textInterface()
    read = text.text(0, text.characterCount())  # what a screen reader reads: the links' names too
    assert "‹ 2 / 3 ›" in read and "regenerated · model-b" in read


@pytest.fixture
def window(tmp_path: Path, qtbot: Any) -> Iterator[tuple[Any, dict[str, Node]]]:
    store = Store(database_path(tmp_path))
    conversation, nodes = forked(store)
    store.close()
    window, _ = create_window(
        parse_args(["--data-dir", str(tmp_path), "--base-url", "http://127.0.0.1:9/v1"])
    )
    qtbot.addWidget(window)
    window.session.open_conversation(conversation.id)
    yield window, nodes
    window.close()
    window.store.close()


def test_window_runs_a_messages_action_on_that_message(window: Any, monkeypatch: Any) -> None:
    win, nodes = window
    asked: list[str | None] = []
    monkeypatch.setattr(win.dialogs, "regenerate_with", lambda: asked.append(win.session.selected_node_id))
    view = win.transcript_pane.view
    view.anchorClicked.emit(QUrl(f"action:regenerate-with/{nodes['edited'].id}"))
    assert asked == [nodes["edited"].id]


def test_alt_arrows_and_the_switcher_step_through_the_same_versions(window: Any, qtbot: Any) -> None:
    win, nodes = window
    win.session.select_node(nodes["second"].id)
    win.menus["action_prev"].trigger()  # Alt+Left
    assert win.session.selected_node_id == nodes["first"].id
    assert "1 / 3" in win.transcript_pane.view.rendered_text()
    win.transcript_pane.view.anchorClicked.emit(QUrl(f"action:sibling-next/{nodes['first'].id}"))
    assert win.session.selected_node_id == nodes["deep"].id  # version 2, at its newest leaf


def test_the_window_runs_a_hover_buttons_action_on_its_message(
    window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    win, nodes = window
    win.resize(1200, 900)
    win.show()
    qtbot.waitExposed(win)
    win.session.select_node(nodes["deep"].id)
    asked: list[str | None] = []
    monkeypatch.setattr(win.session, "regenerate", lambda: asked.append(win.session.selected_node_id) or [])
    pane = win.transcript_pane
    answer = next(
        m for m in pane.message_actions.messages() if m.node.id == nodes["second"].id and m.role == "answer"
    )
    pane.message_actions.show_on(
        answer
    )  # as the mouse over it does (tests/ui/transcript/test_message_actions.py)
    button = next(b for b in pane.message_actions.bar.buttons if b.property("action") == "regenerate")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [nodes["second"].id]  # its turn was selected, then Regenerate ran on it
