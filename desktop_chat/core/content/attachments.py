"""Images and PDFs attached to prompts: checked, stored once by content hash, sent as data URLs.

A node keeps its attachments *by reference*, so the database does not carry megabytes of base64:

    {"type": "input_image", "image_url": "attachment:<sha256>", "detail": "auto", "mime": "image/png", …}
    {"type": "input_file", "file_data": "attachment:<sha256>", "filename": "a.pdf", "mime": …}

The bytes live in `<data_dir>/attachments/<sha256[:2]>/<sha256>.<ext>`. Just before a request is sent,
`resolve_attachments` turns every reference into the Responses API part (a base64 data URL) and drops
the bookkeeping keys. The type of a file is decided by its first bytes, never by its name.
Image decoding, animation checks and downscaling need Qt and live in `ui/image_tools.py`.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import tempfile
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop_chat.core.api.events import ChatError, ErrorKind, Failed, StreamEvent
from desktop_chat.core.conversation.model import JSON

REFERENCE_PREFIX = "attachment:"
IMAGE_MIMES = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif"}
PDF_MIME = "application/pdf"
EXTENSIONS = {**IMAGE_MIMES, PDF_MIME: "pdf"}
DETAILS = ("auto", "low", "high")
ACCEPTED = "PNG, JPEG, WEBP or GIF image, or a PDF"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_API_KEYS = {"input_image": ("type", "image_url", "detail"), "input_file": ("type", "filename", "file_data")}


class AttachmentError(Exception):
    """A file cannot be attached or sent; `user_message` says which and why."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


@dataclass(frozen=True)
class Limits:
    """How large an attachment may be (configurable; the defaults suit the OpenAI API)."""

    max_file_bytes: int = 20 * 1024 * 1024  # one file, as read from disk and as sent
    max_image_side: int = 2048  # larger images are downscaled to this (longest side, aspect kept)
    max_total_bytes: int = 50 * 1024 * 1024  # everything attached to one prompt

    @classmethod
    def from_json(cls, data: Any) -> Limits:
        """Limits from stored settings; missing or unusable values keep their defaults."""
        values = {
            name: value
            for name, value in (data.items() if isinstance(data, dict) else ())
            if name in cls.__dataclass_fields__ and isinstance(value, int) and not isinstance(value, bool)
        }
        limits = cls(**values)
        if limits.max_file_bytes < 1 or limits.max_image_side < 16 or limits.max_total_bytes < 1:
            return cls()
        return limits


@dataclass(frozen=True)
class Attachment:
    """One image or PDF of a prompt: stored bytes (`sha256`) or, for images only, an https `url`."""

    kind: str  # "image" | "pdf"
    mime: str
    filename: str
    sha256: str = ""
    size: int = 0
    width: int | None = None
    height: int | None = None
    detail: str = "auto"  # images: "low" | "high" | "auto"
    url: str | None = None  # an image the server fetches itself (https only); nothing stored

    def with_detail(self, detail: str) -> Attachment:
        return replace(self, detail=detail if detail in DETAILS else "auto")

    def to_part(self) -> JSON:
        """The input part kept in the node (by reference; see `resolve_attachments`)."""
        if self.kind == "pdf":
            return {
                "type": "input_file",
                "filename": self.filename,
                "file_data": REFERENCE_PREFIX + self.sha256,
                "mime": self.mime,
                "size": self.size,
            }
        if self.url:
            return {"type": "input_image", "image_url": self.url, "detail": self.detail}
        part: JSON = {
            "type": "input_image",
            "image_url": REFERENCE_PREFIX + self.sha256,
            "detail": self.detail,
            "mime": self.mime,
            "filename": self.filename,
            "size": self.size,
        }
        if self.width and self.height:
            part.update(width=self.width, height=self.height)
        return part

    @classmethod
    def from_part(cls, part: Any) -> Attachment | None:
        """The attachment an input part holds (a stored reference or an https image), else None."""
        if not isinstance(part, dict):
            return None
        kind = part.get("type")
        if kind == "input_file":
            sha = reference_of(part.get("file_data"))
            if sha is None:
                return None
            return cls(
                "pdf", PDF_MIME, str(part.get("filename") or "document.pdf"), sha, _int(part.get("size"))
            )
        if kind != "input_image":
            return None
        detail = part.get("detail") if part.get("detail") in DETAILS else "auto"
        url = part.get("image_url")
        url = url.get("url") if isinstance(url, dict) else url
        sha = reference_of(url)
        if sha is None:
            if isinstance(url, str) and url.startswith("https://"):
                return cls("image", "", url.rsplit("/", 1)[-1][:80] or "image", detail=str(detail), url=url)
            return None
        mime = str(part.get("mime") or "image/png")
        return cls(
            "image",
            mime,
            str(part.get("filename") or f"image.{IMAGE_MIMES.get(mime, 'png')}"),
            sha,
            _int(part.get("size")),
            _int(part.get("width")) or None,
            _int(part.get("height")) or None,
            str(detail),
        )


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def reference_of(value: Any) -> str | None:
    """The sha256 of an `attachment:<sha256>` reference, else None."""
    if isinstance(value, str) and value.startswith(REFERENCE_PREFIX):
        sha = value[len(REFERENCE_PREFIX) :]
        if _SHA256.fullmatch(sha):
            return sha
    return None


