"""Importing a file of any size: read as a stream, written a batch of whole conversations at a time.

The command line (`desktop-chat --import`) and the window (File > Import, on a thread of its own) both
call `import_file`. The file is read one conversation at a time (json_stream), so memory stays at
about one conversation and one batch however large the export; each batch of whole conversations is
one short transaction, so the window can keep saving meanwhile and a cancelled or failed import never
leaves half a conversation. Conversations already in the store are recognised by their id before
they are converted, so importing the same export again is quick and adds nothing.

The file's kind is recognised from its content: a ChatGPT export (`conversations.json`, a list, or
the export's .zip), or the app's own JSON (an object with "format"; its "conversations" are streamed
when they follow "format", as the app writes them).
"""

from __future__ import annotations

import time
import uuid
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

from desktop_chat.core.conversation.model import Conversation, Node
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.interchange import chatgpt_import as chatgpt
from desktop_chat.core.interchange import export
from desktop_chat.core.interchange.export import ImportFailed, ImportSummary
from desktop_chat.core.interchange.json_stream import JsonStream, JsonSyntaxError, NotUtf8Error

BATCH_CONVERSATIONS = 50  # whole conversations per transaction
BATCH_NODES = 2000  # ... or fewer when they are long
PROGRESS_EVERY_S = 0.1


@dataclass(frozen=True)
class ImportProgress:
    fraction: float  # of the file read, 0..1
    imported: int  # conversations written so far
    already_present: int  # conversations skipped so far because the store has them


ProgressCallback = Callable[[ImportProgress], None]


class _Cancelled(Exception):
    pass


