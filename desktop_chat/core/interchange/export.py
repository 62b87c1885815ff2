"""Export and import of whole conversation trees.

The app's JSON keeps everything a conversation holds: every node with its parent (the tree), response
ids, parameters, usage, status, timestamps and input items as they are (images stay data URLs). An
export imports back into an identical store (`tests/core/test_export.py` round-trips it).
Markdown, for reading, is written by `markdown_export.py`.

Imports are all or nothing: everything is read and checked in memory first, then written in one
transaction (`write_conversations`). Conversations already in the store are skipped, so importing
the same file twice adds nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_chat.core.content.attachments import AttachmentStore, attachment_parts
from desktop_chat.core.content.generated_images import generated_images
from desktop_chat.core.conversation.model import (
    JSON,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    Usage,
    new_id,
)
from desktop_chat.core.conversation.rows import CONVERSATION_COLUMNS, NODE_COLUMNS, NODE_FIELDS, node_values
from desktop_chat.core.conversation.store import Store

FORMAT = "desktop_chat.export"
FORMAT_VERSION = 1

Batch = list[tuple[Conversation, list[Node]]]


class ImportFailed(Exception):
    """The file cannot be imported; `user_message` says why. Nothing was written."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


@dataclass
class ImportSummary:
    """What an import did, for the command line and the window."""

    source: str
    conversations: int = 0
    nodes: int = 0
    already_present: int = 0  # conversations skipped because the store has them
    images_kept: int = 0
    images_missing: int = 0  # images whose bytes were not in the export: a text placeholder is kept
    skipped: Counter[str] = field(default_factory=Counter)  # what could not be mapped, by kind
    cancelled: bool = False  # the user stopped it: the conversations counted were imported whole

    def text(self) -> str:
        if self.cancelled:
            lines = [
                f"Import cancelled: {self.conversations} conversation(s) with {self.nodes} turn(s) were "
                "imported before it stopped, each whole; importing the file again adds the rest."
            ]
        elif not self.conversations and self.already_present:
            lines = [f"Nothing new: every conversation in {self.source} is here already."]
        else:
            lines = [
                f"Imported {self.conversations} conversation(s) with {self.nodes} turn(s) from {self.source}."
            ]
        if self.already_present:
            lines.append(
                f"{self.already_present} conversation(s) were already here and were left as they are."
            )
        if self.images_kept:
            lines.append(f"{self.images_kept} image(s) kept.")
        if self.images_missing:
            lines.append(
                f"{self.images_missing} image(s) are not in the export file; a note marks where each was."
            )
        if self.skipped:
            details = ", ".join(f"{count} {kind}" for kind, count in sorted(self.skipped.items()))
            lines.append(f"Skipped: {details}.")
        return "\n".join(lines)


# -- app JSON: export ------------------------------------------------------------------------------
def node_to_json(node: Node) -> JSON:
    return {
        "id": node.id,
        "parent_id": node.parent_id,
        "input_items": node.input_items,
        "output_items": node.output_items,
        "output_text": node.output_text,
        "reasoning_text": node.reasoning_text,
        "response_id": node.response_id,
        "previous_response_id": node.previous_response_id,
        "model": node.model,
        "params": node.params,
        "usage": node.usage.to_json() if node.usage is not None else None,
        "status": NodeStatus(node.status).value,
        "error": node.error,
        "error_kind": node.error_kind,
        "notice": node.notice,
        "context_mode": ContextMode(node.context_mode).value,
        "created_at": node.created_at,
        "updated_at": node.updated_at,
    }


def conversation_to_json(conv: Conversation, nodes: Iterable[Node]) -> JSON:
    return {
        "id": conv.id,
        "title": conv.title,
        "selected_node_id": conv.selected_node_id,
        "params_override": conv.params_override,
        "created_at": conv.created_at,
        "updated_at": conv.updated_at,
        "nodes": [node_to_json(n) for n in nodes],
    }