def attachment_parts(items: list[JSON]) -> list[tuple[str, Attachment | None]]:
    """Every image or file part of the message items, in order: ("image" | "file", its attachment).

    The attachment is None for a part this app did not make (e.g. an inline data URL or a file_id).
    """
    found: list[tuple[str, Attachment | None]] = []
    for item in items:
        content = item.get("content")
        if item.get("type", "message") == "message" and isinstance(content, list):
            for part in content:
                if isinstance(part, dict) and part.get("type") in _API_KEYS:
                    kind = "image" if part["type"] == "input_image" else "file"
                    found.append((kind, Attachment.from_part(part)))
    return found


def attachments_of(items: list[JSON]) -> list[Attachment]:
    """Every attachment (stored or https image) in the message items, in order."""
    return [attachment for _, attachment in attachment_parts(items) if attachment is not None]


def user_message_with(text: str, attachments: list[Attachment]) -> JSON:
    """A user message item: the text (if any) followed by the attachments' parts."""
    parts: list[JSON] = [{"type": "input_text", "text": text}] if text else []
    parts.extend(a.to_part() for a in attachments)
    return {"type": "message", "role": "user", "content": parts}


# -- checking ---------------------------------------------------------------------------------------
def sniff_mime(data: bytes) -> str | None:
    """The type the first bytes say (PNG, JPEG, GIF, WEBP or PDF), else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:1024].lstrip(b"\r\n\t \x00").startswith(b"%PDF-"):
        return PDF_MIME
    return None


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def check_size(name: str, size: int, limits: Limits) -> None:
    if size == 0:
        raise AttachmentError(f"“{name}” is empty: nothing was attached.")
    if size > limits.max_file_bytes:
        raise AttachmentError(
            f"“{name}” is {human_size(size)}; attachments may be at most "
            f"{human_size(limits.max_file_bytes)}. Nothing was attached."
        )


def check_pdf(name: str, data: bytes) -> None:
    """A PDF must start with its header and end with an end-of-file marker (else it is damaged)."""
    if sniff_mime(data) != PDF_MIME or b"%%EOF" not in data[-4096:]:
        raise AttachmentError(
            f"“{name}” is not a complete PDF (it looks damaged or cut short). Nothing was attached."
        )


def read_checked(path: Path, limits: Limits) -> tuple[bytes, str]:
    """The bytes of a file and its sniffed type; AttachmentError when it may not be attached."""
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise AttachmentError(f"“{name}” is not a file. Nothing was attached.")
        check_size(name, size, limits)  # before reading: a huge file is never loaded
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise AttachmentError(
            f"“{name}” cannot be read: {exc.strerror or exc}. Nothing was attached."
        ) from exc
    check_size(name, len(data), limits)
    mime = sniff_mime(data)
    if mime is None:
        raise AttachmentError(
            f"“{name}” is not a {ACCEPTED} (judged by its content, not its name). Nothing was attached."
        )
    if mime == PDF_MIME:
        check_pdf(name, data)
    return data, mime


def check_image_url(text: str) -> str:
    """A cleaned https URL for an image the server fetches; AttachmentError otherwise."""
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not parts.hostname or any(c.isspace() for c in url):
        raise AttachmentError(f"Only https:// image addresses can be attached (got “{url[:200]}”).")
    return url


# -- storage ----------------------------------------------------------------------------------------
def attachments_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "attachments"


class AttachmentStore:
    """Attachment bytes kept once per content hash under `root` (`<data_dir>/attachments`)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str, mime: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.{EXTENSIONS.get(mime, 'bin')}"

    def find(self, sha256: str) -> Path | None:
        if not _SHA256.fullmatch(sha256):
            return None
        folder = self.root / sha256[:2]
        for ext in dict.fromkeys(EXTENSIONS.values()):
            candidate = folder / f"{sha256}.{ext}"
            if candidate.is_file():
                return candidate
        return None

    def read(self, sha256: str, what: str = "an attachment") -> bytes:
        path = self.find(sha256)
        try:
            if path is None:
                raise FileNotFoundError(sha256)
            return path.read_bytes()
        except OSError as exc:
            raise AttachmentError(
                f"{what} of an earlier prompt is missing from the attachment folder ({self.root}), "
                f"so it cannot be sent again (content hash {sha256[:12]}…)."
            ) from exc

    def put(self, data: bytes, mime: str) -> str:
        """Store the bytes (once: same content, same file); returns their sha256."""
        sha = hashlib.sha256(data).hexdigest()
        path = self.path_for(sha, mime)
        if path.is_file() and path.stat().st_size == len(data):
            return sha
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha

    def add(
        self,
        data: bytes,
        mime: str,
        filename: str,
        *,
        width: int | None = None,
        height: int | None = None,
        detail: str = "auto",
    ) -> Attachment:
        """Store checked bytes (an image already prepared, or a PDF) and describe them."""
        if mime not in EXTENSIONS:
            raise AttachmentError(f"“{filename}” is not a {ACCEPTED}. Nothing was attached.")
        sha = self.put(data, mime)
        kind = "pdf" if mime == PDF_MIME else "image"
        return Attachment(kind, mime, filename, sha, len(data), width, height, "auto").with_detail(detail)


