"""The SQLite store: round trips, ordering, crash safety, damaged files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_chat.core.conversation.model import (
    ChatParams,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    Usage,
    user_message,
)
from desktop_chat.core.conversation.store import (
    Store,
    StoreCorruptError,
    StoreError,
    check_marker,
    open_store,
    quick_check_file,
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "chats.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store(db_path)
    yield s
    s.close()


def full_node(conv: Conversation, parent: Node | None = None, **changes: object) -> Node:
    """A node with every field set to something unusual."""
    node = Node(
        conversation_id=conv.id,
        parent_id=parent.id if parent else None,
        input_items=[
            user_message('안녕하세요! 你好, 世界 🌏🚀 "quotes" \\ back\nslash\u2028'),
            {"type": "input_image", "image_url": "data:image/png;base64,iVBORw0KGgo=", "detail": "low"},
        ],
        output_items=[
            {
                "type": "message",
                "role": "assistant",
                "content": [{"type": "output_text", "text": "答え: ✅", "annotations": [{"n": 1.5}]}],
            }
        ],
        output_text="답변입니다 — 😀\x00nul and ünïcödé",
        reasoning_text="思考中…",
        response_id="resp_abc",
        previous_response_id="resp_prev",
        model="gpt-4.1-mini",
        params=ChatParams(
            temperature=0.25, top_p=None, max_output_tokens=512, instructions="하세요"
        ).to_json(),
        usage=Usage(input_tokens=11, cached_tokens=3, output_tokens=7, reasoning_tokens=2, total_tokens=18),
        status=NodeStatus.COMPLETED,
        error="서버 오류",
        notice="The server had lost this branch; the history was resent.",
        context_mode=ContextMode.REPLAY,
        created_at=1_700_000_000.123456,
        updated_at=1_700_000_001.654321,
    )
    for name, value in changes.items():
        setattr(node, name, value)
    return node


def saved_conversation(store: Store, **kwargs: object) -> Conversation:
    conv = Conversation(**kwargs)  # type: ignore[arg-type]
    store.save_conversation(conv)
    return conv


def test_every_node_field_round_trips_exactly(store: Store, db_path: Path) -> None:
    conv = saved_conversation(store, title="한국어 제목 🎉")
    node = full_node(conv)
    store.insert_node(node)
    assert store.load_nodes(conv.id) == [node]
    store.close()
    again = Store(db_path)
    try:
        [loaded] = again.load_nodes(conv.id)
        assert loaded == node
        assert isinstance(loaded.status, NodeStatus) and isinstance(loaded.context_mode, ContextMode)
        assert isinstance(loaded.usage, Usage)
    finally:
        again.close()


def test_node_without_usage_or_optional_fields_round_trips(store: Store) -> None:
    conv = saved_conversation(store)
    node = Node(conversation_id=conv.id, parent_id=None, input_items=[user_message("hi")])
    store.insert_node(node)
    assert store.load_nodes(conv.id) == [node]
    assert store.load_nodes(conv.id)[0].usage is None


def test_update_node_writes_all_answer_fields_and_never_the_prompt(store: Store) -> None:
    conv = saved_conversation(store)
    node = Node(conversation_id=conv.id, parent_id=None, input_items=[user_message("q")])
    store.insert_node(node)
    changed = full_node(conv, id=node.id, created_at=node.created_at)
    store.update_node(changed)
    # the prompt and the parameters were written once, at insert (a save writes what can change)
    expected = full_node(
        conv, id=node.id, created_at=node.created_at, input_items=node.input_items, params={}
    )
    assert store.load_nodes(conv.id) == [expected]


def test_nodes_load_oldest_first_and_only_their_conversation(store: Store) -> None:
    a = saved_conversation(store)
    b = saved_conversation(store)
    root = Node(conversation_id=a.id, parent_id=None, input_items=[user_message("1")], created_at=10.0)
    late = Node(conversation_id=a.id, parent_id=root.id, input_items=[user_message("3")], created_at=30.0)
    mid = Node(conversation_id=a.id, parent_id=root.id, input_items=[user_message("2")], created_at=20.0)
    other = Node(conversation_id=b.id, parent_id=None, input_items=[user_message("x")], created_at=15.0)
    for node in (root, late, mid, other):
        store.insert_node(node)
    assert [n.user_text for n in store.load_nodes(a.id)] == ["1", "2", "3"]
    assert [n.user_text for n in store.load_nodes(b.id)] == ["x"]
    assert store.load_nodes("missing") == []


@pytest.mark.parametrize(
    ("stored", "loaded"),
    [
        (
            '[{"type":"message","role":"user","content":"hi"}]',
            [{"type": "message", "role": "user", "content": "hi"}],
        ),
        (
            ' [ {"type": "message", "role": "user", "content": "hi"} ] ',
            [{"type": "message", "role": "user", "content": "hi"}],
        ),
        ("[]", []),
        ('["a\\u00e9\\n"]', ["a\u00e9\n"]),
    ],
)
def test_json_columns_read_as_json_loads_reads_them(store: Store, stored: str, loaded: object) -> None:
    conv = saved_conversation(store)
    node = Node(conversation_id=conv.id, parent_id=None, input_items=[user_message("x")])
    store.insert_node(node)
    store._conn.execute("UPDATE nodes SET input_items = ? WHERE id = ?", (stored, node.id))
    assert store.load_nodes(conv.id)[0].input_items == loaded


@pytest.mark.parametrize("stored", ["[1] trailing", "{not json", "", "[1,]"])
def test_a_damaged_json_column_fails_the_load_as_before(store: Store, stored: str) -> None:
    conv = saved_conversation(store)
    node = Node(conversation_id=conv.id, parent_id=None, input_items=[user_message("x")])
    store.insert_node(node)
    store._conn.execute("UPDATE nodes SET input_items = ? WHERE id = ?", (stored, node.id))
    with pytest.raises(ValueError):
        store.load_nodes(conv.id)


def test_conversations_list_most_recently_updated_first(store: Store) -> None:
    old = saved_conversation(store, title="old", updated_at=100.0)
    new = saved_conversation(store, title="new", updated_at=200.0)
    assert [c.title for c in store.list_conversations()] == ["new", "old"]
    # a new node in the old conversation moves it to the top
    store.insert_node(
        Node(conversation_id=old.id, parent_id=None, input_items=[user_message("q")], updated_at=300.0)
    )
    assert [c.id for c in store.list_conversations()] == [old.id, new.id]
    loaded = store.get_conversation(old.id)
    assert loaded is not None and loaded.updated_at == 300.0


def test_save_conversation_updates_fields_and_round_trips(store: Store) -> None:
    conv = saved_conversation(store, title="first", created_at=5.0, updated_at=6.0)
    conv.title = "다시 — renamed 🙂"
    conv.selected_node_id = "node-1"
    conv.params_override = {"temperature": 0.5, "instructions": "简体中文"}
    conv.updated_at = 7.0
    store.save_conversation(conv)
    assert store.get_conversation(conv.id) == conv
    assert store.list_conversations() == [conv]
    assert store.get_conversation("nope") is None


def test_delete_conversation_removes_its_nodes_only(store: Store) -> None:
    a = saved_conversation(store)
    b = saved_conversation(store)
    store.insert_node(Node(conversation_id=a.id, parent_id=None, input_items=[user_message("a")]))
    store.insert_node(Node(conversation_id=b.id, parent_id=None, input_items=[user_message("b")]))
    store.delete_conversation(a.id)
    assert store.get_conversation(a.id) is None
    assert store.load_nodes(a.id) == []
    assert [c.id for c in store.list_conversations()] == [b.id]
    assert len(store.load_nodes(b.id)) == 1


def test_node_of_unsaved_conversation_is_refused_with_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="Could not save"):
        store.insert_node(Node(conversation_id="ghost", parent_id=None, input_items=[user_message("q")]))
    assert store.list_conversations() == []


def test_mark_streaming_interrupted_keeps_the_partial_text(store: Store) -> None:
    conv = saved_conversation(store)
    streaming = Node(conversation_id=conv.id, parent_id=None, input_items=[], output_text="half an ans")
    done = full_node(conv)
    store.insert_node(streaming)
    store.insert_node(done)
    assert store.mark_streaming_interrupted() == 1
    by_id = {n.id: n for n in store.load_nodes(conv.id)}
    assert by_id[streaming.id].status is NodeStatus.INTERRUPTED
    assert by_id[streaming.id].output_text == "half an ans"
    assert by_id[done.id].status is NodeStatus.COMPLETED
    assert store.mark_streaming_interrupted() == 0


def test_settings_are_json_values(store: Store, db_path: Path) -> None:
    assert store.get_setting("missing") is None
    assert store.get_setting("missing", {"d": 1}) == {"d": 1}
    store.set_setting("params", {"model": "gpt-4o", "temperature": 0.7, "instructions": "한국어로"})
    store.set_setting("flag", True)
    store.set_setting("flag", False)
    store.close()
    again = Store(db_path)
    try:
        assert again.get_setting("params") == {
            "model": "gpt-4o",
            "temperature": 0.7,
            "instructions": "한국어로",
        }
        assert again.get_setting("flag") is False
    finally:
        again.close()


def test_wal_mode_foreign_keys_and_integrity(store: Store, db_path: Path) -> None:
    assert store.integrity_ok()
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_failed_write_rolls_back_and_the_store_stays_usable(store: Store) -> None:
    conv = saved_conversation(store)
    node = Node(conversation_id=conv.id, parent_id=None, input_items=[user_message("q")])
    store.insert_node(node)
    with pytest.raises(StoreError):
        store.insert_node(node)  # duplicate id
    assert not store._conn.in_transaction
    store.set_setting("after", 1)
    assert store.get_setting("after") == 1
    assert len(store.load_nodes(conv.id)) == 1


KILL_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop_chat.core.conversation.model import Conversation, Node, user_message
    from desktop_chat.core.conversation.store import Store

    store = Store(Path(sys.argv[1]))
    conv = Conversation()
    store.save_conversation(conv)
    count = 0
    while True:
        node = Node(conversation_id=conv.id, parent_id=None, input_items=[user_message(f"q{count}")])
        store.insert_node(node)
        node.output_text = "답변 " * 200
        store.update_node(node)
        count += 1
        print(count, flush=True)
    """
)


