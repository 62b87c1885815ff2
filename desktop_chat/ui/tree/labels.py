"""What names a turn in the outline and on a graph card: the start of its prompt, or, where the prompt
does not tell it apart, what differs.

Siblings that share a prompt (regenerates, fan-out) are named by their model and the first words of
their answer ("[gpt-4.1] The short answer is…") instead of the same prompt six times; an edited sibling
is named by its own prompt; a Continue turn by "↳" and the first words of what it added.
"""

from __future__ import annotations

import re

from desktop_chat.core.conversation.model import Node
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.branching import is_continuation

MAX_COMPARED = 64  # siblings compared for a shared prompt (a wider fan-out is named by its prompt)


_MARKUP = re.compile(r"```[\w+-]*|[#*_`>|]")  # markdown that would only be noise in a label


def _words(text: str, limit: int) -> str:
    return " ".join(_MARKUP.sub(" ", text[: limit * 8]).split())  # the start is all a label shows


def differing_title(node: Node, siblings: list[Node], limit: int) -> str | None:
    """The words that tell a turn apart from its siblings where its prompt does not (None: its prompt
    names it). Not shortened: the caller elides."""
    if is_continuation(node):
        return "↳ " + (_words(node.output_text, limit) or "…")
    if len(siblings) < 2 or len(siblings) > MAX_COMPARED:
        return None
    prompt = node.user_text
    if not any(s.id != node.id and s.user_text == prompt for s in siblings):
        return None
    answer = _words(node.output_text, limit) or "…"
    model = node.model or str(node.params.get("model") or "")
    return f"[{model}] {answer}" if model else answer


def siblings_of(tree: ConversationTree, node_id: str) -> list[Node] | None:
    """A turn's siblings (itself included) when they are worth comparing (None: no sibling, or more
    than MAX_COMPARED)."""
    count = tree.child_count(tree.parent_of(node_id))
    return tree.siblings(node_id) if 1 < count <= MAX_COMPARED else None
