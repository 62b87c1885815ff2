"""Importing large files: streamed, a batch of whole conversations at a time, cancellable, quick again."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.conversation.store import Store
from desktop_chat.core.interchange import importer
from desktop_chat.core.interchange.chatgpt_import import import_chatgpt
from desktop_chat.core.interchange.export import ImportFailed, dump_json, export_json
from desktop_chat.core.interchange.importer import ImportProgress, import_file
from desktop_chat.core.interchange.json_stream import JsonStream
from tests.core.interchange.test_chatgpt_import import branching_conversation, dalle_conversation


def history(count: int) -> list[Any]:
    """`count` conversations (copies of the sample ones with their own ids) and one non-conversation."""
    made: list[Any] = [{"title": "not a conversation"}]
    for number in range(count):
        conv = copy.deepcopy(branching_conversation() if number % 2 else dalle_conversation())
        conv["id"] = conv["conversation_id"] = f"conv-{number}"
        conv["title"] = f"Conversation {number} 대화"
        made.append(conv)
    return made


def write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def contents(store: Store) -> dict[str, tuple[str, list[Any]]]:
    found = {}
    for conv in store.list_conversations():
        nodes = sorted((n.id, n.user_text, n.output_text, n.parent_id) for n in store.load_nodes(conv.id))
        found[conv.id] = (conv.title, nodes)
    return found


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "BATCH_CONVERSATIONS", 4)
    monkeypatch.setattr(importer, "PROGRESS_EVERY_S", 0.0)


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    streamed, whole = Store(tmp_path / "streamed.sqlite3"), Store(tmp_path / "whole.sqlite3")
    yield streamed, whole
    streamed.close()
    whole.close()


def test_a_streamed_import_equals_reading_the_whole_file(
    stores: tuple[Store, Store], tmp_path: Path, small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    streamed, whole = stores
    data = history(23)
    path = write(tmp_path / "export" / "conversations.json", data)
    monkeypatch.setattr(importer, "JsonStream", lambda raw: JsonStream(raw, chunk=97))  # many small reads
    seen: list[ImportProgress] = []
    summary = import_file(streamed, path, progress=seen.append)
    reference = import_chatgpt(whole, data)
    assert contents(streamed) == contents(whole) and len(contents(streamed)) == 23
    assert (summary.conversations, summary.nodes, summary.images_missing) == (
        reference.conversations,
        reference.nodes,
        reference.images_missing,
    )
    assert summary.skipped == reference.skipped
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and seen[-1].imported == 23


def test_importing_again_adds_nothing_and_says_so(stores: tuple[Store, Store], tmp_path: Path) -> None:
    store = stores[0]
    path = write(tmp_path / "conversations.json", history(6))
    import_file(store, path)
    again = import_file(store, path)
    assert (again.conversations, again.already_present) == (0, 6)
    assert again.text().startswith("Nothing new: every conversation in a ChatGPT export is here already.")


def test_cancel_keeps_whole_conversations_and_importing_again_adds_the_rest(
    stores: tuple[Store, Store], tmp_path: Path, small_batches: None
) -> None:
    store, whole = stores
    data = history(20)
    path = write(tmp_path / "conversations.json", data)
    seen: list[ImportProgress] = []
    summary = import_file(
        store, path, progress=seen.append, cancelled=lambda: bool(seen) and seen[-1].imported >= 8
    )
    assert summary.cancelled and "Import cancelled" in summary.text()
    import_chatgpt(whole, data)
    reference = contents(whole)
    partial = contents(store)
    assert 8 <= len(partial) < 20 and len(partial) == summary.conversations
    assert all(partial[conv_id] == reference[conv_id] for conv_id in partial)  # each one whole
    rest = import_file(store, path)
    assert rest.already_present == len(partial) and contents(store) == reference


def test_damage_after_some_batches_says_what_was_imported(
    stores: tuple[Store, Store], tmp_path: Path, small_batches: None
) -> None:
    store = stores[0]
    text = json.dumps(history(20), ensure_ascii=False)
    path = tmp_path / "conversations.json"
    path.write_text(text[: len(text) * 3 // 4], encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        import_file(store, path)
    message = info.value.user_message
    assert "is not valid JSON" in message and "cut short" in message
    imported = len(store.list_conversations())
    assert (
        imported >= 4 and f"The {imported} conversation(s) before the damaged part were imported" in message
    )


def test_a_small_damaged_file_imports_nothing(stores: tuple[Store, Store], tmp_path: Path) -> None:
    store = stores[0]
    text = json.dumps(history(3))
    path = tmp_path / "conversations.json"
    path.write_text(text[:-40], encoding="utf-8")
    with pytest.raises(ImportFailed, match="Nothing was imported"):
        import_file(store, path)
    assert store.list_conversations() == []


def test_the_apps_own_export_and_a_zip_stream_too(
    stores: tuple[Store, Store], tmp_path: Path, small_batches: None
) -> None:
    source, target = stores
    import_chatgpt(source, history(9))
    exported = tmp_path / "all.json"
    exported.write_text(dump_json(export_json(source)), encoding="utf-8")
    summary = import_file(target, exported)
    assert summary.source == "a desktop_chat export" and summary.conversations == 9
    assert contents(target) == contents(source)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("conversations.json", json.dumps(history(9)))
    again = import_file(target, archive)
    assert again.text().startswith("Nothing new")
