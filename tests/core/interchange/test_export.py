"""The app's JSON export re-imports losslessly; Markdown of a branch and of a whole tree."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_chat.core.conversation.model import (
    ChatParams,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    Usage,
    user_message,
)
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.interchange.export import (
    FORMAT_VERSION,
    ImportFailed,
    dump_json,
    export_json,
    import_app_export,
)
from desktop_chat.core.interchange.markdown_export import (
    export_markdown,
    markdown_for_path,
    markdown_for_tree,
)
from tests.json_damage import json_values, slots

IMAGE = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAA"
    "ABJRU5ErkJggg=="
)


def node(conv: Conversation, parent: Node | None, prompt: str, answer: str, t: float, **changes: Any) -> Node:
    n = Node(
        conversation_id=conv.id,
        parent_id=parent.id if parent else None,
        input_items=[user_message(prompt)],
        output_text=answer,
        response_id=f"resp_{int(t)}",
        previous_response_id=parent.response_id if parent else None,
        model="gpt-4.1-mini",
        params=ChatParams(temperature=0.7).to_json(),
        usage=Usage(input_tokens=12, cached_tokens=2, output_tokens=34, reasoning_tokens=1, total_tokens=46),
        status=NodeStatus.COMPLETED,
        created_at=1_700_000_000.0 + t + 0.123456789,
        updated_at=1_700_000_000.0 + t + 0.5,
    )
    for name, value in changes.items():
        setattr(n, name, value)
    return n


def build(store: Store) -> tuple[Conversation, dict[str, Node]]:
    """root -> (a, b: a regeneration with other parameters); a -> a1 (with an image), a2 (stopped)."""
    conv = Conversation(
        "나무 구조 · 树 🌳",
        selected_node_id=None,
        params_override={"temperature": 0.3, "instructions": "짧게"},
    )
    conv.created_at, conv.updated_at = 1_700_000_000.0, 1_700_000_100.25
    store.save_conversation(conv)
    root = node(conv, None, "What is a tree?", "A graph without cycles.", 1)
    a = node(conv, root, "Show one", "```\nA\n├─ B\n```", 2, reasoning_text="생각: draw it")
    b = node(
        conv,
        root,
        "Show one",
        "Here: A → B",
        3,
        model="gpt-4o",
        params=ChatParams(model="gpt-4o", top_p=0.5, max_output_tokens=256).to_json(),
        context_mode=ContextMode.REPLAY,
        notice="The server had lost this branch; the history was resent.",
    )
    image_prompt = user_message('이 그림은? "quotes" \\ \u2028 \x00')
    image_prompt["content"].append({"type": "input_image", "image_url": IMAGE, "detail": "low"})
    a1 = node(conv, a, "", "A small red square.", 4, input_items=[image_prompt])
    a1.output_items = [
        {
            "type": "message",
            "role": "assistant",
            "content": [{"type": "output_text", "text": "A small red square."}],
        }
    ]
    a2 = node(
        conv,
        a,
        "Longer",
        "Partial answ",
        5,
        status=NodeStatus.STOPPED,
        usage=None,
        response_id=None,
        error="Stopped",
    )
    nodes = {"root": root, "a": a, "b": b, "a1": a1, "a2": a2}
    for n in nodes.values():
        store.insert_node(n)
    conv.selected_node_id = a1.id
    store.save_conversation(conv)
    other = Conversation("Second", created_at=1_700_000_200.0, updated_at=1_700_000_300.0)
    store.save_conversation(other)
    store.insert_node(node(other, None, "hello", "hi", 200))
    return conv, nodes


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "source.sqlite3")
    yield s
    s.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "target.sqlite3")
    yield s
    s.close()


def snapshot(store: Store) -> list[tuple[Conversation, list[Node]]]:
    return [(c, store.load_nodes(c.id)) for c in store.list_conversations()]


def test_export_then_import_gives_the_same_store(store: Store, target: Store, tmp_path: Path) -> None:
    build(store)
    path = tmp_path / "export.json"
    path.write_text(dump_json(export_json(store)), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "desktop_chat.export" and data["version"] == FORMAT_VERSION
    summary = import_app_export(target, data)
    assert (summary.conversations, summary.nodes, summary.images_kept) == (2, 6, 1)
    assert snapshot(target) == snapshot(store)
    # and a second export of the imported store is the same document
    again = export_json(target)
    assert again["conversations"] == data["conversations"]


def test_export_keeps_tree_ids_parameters_usage_and_images(store: Store) -> None:
    conv, nodes = build(store)
    [exported] = [c for c in export_json(store)["conversations"] if c["id"] == conv.id]
    by_id = {n["id"]: n for n in exported["nodes"]}
    b = by_id[nodes["b"].id]
    assert b["parent_id"] == nodes["root"].id and b["response_id"] == "resp_3"
    assert b["previous_response_id"] == "resp_1" and b["context_mode"] == "replay"
    assert b["params"] == {
        "model": "gpt-4o",
        "temperature": None,
        "top_p": 0.5,
        "max_output_tokens": 256,
        "instructions": "",
    }
    assert by_id[nodes["root"].id]["usage"] == {
        "input_tokens": 12,
        "cached_tokens": 2,
        "output_tokens": 34,
        "reasoning_tokens": 1,
        "total_tokens": 46,
    }
    assert by_id[nodes["a1"].id]["input_items"][0]["content"][1]["image_url"] == IMAGE
    assert exported["selected_node_id"] == nodes["a1"].id
    assert exported["params_override"] == {"temperature": 0.3, "instructions": "짧게"}


def test_importing_twice_adds_nothing_and_clashing_node_ids_get_new_ones(store: Store, target: Store) -> None:
    conv, nodes = build(store)
    data = export_json(store)
    import_app_export(target, data)
    again = import_app_export(target, data)
    assert again.conversations == 0 and again.already_present == 2
    # the same nodes under another conversation id: imported as a copy with fresh node ids
    data["conversations"][0]["id"] = "copy"
    copied = import_app_export(target, data)
    assert copied.conversations == 1
    copy = target.get_conversation("copy")
    assert copy is not None
    fresh = ConversationTree("copy", target.load_nodes("copy"))
    assert len(fresh) == len(nodes)
    assert not {n.id for n in fresh.nodes()} & {n.id for n in target.load_nodes(conv.id)}
    assert copy.selected_node_id in fresh
    assert [n.user_text for n in fresh.path_to(copy.selected_node_id)] == [
        "What is a tree?",
        "Show one",
        '이 그림은? "quotes" \\ \u2028 \x00',
    ]


def test_a_node_exported_while_streaming_imports_as_interrupted(store: Store, target: Store) -> None:
    conv = Conversation("live")
    store.save_conversation(conv)
    store.insert_node(node(conv, None, "go", "half", 1, status=NodeStatus.STREAMING))
    import_app_export(target, export_json(store))
    [imported] = target.load_nodes(conv.id)
    assert imported.status is NodeStatus.INTERRUPTED and imported.output_text == "half"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=FORMAT_VERSION + 1), "written by a newer desktop_chat"),
        (lambda d: d.pop("format"), "not a desktop_chat export"),
        (lambda d: d.update(conversations={}), "no list of conversations"),
        (
            lambda d: d["conversations"][1]["nodes"][0].update(status="bogus"),
            "conversation 2, node 1: 'bogus'",
        ),
        (lambda d: d["conversations"][1]["nodes"][0].pop("created_at"), '"created_at" must be a number'),
        (lambda d: d["conversations"][1].update(title=None), 'conversation 2: "title" must be text'),
        (
            lambda d: d["conversations"][0]["nodes"][1].update(id=d["conversations"][0]["nodes"][0]["id"]),
            "appears twice",
        ),
        (lambda d: d["conversations"][1]["nodes"][0].update(usage={"input_tokens": "5"}), "token counts"),
    ],
)
def test_a_bad_export_says_where_and_imports_nothing(
    store: Store, target: Store, change: Any, message: str
) -> None:
    build(store)
    data = export_json(store)
    change(data)
    with pytest.raises(ImportFailed, match=message):
        import_app_export(target, data)
    assert target.list_conversations() == []


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.integers(min_value=0), st.booleans(), json_values(max_size=3, max_leaves=8, nan=True))
def test_a_damaged_export_is_refused_whole_or_imported_whole(
    store: Store, index: int, delete: bool, value: Any
) -> None:
    if not store.list_conversations():
        build(store)
    data = export_json(store)
    places = slots(data)
    container, key = places[index % len(places)]
    if delete and isinstance(container, dict):
        del container[key]
    else:
        container[key] = value
    fresh = Store(Path(":memory:"))
    try:
        try:
            summary = import_app_export(fresh, data)
        except ImportFailed:
            assert fresh.list_conversations() == []
            return
        assert len(fresh.list_conversations()) == summary.conversations
        assert sum(len(fresh.load_nodes(c.id)) for c in fresh.list_conversations()) == summary.nodes
        dump_json(export_json(fresh))  # what was imported exports again
    finally:
        fresh.close()


# -- Markdown ---------------------------------------------------------------------------------------------
def test_markdown_of_a_branch_is_the_path_in_order(store: Store) -> None:
    conv, nodes = build(store)
    tree = ConversationTree(conv.id, store.load_nodes(conv.id))
    text = markdown_for_path(conv, tree.path_to(nodes["a1"].id))
    assert text.startswith("# 나무 구조 · 树 🌳\n\n## Turn 1\n\n**You**\n\nWhat is a tree?\n\n")
    assert text.index("## Turn 2") < text.index("> 생각: draw it") < text.index("## Turn 3")
    assert "*[image: image/png, 1 KB]*" in text
    assert "**Assistant** — *gpt-4.1-mini · temperature 0.7 · 12 in / 34 out tokens · " in text
    assert "Here: A → B" not in text and "Partial answ" not in text  # other branches are not on the path


def test_markdown_of_a_whole_tree_numbers_its_branches(store: Store) -> None:
    conv, _ = build(store)
    text = markdown_for_tree(conv, store.load_nodes(conv.id))
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Turn 1",
        "## Turn 2 (branch 1)",
        "## Turn 3 (branch 1.1)",
        "## Turn 3 (branch 1.2) — continues from Turn 2 (branch 1)",
        "## Turn 2 (branch 2) — continues from Turn 1",
    ]
    assert "Partial answ\n\n> Stopped" in text and "stopped" in text
    assert "> The server had lost this branch" in text
    everything = export_markdown(store)
    assert everything.count("\n---\n") == 1 and "# Second" in everything


def test_markdown_of_a_very_deep_tree(store: Store) -> None:
    conv = Conversation("deep")
    parent: Node | None = None
    nodes = []
    for i in range(3000):
        parent = node(conv, parent, f"q{i}", f"a{i}", i)
        nodes.append(parent)
    text = markdown_for_tree(conv, nodes)
    assert "## Turn 3000\n" in text


# -- attachments stored by reference (<data_dir>/attachments) ---------------------------------------------
def test_attachment_bytes_travel_with_the_export(store: Store, target: Store, tmp_path: Path) -> None:
    from desktop_chat.core.content.attachments import AttachmentStore

    source_files = AttachmentStore(tmp_path / "src-attachments")
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    attachment = source_files.add(png, "image/png", "leaf.png", width=1, height=1)
    gone = AttachmentStore(tmp_path / "elsewhere").add(b"%PDF-1.4 ... %%EOF", "application/pdf", "gone.pdf")
    conv = Conversation("With files")
    store.save_conversation(conv)
    prompt = user_message("see attached")
    prompt["content"] += [attachment.to_part(), gone.to_part()]
    store.insert_node(node(conv, None, "", "ok", 1, input_items=[prompt]))

    data = json.loads(dump_json(export_json(store, attachments_root=source_files.root)))
    assert list(data["attachments"]) == [attachment.sha256]
    assert data["missing_attachments"] == [gone.sha256]
    target_root = tmp_path / "target-attachments"
    import_app_export(target, data, attachments_root=target_root)
    assert snapshot(target) == snapshot(store)  # the references are kept as they were
    found = AttachmentStore(target_root).find(attachment.sha256)
    assert found is not None and found.read_bytes() == png

    data["attachments"][attachment.sha256]["data"] = "iVBORw0KGgo="  # other bytes under the same hash
    fresh = Store(Path(":memory:"))
    try:
        with pytest.raises(ImportFailed, match="damaged"):
            import_app_export(fresh, data, attachments_root=tmp_path / "third")
        assert fresh.list_conversations() == [] and not (tmp_path / "third").exists()
    finally:
        fresh.close()
