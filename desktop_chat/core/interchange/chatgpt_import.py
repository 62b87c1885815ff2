"""Import a ChatGPT data export (`conversations.json`, or the export's .zip) as conversation trees.

Each ChatGPT conversation's `mapping` is a tree of messages linked by `parent`/`children`: a user
message, then the assistant's reply (sometimes several messages: code, tool output, more text), with
branches where a prompt was edited (sibling user messages) or an answer regenerated (sibling
assistant messages). The app's node is one *turn* — a prompt and its answer — so every path
prompt -> (assistant/tool messages)* becomes one node; regenerations become sibling nodes, edits
sibling subtrees. Every branch is kept, with titles, timestamps, roles and models.

What cannot be mapped is skipped and counted (hidden messages, custom-instruction context, browsing
displays, tool chatter). Images: conversations.json holds only pointers (`image_asset_pointer`); the
bytes of a user's image are taken from the export folder or zip when there, else a note marks where
the image was. Node and conversation ids are derived from ChatGPT's ids, so importing the same export
twice adds nothing. Nothing is written unless the whole file was read (see export.write_conversations).
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from desktop_chat.core.conversation.model import JSON, Conversation, Node, NodeStatus, title_from_prompt
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.interchange.export import Batch, ImportFailed, ImportSummary, write_conversations

NAMESPACE = uuid.UUID("5d0c1c52-3f7e-4a8e-9a55-5b8f8e0c1a11")  # fixed: ids stay the same across imports
MAX_IMAGE_BYTES = 20 * 1024 * 1024
NO_ANSWER_NOTICE = "Imported from ChatGPT: this prompt has no answer in the export."

AssetFinder = Callable[[str], tuple[str, bytes] | None]  # asset pointer -> (mime, bytes)


def _no_assets(_pointer: str) -> tuple[str, bytes] | None:
    return None


# -- reading the source -----------------------------------------------------------------------------
def is_chatgpt_export(data: Any) -> bool:
    """A list of conversations with a `mapping`, or one such conversation."""
    if isinstance(data, dict):
        return isinstance(data.get("mapping"), dict)
    return isinstance(data, list) and any(isinstance(c, dict) and "mapping" in c for c in data)


def sniff_image(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def asset_id(pointer: str) -> str:
    """`file-service://file-AbC` / `sediment://file_00ab` -> the file id the export names files by."""
    return pointer.split("://", 1)[-1].strip("/")


def _finder(names: dict[str, Callable[[], bytes]]) -> AssetFinder:
    """An AssetFinder over files named `<file id>[-original name]` (read lazily, images only)."""

    def find(pointer: str) -> tuple[str, bytes] | None:
        wanted = asset_id(pointer)
        if not wanted:
            return None
        for name, read in names.items():
            if name == wanted or name.startswith((f"{wanted}-", f"{wanted}.")):
                try:
                    data = read()
                except (OSError, zipfile.BadZipFile, RuntimeError, EOFError):
                    return None
                mime = sniff_image(data) if len(data) <= MAX_IMAGE_BYTES else None
                return (mime, data) if mime else None
        return None

    return find


@contextmanager
def open_source(path: Path) -> Iterator[tuple[Any, AssetFinder]]:
    """The parsed conversations.json (from a file or an export .zip) and a finder for its images.

    Images are read only when a conversation points at one, while the source is open.
    """
    path = Path(path)
    try:
        is_zip = zipfile.is_zipfile(path)
        raw = b"" if is_zip else path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if is_zip:
        with _open_zip(path) as source:
            yield source
        return
    data = parse_json(raw, path.name)
    files: dict[str, Callable[[], bytes]] = {}
    for candidate in [*path.parent.glob("*"), *path.parent.glob("*/*")]:
        if candidate.name.startswith("file") and candidate.is_file():
            files.setdefault(candidate.name, candidate.read_bytes)
    yield data, _finder(files)


@contextmanager
def _open_zip(path: Path) -> Iterator[tuple[Any, AssetFinder]]:
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
        try:
            raw = archive.read(jsons[0])
        except (OSError, zipfile.BadZipFile, RuntimeError, EOFError) as exc:
            raise ImportFailed(f"{path.name} is damaged and cannot be read: {exc}.") from exc
        data = parse_json(raw, f"{path.name}/{jsons[0].filename}")
        files: dict[str, Callable[[], bytes]] = {
            m.filename.rsplit("/", 1)[-1]: partial(archive.read, m)
            for m in members
            if m.filename.rsplit("/", 1)[-1].startswith("file") and m.file_size <= MAX_IMAGE_BYTES
        }
        yield data, _finder(files)


def parse_json(raw: bytes, name: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"{name} is not UTF-8 text (byte {exc.start}).") from exc
    except json.JSONDecodeError as exc:
        hint = " The file looks cut short." if exc.pos >= len(raw.rstrip()) - 1 else ""
        raise ImportFailed(
            f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.{hint} "
            "Nothing was imported."
        ) from exc
    except RecursionError as exc:
        raise ImportFailed(f"{name} is nested too deeply to read.") from exc


# -- messages ---------------------------------------------------------------------------------------
@dataclass
class _Message:
    id: str
    parent: str | None
    children: list[str]
    role: str = ""  # "" for a node without a message (e.g. the root)
    kind: str = "skip"  # "prompt", "answer", "system" or "skip"
    text: str = ""
    reasoning: str = ""
    images: list[JSON] = field(default_factory=list)  # input_image parts (user images found)
    created: float | None = None
    model: str = ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if 0 < number < 1e11 else None  # seconds since 1970, before year 5138


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _obj(value: Any) -> JSON:
    return value if isinstance(value, dict) else {}


def _fence(text: str, language: str = "") -> str:
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}{language}\n{text.rstrip()}\n{ticks}"


class _Reader:
    """Turns raw mapping entries into _Message objects, counting what it leaves out."""

    def __init__(self, summary: ImportSummary, assets: AssetFinder) -> None:
        self.summary = summary
        self.assets = assets
        self.images_noted = 0  # placeholders written so far (counted per conversation by the caller)

    def skip(self, what: str) -> None:
        self.summary.skipped[what] += 1

    def message(self, key: str, raw: Any) -> _Message:
        entry = _obj(raw)
        parent = entry.get("parent")
        children = entry.get("children")
        msg = _Message(
            id=key,
            parent=parent if isinstance(parent, str) else None,
            children=[c for c in children if isinstance(c, str)] if isinstance(children, list) else [],
        )
        if not isinstance(raw, dict):
            self.skip("unreadable messages")
            return msg
        data = entry.get("message")
        if data is None:
            return msg
        if not isinstance(data, dict):
            self.skip("unreadable messages")
            return msg
        msg.role = _text(_obj(data.get("author")).get("role"))
        msg.created = _number(data.get("create_time"))
        metadata = _obj(data.get("metadata"))
        msg.model = _text(metadata.get("model_slug"))
        content = _obj(data.get("content"))
        kind = _text(content.get("content_type"))
        if metadata.get("is_visually_hidden_from_conversation") is True:
            if not (kind == "text" and not self._plain(content).strip()):  # empty ones lose nothing
                self.skip("hidden messages")
            return msg
        if msg.role == "user":
            self._user(msg, kind, content)
        elif msg.role == "assistant":
            self._assistant(msg, kind, content, _text(data.get("recipient")) or "all")
        elif msg.role == "tool":
            self._tool(msg, kind, content)
        elif msg.role == "system":
            text = self._plain(content) if kind == "text" else ""
            if text.strip():
                msg.kind, msg.text = "system", text
        elif msg.role:
            self.skip(f"{msg.role} messages")
        else:
            self.skip("messages without a role")
        return msg

    @staticmethod
    def _parts(content: JSON) -> list[Any]:
        parts = content.get("parts")
        return parts if isinstance(parts, list) else []

    def _plain(self, content: JSON) -> str:
        return "\n".join(p for p in self._parts(content) if isinstance(p, str))

    def _user(self, msg: _Message, kind: str, content: JSON) -> None:
        if kind not in ("text", "multimodal_text"):
            self.skip(f"user {kind or 'unknown'} content")
            return
        texts: list[str] = []
        for part in self._parts(content):
            if isinstance(part, str):
                texts.append(part)
                continue
            part_kind = _text(_obj(part).get("content_type"))
            if part_kind == "image_asset_pointer":
                image = self._image(_obj(part))
                if image is not None:
                    msg.images.append(image)
                else:
                    texts.append(self._image_note(_obj(part), "Image attached in ChatGPT"))
            elif part_kind == "audio_transcription" and _text(_obj(part).get("text")):
                texts.append(_text(_obj(part).get("text")))
            else:
                self.skip(f"{part_kind or 'unknown'} parts")
        msg.text = "\n".join(t for t in texts if t)
        if msg.text.strip() or msg.images:
            msg.kind = "prompt"

    def _assistant(self, msg: _Message, kind: str, content: JSON, recipient: str) -> None:
        if kind in ("text", "multimodal_text"):
            msg.text = self._answer_parts(content)
        elif kind == "code":
            code = _text(content.get("text"))
            language = _text(content.get("language"))
            msg.text = _fence(code, "" if language == "unknown" else language) if code.strip() else ""
        elif kind == "thoughts":
            thoughts = content.get("thoughts")
            pieces = [
                "\n".join(x for x in (_text(t.get("summary")), _text(t.get("content"))) if x)
                for t in (thoughts if isinstance(thoughts, list) else [])
                if isinstance(t, dict)
            ]
            msg.reasoning = "\n\n".join(p for p in pieces if p)
        elif kind == "reasoning_recap":
            return  # "Thought for 12 seconds": nothing to keep
        else:
            self.skip(f"assistant {kind or 'unknown'} content")
            return
        if recipient != "all" and kind != "code" and msg.text:
            msg.text = _fence(msg.text)  # a call to a tool, shown as the call
        if msg.text.strip() or msg.reasoning.strip():
            msg.kind = "answer"

    def _tool(self, msg: _Message, kind: str, content: JSON) -> None:
        if kind == "execution_output":
            output = _text(content.get("text"))
            msg.text = _fence(output) if output.strip() else ""
        elif kind == "multimodal_text":
            notes = [
                self._image_note(_obj(p), "Image made in ChatGPT")
                for p in self._parts(content)
                if _text(_obj(p).get("content_type")) == "image_asset_pointer"
            ]
            msg.text = "\n\n".join(notes)
        if msg.text:
            msg.kind = "answer"
        elif kind in ("text", "multimodal_text", "execution_output") and not self._plain(content).strip():
            return  # empty tool chatter
        else:
            self.skip("tool messages")

    def _answer_parts(self, content: JSON) -> str:
        texts: list[str] = []
        for part in self._parts(content):
            if isinstance(part, str):
                texts.append(part)
            elif _text(_obj(part).get("content_type")) == "image_asset_pointer":
                texts.append(self._image_note(_obj(part), "Image made in ChatGPT"))
            else:
                self.skip(f"{_text(_obj(part).get('content_type')) or 'unknown'} parts")
        return "\n".join(t for t in texts if t)

    def _image(self, part: JSON) -> JSON | None:
        pointer = _text(part.get("asset_pointer"))
        found = self.assets(pointer) if pointer else None
        if found is None:
            return None
        mime, data = found
        url = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        return {"type": "input_image", "image_url": url, "detail": "auto"}

    def _image_note(self, part: JSON, what: str) -> str:
        self.images_noted += 1
        size = ""
        width, height = part.get("width"), part.get("height")
        if isinstance(width, int) and isinstance(height, int):
            size = f", {width}×{height}"
        name = asset_id(_text(part.get("asset_pointer"))) or "no file id"
        return f"[{what} — not included in the export ({name}{size})]"


# -- turns -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Turn:
    """A prompt and the answer so far along one path; `key` = the last message that changed it."""

    key: str
    parent: str | None  # the app node this turn continues from
    prompt: _Message | None
    answers: tuple[_Message, ...] = ()

    @property
    def ids(self) -> list[str]:
        return ([self.prompt.id] if self.prompt else []) + [a.id for a in self.answers]


class _Converter:
    def __init__(self, conv_key: str, conv_id: str, start: float, reader: _Reader) -> None:
        self.conv_key = conv_key
        self.conv_id = conv_id
        self.start = start
        self.reader = reader
        self.nodes: dict[str, Node] = {}  # by turn key
        self.by_node_id: dict[str, Node] = {}
        self.node_of: dict[str, str] = {}  # ChatGPT message id -> app node id
        self.instructions = ""

    def close(self, turn: _Turn | None) -> str | None:
        """The app node for a finished turn (made once, however many paths end it)."""
        if turn is None:
            return None
        made = self.nodes.get(turn.key)
        if made is None:
            made = self._node(turn)
            self.nodes[turn.key] = made
            self.by_node_id[made.id] = made
            for message_id in turn.ids:
                self.node_of.setdefault(message_id, made.id)
        return made.id

    def _node(self, turn: _Turn) -> Node:
        prompt = turn.prompt
        content: list[JSON] = []
        if prompt is not None and prompt.text:
            content.append({"type": "input_text", "text": prompt.text})
        content.extend(prompt.images if prompt else [])
        items = [{"type": "message", "role": "user", "content": content}] if content else []
        text = "\n\n".join(a.text for a in turn.answers if a.text)
        reasoning = "\n\n".join(a.reasoning for a in turn.answers if a.reasoning)
        models = [a.model for a in turn.answers if a.model]
        times = [m.created for m in ([prompt] if prompt else []) + list(turn.answers) if m.created]
        parent = self.by_node_id.get(turn.parent) if turn.parent else None
        floor = parent.created_at if parent else self.start
        first_answer = next((a.created for a in turn.answers if a.created), None)
        created = max(first_answer or (times[0] if times else floor), floor + 0.001)
        answered = bool(text.strip())
        return Node(
            id=uuid.uuid5(NAMESPACE, f"{self.conv_key}/{turn.key}").hex,
            conversation_id=self.conv_id,
            parent_id=turn.parent,
            input_items=items,
            output_text=text,
            reasoning_text=reasoning,
            model=models[-1] if models else "",
            params={"model": models[-1]} if models else {},
            status=NodeStatus.COMPLETED if answered else NodeStatus.INCOMPLETE,
            notice=None if answered else NO_ANSWER_NOTICE,
            created_at=created,
            updated_at=max([created, *times]),
        )

    def walk(self, messages: dict[str, _Message], roots: list[str], children: dict[str, list[str]]) -> None:
        """Depth first over the message tree (no recursion: chats can be thousands deep)."""
        seen: set[str] = set()
        stack: list[tuple[str, str | None, _Turn | None]] = [(r, None, None) for r in reversed(roots)]
        while stack:
            message_id, app_parent, turn = stack.pop()
            if message_id in seen:
                continue
            seen.add(message_id)
            msg = messages[message_id]
            if msg.kind == "prompt":
                app_parent = self.close(turn) if turn is not None else app_parent
                turn = _Turn(key=msg.id, parent=app_parent, prompt=msg)
            elif msg.kind == "answer":
                if turn is None:
                    turn = _Turn(key=msg.id, parent=app_parent, prompt=None)
                turn = _Turn(key=msg.id, parent=turn.parent, prompt=turn.prompt, answers=(*turn.answers, msg))
            elif msg.kind == "system" and not self.instructions:
                self.instructions = msg.text
            kids = [k for k in children.get(message_id, []) if k not in seen]
            if not kids:
                self.close(turn)
            for kid in reversed(kids):
                stack.append((kid, app_parent, turn))


def _conversation_key(raw: JSON, index: int) -> str:
    for name in ("conversation_id", "id"):
        value = raw.get(name)
        if isinstance(value, str) and value:
            return value
    digest = hashlib.sha256(
        json.dumps(
            [raw.get("title"), raw.get("create_time"), sorted(_obj(raw.get("mapping")))], default=str
        ).encode()
    ).hexdigest()
    return f"anonymous-{digest[:32]}"


def convert_conversation(raw: Any, index: int, reader: _Reader) -> tuple[Conversation, list[Node]] | None:
    """One ChatGPT conversation as the app's conversation and nodes (None: nothing to import)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("mapping"), dict):
        reader.skip("entries that are not conversations")
        return None
    key = _conversation_key(raw, index)
    conv_id = uuid.uuid5(NAMESPACE, f"chatgpt:{key}").hex
    messages = {str(k): reader.message(str(k), v) for k, v in raw["mapping"].items()}
    children: dict[str, list[str]] = {}
    for msg in messages.values():
        listed = [c for c in msg.children if c in messages and c != msg.id]
        children[msg.id] = list(dict.fromkeys(listed))
    for msg in messages.values():  # a child that names its parent but is not listed by it
        if msg.parent in messages and msg.parent != msg.id and msg.id not in children[msg.parent]:
            children[msg.parent].append(msg.id)
    listed_somewhere = {c for kids in children.values() for c in kids}
    roots = [m for m in messages if m not in listed_somewhere]
    created = _number(raw.get("create_time")) or min(
        (m.created for m in messages.values() if m.created), default=0.0
    )
    converter = _Converter(key, conv_id, created, reader)
    converter.walk(messages, roots, children)
    unreached = sum(1 for m in messages.values() if m.kind != "skip" and m.id not in converter.node_of)
    if unreached:  # only reachable through a loop of parent links: part of no tree
        reader.summary.skipped["messages outside the conversation tree"] += unreached
    if not converter.nodes:
        reader.skip("empty conversations")
        return None
    nodes = sorted(converter.nodes.values(), key=lambda n: n.created_at)
    current = raw.get("current_node")
    selected: str | None = None
    while isinstance(current, str) and current in messages and selected is None:
        selected = converter.node_of.get(current)
        parent = messages[current].parent
        current = parent if parent != current else None
    title = _text(raw.get("title")).strip()
    if not title:
        first = next((n for n in nodes if n.user_text), None)
        title = title_from_prompt(first.user_text) if first else "Untitled ChatGPT conversation"
    updated = _number(raw.get("update_time")) or max(n.updated_at for n in nodes)
    conv = Conversation(
        title=title,
        id=conv_id,
        selected_node_id=selected or nodes[-1].id,
        params_override={"instructions": converter.instructions} if converter.instructions else {},
        created_at=created or nodes[0].created_at,
        updated_at=max(updated, created),
    )
    return conv, nodes


