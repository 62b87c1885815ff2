"""Background mode (`background: true`): responses made on their own thread, whatever becomes of the
connection that asked for them.

A background response is created `queued`, then `in_progress`, then ends (`completed`, `failed`,
`incomplete`, or `cancelled` by `POST /v1/responses/{id}/cancel`). Its stream events are kept, numbered
from 0, so a stream can be read again from any point: the creating request's (`stream: true`), and
`GET /v1/responses/{id}?stream=true&starting_after=N` (the events after N; all of them without N),
each following the response until it ends. `GET /v1/responses/{id}` shows it as it stands.

Connection faults (`drop`, `hang`) are played by the connection that reads the stream, not by the
response, which goes on: `drop` closes the connection after a few text deltas (`deltas`, default 5),
`hang` goes silent there. `Job.dropped_after` is the sequence number of the last event a dropped
connection carried (what a client resumes after).
"""

from __future__ import annotations

import copy
import threading
import traceback
from typing import Any, Protocol

from desktop_chat.emulator.answers import JSON
from desktop_chat.emulator.faults import Fault
from desktop_chat.emulator.wire import Abort, ApiError, EventStream, Handler, client_gone, send_json

CONNECTION_FAULTS = {"drop", "hang", "malformed"}
DROP_AFTER_DELTAS = 5
WAIT_POLL_S = 0.05
CANCEL_WAIT_S = 5.0


class Answer(Protocol):
    """What a job needs of the answer it makes (responses.Run)."""

    response_id: str
    sent: str

    def _stream(self, out: Any) -> None: ...
    def finish(self, status: str, text: str, **extra: Any) -> JSON: ...


class Host(Protocol):
    """What a job needs of the emulator (state.EmulatorState)."""

    _lock: threading.Lock
    _stopping: threading.Event
    _gate: threading.Event
    _responses: dict[str, JSON]

    def _event_stream(self, handler: Handler, delay_s: float) -> EventStream: ...


class Job:
    """One background response: its events so far and whether it has ended."""

    def __init__(self, response_id: str, store: bool) -> None:
        self.response_id = response_id
        self.store = store
        self.events: list[JSON] = []
        self.changed = threading.Condition()
        self.done = False
        self.cancelled = threading.Event()
        self.dropped_after: int | None = None
        self.thread: threading.Thread | None = None

    def add(self, payload: JSON) -> None:
        with self.changed:
            self.events.append(payload)
            self.changed.notify_all()

    def end(self) -> None:
        with self.changed:
            self.done = True
            self.changed.notify_all()


class JobEvents:
    """The event writer a background answer streams into (an `EventStream` without a connection)."""

    handler: Any = None

    def __init__(self, host: Host, job: Job, delay_s: float) -> None:
        self.host = host
        self.job = job
        self.delay_s = delay_s

    @property
    def sequence(self) -> int:
        return len(self.job.events)

    def _check(self) -> None:
        if self.job.cancelled.is_set() or self.host._stopping.is_set():
            raise Abort

    def event(self, type_: str, **fields: Any) -> None:
        self._check()
        payload = {"type": type_, "sequence_number": len(self.job.events), **fields}
        response = fields.get("response")
        if isinstance(response, dict) and self.job.store:
            with self.host._lock:  # a GET shows the response as it stands
                self.host._responses[self.job.response_id] = copy.deepcopy(response)
        self.job.add(payload)

    def _wait(self, seconds: float) -> None:
        if seconds > 0 and (self.host._stopping.wait(seconds) or self.job.cancelled.is_set()):
            raise Abort

    def pause(self, gate: bool = True) -> None:
        self._wait(self.delay_s)
        while gate and not self.host._gate.wait(WAIT_POLL_S):
            self._check()

    def silence(self, seconds: float) -> None:
        self._wait(seconds)

    def keepalive_for(self, seconds: float, every_s: float = 1.0) -> None:
        left = seconds
        while left > 0:
            self._wait(min(every_s, left))
            left -= every_s
            self.event("keepalive")

    def end(self) -> None:
        return