def test_sigkill_while_writing_leaves_a_sound_database(db_path: Path) -> None:
    wanted = 200
    with subprocess.Popen(
        [sys.executable, "-c", KILL_WRITER, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None
        reported = 0
        while reported < wanted:
            line = proc.stdout.readline()
            assert line, f"the writer stopped early: {proc.stderr.read() if proc.stderr else ''}"
            reported = int(line)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
    store = Store(db_path)
    try:
        assert store.integrity_ok()
        [conv] = store.list_conversations()
        nodes = store.load_nodes(conv.id)
        assert len(nodes) >= reported
        assert all(n.output_text == "답변 " * 200 for n in nodes[:reported])
    finally:
        store.close()


# -- damaged files ----------------------------------------------------------------------------------
def make_real_db(path: Path) -> None:
    store = Store(path)
    conv = saved_conversation(store)
    for i in range(200):
        store.insert_node(
            Node(conversation_id=conv.id, parent_id=None, input_items=[user_message(f"{i}" * 500)])
        )
    store.close()


def assert_moved_aside_and_fresh(db_path: Path, original: bytes) -> None:
    store, notice = open_store(db_path)
    try:
        assert notice is not None and "damaged" in notice
        copies = [p for p in db_path.parent.iterdir() if p.name.startswith(f"{db_path.name}.corrupt-")]
        main_copy = [p for p in copies if not p.name.endswith(("-wal", "-shm"))]
        assert len(main_copy) == 1
        assert str(main_copy[0]) in notice
        assert main_copy[0].read_bytes() == original  # the damaged file is kept as it was
        assert store.list_conversations() == []
        conv = saved_conversation(store, title="fresh")
        assert [c.title for c in store.list_conversations()] == [conv.title]
        assert store.integrity_ok()
    finally:
        store.close()


def test_random_bytes_are_moved_aside(db_path: Path) -> None:
    original = b"not a database at all " + os.urandom(8192)
    db_path.write_bytes(original)
    with pytest.raises(StoreCorruptError) as info:
        Store(db_path)
    assert str(db_path) in info.value.user_message
    assert_moved_aside_and_fresh(db_path, original)


@pytest.mark.parametrize("keep", [0.5, 0.05])
def test_truncated_database_is_moved_aside(db_path: Path, keep: float) -> None:
    make_real_db(db_path)
    data = db_path.read_bytes()
    truncated = data[: int(len(data) * keep)]
    db_path.write_bytes(truncated)
    assert_moved_aside_and_fresh(db_path, truncated)


def test_a_garbled_page_found_by_the_integrity_check_is_moved_aside(db_path: Path) -> None:
    make_real_db(db_path)
    data = bytearray(db_path.read_bytes())
    page = 4096
    middle = len(data) // page // 2 * page
    data[middle : middle + page] = b"\xa5" * page  # the schema still reads; a node page does not
    db_path.write_bytes(bytes(data))
    assert_moved_aside_and_fresh(db_path, bytes(data))


def test_a_healthy_database_opens_without_a_notice(db_path: Path) -> None:
    make_real_db(db_path)
    store, notice = open_store(db_path)
    try:
        assert notice is None
        assert len(store.load_nodes(store.list_conversations()[0].id)) == 200
    finally:
        store.close()
    assert not [p for p in db_path.parent.iterdir() if ".corrupt-" in p.name]


def test_unopenable_path_is_a_store_error(tmp_path: Path) -> None:
    folder = tmp_path / "a-directory.sqlite3"
    folder.mkdir()
    with pytest.raises(StoreError) as info:
        open_store(folder)
    assert not isinstance(info.value, StoreCorruptError)
    assert str(folder) in info.value.user_message


# -- where the file lives ---------------------------------------------------------------------------
def test_data_dir_override_then_env_then_platform_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    from desktop_chat.core.config.paths import data_dir, database_path

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "platform" / a[0]))
    monkeypatch.delenv("DESKTOP_CHAT_DATA_DIR", raising=False)
    assert data_dir() == tmp_path / "platform" / "desktop-chat"
    monkeypatch.setenv("DESKTOP_CHAT_DATA_DIR", str(tmp_path / "from-env"))
    assert data_dir() == tmp_path / "from-env"
    explicit = data_dir(tmp_path / "explicit" / "nested")
    assert explicit == tmp_path / "explicit" / "nested"
    for folder in ("platform/desktop-chat", "from-env", "explicit/nested"):
        assert (tmp_path / folder).is_dir()
    assert database_path(explicit) == explicit / "chats.sqlite3"


def test_without_the_full_check_a_garbled_page_is_found_later_and_set_aside_at_the_next_start(
    db_path: Path,
) -> None:
    make_real_db(db_path)
    data = bytearray(db_path.read_bytes())
    page = 4096
    middle = len(data) // page // 2 * page
    data[middle : middle + page] = b"\xa5" * page
    db_path.write_bytes(bytes(data))
    store, notice = open_store(db_path, full_check=False)  # start-up: no whole-file check
    store.close()
    assert notice is None
    assert not quick_check_file(db_path)  # the background check finds it and leaves a marker
    assert check_marker(db_path).exists()
    assert_moved_aside_and_fresh(db_path, bytes(data))
    assert not check_marker(db_path).exists()


def test_a_healthy_file_passes_the_background_check(db_path: Path) -> None:
    make_real_db(db_path)
    assert quick_check_file(db_path) and not check_marker(db_path).exists()


@pytest.mark.parametrize("keep", [0.5, 0.05])
def test_a_truncated_file_is_refused_even_without_the_full_check(db_path: Path, keep: float) -> None:
    make_real_db(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(StoreCorruptError):
        Store(db_path, full_check=False)
