"""A loopback server that speaks the OpenAI Responses API (see PROTOCOL.md), for tests and the demo.

Standard library only: a ThreadingHTTPServer in a daemon thread, HTTP/1.1 keep-alive, streams sent
as Server-Sent Events in chunked transfer encoding (so a dropped connection is a protocol error the
client notices, not a clean end of body).

Compaction (`POST /v1/responses/compact`): the output window keeps every user message verbatim and
replaces everything else (assistant answers, reasoning, tool items, earlier compactions) with one
`compaction` item whose `encrypted_content` is sealed with this emulator's secret. The window is
meant to be sent back as `input` (the history it replaces is not sent again); the compaction's own
id is not a stored response, so chaining from it (`previous_response_id`) answers
previous_response_not_found, as for any id the server does not hold. A compaction item whose seal does
not verify is refused (400, `invalid_encrypted_content`). Answers to a context holding a compaction
say so (`Compaction: …` line, read back with `parse_compaction`).

Server modes (`Emulator(mode=...)`) play the kinds of servers the app meets:
- "full": the Responses API with stored state (the default, like api.openai.com);
- "stateless": stores nothing, so chaining answers previous_response_not_found;
- "reject_previous": any `previous_response_id` is refused with a 400 (like llama.cpp's server);
- "ignore_previous": `previous_response_id` is accepted and silently ignored;
- "chat_only": no Responses API at all (404), Chat Completions only (like many local servers).
`azure=True` serves Azure OpenAI's paths instead of `/v1/…`: `/openai/deployments/{deployment}/…` and
`/openai/{responses,models}` with an `api-version` query, and the `/openai/v1/…` form; the key comes in
the `api-key` header (Bearer is also accepted on `/openai/v1/`). `base_url` is then the `/openai/v1`
form and `endpoint` the resource address to give `AsyncAzureOpenAI(azure_endpoint=…)`.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import hashlib
import hmac
import json
import math
import secrets
import select
import socket
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from desktop_chat.emulator.answers import (
    JSON,
    compaction_payload,
    compose,
    context_chars,
    count_tokens,
    file_search_results,
    interpreter_run,
    parse_directives,
    reasoning_summary,
    user_texts,
)

DEFAULT_MODELS = ["gpt-4.1-mini", "gpt-4.1", "gpt-5-mini", "o4-mini"]
HTTP_FAULTS = {
    "http_401",
    "http_403",
    "http_404_model",
    "http_429",
    "http_500",
    "http_503",
    "context_length",
    "unsupported_tool",
}
STREAM_FAULTS = {"drop", "hang", "malformed", "error_flat", "error_nested", "failed", "incomplete"}
FAULTS = HTTP_FAULTS | STREAM_FAULTS
# which request a queued fault waits for; "create" is POST /v1/responses and /v1/chat/completions
ENDPOINTS = {"create", "compact", "retrieve", "delete", "input_items"}
MODES = ("full", "stateless", "reject_previous", "ignore_previous", "chat_only")
REJECT_PREVIOUS_MESSAGE = "This server does not support 'previous_response_id'; send the whole conversation."
SERVER_ERROR_MESSAGE = (
    "The server had an error processing your request. Sorry about that! You can retry your request, "
    "or contact us through our help center at help.openai.com if you keep seeing this error."
)
PAUSE_POLL_S = 0.02


class _Abort(Exception):
    """The client went away or the emulator is stopping: end this request without a reply."""


class _Headers(dict[str, str]):
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


@dataclass
class _Fault:
    name: str
    params: dict[str, Any]
    times: int = 1
    endpoint: str = "create"


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


def _new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(24)}"


def _chunks(text: str, size: int) -> Iterator[str]:
    for start in range(0, len(text), max(1, size)):
        yield text[start : start + max(1, size)]


def _client_gone(sock: socket.socket) -> bool:
    try:
        readable, _, _ = select.select([sock], [], [], 0)
        return bool(readable) and sock.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True


def normalize_input(value: Any) -> list[JSON]:
    """Request `input` as a list of items with ids; message content always as a list of parts."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [{"role": "user", "content": value}]
    items: list[JSON] = []
    for raw in value:
        if not isinstance(raw, dict):
            continue
        item = copy.deepcopy(raw)
        kind = item.get("type") or ("message" if "role" in item else "item")
        if kind == "message":
            role = item.get("role", "user")
            content = item.get("content")
            if isinstance(content, str):
                if role == "assistant":
                    content = [{"type": "output_text", "text": content, "annotations": []}]
                else:
                    content = [{"type": "input_text", "text": content}]
            item.update(
                type="message", role=role, content=content or [], status=item.get("status") or "completed"
            )
            item.setdefault("id", _new_id("msg"))
        else:
            item["type"] = kind
            item.setdefault("id", _new_id({"function_call_output": "fco"}.get(kind, "item")))
        items.append(item)
    return items


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    emulator: Emulator

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], OSError):  # a client going away is no error here
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    server_version = "desktop-chat-emulator"

    def setup(self) -> None:
        super().setup()
        self.server.emulator._register(self)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.emulator._unregister(self)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def do_GET(self) -> None:
        self.server.emulator._dispatch(self)

    do_POST = do_GET
    do_DELETE = do_GET


class _EventStream:
    """Writes SSE events in chunked encoding; numbers them from 0."""

    def __init__(self, emulator: Emulator, handler: _Handler, delay_s: float) -> None:
        self.emulator = emulator
        self.handler = handler
        self.delay_s = delay_s
        self.sequence = 0
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream; charset=utf-8")
        handler.send_header("Cache-Control", "no-cache")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.send_header("x-request-id", _new_id("req"))
        handler.end_headers()

    def write(self, data: bytes) -> None:
        if self.emulator._stopping.is_set():
            raise _Abort
        try:
            self.handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        except OSError as exc:
            raise _Abort from exc

    def event(self, type_: str, **fields: Any) -> None:
        payload = {"type": type_, "sequence_number": self.sequence, **fields}
        self.sequence += 1
        self.write(f"event: {type_}\ndata: {json.dumps(payload)}\n\n".encode())

    def data_only(self, payload: Any) -> None:
        self.write(f"data: {payload if isinstance(payload, str) else json.dumps(payload)}\n\n".encode())

    def pause(self, gate: bool = True) -> None:
        """After a delta: the per-delta delay, then (for text) wait while streams are held."""
        if self.delay_s > 0 and self.emulator._stopping.wait(self.delay_s):
            raise _Abort
        if gate:
            self.emulator._wait_gate(self.handler)

    def end(self) -> None:
        try:
            self.handler.wfile.write(b"0\r\n\r\n")
        except OSError as exc:
            raise _Abort from exc

    def drop(self) -> None:
        self.handler.close_connection = True
        with contextlib.suppress(OSError):
            self.handler.connection.shutdown(socket.SHUT_RDWR)


