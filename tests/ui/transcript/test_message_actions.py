"""Each message's actions as named buttons on a bar that appears over the message under the mouse, or
over the message chosen with Ctrl+Down / Ctrl+Up (Enter goes into the bar, arrows move, Esc leaves)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QContextMenuEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMenu, QToolButton

from desktop_chat.core.api.backend import Backend
from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui.transcript.message_actions import Message
from desktop_chat.ui.transcript.transcript_pane import TranscriptPane
from tests.conftest import wait_until
from tests.ui.conftest import RecordingServer
from tests.ui.transcript.test_message_controls import forked, turn

Pane = tuple[TranscriptPane, ChatSession, dict[str, Node]]


@pytest.fixture
def pane(tmp_path: Path, qtbot: Any) -> Iterator[Pane]:
    store = Store(tmp_path / "c.db")
    conversation, nodes = forked(store)
    session = ChatSession(store)
    view = TranscriptPane(session, {}, AttachmentStore(tmp_path / "attachments"))
    view.resize(900, 900)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    session.open_conversation(conversation.id)
    session.select_node(nodes["deep"].id)
    yield view, session, nodes
    store.close()


def message(view: TranscriptPane, node: Node, role: str) -> Message:
    return next(m for m in view.message_actions.messages() if m.node.id == node.id and m.role == role)


def hover(view: TranscriptPane, found: Message, qtbot: Any) -> None:
    """Move the mouse onto the first line of a message (as a user reading it)."""
    cursor = QTextCursor(view.view.document())
    cursor.setPosition(found.position + 1)
    rect = view.view.cursorRect(cursor)
    qtbot.mouseMove(view.view.viewport(), QPoint(rect.right() + 4, rect.center().y()))
    qtbot.waitUntil(lambda: view.message_actions.bar.isVisible())


def buttons(view: TranscriptPane) -> dict[str, QToolButton]:
    return {b.property("action"): b for b in view.message_actions.bar.buttons}


def names(view: TranscriptPane) -> list[str]:
    bar = view.message_actions.bar
    return [QAccessible.queryAccessibleInterface(b).text(QAccessible.Text.Name) for b in bar.buttons]


def test_hovering_an_answer_shows_its_named_buttons_and_they_act_on_it(pane: Pane, qtbot: Any) -> None:
    view, _session, nodes = pane
    hover(view, message(view, nodes["second"], "answer"), qtbot)
    bar = view.message_actions.bar
    assert bar.message is not None and bar.message.node.id == nodes["second"].id
    assert list(buttons(view)) == [
        "copy-markdown", "copy-text", "regenerate", "regenerate-with", "branch", "delete"
    ]  # fmt: skip
    assert names(view)[:2] == ["Copy answer as Markdown", "Copy answer as plain text"]
    for button in bar.buttons:  # screen readers get named buttons
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface.role() == QAccessible.Role.Button and interface.text(QAccessible.Text.Name)
    assert view.view.viewport().rect().contains(bar.geometry())
    qtbot.mouseClick(buttons(view)["copy-markdown"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "second answer **bold**"
    asked: list[tuple[str, str]] = []
    view.action_requested.connect(lambda action, node_id: asked.append((action, node_id)))
    qtbot.mouseClick(buttons(view)["regenerate-with"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons(view)["delete"], Qt.MouseButton.LeftButton)
    assert asked == [("regenerate-with", nodes["second"].id), ("delete", nodes["second"].id)]


def test_hovering_a_prompt_offers_edit_copy_delete_and_edit_opens_the_inline_editor(
    pane: Pane, qtbot: Any
) -> None:
    view, _session, nodes = pane
    hover(view, message(view, nodes["root"], "prompt"), qtbot)
    assert names(view) == [
        "Edit prompt (the original stays)",
        "Copy prompt",
        "Delete this turn and what follows…",
    ]
    qtbot.mouseClick(buttons(view)["copy-prompt"], Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "q1"
    qtbot.mouseClick(buttons(view)["edit"], Qt.MouseButton.LeftButton)
    assert view.inline.node_id == nodes["root"].id and view.inline.editor.isVisible()


def test_the_keyboard_chooses_a_message_enters_its_bar_and_runs_a_button(pane: Pane, qtbot: Any) -> None:
    view, _session, nodes = pane
    text = view.view
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    actions = view.message_actions
    assert actions.current == (nodes["root"].id, "prompt") and actions.bar.isVisible()
    for _ in range(3):  # a1, then the prompt and the answer of the second version of q2
        qtbot.keyClick(text, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.message_actions.current == (nodes["second"].id, "answer")
    qtbot.keyClick(text, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(text, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(text, Qt.Key.Key_Return)  # into the bar
    first = view.message_actions.bar.buttons[0]
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Right)
    second = buttons(view)["copy-text"]
    assert second.hasFocus()
    qtbot.keyClick(second, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == "second answer bold"
    qtbot.keyClick(second, Qt.Key.Key_Escape)
    assert text.hasFocus()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(text, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # nothing selected: the message
    assert QGuiApplication.clipboard().text() == "second answer **bold**"
    qtbot.keyClick(text, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # its prompt
    assert view.edit_prompt()  # Ctrl+E, with the transcript focused: the chosen prompt
    assert view.inline.node_id == nodes["second"].id


def test_the_context_menu_lists_the_messages_actions(pane: Pane, qtbot: Any) -> None:
    view, _session, nodes = pane
    view.view.setFocus()
    view.message_actions.current = (nodes["deep"].id, "answer")
    menu = QMenu()
    assert view.view.menu_extender is not None
    by_keyboard = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(1, 1), QPoint(1, 1))
    view.view.menu_extender(menu, by_keyboard)
    listed = [a.text() for a in menu.actions() if a.text()]
    assert "Branch into a new conversation from this answer" in listed and "Copy answer as Markdown" in listed
    next(a for a in menu.actions() if a.objectName() == "menu_copy-markdown").trigger()
    assert QGuiApplication.clipboard().text() == "a3"


def test_branch_copies_the_path_into_a_new_conversation(pane: Pane, qtbot: Any) -> None:
    view, session, nodes = pane
    old = session.conversation
    hover(view, message(view, nodes["second"], "answer"), qtbot)
    qtbot.mouseClick(buttons(view)["branch"], Qt.MouseButton.LeftButton)
    assert session.conversation is not None and session.conversation.id != old.id
    assert session.conversation.title == "Forks (branch)"
    assert [n.user_text for n in session.tree.path_to(session.selected_node_id)] == ["q1", "q2"]
    assert "second answer" in view.view.rendered_text() and "q3" not in view.view.rendered_text()


def test_continue_after_a_stopped_answer_is_joined_to_it(tmp_path: Path, qtbot: Any, arun: Any) -> None:
    store = Store(tmp_path / "c.db")
    conversation = Conversation()
    store.save_conversation(conversation)
    stopped = turn(conversation, None, "Write a poem", "Roses are red,")
    stopped.status = NodeStatus.STOPPED
    store.insert_node(stopped)
    session = ChatSession(store)
    server = RecordingServer("violets are blue.")
    session.set_backend(Backend(server, label="test", provider="p"))
    view = TranscriptPane(session, {}, AttachmentStore(tmp_path / "a"))
    view.resize(900, 700)
    qtbot.addWidget(view)
    view.show()
    session.open_conversation(conversation.id)
    hover(view, message(view, stopped, "answer"), qtbot)
    qtbot.mouseClick(buttons(view)["continue"], Qt.MouseButton.LeftButton)
    arun(wait_until(lambda: not session.busy))
    text = view.view.rendered_text()
    assert text.count("You") == 1 and "Continue exactly" not in text  # no second prompt box
    assert text.index("Roses are red,") < text.index("↳ continued") < text.index("violets are blue.")
    assert "Stopped — partial answer kept" in text and "· Continue" not in text  # continued already
    assert "Roses are red," in str(server.requests[-1]["input"])
    assert [m.role for m in view.message_actions.messages()] == ["prompt", "answer", "answer"]
    session.stop()
    store.close()


def test_the_shortcuts_list_names_the_message_keys(pane: Pane) -> None:
    from desktop_chat.ui.dialogs.shortcuts_dialog import shortcut_groups

    view, _session, _nodes = pane
    rows = dict(row for _title, group in shortcut_groups(view) for row in group)
    assert rows["Next message in the transcript"] == "Ctrl+Down"
    assert rows["Previous message in the transcript"] == "Ctrl+Up"
