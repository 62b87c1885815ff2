"""The emulator's HTTP plumbing: the threaded server, its request handler, JSON answers and SSE streams.

Standard library only: a ThreadingHTTPServer in a daemon thread, HTTP/1.1 keep-alive, streams sent
as Server-Sent Events in chunked transfer encoding (so a dropped connection is a protocol error the
client notices, not a clean end of body).
"""

from __future__ import annotations

import contextlib
import json
import secrets
import select
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

JSONish = dict[str, Any]


class Abort(Exception):
    """The client went away or the emulator is stopping: end this request without a reply."""


class Headers(dict[str, str]):
    """Header names in lower case; lookups ignore case."""

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key.lower() if isinstance(key, str) else key)


@dataclass
class RecordedRequest:
    method: str
    path: str  # without the query string
    headers: dict[str, str]  # lower-case names; lookups ignore case
    body: dict[str, Any] | None
    query: dict[str, str] = field(default_factory=dict)


class ApiError(Exception):
    """An HTTP error answer in OpenAI's shape."""

    def __init__(
        self,
        status: int,
        message: str,
        type_: str = "invalid_request_error",
        param: str | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"message": message, "type": type_, "param": param, "code": code}}
        self.headers = headers or {}


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(24)}"


def chunks(text: str, size: int) -> Iterator[str]:
    for start in range(0, len(text), max(1, size)):
        yield text[start : start + max(1, size)]


def client_gone(sock: socket.socket) -> bool:
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        return bool(readable) and sock.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True


class Host(Protocol):
    """What the server calls back: the emulator, which tracks connections and answers requests."""

    def _register(self, handler: Handler) -> None: ...

    def _unregister(self, handler: Handler) -> None: ...

    def _dispatch(self, handler: Handler) -> None: ...


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    owner: Host

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # a client going away is no error here
            super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Server
    server_version = "desktop-chat-emulator"

    def setup(self) -> None:
        super().setup()
        self.server.owner._register(self)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.owner._unregister(self)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def do_GET(self) -> None:
        self.server.owner._dispatch(self)

    do_POST = do_GET
    do_DELETE = do_GET


def read_body(handler: Handler) -> bytes:
    length = int(handler.headers.get("Content-Length") or 0)
    return handler.rfile.read(length) if length else b""


def send_json(handler: Handler, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
    data = json.dumps(obj).encode()
    try:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.send_header("x-request-id", new_id("req"))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)
    except OSError:
        handler.close_connection = True


class EventStream:
    """Writes SSE events in chunked encoding; numbers them from 0.

    `stopping` ends the stream (the emulator is shutting down); `wait_gate` blocks while the
    emulator holds streams."""

    def __init__(
        self,
        handler: Handler,
        delay_s: float,
        stopping: threading.Event,
        wait_gate: Callable[[Handler], None],
    ) -> None:
        self.handler = handler
        self.delay_s = delay_s
        self.stopping = stopping
        self.wait_gate = wait_gate
        self.sequence = 0
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream; charset=utf-8")
        handler.send_header("Cache-Control", "no-cache")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.send_header("x-request-id", new_id("req"))
        handler.end_headers()

    def write(self, data: bytes) -> None:
        if self.stopping.is_set():
            raise Abort
        try:
            self.handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        except OSError as exc:
            raise Abort from exc

    def event(self, type_: str, **fields: Any) -> None:
        payload = {"type": type_, "sequence_number": self.sequence, **fields}
        self.sequence += 1
        self.write(f"event: {type_}\ndata: {json.dumps(payload)}\n\n".encode())

    def replay(self, payload: JSONish) -> None:
        """An event numbered already (a background response's, read again)."""
        self.write(f"event: {payload['type']}\ndata: {json.dumps(payload)}\n\n".encode())

    def data_only(self, payload: Any) -> None:
        self.write(f"data: {payload if isinstance(payload, str) else json.dumps(payload)}\n\n".encode())

    def pause(self, gate: bool = True) -> None:
        """After a delta: the per-delta delay, then (for text) wait while streams are held."""
        if self.delay_s > 0 and self.stopping.wait(self.delay_s):
            raise Abort
        if gate:
            self.wait_gate(self.handler)

    def silence(self, seconds: float) -> None:
        """Send nothing for `seconds` (a stalled server)."""
        if self.stopping.wait(seconds):
            raise Abort

    def keepalive_for(self, seconds: float, every_s: float = 1.0) -> None:
        """A `keepalive` event every `every_s` for `seconds` (a server whose model is thinking)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self.stopping.wait(min(every_s, left)):
                raise Abort
            self.event("keepalive")

    def end(self) -> None:
        try:
            self.handler.wfile.write(b"0\r\n\r\n")
        except OSError as exc:
            raise Abort from exc

    def drop(self) -> None:
        self.handler.close_connection = True
        with contextlib.suppress(OSError):
            self.handler.connection.shutdown(socket.SHUT_RDWR)
