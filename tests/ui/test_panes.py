"""The panes follow one ChatSession without a window around them: what the session opens and selects
shows in the list, the tree and the transcript; what the user picks there goes back to the session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui.composer.composer_pane import ComposerPane
from desktop_chat.ui.conversations.conversations_pane import ConversationsPane
from desktop_chat.ui.status.status_bar import NoticeBanner, StatusBar
from desktop_chat.ui.transcript.transcript_pane import TranscriptPane
from desktop_chat.ui.tree.tree_pane import TreePane


def stored_conversation(store: Store, title: str, prompts: list[str]) -> tuple[Conversation, list[Node]]:
    conversation = Conversation(title=title)
    store.save_conversation(conversation)
    nodes: list[Node] = []
    for prompt in prompts:
        node = Node(conversation.id, nodes[-1].id if nodes else None, [user_message(prompt)])
        node.output_text, node.status = f"answer to {prompt}", NodeStatus.COMPLETED
        store.insert_node(node)
        nodes.append(node)
    return conversation, nodes


def test_the_panes_show_what_the_session_opens_and_tell_it_what_the_user_picks(
    tmp_path: Path, qtbot: Any
) -> None:
    store = Store(tmp_path / "c.db")
    first, first_nodes = stored_conversation(store, "Fruit", ["apples?", "pears?"])
    second, _ = stored_conversation(store, "Stones", ["granite?"])
    session = ChatSession(store)
    banner = NoticeBanner()
    conversations = ConversationsPane(session, banner)
    tree = TreePane(session)
    transcript = TranscriptPane(session, {}, AttachmentStore(tmp_path / "attachments"))
    composer = ComposerPane(session, banner, AttachmentStore(tmp_path / "attachments"))
    status = StatusBar(session, banner, {})
    for widget in (banner, conversations, tree, transcript, composer, status):
        qtbot.addWidget(widget)
    conversations.list_pages(store.list_conversations)
    assert conversations.conversation_model.rowCount() == 2

    session.open_conversation(first.id)  # at its newest turn
    assert conversations.conversation_list.current_conversation_id() == first.id
    assert tree.tree_view.current_node_id() == first_nodes[-1].id
    assert "answer to pears?" in transcript.view.rendered_text()
    assert "pears?" in composer.reply_label.text() and composer.retry_button.isEnabled()

    tree.tree_view.node_selected.emit(first_nodes[0].id)  # the user picks the first turn
    assert session.selected_node_id == first_nodes[0].id
    assert "answer to pears?" not in transcript.view.rendered_text()
    assert "apples?" in composer.reply_label.text()

    conversations.conversation_list.conversation_selected.emit(second.id)  # the user picks another
    assert session.conversation is not None and session.conversation.title == "Stones"
    assert "answer to granite?" in transcript.view.rendered_text()

    session.new_conversation()
    assert transcript.view.rendered_text().strip() == "" and tree.tree_model.rowCount() == 0
    assert composer.reply_label.text() == "New conversation" and not composer.retry_button.isEnabled()

    composer.composer.setPlainText("hello")
    composer.send()  # no back end yet: the banner says so and the prompt stays
    assert not banner.isHidden() and "connecting" in banner.text()
    assert composer.text() == "hello"
    store.close()
