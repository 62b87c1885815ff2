"""The context preview lists exactly what build_request sends, item by item, with token counts."""

from __future__ import annotations

from desktop_chat.core.api.context_preview import input_tokens_request, preview
from desktop_chat.core.conversation.model import (
    ChatParams,
    ContextMode,
    Node,
    NodeStatus,
    Usage,
    user_message,
)
from desktop_chat.core.conversation.tree import ConversationTree


def finished(parent: str | None, text: str, rid: str) -> Node:
    node = Node("c", parent, [user_message(text)], output_text=f"answer to {text}", response_id=rid)
    node.status = NodeStatus.COMPLETED
    node.usage = Usage(input_tokens=10, output_tokens=5)
    return node


def test_chain_lists_previous_response_id_instructions_new_input_and_tools() -> None:
    a = finished(None, "first", "r1")
    tree = ConversationTree("c", [a])
    params = ChatParams(instructions="Be brief.", web_search=True, text_format="json_object")
    result = preview(tree, a.id, [user_message("next question")], params)
    kinds = [item.kind for item in result.items]
    assert result.mode is ContextMode.CHAIN
    assert kinds == ["instructions", "previous_response_id", "user", "tool", "text_format"]
    assert result.items[1].text == "r1" and result.items[1].tokens == 15
    assert all(item.tokens > 0 for item in result.items)
    assert result.total_tokens == sum(item.tokens for item in result.items)


def test_replay_lists_each_path_item_and_marks_excluded_ones() -> None:
    a = finished(None, "first", "r1")
    b = finished(a.id, "second", "r2")
    tree = ConversationTree("c", [a, b])
    params = ChatParams(excluded_node_ids=[a.id])
    result = preview(tree, b.id, [user_message("third")], params)
    assert result.mode is ContextMode.REPLAY and "previous_response_id" not in result.request
    labels = [(item.label, item.excluded) for item in result.items]
    assert labels == [
        ("user: first", True),
        ("assistant: answer to first", True),
        ("user: second", False),
        ("assistant: answer to second", False),
        ("user: third", False),
    ]
    assert result.total_tokens == sum(i.tokens for i in result.items[2:])
    body = input_tokens_request(result.request)
    assert set(body) == {"model", "input"} and len(body["input"]) == 3


def test_images_count_as_an_estimate() -> None:
    item = user_message("look")
    item["content"].append({"type": "input_image", "image_url": "data:image/png;base64,AAAA"})
    result = preview(ConversationTree("c"), None, [item], ChatParams())
    assert "1 image(s)" in result.items[0].label and result.items[0].tokens > 700