def export_json(
    store: Store, conversation_ids: Iterable[str] | None = None, attachments_root: Path | None = None
) -> JSON:
    """The app's JSON for the given conversations (all of them when None), oldest first.

    With `attachments_root` (`<data_dir>/attachments`), the bytes of the attachments the nodes refer
    to (`attachment:<sha256>`) go along under "attachments" as base64; the ones missing from the
    folder are listed under "missing_attachments".
    """
    if conversation_ids is None:
        conversations = list(reversed(store.list_conversations()))
    else:
        found = (store.get_conversation(cid) for cid in conversation_ids)
        conversations = [c for c in found if c is not None]
    exported = [conversation_to_json(c, store.load_nodes(c.id)) for c in conversations]
    data: JSON = {"format": FORMAT, "version": FORMAT_VERSION, "exported_at": time.time()}
    if attachments_root is not None:
        files, missing = _attachment_files(exported, AttachmentStore(attachments_root))
        data["attachments"] = files
        if missing:
            data["missing_attachments"] = missing
    data["conversations"] = exported
    return data


def _attachment_files(conversations: list[JSON], folder: AttachmentStore) -> tuple[JSON, list[str]]:
    files: JSON = {}
    missing: list[str] = []
    for conv in conversations:
        for node in conv["nodes"]:
            stored = [
                (attachment.sha256, attachment.mime)
                for _kind, attachment in attachment_parts(node["input_items"])
                if attachment is not None and attachment.sha256
            ]
            # generated images (the image_generation tool) are kept the same way
            stored += [
                (image.sha256, image.mime) for image in generated_images(node.get("output_items") or [])
            ]
            for sha, mime in stored:
                if not sha or sha in files or sha in missing:
                    continue
                path = folder.find(sha)
                try:
                    content = path.read_bytes() if path is not None else None
                except OSError:
                    content = None
                if content is None:
                    missing.append(sha)
                    continue
                files[sha] = {"mime": mime, "data": base64.b64encode(content).decode("ascii")}
    return files, missing


def write_text_atomically(path: Path, text: str) -> None:
    """Write a file so that a crash leaves either the old file or the whole new one."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dump_json(data: JSON) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


# -- app JSON: import ------------------------------------------------------------------------------
def is_app_export(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def check_version(head: dict[str, Any]) -> None:
    """ImportFailed unless the export's format version is one this version reads."""
    version = head.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportFailed("The export has no format version.")
    if version > FORMAT_VERSION:
        raise ImportFailed(
            f"The export was written by a newer desktop_chat (format version {version}; this version reads "
            f"up to {FORMAT_VERSION}). Update desktop_chat to import it."
        )


def save_attachments(head: dict[str, Any], root: Path | None, summary: ImportSummary) -> None:
    """Check and store the export's attachment files (content-addressed: harmless to write before the
    conversations); counted as skipped when there is no attachment folder."""
    files = parse_attachments(head)
    if files and root is not None:
        folder = AttachmentStore(root)
        try:
            for mime, content in files.values():
                folder.put(content, mime)
        except OSError as exc:
            raise ImportFailed(f"The attachments cannot be saved in {root}: {exc}.") from exc
    elif files:
        summary.skipped["attachments (no attachment folder given)"] += len(files)


def parse_app_export(data: Any) -> Batch:
    """Conversations and nodes from the app's JSON; ImportFailed (saying where) if anything is wrong."""
    if not is_app_export(data):
        raise ImportFailed('This is not a desktop_chat export (its "format" field is missing or different).')
    check_version(data)
    conversations = data.get("conversations")
    if not isinstance(conversations, list):
        raise ImportFailed("The export has no list of conversations.")
    if not _all_finite(conversations):
        raise ImportFailed("The export holds a number that is not finite (NaN or Infinity).")
    batch: Batch = []
    seen_conversations: set[str] = set()
    seen_nodes: set[str] = set()
    for index, raw in enumerate(conversations, start=1):
        where = f"conversation {index}"
        conv = _conversation_from_json(raw, where)
        if conv.id in seen_conversations:
            raise ImportFailed(f"{where}: the id {conv.id} appears twice in the file.")
        seen_conversations.add(conv.id)
        raw_nodes = raw.get("nodes")
        if not isinstance(raw_nodes, list):
            raise ImportFailed(f"{where} has no list of nodes.")
        nodes: list[Node] = []
        for number, raw_node in enumerate(raw_nodes, start=1):
            node = _node_from_json(raw_node, conv.id, f"{where}, node {number}")
            if node.id in seen_nodes:
                raise ImportFailed(f"{where}, node {number}: the id {node.id} appears twice in the file.")
            seen_nodes.add(node.id)
            nodes.append(node)
        batch.append((conv, nodes))
    return batch


