"""The `image_generation` tool: a small PNG made from the prompt (no Qt, no image library: zlib and a
few bytes of header), with rougher partial images streamed first (`partial_images`, 0 to 3)."""

from __future__ import annotations

import base64
import hashlib
import struct
import zlib

from desktop_chat.emulator.answers import JSON
from desktop_chat.emulator.wire import EventStream, new_id

SIDE = 64  # pixels


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png(prompt: str, detail: int = 3, side: int = SIDE) -> bytes:
    """A side×side RGB PNG: a gradient in the prompt's colours; `detail` 0..3 (coarser blocks below 3)."""
    digest = hashlib.sha256(prompt.encode()).digest()
    first, second = digest[0:3], digest[3:6]
    block = max(1, side >> (detail + 1)) if detail < 3 else 1
    rows = []
    for y in range(side):
        row = bytearray([0])  # filter: none
        for x in range(side):
            bx, by = (x // block) * block, (y // block) * block
            t = (bx + by) / (2 * (side - 1))
            row += bytes(round(a + (b - a) * t) for a, b in zip(first, second, strict=True))
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    body = zlib.compress(b"".join(rows), 9)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")


class ImageTool:
    """The image one request makes, when it offers the image_generation tool."""

    def __init__(self, body: JSON, prompt: str) -> None:
        tools = [
            t for t in body.get("tools") or [] if isinstance(t, dict) and t.get("type") == "image_generation"
        ]
        self.on = bool(tools)
        self.prompt = prompt
        self.item_id = new_id("ig")
        partial = (tools[0].get("partial_images") if tools else 0) or 0
        self.partials = max(0, min(3, int(partial)))
        self.result = base64.b64encode(png(prompt)).decode("ascii") if self.on else ""

    def item(self, done: bool) -> JSON:
        return {
            "id": self.item_id,
            "type": "image_generation_call",
            "status": "completed" if done else "in_progress",
            "result": self.result if done else None,
        }

    def answer_line(self) -> str:
        return f"Generated an image of “{self.prompt}”." if self.on else ""

    def stream(self, out: EventStream, index: int) -> None:
        at = {"item_id": self.item_id, "output_index": index}
        out.event("response.output_item.added", output_index=index, item=self.item(False))
        out.event("response.image_generation_call.in_progress", **at)
        out.event("response.image_generation_call.generating", **at)
        for k in range(self.partials):
            partial = base64.b64encode(png(self.prompt, detail=k)).decode("ascii")
            out.event(
                "response.image_generation_call.partial_image",
                **at,
                partial_image_index=k,
                partial_image_b64=partial,
                size=f"{SIDE}x{SIDE}",
                output_format="png",
            )
            out.pause()
        out.event("response.image_generation_call.completed", **at)
        out.event("response.output_item.done", output_index=index, item=self.item(True))
