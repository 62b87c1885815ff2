"""A long prompt is written once: the node's row keeps a preview, the text lives apart, and a save of
the growing answer writes the answer only (issue: every progress save rewrote a 5 MB prompt)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from desktop_chat.core.conversation import long_texts
from desktop_chat.core.conversation.migrations import MIGRATIONS, apply_migrations
from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus
from desktop_chat.core.conversation.search import search
from desktop_chat.core.conversation.store import Store

LONG = "".join(f"line {i} of a long paste\n" for i in range(60_000))  # ~1.4 MB


def stored(tmp_path: Path, items: list[dict]) -> tuple[Store, Node]:
    store = Store(tmp_path / "chats.sqlite3")
    conversation = Conversation(title="long")
    store.save_conversation(conversation)
    node = Node(conversation_id=conversation.id, parent_id=None, input_items=items)
    store.insert_node(node)
    return store, node


def wal_bytes_written(store: Store, write: object) -> int:
    store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = Path(f"{store.path}-wal")
    assert callable(write)
    write()
    return wal.stat().st_size if wal.exists() else 0


def test_a_long_prompt_reads_back_whole_in_both_shapes(tmp_path: Path) -> None:
    items = [
        {"role": "user", "content": LONG},
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": LONG + "b"}]},
    ]
    store, node = stored(tmp_path, items)
    [loaded] = store.load_nodes(node.conversation_id)
    assert loaded.input_items == items
    row = store._conn.execute("SELECT length(input_items) FROM nodes").fetchone()[0]
    assert row < 3 * 2 * long_texts.PREVIEW_CHARS  # the row holds previews only
    store.close()


def test_saving_the_growing_answer_never_writes_the_prompt_again(tmp_path: Path) -> None:
    store, node = stored(tmp_path, [{"role": "user", "content": LONG}])
    for size in (100, 2000, 4000):
        node.output_text = "x" * size

        def save() -> None:
            store.update_node(node)

        assert wal_bytes_written(store, save) < 64 * 1024  # a few pages, not the 1.4 MB prompt
    node.status = NodeStatus.COMPLETED

    def finish() -> None:
        store.update_node(node)

    assert wal_bytes_written(store, finish) < 256 * 1024  # search indexes the preview only
    [loaded] = store.load_nodes(node.conversation_id)
    assert loaded.user_text == LONG and loaded.output_text == "x" * 4000
    assert search(store, "line 12 of a long")  # found in the preview
    store.close()


def test_deleting_the_node_deletes_its_long_text(tmp_path: Path) -> None:
    store, node = stored(tmp_path, [{"role": "user", "content": LONG}])
    assert store._conn.execute("SELECT count(*) FROM node_texts").fetchone()[0] == 1
    store.delete_conversation(node.conversation_id)
    assert store._conn.execute("SELECT count(*) FROM node_texts").fetchone()[0] == 0
    store.close()


def test_short_prompts_stay_in_the_row(tmp_path: Path) -> None:
    store, node = stored(tmp_path, [{"role": "user", "content": "short"}])
    assert store._conn.execute("SELECT count(*) FROM node_texts").fetchone()[0] == 0
    assert store.load_nodes(node.conversation_id)[0].input_items == [{"role": "user", "content": "short"}]
    store.close()


def test_a_database_from_before_keeps_its_long_prompts_in_the_row(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(conn, upto=[m.name for m in MIGRATIONS].index("0005_long_texts_apart"))
    conn.close()
    old = Store(path)  # migrates; a row written the old way is read as it is
    conversation = Conversation(title="old")
    old.save_conversation(conversation)
    node = Node(
        conversation_id=conversation.id, parent_id=None, input_items=[{"role": "user", "content": "x"}]
    )
    old.insert_node(node)
    old._conn.execute("UPDATE nodes SET input_items = ?", (f'[{{"role":"user","content":"{"y" * 40000}"}}]',))
    assert old.load_nodes(conversation.id)[0].user_text == "y" * 40000
    old.close()
    assert os.path.exists(path)