class Emulator:
    """The emulated API. `start()` returns the base URL to give the SDK."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        models: list[str] | None = None,
        delay_s: float = 0.0,
        chunk_chars: int = 4,
        mode: str = "full",
        azure: bool = False,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        self.mode = mode
        self.azure = azure
        self.endpoint = ""  # the server's root address (Azure: the resource endpoint)
        self.host = host
        self.port = port
        self.models = list(models or DEFAULT_MODELS)
        self.delay_s = delay_s
        self.chunk_chars = max(1, chunk_chars)
        self.base_url = ""
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._requests_changed = threading.Condition(self._lock)
        self._faults: deque[_Fault] = deque()
        self._responses: dict[str, JSON] = {}  # stored responses by id
        self._contexts: dict[str, list[JSON]] = {}  # expanded input each response saw, by id
        self._secret = secrets.token_bytes(16)  # seals compaction items
        self._stopping = threading.Event()
        self._gate = threading.Event()
        self._gate.set()
        self._handlers: set[_Handler] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle -------------------------------------------------------------------------------

    def start(self) -> str:
        if self._server is not None:
            return self.base_url
        self._stopping.clear()
        server = _Server((self.host, self.port), _Handler)
        server.emulator = self
        self._server = server
        port = server.server_address[1]
        self.endpoint = f"http://{self.host}:{port}"
        self.base_url = f"{self.endpoint}/openai/v1" if self.azure else f"{self.endpoint}/v1"
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="emulator", daemon=True
        )
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        server.shutdown()
        if thread is not None:
            thread.join(5)
        with self._lock:
            self._stopping.set()
            handlers = list(self._handlers)
        for handler in handlers:
            with contextlib.suppress(OSError):
                handler.connection.shutdown(socket.SHUT_RDWR)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            with self._lock:
                if not self._handlers:
                    break
            time.sleep(0.005)
        server.server_close()

    def __enter__(self) -> Emulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _register(self, handler: _Handler) -> None:
        with self._lock:
            self._handlers.add(handler)
            stopping = self._stopping.is_set()
        if stopping:
            with contextlib.suppress(OSError):
                handler.connection.shutdown(socket.SHUT_RDWR)

    def _unregister(self, handler: _Handler) -> None:
        with self._lock:
            self._handlers.discard(handler)

    # ---- test controls ---------------------------------------------------------------------------

    def fail_next(self, fault: str, **params: Any) -> None:
        """Make the next /v1/responses request (or the next `times` ones) fail with `fault`.

        `endpoint="compact" | "retrieve" | "delete" | "input_items"` aims an HTTP fault at that
        request instead of at the next answer ("create", the default)."""
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; one of {sorted(FAULTS)}")
        times = int(params.pop("times", 1))
        endpoint = str(params.pop("endpoint", "create"))
        if endpoint not in ENDPOINTS:
            raise ValueError(f"unknown endpoint {endpoint!r}; one of {sorted(ENDPOINTS)}")
        if endpoint != "create" and fault not in HTTP_FAULTS:
            raise ValueError(f"only HTTP faults apply to {endpoint}; one of {sorted(HTTP_FAULTS)}")
        with self._lock:
            self._faults.append(_Fault(fault, params, times, endpoint))

    def forget(self, response_id: str | None = None) -> None:
        """Drop one stored response (or all): chaining from it answers previous_response_not_found."""
        with self._lock:
            if response_id is None:
                self._responses.clear()
            else:
                self._responses.pop(response_id, None)

    def wait_for_requests(self, n: int, timeout: float = 10) -> list[RecordedRequest]:
        with self._requests_changed:
            if not self._requests_changed.wait_for(lambda: len(self.requests) >= n, timeout):
                raise TimeoutError(
                    f"{len(self.requests)} request(s) arrived, expected {n} within {timeout} s"
                )
            return list(self.requests)

    def hold_streams(self) -> None:
        """Streams pause after their next text delta until release_streams()."""
        self._gate.clear()

    def release_streams(self) -> None:
        self._gate.set()

    def context_of(self, response_id: str) -> list[JSON]:
        """The expanded input items the response saw (earlier turns included), oldest first."""
        with self._lock:
            return copy.deepcopy(self._contexts[response_id])

    def _wait_gate(self, handler: _Handler) -> None:
        while not self._gate.wait(PAUSE_POLL_S):
            if self._stopping.is_set() or _client_gone(handler.connection):
                raise _Abort

    def _hang(self, handler: _Handler) -> None:
        while not self._stopping.wait(PAUSE_POLL_S):
            if _client_gone(handler.connection):
                break
        raise _Abort

    # ---- dispatch --------------------------------------------------------------------------------

    def _dispatch(self, handler: _Handler) -> None:
        url = urlsplit(handler.path)
        path = url.path.rstrip("/") or "/"
        query = dict(parse_qsl(url.query))
        method = handler.command
        try:
            raw = self._read_body(handler)
            body: Any = None
            if raw:
                try:
                    body = json.loads(raw)
                except ValueError:
                    raise ApiError(
                        400,
                        "We could not parse the JSON body of your request. (HINT: This likely means you "
                        "aren't using your HTTP library correctly.)",
                    ) from None
            if path.startswith("/_emulator/"):
                self._control(handler, method, path, body)
                return
            recorded = RecordedRequest(
                method,
                path,
                _Headers({k.lower(): v for k, v in handler.headers.items()}),
                body if isinstance(body, dict) else None,
                query,
            )
            with self._requests_changed:
                self.requests.append(recorded)
                self._requests_changed.notify_all()
            self._route(handler, method, path, query, body if isinstance(body, dict) else {})
        except ApiError as err:
            self._send_json(handler, err.status, err.body, err.headers)
        except _Abort:
            handler.close_connection = True
        except Exception as exc:  # a bug here: answer 500 with its text so the test shows it
            traceback.print_exc()
            self._send_json(
                handler, 500, {"error": {"message": f"emulator bug: {exc!r}", "type": "server_error"}}
            )

    @staticmethod
    def _read_body(handler: _Handler) -> bytes:
        length = int(handler.headers.get("Content-Length") or 0)
        return handler.rfile.read(length) if length else b""

    @staticmethod
    def _send_json(handler: _Handler, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(obj).encode()
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.send_header("x-request-id", _new_id("req"))
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(data)
        except OSError:
            handler.close_connection = True

    def _control(self, handler: _Handler, method: str, path: str, body: Any) -> None:
        body = body if isinstance(body, dict) else {}
        if method == "POST" and path == "/_emulator/faults":
            params = dict(body)
            try:
                self.fail_next(str(params.pop("fault", "")), **params)
            except ValueError as exc:
                raise ApiError(400, str(exc), param="fault") from None
        elif method == "GET" and path == "/_emulator/requests":
            with self._lock:
                listing = [asdict(r) for r in self.requests]
            self._send_json(handler, 200, listing)
            return
        elif method == "POST" and path == "/_emulator/forget":
            self.forget(body.get("response_id"))
        elif method == "POST" and path == "/_emulator/hold":
            self.hold_streams()
        elif method == "POST" and path == "/_emulator/release":
            self.release_streams()
        else:
            raise ApiError(404, f"Unknown emulator control {method} {path}")
        self._send_json(handler, 200, {"ok": True})

    def _azure_rest(
        self, handler: _Handler, method: str, path: str, query: dict[str, str], body: JSON
    ) -> list[str]:
        """The API path after Azure's prefix; a deployment's name becomes the request's model."""
        parts = path.split("/")[1:]
        if parts[:1] != ["openai"]:
            raise ApiError(404, "Resource not found", code="404")
        key = handler.headers.get("api-key") or ""
        bearer = handler.headers.get("Authorization") or ""
        if parts[1:2] == ["v1"]:
            if not key and bearer.lower().startswith("bearer "):
                key = bearer[7:].strip()
            rest = parts[2:]
        else:
            if "api-version" not in query:
                raise ApiError(404, "Resource not found", code="404")
            rest = parts[1:]
            if rest[:1] == ["deployments"] and len(rest) >= 3:
                body.setdefault("model", rest[1])
                rest = rest[2:]
        if not key:
            raise ApiError(
                401,
                "Access denied due to missing subscription key. Make sure to include subscription key when "
                "making requests to an API.",
                code="401",
            )
        if key == "sk-invalid":
            raise ApiError(
                401,
                "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a "
                "valid key for an active subscription and use a correct regional API endpoint for your "
                "resource.",
                code="401",
            )
        return rest

    def _route(self, handler: _Handler, method: str, path: str, query: dict[str, str], body: JSON) -> None:
        if self.azure:
            rest = self._azure_rest(handler, method, path, query, body)
        else:
            self._check_auth(handler)
            parts = path.split("/")[1:]  # "", "v1", ...
            if parts[:1] != ["v1"]:
                raise self._invalid_url(method, path)
            rest = parts[1:]
        if rest[:1] == ["responses"] and self.mode == "chat_only":
            raise self._invalid_url(method, path)
        if rest == ["responses"] and method == "POST":
            self._create_response(handler, body)
        elif rest == ["responses", "input_tokens"] and method == "POST":
            self._input_tokens(handler, body)
        elif rest == ["responses", "compact"] and method == "POST":
            self._compact(handler, body)
        elif len(rest) == 2 and rest[0] == "responses" and method in ("GET", "DELETE"):
            self._response_by_id(handler, method, rest[1])
        elif len(rest) == 3 and rest[0] == "responses" and rest[2] == "input_items" and method == "GET":
            self._input_items(handler, rest[1], query)
        elif rest == ["models"] and method == "GET":
            self._send_json(handler, 200, {"object": "list", "data": [self._model(m) for m in self.models]})
        elif len(rest) == 2 and rest[0] == "models" and method == "GET":
            self._check_model(rest[1])
            self._send_json(handler, 200, self._model(rest[1]))
        elif rest == ["chat", "completions"] and method == "POST":
            self._chat_completion(handler, body)
        else:
            raise self._invalid_url(method, path)

    @staticmethod
    def _invalid_url(method: str, path: str) -> ApiError:
        return ApiError(404, f"Invalid URL ({method} {path})")

    @staticmethod
    def _model(name: str) -> JSON:
        return {"id": name, "object": "model", "created": 1_700_000_000, "owned_by": "system"}

    @staticmethod
    def _check_auth(handler: _Handler) -> None:
        value = handler.headers.get("Authorization") or ""
        key = value[7:].strip() if value.lower().startswith("bearer ") else ""
        if not key:
            raise ApiError(
                401,
                "You didn't provide an API key. You need to provide your API key in an Authorization header "
                "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            )
        if key == "sk-invalid":
            raise _fault_error("http_401", {}, "")

    def _check_model(self, model: Any) -> None:
        if not model:
            raise ApiError(
                400, "Missing required parameter: 'model'.", param="model", code="missing_required_parameter"
            )
        if model not in self.models:
            raise _fault_error("http_404_model", {}, str(model))

    def _take_fault(self, endpoint: str = "create") -> _Fault | None:
        """The first queued fault aimed at this kind of request (used up after `times`)."""
        with self._lock:
            fault = next((f for f in self._faults if f.endpoint == endpoint), None)
            if fault is None:
                return None
            fault.times -= 1
            if fault.times <= 0:
                self._faults.remove(fault)
            return fault

    def _raise_fault(self, endpoint: str, model: str = "") -> None:
        fault = self._take_fault(endpoint)
        if fault is not None:
            raise _fault_error(fault.name, fault.params, model)

    # ---- responses -------------------------------------------------------------------------------

    def _expand(self, body: JSON) -> list[JSON]:
        """The request's full context: the stored chain (if any), then this request's input."""
        earlier: list[JSON] = []
        previous = body.get("previous_response_id")
        if previous and self.mode == "reject_previous":
            raise ApiError(400, REJECT_PREVIOUS_MESSAGE, param="previous_response_id")
        if previous and self.mode == "ignore_previous":
            previous = None
        if previous:
            with self._lock:
                stored = self._responses.get(previous)
                if stored is not None:
                    earlier = copy.deepcopy(self._contexts[previous] + stored["output"])
            if stored is None:
                raise ApiError(
                    400,
                    f"Previous response with id '{previous}' not found.",
                    param="previous_response_id",
                    code="previous_response_not_found",
                )
        items = normalize_input(body.get("input"))
        for item in items:
            if item.get("type") == "compaction" and not self._unseal(str(item.get("encrypted_content", ""))):
                raise ApiError(
                    400,
                    f"The encrypted content of item '{item.get('id')}' could not be verified.",
                    param="input",
                    code="invalid_encrypted_content",
                )
        return earlier + items

    def _create_response(self, handler: _Handler, body: JSON) -> None:
        fault = self._take_fault()
        model = str(body.get("model") or "")
        if fault is not None and fault.name in HTTP_FAULTS:
            raise _fault_error(fault.name, fault.params, model, body)
        self._check_model(model)
        _check_hosted_tools(body, model)
        context = self._expand(body)
        texts = user_texts(context)
        directives = parse_directives(texts[-1] if texts else "")
        if fault is None and directives.fault:
            if directives.fault not in FAULTS:
                raise ApiError(400, f"Unknown emulator fault '{directives.fault}'.", param="input")
            fault = _Fault(directives.fault, {})
        if fault is not None and fault.name in HTTP_FAULTS:
            raise _fault_error(fault.name, fault.params, model, body)
        run = _Run(self, body, context, fault)
        delay_s = self.delay_s if directives.delay_ms is None else directives.delay_ms / 1000
        if body.get("stream"):
            run.stream(_EventStream(self, handler, delay_s))
        else:
            run.respond(handler)

    def _store(self, response: JSON, context: list[JSON], store: bool) -> None:
        with self._lock:
            self._contexts[response["id"]] = copy.deepcopy(context)
            if store and self.mode not in ("stateless", "reject_previous"):
                self._responses[response["id"]] = copy.deepcopy(response)

    def _response_by_id(self, handler: _Handler, method: str, response_id: str) -> None:
        self._raise_fault("delete" if method == "DELETE" else "retrieve")
        with self._lock:
            stored = self._responses.get(response_id)
            if stored is not None and method == "DELETE":
                del self._responses[response_id]
        if stored is None:
            raise ApiError(404, f"Response with id '{response_id}' not found.", code="not_found")
        if method == "DELETE":
            self._send_json(handler, 200, {"id": response_id, "object": "response", "deleted": True})
        else:
            self._send_json(handler, 200, stored)

    def _input_items(self, handler: _Handler, response_id: str, query: dict[str, str]) -> None:
        self._raise_fault("input_items")
        with self._lock:
            found = response_id in self._responses
            items = copy.deepcopy(self._contexts.get(response_id, []))
        if not found:
            raise ApiError(404, f"Response with id '{response_id}' not found.", code="not_found")
        if query.get("order", "desc") == "desc":
            items.reverse()
        after = query.get("after")
        if after:
            ids = [item.get("id") for item in items]
            items = items[ids.index(after) + 1 :] if after in ids else []
        try:
            limit = max(1, min(100, int(query.get("limit", 20))))
        except ValueError:
            raise ApiError(400, "Invalid 'limit': expected an integer.", param="limit") from None
        page = items[:limit]
        self._send_json(
            handler,
            200,
            {
                "object": "list",
                "data": page,
                "first_id": page[0]["id"] if page else None,
                "last_id": page[-1]["id"] if page else None,
                "has_more": len(items) > limit,
            },
        )

    def _input_tokens(self, handler: _Handler, body: JSON) -> None:
        if body.get("model"):
            self._check_model(body["model"])
        context = self._expand(body)
        chars = context_chars(context, body.get("instructions"))
        self._send_json(
            handler, 200, {"object": "response.input_tokens", "input_tokens": count_tokens("x" * chars)}
        )

    # ---- compaction -----------------------------------------------------------------------------

    def _seal(self, payload: JSON) -> str:
        data = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode()
        mac = hmac.new(self._secret, data.encode(), hashlib.sha256).hexdigest()[:24]
        return f"{data}.{mac}"

    def _unseal(self, sealed: str) -> bool:
        data, _, mac = sealed.partition(".")
        expected = hmac.new(self._secret, data.encode(), hashlib.sha256).hexdigest()[:24]
        return hmac.compare_digest(mac, expected) and compaction_payload(sealed) is not None

    def _compact(self, handler: _Handler, body: JSON) -> None:
        model = str(body.get("model") or "")
        self._raise_fault("compact", model)
        self._check_model(model)
        if not body.get("input") and not body.get("previous_response_id"):
            raise ApiError(
                400,
                "Either 'input' or 'previous_response_id' must be provided.",
                param="input",
                code="missing_required_parameter",
            )
        context = self._expand(body)
        kept = [i for i in context if i.get("type") == "message" and i.get("role") == "user"]
        replaced = 0
        for item in context:
            if item.get("type") == "compaction":
                payload = compaction_payload(str(item.get("encrypted_content"))) or {}
                replaced += int(payload.get("items", 0))
            elif not (item.get("type") == "message" and item.get("role") == "user"):
                replaced += 1
        compaction = {
            "id": _new_id("cmp"),
            "type": "compaction",
            "encrypted_content": self._seal({"v": 1, "items": replaced, "nonce": secrets.token_hex(4)}),
        }
        output = [{**copy.deepcopy(item), "id": _new_id("msg")} for item in kept] + [compaction]
        input_tokens = count_tokens("x" * context_chars(context, body.get("instructions")))
        output_tokens = count_tokens(json.dumps(compaction))
        self._send_json(
            handler,
            200,
            {
                "id": _new_id("resp"),
                "object": "response.compaction",
                "created_at": int(time.time()),
                "output": output,
                "usage": {
                    "input_tokens": input_tokens,
                    "input_tokens_details": {"cached_tokens": 0},
                    "output_tokens": output_tokens,
                    "output_tokens_details": {"reasoning_tokens": 0},
                    "total_tokens": input_tokens + output_tokens,
                },
            },
        )

    # ---- chat completions (streaming and not) ----------------------------------------------------

    def _chat_completion(self, handler: _Handler, body: JSON) -> None:
        model = str(body.get("model") or "")
        fault = self._take_fault()
        if fault is not None and fault.name in HTTP_FAULTS:
            raise _fault_error(fault.name, fault.params, model, body)
        self._check_model(model)
        messages = [m for m in body.get("messages") or [] if isinstance(m, dict)]
        system = "\n".join(_chat_text(m) for m in messages if m.get("role") in ("system", "developer"))
        context = [_chat_item(m) for m in messages if m.get("role") in ("user", "assistant")]
        texts = user_texts(context)
        directives = parse_directives(texts[-1] if texts else "")
        if fault is None and directives.fault in FAULTS:
            fault = _Fault(str(directives.fault), {})
        if fault is not None and fault.name in HTTP_FAULTS:
            raise _fault_error(fault.name, fault.params, model, body)
        json_format = (body.get("response_format") or {}).get("type") in ("json_object", "json_schema")
        text = compose(context, system or None, json_format)
        finish_reason = "stop"
        limit = body.get("max_completion_tokens", body.get("max_tokens"))
        if isinstance(limit, int) and count_tokens(text) > limit:
            text, finish_reason = text[: max(0, limit * 4)], "length"
        top = int(body.get("top_logprobs") or 0) if body.get("logprobs") else -1
        completion_id = "chatcmpl-" + secrets.token_hex(12)
        created = int(time.time())
        prompt_tokens = count_tokens("x" * context_chars(context, system))
        usage = {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": count_tokens(text),
            "total_tokens": prompt_tokens + count_tokens(text),
        }
        pieces = list(_chunks(text, self.chunk_chars))
        if not body.get("stream"):
            message = {"role": "assistant", "content": text, "refusal": None}
            logprobs = {"content": [_chat_logprob(p, top) for p in pieces]} if top >= 0 else None
            choice = {"index": 0, "message": message, "logprobs": logprobs, "finish_reason": finish_reason}
            self._send_json(
                handler,
                200,
                {
                    "id": completion_id,
                    "object": "chat.completion",
                    "created": created,
                    "model": model,
                    "choices": [choice],
                    "usage": usage,
                },
            )
            return
        delay_s = self.delay_s if directives.delay_ms is None else directives.delay_ms / 1000
        out = _EventStream(self, handler, delay_s)

        def chunk(delta: JSON, finish: str | None = None, piece: str | None = None) -> JSON:
            logprobs = {"content": [_chat_logprob(piece, top)]} if top >= 0 and piece is not None else None
            return {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "logprobs": logprobs, "finish_reason": finish}],
            }

        out.data_only(chunk({"role": "assistant", "content": ""}))
        if fault is not None:
            pieces = pieces[: _some(pieces)]
        for piece in pieces:
            out.data_only(chunk({"content": piece}, piece=piece))
            out.pause()
        if fault is not None:
            if fault.name == "drop":
                out.drop()
                raise _Abort
            if fault.name == "hang":
                self._hang(handler)
            if fault.name == "malformed":
                out.data_only('{"id": "chatcmpl-broken", "choices": [')
            else:
                error = {"message": SERVER_ERROR_MESSAGE, "type": "server_error", "param": None, "code": None}
                out.data_only({"error": error})
            out.end()
            return
        out.data_only(chunk({}, finish_reason))
        if (body.get("stream_options") or {}).get("include_usage"):
            out.data_only({**chunk({}), "choices": [], "usage": usage})
        out.data_only("[DONE]")
        out.end()


