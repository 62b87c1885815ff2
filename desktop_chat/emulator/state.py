"""What the emulator holds between requests (stored responses, queued faults, held streams), and the
checks every endpoint family shares: the model, queued faults, the stored chain behind a request.

The endpoint families (responses, stored, chat, …) take an `EmulatorState`; `server.Emulator` is one,
with the HTTP server, the routing and the test controls on top.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import secrets
import threading
from collections import deque
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from desktop_chat.emulator.answers import JSON, compaction_payload
from desktop_chat.emulator.background import Job
from desktop_chat.emulator.faults import HTTP_FAULTS, Fault, fault_error
from desktop_chat.emulator.quirks import KEEPS_NO_STATE, parse_quirks
from desktop_chat.emulator.wire import (
    Abort,
    ApiError,
    EventStream,
    Handler,
    RecordedRequest,
    Server,
    client_gone,
    new_id,
)

DEFAULT_MODELS = ["gpt-4.1-mini", "gpt-4.1", "gpt-5-mini", "o4-mini"]
MODES = ("full", "stateless", "reject_previous", "ignore_previous", "chat_only")
REJECT_PREVIOUS_MESSAGE = "This server does not support 'previous_response_id'; send the whole conversation."
PAUSE_POLL_S = 0.02


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
            item.setdefault("id", new_id("msg"))
        else:
            item["type"] = kind
            item.setdefault("id", new_id({"function_call_output": "fco"}.get(kind, "item")))
        items.append(item)
    return items


class EmulatorState:
    """The emulated server's state and the checks shared by its endpoints."""

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
        quirks: Mapping[str, Iterable[str]] | None = None,
        showcase: bool = False,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        self.mode = mode
        self.showcase = showcase  # the app's demo: answers show what the app renders (see answers.SHOWCASE)
        self.quirks = parse_quirks(quirks)  # per-model behaviours (see quirks.py)
        self.azure = azure
        self.endpoint = ""  # the server's root address (Azure: the resource endpoint)
        self.host = host
        self.port = port
        self.models = list(models or DEFAULT_MODELS)
        self.models += [m for m in self.quirks if m not in self.models]
        self.delay_s = delay_s
        self.chunk_chars = max(1, chunk_chars)
        self.base_url = ""
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._requests_changed = threading.Condition(self._lock)
        self._faults: deque[Fault] = deque()
        self._responses: dict[str, JSON] = {}  # stored responses by id
        self._contexts: dict[str, list[JSON]] = {}  # expanded input each response saw, by id
        self._jobs: dict[str, Job] = {}  # background responses by id (see background.py)
        self._secret = secrets.token_bytes(16)  # seals compaction items
        self._stopping = threading.Event()
        self._gate = threading.Event()
        self._gate.set()
        self._handlers: set[Handler] = set()
        self._server: Server | None = None
        self._thread: threading.Thread | None = None

    # ---- streams ---------------------------------------------------------------------------------

    def _event_stream(self, handler: Handler, delay_s: float) -> EventStream:
        return EventStream(handler, delay_s, self._stopping, self._wait_gate)

    def _wait_gate(self, handler: Handler) -> None:
        while not self._gate.wait(PAUSE_POLL_S):
            if self._stopping.is_set() or client_gone(handler.connection):
                raise Abort

    def _hang(self, handler: Handler) -> None:
        while not self._stopping.wait(PAUSE_POLL_S):
            if client_gone(handler.connection):
                break
        raise Abort

    # ---- checks ----------------------------------------------------------------------------------

    def _check_model(self, model: Any) -> None:
        if not model:
            raise ApiError(
                400, "Missing required parameter: 'model'.", param="model", code="missing_required_parameter"
            )
        if model not in self.models:
            raise fault_error("http_404_model", {}, str(model))

    def _take_fault(self, endpoint: str = "create", names: Collection[str] | None = None) -> Fault | None:
        """The first queued fault aimed at this kind of request (used up after `times`); only one of
        `names` when they are given."""
        with self._lock:
            fault = next(
                (f for f in self._faults if f.endpoint == endpoint and (names is None or f.name in names)),
                None,
            )
            if fault is None:
                return None
            fault.times -= 1
            if fault.times <= 0:
                self._faults.remove(fault)
            return fault

    def _raise_fault(self, endpoint: str, model: str = "") -> None:
        fault = self._take_fault(endpoint, HTTP_FAULTS)
        if fault is not None:
            raise fault_error(fault.name, fault.params, model)

    def model_quirks(self, body: JSON) -> frozenset[str]:
        return self.quirks.get(str(body.get("model") or ""), frozenset())

    def has_quirk(self, body: JSON, quirk: str) -> bool:
        return quirk in self.model_quirks(body)

    # ---- stored chains ---------------------------------------------------------------------------

    def _expand(self, body: JSON) -> list[JSON]:
        """The request's full context: the stored chain (if any), then this request's input."""
        earlier: list[JSON] = []
        previous = body.get("previous_response_id")
        if previous and self.mode == "reject_previous":
            raise ApiError(400, REJECT_PREVIOUS_MESSAGE, param="previous_response_id")
        if previous and (self.mode == "ignore_previous" or self.has_quirk(body, KEEPS_NO_STATE)):
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
            sealed = item.get("type") in ("compaction", "reasoning") and item.get("encrypted_content")
            if item.get("type") == "compaction" or sealed:
                if self._unseal(str(item.get("encrypted_content", ""))):
                    continue
                raise ApiError(
                    400,
                    f"The encrypted content of item '{item.get('id')}' could not be verified.",
                    param="input",
                    code="invalid_encrypted_content",
                )
        return earlier + items

    def _store(self, response: JSON, context: list[JSON], store: bool) -> None:
        with self._lock:
            self._contexts[response["id"]] = copy.deepcopy(context)
            if store and self.mode not in ("stateless", "reject_previous"):
                self._responses[response["id"]] = copy.deepcopy(response)

    def _seal(self, payload: JSON) -> str:
        data = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode()
        mac = hmac.new(self._secret, data.encode(), hashlib.sha256).hexdigest()[:24]
        return f"{data}.{mac}"

    def _unseal(self, sealed: str) -> bool:
        data, _, mac = sealed.partition(".")
        expected = hmac.new(self._secret, data.encode(), hashlib.sha256).hexdigest()[:24]
        return hmac.compare_digest(mac, expected) and compaction_payload(sealed) is not None
