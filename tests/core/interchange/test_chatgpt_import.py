"""Importing a ChatGPT data export: every branch kept, what cannot be mapped counted, never half."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.core.conversation.store import Store, StoreError
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.interchange.chatgpt_import import (
    NO_ANSWER_NOTICE,
    import_chatgpt,
    open_source,
    parse_chatgpt_export,
)
from desktop_chat.core.interchange.export import ImportFailed
from tests.json_damage import json_values, slots

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24  # enough for the type to be recognised


class ExportBuilder:
    """Builds one conversation as ChatGPT's conversations.json holds it."""

    def __init__(self, conversation_id: str, title: str | None, create_time: float = 1_700_000_000.0) -> None:
        self.data: dict[str, Any] = {
            "title": title,
            "create_time": create_time,
            "update_time": create_time + 1000,
            "mapping": {},
            "moderation_results": [],
            "current_node": None,
            "plugin_ids": None,
            "conversation_id": conversation_id,
            "conversation_template_id": None,
            "gizmo_id": None,
            "is_archived": False,
            "safe_urls": [],
            "default_model_slug": "gpt-4o",
            "id": conversation_id,
        }
        self.t0 = create_time
        self.node("client-created-root", None, None)

    def node(self, node_id: str, parent: str | None, message: dict[str, Any] | None) -> str:
        self.data["mapping"][node_id] = {"id": node_id, "message": message, "parent": parent, "children": []}
        if parent is not None:
            self.data["mapping"][parent]["children"].append(node_id)
        self.data["current_node"] = node_id
        return node_id

    def msg(
        self,
        node_id: str,
        parent: str,
        role: str,
        content: dict[str, Any],
        t: float | None,
        *,
        model: str = "gpt-4o",
        hidden: bool = False,
        recipient: str = "all",
        name: str | None = None,
    ) -> str:
        metadata: dict[str, Any] = {"model_slug": model} if role == "assistant" else {}
        if hidden:
            metadata["is_visually_hidden_from_conversation"] = True
        message: dict[str, Any] = {
            "id": node_id,
            "author": {"role": role, "name": name, "metadata": {}},
            "create_time": None if t is None else self.t0 + t,
            "update_time": None,
            "content": content,
            "status": "finished_successfully",
            "end_turn": role == "assistant" or None,
            "weight": 1.0,
            "metadata": metadata,
            "recipient": recipient,
            "channel": None,
        }
        return self.node(node_id, parent, message)

    @staticmethod
    def text(*parts: str) -> dict[str, Any]:
        return {"content_type": "text", "parts": list(parts)}

    @staticmethod
    def image(file_id: str, width: int = 640, height: int = 480) -> dict[str, Any]:
        return {
            "content_type": "image_asset_pointer",
            "asset_pointer": f"file-service://{file_id}",
            "size_bytes": 1234,
            "width": width,
            "height": height,
            "fovea": None,
            "metadata": None,
        }


def branching_conversation() -> dict[str, Any]:
    """A regenerated answer, an edited prompt, a reply that runs code, an image, a hidden system message."""
    b = ExportBuilder("conv-trees", "나무 이야기 🌳")
    b.msg("sys", "client-created-root", "system", b.text(""), None, hidden=True)
    b.msg("u1", "sys", "user", b.text("나무는 어떻게 자라나요?"), 100)
    b.msg("a1", "u1", "assistant", b.text("Trees grow from the tips: 나무는 끝에서 자랍니다."), 101)
    b.msg(
        "a1b", "u1", "assistant", b.text("A regenerated answer about growth rings."), 150, model="gpt-4o-mini"
    )
    b.msg("u2", "a1", "user", b.text("Tell me about roots"), 200)
    b.msg("a2", "u2", "assistant", b.text("Roots hold the soil."), 201)
    b.msg("u2b", "a1", "user", b.text("Tell me about leaves 🍃"), 300)  # an edit of u2
    b.msg(
        "th",
        "u2b",
        "assistant",
        {"content_type": "thoughts", "thoughts": [{"summary": "Counting", "content": "Let me count."}]},
        301,
        model="o3",
    )
    b.msg(
        "code",
        "th",
        "assistant",
        {"content_type": "code", "language": "python", "text": "print(6 * 7)"},
        302,
        recipient="python",
        model="o3",
    )
    b.msg("out", "code", "tool", {"content_type": "execution_output", "text": "42"}, 303, name="python")
    b.msg("a3", "out", "assistant", b.text("Leaves make food; and the answer is 42."), 304, model="o3")
    b.msg("recap", "a3", "assistant", {"content_type": "reasoning_recap", "content": "Thought for 3s"}, 305)
    b.msg(
        "u3",
        "recap",
        "user",
        {"content_type": "multimodal_text", "parts": [b.image("file-AbC123"), "What is in this picture?"]},
        400,
    )
    b.msg("a4", "u3", "assistant", b.text("A leaf, seen up close."), 401)
    return b.data