def _chat_item(message: JSON) -> JSON:
    """A chat message as a Responses-style message item (images kept, so the answer counts them)."""
    role = message.get("role")
    content = message.get("content")
    if not isinstance(content, list):
        return {"type": "message", "role": role, "content": _chat_text(message)}
    text_type = "output_text" if role == "assistant" else "input_text"
    parts: list[JSON] = []
    for part in content:
        if not isinstance(part, dict):
            continue
        if part.get("type") == "text":
            parts.append({"type": text_type, "text": part.get("text", "")})
        elif part.get("type") == "image_url":
            parts.append({"type": "input_image", "image_url": (part.get("image_url") or {}).get("url")})
        elif part.get("type") == "file":
            parts.append({"type": "input_file"})
    return {"type": "message", "role": role, "content": parts}


def _chat_logprob(piece: str, top: int) -> JSON:
    tokens = [piece] + [f"alt{k}" for k in range(1, top)]
    tops = [
        {"token": t, "logprob": -0.01 if k == 0 else -2.0 - k, "bytes": list(t.encode())}
        for k, t in enumerate(tokens)
    ]
    return {"token": piece, "logprob": -0.01, "bytes": list(piece.encode()), "top_logprobs": tops[:top]}


def _chat_text(message: JSON) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    return "\n".join(
        p.get("text", "") for p in content or [] if isinstance(p, dict) and p.get("type") == "text"
    )


