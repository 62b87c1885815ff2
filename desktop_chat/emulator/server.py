"""A loopback server that speaks the OpenAI Responses API (see docs/PROTOCOL.md), for tests and the demo.

`Emulator` starts the HTTP server (wire.py), routes each request to its endpoint family — creating a
response (responses.py, with hosted tools in hosted_tools.py), stored responses and compaction
(stored.py), Chat Completions (chat.py), models (here) — and offers the test controls (queued
faults, held streams, recorded requests). Its state and shared checks live in state.py.

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

import contextlib
import copy
import json
import socket
import threading
import time
import traceback
from dataclasses import asdict
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import desktop_chat.emulator.background as background
from desktop_chat.emulator.answers import JSON
from desktop_chat.emulator.chat import chat_completion
from desktop_chat.emulator.faults import ENDPOINTS, FAULTS, HTTP_FAULTS, Fault, fault_error
from desktop_chat.emulator.responses import create_response
from desktop_chat.emulator.state import DEFAULT_MODELS, MODES, EmulatorState
from desktop_chat.emulator.stored import compact, count_input_tokens, input_items, response_by_id
from desktop_chat.emulator.wire import (
    Abort,
    ApiError,
    Handler,
    Headers,
    RecordedRequest,
    Server,
    read_body,
    send_json,
)

__all__ = ["DEFAULT_MODELS", "MODES", "ApiError", "Emulator", "RecordedRequest"]


class Emulator(EmulatorState):
    """The emulated API. `start()` returns the base URL to give the SDK."""

    # ---- lifecycle -------------------------------------------------------------------------------

    def start(self) -> str:
        if self._server is not None:
            return self.base_url
        self._stopping.clear()
        server = Server((self.host, self.port), Handler)
        server.owner = self
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

    def _register(self, handler: Handler) -> None:
        with self._lock:
            self._handlers.add(handler)
            stopping = self._stopping.is_set()
        if stopping:
            with contextlib.suppress(OSError):
                handler.connection.shutdown(socket.SHUT_RDWR)

    def _unregister(self, handler: Handler) -> None:
        with self._lock:
            self._handlers.discard(handler)

    # ---- test controls ---------------------------------------------------------------------------

    def fail_next(self, fault: str, **params: Any) -> None:
        """Make the next /v1/responses request (or the next `times` ones) fail with `fault`.

        `endpoint="compact" | "retrieve" | "delete" | "input_items" | "cancel"` aims an HTTP fault at
        that request instead of at the next answer ("create", the default); `drop`, `hang` and
        `malformed` also apply to "retrieve": a background response's stream read again."""
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; one of {sorted(FAULTS)}")
        times = int(params.pop("times", 1))
        endpoint = str(params.pop("endpoint", "create"))
        if endpoint not in ENDPOINTS:
            raise ValueError(f"unknown endpoint {endpoint!r}; one of {sorted(ENDPOINTS)}")
        resumable = endpoint == "retrieve" and fault in background.CONNECTION_FAULTS  # a stream read again
        if endpoint != "create" and fault not in HTTP_FAULTS and not resumable:
            raise ValueError(f"only HTTP faults apply to {endpoint}; one of {sorted(HTTP_FAULTS)}")
        with self._lock:
            self._faults.append(Fault(fault, params, times, endpoint))

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

    def background_job(self, response_id: str) -> background.Job:
        """A background response's job: its events, whether it ended, where a dropped stream stopped."""
        with self._lock:
            return self._jobs[response_id]

    def context_of(self, response_id: str) -> list[JSON]:
        """The expanded input items the response saw (earlier turns included), oldest first."""
        with self._lock:
            return copy.deepcopy(self._contexts[response_id])

    # ---- dispatch --------------------------------------------------------------------------------

    def _dispatch(self, handler: Handler) -> None:
        url = urlsplit(handler.path)
        path = url.path.rstrip("/") or "/"
        query = dict(parse_qsl(url.query))
        method = handler.command
        try:
            raw = read_body(handler)
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
                Headers({k.lower(): v for k, v in handler.headers.items()}),
                body if isinstance(body, dict) else None,
                query,
            )
            with self._requests_changed:
                self.requests.append(recorded)
                self._requests_changed.notify_all()
            self._route(handler, method, path, query, body if isinstance(body, dict) else {})
        except ApiError as err:
            send_json(handler, err.status, err.body, err.headers)
        except Abort:
            handler.close_connection = True
        except Exception as exc:  # a bug here: answer 500 with its text so the test shows it
            traceback.print_exc()
            send_json(handler, 500, {"error": {"message": f"emulator bug: {exc!r}", "type": "server_error"}})

    def _control(self, handler: Handler, method: str, path: str, body: Any) -> None:
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
            send_json(handler, 200, listing)
            return
        elif method == "POST" and path == "/_emulator/forget":
            self.forget(body.get("response_id"))
        elif method == "POST" and path == "/_emulator/hold":
            self.hold_streams()
        elif method == "POST" and path == "/_emulator/release":
            self.release_streams()
        else:
            raise ApiError(404, f"Unknown emulator control {method} {path}")
        send_json(handler, 200, {"ok": True})

    def _azure_rest(
        self, handler: Handler, method: str, path: str, query: dict[str, str], body: JSON
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

    def _route(self, handler: Handler, method: str, path: str, query: dict[str, str], body: JSON) -> None:
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
            create_response(self, handler, body)
        elif rest == ["responses", "input_tokens"] and method == "POST":
            count_input_tokens(self, handler, body)
        elif rest == ["responses", "compact"] and method == "POST":
            compact(self, handler, body)
        elif len(rest) == 2 and rest[0] == "responses" and method == "GET" and query.get("stream") == "true":
            fault = self._take_fault("retrieve")
            if fault is not None and fault.name in HTTP_FAULTS:
                raise fault_error(fault.name, fault.params, "")
            background.stream_again(self, handler, self._jobs, rest[1], query, fault)
        elif len(rest) == 3 and rest[0] == "responses" and rest[2] == "cancel" and method == "POST":
            self._raise_fault("cancel")
            background.cancel(self, handler, self._jobs, rest[1])
        elif len(rest) == 2 and rest[0] == "responses" and method in ("GET", "DELETE"):
            response_by_id(self, handler, method, rest[1])
        elif len(rest) == 3 and rest[0] == "responses" and rest[2] == "input_items" and method == "GET":
            input_items(self, handler, rest[1], query)
        elif rest == ["models"] and method == "GET":
            send_json(handler, 200, {"object": "list", "data": [self._model(m) for m in self.models]})
        elif len(rest) == 2 and rest[0] == "models" and method == "GET":
            self._check_model(rest[1])
            send_json(handler, 200, self._model(rest[1]))
        elif rest == ["chat", "completions"] and method == "POST":
            chat_completion(self, handler, body)
        else:
            raise self._invalid_url(method, path)

    @staticmethod
    def _invalid_url(method: str, path: str) -> ApiError:
        return ApiError(404, f"Invalid URL ({method} {path})")

    @staticmethod
    def _model(name: str) -> JSON:
        return {"id": name, "object": "model", "created": 1_700_000_000, "owned_by": "system"}

    @staticmethod
    def _check_auth(handler: Handler) -> None:
        value = handler.headers.get("Authorization") or ""
        key = value[7:].strip() if value.lower().startswith("bearer ") else ""
        if not key:
            raise ApiError(
                401,
                "You didn't provide an API key. You need to provide your API key in an Authorization header "
                "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            )
        if key == "sk-invalid":
            raise fault_error("http_401", {}, "")
