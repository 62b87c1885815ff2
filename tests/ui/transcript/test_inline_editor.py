"""Editing a prompt in place: the editor opens inside the transcript over the prompt's room; Ctrl+Enter
sends the edit as a new sibling, "Save without sending" keeps it as a draft sent later from its message,
Esc cancels; a refused send keeps the editor and its text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QPushButton

from desktop_chat.core.api.backend import Backend
from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui.transcript.transcript_pane import TranscriptPane
from tests.conftest import wait_until
from tests.ui.conftest import RecordingServer
from tests.ui.transcript.test_message_controls import forked


@pytest.fixture
def pane(
    tmp_path: Path, qtbot: Any
) -> Iterator[tuple[TranscriptPane, ChatSession, dict[str, Node], RecordingServer]]:
    store = Store(tmp_path / "c.db")
    conversation, nodes = forked(store)
    session = ChatSession(store)
    recorder = RecordingServer("Sure.")
    session.set_backend(Backend(recorder, label="test", provider="p1"))
    view = TranscriptPane(session, {}, AttachmentStore(tmp_path / "attachments"))
    view.resize(900, 700)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    session.open_conversation(conversation.id)
    session.select_node(nodes["deep"].id)
    yield view, session, nodes, recorder
    session.stop()
    store.close()


def test_edit_opens_an_editor_inside_the_transcript_where_the_prompt_was(pane: Any, qtbot: Any) -> None:
    view, _session, nodes, _recorder = pane
    deep = nodes["deep"]
    view.view.anchorClicked.emit(QUrl(f"action:edit/{deep.id}"))
    editor = view.inline.editor
    assert editor.isVisible() and editor.parent() is view.view.viewport()  # in the transcript, no dialog
    assert editor.text.toPlainText() == "q3" and editor.text.hasFocus()
    room = view.inline.room()
    assert room is not None and editor.geometry() == room
    assert view.view.viewport().rect().contains(room.topLeft())  # scrolled into sight
    assert "q3" not in view.view.rendered_text().split("q2")[-1]  # the prompt box gave way to the editor
    names = {
        QAccessible.queryAccessibleInterface(b).text(QAccessible.Text.Name)
        for b in editor.findChildren(QPushButton)
    }
    assert {"Send", "Save without sending", "Cancel"} <= names
    assert QAccessible.queryAccessibleInterface(editor.text).text(QAccessible.Text.Name) == "Edit prompt"
    # it follows its room when the view scrolls
    view.view.verticalScrollBar().setValue(0)
    assert editor.geometry() == view.inline.room() or not editor.isVisible()


def test_ctrl_enter_sends_the_edit_as_a_new_sibling_and_keeps_the_original(
    pane: Any, qtbot: Any, arun: Any
) -> None:
    view, session, nodes, recorder = pane
    deep = nodes["deep"]
    view.edit_prompt(deep.id)
    editor = view.inline.editor
    editor.text.setPlainText("q3, but shorter")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    arun(
        wait_until(
            lambda: (
                session.selected_node() is not None and session.selected_node().status is NodeStatus.COMPLETED
            )
        )
    )
    sent = session.selected_node()
    assert sent.user_text == "q3, but shorter" and sent.parent_id == deep.parent_id and sent.id != deep.id
    assert session.tree.get(deep.id).user_text == "q3"  # the original stays
    assert "q3, but shorter" in str(recorder.requests[-1]["input"])
    assert not editor.isVisible() and view.inline.node_id is None
    assert "2 / 2" in view.view.rendered_text() and "edited prompt" in view.view.rendered_text()


def test_esc_cancels_and_the_prompt_comes_back(pane: Any, qtbot: Any) -> None:
    view, session, nodes, recorder = pane
    view.edit_prompt()  # the selected turn (what Ctrl+E does)
    editor = view.inline.editor
    editor.text.setPlainText("something else")
    qtbot.keyClick(editor.text, Qt.Key.Key_Escape)
    assert not editor.isVisible() and view.inline.node_id is None
    assert "q3" in view.view.rendered_text() and recorder.requests == []
    assert session.selected_node_id == nodes["deep"].id


def test_save_without_sending_keeps_a_draft_that_is_sent_later_from_its_message(
    pane: Any, qtbot: Any, arun: Any
) -> None:
    view, session, nodes, recorder = pane
    deep = nodes["deep"]
    view.edit_prompt(deep.id)
    editor = view.inline.editor
    editor.text.setPlainText("q3 for later")
    qtbot.mouseClick(editor.findChild(QPushButton, "inline_editor_save"), Qt.MouseButton.LeftButton)
    draft = session.selected_node()
    assert draft.status is NodeStatus.DRAFT and draft.user_text == "q3 for later" and recorder.requests == []
    assert not editor.isVisible()
    text = view.view.rendered_text()
    assert "q3 for later" in text and "Not sent yet" in text and "2 / 2" in text
    view.view.anchorClicked.emit(QUrl(f"action:send-draft/{draft.id}"))  # its message's Send now
    arun(wait_until(lambda: session.selected_node().status is NodeStatus.COMPLETED))
    assert "q3 for later" in str(recorder.requests[-1]["input"])
    assert draft.id not in session.tree and "Sure." in view.view.rendered_text()


def test_a_refused_send_keeps_the_editor_and_its_text(pane: Any, qtbot: Any) -> None:
    view, session, nodes, _recorder = pane
    session.set_backend(None, "offline")
    said: list[str] = []
    view.flash.connect(lambda text, _ms: said.append(text))
    view.edit_prompt(nodes["deep"].id)
    editor = view.inline.editor
    editor.text.setPlainText("not lost")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.isVisible() and editor.text.toPlainText() == "not lost" and said
    session.select_node(nodes["first"].id)  # looking elsewhere closes it, the text is kept
    assert not editor.isVisible()
    session.select_node(nodes["deep"].id)
    view.edit_prompt(nodes["deep"].id)
    assert editor.text.toPlainText() == "not lost"
