"""Screenshots of branching in the transcript: the real window over a conversation with three versions of
one prompt (two regenerates with other settings, one edit) and a stopped answer that was continued, the
mouse over an answer (its action bar shown) and the last prompt open in the inline editor.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_branching.py docs/x.png \\
        --theme dark --language ko [--size 1280x940]

Run from the repository root.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, Usage, user_message
from desktop_chat.core.conversation.store import open_store
from desktop_chat.core.session.branching import CONTINUE_PROMPT, CONTINUES_KEY
from desktop_chat.ui.window_prefs import WindowPrefs

TEXTS = {
    "en": {
        "title": "Binary search trees",
        "q1": "In two sentences: what is a binary search tree?",
        "a1": "A binary tree in which every node's left subtree holds smaller keys and its right subtree "
        "larger ones. That order lets search, insert and delete follow one path from the root.",
        "q2": "Show me insert in Python.",
        "a2a": "```python\ndef insert(node, key):\n    if node is None:\n        return Node(key)\n"
        "    if key < node.key:\n        node.left = insert(node.left, key)\n    else:\n"
        "        node.right = insert(node.right, key)\n    return node\n```",
        "a2b": "Walk down from the root, going left for smaller keys and right for larger ones, and hang "
        "the new node where you fall off the tree:\n\n```python\ndef insert(root, key):\n"
        "    parent, node = None, root\n    while node:\n        parent, node = node, "
        "(node.left if key < node.key else node.right)\n    ...\n```",
        "q2e": "Show me insert in Rust.",
        "a2e": "```rust\nfn insert(node: &mut Option<Box<Node>>, key: i32) { … }\n```",
        "q3": "And deletion? Keep it short.",
        "a3": "Three cases: a leaf is removed; a node with one child is replaced by that child; a node "
        "with two children takes the key of its in-order successor,",
        "a3c": "which is then deleted from the right subtree (it has at most one child, so one of the "
        "first two cases applies).",
        "edit": "And deletion? Show the two-children case in Python.",
    },
    "ko": {
        "title": "이진 탐색 트리",
        "q1": "두 문장으로: 이진 탐색 트리란?",
        "a1": "모든 노드의 왼쪽 서브트리에는 더 작은 키가, "
        "오른쪽 서브트리에는 더 큰 키가 있는 이진 트리입니다. "
        "이 순서 덕분에 탐색, 삽입, 삭제가 루트에서 한 경로만 따라갑니다.",
        "q2": "Python으로 삽입을 보여 줘.",
        "a2a": "```python\ndef insert(node, key):\n    if node is None:\n        return Node(key)\n"
        "    if key < node.key:\n        node.left = insert(node.left, key)\n    else:\n"
        "        node.right = insert(node.right, key)\n    return node\n```",
        "a2b": "루트에서 내려가며 작은 키는 왼쪽, 큰 키는 오른쪽으로 가다가 트리를 벗어나는 자리에 새 노드를 "
        "붙입니다:\n\n```python\ndef insert(root, key):\n    parent, node = None, root\n    while node:\n"
        "        parent, node = node, (node.left if key < node.key else node.right)\n    ...\n```",
        "q2e": "Rust로 삽입을 보여 줘.",
        "a2e": "```rust\nfn insert(node: &mut Option<Box<Node>>, key: i32) { … }\n```",
        "q3": "삭제는? 짧게.",
        "a3": "세 경우가 있습니다. 잎 노드는 그냥 지우고, "
        "자식이 하나인 노드는 그 자식으로 바꾸며, 자식이 둘인 "
        "노드는 중위 후속자의 키를 가져온 뒤,",
        "a3c": "그 후속자를 오른쪽 서브트리에서 지웁니다(후속자는 자식이 많아야 하나이므로 앞의 두 경우 중 "
        "하나가 됩니다).",
        "edit": "삭제는? 자식이 둘인 경우를 Python으로 보여 줘.",
    },
}


def turn(
    conversation: Conversation, parent: Node | None, prompt: str, answer: str, model: str, **params: object
) -> Node:
    node = Node(conversation.id, parent.id if parent else None, [user_message(prompt)])
    node.output_text, node.status, node.model = answer, NodeStatus.COMPLETED, model
    node.params = {"model": model, **params}
    node.usage = Usage(input_tokens=120 + len(prompt), output_tokens=len(answer) // 4)
    return node


def build(texts: dict[str, str]) -> tuple[Conversation, list[Node], Node, Node]:
    conversation = Conversation(title=texts["title"])
    root = turn(conversation, None, texts["q1"], texts["a1"], "gpt-4.1-mini")
    first = turn(conversation, root, texts["q2"], texts["a2a"], "gpt-4.1-mini")
    second = turn(conversation, root, texts["q2"], texts["a2b"], "gpt-4.1", temperature=0.7)
    edited = turn(conversation, root, texts["q2e"], texts["a2e"], "gpt-4.1-mini")
    stopped = turn(conversation, second, texts["q3"], texts["a3"], "gpt-4.1")
    stopped.status = NodeStatus.STOPPED
    going_on = turn(conversation, stopped, CONTINUE_PROMPT, texts["a3c"], "gpt-4.1", **{CONTINUES_KEY: True})
    nodes = [root, first, second, edited, stopped, going_on]
    for offset, node in enumerate(nodes):
        node.created_at = node.updated_at = time.time() - 600 + offset * 60
    conversation.selected_node_id = going_on.id
    return conversation, nodes, second, stopped


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--language", default="en", choices=tuple(TEXTS))
    parser.add_argument("--size", default="1280x940")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        prefs = WindowPrefs(folder)
        prefs.theme, prefs.language = args.theme, args.language
        store, _ = open_store(database_path(folder))
        conversation, nodes, hovered, edited = build(TEXTS[args.language])
        store.save_conversation(conversation)
        store.insert_nodes(nodes)
        store.close()
        window, _ = create_window(parse_args(["--data-dir", str(folder), "--demo"]))
        window.resize(width, height)
        window.show()
        window.open_conversation(conversation.id)
        settle(app)
        pane = window.transcript_pane
        pane.edit_prompt(edited.id)
        pane.inline.editor.text.setPlainText(TEXTS[args.language]["edit"])
        settle(app)
        view = pane.view
        actions = pane.message_actions
        bar = view.verticalScrollBar()  # the hovered version's switcher at the top, the editor below it
        start = next(position for position, node in view.turn_starts() if node.id == hovered.id)
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        bar.setValue(bar.value() + view.cursorRect(cursor).top() - 8)
        settle(app)
        room = pane.inline.room()
        if room is not None and room.bottom() + 12 > view.viewport().height():  # or the editor at the bottom
            bar.setValue(bar.value() + room.bottom() + 12 - view.viewport().height())
        settle(app)
        answer = next(m for m in actions.messages() if m.node.id == hovered.id and m.role == "answer")
        cursor = QTextCursor(view.document())
        cursor.setPosition(answer.position + 1)
        rect = view.cursorRect(cursor)
        QTest.mouseMove(view.viewport(), QPoint(rect.right() + 40, rect.center().y() + 30))
        settle(app)
        window.grab().save(str(args.out))
        window.close()
        window.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