def dalle_conversation() -> dict[str, Any]:
    """Custom instructions (hidden), a tool call that made an image, tool chatter, an unanswered prompt."""
    b = ExportBuilder("conv-cat", None, create_time=1_700_100_000.0)
    b.msg(
        "ctx",
        "client-created-root",
        "user",
        {"content_type": "user_editable_context", "user_profile": "I like cats", "user_instructions": ""},
        None,
        hidden=True,
    )
    b.msg("u1", "ctx", "user", b.text("Draw a cat wearing a hat"), 10)
    b.msg("call", "u1", "assistant", b.text('{"prompt": "a cat in a hat"}'), 11, recipient="dalle.text2im")
    b.msg(
        "img",
        "call",
        "tool",
        {"content_type": "multimodal_text", "parts": [b.image("file-Dalle9", 1024, 1024)]},
        12,
        name="dalle.text2im",
    )
    b.msg("chatter", "img", "tool", b.text("DALL·E displayed 1 image."), 13, name="dalle.text2im")
    b.msg("a1", "chatter", "assistant", b.text("Here is your cat."), 14)
    b.msg("u2", "a1", "user", b.text("Thanks! 谢谢"), 20)  # never answered
    return b.data


def sample_export() -> list[Any]:
    return [branching_conversation(), dalle_conversation(), {"title": "not a conversation"}]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "chats.sqlite3")
    yield s
    s.close()


def tree_of(store: Store, title: str) -> ConversationTree:
    [conv] = [c for c in store.list_conversations() if c.title == title]
    return ConversationTree(conv.id, store.load_nodes(conv.id))


def test_every_branch_becomes_a_turn_with_its_prompt_answer_and_times(store: Store) -> None:
    summary = import_chatgpt(store, sample_export())
    assert summary.conversations == 2 and summary.nodes == 7
    tree = tree_of(store, "나무 이야기 🌳")
    roots = tree.roots()
    # the regenerated answer is a sibling of the first one
    assert [(n.user_text, n.output_text) for n in roots] == [
        ("나무는 어떻게 자라나요?", "Trees grow from the tips: 나무는 끝에서 자랍니다."),
        ("나무는 어떻게 자라나요?", "A regenerated answer about growth rings."),
    ]
    assert [n.model for n in roots] == ["gpt-4o", "gpt-4o-mini"]
    assert roots[0].created_at == pytest.approx(1_700_000_101.0)
    # the edited prompt is a second branch under the first answer
    first = tree.children(roots[0].id)
    assert [n.user_text for n in first] == ["Tell me about roots", "Tell me about leaves 🍃"]
    assert first[0].output_text == "Roots hold the soil."
    leaves = first[1]
    assert leaves.reasoning_text == "Counting\nLet me count."
    assert leaves.output_text == (
        "```python\nprint(6 * 7)\n```\n\n```\n42\n```\n\nLeaves make food; and the answer is 42."
    )
    assert leaves.model == "o3" and leaves.params == {"model": "o3"}
    assert all(n.status is NodeStatus.COMPLETED and n.response_id is None for n in tree.nodes())
    [picture] = tree.children(leaves.id)
    assert picture.user_text.startswith(
        "[Image attached in ChatGPT — not included in the export (file-AbC123"
    )
    assert picture.user_text.endswith("640×480)]\nWhat is in this picture?")
    conv = store.get_conversation(tree.conversation_id)
    assert conv is not None and conv.selected_node_id == picture.id  # ChatGPT's current_node
    assert conv.created_at == 1_700_000_000.0 and conv.params_override == {}