# -- sending ----------------------------------------------------------------------------------------
def data_url(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _resolve_part(part: Any, store: AttachmentStore) -> Any:
    if not isinstance(part, dict) or part.get("type") not in _API_KEYS:
        return part
    attachment = Attachment.from_part(part)
    if attachment is None or attachment.url:
        return part  # a data URL or https URL given as is
    what = f"The {'PDF' if attachment.kind == 'pdf' else 'image'} “{attachment.filename}”"
    data = store.read(attachment.sha256, what)
    if attachment.kind == "pdf":
        return {"type": "input_file", "filename": attachment.filename, "file_data": data_url(PDF_MIME, data)}
    mime = sniff_mime(data) or attachment.mime
    return {"type": "input_image", "image_url": data_url(mime, data), "detail": attachment.detail}


def resolve_attachments(items: list[JSON], store_dir: Path) -> list[JSON]:
    """The items with every attachment reference replaced by its API part (a base64 data URL).

    Items without references are returned as they are (not copied). AttachmentError when a referenced
    file is missing from `store_dir`.
    """
    store = AttachmentStore(store_dir)
    resolved: list[JSON] = []
    for item in items:
        content = item.get("content") if isinstance(item, dict) else None
        if isinstance(content, list) and any(
            isinstance(p, dict) and p.get("type") in _API_KEYS for p in content
        ):
            item = {**item, "content": [_resolve_part(p, store) for p in content]}
        resolved.append(item)
    return resolved


def resolve_request(request: dict[str, Any], store_dir: Path) -> dict[str, Any]:
    """A request (`client.responses.create` keyword arguments) with its input's references resolved."""
    items = request.get("input")
    if not isinstance(items, list):
        return request
    return {**request, "input": resolve_attachments(items, store_dir)}


StreamFn = Callable[[dict[str, Any]], AsyncIterator[StreamEvent]]


def has_references(items: Any) -> bool:
    """Whether any message item holds an attachment reference (so it must be resolved before sending)."""
    return isinstance(items, list) and any(
        attachment is not None and not attachment.url
        for item in items
        if isinstance(item, dict)
        for _, attachment in attachment_parts([item])
    )


def with_attachments(stream: StreamFn, store_dir: Path) -> StreamFn:
    """A stream function that resolves attachment references (off the UI thread) before sending.

    A missing attachment ends the turn with a Failed event that says which file is missing; nothing
    is sent then.
    """

    async def send(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        if has_references(request.get("input")):
            try:
                import asyncio  # here, not at start-up: the window imports this module before it paints

                request = await asyncio.to_thread(resolve_request, request, store_dir)
            except AttachmentError as exc:
                yield Failed(ChatError(ErrorKind.BAD_REQUEST, exc.user_message))
                return
        events = stream(request)
        try:
            async for event in events:
                yield event
        finally:
            aclose = getattr(events, "aclose", None)
            if aclose is not None:
                await aclose()

    return send