def start(host: Host, answer: Answer, store: bool, delay_s: float) -> Job:
    """Make `answer` on its own thread as a background response; returns its job."""
    job = Job(answer.response_id, store)
    out = JobEvents(host, job, delay_s)

    def make() -> None:
        try:
            answer._stream(out)
        except Abort:
            if job.cancelled.is_set():
                answer.finish("cancelled", answer.sent)
        except Exception:  # a bug: the response ends where it stands (the test shows the trace)
            traceback.print_exc()
        finally:
            job.end()

    job.thread = threading.Thread(target=make, name=f"background-{answer.response_id[:12]}", daemon=True)
    job.thread.start()
    return job


def follow(host: Host, handler: Handler, job: Job, after: int | None, fault: Fault | None) -> None:
    """Stream a background response's events after `after` (all for None) to this connection, until
    the response ends; `fault` (drop, hang) is played on this connection only."""
    out = host._event_stream(handler, 0.0)
    index = 0 if after is None else after + 1
    deltas = 0
    limit = int((fault.params if fault else {}).get("deltas", DROP_AFTER_DELTAS))
    while True:
        with job.changed:
            while len(job.events) <= index and not job.done:
                job.changed.wait(WAIT_POLL_S)
                if host._stopping.is_set() or client_gone(handler.connection):
                    raise Abort
            batch = job.events[index:]
            ended = job.done
        for payload in batch:
            out.replay(payload)
            index += 1
            if fault is None or payload["type"] != "response.output_text.delta":
                continue
            deltas += 1
            if deltas < limit:
                continue
            if fault.name == "drop":
                job.dropped_after = int(payload["sequence_number"])
                out.drop()
                raise Abort
            if fault.name == "malformed":
                out.write(
                    b'event: response.output_text.delta\ndata: {"type": "response.output_text.delta", "d\n\n'
                )
                out.end()
                return
            silent(host, handler)
        if ended and index >= len(job.events):
            out.end()
            return


def silent(host: Host, handler: Handler) -> None:
    """Send nothing more until the client gives up or the emulator stops (a stalled connection)."""
    while not host._stopping.wait(WAIT_POLL_S):
        if client_gone(handler.connection):
            break
    raise Abort


def cancel(host: Host, handler: Handler, jobs: dict[str, Job], response_id: str) -> None:
    """`POST /v1/responses/{id}/cancel`: a background response ends as cancelled; one that has ended
    already is answered as it is."""
    with host._lock:
        job = jobs.get(response_id)
        stored = host._responses.get(response_id)
    if job is None:
        if stored is not None:
            raise ApiError(
                400,
                "Only responses created with background set to true can be cancelled.",
                param="response_id",
            )
        raise ApiError(404, f"Response with id '{response_id}' not found.", code="not_found")
    job.cancelled.set()
    if job.thread is not None:
        job.thread.join(CANCEL_WAIT_S)
    with host._lock:
        response = copy.deepcopy(host._responses.get(response_id))
    send_json(handler, 200, response)


def stream_again(
    host: Host,
    handler: Handler,
    jobs: dict[str, Job],
    response_id: str,
    query: dict[str, str],
    fault: Fault | None,
) -> None:
    """`GET /v1/responses/{id}?stream=true[&starting_after=N]`: a background response's events after N."""
    with host._lock:
        job = jobs.get(response_id)
        stored = response_id in host._responses
    if job is None:
        if stored:
            raise ApiError(
                400,
                "Only responses created with background set to true can be streamed again.",
                param="stream",
            )
        raise ApiError(404, f"Response with id '{response_id}' not found.", code="not_found")
    after: int | None = None
    if "starting_after" in query:
        try:
            after = int(query["starting_after"])
        except ValueError:
            raise ApiError(
                400, "Invalid 'starting_after': expected an integer.", param="starting_after"
            ) from None
    follow(host, handler, job, after, fault)