def test_tool_images_unanswered_prompts_and_untitled_conversations(store: Store) -> None:
    summary = import_chatgpt(store, sample_export())
    tree = tree_of(store, "Draw a cat wearing a hat")  # no title: named after the first prompt
    [cat] = tree.roots()
    assert cat.output_text == (
        '```\n{"prompt": "a cat in a hat"}\n```\n\n'
        "[Image made in ChatGPT — not included in the export (file-Dalle9, 1024×1024)]\n\n"
        "Here is your cat."
    )
    [thanks] = tree.children(cat.id)
    assert thanks.user_text == "Thanks! 谢谢" and thanks.output_text == ""
    assert thanks.status is NodeStatus.INCOMPLETE and thanks.notice == NO_ANSWER_NOTICE
    assert summary.images_missing == 2 and summary.images_kept == 0
    assert summary.skipped == {
        "hidden messages": 1,
        "tool messages": 1,
        "entries that are not conversations": 1,
    }
    text = summary.text()
    assert "Imported 2 conversation(s) with 7 turn(s) from a ChatGPT export." in text
    assert "2 image(s) are not in the export file" in text
    assert "Skipped: 1 entries that are not conversations, 1 hidden messages, 1 tool messages." in text


def test_importing_the_same_export_again_adds_nothing(store: Store) -> None:
    import_chatgpt(store, sample_export())
    again = import_chatgpt(store, sample_export())
    assert again.conversations == 0 and again.already_present == 2 and again.images_missing == 0
    assert len(store.list_conversations()) == 2


def test_a_system_prompt_with_text_becomes_the_conversations_instructions(store: Store) -> None:
    b = ExportBuilder("conv-sys", "Pirate")
    b.msg("sys", "client-created-root", "system", b.text("Talk like a pirate."), 1)
    b.msg("u1", "sys", "user", b.text("Hello"), 2)
    b.msg("a1", "u1", "assistant", b.text("Arr!"), 3)
    import_chatgpt(store, [b.data])
    [conv] = store.list_conversations()
    assert conv.params_override == {"instructions": "Talk like a pirate."}


def write_export(folder: Path, data: Any, images: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "conversations.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for name, content in images.items():
        (folder / name).write_bytes(content)
    return path


def test_user_images_next_to_conversations_json_are_imported(store: Store, tmp_path: Path) -> None:
    path = write_export(tmp_path / "export", sample_export(), {"file-AbC123-leaf.png": PNG})
    with open_source(path) as (data, assets):
        summary = import_chatgpt(store, data, assets)
    assert summary.images_kept == 1 and summary.images_missing == 1  # the generated one has no bytes
    tree = tree_of(store, "나무 이야기 🌳")
    [picture] = [n for n in tree.nodes() if "picture" in n.user_text]
    assert picture.user_text == "What is in this picture?"
    image = picture.input_items[0]["content"][1]
    assert image["type"] == "input_image" and image["image_url"].startswith(
        "data:image/png;base64,iVBORw0KGgo"
    )


def test_the_export_zip_is_read_directly(store: Store, tmp_path: Path) -> None:
    archive = tmp_path / "chatgpt-export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("conversations.json", json.dumps(sample_export()))
        z.writestr("file-AbC123-leaf.png", PNG)
        z.writestr("chat.html", "<html></html>")
    with open_source(archive) as (data, assets):
        summary = import_chatgpt(store, data, assets)
    assert summary.conversations == 2 and summary.images_kept == 1


def test_a_zip_without_conversations_json_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "other.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("notes.txt", "hello")
    with pytest.raises(ImportFailed, match=r"has no conversations\.json"), open_source(archive):
        pass


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (json.dumps(sample_export())[:5000], "not valid JSON: .* The file looks cut short"),
        ("{}", "not a ChatGPT export"),
        ('{"format": 1}', "not a ChatGPT export"),
        ("[1, 2, 3]", "No ChatGPT conversations were found"),
        ('"text"', "not a ChatGPT export"),
        ("", "not valid JSON"),
    ],
)
def test_bad_files_say_why_and_import_nothing(
    store: Store, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "conversations.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFailed, match=message), open_source(path) as (data, assets):
        import_chatgpt(store, data, assets)
    assert store.list_conversations() == []


def test_a_failure_while_writing_leaves_the_store_as_it_was(store: Store) -> None:
    store._conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON nodes WHEN new.output_text LIKE '%your cat.' "
        "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
    )
    with pytest.raises(StoreError, match="disk trouble"):
        import_chatgpt(store, sample_export())  # the first conversation was written before this one
    assert store.list_conversations() == []
    assert store._conn.execute("SELECT count(*) FROM nodes").fetchone()[0] == 0