def _some(pieces: list[str]) -> int:
    """How many deltas to send before a mid-stream fault: some text, never all of it."""
    return max(1, min(10, len(pieces) // 2))


def _fault_error(name: str, params: dict[str, Any], model: str, body: JSON | None = None) -> ApiError:
    message = params.get("message")
    if name == "http_401":
        return ApiError(
            401,
            message
            or "Incorrect API key provided: sk-inv*****. You can find your API key at "
            "https://platform.openai.com/account/api-keys.",
            code="invalid_api_key",
        )
    if name == "http_403":
        return ApiError(
            403,
            message or "You have insufficient permissions for this operation.",
            type_="invalid_request_error",
            code=params.get("code"),
        )
    if name == "http_404_model":
        return ApiError(
            404,
            message or f"The model `{model}` does not exist or you do not have access to it.",
            code="model_not_found",
        )
    if name == "http_429":
        seconds = float(params.get("retry_after", 1))
        headers = {
            "Retry-After": f"{math.ceil(seconds)}",
            "retry-after-ms": f"{int(seconds * 1000)}",
            "x-ratelimit-limit-requests": "500",
            "x-ratelimit-remaining-requests": "0",
            "x-ratelimit-reset-requests": f"{seconds:g}s",
        }
        return ApiError(
            429,
            message
            or f"Rate limit reached for {model or 'this model'} on requests per min (RPM): "
            f"Limit 500, Used 500, Requested 1. Please try again in {seconds:g}s.",
            type_="requests",
            code=params.get("code", "rate_limit_exceeded"),
            headers=headers,
        )
    if name == "http_500":
        return ApiError(500, message or SERVER_ERROR_MESSAGE, type_="server_error")
    if name == "http_503":
        return ApiError(
            503,
            message or "The engine is currently overloaded, please try again later.",
            type_="server_error",
        )
    if name == "context_length":
        return ApiError(
            400,
            message
            or "Your input exceeds the context window of this model. Please adjust your input and try again.",
            param="input",
            code="context_length_exceeded",
        )
    if name == "unsupported_tool":
        tools = (body or {}).get("tools") or [{"type": "web_search_preview"}]
        tool = (
            tools[0].get("type", "web_search_preview") if isinstance(tools[0], dict) else "web_search_preview"
        )
        return ApiError(400, message or f"Hosted tool '{tool}' is not supported with {model}.", param="tools")
    raise ValueError(f"not an HTTP fault: {name}")


class _Run:
    """One /v1/responses request: builds the answer and sends it streamed or whole."""

    def __init__(self, emulator: Emulator, body: JSON, context: list[JSON], fault: _Fault | None) -> None:
        self.emulator = emulator
        self.body = body
        self.context = context
        self.fault = fault
        self.model = str(body["model"])
        self.instructions = body.get("instructions")
        text_format = ((body.get("text") or {}).get("format") or {}).get("type")
        json_format = text_format in ("json_object", "json_schema")
        self.text = compose(context, self.instructions, json_format)
        self.web_search = _wants_web_search(body)
        self.web_search_id = _new_id("ws")
        tools = [t for t in body.get("tools") or [] if isinstance(t, dict)]
        include = body.get("include") or []
        file_search = next((t for t in tools if t.get("type") == "file_search"), None)
        self.vector_store_ids = [str(v) for v in (file_search or {}).get("vector_store_ids") or []]
        self.file_search = file_search is not None
        self.file_search_id = _new_id("fs")
        self.file_results = file_search_results(self.vector_store_ids, self.query())
        self.include_results = "file_search_call.results" in include
        self.citations_at = -1  # where the answer's file_citation annotations point (-1: none)
        if self.file_search and not json_format:
            found = len(self.file_results)
            self.text += f"\n\nFound in your files: {found} passage(s) about “{self.query()}”."
            self.citations_at = len(self.text)
        interpreter = next((t for t in tools if t.get("type") == "code_interpreter"), None)
        self.code_interpreter = interpreter is not None
        self.code_id = _new_id("ci")
        container = (interpreter or {}).get("container")
        self.container_id = container if isinstance(container, str) else _new_id("cntr")
        self.code, self.logs = interpreter_run(self.query())
        self.include_outputs = "code_interpreter_call.outputs" in include
        if self.code_interpreter and not json_format:
            self.text += f"\n\nThe code printed: `{self.logs.splitlines()[0]}`."
        self.incomplete_reason: str | None = None
        limit = body.get("max_output_tokens")
        if isinstance(limit, int) and count_tokens(self.text) > limit:
            self.text = self.text[: max(0, limit * 4)]
            self.incomplete_reason = "max_output_tokens"
        if fault is not None and fault.name == "incomplete":
            self.incomplete_reason = str(fault.params.get("reason", "max_output_tokens"))
        reasoning = body.get("reasoning")
        self.reasoning = isinstance(reasoning, dict) and self.model.startswith(("o", "gpt-5"))
        wants_summary = self.reasoning and bool((reasoning or {}).get("summary"))
        self.summary = reasoning_summary(context) if wants_summary else None
        self.response_id = _new_id("resp")
        self.message_id = _new_id("msg")
        self.reasoning_id = _new_id("rs")
        self.created_at = int(time.time())
        logprobs_wanted = "message.output_text.logprobs" in (body.get("include") or [])
        self.top_logprobs = int(body.get("top_logprobs") or 0) if logprobs_wanted else -1
        self.started = False
        self.sent = ""  # the answer text streamed so far

    # -- the pieces of a response object --

    def usage(self, text: str) -> JSON:
        input_tokens = count_tokens("x" * context_chars(self.context, self.instructions))
        reasoning_tokens = count_tokens(self.summary or "") * 4 if self.reasoning else 0
        output_tokens = count_tokens(text) + reasoning_tokens
        return {
            "input_tokens": input_tokens,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": output_tokens,
            "output_tokens_details": {"reasoning_tokens": reasoning_tokens},
            "total_tokens": input_tokens + output_tokens,
        }

    def response(self, status: str, output: list[JSON], text: str = "", **extra: Any) -> JSON:
        body = self.body
        reasoning = body.get("reasoning") if self.reasoning else None
        return {
            "id": self.response_id,
            "object": "response",
            "created_at": self.created_at,
            "status": status,
            "background": False,
            "error": None,
            "incomplete_details": None,
            "instructions": self.instructions,
            "max_output_tokens": body.get("max_output_tokens"),
            "model": self.model,
            "output": output,
            "parallel_tool_calls": True,
            "previous_response_id": body.get("previous_response_id"),
            "reasoning": {
                "effort": (reasoning or {}).get("effort"),
                "summary": (reasoning or {}).get("summary"),
            },
            "store": body.get("store", True) is not False,
            "temperature": body.get("temperature", 1.0),
            "text": body.get("text") or {"format": {"type": "text"}},
            "tool_choice": body.get("tool_choice", "auto"),
            "tools": body.get("tools") or [],
            "top_p": body.get("top_p", 1.0),
            "truncation": body.get("truncation", "disabled"),
            "usage": self.usage(text) if status != "in_progress" else None,
            "user": None,
            "metadata": body.get("metadata") or {},
            **extra,
        }

    def logprobs(self, piece: str, with_bytes: bool = False) -> list[JSON]:
        if self.top_logprobs < 0:
            return []
        entry: JSON = {"token": piece, "logprob": -0.01}
        tokens = [piece] + [f"alt{k}" for k in range(1, self.top_logprobs)]
        tops: list[JSON] = [
            {"token": t, "logprob": -0.01 if k == 0 else -2.0 - k} for k, t in enumerate(tokens)
        ]
        if with_bytes:
            entry["bytes"] = list(piece.encode())
            tops = [{**top, "bytes": list(t.encode())} for top, t in zip(tops, tokens, strict=True)]
        entry["top_logprobs"] = tops[: self.top_logprobs]
        return [entry]

    def part(self, text: str) -> JSON:
        part: JSON = {"type": "output_text", "text": text, "annotations": self.annotations(text)}
        if self.top_logprobs >= 0:
            part["logprobs"] = [self.logprobs(p, True)[0] for p in _chunks(text, self.emulator.chunk_chars)]
        else:
            part["logprobs"] = []
        return part

    def message(self, text: str, status: str) -> JSON:
        content = [self.part(text)] if status != "in_progress" else []
        return {
            "id": self.message_id,
            "type": "message",
            "status": status,
            "role": "assistant",
            "content": content,
        }

    def reasoning_item(self, done: bool) -> JSON:
        summary = [{"type": "summary_text", "text": self.summary}] if done and self.summary else []
        return {"id": self.reasoning_id, "type": "reasoning", "summary": summary}

    def final_output(self, text: str, message_status: str) -> list[JSON]:
        output = [self.reasoning_item(True)] if self.reasoning else []
        output += [item(True) for item, _ in self.tool_calls()]
        return [*output, self.message(text, message_status)]

    def finish(self, status: str, text: str, **extra: Any) -> JSON:
        message_status = "completed" if status == "completed" else "incomplete"
        response = self.response(status, self.final_output(text, message_status), text, **extra)
        self.emulator._store(response, self.context, response["store"])
        return response

    def failure_error(self) -> JSON:
        params = self.fault.params if self.fault else {}
        return {
            "code": params.get("code", "server_error"),
            "message": params.get("message", SERVER_ERROR_MESSAGE),
        }

    # -- whole (non-streamed) answers --

    def respond(self, handler: _Handler) -> None:
        name = self.fault.name if self.fault else None
        if name == "drop":
            handler.close_connection = True
            handler.connection.shutdown(socket.SHUT_RDWR)
            raise _Abort
        if name == "hang":
            self.emulator._hang(handler)
        if name == "malformed":
            data = b'{"id": "resp_broken", "object": "response", "output": ['
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
            return
        if name in ("error_flat", "error_nested"):
            raise ApiError(
                500, self.failure_error()["message"], type_="server_error", code=self.failure_error()["code"]
            )
        if name == "failed":
            partial = self.text[:40]
            response = self.finish("failed", partial, error=self.failure_error())
        elif self.incomplete_reason:
            partial = self.text if self.fault is None else self.text[: max(1, len(self.text) // 2)]
            response = self.finish(
                "incomplete", partial, incomplete_details={"reason": self.incomplete_reason}
            )
        else:
            response = self.finish("completed", self.text)
        self.emulator._send_json(handler, 200, response)

    # -- streamed answers --

    def stream(self, out: _EventStream) -> None:
        try:
            self._stream(out)
        except _Abort:
            out.handler.close_connection = True
            if self.fault is None and self.started:
                # the client stopped reading: keep what was sent, as a cancelled response
                self.finish("cancelled", self.sent)
            raise

    def _stream(self, out: _EventStream) -> None:
        out.event("response.created", response=self.response("in_progress", []))
        self.started = True
        out.event("response.in_progress", response=self.response("in_progress", []))
        index = 0
        if self.reasoning:
            self._stream_reasoning(out)
            index = 1
        for _, stream_call in self.tool_calls():
            stream_call(out, index)
            index += 1
        item_id = self.message_id
        out.event("response.output_item.added", output_index=index, item=self.message("", "in_progress"))
        at = {"item_id": item_id, "output_index": index, "content_index": 0}
        out.event(
            "response.content_part.added", **at, part={"type": "output_text", "text": "", "annotations": []}
        )
        pieces = list(_chunks(self.text, self.emulator.chunk_chars))
        name = self.fault.name if self.fault else None
        if name is not None:
            pieces = pieces[: _some(pieces)]
        for piece in pieces:
            out.event("response.output_text.delta", **at, delta=piece, logprobs=self.logprobs(piece))
            self.sent += piece
            out.pause()
        sent = self.sent
        if name == "drop":
            out.drop()
            raise _Abort
        if name == "hang":
            self.emulator._hang(out.handler)
        if name == "malformed":
            out.write(
                b'event: response.output_text.delta\ndata: {"type": "response.output_text.delta", "d\n\n'
            )
            out.end()
            return
        if name in ("error_flat", "error_nested"):
            error = self.failure_error()
            if name == "error_flat":
                out.event("error", code=error["code"], message=error["message"], param=None)
            else:
                out.event("error", error={"type": "server_error", **error, "param": None})
            out.end()
            return
        if name == "failed":
            response = self.finish("failed", sent, error=self.failure_error())
            out.event("response.failed", response=response)
            out.end()
            return
        status = "incomplete" if self.incomplete_reason else "completed"
        part = self.part(sent)
        for k, annotation in enumerate(part["annotations"]):
            out.event(
                "response.output_text.annotation.added", **at, annotation_index=k, annotation=annotation
            )
        out.event("response.output_text.done", **at, text=sent, logprobs=part["logprobs"])
        out.event("response.content_part.done", **at, part=part)
        out.event("response.output_item.done", output_index=index, item=self.message(sent, status))
        if status == "incomplete":
            response = self.finish(status, sent, incomplete_details={"reason": self.incomplete_reason})
            out.event("response.incomplete", response=response)
        else:
            out.event("response.completed", response=self.finish(status, sent))
        out.end()

    # -- hosted tools: one output item each before the message, in the order of `tool_calls` --

    def tool_calls(self) -> list[tuple[Callable[[bool], JSON], Callable[[_EventStream, int], None]]]:
        """(the call's output item, how it streams) for each hosted tool the request turned on."""
        calls: list[tuple[Callable[[bool], JSON], Callable[[_EventStream, int], None]]] = []
        if self.web_search:
            calls.append((self.web_search_item, self._stream_web_search))
        if self.file_search:
            calls.append((self.file_search_item, self._stream_file_search))
        if self.code_interpreter:
            calls.append((self.code_interpreter_item, self._stream_code_interpreter))
        return calls

    def query(self) -> str:
        texts = user_texts(self.context)
        return (texts[-1] if texts else "")[:100]

    # -- hosted web search (a web_search_call item, then url_citation annotations on the answer) --

    def web_search_item(self, done: bool) -> JSON:
        return {
            "id": self.web_search_id,
            "type": "web_search_call",
            "status": "completed" if done else "in_progress",
            "action": {"type": "search", "query": self.query()},
        }

    def annotations(self, text: str) -> list[JSON]:
        return self.url_citations(text) + self.file_citations(text)

    def url_citations(self, text: str) -> list[JSON]:
        if not self.web_search or not text:
            return []
        half = len(text) // 2
        return [
            {
                "type": "url_citation",
                "url": f"https://example.com/search/{k}?q={quote(self.query())}",
                "title": f"Search result {k} for “{self.query()}”",
                "start_index": start,
                "end_index": end,
            }
            for k, (start, end) in enumerate(((0, half), (half, len(text))), start=1)
        ]

    def _stream_web_search(self, out: _EventStream, index: int) -> None:
        _stream_search_call(out, index, "web_search_call", self.web_search_id, self.web_search_item)

    # -- hosted file search (a file_search_call item, then file_citation annotations on the answer) --

    def file_search_item(self, done: bool) -> JSON:
        """The call as the API shows it: queries once done, results only when `include` asks for them."""
        return {
            "id": self.file_search_id,
            "type": "file_search_call",
            "status": "completed" if done else "in_progress",
            "queries": [self.query()] if done else [],
            "results": copy.deepcopy(self.file_results) if done and self.include_results else None,
        }

    def file_citations(self, text: str) -> list[JSON]:
        """One file_citation per result, at the end of the sentence that cites them (once it was sent)."""
        if self.citations_at < 0 or len(text) < self.citations_at:
            return []
        return [
            {
                "type": "file_citation",
                "file_id": result["file_id"],
                "filename": result["filename"],
                "index": self.citations_at,
            }
            for result in self.file_results
        ]

    def _stream_file_search(self, out: _EventStream, index: int) -> None:
        _stream_search_call(out, index, "file_search_call", self.file_search_id, self.file_search_item)

    # -- hosted code interpreter (a code_interpreter_call item: its code streams, then it runs) --

    def code_interpreter_item(self, done: bool) -> JSON:
        """The call as the API shows it: outputs (the logs) only when `include` asks for them."""
        outputs = [{"type": "logs", "logs": self.logs}] if done and self.include_outputs else None
        return {
            "id": self.code_id,
            "type": "code_interpreter_call",
            "status": "completed" if done else "in_progress",
            "code": self.code if done else "",
            "container_id": self.container_id,
            "outputs": outputs,
        }

    def _stream_code_interpreter(self, out: _EventStream, index: int) -> None:
        at = {"item_id": self.code_id, "output_index": index}
        out.event("response.output_item.added", output_index=index, item=self.code_interpreter_item(False))
        out.event("response.code_interpreter_call.in_progress", **at)
        for piece in _chunks(self.code, self.emulator.chunk_chars * 4):
            out.event("response.code_interpreter_call_code.delta", **at, delta=piece)
            out.pause(gate=False)
        out.event("response.code_interpreter_call_code.done", **at, code=self.code)
        out.event("response.code_interpreter_call.interpreting", **at)
        out.pause()
        out.event("response.code_interpreter_call.completed", **at)
        out.event("response.output_item.done", output_index=index, item=self.code_interpreter_item(True))

    def _stream_reasoning(self, out: _EventStream) -> None:
        item_id = self.reasoning_id
        out.event("response.output_item.added", output_index=0, item=self.reasoning_item(False))
        if self.summary:
            at = {"item_id": item_id, "output_index": 0, "summary_index": 0}
            out.event(
                "response.reasoning_summary_part.added", **at, part={"type": "summary_text", "text": ""}
            )
            for piece in _chunks(self.summary, self.emulator.chunk_chars * 4):
                out.event("response.reasoning_summary_text.delta", **at, delta=piece)
                out.pause(gate=False)
            out.event("response.reasoning_summary_text.done", **at, text=self.summary)
            out.event(
                "response.reasoning_summary_part.done",
                **at,
                part={"type": "summary_text", "text": self.summary},
            )
        out.event("response.output_item.done", output_index=0, item=self.reasoning_item(True))


WEB_SEARCH_TOOLS = ("web_search", "web_search_preview")


def _wants_web_search(body: JSON) -> bool:
    tools = body.get("tools") or []
    return any(isinstance(t, dict) and t.get("type") in WEB_SEARCH_TOOLS for t in tools)


def _check_hosted_tools(body: JSON, model: str) -> None:
    """Hosted tools as the real server checks them (400s worded as it words them).

    The gpt-4.1 family has no hosted web search here. File search needs vector store ids (`vs_…`);
    the code interpreter needs a container (`{"type": "auto"}` or a container id).
    """
    for k, tool in enumerate(body.get("tools") or []):
        if not isinstance(tool, dict):
            continue
        kind = tool.get("type")
        if kind in WEB_SEARCH_TOOLS and "gpt-4.1" in model:
            raise ApiError(400, f"Hosted tool '{kind}' is not supported with {model}.", param="tools")
        if kind == "file_search":
            ids = tool.get("vector_store_ids")
            if not isinstance(ids, list) or not ids:
                raise ApiError(
                    400,
                    f"Missing required parameter: 'tools[{k}].vector_store_ids'.",
                    param=f"tools[{k}].vector_store_ids",
                    code="missing_required_parameter",
                )
            for j, store in enumerate(ids):
                if not isinstance(store, str) or not store.startswith("vs_"):
                    raise ApiError(
                        400,
                        f"Invalid 'tools[{k}].vector_store_ids[{j}]': expected an ID that begins with 'vs_'.",
                        param=f"tools[{k}].vector_store_ids[{j}]",
                        code="invalid_value",
                    )
        if kind == "code_interpreter":
            container = tool.get("container")
            if not (isinstance(container, str) and container) and not (
                isinstance(container, dict) and container.get("type") == "auto"
            ):
                raise ApiError(
                    400,
                    f"Missing required parameter: 'tools[{k}].container'.",
                    param=f"tools[{k}].container",
                    code="missing_required_parameter",
                )


def _stream_search_call(
    out: _EventStream, index: int, kind: str, item_id: str, item: Callable[[bool], JSON]
) -> None:
    """A hosted search call's events (web or file search): added, in progress, searching, completed."""
    at = {"item_id": item_id, "output_index": index}
    out.event("response.output_item.added", output_index=index, item=item(False))
    out.event(f"response.{kind}.in_progress", **at)
    out.event(f"response.{kind}.searching", **at)
    out.pause()
    out.event(f"response.{kind}.completed", **at)
    out.event("response.output_item.done", output_index=index, item=item(True))
