"""Another process on the same database deleted the conversation an answer streams into: the answer
is written again (with its conversation) rather than lost, and the next send has somewhere to go."""

from __future__ import annotations

from pathlib import Path

from desktop_chat.core.conversation.model import Node
from desktop_chat.core.conversation.store import RESTORED_TITLE, Store
from tests.core.conversation.test_long_texts import LONG, stored


def test_an_answer_whose_conversation_was_deleted_meanwhile_is_written_again(tmp_path: Path) -> None:
    store, node = stored(tmp_path, [{"role": "user", "content": LONG}])
    other = Store(store.path)  # another process on the same database deletes the conversation
    other.delete_conversation(node.conversation_id)
    other.close()
    node.output_text = "the answer that was streaming"
    store.update_node(node)  # not lost
    [again] = store.load_nodes(node.conversation_id)
    assert again.output_text == node.output_text and again.user_text == LONG
    follow_up = Node(
        conversation_id=node.conversation_id,
        parent_id=node.id,
        input_items=[{"role": "user", "content": "next"}],
    )
    store.insert_node(follow_up)  # the next send has a conversation to go into (no FOREIGN KEY failure)
    assert [n.id for n in store.load_nodes(node.conversation_id)] == [node.id, follow_up.id]
    assert store.get_conversation(node.conversation_id).title == RESTORED_TITLE
    store.close()