def _all_finite(value: Any) -> bool:
    """No NaN or infinity anywhere in a JSON value (they cannot be written back as JSON)."""
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, float) and not math.isfinite(current):
            return False
        if isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return True


class _Fields:
    """Typed reads from one JSON object, failing with the object's place in the file."""

    def __init__(self, raw: Any, where: str) -> None:
        if not isinstance(raw, dict):
            raise ImportFailed(f"{where} is not a JSON object.")
        self.raw: JSON = raw
        self.where = where

    def fail(self, name: str, wanted: str) -> ImportFailed:
        return ImportFailed(f'{self.where}: "{name}" must be {wanted}.')

    def text(self, name: str, default: str | None = None, *, empty: bool = True) -> str:
        value = self.raw.get(name, default)
        if not isinstance(value, str) or (not empty and not value):
            raise self.fail(name, "text" if empty else "non-empty text")
        return value

    def optional_text(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is not None and not isinstance(value, str):
            raise self.fail(name, "text or null")
        return value

    def number(self, name: str) -> float:
        value = self.raw.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self.fail(name, "a number")
        return float(value)

    def obj(self, name: str) -> JSON:
        value = self.raw.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(name, "an object")
        return value

    def objects(self, name: str) -> list[JSON]:
        value = self.raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(name, "a list of objects")
        return value


def _conversation_from_json(raw: Any, where: str) -> Conversation:
    f = _Fields(raw, where)
    return Conversation(
        id=f.text("id", empty=False),
        title=f.text("title"),
        selected_node_id=f.optional_text("selected_node_id"),
        params_override=f.obj("params_override"),
        created_at=f.number("created_at"),
        updated_at=f.number("updated_at"),
    )


def _node_from_json(raw: Any, conversation_id: str, where: str) -> Node:
    f = _Fields(raw, where)
    usage_raw = f.raw.get("usage")
    counts_ok = isinstance(usage_raw, dict) and all(
        isinstance(v, int) and not isinstance(v, bool) for v in usage_raw.values()
    )
    if usage_raw is not None and not counts_ok:
        raise f.fail("usage", "null or an object of token counts")
    try:
        status = NodeStatus(f.text("status"))
        mode = ContextMode(f.text("context_mode", ContextMode.CHAIN.value))
    except ValueError as exc:
        raise ImportFailed(f"{where}: {exc}.") from None
    if status is NodeStatus.STREAMING:  # it cannot be streaming into this store: it was cut off
        status = NodeStatus.INTERRUPTED
    return Node(
        id=f.text("id", empty=False),
        conversation_id=conversation_id,
        parent_id=f.optional_text("parent_id"),
        input_items=f.objects("input_items"),
        output_items=f.objects("output_items"),
        output_text=f.text("output_text", ""),
        reasoning_text=f.text("reasoning_text", ""),
        response_id=f.optional_text("response_id"),
        previous_response_id=f.optional_text("previous_response_id"),
        model=f.text("model", ""),
        params=f.obj("params"),
        usage=Usage.from_json(usage_raw),
        status=status,
        error=f.optional_text("error"),
        error_kind=f.optional_text("error_kind"),
        notice=f.optional_text("notice"),
        context_mode=mode,
        created_at=f.number("created_at"),
        updated_at=f.number("updated_at"),
    )


def count_images(nodes: Iterable[Node]) -> int:
    """input_image parts in the nodes' input items."""
    count = 0
    for node in nodes:
        for item in node.input_items:
            content = item.get("content")
            parts = content if isinstance(content, list) else [item]
            count += sum(1 for part in parts if isinstance(part, dict) and part.get("type") == "input_image")
    return count


def parse_attachments(data: JSON) -> dict[str, tuple[str, bytes]]:
    """The export's attachment bytes by sha256 (checked against it); ImportFailed if damaged."""
    raw = data.get("attachments", {})
    if not isinstance(raw, dict):
        raise ImportFailed('The export\'s "attachments" must be an object.')
    files: dict[str, tuple[str, bytes]] = {}
    for sha, entry in raw.items():
        mime = entry.get("mime") if isinstance(entry, dict) else None
        encoded = entry.get("data") if isinstance(entry, dict) else None
        if not isinstance(mime, str) or not isinstance(encoded, str):
            raise ImportFailed(f"Attachment {str(sha)[:12]}… has no type or no data.")
        try:
            content = base64.b64decode(encoded, validate=True)
        except ValueError:
            raise ImportFailed(f"Attachment {str(sha)[:12]}… is not valid base64.") from None
        if hashlib.sha256(content).hexdigest() != sha:
            raise ImportFailed(
                f"Attachment {str(sha)[:12]}… is damaged (its content does not match its hash)."
            )
        files[sha] = (mime, content)
    return files


def import_app_export(store: Store, data: Any, attachments_root: Path | None = None) -> ImportSummary:
    """Read and check everything, store the attachment bytes, then write the conversations at once.

    Attachment files are content-addressed: writing them first is harmless if the database write
    then fails (the same bytes are simply there for a later import).
    """
    batch = parse_app_export(data)
    summary = ImportSummary(source="a desktop_chat export")
    save_attachments(data, attachments_root, summary)
    write_conversations(store, batch, summary)
    return summary


# -- writing a batch in one transaction -------------------------------------------------------------
def write_conversations(store: Store, batch: Batch, summary: ImportSummary) -> list[str]:
    """Add the conversations and their nodes in ONE transaction: all of them or, on error, none.

    A conversation whose id the store already has is skipped (counted in `already_present`); one
    whose node ids clash with nodes elsewhere gets fresh node ids (the tree is kept). Returns the
    ids of the conversations written.
    """
    columns = ", ".join("?" * len(NODE_FIELDS))
    written: list[str] = []
    with store._write() as db:
        for conv, nodes in batch:
            if db.execute("SELECT 1 FROM conversations WHERE id = ?", (conv.id,)).fetchone():
                summary.already_present += 1
                continue
            if any(db.execute("SELECT 1 FROM nodes WHERE id = ?", (n.id,)).fetchone() for n in nodes):
                conv, nodes = _with_fresh_node_ids(conv, nodes)
            db.execute(
                f"INSERT INTO conversations ({CONVERSATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    conv.id,
                    conv.title,
                    conv.selected_node_id,
                    json.dumps(conv.params_override or {}, ensure_ascii=False, separators=(",", ":")),
                    conv.created_at,
                    conv.updated_at,
                ),
            )
            db.executemany(
                f"INSERT INTO nodes ({NODE_COLUMNS}) VALUES ({columns})", [node_values(n) for n in nodes]
            )
            summary.conversations += 1
            summary.nodes += len(nodes)
            summary.images_kept += count_images(nodes)
            written.append(conv.id)
    return written


def _with_fresh_node_ids(conv: Conversation, nodes: list[Node]) -> tuple[Conversation, list[Node]]:
    mapping = {n.id: new_id() for n in nodes}
    renamed = [
        Node(**{**vars(n), "id": mapping[n.id], "parent_id": mapping.get(n.parent_id or "", n.parent_id)})
        for n in nodes
    ]
    selected = mapping.get(conv.selected_node_id or "", conv.selected_node_id)
    return Conversation(**{**vars(conv), "selected_node_id": selected}), renamed
