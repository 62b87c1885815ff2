"""Markdown exports, for reading: one branch (the path to a node) or a whole tree with its forks
numbered; images and tool calls are named, not embedded (the JSON export in export.py keeps them)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from desktop_chat.core.content.generated_images import generated_images
from desktop_chat.core.conversation.model import JSON, Conversation, Node, NodeStatus
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.tools.local_tools import tool_calls_view


def _when(timestamp: float) -> str:
    try:
        return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")
    except (OverflowError, OSError, ValueError):
        return ""


def _image_note(part: JSON) -> str:
    url = str(part.get("image_url") or "")
    if url.startswith("data:"):
        mime = url[5:].split(";", 1)[0] or "image"
        size = len(url.split(",", 1)[-1]) * 3 // 4
        return f"*[image: {mime}, {max(1, size // 1024)} KB]*"
    return f"*[image: {url}]*" if url.startswith(("http://", "https://")) else "*[image]*"


def prompt_markdown(node: Node) -> str:
    """The user's turn: text, with a note for each attached image or file."""
    parts: list[str] = []
    for item in node.input_items:
        if item.get("type", "message") != "message" or item.get("role") != "user":
            if item.get("type") == "input_image":
                parts.append(_image_note(item))
            continue
        content = item.get("content")
        if isinstance(content, str):
            parts.append(content)
            continue
        for part in content if isinstance(content, list) else []:
            kind = part.get("type") if isinstance(part, dict) else None
            if kind == "input_text":
                parts.append(str(part.get("text", "")))
            elif kind == "input_image":
                parts.append(_image_note(part))
            elif kind == "input_file":
                parts.append(f"*[file: {part.get('filename') or 'attachment'}]*")
    return "\n\n".join(p for p in parts if p)


def meta_line(node: Node) -> str:
    """Model, parameters, usage and status of an answer in one line."""
    bits = [node.model or str(node.params.get("model") or "")]
    for name in ("temperature", "top_p", "max_output_tokens"):
        value = node.params.get(name)
        if value is not None:
            bits.append(f"{name} {value}")
    if node.usage is not None:
        bits.append(f"{node.usage.input_tokens:,} in / {node.usage.output_tokens:,} out tokens")
    if node.status is not NodeStatus.COMPLETED:
        bits.append(str(NodeStatus(node.status).value))
    when = _when(node.created_at)
    if when:
        bits.append(when)
    return " · ".join(b for b in bits if b)


def _node_markdown(node: Node, heading: str) -> list[str]:
    lines = [f"{heading}", ""]
    prompt = prompt_markdown(node)
    if prompt:
        lines += ["**You**", "", prompt, ""]
    lines += [f"**Assistant** — *{meta_line(node)}*", ""]
    if node.reasoning_text:
        quoted = "\n".join(f"> {line}" for line in node.reasoning_text.splitlines())
        lines += ["> *Reasoning*", ">", quoted, ""]
    for call in tool_calls_view(node.output_items):  # tools the turn called (local or hosted MCP)
        where = f" ({call.server})" if call.server else ""
        lines += [f"> *Tool* `{call.tool}`{where} `{call.call.arguments}`: {call.state}", ""]
    if node.output_text:
        lines += [node.output_text, ""]
    for image in generated_images(node.output_items):  # kept by hash: named so it can be found
        if image.sha256:
            lines += [f"*[generated image: {image.sha256[:12]}… ({image.mime})]*", ""]
    for note in (node.notice, node.error):
        if note:
            lines += [f"> {note}", ""]
    return lines


def markdown_for_path(conv: Conversation, path: list[Node]) -> str:
    """One branch: the turns from the root to a node, in order."""
    lines = [f"# {conv.title}", ""]
    for number, node in enumerate(path, start=1):
        lines += _node_markdown(node, f"## Turn {number}")
    return "\n".join(lines).rstrip() + "\n"


def markdown_for_tree(conv: Conversation, nodes: Iterable[Node]) -> str:
    """A whole tree, depth first. Where a turn has several answers or edits, each branch is numbered
    ("branch 2.1" = the first branch of the second branch), and a branch that does not follow its
    parent directly says which turn it continues from."""
    tree = ConversationTree(conv.id, nodes)
    lines = [f"# {conv.title}", ""]

    def label(depth: int, branch: str) -> str:
        return f"Turn {depth}" + (f" (branch {branch})" if branch else "")

    # depth first without recursion (a linear chat can be thousands of turns deep)
    roots = tree.roots()
    stack: list[tuple[Node, int, str, str | None, bool]] = [
        (root, 1, "" if len(roots) == 1 else str(index), None, True)
        for index, root in reversed(list(enumerate(roots, start=1)))
    ]
    while stack:
        node, depth, branch, parent_label, follows = stack.pop()
        heading = f"## {label(depth, branch)}"
        if parent_label is not None and not follows:
            heading += f" — continues from {parent_label}"
        lines.extend(_node_markdown(node, heading))
        kids = tree.children(node.id)
        for index in range(len(kids), 0, -1):
            kid_branch = branch if len(kids) == 1 else (f"{branch}.{index}" if branch else str(index))
            stack.append((kids[index - 1], depth + 1, kid_branch, label(depth, branch), index == 1))
    return "\n".join(lines).rstrip() + "\n"


def export_markdown(store: Store, conversation_ids: Iterable[str] | None = None) -> str:
    """Whole trees of the given conversations (all when None), separated by rules."""
    if conversation_ids is None:
        conversations = list(reversed(store.list_conversations()))
    else:
        found = (store.get_conversation(cid) for cid in conversation_ids)
        conversations = [c for c in found if c is not None]
    parts = [markdown_for_tree(c, store.load_nodes(c.id)) for c in conversations]
    return "\n---\n\n".join(parts)