@contextmanager
def open_stream(path: Path) -> Iterator[tuple[IO[bytes], int, chatgpt.AssetFinder, str]]:
    """The JSON to read (conversations.json, or that member of an export .zip) as a binary stream,
    its size in bytes, a finder for the export's images and the name to show in messages."""
    path = Path(path)
    try:
        is_zip = zipfile.is_zipfile(path)
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailed(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if not is_zip:
        files: dict[str, Callable[[], bytes]] = {}
        for candidate in [*path.parent.glob("*"), *path.parent.glob("*/*")]:
            if candidate.name.startswith("file") and candidate.is_file():
                files.setdefault(candidate.name, candidate.read_bytes)
        try:
            handle = path.open("rb")
        except OSError as exc:
            raise ImportFailed(f"{path} cannot be read: {exc.strerror or exc}.") from exc
        with handle:
            yield handle, size, chatgpt._finder(files), path.name
        return
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise ImportFailed(f"{path} is not a readable zip file: {exc}.") from exc
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        jsons = sorted(
            (m for m in members if m.filename.rsplit("/", 1)[-1] == "conversations.json"),
            key=lambda m: m.filename.count("/"),
        )
        if not jsons:
            raise ImportFailed(f"{path.name} has no conversations.json: is it a ChatGPT data export?")
        images: dict[str, Callable[[], bytes]] = {
            m.filename.rsplit("/", 1)[-1]: partial(archive.read, m)
            for m in members
            if m.filename.rsplit("/", 1)[-1].startswith("file") and m.file_size <= chatgpt.MAX_IMAGE_BYTES
        }
        try:
            member = archive.open(jsons[0])
        except (OSError, zipfile.BadZipFile, RuntimeError, EOFError) as exc:
            raise ImportFailed(f"{path.name} is damaged and cannot be read: {exc}.") from exc
        with member:
            yield (
                member,
                max(1, jsons[0].file_size),
                chatgpt._finder(images),
                f"{path.name}/{jsons[0].filename}",
            )


class _Batches:
    """Collects converted conversations and writes them a batch at a time; reports progress."""

    def __init__(
        self,
        store: Store,
        summary: ImportSummary,
        stream: JsonStream,
        size: int,
        progress: ProgressCallback | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.store, self.summary, self.stream, self.size = store, summary, stream, size
        self.progress, self.cancelled = progress, cancelled
        self.batch: export.Batch = []
        self.nodes = 0
        self.notes: dict[str, int] = {}  # image placeholders per conversation
        self.last_report = 0.0

    def next(self) -> None:
        """Between two conversations: stop if the user cancelled; tell the progress now and then."""
        if self.cancelled is not None and self.cancelled():
            raise _Cancelled
        now = time.monotonic()
        if self.progress is not None and now - self.last_report >= PROGRESS_EVERY_S:
            self.last_report = now
            self.report()

    def report(self) -> None:
        if self.progress is not None:
            fraction = min(1.0, self.stream.bytes_read / self.size)
            self.progress(ImportProgress(fraction, self.summary.conversations, self.summary.already_present))

    def known(self, conversation_id: str) -> bool:
        """The store has this conversation already: counted, and skipped before any work."""
        if self.store.get_conversation(conversation_id) is None:
            return False
        self.summary.already_present += 1
        return True

    def add(self, conversation: Conversation, nodes: list[Node], notes: int = 0) -> None:
        self.batch.append((conversation, nodes))
        self.nodes += len(nodes)
        self.notes[conversation.id] = notes
        if len(self.batch) >= BATCH_CONVERSATIONS or self.nodes >= BATCH_NODES:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            written = export.write_conversations(self.store, self.batch, self.summary)
            self.summary.images_missing += sum(self.notes.get(c, 0) for c in written)
        self.batch, self.nodes, self.notes = [], 0, {}


def import_file(
    store: Store,
    path: Path,
    attachments_root: Path | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import a ChatGPT export or a desktop_chat export (recognised from its content).

    Cancelling (`cancelled()` becomes true) stops after the conversation being read: the batches
    already written stay, the one being gathered is dropped, `summary.cancelled` is set. A file that
    turns out to be damaged raises ImportFailed saying how much of it was imported before the damage.
    """
    with open_stream(path) as (raw, size, assets, name):
        stream = JsonStream(raw)
        summary = ImportSummary(source="a ChatGPT export")
        batches = _Batches(store, summary, stream, size, progress, cancelled)
        try:
            _read(stream, batches, assets, attachments_root, Path(path).name)
            batches.flush()
            stream.end()
        except _Cancelled:
            summary.cancelled = True
        except JsonSyntaxError as exc:
            hint = " The file looks cut short." if exc.cut_short else ""
            raise ImportFailed(f"{name} is not valid JSON: {exc}.{hint} {_kept(summary)}") from exc
        except NotUtf8Error as exc:
            raise ImportFailed(f"{name} is not UTF-8 text (byte {exc.byte}). {_kept(summary)}") from exc
        except ImportFailed as exc:
            if summary.conversations and "Nothing was imported" not in exc.user_message:
                raise ImportFailed(f"{exc.user_message} {_kept(summary)}") from exc
            raise
        batches.report()
        return summary


def _kept(summary: ImportSummary) -> str:
    if not summary.conversations:
        return "Nothing was imported."
    return (
        f"The {summary.conversations} conversation(s) before the damaged part were imported; "
        "nothing after it."
    )


def _read(
    stream: JsonStream, batches: _Batches, assets: chatgpt.AssetFinder, attachments: Path | None, name: str
) -> None:
    first = stream.peek()
    if first == "[":
        _chatgpt(stream.items(), batches, assets)
        return
    if first != "{":
        stream.value()  # a syntax error says so; a valid string or number is not an export
        raise ImportFailed(
            "This is not a ChatGPT export: conversations.json holds a list of conversations. "
            "Nothing was imported."
        )
    head: dict[str, Any] = {}
    streamed = False
    for key in stream.members():
        if key == "conversations" and export.is_app_export(head) and not streamed:
            _app(stream.items(), head, batches, attachments)
            streamed = True
        elif streamed:
            stream.value()  # whatever follows the conversations: read past it
        else:
            head[key] = stream.value()
    if streamed:
        return
    if export.is_app_export(head):  # "conversations" came first, or is missing: read whole, checked whole
        batches.summary.source = "a desktop_chat export"
        imported = export.import_app_export(batches.store, head, attachments)
        batches.summary.conversations += imported.conversations
        batches.summary.nodes += imported.nodes
        batches.summary.already_present += imported.already_present
        batches.summary.skipped.update(imported.skipped)
        return
    if "format" in head:
        raise ImportFailed(f"{name} is a JSON export of some other program; nothing was imported.")
    if not isinstance(head.get("mapping"), dict):
        raise ImportFailed(
            "This is not a ChatGPT export: conversations.json holds a list of conversations. "
            "Nothing was imported."
        )
    _chatgpt(iter([head]), batches, assets)


def _chatgpt(items: Iterator[Any], batches: _Batches, assets: chatgpt.AssetFinder) -> None:
    reader = chatgpt._Reader(batches.summary, assets)
    seen: set[str] = set()
    entries = conversations = 0
    for index, raw in enumerate(items):
        batches.next()
        entries += 1
        if isinstance(raw, dict) and isinstance(raw.get("mapping"), dict):
            conversations += 1
            conv_id = uuid.uuid5(chatgpt.NAMESPACE, f"chatgpt:{chatgpt._conversation_key(raw, index)}").hex
            if conv_id in seen:
                reader.skip("duplicate conversations")
                continue
            seen.add(conv_id)
            if batches.known(conv_id):
                continue
        before = reader.images_noted
        converted = chatgpt.convert_conversation(raw, index, reader)
        if converted is not None:
            batches.add(*converted, notes=reader.images_noted - before)
    if entries and not conversations:
        raise ImportFailed("No ChatGPT conversations were found in the file. Nothing was imported.")


def _app(items: Iterator[Any], head: dict[str, Any], batches: _Batches, attachments: Path | None) -> None:
    """The app's own export: header checked, attachments saved, then conversation by conversation."""
    summary = batches.summary
    summary.source = "a desktop_chat export"
    export.check_version(head)
    export.save_attachments(head, attachments, summary)
    seen_conversations: set[str] = set()
    seen_nodes: set[str] = set()
    for index, raw in enumerate(items, start=1):
        batches.next()
        where = f"conversation {index}"
        if not export._all_finite(raw):
            raise ImportFailed(f"{where} holds a number that is not finite (NaN or Infinity).")
        conv = export._conversation_from_json(raw, where)
        if conv.id in seen_conversations:
            raise ImportFailed(f"{where}: the id {conv.id} appears twice in the file.")
        seen_conversations.add(conv.id)
        raw_nodes = raw.get("nodes")
        if not isinstance(raw_nodes, list):
            raise ImportFailed(f"{where} has no list of nodes.")
        nodes: list[Node] = []
        for number, raw_node in enumerate(raw_nodes, start=1):
            node = export._node_from_json(raw_node, conv.id, f"{where}, node {number}")
            if node.id in seen_nodes:
                raise ImportFailed(f"{where}, node {number}: the id {node.id} appears twice in the file.")
            seen_nodes.add(node.id)
            nodes.append(node)
        if not batches.known(conv.id):
            batches.add(conv, nodes)
