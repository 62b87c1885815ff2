"""The chain check with images and files, whose billed size is unknown: the text decides, then the
server's own count of the parent turn, else usage cannot tell (the runner asks the server)."""

from __future__ import annotations

from desktop_chat.core.conversation.model import JSON, ChatParams, Node, NodeStatus, Usage, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.chain_check import Verdict, judge

ANSWER = "A tree is a perennial plant with an elongated stem, or trunk, supporting branches and leaves."


def with_image(text: str) -> JSON:
    message = user_message(text)
    message["content"].append({"type": "input_image", "image_url": "attachment:abc", "detail": "auto"})
    return message


def answered(
    tree: ConversationTree, parent: Node | None, item: JSON, usage: Usage, text: str = ANSWER
) -> Node:
    node = Node("c", parent.id if parent else None, [item], output_text=text, status=NodeStatus.COMPLETED)
    node.response_id, node.usage = f"resp_{len(tree)}", usage
    tree.insert(node)
    return node


def test_a_small_picture_on_a_continued_chain_is_not_taken_for_an_ignored_id() -> None:
    # measured through LiteLLM's pass-through: the server billed ~85 tokens for a 320x200 picture
    tree = ConversationTree("c")
    first = answered(tree, None, user_message("What is a tree?"), Usage(input_tokens=8, output_tokens=25))
    picture = [with_image("What is in this picture?")]
    assert judge(tree, first.id, picture, ChatParams(), Usage(input_tokens=8 + 25 + 8 + 85)) is (
        Verdict.NO_USAGE
    )
    # the same turn billed for the new input alone: the picture may cost that much, so usage cannot tell
    # either way (the runner asks the server whether it keeps state)
    assert judge(tree, first.id, picture, ChatParams(), Usage(input_tokens=8 + 85)) is Verdict.NO_USAGE


def test_a_picture_billed_below_the_parent_turn_did_not_see_the_history() -> None:
    tree = ConversationTree("c")
    long_answer = ANSWER * 8
    first = answered(
        tree, None, user_message("What is a tree?"), Usage(input_tokens=8, output_tokens=180), long_answer
    )
    picture = [with_image("What is in this picture?")]
    assert judge(tree, first.id, picture, ChatParams(), Usage(input_tokens=8 + 85)) is Verdict.IGNORED
    assert judge(tree, first.id, picture, ChatParams(), Usage(input_tokens=8 + 180 + 8 + 85)) is (
        Verdict.NO_USAGE
    )
    # no picture, no doubt: billed for the new text alone is an ignored id
    assert (
        judge(tree, first.id, [user_message("And?")], ChatParams(), Usage(input_tokens=4)) is Verdict.IGNORED
    )


def test_after_a_picture_the_next_chained_turn_is_judged_by_its_text() -> None:
    tree = ConversationTree("c")
    first = answered(tree, None, user_message("What is a tree?"), Usage(input_tokens=8, output_tokens=25))
    shown = answered(
        tree, first, with_image("What is in this picture?"), Usage(input_tokens=126, output_tokens=25)
    )
    follow_up = [user_message("And its colour?")]
    assert judge(tree, shown.id, follow_up, ChatParams(), Usage(input_tokens=126 + 25 + 8)) is (
        Verdict.HONOURED
    )
    assert judge(tree, shown.id, follow_up, ChatParams(), Usage(input_tokens=8)) is Verdict.IGNORED