def parse_chatgpt_export(
    data: Any, assets: AssetFinder = _no_assets, notes: dict[str, int] | None = None
) -> tuple[Batch, ImportSummary]:
    """The conversations of a parsed conversations.json, and what was skipped (nothing written).

    `notes`, if given, receives how many image placeholders each conversation holds.
    """
    summary = ImportSummary(source="a ChatGPT export")
    notes = {} if notes is None else notes
    if isinstance(data, dict) and isinstance(data.get("mapping"), dict):
        data = [data]
    if not isinstance(data, list):
        raise ImportFailed(
            "This is not a ChatGPT export: conversations.json holds a list of conversations. "
            "Nothing was imported."
        )
    if data and not is_chatgpt_export(data):
        raise ImportFailed("No ChatGPT conversations were found in the file. Nothing was imported.")
    reader = _Reader(summary, assets)
    batch: Batch = []
    seen: set[str] = set()
    for index, raw in enumerate(data):
        before = reader.images_noted
        converted = convert_conversation(raw, index, reader)
        if converted is None:
            continue
        if converted[0].id in seen:
            reader.skip("duplicate conversations")
            continue
        seen.add(converted[0].id)
        batch.append(converted)
        notes[converted[0].id] = reader.images_noted - before
    return batch, summary


def import_chatgpt(store: Store, data: Any, assets: AssetFinder = _no_assets) -> ImportSummary:
    """Parse everything, then write it in one transaction."""
    notes: dict[str, int] = {}
    batch, summary = parse_chatgpt_export(data, assets, notes)
    written = write_conversations(store, batch, summary)
    summary.images_missing = sum(notes.get(conversation_id, 0) for conversation_id in written)
    return summary
