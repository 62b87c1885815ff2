"""Images the `image_generation` tool made: kept by content hash like attachments, shown in the answer.

The API sends an `image_generation_call` item whose `result` is the image in base64, and while it works
`partial_image` events (earlier, rougher versions). Before an answer is stored, each result goes to the
attachment folder and the item keeps a reference instead (`"result": "attachment:<sha256>"`, with the
app's `desktop_chat` note: mime, size, width, height), so the database holds no image bytes; just before
a request the reference becomes base64 again (`resolve_generated`), so a replay carries the image;
`with_generated_images` wraps a stream function to do both.
While an answer streams, the node holds a provisional item with the newest partial image.
"""

from __future__ import annotations

import base64
import binascii
import struct
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop_chat.core.api.events import ChatError, Completed, ErrorKind, Failed, Incomplete, StreamEvent
from desktop_chat.core.content.attachments import (
    REFERENCE_PREFIX,
    Attachment,
    AttachmentError,
    AttachmentStore,
    StreamFn,
    reference_of,
    sniff_mime,
)

JSON = dict[str, Any]
IMAGE_CALL = "image_generation_call"
NOTE_KEY = "desktop_chat"
PARTIAL_KEY = "partial_image_b64"  # on a provisional item while the image is being made


@dataclass(frozen=True)
class GeneratedImage:
    """One generated image of an answer: stored (`sha256`), or a partial one while it streams."""

    item_id: str
    sha256: str = ""
    mime: str = "image/png"
    width: int = 0
    height: int = 0
    partial_b64: str = ""
    partial_index: int = -1
    status: str = ""

    def attachment(self) -> Attachment:
        """The image as an attachment of a next prompt."""
        name = f"generated-{self.sha256[:8]}.{self.mime.rsplit('/', 1)[-1]}"
        return Attachment("image", self.mime, name, self.sha256, 0, self.width or None, self.height or None)


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG, (0, 0) for anything else."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    return 0, 0


def generated_images(items: list[JSON]) -> list[GeneratedImage]:
    """The generated images among output items, in order (stored ones and partial ones)."""
    found: list[GeneratedImage] = []
    for item in items:
        if item.get("type") != IMAGE_CALL:
            continue
        raw_note = item.get(NOTE_KEY)
        note: JSON = raw_note if isinstance(raw_note, dict) else {}
        sha = reference_of(item.get("result")) or ""
        partial = str(item.get(PARTIAL_KEY) or "")
        if not sha and not partial:
            continue
        found.append(
            GeneratedImage(
                str(item.get("id") or ""),
                sha,
                str(note.get("mime") or "image/png"),
                int(note.get("width") or 0),
                int(note.get("height") or 0),
                partial,
                int(note.get("partial_index", -1)),
                str(item.get("status") or ""),
            )
        )
    return found


def with_partial(items: list[JSON], item_id: str, index: int, b64: str) -> list[JSON]:
    """The items with the provisional item of `item_id` showing its newest partial image."""
    provisional = {
        "type": IMAGE_CALL,
        "id": item_id,
        "status": "generating",
        "result": None,
        PARTIAL_KEY: b64,
        NOTE_KEY: {"partial_index": index},
    }
    kept = [i for i in items if not (i.get("type") == IMAGE_CALL and i.get("id") == item_id)]
    return [*kept, provisional]


def has_results(items: list[JSON]) -> bool:
    """Whether any image_generation_call item carries its image as base64 (to be stored)."""
    return any(
        i.get("type") == IMAGE_CALL and isinstance(i.get("result"), str) and not reference_of(i["result"])
        for i in items
    )


def keep_generated(items: list[JSON], store: AttachmentStore) -> list[JSON]:
    """The items with each generated image stored by hash and referred to (see module)."""
    kept: list[JSON] = []
    for item in items:
        result = item.get("result")
        if item.get("type") == IMAGE_CALL and isinstance(result, str) and result and not reference_of(result):
            try:
                data = base64.b64decode(result, validate=True)
            except (binascii.Error, ValueError):
                kept.append(item)
                continue
            mime = sniff_mime(data) or "image/png"
            sha = store.put(data, mime)
            width, height = png_size(data)
            note = {"mime": mime, "size": len(data), "width": width, "height": height}
            item = {**item, "result": REFERENCE_PREFIX + sha, NOTE_KEY: note}
        kept.append(item)
    return kept


def has_generated_references(items: Any) -> bool:
    return isinstance(items, list) and any(
        isinstance(i, dict) and i.get("type") == IMAGE_CALL and reference_of(i.get("result")) for i in items
    )


def resolve_generated(items: list[JSON], store: AttachmentStore) -> list[JSON]:
    """The items with stored images as base64 again (as the API sent them), the app's note removed."""
    resolved: list[JSON] = []
    for item in items:
        sha = reference_of(item.get("result")) if item.get("type") == IMAGE_CALL else None
        if sha is not None:
            data = store.read(sha, "A generated image")
            item = {k: v for k, v in item.items() if k not in (NOTE_KEY, PARTIAL_KEY)}
            item["result"] = base64.b64encode(data).decode("ascii")
        resolved.append(item)
    return resolved


def replay_image_items(items: list[JSON]) -> list[JSON]:
    """A finished turn's generated images as input items of a later replay (by reference)."""
    return [
        {"type": IMAGE_CALL, "id": i.get("id"), "status": "completed", "result": i["result"]}
        for i in items
        if i.get("type") == IMAGE_CALL and reference_of(i.get("result"))
    ]


def with_generated_images(stream: StreamFn, store_dir: Path) -> StreamFn:
    """A stream function that keeps the images an answer made (stored, referred to: see module) and
    sends stored ones as base64 again (both off the UI thread). A missing image ends the turn with a
    Failed event that says so; nothing is sent then."""

    async def send(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        import asyncio  # here, not at start-up: the window imports this module before it paints

        store = AttachmentStore(store_dir)
        items = request.get("input")
        if isinstance(items, list) and has_generated_references(items):
            try:
                resolved = await asyncio.to_thread(resolve_generated, items, store)
            except AttachmentError as exc:
                yield Failed(ChatError(ErrorKind.BAD_REQUEST, exc.user_message))
                return
            request = {**request, "input": resolved}
        events = stream(request)
        try:
            async for event in events:
                if isinstance(event, Completed | Incomplete) and has_results(event.output_items):
                    kept = await asyncio.to_thread(keep_generated, event.output_items, store)
                    event = replace(event, output_items=kept)
                yield event
        finally:
            aclose = getattr(events, "aclose", None)
            if aclose is not None:
                await aclose()

    return send