def test_deep_conversations_and_loops_do_not_crash(store: Store) -> None:
    b = ExportBuilder("conv-deep", "Deep")
    parent = "client-created-root"
    for i in range(3000):  # 1,500 turns, deeper than Python's recursion limit
        parent = b.msg(f"m{i}", parent, "user" if i % 2 == 0 else "assistant", b.text(f"step {i}"), i)
    loop = copy.deepcopy(dalle_conversation())
    loop["mapping"]["u1"]["parent"] = "a1"  # a cycle: u1 -> ... -> a1 -> u1
    loop["mapping"]["a1"]["children"].append("u1")
    loop["mapping"]["ctx"]["children"] = []
    summary = import_chatgpt(store, [b.data, loop])
    tree = tree_of(store, "Deep")
    assert len(tree) == 1500 and len(tree.path_to(tree.deepest_leaf(None).id)) == 1500  # type: ignore[union-attr]
    assert summary.skipped["messages outside the conversation tree"] >= 1


# -- never a crash, never half an import --------------------------------------------------------------
def check_all_or_nothing(data: Any) -> None:
    store = Store(Path(":memory:"))
    try:
        try:
            summary = import_chatgpt(store, data)
        except ImportFailed as exc:
            assert exc.user_message
            assert store.list_conversations() == []
            return
        conversations = store.list_conversations()
        assert len(conversations) == summary.conversations
        assert sum(len(store.load_nodes(c.id)) for c in conversations) == summary.nodes
        summary.text()
    finally:
        store.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values())
def test_garbage_never_crashes(data: Any) -> None:
    check_all_or_nothing(data)
    check_all_or_nothing([data])
    check_all_or_nothing({"mapping": data})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0), st.booleans(), json_values()), min_size=1, max_size=6))
def test_damaged_exports_never_crash_or_half_import(changes: list[tuple[int, bool, Any]]) -> None:
    data: Any = sample_export()
    for index, delete, value in changes:
        places = slots(data)
        container, key = places[index % len(places)]
        if delete and isinstance(container, dict):
            del container[key]
        else:
            container[key] = value
    check_all_or_nothing(data)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0))
def test_truncated_files_are_refused(cut: int) -> None:
    raw = json.dumps(sample_export()).encode()
    cut = cut % len(raw)
    with pytest.raises(ImportFailed, match="not valid JSON"):
        from desktop_chat.core.interchange.chatgpt_import import parse_json

        parse_json(raw[:cut], "conversations.json")


def test_parse_alone_writes_nothing(store: Store) -> None:
    batch, summary = parse_chatgpt_export(sample_export())
    assert len(batch) == 2 and summary.conversations == 0
    assert store.list_conversations() == []
