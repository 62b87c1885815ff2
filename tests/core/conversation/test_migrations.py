"""Append-only, named migrations: from blank, from the oldest schema, and a database too new to open."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.conversation.migrations import MIGRATIONS, SCHEMA_VERSION, apply_migrations
from desktop_chat.core.conversation.model import BackgroundRun, Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.store import Store, StoreTooNewError, open_store

# sha256 of each shipped migration's SQL (see digest). A mismatch means a shipped migration was edited:
# put it back and append a new migration instead.
SHIPPED = {
    "0001_conversations_and_nodes": "b5e6b1157cb663e91ae165b67e87c3d9dd6a6115d0ed3d71176a3b7ef2ac8b5e",
    "0002_settings_and_indexes": "444e33b044d4b4a4897e28414871faa3c044dc548157c2bc483a7857c052735a",
    "0003_search_index": "9ce98aa5907c197492fd6e79df3d777f95d495cf920c9d00d410485fd5044fe7",
    "0004_server_facts": "e5c3b0a038608b8638c55ba70b90fd63fbc4862f161c2b3e9d82eae8eabbb402",
    "0005_long_texts_apart": "9cd9583b1452cbbef3054a32b2eaba9bbd7fba24781ee56846194739bcdd34f0",
    "0006_search_without_copies_and_short_cjk_words": (
        "4b5dff49bc1c84e248c2326f277d4ab231c99f94aea291d9096456f71eae902a"
    ),
}

BEFORE_6 = 5  # the schema before migration 0006


def digest(statements: tuple[str, ...]) -> str:
    """Of the SQL with whitespace normalised (re-indenting is not an edit)."""
    return hashlib.sha256(";".join(" ".join(s.split()) for s in statements).encode()).hexdigest()


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_shipped_migrations_are_unchanged_and_numbered_in_order() -> None:
    names = [m.name for m in MIGRATIONS]
    assert names[: len(SHIPPED)] == list(SHIPPED)
    assert [int(name[:4]) for name in names] == list(range(1, len(names) + 1))
    assert len(MIGRATIONS) == SCHEMA_VERSION
    for migration in MIGRATIONS:
        if migration.name in SHIPPED:
            assert digest(migration.statements) == SHIPPED[migration.name], (
                f"{migration.name} was edited after shipping; append a new migration instead"
            )


def test_blank_database_gets_every_migration_recorded(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite3"
    Store(path).close()
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        rows = conn.execute("SELECT id, name, applied_at FROM schema_migrations ORDER BY id").fetchall()
        assert [(r[0], r[1]) for r in rows] == [(i, m.name) for i, m in enumerate(MIGRATIONS, start=1)]
        assert all(r[2] > 0 for r in rows)
        assert {"conversations", "nodes", "settings", "schema_migrations"} <= table_names(conn)
    finally:
        conn.close()


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "again.sqlite3"
    Store(path).close()
    conn = raw(path)
    try:
        assert apply_migrations(conn) == []
        assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


def test_data_written_after_migration_1_survives_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    conn = raw(path)
    try:
        assert apply_migrations(conn, upto=1) == [MIGRATIONS[0].name]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "settings" not in table_names(conn)
        conn.execute(
            "INSERT INTO conversations (id, title, selected_node_id, params_override, created_at, updated_at)"
            " VALUES ('c1', '옛 대화', 'n1', '{\"temperature\": 0.3}', 1.0, 2.0)"
        )
        conn.execute(
            "INSERT INTO nodes (id, conversation_id, parent_id, input_items, output_items, output_text,"
            " reasoning_text, response_id, previous_response_id, model, params, usage, status, error,"
            " notice, context_mode, created_at, updated_at) VALUES ('n1', 'c1', NULL,"
            ' \'[{"type":"message","role":"user","content":[{"type":"input_text","text":"你好"}]}]\','
            " '[]', 'hello 👋', '', 'resp_1', NULL, 'gpt-4o', '{}',"
            " '{\"input_tokens\": 5, \"output_tokens\": 2}', 'streaming', NULL, NULL, 'chain', 1.5, 1.6)"
        )
    finally:
        conn.close()

    store = Store(path)
    try:
        [conv] = store.list_conversations()
        assert conv == Conversation(
            title="옛 대화",
            id="c1",
            selected_node_id="n1",
            params_override={"temperature": 0.3},
            created_at=1.0,
            updated_at=2.0,
        )
        [node] = store.load_nodes("c1")
        assert isinstance(node, Node)
        assert node.input_items == [user_message("你好")]
        assert node.output_text == "hello 👋"
        assert node.usage is not None and node.usage.input_tokens == 5
        assert store.mark_streaming_interrupted() == 1
        assert store.load_nodes("c1")[0].status is NodeStatus.INTERRUPTED
        store.set_setting("new", "works")  # migration 2's table
        assert store.get_setting("new") == "works"
    finally:
        store.close()
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY id")]
        assert names == [m.name for m in MIGRATIONS]
    finally:
        conn.close()


def test_a_failing_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_chat.core.conversation import migrations

    path = tmp_path / "half.sqlite3"
    conn = raw(path)
    try:
        apply_migrations(conn, upto=1)
        broken = migrations.Migration("0002_broken", ("CREATE TABLE settings (key TEXT)", "NOT SQL"))
        monkeypatch.setattr(migrations, "MIGRATIONS", (MIGRATIONS[0], broken))
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
        with pytest.raises(sqlite3.OperationalError):
            migrations.apply_migrations(conn)
        assert not conn.in_transaction
        assert "settings" not in table_names(conn)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        conn.close()


def make_too_new(path: Path, how: str) -> bytes:
    Store(path).close()
    conn = raw(path)
    try:
        if how == "user_version":
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        else:
            conn.execute(
                "INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, '9999_from_the_future', 0)",
                (SCHEMA_VERSION + 1,),
            )
    finally:
        conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("how", ["user_version", "recorded_row"])
def test_database_from_a_newer_app_is_refused_and_untouched(tmp_path: Path, how: str) -> None:
    path = tmp_path / "future.sqlite3"
    before = make_too_new(path, how)
    with pytest.raises(StoreTooNewError) as info:
        Store(path)
    message = info.value.user_message
    assert "newer desktop_chat" in message and str(path) in message
    with pytest.raises(StoreTooNewError):
        open_store(path)  # never moved aside as if it were damaged
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name) == []


def test_the_search_index_is_built_for_data_written_before_migration_3(tmp_path: Path) -> None:
    from desktop_chat.core.conversation.search import search

    path = tmp_path / "v2.sqlite3"
    conn = raw(path)
    try:
        assert apply_migrations(conn, upto=2) == [m.name for m in MIGRATIONS[:2]]
        conn.execute(
            "INSERT INTO conversations (id, title, selected_node_id, params_override, created_at, updated_at)"
            " VALUES ('c1', '옛 대화 about oaks', NULL, '{}', 1.0, 2.0)"
        )
        conn.execute(
            "INSERT INTO nodes (id, conversation_id, parent_id, input_items, output_items, output_text,"
            " reasoning_text, response_id, previous_response_id, model, params, usage, status, error,"
            " notice, context_mode, created_at, updated_at) VALUES ('n1', 'c1', NULL,"
            ' \'[{"type":"message","role":"user","content":[{"type":"input_text","text":"你好 acorns"}]},'
            ' {"type":"message","role":"user","content":"and squirrels"}, 7, "junk"]\','
            " '[]', 'oak answer', '', NULL, NULL, '', '{}', NULL, 'completed', NULL, NULL, 'chain', 1.5, 1.6)"
        )
        conn.execute(
            "INSERT INTO nodes (id, conversation_id, parent_id, input_items, output_items, output_text,"
            " reasoning_text, response_id, previous_response_id, model, params, usage, status, error,"
            " notice, context_mode, created_at, updated_at) VALUES ('n2', 'c1', 'n1', 'not json',"
            " '[]', 'second', '', NULL, NULL, '', '{}', NULL, 'completed', NULL, NULL, 'chain', 1.7, 1.8)"
        )
    finally:
        conn.close()
    store = Store(path)
    try:
        assert [(h.node_id, h.field) for h in search(store, "acorns")] == [("n1", "prompt")]
        assert [(h.node_id, h.field) for h in search(store, "squirrels")] == [("n1", "prompt")]
        assert [(h.node_id, h.field) for h in search(store, "你好")] == [("n1", "prompt")]
        assert [(h.conversation_id, h.field) for h in search(store, "옛 대화")] == [("c1", "title")]
        assert [h.node_id for h in search(store, "second")] == ["n2"]  # unreadable input: answer still found
    finally:
        store.close()


def test_server_facts_come_with_0004_and_the_per_profile_cache_goes(tmp_path: Path) -> None:
    path = tmp_path / "before.sqlite3"
    conn = raw(path)
    try:
        apply_migrations(conn, upto=3)
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('capabilities:p-1', '{}'), ('theme', '\"dark\"')"
        )
        assert "0004_server_facts" in apply_migrations(conn)
        assert "server_facts" in table_names(conn)
        assert [r[0] for r in conn.execute("SELECT key FROM settings")] == ["theme"]
    finally:
        conn.close()
    store = Store(path)
    store.save_server_facts("http://a/v1", "m", {"keeps_state": False})
    assert store.server_facts("http://a/v1") == {"m": {"keeps_state": False}}
    store.forget_server_facts("http://a/v1")
    assert store.server_facts("http://a/v1") == {}
    store.close()


def test_migration_6_stores_each_answer_once_and_search_still_finds_everything(tmp_path: Path) -> None:
    import json

    from desktop_chat.core.conversation.search import search

    path = tmp_path / "v3.sqlite3"
    answer = "사과나무 아래에서 apples ripen slowly. " * 50
    summary = "Thinking about 苹果 orchards"
    items = [
        {"type": "reasoning", "id": "rs_1", "summary": [{"type": "summary_text", "text": summary}]},
        {
            "type": "message",
            "id": "msg_1",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": answer, "annotations": [], "logprobs": []}],
        },
        {"type": "web_search_call", "id": "ws_1", "status": "completed", "action": {"query": "apples"}},
    ]
    insert = (
        "INSERT INTO nodes (id, conversation_id, parent_id, input_items, output_items, output_text,"
        " reasoning_text, response_id, previous_response_id, model, params, usage, status, error,"
        " notice, context_mode, created_at, updated_at) VALUES (?, 'c1', NULL, ?, ?, ?, ?, NULL, NULL, '',"
        " '{}', NULL, ?, NULL, NULL, 'chain', ?, ?)"
    )
    conn = raw(path)
    try:
        apply_migrations(conn, upto=BEFORE_6)  # the schema before it
        conn.execute(
            "INSERT INTO conversations (id, title, selected_node_id, params_override, created_at, updated_at)"
            " VALUES ('c1', '과수원 orchard', NULL, '{}', 1.0, 2.0)"
        )
        prompt = json.dumps([user_message("배나무 and pears?")], ensure_ascii=False)
        conn.execute(
            insert, ("n1", prompt, json.dumps(items, ensure_ascii=False), answer, summary, "completed", 1, 1)
        )
        odd = '[{"type":"message","role":"user","content":"字"}, 7]'
        conn.execute(
            insert, ("n2", odd, '[{"type": "message", "content": "not a list"}]', "梨", "", "completed", 2, 2)
        )
        conn.execute(insert, ("n3", prompt, "[]", "half an ans", "", "streaming", 3, 3))
        size_before = len(conn.execute("SELECT output_items FROM nodes WHERE id = 'n1'").fetchone()[0])
    finally:
        conn.close()

    store = Store(path)
    try:
        nodes = {n.id: n for n in store.load_nodes("c1")}
        assert nodes["n1"].output_items == items  # nothing lost
        assert nodes["n1"].output_text == answer and nodes["n1"].reasoning_text == summary
        assert nodes["n2"].output_items == [{"type": "message", "content": "not a list"}]
        stored = store._conn.execute("SELECT output_items FROM nodes WHERE id = 'n1'").fetchone()[0]
        assert "apples ripen" not in stored and "苹果" not in stored and len(stored) < size_before / 4
        for query, expected in [
            ("ripen", {"n1"}),
            ("사과", {"n1"}),
            ("배", {"n1"}),
            ("字", {"n2"}),
            ("梨", {"n2"}),
            ("과수", {None}),
            ("orchard", {None}),
            ("ans", set()),  # the streaming node is indexed when it finishes
        ]:
            assert {h.node_id for h in search(store, query)} == expected, query
        store._conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
        node = nodes["n1"]
        node.output_text += " More."
        node.output_items[1]["content"][0]["text"] += " More."
        store.update_node(node)
        assert store.load_nodes("c1")[0].output_items == node.output_items
    finally:
        store.close()


def test_upgrade_applies_the_migrations_and_shrinks_the_file_when_they_freed_much(tmp_path: Path) -> None:
    import json

    from desktop_chat.core.conversation.store import needs_upgrade, upgrade

    path = tmp_path / "old.sqlite3"
    conn = raw(path)
    try:
        apply_migrations(conn, upto=BEFORE_6)  # 0006 and 0007 are what free the space
        conn.execute(
            "INSERT INTO conversations (id, title, selected_node_id, params_override, created_at, updated_at)"
            " VALUES ('c1', 'Long answers', NULL, '{}', 1.0, 2.0)"
        )
        for number in range(200):
            answer = f"answer {number} " + "x" * 8000
            items = [
                {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": answer}]}
            ]
            conn.execute(
                "INSERT INTO nodes (id, conversation_id, parent_id, input_items, output_items, output_text,"
                " reasoning_text, model, params, status, context_mode, created_at, updated_at)"
                " VALUES (?, 'c1', NULL, '[]', ?, ?, '', '', '{}', 'completed', 'chain', ?, ?)",
                (f"n{number}", json.dumps(items), answer, number, number),
            )
    finally:
        conn.close()
    before = path.stat().st_size
    assert needs_upgrade(path)
    assert upgrade(path, free_bytes=0)
    assert not needs_upgrade(path) and path.stat().st_size < before * 0.8
    store = Store(path)
    try:
        assert len(store.load_nodes("c1")) == 200
        assert store.load_nodes("c1")[5].output_items[0]["content"][0]["text"].startswith("answer 5 x")
    finally:
        store.close()


def everything(conn: sqlite3.Connection) -> tuple[list[Any], list[Node]]:
    """Every conversation row and every node as the store reads it (long prompt texts joined)."""
    from desktop_chat.core.conversation import long_texts
    from desktop_chat.core.conversation.rows import CONVERSATION_COLUMNS, NODE_FIELDS, node_of

    conversations = conn.execute(f"SELECT {CONVERSATION_COLUMNS} FROM conversations ORDER BY id").fetchall()
    present = {row[1] for row in conn.execute("PRAGMA table_info(nodes)")}
    fields = [name for name in NODE_FIELDS if name in present]  # (the later columns come last)
    missing = (None,) * (len(NODE_FIELDS) - len(fields))
    rows = conn.execute(f"SELECT {', '.join(fields)} FROM nodes ORDER BY id")
    nodes = [node_of((*row, *missing)) for row in rows]
    texts = dict(conn.execute("SELECT id, text FROM node_texts").fetchall())
    for node in nodes:
        node.input_items = long_texts.join(node.input_items, texts)
    return conversations, nodes


def insert_before_8(conn: sqlite3.Connection, nodes: list[Node]) -> None:
    """Insert nodes as the app wrote them before migration 0008 (no `background` column)."""
    from desktop_chat.core.conversation import long_texts
    from desktop_chat.core.conversation.rows import NODE_FIELDS, node_values

    fields = NODE_FIELDS[: NODE_FIELDS.index("background")]
    rows, apart = [], []
    for node in nodes:
        items, texts = long_texts.split(node.input_items)
        apart += [(ref, node.id, text) for ref, text in texts]
        rows.append(node_values(node, items)[: len(fields)])
    conn.executemany(f"INSERT INTO nodes ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})", rows)
    if apart:
        conn.executemany("INSERT INTO node_texts (id, node_id, text) VALUES (?, ?, ?)", apart)


INDEX_BYTES = "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'"


def test_migration_7_shrinks_the_search_index_and_keeps_every_text(tmp_path: Path) -> None:
    import random

    from desktop_chat.core.conversation.search import search
    from desktop_chat.core.conversation.store import upgrade

    rng = random.Random(7)
    words = ["tree", "branch", "root", "나무", "사과", "树木", "苹果", "りんご", "C#", "x", "é", "😀"]
    path = tmp_path / "v6.sqlite3"
    conn = raw(path)
    try:
        apply_migrations(conn, upto=6)
        for number in range(60):
            conv = Conversation(" ".join(rng.choices(words, k=3)), created_at=number, updated_at=number)
            conn.execute(
                "INSERT INTO conversations (id, title, selected_node_id, params_override, created_at, "
                "updated_at) VALUES (?, ?, NULL, '{}', ?, ?)",
                (conv.id, conv.title, conv.created_at, conv.updated_at),
            )
            nodes, parent = [], None
            for turn in range(4):
                answer = " ".join(rng.choices(words, k=rng.randint(0, 400)))
                long = turn == 3 and number % 10 == 0  # a prompt kept apart (long_texts.py)
                summary = {"type": "summary_text", "text": "why"}
                text = {"type": "output_text", "text": answer}
                parent = Node(
                    conv.id,
                    parent.id if parent else None,
                    [user_message(" ".join(rng.choices(words, k=9000 if long else 9)))],
                    output_items=[
                        {"type": "reasoning", "id": "rs", "summary": [summary]},
                        {"type": "message", "role": "assistant", "content": [text]},
                    ],
                    output_text=answer,
                    reasoning_text="why",
                    status=NodeStatus.STREAMING if turn == 3 and number % 7 == 0 else NodeStatus.COMPLETED,
                    created_at=number + turn / 10,
                )
                nodes.append(parent)
            conn.execute("BEGIN")
            insert_before_8(conn, nodes)  # as the app at schema 6 wrote them
            conn.execute("COMMIT")
        before = everything(conn)
        assert conn.execute("SELECT count(*) FROM node_texts").fetchone()[0] > 0  # long prompts kept apart
        index_before = conn.execute(INDEX_BYTES).fetchone()
    finally:
        conn.close()
    size_before = path.stat().st_size
    reported: list[tuple[int, int]] = []

    assert upgrade(path, free_bytes=0, progress=lambda done, total: reported.append((done, total)))

    conn = raw(path)
    try:
        assert everything(conn) == before  # not one text lost or changed
        index_after = conn.execute(INDEX_BYTES).fetchone()
        assert index_after[0] < index_before[0] / 2
    finally:
        conn.close()
    assert path.stat().st_size < size_before
    assert reported[0] == (0, 300) and reported[-1] == (300, 300)  # 60 titles and 240 turns
    store = Store(path)
    try:
        store._conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
        _, nodes = before
        for query in ["branch", "사과", "x", "C#", "É", "树", "😀", "나무 root"]:
            expected = {
                n.id
                for n in nodes
                if n.status != NodeStatus.STREAMING
                and all(t.lower() in f"{n.user_text[:8000]}\n{n.output_text}".lower() for t in query.split())
            }
            got = {h.node_id for h in search(store, query, limit=10_000) if h.node_id}
            assert got == expected, query
    finally:
        store.close()


def test_migration_8_keeps_background_answers_running_and_old_streams_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "v7.sqlite3"
    conn = raw(path)
    try:
        apply_migrations(conn, upto=7)  # the schema before it
        conn.execute(
            "INSERT INTO conversations (id, title, selected_node_id, params_override, created_at, updated_at)"
            " VALUES ('c1', 'Old', NULL, '{}', 1.0, 2.0)"
        )
        conn.execute(
            "INSERT INTO nodes (id, conversation_id, parent_id, input_items, output_items, output_text,"
            " reasoning_text, model, params, status, context_mode, created_at, updated_at)"
            " VALUES ('n1', 'c1', NULL, '[]', '[]', 'half', '', '', '{}', 'streaming', 'chain', 1, 1)"
        )
    finally:
        conn.close()
    store = Store(path)
    try:
        assert store.mark_streaming_interrupted() == 1  # an old streaming answer was cut off
        old = store.load_nodes("c1")[0]
        assert old.status is NodeStatus.INTERRUPTED and old.background is None
        node = Node("c1", "n1", [user_message("Think long")], response_id="resp_1")
        node.background = BackgroundRun("in_progress", 41)
        store.insert_node(node)
        node.output_text, node.background.after = "A longer half", 57
        store.update_node(node)
        assert store.mark_streaming_interrupted() == 0  # a background answer runs on without the app
        loaded = {n.id: n for n in store.load_nodes("c1")}[node.id]
        assert loaded.running_in_background and loaded.background == BackgroundRun("in_progress", 57)
        assert loaded.output_text == "A longer half"
    finally:
        store.close()
    conn = raw(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()


def test_0009_keeps_failed_turns_and_stores_the_kind_of_new_failures(tmp_path: Path) -> None:
    path = tmp_path / "v8.sqlite3"
    conn = raw(path)
    try:
        apply_migrations(conn, upto=8)
        conn.execute(
            "INSERT INTO conversations (id, title, selected_node_id, params_override, created_at, updated_at)"
            " VALUES ('c1', 't', NULL, '{}', 1.0, 2.0)"
        )
        conn.execute(
            "INSERT INTO nodes (id, conversation_id, parent_id, input_items, output_items, output_text,"
            " reasoning_text, response_id, previous_response_id, model, params, usage, status, error,"
            " notice, context_mode, created_at, updated_at) VALUES ('n1', 'c1', NULL, '[]', '[]', '', '',"
            " NULL, NULL, 'm', '{}', NULL, 'failed', 'Rate limit or quota reached.', NULL, 'chain', 1.5, 1.6)"
        )
        assert apply_migrations(conn) == ["0009_error_kind"]
    finally:
        conn.close()
    store = Store(path)
    try:
        old = store.load_nodes("c1")[0]
        assert (old.status, old.error, old.error_kind) == (
            NodeStatus.FAILED,
            "Rate limit or quota reached.",
            None,
        )
        old.error_kind = "rate_limited"
        store.update_node(old)
        fresh = Node(
            "c1", "n1", [user_message("again")], status=NodeStatus.FAILED, error="x", error_kind="server"
        )
        store.insert_node(fresh)
    finally:
        store.close()
    store = Store(path)
    try:
        kinds = {node.id: node.error_kind for node in store.load_nodes("c1")}
        assert kinds == {"n1": "rate_limited", fresh.id: "server"}
    finally:
        store.close()
